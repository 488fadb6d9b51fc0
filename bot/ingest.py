"""From files to the store: read, skip what is known, extract in one batch, store article by article."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.articles import ArticleError, find_files, read_article
from bot.models import Article, Claim
from bot.store import IngestOutcome, Store


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line."""

    outcomes: dict[str, IngestOutcome] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line a person reads at the end of a run."""
        tally: dict[str, int] = {}
        for outcome in self.outcomes.values():
            tally[outcome.status] = tally.get(outcome.status, 0) + 1
        claims = sum(o.claims for o in self.outcomes.values())
        parts = [f"{n} {status}" for status, n in sorted(tally.items())] or ["nothing ingested"]
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return f"{', '.join(parts)}; {claims} claims stored"


def read_all(paths: Sequence[Path]) -> tuple[list[Article], list[str]]:
    """Every readable article under `paths`, and a clear message for each file that is not one."""
    articles, errors = [], []
    files = list(find_files(list(paths)))
    for path in files:
        if not path.exists():
            errors.append(f"{path}: no such file or folder")
            continue
        try:
            articles.append(read_article(path))
        except ArticleError as err:
            errors.append(str(err))
    if not files:
        errors.append("no .txt, .md or .html files found in " + ", ".join(map(str, paths)))
    return articles, errors


def extract_for(store: Store | None, articles: Sequence[Article]) -> list[list[Claim] | Exception]:
    """Claims of each article, speakers named as the store already knows them."""
    if not articles:
        return []
    from bot.extract import extract  # spaCy loads in seconds: only when there is something to extract

    return extract(articles, known=store.people() if store else ())


def ingest_articles(
    store: Store, articles: Sequence[Article], *, report: IngestReport | None = None,
    progress: Callable[[Article], None] | None = None,
) -> IngestReport:
    """Store new and edited articles; known ones are skipped before any extraction is spent on them."""
    report = report or IngestReport()
    fresh = []
    for article in articles:
        known = store.article_status(article)
        if known:
            report.outcomes[article.name] = known
        else:
            fresh.append(article)
    for article, claims in zip(fresh, extract_for(store, fresh), strict=True):
        try:
            if isinstance(claims, Exception):
                raise claims
            report.outcomes[article.name] = store.ingest(article, claims)
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the others; the store rolled back
            report.errors.append(f"{article.name}: not stored ({err})")
        if progress:
            progress(article)
    return report
