"""The console (`whosaid run` without Slack settings) and the router it shares with Slack."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store import Store
from handlers import router
from handlers.blocks import blocks_to_text
from handlers.console import run_console
from tests.slackfake import ROOT, WHOSAID, clean_env, seeded_db_fixture  # noqa: F401 - fixture


@pytest.fixture
def store(seeded_db: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copy(seeded_db, tmp_path / "whosaid.db")
    store = Store(tmp_path / "whosaid.db")
    yield store
    store.close()


def never_post(channel: str, digest: object) -> None:
    raise AssertionError("nothing should be posted")


def test_make_run_without_slack_opens_the_console_and_answers(seeded_db: Path, tmp_path: Path) -> None:
    shutil.copy(seeded_db, tmp_path / "whosaid.db")
    run = subprocess.run([str(WHOSAID), "run", "--seeds", str(ROOT / "seeds")], input="/whosaid have the meeting now\n",
                         env=clean_env(WHOSAID_DB=str(tmp_path / "whosaid.db")), cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Donald Trump" in run.stdout and "11 May 2025" in run.stdout and "Sources:" in run.stdout
    assert "5 unchanged" in run.stderr  # the seeds were already in the store: nothing extracted again
    assert "whosaid>" not in run.stdout  # no prompts when stdin is not a terminal


def test_console_answers_exactly_like_slack(store: Store) -> None:
    lines = ['/whosaid have the meeting now', 'Putin wrote "HAVE THE MEETING, NOW!!!"', "help", "quit",
             "/whosaid never reached"]
    out = io.StringIO()
    run_console(store, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    who = router.asker("U1", "C1", editors=(), post=never_post)
    expected = [router.command(store, "have the meeting now", who=who),
                router.command(store, 'check Putin wrote "HAVE THE MEETING, NOW!!!"', who=who)]
    for reply in expected:
        assert blocks_to_text(reply.message["blocks"]).replace("Asked by @U1  ·  ", "") in out.getvalue()
    assert "Misattributed" in out.getvalue() and "/whosaid add" in out.getvalue()
    assert "never reached" not in out.getvalue()


def test_digest_now_in_the_console_prints_the_digest(store: Store) -> None:
    out = io.StringIO()
    run_console(store, stdin=io.StringIO("/whosaid digest now\n/whosaid digest now\n"), stdout=out)
    first, second = out.getvalue().split("Digest posted")[:2]
    assert "Donald Trump" in first and "Everything said so far" in first
    assert "Nothing new said since" in second  # the channel's mark moved past what the first digest covered


def test_only_editors_change_settings_or_add_articles(store: Store) -> None:
    outsider = router.asker("U2", "C9", editors=["UEDITOR"], post=never_post)
    for text in ("watch on", "digest on 08:00 UTC", "add https://example.com/story"):
        reply = router.command(store, text, who=outsider)
        assert reply.audience == "user" and "WHOSAID_EDITORS" in reply.message["text"]
    assert store.channel("C9")["watch"] == 0 and store.channel("C9")["digest_on"] == 0
    assert router.command(store, "have the meeting now", who=outsider).audience == "channel"
    editor = router.asker("UEDITOR", "C9", editors=["UEDITOR"], post=never_post)
    assert router.command(store, "watch on", who=editor).audience == "channel"
    assert store.channel("C9")["watch"] == 1


def test_digest_subscription_is_validated_and_reported(store: Store) -> None:
    who = router.asker("U1", "C5", editors=(), post=never_post)
    bad = router.command(store, "digest on 25:00", who=who)
    assert bad.audience == "user" and "not a time of day" in bad.message["text"]
    assert "not a time zone" in router.command(store, "digest on 08:30 Mars/Olympus", who=who).message["text"]
    on = router.command(store, "digest on 08:30 Europe/London", who=who)
    assert on.audience == "channel" and "08:30 Europe/London" in on.message["text"]
    assert "No daily digest" in router.command(store, "digest off", who=who).message["text"]
