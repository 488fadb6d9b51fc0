"""What Slack sends, read back as the plain text a person typed."""

from __future__ import annotations

import re

# <@U123|name>, <#C123|general>, <!channel>, <!subteam^S1|@team>, <https://x|label>, <mailto:a@b>
_MARKUP = re.compile(r"<([@#!]?)([^|>]*)(?:\|([^>]*))?>")


def unescape(text: str) -> str:
    """Undo Slack's escaping of &, < and > (the only three it escapes)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _plain(match: re.Match) -> str:
    sigil, target, label = match.groups()
    if label:
        return label if sigil != "@" or label.startswith("@") else "@" + label
    if sigil == "!":
        return "@" + target.split("^")[0]
    return sigil + target


def message_text(text: str, *, bot_user_id: str | None = None) -> str:
    """A message's text with mentions and links as they read, and the bot's own mention removed."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>:?", " ", text)
    return unescape(_MARKUP.sub(_plain, text)).strip()
