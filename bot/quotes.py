"""Find quoted passages by their marks, tolerant of every way news text gets marks wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

CLOSERS = {"”", "''", "»"}
DOUBLE = re.compile(r"``|''|[\"“”«»„]")


@dataclass
class Quote:
    """One quoted passage: the words inside the marks, within one paragraph."""

    start: int
    end: int
    closed: bool = True  # False when the paragraph ends before the closing mark
    continues: bool = False  # True when it carries on an open quote from the paragraph before
    nested: bool = False  # True for 'single' marks inside a double-quoted passage


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage in text, nested ones included, in order of start."""
    found: list[Quote] = []
    paragraphs = _paragraphs(text)
    carry = False  # an open quote runs on from the previous paragraph
    for k, (p0, p1) in enumerate(paragraphs):
        quotes, open_at, continues = _scan(text, p0, p1, carry)
        carry = False
        if open_at is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            carry = nxt is not None and _continues(text, *nxt)
            if carry or len(text[open_at:p1].split()) >= 3:  # a stray mark before a word or two is no quote
                quotes.append(Quote(*_trim(text, open_at, p1), closed=False, continues=continues))
        for q in quotes:
            if q.end > q.start:
                found.append(q)
                found.extend(_nested(text, q))
    found.extend(_top_single(text, found))
    return sorted(found, key=lambda q: (q.start, -q.end))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _scan(text: str, p0: int, p1: int, carry: bool) -> tuple[list[Quote], int | None, bool]:
    """Pair the double marks of one paragraph; also say where a quote left open began and if it ran on."""
    quotes: list[Quote] = []
    lead = p0 + len(text[p0:p1]) - len(text[p0:p1].lstrip())
    open_at: int | None = lead if carry else None  # a running quote may go on without a new mark
    continues = carry
    for m in DOUBLE.finditer(text, p0, p1):
        mark, before, after = m.group(), text[m.start() - 1: m.start()], text[m.end(): m.end() + 1]
        if carry and m.start() == lead and mark not in CLOSERS:
            open_at = m.end()  # newspaper style: each paragraph of a long quote repeats the opening mark
            continue
        if mark in CLOSERS or (mark in '"“' and open_at is not None and not before.isspace()):
            if open_at is not None:
                quotes.append(Quote(*_trim(text, open_at, m.start()), continues=continues))
            open_at, continues = None, False
        elif not after.isspace() and after:
            open_at, continues = m.end(), False  # an opening mark; an earlier unclosed one was stray
    return quotes, open_at, continues


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(text: str, p0: int, p1: int) -> bool:
    """True when a paragraph carries on an open quote: it repeats the opening mark or closes one first."""
    body = text[p0:p1].lstrip()
    if body[:1] in ("“", '"', "«") or body.startswith("``"):
        return True
    first = DOUBLE.search(body)
    return first is not None and (first.group() in CLOSERS or (
        first.group() in '"“' and first.start() > 0 and not body[first.start() - 1].isspace()))


SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–\"“]))['‘](?=\w)")
SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])['’](?!\w)")


def _nested(text: str, outer: Quote) -> list[Quote]:
    """Single-quoted passages inside a double-quoted one (straight or curly marks)."""
    inner = []
    pos = outer.start
    while (o := SINGLE_OPEN.search(text, pos, outer.end)) is not None:
        c = SINGLE_CLOSE.search(text, o.end(), outer.end)
        if c is None:
            break
        inner.append(Quote(o.end(), c.start(), nested=True))
        pos = c.end()
    return inner


def _top_single(text: str, found: list[Quote]) -> list[Quote]:
    """Curly single-quoted passages outside double quotes (British style headlines and copy)."""
    spans = []
    for o in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–]))‘(?=\w)", text, re.M):
        if any(q.start <= o.start() < q.end for q in found):
            continue
        line_end = text.find("\n", o.end())
        c = re.compile(r"(?<=[\w.,!?…])’(?!\w)").search(text, o.end(), len(text) if line_end < 0 else line_end)
        if c is not None:
            spans.append(Quote(o.end(), c.start()))
    return spans
