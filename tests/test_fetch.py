"""The live corpus over a real web server on 127.0.0.1: pages and feeds in, each article once, failures harmless."""

from __future__ import annotations

import socket
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.fetch import FetchError, fetch_article, ingest_url, poll_feeds
from bot.store import Store
from tests.web import Page, Site, article_page, atom, rss

SPEAKERS = ["Ann Example", "Bob Sample", "Carla Third", "Dan Fourth"]


def story(n: int) -> list[str]:
    """Paragraphs of a distinct article with quotes the extractor attributes."""
    speaker = SPEAKERS[n % len(SPEAKERS)]
    return [f'{speaker}, the city treasurer, said on Monday: "We will open {n + 3} new libraries before the winter '
            f'and every one of them will stay open late on weekdays."',
            f"The council debated the plan number {n} for three hours, and members asked how the city would pay "
            f"for staff, books and heating in the new buildings over the next five years.",
            f'"Nobody on this council has seen the figures for plan {n}," Eve Critic told reporters afterwards.']


@pytest.fixture(scope="module")
def site() -> Site:
    web = Site()
    for n in range(4):
        web.pages[f"/news/{n}"] = Page(article_page(f"Plan {n} for libraries", "City Ledger", "2025-03-03",
                                                    story(n), canonical=web.url(f"/news/{n}")))
    web.pages["/mirror/0"] = Page(article_page("Plan 0 for libraries", "City Ledger", "2025-03-03", story(0)))
    web.pages["/slow"] = Page(web.pages["/news/1"].body, delay=1.5)
    web.pages["/report.pdf"] = Page("%PDF-1.7 ...", "application/pdf")
    web.pages["/short"] = Page(article_page("Subscribe", "City Ledger", "2025-03-03", ["Subscribe to read on."]))
    web.pages["/boom"] = Page("server error", "text/plain", 500)
    web.pages["/rss.xml"] = Page(rss([web.url("/news/0"), web.url("/news/1"), web.url("/missing")]),
                                 "application/rss+xml")
    web.pages["/atom.xml"] = Page(atom([web.url("/news/1"), web.url("/news/2")]), "application/atom+xml")
    web.pages["/notxml.xml"] = Page("<html><body>no feed here", "text/html")
    yield web
    web.close()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store.db")
    yield s
    s.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_page_is_read_with_its_metadata(site: Site) -> None:
    article = fetch_article(site.url("/news/2"))
    assert article.name == site.url("/news/2")
    assert (article.headline, article.outlet, article.published.isoformat()) == (
        "Plan 2 for libraries", "City Ledger", "2025-03-03")
    assert article.url == site.url("/news/2")
    assert "We will open 5 new libraries before the winter" in article.text
    assert "Home" not in article.text


def test_url_is_added_once_and_the_same_text_elsewhere_never(site: Site, store: Store) -> None:
    message = ingest_url(store, site.url("/news/0"))
    assert message.startswith(f"{site.url('/news/0')}: added with ")
    counts = store.counts()
    assert counts["articles"] == 1 and counts["claims"] >= 2
    hits = site.hits["/news/0"]
    assert ingest_url(store, site.url("/news/0")) == f"{site.url('/news/0')}: already in the store"
    assert site.hits["/news/0"] == hits, "a stored URL is not fetched again"
    assert ingest_url(store, site.url("/mirror/0")) == \
        f"{site.url('/mirror/0')}: already in the store as {site.url('/news/0')}"
    assert store.counts() == counts


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "the server answered 404"),
    ("/boom", "the server answered 500"),
    ("/slow", "no answer within 0.5 s"),
    ("/report.pdf", "application/pdf, not a web page"),
    ("/short", "no article text found on the page"),
])
def test_fetch_errors_say_why_and_change_nothing(site: Site, store: Store, path: str, reason: str) -> None:
    ingest_url(store, site.url("/news/3"))
    before = store.counts()
    with pytest.raises(FetchError) as caught:
        ingest_url(store, site.url(path), timeout=0.5)
    assert str(caught.value).startswith(site.url(path) + ": ")
    assert reason in str(caught.value)
    assert store.counts() == before
    assert not store.has_url(site.url(path))


@pytest.mark.parametrize(("url", "reason"), [
    ("ftp://127.0.0.1/x.html", "not a web address"),
    ("http://127.0.0.1:{port}/x.html", "cannot connect"),
])
def test_unreachable_addresses_say_why(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_article(url.format(port=closed_port()), timeout=2)


def test_feeds_add_each_article_once_and_a_broken_feed_stops_no_other(site: Site, store: Store) -> None:
    feeds = [site.url("/notxml.xml"), site.url("/rss.xml"), site.url("/gone.xml"), site.url("/atom.xml")]
    messages = poll_feeds(store, feeds)
    added = sorted(m.removeprefix(site.url("")).split(":")[0] for m in messages if ": added with " in m)
    assert added == ["/news/0", "/news/1", "/news/2"]
    assert any(m.startswith(site.url("/notxml.xml")) and "not an RSS or Atom feed" in m for m in messages)
    assert any(m.startswith(site.url("/gone.xml")) and "404" in m for m in messages)
    assert any(m.startswith(site.url("/missing")) and "404" in m for m in messages)
    assert store.counts()["articles"] == 3
    errors = {row["url"]: row["error"] for row in store.db["feeds"].rows}
    assert errors[site.url("/rss.xml")] is None and errors[site.url("/atom.xml")] is None
    assert "404" in errors[site.url("/gone.xml")] and "not an RSS" in errors[site.url("/notxml.xml")]

    hits = {p: site.hits[p] for p in ("/news/0", "/news/1", "/news/2", "/missing")}
    again = poll_feeds(store, feeds)
    assert not [m for m in again if ": added with " in m or "already" in m]
    assert {p: site.hits[p] for p in hits} == hits, "stored links and links that just failed are not fetched again"
    assert not any(m.startswith(site.url("/missing")) for m in again)
    assert store.counts()["articles"] == 3


def test_a_failed_feed_link_is_tried_again_later(site: Site, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    poll_feeds(store, [site.url("/rss.xml")])
    hits = site.hits["/missing"]
    poll_feeds(store, [site.url("/rss.xml")])
    assert site.hits["/missing"] == hits
    monkeypatch.setattr("bot.fetch.LINK_RETRY", timedelta(0))
    assert any(m.startswith(site.url("/missing")) and "404" in m for m in poll_feeds(store, [site.url("/rss.xml")]))
    assert site.hits["/missing"] == hits + 1


def test_cli_ingests_urls_and_feeds(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", site.url("/news/3"), "--feed", site.url("/atom.xml"), "--db", db])
    assert first.exit_code == 0, first.output
    assert "3 added" in first.output
    second = runner.invoke(cli, ["ingest", site.url("/news/3"), "--db", db])
    assert second.exit_code == 0 and "1 unchanged" in second.output
    failed = runner.invoke(cli, ["ingest", site.url("/missing"), "--db", db])
    assert failed.exit_code == 1
    assert f"error: {site.url('/missing')}: the server answered 404" in failed.output
    assert "Traceback" not in failed.output
    nothing = runner.invoke(cli, ["ingest", "--db", db])
    assert nothing.exit_code == 2 and "--feed URL" in nothing.output
