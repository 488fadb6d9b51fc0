"""The Slack app: settings checked at start, Bolt wired to the store, served over HTTP or Socket Mode."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from waitress import create_server

from bot.ingest import IngestReport, ingest_articles, read_all
from bot.schedule import DigestScheduler
from bot.settings import Settings
from bot.store import Store
from handlers import commands, messages
from handlers.console import run_console
from handlers.startup import exit_with, has_slack, settings_or_exit, socket_mode_or_exit

EVENTS_PATH = "/slack/events"


class Stores:
    """One store connection per thread: Bolt answers on a pool, and SQLite transactions belong to a connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.local = threading.local()

    def __call__(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.path)
        return store


def build_app(settings: Settings, *, socket: bool) -> App:
    """The Bolt app with every listener, its Web API client at SLACK_API_URL; fails if Slack refuses the token."""
    base_url = settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
    client = WebClient(token=settings.slack_bot_token, base_url=base_url)
    # Bolt also reads SLACK_BOT_TOKEN from the environment and warns that the client's token wins: it is the same.
    logging.getLogger("slack_bolt.App").addFilter(lambda record: "will be unused" not in record.getMessage())
    app = App(client=client, signing_secret=settings.slack_signing_secret or "", process_before_response=False,
              request_verification_enabled=not socket)
    stores = Stores(settings.whosaid_db)
    commands.register(app, store=stores, editors=settings.whosaid_editors)
    messages.register(app, store=stores, editors=settings.whosaid_editors)
    return app


def wsgi(app: App) -> Callable:
    """Slack events at /slack/events, a health check at /healthz, 404 elsewhere."""
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == EVENTS_PATH:
            return bolt(environ, start_response)
        status, body = ("200 OK", b"ok") if path == "/healthz" else ("404 Not Found", b"not found")
        start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    return serve


def start(settings: Settings, *, socket: bool, host: str, port: int) -> None:
    """Run the bot until stopped, in Socket Mode or over HTTP, digests alongside; settings are checked already."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.disable(logging.ERROR)  # the SDK's own report of a failed auth.test would repeat our one line
    try:
        app = build_app(settings, socket=socket)
    except Exception as err:  # noqa: BLE001 - Slack refusing the token or being unreachable is one line, not a trace
        exit_with(f"cannot reach Slack at {settings.slack_api_url} with SLACK_BOT_TOKEN: {getattr(err, 'reason', err)}")
    finally:
        logging.disable(logging.NOTSET)
    scheduler = DigestScheduler(Store(settings.whosaid_db), post=commands.poster(app.client))
    # SIGTERM (docker stop, systemctl stop) ends the server like Ctrl-C, so the scheduler finishes its job.
    signal.signal(signal.SIGTERM, interrupt)
    scheduler.start()
    try:
        if socket:
            print("whosaid: connecting to Slack in Socket Mode", file=sys.stderr)
            SocketModeHandler(app, settings.slack_app_token).start()
        else:
            serve_http(app, host=host, port=port)
    except KeyboardInterrupt:
        pass
    finally:
        scheduler.shutdown()


def interrupt(*_: object) -> None:
    """Turn a stop signal into the same clean exit as Ctrl-C."""
    raise KeyboardInterrupt


def serve_http(app: App, *, host: str, port: int) -> None:
    """Serve Slack's requests with waitress, a production WSGI server."""
    server = create_server(wsgi(app), host=host, port=port, threads=8)
    print(f"whosaid: listening for Slack on http://{host}:{server.effective_port}{EVENTS_PATH}", file=sys.stderr)
    server.run()


def seed_store(settings: Settings, seeds: Path) -> None:
    """Bring the store up to date with the seed articles; known ones are skipped without extraction."""
    if not seeds.is_dir():
        print(f"whosaid: no {seeds}/ folder here, starting with the store as it is", file=sys.stderr)
        return
    articles, errors = read_all([seeds])
    store = Store(settings.whosaid_db)
    try:
        report = ingest_articles(store, articles, report=IngestReport(errors=errors))
    finally:
        store.close()
    for error in report.errors:
        print(f"whosaid: {error}", file=sys.stderr)
    print(f"whosaid: store {settings.whosaid_db}: {report.summary()}", file=sys.stderr)


def run(*, seeds: Path) -> None:
    """`make run`: seed the store, then the Slack app when Slack settings are present, else the console."""
    settings = settings_or_exit()
    seed_store(settings, seeds)
    if has_slack(settings):
        start(settings, socket=socket_mode_or_exit(settings, http=False), host=settings.whosaid_host,
              port=settings.whosaid_port)
        return
    store = Store(settings.whosaid_db)
    try:
        run_console(store)
    finally:
        store.close()
