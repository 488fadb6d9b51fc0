"""The `whosaid` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from bot.ingest import IngestReport, extract_for, ingest_articles, read_all
from bot.settings import get_settings
from bot.store import Store

PROGRESS_FROM = 20


def open_store(db: str | None) -> Store:
    """The store at --db, or at WHOSAID_DB."""
    return Store(Path(db) if db else get_settings().whosaid_db)


db_option = click.option("--db", type=click.Path(dir_okay=False), help="store file (default: WHOSAID_DB)")


@click.group()
@click.version_option(package_name="whosaid")
def cli() -> None:
    """whosaid: who said what, when and where, from a newsroom's articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
def ingest(paths: tuple[Path, ...], db: str | None) -> None:
    """Add articles (files or folders of .txt, .md, .html) to the store.

    \b
    Example:
        whosaid ingest seeds/ ~/articles/today.md
    """
    articles, errors = read_all(paths)
    report = IngestReport(errors=errors)
    store = open_store(db)
    try:
        if len(articles) >= PROGRESS_FROM:
            with click.progressbar(length=len(articles), label="ingesting", file=sys.stderr) as bar:
                ingest_articles(store, articles, report=report, progress=lambda _: bar.update(1))
        else:
            ingest_articles(store, articles, report=report)
    finally:
        store.close()
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(report.summary())
    if report.errors and not report.outcomes:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jsonl", is_flag=True, help="one JSON object per claim instead of readable lines")
def extract(files: tuple[Path, ...], jsonl: bool) -> None:
    """Print the claims found in articles, leaving the store untouched.

    \b
    Example:
        whosaid extract seeds/*.txt --jsonl
    """
    articles, errors = read_all(files)
    for error in errors:
        click.echo(f"error: {error}", err=True)
    for article, claims in zip(articles, extract_for(None, articles), strict=True):
        for claim in claims:
            row = {"article": article.name, "start": claim.start, "end": claim.end, "quote": claim.quote,
                   "kind": claim.kind, "speaker": claim.speaker,
                   "said_on": claim.said_on.isoformat() if claim.said_on else None, "medium": claim.medium}
            if jsonl:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(f"{article.name}:{claim.start} [{claim.kind}] {claim.speaker or '-'}: {claim.quote}")
    if errors and not articles:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def people(db: str | None, as_json: bool) -> None:
    """List speakers with their aliases, roles and claim counts."""
    store = open_store(db)
    try:
        found = store.people()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([p.model_dump() for p in found], ensure_ascii=False, indent=1))
        return
    for person in found:
        role = f" ({person.role})" if person.role else ""
        aliases = f"  aka {', '.join(person.aliases)}" if person.aliases else ""
        click.echo(f"{person.claims:4}  {person.name}{role}{aliases}")
