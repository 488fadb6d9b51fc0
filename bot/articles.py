"""Reading articles from files, with their metadata, refusing what is not an article."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from bot.models import Article

SUFFIXES = (".txt", ".md", ".html", ".htm")
METADATA_FILE = "metadata.json"
MAX_BYTES = 2_000_000
FIELDS = ("outlet", "published", "headline", "url")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message says why in plain words."""


def find_files(paths: list[Path]) -> Iterator[Path]:
    """Expand folders into the article files they hold, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def decode(raw: bytes, *, name: str) -> str:
    """Bytes to text, or a clear refusal for empty, oversized, binary or non-UTF-8 input."""
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"{name}: too large for one article ({len(raw) / 1e6:.1f} MB; the limit is "
                           f"{MAX_BYTES / 1e6:.0f} MB)")
    if b"\x00" in raw:
        raise ArticleError(f"{name}: a binary file, not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(f"{name}: not UTF-8 text (byte {err.start}); save it as UTF-8") from None
    if not text.strip():
        raise ArticleError(f"{name}: empty")
    return text


def parse_date(value: object, *, name: str) -> date | None:
    """An ISO date from metadata, or a clear refusal."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ArticleError(f"{name}: published date {value!r} is not YYYY-MM-DD") from None


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Take `key: value` lines from a leading `---` block; blank it out so offsets stay those of the file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in FIELDS:
            fields[key.strip().lower()] = value.strip().strip("\"'")
    blanked = re.sub(r"[^\n]", " ", match.group(0))
    return blanked + text[match.end():], fields


def folder_metadata(folder: Path) -> dict[str, dict]:
    """The metadata file beside articles: file name → outlet, published, headline, url."""
    path = folder / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ArticleError(f"{path}: unreadable metadata ({err})") from None
    if not isinstance(data, dict):
        raise ArticleError(f"{path}: metadata must map file names to fields")
    return data


def from_html(html: str, *, name: str) -> tuple[str, dict[str, str]]:
    """The article text and metadata of a web page, via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 30:
        raise ArticleError(f"{name}: no article text found on the page")
    fields = {"headline": doc.title, "outlet": doc.sitename, "published": doc.date, "url": doc.url}
    return text, {k: v for k, v in fields.items() if v}


def build(name: str, text: str, fields: dict) -> Article:
    """An Article from text and whatever metadata is known."""
    return Article(
        name=name,
        text=text,
        outlet=fields.get("outlet") or None,
        published=parse_date(fields.get("published"), name=name),
        headline=fields.get("headline") or None,
        url=fields.get("url") or None,
    )


def read_article(path: Path) -> Article:
    """One article file, with front matter or the folder's metadata file; ArticleError if it is no article."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot read ({err.strerror})") from None
    text = decode(raw, name=path.name)
    if path.suffix.lower() in (".html", ".htm"):
        text, fields = from_html(text, name=path.name)
    else:
        text, fields = split_front_matter(text)
    meta = folder_metadata(path.parent).get(path.name, {})
    merged = {k: meta.get(k) for k in FIELDS} | {k: v for k, v in fields.items() if v}
    return build(path.name, text, merged)
