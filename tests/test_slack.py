"""The Slack app end to end: `whosaid serve --http` as a subprocess, signed requests, a fake Web API on loopback."""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.slackfake import WAIT, WHOSAID, Bot, bot_fixture, clean_env, seeded_db_fixture  # noqa: F401 - fixtures

ALTERED = 'Zelensky said: "We expect Russia to confirm a ceasefire starting May 15th"'
ZELENSKY_VERBATIM = 'Zelensky said: "We need to understand the level of the Russian delegation and its mandate"'
PAGE = """<!doctype html><html><head><title>Harbour bridge to reopen next spring | Loopback News</title>
<meta property="og:site_name" content="Loopback News"><meta property="article:published_time" content="2025-06-03">
</head><body><article><h1>Harbour bridge to reopen next spring</h1>
<p>The harbour bridge closed since the winter storms will carry traffic again next year, city officials said.</p>
<p>"The harbour bridge will reopen to traffic next spring, and the toll stays where it is," Mayor Jane Holloway
said on Tuesday at a news conference at city hall.</p>
<p>Engineers found that the storm had cracked two of the bridge's main supports, and repairs have taken longer
than first planned because the steel had to be ordered from abroad.</p>
<p>Holloway said the council would publish the full repair schedule before the summer recess.</p>
</article></body></html>"""


def message_event(text: str, *, channel: str, ts: str, **extra) -> dict:
    """A message event as Slack delivers it for a channel message."""
    return {"type": "message", "user": "U2", "text": text, "ts": ts, "channel": channel,
            "channel_type": "channel", "event_ts": ts, **extra}


def barrier(bot: Bot, name: str) -> None:
    """Send a direct message and wait for its answer: the events sent before it have been handled by then."""
    bot.event({"type": "message", "user": "U2", "text": ZELENSKY_VERBATIM, "ts": f"{name}.1", "channel": f"D{name}",
               "channel_type": "im", "event_ts": f"{name}.1"}, event_id=f"Ev-barrier-{name}")
    bot.slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == f"D{name}")


def test_health_and_unknown_paths(bot: Bot) -> None:
    assert bot.get("/healthz") == (200, "ok")
    assert bot.get("/elsewhere")[0] == 404
    assert bot.get("/slack/events")[0] == 404


def test_forged_and_stale_signatures_are_refused(bot: Bot) -> None:
    assert bot.command("help", key="forged", secret="not-the-secret")[0] == 401
    assert bot.command("help", key="stale", timestamp=int(time.time()) - 600)[0] == 401
    assert bot.command("help", key="fresh")[0] == 200
    bot.slack.response("fresh")
    assert not bot.slack.matching(lambda c: c.path in ("/response/forged", "/response/stale"))


def test_help_and_unknown_input_answer_only_the_user(bot: Bot) -> None:
    for key, text in (("help", "help"), ("empty", ""), ("unknown", "digest sometimes")):
        assert bot.command(text, key=key)[0] == 200
        reply = bot.slack.response(key)
        assert reply.body["response_type"] == "ephemeral"
        assert "/whosaid watch on" in reply.text() and "/whosaid add" in reply.text()


def test_lookup_answers_the_channel_with_speaker_date_and_sources(bot: Bot) -> None:
    bot.command("have the meeting now", key="lookup", user="U7")
    reply = bot.slack.response("lookup")
    assert reply.body["response_type"] == "in_channel"
    assert "Donald Trump" in reply.text() and "11 May 2025" in reply.text()
    assert "Sources:" in reply.text() and "Asked by <@U7>" in reply.text()
    assert "Donald Trump" in reply.body["text"]
    assert len(reply.body["blocks"]) <= 50
    assert all(len(b["text"]["text"]) < 3000 for b in reply.body["blocks"] if b["type"] == "section")


def test_ack_returns_before_the_work_is_done(bot: Bot) -> None:
    """The fake holds the answer unanswered: an app that finished its work before acking would never ack."""
    bot.slack.release.clear()
    try:
        sent = time.monotonic()
        status, _ = bot.command("have the meeting now", key="slow", timeout=WAIT / 2)
        acked = time.monotonic()
        assert status == 200
        held = bot.slack.response("slow")
        assert not held.answered  # the work's last step is still waiting while the ack is back
    finally:
        bot.slack.release.set()
    print(f"ack after {1000 * (acked - sent):.0f} ms; answer held from {1000 * (held.arrived - sent):.0f} ms")


def test_pasted_slack_markup_comes_back_escaped(bot: Bot) -> None:
    pasted = "<!channel> <@U123> look at <https://x|y> & tell everyone now"
    bot.command(f'check Trump said "{pasted}"', key="markup-check")
    bot.command(pasted, key="markup-lookup")
    for key in ("markup-check", "markup-lookup"):
        reply = bot.slack.response(key).text()
        for raw in ("<!channel>", "<@U123>", "<https://x|y>"):
            assert raw not in reply
        assert "&lt;!channel&gt; &lt;@U123&gt; look at &lt;https://x|y&gt; &amp; tell" in reply


def test_check_command_gives_verdict_and_true_speaker(bot: Bot) -> None:
    bot.command('check Putin wrote "HAVE THE MEETING, NOW!!!"', key="check")
    reply = bot.slack.response("check")
    assert reply.body["response_type"] == "in_channel"
    assert "Misattributed" in reply.text() and "Donald Trump" in reply.text()


