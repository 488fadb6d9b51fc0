"""Blank out scraping noise (footnote digits, source credits) and straighten apostrophes, moving no offset."""

from __future__ import annotations

import re

from bot.places import BODIES, is_place

# A footnote number glued to a word or to closing punctuation: `Turkey.1`, `NOW!!!"2`, `discussions2`.
# Lowercase runs only, so `G7`, `F16` or `COVID19` stay; a year or a day needs a space before it.
FOOTNOTE = re.compile(r"(?:(?<=[a-z]{3})|(?<=[.!?,;\"”’)]))\d{1,2}(?=[\s.,;]|$)", re.M)
# Source credits pasted by AI search tools: `.AP News+1Financial Times+1` up to the end of the line.
CREDITS = re.compile(r"(?<=\.)(?:[A-Za-z][\w&'. -]*?\+\d+)+(?:[A-Za-z][\w&'. -]*)?[ \t]*$", re.M)
# A dateline in capitals opening a paragraph, `HAVANA TIMES – The president-elect ...`, with the wires' date and
# credit, `WASHINGTON, May 5 (Reuters) - `, `(ANSA) - PRISTINA, 21 OTT - `, `WELLINGTON, New Zealand (AP) — `: the
# parser takes it for the subject.
DATELINE = re.compile(r"^(?:\([^)\n]{1,30}\) ?[–—-] )?(?P<place>[A-Z][A-Z.'’&-]+(?: [A-Z][A-Z.'’&-]+)*)"
                      r"(?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2}(?=[,( ]))?"
                      r"(?:, (?:[A-Z][A-Za-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Za-z]{3,9}\.?)(?:,? \d{4})?)?"
                      r"(?: \([^)\n]{1,30}\))? ?[–—-] (?=\S)", re.M)
# A place opening a paragraph with a colon, `Kyiv: Ukrainian President ...`, `ISLAMABAD: The minister ...`.
COLON_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’&-]+(?: [A-Z][\w.'’&-]+){0,2}): (?=[A-Z])", re.M)
DATELINE_LETTERS = 4  # fewer capitals are a country's or a body's letters in a headline: "US - China talks"
# A curly apostrophe inside a word (O’Kelly, Trump’s): the parser knows these words with a straight one.
APOSTROPHE = re.compile(r"(?<=[^\W\d_])[’ʼ](?=[^\W\d_])")


def mask_noise(text: str) -> str:
    """Return text of the same length with footnote digits, credit runs and datelines replaced by spaces, and
    apostrophes inside words made straight."""
    text = COLON_DATELINE.sub(_colon_dateline, DATELINE.sub(_dateline, text))
    return APOSTROPHE.sub("'", FOOTNOTE.sub(_blank, CREDITS.sub(_blank, text)))


def _blank(m: re.Match[str]) -> str:
    """Spaces for a match, which keeps every offset."""
    return " " * len(m.group())


def _dateline(m: re.Match[str]) -> str:
    """A capital dateline blanked, unless it is a country's or a body's few letters."""
    return _blank(m) if _long(m["place"]) else m.group()


def _colon_dateline(m: re.Match[str]) -> str:
    """A place before a colon blanked, but not a body, which is a headline's speaker: "Kremlin: talks possible"."""
    place = m["place"]
    dated = is_place(place) or place.isupper() and _long(place)
    return _blank(m) if dated and place not in BODIES else m.group()


def _long(place: str) -> bool:
    """True for a place written with enough letters to be no country's or body's initials ("US", "UN")."""
    return sum(c.isalpha() for c in place) >= DATELINE_LETTERS
