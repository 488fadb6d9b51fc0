"""Pasted quotes: mentions and direct messages, watched channels, and the "Check quotes" message shortcut."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.store import Store
from handlers import router
from handlers.commands import poster
from handlers.slack_text import message_text

ANSWERED_SUBTYPES = (None, "thread_broadcast", "file_share")  # edits, joins and deletions are not new words


def from_a_bot(event: dict, context: BoltContext) -> bool:
    """True for the bot's own messages and any other bot's: bots never answer bots."""
    return bool(event.get("bot_id")) or event.get("subtype") == "bot_message" or (
        event.get("user") is not None and event.get("user") == context.bot_user_id)


def first_delivery(store: Store, body: dict) -> bool:
    """False for a redelivered event (Slack retries with the same event_id), which must not be answered twice."""
    event_id = body.get("event_id")
    return not event_id or store.first_seen(event_id)


def reply_in_thread(client: WebClient, event: dict, reply: router.Reply) -> None:
    """Post under the message that was checked."""
    client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"], **reply.message)


def register(app: App, *, store: Callable[[], Store], editors: Sequence[str]) -> None:
    """Add the mention, message and shortcut listeners."""

    def answer(body: dict, event: dict, client: WebClient, context: BoltContext) -> None:
        if from_a_bot(event, context) or not first_delivery(store(), body):
            return
        who = router.asker(event.get("user"), event["channel"], editors=editors, post=poster(client))
        text = message_text(event.get("text", ""), bot_user_id=context.bot_user_id)
        reply_in_thread(client, event, router.console_line(store(), text, who=who))

    @app.event("app_mention")
    def mentioned(body: dict, event: dict, client: WebClient, context: BoltContext) -> None:
        answer(body, event, client, context)

    @app.event("message")
    def posted(body: dict, event: dict, client: WebClient, context: BoltContext) -> None:
        if event.get("subtype") not in ANSWERED_SUBTYPES or from_a_bot(event, context):
            return
        if event.get("channel_type") == "im":
            answer(body, event, client, context)
            return
        if context.bot_user_id and f"<@{context.bot_user_id}" in event.get("text", ""):
            return  # the app_mention event for the same message answers it
        if not store().channel(event["channel"])["watch"]:
            return
        reply = router.watched(store(), message_text(event.get("text", "")))
        if reply and first_delivery(store(), body):
            reply_in_thread(client, event, reply)

    @app.shortcut("check_quotes")
    def check_quotes(ack: Ack, shortcut: dict, respond: Respond, client: WebClient) -> None:
        ack()
        who = router.asker(shortcut["user"]["id"], shortcut.get("channel", {}).get("id", ""), editors=editors,
                           post=poster(client))
        text = message_text(shortcut.get("message", {}).get("text", ""))
        reply = router.command(store(), f"check {text}", who=who)
        # Only the person who asked sees it: checking a colleague's message is not a public accusation.
        respond(**reply.message, response_type="ephemeral")
