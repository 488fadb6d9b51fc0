"""A fake Slack on 127.0.0.1 for end-to-end tests: the Web API, response URLs and article pages, every call recorded.

Also the whosaid HTTP server as a real subprocess pointed at it, and requests signed exactly as Slack signs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parent.parent
WHOSAID = Path(sys.executable).with_name("whosaid")
SECRET = "test-signing-secret"
AUTH = {"ok": True, "url": "https://test.slack.com/", "team": "Test", "user": "whosaid", "team_id": "T1",
        "user_id": "UBOT", "bot_id": "BBOT"}
WAIT = 20.0  # generous ceiling for a reply to arrive: only ever reached when something is broken
HOLD = 3 * WAIT  # a held response URL post outlasts any request waiting on it


@dataclass
class Call:
    """One request the fake received: a Web API method or a response URL, with its decoded body."""

    path: str
    body: dict
    arrived: float = field(default_factory=time.monotonic)
    answered: bool = False

    @property
    def method(self) -> str:
        return self.path.strip("/")

    def text(self) -> str:
        """Everything a person could read in the message: fallback text and every block, as sent."""
        return json.dumps({"text": self.body.get("text"), "blocks": self.body.get("blocks")}, ensure_ascii=False)


class FakeSlack:
    """Slack's Web API and response URLs, answering like Slack and recording every call; also serves pages."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.pages: dict[str, str] = {}
        self.changed = threading.Condition()
        self.release = threading.Event()  # cleared: response URL posts are held unanswered until set
        self.release.set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                page = fake.pages.get(self.path)
                self.answer(200 if page else 404, page or "not found", "text/html; charset=utf-8")

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = dict(parse_qsl(raw))
                call = Call(self.path, body)
                with fake.changed:
                    fake.calls.append(call)
                    fake.changed.notify_all()
                if self.path.startswith("/response/"):
                    fake.release.wait(HOLD)
                    self.answer(200, "ok", "text/plain")
                    call.answered = True
                    return
                answer = AUTH if call.method == "auth.test" else {"ok": True, "channel": body.get("channel"),
                                                                   "ts": f"{time.time():.6f}"}
                self.answer(200, json.dumps(answer), "application/json")

            def answer(self, status: int, text: str, content_type: str) -> None:
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, matches: Callable[[Call], bool], *, count: int = 1) -> list[Call]:
        """The first `count` calls matching, waiting for them to arrive."""
        with self.changed:
            self.changed.wait_for(lambda: len(self.matching(matches)) >= count, timeout=WAIT)
            found = self.matching(matches)
        assert len(found) >= count, f"expected {count} matching call(s), got {len(found)}: {self.calls}"
        return found[:count]

    def matching(self, matches: Callable[[Call], bool]) -> list[Call]:
        return [c for c in list(self.calls) if matches(c)]

    def posts_to(self, channel: str) -> list[Call]:
        """chat.postMessage calls to a channel."""
        return self.matching(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)

    def response(self, key: str) -> Call:
        """The post to the response URL of one request."""
        return self.wait_for(lambda c: c.path == f"/response/{key}")[0]


@dataclass
class Bot:
    """The running whosaid HTTP server and the fake Slack it talks to."""

    url: str
    slack: FakeSlack
    process: subprocess.Popen

    def send(self, body: bytes, content_type: str, *, timestamp: int | None = None, secret: str = SECRET,
             headers: dict | None = None, timeout: float = WAIT) -> tuple[int, str]:
        """POST to /slack/events signed as Slack signs: HMAC-SHA256 of v0:{timestamp}:{body}."""
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
        request = urllib.request.Request(f"{self.url}/slack/events", data=body, method="POST", headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature,
            **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def command(self, text: str, *, key: str, channel: str = "C1", user: str = "U1", **options) -> tuple[int, str]:
        """A /whosaid slash command, form-encoded as Slack sends it, answering to /response/<key>."""
        form = {"token": "legacy", "team_id": "T1", "team_domain": "test", "channel_id": channel,
                "channel_name": "newsroom", "user_id": user, "user_name": "reporter", "command": "/whosaid",
                "text": text, "api_app_id": "A1", "is_enterprise_install": "false",
                "response_url": f"{self.slack.url}/response/{key}", "trigger_id": "1.2.3"}
        return self.send(urlencode(form).encode(), "application/x-www-form-urlencoded", **options)

    def event(self, event: dict, *, event_id: str, **options) -> tuple[int, str]:
        """An Events API callback as Slack posts it."""
        body = {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                "event_id": event_id, "event_time": int(time.time()), "event": event,
                "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}]}
        return self.send(json.dumps(body).encode(), "application/json", **options)

    def shortcut(self, text: str, *, key: str, channel: str = "C1", user: str = "U1") -> tuple[int, str]:
        """The "Check quotes" message shortcut on a message, as a form field `payload`."""
        payload = {"type": "message_action", "callback_id": "check_quotes", "trigger_id": "1.2.3",
                   "team": {"id": "T1"}, "user": {"id": user}, "channel": {"id": channel, "name": "newsroom"},
                   "message": {"type": "message", "user": "U9", "text": text, "ts": "1700000000.000100"},
                   "message_ts": "1700000000.000100", "response_url": f"{self.slack.url}/response/{key}"}
        return self.send(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=WAIT) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()


def clean_env(**settings: str) -> dict:
    """The environment without any Slack or whosaid setting of the machine, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "WHOSAID_"))}
    return {**env, **settings}


@pytest.fixture(scope="session", name="seeded_db")
def seeded_db_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once per session by `whosaid ingest seeds/`, real extraction included."""
    path = tmp_path_factory.mktemp("seeded") / "whosaid.db"
    subprocess.run([str(WHOSAID), "ingest", str(ROOT / "seeds"), "--db", str(path)], check=True,
                   capture_output=True, env=clean_env(), cwd=path.parent)
    return path


@pytest.fixture(scope="module", name="bot")
def bot_fixture(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """`whosaid serve --http` as a real subprocess on a copy of the seeded store, talking to a fake Slack."""
    slack = FakeSlack()
    home = tmp_path_factory.mktemp("bot")
    shutil.copy(seeded_db, home / "whosaid.db")
    env = clean_env(SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=f"{slack.url}/",
                    WHOSAID_DB=str(home / "whosaid.db"))
    process = subprocess.Popen([str(WHOSAID), "serve", "--http", "--host", "127.0.0.1", "--port", "0"], env=env,
                               cwd=home, stderr=subprocess.PIPE, text=True)
    url = None
    for line in process.stderr:
        if "listening for Slack on" in line:
            url = line.split(" on ", 1)[1].strip().removesuffix("/slack/events")
            break
    assert url, "the server did not start"
    threading.Thread(target=process.stderr.read, daemon=True).start()  # keep the pipe drained
    try:
        yield Bot(url, slack, process)
    finally:
        process.terminate()
        process.wait(timeout=WAIT)
        slack.close()