def test_mention_is_answered_once_in_thread_even_when_redelivered(bot: Bot) -> None:
    event = {"type": "app_mention", "user": "U2", "text": f"<@UBOT> {ALTERED}", "ts": "1700000001.000100",
             "channel": "CMENTION", "event_ts": "1700000001.000100"}
    assert bot.event(event, event_id="Ev-mention")[0] == 200
    reply = bot.slack.wait_for(lambda c: c.body.get("channel") == "CMENTION")[0]
    assert reply.body["thread_ts"] == "1700000001.000100"
    assert "Altered" in reply.text()
    assert bot.event(event, event_id="Ev-mention", headers={"X-Slack-Retry-Num": "1",
                                                            "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
    barrier(bot, "mention")
    assert len(bot.slack.posts_to("CMENTION")) == 1


def test_watched_channel_replies_only_to_quotes_that_are_not_verbatim(bot: Bot) -> None:
    bot.command("watch on", key="watch-on", channel="CWATCH")
    assert bot.slack.response("watch-on").body["response_type"] == "in_channel"
    bot.event(message_event(ZELENSKY_VERBATIM, channel="CWATCH", ts="1.1"), event_id="Ev-w1")
    bot.event(message_event("no quotes in this one at all, just chatter about lunch", channel="CWATCH", ts="1.2"),
              event_id="Ev-w2")
    bot.event(message_event(ALTERED, channel="CWATCH", ts="1.3"), event_id="Ev-w3")
    reply = bot.slack.wait_for(lambda c: c.body.get("channel") == "CWATCH")[0]
    assert reply.body["thread_ts"] == "1.3" and "Altered" in reply.text()
    # Bots, the bot itself and edits are never answered.
    bot.event(message_event(ALTERED, channel="CWATCH", ts="1.4", bot_id="BOTHER"), event_id="Ev-w4")
    bot.event(message_event(ALTERED, channel="CWATCH", ts="1.5", user="UBOT"), event_id="Ev-w5")
    bot.event(message_event(ALTERED, channel="CWATCH", ts="1.6", subtype="bot_message"), event_id="Ev-w6")
    barrier(bot, "watch")
    assert [c.body["thread_ts"] for c in bot.slack.posts_to("CWATCH")] == ["1.3"]

    bot.command("watch off", key="watch-off", channel="CWATCH")
    bot.slack.response("watch-off")
    bot.event(message_event(ALTERED, channel="CWATCH", ts="1.7"), event_id="Ev-w7")
    barrier(bot, "unwatched")
    assert len(bot.slack.posts_to("CWATCH")) == 1


def test_unwatched_channel_gets_no_reply(bot: Bot) -> None:
    bot.event(message_event(ALTERED, channel="CQUIET", ts="2.1"), event_id="Ev-q1")
    barrier(bot, "quiet")
    assert bot.slack.posts_to("CQUIET") == []


def test_message_shortcut_answers_the_user_alone(bot: Bot) -> None:
    assert bot.shortcut(ALTERED, key="shortcut", user="U5")[0] == 200
    reply = bot.slack.response("shortcut")
    assert reply.body["response_type"] == "ephemeral"
    assert "Altered" in reply.text() and "Volodymyr Zelensky" in reply.text()


def test_digest_now_is_posted_through_the_web_api(bot: Bot) -> None:
    bot.command("digest now", key="digest", channel="CDIGEST")
    post = bot.slack.wait_for(lambda c: c.body.get("channel") == "CDIGEST")[0]
    assert post.method == "chat.postMessage"
    assert post.body["blocks"][0]["type"] == "header" and "Donald Trump" in post.text()
    assert bot.slack.response("digest").body["response_type"] == "ephemeral"


def test_added_article_page_answers_the_next_lookup(bot: Bot) -> None:
    bot.slack.pages["/news/harbour-bridge"] = PAGE
    bot.command(f"add {bot.slack.url}/news/harbour-bridge", key="add")
    added = bot.slack.response("add")
    assert added.body["response_type"] == "in_channel", added.text()
    bot.command("harbour bridge reopen next spring", key="after-add")
    reply = bot.slack.response("after-add").text()
    assert "Jane Holloway" in reply and "Loopback News" in reply

    bot.command(f"add {bot.slack.url}/news/missing", key="add-missing")
    missing = bot.slack.response("add-missing")
    assert missing.body["response_type"] == "ephemeral" and "404" in missing.text()


@pytest.mark.parametrize("settings, complaint", [
    ({"SLACK_BOT_TOKEN": "xoxb-test"}, "SLACK_SIGNING_SECRET is not set"),
    ({"SLACK_BOT_TOKEN": "xapp-wrong", "SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN should start with 'xoxb-'"),
    ({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "WHOSAID_PORT": "many"}, "WHOSAID_PORT"),
])
def test_bad_settings_stop_the_start_with_one_line(tmp_path, settings: dict, complaint: str) -> None:
    run = subprocess.run([str(WHOSAID), "serve", "--http"], env=clean_env(**settings), cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert complaint in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_unreachable_slack_is_one_line(tmp_path) -> None:
    env = clean_env(SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET="s", SLACK_API_URL="http://127.0.0.1:9/")
    run = subprocess.run([str(WHOSAID), "serve", "--http"], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.startswith("whosaid: cannot reach Slack") and len(run.stderr.strip().splitlines()) == 1
