"""Find quoted passages by their marks, tolerant of every way news text gets marks wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

CLOSERS = {"”", "''", "’’", "»", "″"}
# ″ (double prime) closes AP's ``quotes″ in some archives; two single marks ‘‘ ’’ stand for double ones in some
# wire copy.
DOUBLE = re.compile(r"``|''|‘‘|’’|[\"“”«»„″]")
# The attribution ending a sentence of a quote whose closing mark is missing: `exciting, said Alan Boss. ``This`
TOLD = re.compile(r"[,!?…][’']?(?=\s+(?:(?!I\b|we\b|you\b)[\w.’'-]+\s+){0,5}"
                  r"(?:said|says|added|adds|told|asked|explained|wrote|continued)\b[^\"“”]*$)")
# How many paragraphs an open quote may run on without a mark before its closing mark is sought no more.
RUN_PARAGRAPHS = 8


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
    repeat = False  # the open quote goes on in the next paragraph, which repeats the opening mark
    running: tuple[int, bool] | None = None  # (start, continues) of a quote running on without a new mark
    for k, (p0, p1) in enumerate(paragraphs):
        quotes, open_at, continues = _scan(text, p0, p1, repeat=repeat, running=running)
        repeat, running = False, None
        if open_at is not None:
            how = _runs_on(text, paragraphs[k + 1:])
            if how == "run":
                running = (open_at, continues)
            else:
                repeat = how == "repeat"
                if repeat or len(text[open_at:p1].split()) >= 3:  # a stray mark before a word or two is no quote
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


def _scan(text: str, p0: int, p1: int, *, repeat: bool, running: tuple[int, bool] | None
          ) -> tuple[list[Quote], int | None, bool]:
    """Pair the double marks of one paragraph; also say where a quote left open began and if it ran on.

    `repeat`: the paragraph carries on the quote before it and may repeat its opening mark (newspaper style);
    `running`: a quote opened in an earlier paragraph goes on here without a new mark, up to its closing mark.
    """
    quotes: list[Quote] = []
    lead = p0 + len(text[p0:p1]) - len(text[p0:p1].lstrip())
    open_at, continues = running if running else (lead if repeat else None, repeat)
    curly = False  # the open quote began with a curly mark: straight marks inside it are a title or a name
    for m in DOUBLE.finditer(text, p0, p1):
        mark, before, after = m.group(), text[m.start() - 1: m.start()], text[m.end(): m.end() + 1]
        if repeat and m.start() == lead and mark not in CLOSERS:
            open_at = m.end()  # newspaper style: each paragraph of a long quote repeats the opening mark
            continue
        if mark == '"' and curly and open_at is not None and re.search("[”»]", text[m.end():p1]):
            continue  # “We beat "City" today” — unless no curly mark is left to close it
        # Wire copy opens with ''Word; some sites open with ” as well as close with it.
        # A ” doubling the mark that just closed a quote (`ceasefire, » ”said Shahin`) opens nothing.
        opens = (mark == "''" or mark == "”" and open_at is None
                 and not text[p0:m.start()].rstrip().endswith(("”", "»", '"'))) \
            and (not before or before.isspace()) and after and not after.isspace()
        # A straight mark with space on its inner side still closes an open quote (`two. "`) when no word
        # follows it, and opens one (`added: " We`) when a mark later in the paragraph can close it.
        spaced_close = mark == '"' and (not after or after.isspace() or after in ".,;:!?)")
        # `“ It was a game”`, `statement. ” The brave women ... ”`, `« We want a ceasefire »`: a space after an
        # opening mark
        spaced_open = open_at is None and after.isspace() and (
            mark == "«" or mark == '"' and '"' in text[m.end():p1]
            or mark == "“" and (m.start() == lead or re.search('[”"]', text[m.end():p1]) is not None)
            or mark == "”" and (not before or before.isspace()) and "”" in text[m.end():p1])
        if not opens and not spaced_open and (mark in CLOSERS or (mark in '"“' and open_at is not None and (
                not before.isspace() or spaced_close))):
            if open_at is not None:
                quotes.append(Quote(*_trim(text, open_at, m.start()), continues=continues))
            open_at, continues = None, False
        elif (not after.isspace() and after) or spaced_open:
            # `issue. "When the team wins`: a quote whose sentences each open with a mark again (paragraphs run
            # together) goes on; otherwise an earlier unclosed mark was stray.
            resumes = open_at is not None and _ends_sentence(text, open_at, m.start())
            told = TOLD.search(text, open_at, m.start()) if resumes else None
            if told is not None:  # `first time, said Alan Boss. "This is`: the closing mark was left out
                quotes.append(Quote(*_trim(text, open_at, told.end()), continues=continues))
                resumes = False
            elif resumes:
                quotes.append(Quote(*_trim(text, open_at, m.start()), closed=False, continues=continues))
            open_at, continues = m.end(), resumes
            curly = mark in "“«"
    return quotes, open_at, continues


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a few words ending a sentence, as an unclosed quote's sentence does."""
    words = text[start:end].split()
    return len(words) >= 3 and words[-1][-1] in ".!?…" and text[end - 1].isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _runs_on(text: str, rest: list[tuple[int, int]]) -> str | None:
    """How a quote left open at a paragraph's end goes on, looking at the paragraphs after it.

    "repeat" when the next paragraph opens with a mark again (newspaper style: one claim per paragraph);
    "run" when the next mark to come, within a few paragraphs, closes it (a quote over several paragraphs
    or hard-wrapped lines); None when a new quote opens first or nothing closes it: the mark was stray.
    """
    for k, (p0, p1) in enumerate(rest[:RUN_PARAGRAPHS]):
        body = text[p0:p1].lstrip()
        if k == 0 and (body[:1] in ("“", '"', "«") or body.startswith("``")):
            return "repeat"
        first = DOUBLE.search(body)
        if first is not None:
            closes = first.group() in CLOSERS or (
                first.group() in '"“' and first.start() > 0 and not body[first.start() - 1].isspace())
            return "run" if closes else None
    return None


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
    """Single-quoted passages outside double quotes: curly ones (British headlines and copy), and straight ones
    in a text that uses no double marks at all (some sites quote everything in 'single marks')."""
    opening, closing = ("‘'", "’'") if DOUBLE.search(text) is None else ("‘", "’")
    curly_close = re.compile(rf"(?<=[\w.,!?…])[{closing}](?!\w)")
    straight_close = re.compile(r"(?<=[\w.,!?…])['’](?!\w)")
    inner_open = re.compile(rf"(?<=[\s(\[—–])[{opening}](?=\w)")
    spans: list[Quote] = []
    carried: set[int] = set()  # paragraph starts where an open single-quoted passage goes on
    # A straight mark after a space and before a letter is no apostrophe either, in an article of double marks
    # too ("'Barbaric attack on innocents', says PM"), when it closes on its line ("rock 'n' roll" aside).
    for o in re.finditer(rf"(?:(?<=^)|(?<=[\s(\[—–]))(?:[{opening}](?=\w)|'(?=[A-Za-z]))", text, re.M):
        if any(q.start <= o.start() < q.end for q in found + spans):
            continue
        stray = o.group() == "'" and "'" not in opening  # a straight mark among double ones: maybe an apostrophe
        line_end = text.find("\n", o.end())
        line_end = len(text) if line_end < 0 else line_end
        ends = list((straight_close if o.group() == "'" else curly_close).finditer(text, o.end(), line_end))
        c = _own_close(text, ends, [i.start() for i in inner_open.finditer(text, o.end(), line_end)])
        continues = text.rfind("\n", 0, o.start()) + 1 in carried
        if c is not None and (not stray or len(text[o.end():c.start()].strip()) >= 3):
            spans.append(Quote(o.end(), c.start(), continues=continues))
            continue
        # Newspaper style: a quote over several paragraphs opens each of them and closes only the last.
        after = len(text) - len(text[line_end:].lstrip())
        if not stray and after < len(text) and text[after] in opening and len(text[o.end():line_end].split()) >= 3:
            spans.append(Quote(*_trim(text, o.end(), line_end), closed=False, continues=continues))
            carried.add(text.rfind("\n", 0, after) + 1)
    return spans


def _own_close(text: str, ends: list[re.Match], inner: list[int]) -> re.Match | None:
    """The mark closing a single-quoted passage among the candidates on its line, the last one failing all else;
    `inner` are where passages open inside it.

    "the patients' rights": a plural possessive is no closing mark while another one follows on the line;
    "filled with ‘flammable air’ described as ...": a mark closing a passage opened inside is not this one's.
    """
    closed = 0  # inner passages closed so far
    for k, c in enumerate(ends):
        if k == len(ends) - 1:
            return c
        if text[c.start() - 1] == "s" and re.match(r"\s+[a-z]", text[c.end():c.end() + 3]):
            continue
        if sum(i < c.start() for i in inner) > closed:
            closed += 1
            continue
        return c
    return None
