"""Blank out scraping noise (footnote digits, source credits) and straighten apostrophes, moving no offset."""

from __future__ import annotations

import re

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
DATELINE_LETTERS = 4  # fewer capitals are a country's or a body's letters in a headline: "US - China talks"
# A curly apostrophe inside a word (O’Kelly, Trump’s): the parser knows these words with a straight one.
APOSTROPHE = re.compile(r"(?<=[^\W\d_])[’ʼ](?=[^\W\d_])")


def mask_noise(text: str) -> str:
    """Return text of the same length with footnote digits, credit runs and capital datelines replaced by spaces,
    and apostrophes inside words made straight."""
    blank = lambda m: " " * len(m.group())  # noqa: E731 - one-line replacement keeps every offset
    dateline = lambda m: blank(m) if sum(c.isalpha() for c in m["place"]) >= DATELINE_LETTERS else m.group()  # noqa: E731
    return APOSTROPHE.sub("'", FOOTNOTE.sub(blank, CREDITS.sub(blank, DATELINE.sub(dateline, text))))
