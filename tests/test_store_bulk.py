"""Bulk ingest on real SQLite files: the same statements, sources and search index as one article at a time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.models import Article, Claim
from bot.store import Store

POST = "Ukraine should agree to this, IMMEDIATELY. HAVE THE MEETING, NOW!!!"
OTHER = "The budget is tight but fair, and the council will vote on it in June."


def claim(text: str, quote: str, speaker: str, **extra) -> Claim:
    """A speech claim on the first occurrence of `quote` in `text`."""
    start = text.index(quote)
    return Claim(start=start, end=start + len(quote), quote=quote, kind="speech", speaker=speaker,
                 sentence_start=0, sentence_end=len(text), **extra)


def batch() -> list[tuple[Article, list[Claim]]]:
    """Three articles: two quoting one post in different words, one quoting someone else."""
    a = Article(name="a.txt", text=f'Ann Example wrote: "{POST}"', outlet="Daily A", published=date(2025, 5, 11))
    b = Article(name="b.txt", text='Example: "Ukraine should agree to this, IMMEDIATELY… HAVE THE MEETING NOW!"',
                outlet="Daily B", published=date(2025, 5, 12))
    c = Article(name="c.txt", text=f'Bob Sample said: "{OTHER}"', outlet="Daily C", published=date(2025, 5, 12))
    return [(a, [claim(a.text, POST, "Ann Example", medium="Truth Social", said_on=date(2025, 5, 11))]),
            (b, [claim(b.text, "Ukraine should agree to this, IMMEDIATELY… HAVE THE MEETING NOW!", "Ann Example")]),
            (c, [claim(c.text, OTHER, "Bob Sample")])]


def snapshot(store: Store) -> list[tuple]:
    """What lookups see: each statement with speaker, wording, date, medium and sources, and what search finds."""
    statements = store.statements(store.statement_ids(limit=100))
    found = store.search_claims(store.rare_terms(["meeting", "budget"], limit=8), limit=10)
    return [(s.speaker, s.text, s.said_on, s.medium, [(x.article, x.quote) for x in s.sources], s.variants)
            for s in statements] + [tuple(sorted(found))]


def test_bulk_ingest_stores_what_one_at_a_time_does(tmp_path: Path) -> None:
    one = Store(tmp_path / "one.db")
    for article, claims in batch():
        one.ingest(article, claims)
    bulk = Store(tmp_path / "bulk.db")
    outcomes = bulk.ingest_many(batch())
    assert [o.status for o in outcomes] == ["added"] * 3
    assert bulk.counts() == one.counts() == {"articles": 3, "people": 2, "statements": 2, "claims": 3}
    assert snapshot(bulk) == snapshot(one)
    assert bulk.ingest_many(batch())[0].status == "unchanged"


def test_a_failing_article_leaves_the_whole_batch_out(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    broken = batch()
    article, claims = broken[2]
    broken[2] = (article, [*claims, claims[0].model_copy(update={"kind": "no such kind"})])
    with pytest.raises(Exception):  # noqa: B017 - any error, as long as nothing stays
        store.ingest_many(broken)
    assert store.counts() == {"articles": 0, "people": 0, "statements": 0, "claims": 0}
    assert store.search_claims(["meeting"]) == []
