"""The Slack app: settings checked at start, Bolt wired to the store, served over HTTP or Socket Mode."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import ValidationError
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from waitress import create_server

from bot.ingest import IngestReport, ingest_articles, read_all
from bot.schedule import DigestScheduler
from bot.settings import Settings, get_settings
from bot.store import Store
from handlers import commands, messages
from handlers.console import run_console

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class SettingsError(Exception):
    """A missing or malformed setting, told in one line."""


def settings_or_exit() -> Settings:
    """The settings, or one clear line on stderr and exit status 2."""
    try:
        return get_settings()
    except ValidationError as err:
        first = err.errors()[0]
        exit_with(f"setting {'.'.join(map(str, first['loc'])).upper()}: {first['msg']}")


def exit_with(line: str) -> None:
    """Stop at start with one line, no traceback."""
    print(f"whosaid: {line}", file=sys.stderr)
    sys.exit(2)


def slack_problem(settings: Settings, *, socket: bool) -> str | None:
    """What stops the Slack app from starting with these settings, or None."""
    needed = {"SLACK_BOT_TOKEN": (settings.slack_bot_token, "xoxb-")}
    needed["SLACK_APP_TOKEN" if socket else "SLACK_SIGNING_SECRET"] = (
        (settings.slack_app_token, "xapp-") if socket else (settings.slack_signing_secret, ""))
    for name, (value, prefix) in needed.items():
        if not value:
            return f"{name} is not set (see docs/slack-setup.md)"
        if not value.startswith(prefix):
            return f"{name} should start with {prefix!r}; check you copied the right token"
    if not settings.slack_api_url.startswith(("http://", "https://")):
        return f"SLACK_API_URL {settings.slack_api_url!r} is not an http(s) URL"
    return None


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


def start(settings: Settings, *, http: bool, host: str, port: int) -> None:
    """Run the bot until stopped: Socket Mode with an app token unless HTTP is asked for, digests alongside."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    socket = not http and bool(settings.slack_app_token)
    problem = slack_problem(settings, socket=socket)
    if problem:
        exit_with(problem)
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
            print("whosaid: connected to Slack in Socket Mode", file=sys.stderr)
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


def has_slack(settings: Settings) -> bool:
    """True when the settings name a workspace to connect to: a bot token and an app token or signing secret."""
    return bool(settings.slack_bot_token and (settings.slack_app_token or settings.slack_signing_secret))


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
        start(settings, http=not settings.slack_app_token, host=settings.whosaid_host, port=settings.whosaid_port)
        return
    store = Store(settings.whosaid_db)
    try:
        run_console(store)
    finally:
        store.close()
