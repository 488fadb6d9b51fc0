"""The /whosaid slash command: ack at once, answer through the router, deliver where the reply belongs."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.models import Digest
from bot.store import Store
from handlers import router
from handlers.blocks import digest_message
from handlers.slack_text import unescape

log = logging.getLogger(__name__)


def deliver(reply: router.Reply, respond: Respond) -> None:
    """Answer through the response URL: it works in any channel, the bot a member or not."""
    respond(**reply.message, response_type="in_channel" if reply.audience == "channel" else "ephemeral")


def poster(client: WebClient) -> Callable[[str, Digest], None]:
    """Post a digest as the bot, for the scheduler and `/whosaid digest now` alike."""

    def post(channel_id: str, digest: Digest) -> None:
        try:
            client.chat_postMessage(channel=channel_id, **digest_message(digest))
        except SlackApiError as err:
            error = err.response.get("error")
            log.warning("posting a digest to %s failed: %s", channel_id, error)
            raise router.PostError(f"I could not post in this channel ({error}): invite me with "
                                   "`/invite @whosaid` first.") from err

    return post


def register(app: App, *, store: Callable[[], Store], editors: Sequence[str]) -> None:
    """Add the /whosaid listener."""

    @app.command("/whosaid")
    def whosaid(ack: Ack, command: dict, respond: Respond, client: WebClient) -> None:
        ack()  # before any work: Slack gives up after 3 s, and checks or digests may take longer
        who = router.asker(command.get("user_id"), command.get("channel_id", ""), editors=editors,
                           post=poster(client))
        deliver(router.command(store(), unescape(command.get("text", "")), who=who), respond)
