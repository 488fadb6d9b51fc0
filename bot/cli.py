"""The `whosaid` command line."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from bot.check import check as check_quotes
from bot.console import ask_text, check_text, digest_text
from bot.digest import digest_for_day
from bot.fetch import feed_articles, fetch_new, is_url
from bot.ingest import IngestReport, extract_for, ingest_articles, read_all
from bot.lookup import ask as look_up
from bot.settings import get_settings
from bot.store import Store, StoreError

PROGRESS_FROM = 20


def open_store(db: str | None) -> Store:
    """The store at --db, or at WHOSAID_DB."""
    return Store(Path(db) if db else get_settings().whosaid_db)


def read_store(db: str | None) -> Store:
    """The existing store at --db or WHOSAID_DB; a clear error, not a new empty file, when there is none."""
    path = Path(db) if db else get_settings().whosaid_db
    if not path.is_file():
        raise click.ClickException(f"no claim store at {path}; add articles first with `whosaid ingest`")
    return Store(path)


db_option = click.option("--db", type=click.Path(dir_okay=False), help="store file (default: WHOSAID_DB)")


@click.group()
@click.version_option(package_name="whosaid")
def cli() -> None:
    """whosaid: who said what, when and where, from a newsroom's articles."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="an RSS or Atom feed to add the articles of "
              "(repeatable)")
@db_option
def ingest(paths: tuple[str, ...], feeds: tuple[str, ...], db: str | None) -> None:
    """Add articles (files or folders of .txt, .md, .html, web pages, feeds) to the store.

    \b
    Examples:
        whosaid ingest seeds/ ~/articles/today.md
        whosaid ingest https://news.example/2025/05/11/talks.html
        whosaid ingest --feed https://news.example/rss.xml
    """
    if not paths and not feeds:
        raise click.UsageError("give files, folders or web addresses of articles, or --feed URL")
    files = [Path(p) for p in paths if not is_url(p)]
    articles, errors = read_all(files) if files else ([], [])
    report = IngestReport(errors=errors)
    store = open_store(db)
    try:
        articles += fetch_new(store, [p for p in paths if is_url(p)], report)
        articles += feed_articles(store, feeds, report)
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
        if isinstance(claims, Exception):
            click.echo(f"error: {article.name}: {claims}", err=True)
            continue
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


@cli.command("ask")
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="only articles whose outlet, URL or file name contains this")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100), help="statements to show")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def ask_command(query: tuple[str, ...], db: str | None, outlet: str | None, limit: int, as_json: bool) -> None:
    """Look up who said what: a speaker, words, a day, or all three.

    \b
    Examples:
        whosaid ask Peskov ceasefire
        whosaid ask what did Trump say on May 11
        whosaid ask '"have the meeting"' --outlet Times
    """
    store = read_store(db)
    try:
        result = look_up(store, " ".join(query), limit=limit, outlet=outlet)
    finally:
        store.close()
    click.echo(result.model_dump_json() if as_json else ask_text(result))


@cli.command("check")
@click.argument("texts", nargs=-1)
@db_option
@click.option("--json", "as_json", is_flag=True, help="one JSON line per text")
def check_command(texts: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Check quotes in pasted texts against the sources (each argument one text; none or - reads stdin).

    \b
    Examples:
        whosaid check 'Putin wrote "HAVE THE MEETING, NOW!!!"'
        pbpaste | whosaid check
    """
    texts = tuple(sys.stdin.read() if t == "-" else t for t in texts or ("-",))
    store = read_store(db)
    try:
        results = [check_quotes(store, text) for text in texts]
    finally:
        store.close()
    for result in results:
        click.echo(result.model_dump_json() if as_json else check_text(result) + "\n")


def iso_day(_ctx: click.Context, _param: click.Parameter, value: str) -> date:
    """A YYYY-MM-DD option as a date, or a usage error saying the format."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2025-05-11") from None


@cli.command("digest")
@click.option("--date", "day", required=True, callback=iso_day, help="the day the statements were made, YYYY-MM-DD")
@db_option
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def digest_command(day: date, db: str | None, as_json: bool) -> None:
    """Print what was said on a day, by speaker, flagging words that outlets quote differently.

    \b
    Example:
        whosaid digest --date 2025-05-11
    """
    store = read_store(db)
    try:
        result = digest_for_day(store, day)
    finally:
        store.close()
    click.echo(result.model_dump_json(indent=1) if as_json else digest_text(result))


# The Slack app and console live in handlers/, imported only by these two commands: the core runs without Slack.
@cli.command()
@click.option("--seeds", default="seeds", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="folder of articles to bring the store up to date with first")
def run(seeds: Path) -> None:
    """Seed the store, then run the Slack app if Slack settings are present, else the console.

    \b
    Example:
        printf '/whosaid have the meeting now\\n' | whosaid run
    """
    from handlers.app import run as run_app

    run_app(seeds=seeds)


@cli.command()
@click.option("--http", is_flag=True, help="serve Slack's HTTP requests (default: Socket Mode with SLACK_APP_TOKEN)")
@click.option("--host", help="address to listen on in HTTP mode (default: WHOSAID_HOST, 127.0.0.1)")
@click.option("--port", type=click.IntRange(0, 65535), help="port in HTTP mode (default: WHOSAID_PORT, 3000)")
def serve(http: bool, host: str | None, port: int | None) -> None:
    """Connect the bot to Slack: Socket Mode with SLACK_APP_TOKEN, or HTTP at /slack/events with --http.

    \b
    Example:
        whosaid serve --http --port 3000 --host 127.0.0.1
    """
    from handlers.startup import settings_or_exit, socket_mode_or_exit

    settings = settings_or_exit()
    socket = socket_mode_or_exit(settings, http=http)
    from handlers.app import start

    start(settings, socket=socket, host=host or settings.whosaid_host,
          port=settings.whosaid_port if port is None else port)


def main() -> None:
    """The console script: a person sees one line for an unexpected failure, a developer the traceback on demand."""
    try:
        cli(standalone_mode=True)
    except StoreError as err:
        click.echo(f"whosaid: {err}", err=True)
        sys.exit(1)
    except Exception as err:  # noqa: BLE001 - the last line of defence: never a traceback in the terminal
        if get_settings().whosaid_debug:
            raise
        click.echo(f"whosaid: unexpected error: {err} (set WHOSAID_DEBUG=1 to see where)", err=True)
        sys.exit(1)
