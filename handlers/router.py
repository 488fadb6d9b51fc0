"""One reading of `/whosaid …` lines and pasted messages, so Slack and the console answer alike."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot import schedule
from bot.check import check as check_quotes
from bot.fetch import FetchError, ingest_url
from bot.lookup import ask
from bot.store import Store
from bot.text import words
from handlers.blocks import ask_message, check_message, notice_message, usage_message

log = logging.getLogger(__name__)

WATCHED_WORDS = 6  # a watched channel's shorter quotes are too often scare quotes or titles to be worth a reply
TIME = re.compile(r"\d{1,2}:\d{2}")
# Double quote marks only: single ones double as apostrophes, and a watched channel must not check every "it's".
QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]+)[\"”“»]")

Audience = Literal["user", "channel"]


@dataclass(frozen=True)
class Reply:
    """A rendered answer and who sees it: the user alone, or the channel (naming who asked)."""

    message: dict
    audience: Audience = "user"


@dataclass(frozen=True)
class Asker:
    """Who asks, where, and whether they may change what the store holds or what a channel gets."""

    user_id: str | None
    channel_id: str
    editor: bool
    post: schedule.Post  # how a digest reaches the channel: the Web API in Slack, the terminal in the console


class PostError(Exception):
    """A digest could not be posted; the message says why and what to do."""


def asker(user_id: str | None, channel_id: str, *, editors: Sequence[str], post: schedule.Post) -> Asker:
    """An asker; with no editors configured anyone may edit, and the console (no user id) always may."""
    return Asker(user_id, channel_id, editor=user_id is None or not editors or user_id in editors, post=post)


def command(store: Store, text: str, *, who: Asker) -> Reply:
    """The answer to `/whosaid <text>`, never an exception."""
    head, _, rest = text.strip().partition(" ")
    action = SUBCOMMANDS.get(head.lower())
    try:
        if action:
            return action(store, rest.strip(), who)
        if not words(text):
            return Reply(usage_message("Tell me what to look up." if text.strip() else ""))
        return Reply(ask_message(ask(store, text.strip(), limit=5), asked_by=who.user_id), "channel")
    except Exception:  # noqa: BLE001 - a bug must cost one answer, never the bot; the log keeps the traceback
        log.exception("answering /whosaid %r failed", text)
        return Reply(notice_message("Something went wrong answering that; the error is in the bot's log."))


def console_line(store: Store, line: str, *, who: Asker) -> Reply:
    """A console line or a message to the bot: `/whosaid …` as the command, anything else a pasted text to check."""
    stripped = line.strip()
    if stripped.lower() == "help":
        return Reply(usage_message())
    if stripped.lower() == "/whosaid" or stripped.lower().startswith("/whosaid "):
        return command(store, stripped[len("/whosaid"):], who=who)
    return command(store, f"check {stripped}", who=who)


def help_card(_store: Store, _rest: str, _who: Asker) -> Reply:
    """The usage card."""
    return Reply(usage_message())


def check_pasted(store: Store, rest: str, who: Asker) -> Reply:
    """Every quoted passage of the pasted text checked, for the channel to see."""
    if not words(rest):
        return Reply(usage_message("Paste the text with its quote after `check`."))
    return Reply(check_message(check_quotes(store, rest), asked_by=who.user_id), "channel")


def watch(store: Store, rest: str, who: Asker) -> Reply:
    """Turn checking every quote posted in the channel on or off."""
    if rest.lower() not in ("on", "off"):
        return Reply(usage_message("Say `/whosaid watch on` or `/whosaid watch off`."))
    if not who.editor:
        return Reply(notice_message(NOT_EDITOR))
    store.update_channel(who.channel_id, watch=int(rest.lower() == "on"))
    if rest.lower() == "on":
        note = (f"Watching this channel: quotes of {WATCHED_WORDS} words or more are checked, and I reply in a "
                "thread when one is not verbatim. Invite me to the channel if I am not in it.")
    else:
        note = "Stopped watching this channel's quotes."
    return Reply(notice_message(note), "channel")


def digest(store: Store, rest: str, who: Asker) -> Reply:
    """Subscribe the channel to the daily digest, stop it, post it now or say how it stands."""
    verb, *args = rest.split() or [""]
    verb = verb.lower()
    if verb == "status" and not args:
        return Reply(notice_message(schedule.status(store, who.channel_id)))
    if verb == "now" and not args:
        try:
            schedule.post_now(store, who.channel_id, who.post)
        except PostError as err:
            return Reply(notice_message(str(err)))
        return Reply(notice_message("Digest posted; the next one covers what is stored after it."))
    if verb not in ("on", "off") or (verb == "off" and args):
        return Reply(usage_message("Say `/whosaid digest on [HH:MM] [timezone]`, `off`, `now` or `status`."))
    if not who.editor:
        return Reply(notice_message(NOT_EDITOR))
    if verb == "off":
        schedule.unsubscribe(store, who.channel_id)
    else:
        times = [a for a in args if TIME.fullmatch(a)]
        zones = [a for a in args if not TIME.fullmatch(a)]
        if len(times) > 1 or len(zones) > 1:
            return Reply(usage_message("Give at most one time and one timezone, e.g. `digest on 08:30 Europe/Paris`."))
        chosen = {"at": times[0]} if times else {}
        chosen |= {"tz": zones[0]} if zones else {}
        try:
            schedule.subscribe(store, who.channel_id, **chosen)
        except ValueError as err:
            return Reply(notice_message(str(err)))
    return Reply(notice_message(schedule.status(store, who.channel_id)), "channel")


def add(store: Store, rest: str, who: Asker) -> Reply:
    """Fetch an article page and add its claims to the store."""
    url = re.sub(r"^<([^|>]+)(?:\|[^>]*)?>$", r"\1", rest.strip())
    if not url or " " in url:
        return Reply(usage_message("Give one article address, e.g. `/whosaid add https://example.com/story`."))
    if not who.editor:
        return Reply(notice_message(NOT_EDITOR))
    try:
        return Reply(notice_message(ingest_url(store, url)), "channel")
    except FetchError as err:
        return Reply(notice_message(str(err)))


NOT_EDITOR = "Only the editors listed in WHOSAID_EDITORS may add articles or change this channel's settings."
SUBCOMMANDS: dict[str, Callable[[Store, str, Asker], Reply]] = {
    "help": help_card, "check": check_pasted, "watch": watch, "digest": digest, "add": add,
}


def watched(store: Store, text: str) -> Reply | None:
    """The thread reply to a message in a watched channel: only when a long enough quote is not verbatim."""
    if not any(len(words(m.group(1))) >= WATCHED_WORDS for m in QUOTED.finditer(text)):
        return None  # most messages quote nothing: no check spent on them
    result = check_quotes(store, text)
    long_enough = [c for c in result.checks if len(words(c.quote)) >= WATCHED_WORDS]
    if not any(c.verdict != "verbatim" for c in long_enough):
        return None
    return Reply(check_message(result, checks=long_enough), "channel")
