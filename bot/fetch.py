"""The live corpus: articles fetched from their web pages and from the newsroom's RSS or Atom feeds.

The same URL is never fetched twice once stored, and the same text (under another URL) is never stored twice.
A page that cannot be read as an article gives a FetchError with the reason, and changes nothing.
"""

from __future__ import annotations

import http.client
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen
from xml.etree import ElementTree

from trafilatura.utils import decode_file

from bot.articles import MAX_BYTES, ArticleError, build, from_html
from bot.ingest import IngestReport, ingest_articles
from bot.models import Article
from bot.store import IngestOutcome, Store

USER_AGENT = "whosaid/0.1 (newsroom quote archive)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9"
# A feed lists the newest first; older entries were stored by earlier polls.
MAX_ENTRIES = 50
# A feed link that could not be read (a paywall, a video page, a server error) is tried again after this long.
LINK_RETRY = timedelta(hours=12)


class FetchError(ValueError):
    """A page or feed that could not be read; the message says why in plain words."""


def is_url(text: str) -> bool:
    """True for an http(s) address with a host."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def download(url: str, *, timeout: float, accept: str) -> tuple[bytes, str, str | None]:
    """The body of a 200 answer, its content type and charset, or a FetchError saying what went wrong."""
    if not is_url(url):
        raise FetchError(f"{url}: not a web address (http:// or https://)")
    request = Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    try:
        with urlopen(request, timeout=timeout) as response:
            if response.status != 200:
                raise FetchError(f"{url}: the server answered {response.status} {response.reason}, not a page")
            body = response.read(MAX_BYTES + 1)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except HTTPError as err:
        raise FetchError(f"{url}: the server answered {err.code} {err.reason}") from None
    except URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise FetchError(f"{url}: no answer within {timeout:g} s") from None
        raise FetchError(f"{url}: cannot connect ({err.reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as err:
        raise FetchError(f"{url}: the connection failed ({err or type(err).__name__})") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"{url}: larger than {MAX_BYTES / 1e6:.0f} MB, not an article page")
    return body, content_type, charset


def decode(body: bytes, charset: str | None) -> str:
    """Text of a body in the charset the server named, else as trafilatura guesses it."""
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass  # a charset Python does not know: guess instead
    return decode_file(body)


def fetch_article(url: str, *, timeout: float = 10) -> Article:
    """The article on a web page, with headline, outlet, date and canonical URL where the page gives them."""
    body, content_type, charset = download(url, timeout=timeout, accept="text/html, application/xhtml+xml")
    if content_type not in PAGE_TYPES:
        raise FetchError(f"{url}: {content_type}, not a web page")
    try:
        text, fields = from_html(decode(body, charset), name=url)
        canonical = fields.get("url")
        return build(url, text, fields | {"url": canonical if canonical and is_url(canonical) else url})
    except ArticleError as err:
        raise FetchError(f"{err} (a paywall, an index or a video page?)") from None


def feed_links(url: str, *, timeout: float = 10) -> list[str]:
    """The article links of an RSS (0.9x, 1.0, 2.0) or Atom feed, in feed order."""
    body, _, _ = download(url, timeout=timeout, accept=FEED_ACCEPT)
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as err:
        raise FetchError(f"{url}: not an RSS or Atom feed (unreadable XML: {err})") from None
    if local_name(root.tag) not in ("rss", "RDF", "feed"):
        raise FetchError(f"{url}: not an RSS or Atom feed (the document is <{local_name(root.tag)}>)")
    links = []
    for entry in root.iter():
        if local_name(entry.tag) in ("item", "entry"):
            link = entry_link(entry)
            if link and is_url(urljoin(url, link)):
                links.append(urljoin(url, link))
    return list(dict.fromkeys(links))[:MAX_ENTRIES]


def local_name(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rpartition("}")[2]


def entry_link(entry: ElementTree.Element) -> str | None:
    """An item's link: RSS <link>text</link>, or Atom <link href> (the alternate one when several)."""
    for child in entry:
        if local_name(child.tag) != "link":
            continue
        if child.text and child.text.strip():
            return child.text.strip()
        if child.get("href") and child.get("rel", "alternate") == "alternate":
            return child.get("href").strip()
    return None


def fetch_new(store: Store, urls: Sequence[str], report: IngestReport, *, timeout: float = 10,
              remember_failures: bool = False) -> list[Article]:
    """The articles behind `urls` not stored yet; stored ones and failures are noted in `report` (and the store)."""
    articles = []
    for url in dict.fromkeys(u.strip() for u in urls):
        if store.has_url(url):
            report.outcomes[url] = IngestOutcome("unchanged")
            continue
        try:
            article = fetch_article(url, timeout=timeout)
        except FetchError as err:
            report.errors.append(str(err))
            if remember_failures:
                store.record_failed_link(url, str(err))
            continue
        if article.url != url and store.has_url(article.url):
            report.outcomes[url] = IngestOutcome("duplicate", duplicate_of=article.url)
        else:
            articles.append(article)
    return articles


def describe(name: str, outcome: IngestOutcome) -> str:
    """One line saying what ingesting one article did."""
    if outcome.status in ("added", "replaced"):
        return f"{name}: {outcome.status} with {outcome.claims} claims"
    if outcome.status == "duplicate":
        return f"{name}: already in the store as {outcome.duplicate_of}"
    return f"{name}: already in the store"


def ingest_url(store: Store, url: str, *, timeout: float = 10) -> str:
    """Fetch and store the article at `url`; what happened in one line, or a FetchError saying why not."""
    report = IngestReport()
    ingest_articles(store, fetch_new(store, [url], report, timeout=timeout), report=report)
    if report.errors:
        raise FetchError(report.errors[0])
    return describe(url.strip(), report.outcomes[url.strip()])


def feed_articles(store: Store, feeds: Sequence[str], report: IngestReport, *, timeout: float = 10) -> list[Article]:
    """The articles of each feed not stored yet; a broken feed is noted in `report` and the store, stopping none."""
    links: list[str] = []
    for feed in feeds:
        try:
            links += feed_links(feed, timeout=timeout)
        except FetchError as err:
            store.record_feed(feed, str(err))
            report.errors.append(str(err))
        else:
            store.record_feed(feed)
    links = list(dict.fromkeys(links))
    failed = store.failed_links(links, since=datetime.now(UTC) - LINK_RETRY) if links else set()
    return fetch_new(store, [link for link in links if link not in failed], report, timeout=timeout,
                     remember_failures=True)


def poll_feeds(store: Store, urls: Sequence[str], *, timeout: float = 10) -> list[str]:
    """Store each feed's new articles; one line per new link and per failure."""
    report = IngestReport()
    ingest_articles(store, feed_articles(store, urls, report, timeout=timeout), report=report)
    return [describe(name, outcome) for name, outcome in report.outcomes.items() if outcome.status != "unchanged"] \
        + report.errors
