"""When words were said: datelines and date expressions resolved against the article's date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?")
DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
MONTH_DAY = rf"(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
DAY_MONTH = rf"\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?"
# "May 11—", "KYIV, May 11 (Reuters) -", "WASHINGTON, May 11, 2025 —", "(ANSA) - PRISTINA, 21 Oct -" at the top.
DATELINE = re.compile(rf"^\s*(?:\([^)\n]*\)\s*[—–-]\s*)?(?:[A-Z][A-Za-z .'-]*,\s*){{0,3}}({MONTH_DAY}|{DAY_MONTH})"
                      r"\s*(?:\([^)]*\)\s*)?[—–-]", re.I | re.M)
# A time expression that dates an attribution ("on May 8", "on Thursday", "yesterday", "this morning").
WHEN = re.compile(
    rf"\b(?:(?:on|late|early)\s+)?(?:(?:{DAYS})\s*,?\s*)?(?:{MONTH_DAY})\b"
    rf"|\b(?:on|late|early|last)\s+(?:{DAYS})\b|\b(?:{DAYS})\s+(?:morning|afternoon|evening|night)\b"
    r"|\b(?:yesterday|today|tonight|last night|this morning|this afternoon|this evening|earlier today"
    r"|last weekend)\b"
    rf"|\b(?:{DAYS})\b", re.I)  # AP style: "said Thursday", "warning Wednesday"
# Words before a date that make it the date of something else: a plan, a deadline, a period.
NOT_UTTERANCE = re.compile(r"(?:starting|start|from|until|till|by|before|after|through|since|to|for|"
                           r"next|beginning|ending|deadline|of)\s*(?:on\s+)?$", re.I)
# Inside a quote, "tomorrow, May 12th" dates the words to the day before; "today, May 11" to that day.
SPOKEN = re.compile(rf"\b(tomorrow|today)\s*,?\s*(?:(?:{DAYS})\s*,?\s*)?({MONTH_DAY})", re.I)
PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|ne|wn|id|ld|ght)\b", re.I)


def dateline(text: str, published: date | None) -> date | None:
    """The story's own day: a dateline opening it ("May 11—"), or a lead telling of that day's news."""
    head = text[:300]
    m = DATELINE.search(head)
    if m:
        return resolve(m.group(1), published)
    return published if published and _lead_is_of(published, text) else None


def _lead_is_of(day: date, text: str) -> bool:
    """True when the story's first sentence tells of its publication day ("the talks on Thursday unfolded ...",
    "... said today"), as a same-day news report does: its unnamed days are that day."""
    lead = re.split(r"(?<=[.!?])\s|\n\s*\n", text.strip(), maxsplit=1)[0][:400]
    weekday = day.strftime("%A").lower()
    return any(m.group(1).lower() in ("today", "this morning", weekday)
               for m in re.finditer(rf"\b(today|this morning|{DAYS})\b", lead, re.I))


def resolve(expr: str, base: date | None) -> date | None:
    """A date expression as a day, read against base; future days and bare years give None."""
    if base is None and not re.search(r"\d{4}", expr):
        return None
    found = _parse(re.sub(r"\b(on|late|early)\s+", "", expr.strip(), flags=re.I), base)
    if found is None or (base is not None and found > base):
        return None
    return found


@lru_cache(maxsize=4096)
def _parse(expr: str, base: date | None) -> date | None:
    """dateparser with the article's date as the reference; past readings for weekdays, same year for days."""
    key = expr.lower()
    if base is not None and key == "last weekend":
        return base - timedelta(days=(base.weekday() + 1) % 7 or 7)  # the Sunday before
    if base is not None and re.fullmatch(r"(this |earlier )?(morning|afternoon|evening|today|tonight)", key):
        return base
    weekday = re.fullmatch(rf"(last\s+)?({DAYS})(?:\s+\w+)?", key)
    if base is not None and weekday:  # the latest such day on or before the story's, a week back for "last"
        back = (base.weekday() - DAYS.split("|").index(weekday.group(2))) % 7
        return base - timedelta(days=back + (7 if weekday.group(1) and back == 0 else 0))
    settings = {"PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    parsed = dateparser.parse(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", expr), languages=["en"], settings=settings)
    if parsed is None:
        return None
    if "last night" in key:
        return parsed.date() - timedelta(days=1) if parsed.date() == base else parsed.date()
    return parsed.date()


def when_said(context: str, base: date | None) -> date | None:
    """The day an attribution context dates its words to ("said on May 8", "told reporters Thursday")."""
    for m in WHEN.finditer(context):
        if NOT_UTTERANCE.search(context[max(0, m.start() - 20): m.start()]):
            continue
        day = resolve(m.group(), base)
        if day is not None:
            return day
    return None


def spoken_day(quote: str, base: date | None) -> date | None:
    """The day a quote was said, from "tomorrow, May 12th" or "today, May 11" in its own words."""
    m = SPOKEN.search(quote)
    if m is None or base is None:
        return None
    named = _parse(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", m.group(2)), base + timedelta(days=30))
    if named is None:
        return None
    day = named - timedelta(days=1) if m.group(1).lower() == "tomorrow" else named
    return day if day <= base else None


def earlier_than_story(context: str) -> bool:
    """True when the attribution is in the past perfect ("had called"): before the story's day."""
    return PAST_PERFECT.search(context) is not None
