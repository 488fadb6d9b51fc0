"""Checking pasted quotes against the sources: verbatim, altered, misattributed, stitched or unsourced."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Levenshtein

from bot.cues import SAY_FORMS, STANCE_FORMS
from bot.lookup import mentions
from bot.models import Check, CheckResult, DiffOp, Statement
from bot.store import Store
from bot.text import word_spans, words

MIN_WORDS = 2  # a one-word quote ("bloodbath") says too little to be checked against speakers
MIN_RUN = 2  # shared runs shorter than this are chance ("the", "of"), not borrowed words
STITCH_RUN = 3  # a piece must share at least this many words in a row to count as taken from a statement
CLOSE = 0.5  # share of the pasted words a statement must hold, in runs, to be the one altered
STITCHED = 0.8  # share of the pasted words the joined statements must hold between them
CANDIDATES = 60
ALIGNED = 16  # candidates aligned word by word: those sharing most word pairs with the passage, or with its rest
NEGATIONS = frozenset((
    "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "cannot", "dont", "doesnt", "didnt",
    "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "cant", "couldnt", "shouldnt", "hasnt", "havent",
    "hadnt", "mustnt",
))
NEGATING_PREFIXES = ("in", "un", "im", "ir", "il", "non", "dis")
_OPEN = {"“": "”", "„": "“", "«": "»", "‘": "’", '"': '"', "'": "'"}
# An ellipsis or an editor's bracket marks a gap the quoting writer left on purpose.
_GAP = re.compile(r"\.\s?\.\s?\.|…|\[[^\]]*\]|\(\s*(?:\.\s?){3}\)")
# A name written as a possessive ("Putin's offer"): whose something is.
_POSSESSIVE = re.compile(r"['’]s?$")
# A full stop after an initial or a title ("Barbara T. Suzuki", "Gen. Kellogg", "U.S.") ends no sentence.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bLt)(?<!\bMrs)(?<!\bGen)(?<!\bSen)"
                           r"(?<!\bRep)(?<!\bGov)(?<!\bCol)(?<!\bSgt)(?<!\bCapt)(?<!\bProf)[.!?…](?=\s|$)")
_LEAD = re.compile(r"\A\s*([^:\n]{1,80}):\s+(\S.*)\Z", re.DOTALL)
# "> words" lines, and an attribution line after a quote: "— Name", "- Name via Platform".
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?(.*(?:\n[ \t]*>.*)*)", re.MULTILINE)
_QUOTE_LINE = re.compile(r"\n[ \t]*>[ \t]?")
_SIGN_OFF = re.compile(r"\n[ \t]*[—–―-]+[ \t]*\S[^\n]*\s*\Z")


@dataclass(frozen=True)
class Passage:
    """One quoted stretch of the pasted text, by offsets."""

    start: int
    end: int


def passages(text: str) -> list[Passage]:
    """The quoted stretches of `text`; with no quote marks, the text after any `Name:` lead, or all of it."""
    found: list[Passage] = []
    i = 0
    while i < len(text):
        mark = text[i]
        if mark in _OPEN and _opens(text, i):
            close = _closing(text, i + 1, _OPEN[mark])
            found.append(Passage(i + 1, close))
            i = close + 1
        else:
            i += 1
    if found:
        return found
    sign_off = _SIGN_OFF.search(text)
    end = sign_off.start() if sign_off else len(text.rstrip())
    block = _BLOCKQUOTE.search(text[:end])
    if block:  # a Slack blockquote: the quoted lines, attributed by the line after them
        return [Passage(block.start(1), block.end())]
    lead = _LEAD.match(text[:end])
    start = lead.start(2) if lead else len(text) - len(text.lstrip())
    return [Passage(start, end)]


def _opens(text: str, i: int) -> bool:
    """Whether the mark at `i` opens a quote: single marks only where they cannot be an apostrophe."""
    if text[i] not in "'‘":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum() if text[i] == "'" else not after.isspace()


def _closing(text: str, start: int, mark: str) -> int:
    """Offset of the mark closing a quote opened before `start`; the end of the text when it is left open."""
    j = start
    while (j := text.find(mark, j)) != -1:
        after = text[j + 1] if j + 1 < len(text) else " "
        if mark not in "'’" or not after.isalnum():
            return j
        j += 1
    return len(text)


def context(text: str, found: list[Passage], index: int) -> tuple[str, str]:
    """The words of the passage's own sentence before and after it, outside any other passage."""
    passage = found[index]
    left_from = found[index - 1].end + 1 if index else 0
    right_to = found[index + 1].start - 1 if index + 1 < len(found) else len(text)
    left = text[left_from:max(left_from, passage.start - 1)]
    right = text[min(passage.end + 1, right_to):right_to]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    stop = _SENTENCE_END.search(right)
    return left, right[:stop.start()] if stop else right


def claimed_speakers(store: Store, left: str, right: str, *, sentence_speaker: tuple[str, ...] = ()
                     ) -> tuple[str, ...]:
    """The known person the text credits with a passage: the nearest name before it that a verb of saying
    follows ("Macron accused Moscow of trying to ..."), else the nearest name before it, else the first after.

    `sentence_speaker` is who an earlier passage of the same sentence is credited to: "Macron called it "..."
    and said Putin was "..."" credits the second passage to Macron too, Putin being only what it is about, and so
    does a passage with no name before it in the sentence.
    """
    # "Macron called Putin's offer": whose something is, is no speaker; "zelensky said", "rubio on the talks:": a
    # name before a verb of saying, or opening the text, is one however it is typed
    named = [m for m in mentions(store, left) if not _POSSESSIVE.search(left[m.start:m.end])]
    before = [m for m in named if left[m.start].isupper() or left[m.start] == "@" or not left[:m.start].strip()]
    speaking = [m for m in named if _is_saying(_word_after(left, m.end))]
    if speaking:
        return speaking[-1].names
    about = [m for m in before if _is_saying(_word_before(left, m.start)) and _word_after(left, m.end)]
    if sentence_speaker and (not before or len(about) == len(before) and any(_is_saying(w) for w in left.split())):
        return sentence_speaker  # 'Rubio said "..." and "..."': the second passage is his too
    if before:
        return before[-1].names
    after = mentions(store, right, proper=True)
    return after[0].names if after else ()


def _word_after(text: str, end: int) -> str:
    """The next word after a position, lowercased, its trailing comma or colon dropped."""
    return next(iter(text[end:].split()), "").lower().strip(",:")


def _word_before(text: str, start: int) -> str:
    """The word right before a position, lowercased, its trailing comma or colon dropped."""
    return next(iter(reversed(text[:start].split())), "").lower().strip(",:")


def _is_saying(word: str) -> bool:
    """A verb of saying or of stance: what a speaker's name comes before."""
    return word in SAY_FORMS or word in STANCE_FORMS


@dataclass
class Fit:
    """How one sourced wording holds a pasted passage."""

    statement_id: int
    quote: str
    verbatim: bool
    runs: list[tuple[int, int, int]]  # (pasted word index, sourced word index, length), in order

    @property
    def held(self) -> int:
        """Pasted words found in runs of this wording."""
        return sum(size for _, _, size in self.runs)


def fit(segments: list[list[str]], statement_id: int, quote: str) -> Fit:
    """Align the pasted words with one sourced wording: word for word with gaps, or by shared runs."""
    pasted = [w for segment in segments for w in segment]
    sourced = words(quote)
    verbatim = _in_order(segments, sourced)
    shortest = 1 if verbatim else min(MIN_RUN, len(pasted))
    blocks = SequenceMatcher(None, pasted, sourced, autojunk=False).get_matching_blocks()
    return Fit(statement_id, quote, verbatim, [(a, b, size) for a, b, size in blocks if size >= shortest])


def _in_order(segments: list[list[str]], sourced: list[str]) -> bool:
    """True when every segment stands word for word in `sourced`, one after another."""
    at = 0
    for segment in segments:
        at = next((i for i in range(at, len(sourced) - len(segment) + 1) if sourced[i:i + len(segment)] == segment),
                  -1)
        if at < 0:
            return False
        at += len(segment)
    return True


def diff(pasted: str, fitted: Fit) -> tuple[list[DiffOp], str]:
    """Word-level differences between the passage and the aligned stretch of the source, in each side's spelling."""
    mine = word_spans(pasted)
    theirs = word_spans(fitted.quote)
    first_a, first_b, _ = fitted.runs[0]
    last_a, last_b, last_size = fitted.runs[-1]
    lo = max(0, first_b - first_a)
    hi = min(len(theirs), last_b + last_size + (len(mine) - last_a - last_size))
    window = theirs[lo:hi]
    ops: list[DiffOp] = []
    for tag, a0, a1, b0, b1 in Levenshtein.opcodes([w for w, _, _ in mine], [w for w, _, _ in window]):
        op = {"equal": "equal", "replace": "changed", "delete": "added", "insert": "dropped"}[tag]
        ops.append(DiffOp(op=op, pasted=_words_of(pasted, mine[a0:a1]), sourced=_words_of(fitted.quote, window[b0:b1])))
    sourced = fitted.quote[window[0][1]:window[-1][2]] if window else fitted.quote
    return ops, sourced


def _words_of(text: str, spans: list[tuple[str, int, int]]) -> str:
    """The original characters from the first to the last of some words."""
    return text[spans[0][1]:spans[-1][2]] if spans else ""


def what_changed(ops: list[DiffOp]) -> str:
    """A plain summary of the differences, naming numbers and negations that changed."""
    changed = [op for op in ops if op.op != "equal"]
    touched = {w for op in changed for w in words(op.pasted) + words(op.sourced)}
    notes = []
    if any(any(ch.isdigit() for ch in w) for w in touched):
        notes.append("a number differs")
    if touched & NEGATIONS or any(_negates(words(op.pasted), words(op.sourced)) for op in changed):
        notes.append("a negation differs")
    count = sum(max(len(words(op.pasted)), len(words(op.sourced))) for op in changed)
    summary = f"{count} word{'s differ' if count != 1 else ' differs'}"
    return summary + (f" ({', '.join(notes)})" if notes else "")


def _negates(pasted: list[str], sourced: list[str]) -> bool:
    """True when a changed word is the other with a negating prefix (appropriate / inappropriate)."""
    return any(long.startswith(NEGATING_PREFIXES) and long.endswith(short) and len(long) > len(short)
               for a, b in zip(pasted, sourced, strict=False) for short, long in [sorted((a, b), key=len)])


def check_passage(store: Store, quote: str, *, claimed: tuple[str, ...] = ()) -> Check:
    """The verdict on one pasted passage, with the evidence a person needs to judge it."""
    segments = [w for w in (words(part) for part in _GAP.split(quote)) if w]
    pasted = [w for segment in segments for w in segment]
    verdict = Check(quote=quote, claimed_speaker=", ".join(claimed) or None, verdict="unsourced")
    if len(pasted) < MIN_WORDS and not claimed:
        verdict.reason = "too short to check: quote at least two words, or name who said it"
        return verdict
    short = len(pasted) < MIN_WORDS  # one word, checked against the words of the person named only
    searched: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    candidates = _said_by(store, pasted[0], claimed) if short else _candidates(store, [segments], searched)
    closest = _closest(candidates, pasted)
    fits = _fits(segments, closest)
    # Not word for word in one statement: each sentence may come from another one, so search each as well, unless
    # one statement holds too much of the passage for the others to add a piece.
    if not short and not any(f.verbatim for f in fits) and _leaves_a_piece(len(pasted), _most_held(fits), len(pasted)):
        candidates = list(dict.fromkeys(candidates + _candidates(store, _sentences(quote), searched)))
        closest = _closest(candidates, pasted)
        fits = _fits(segments, closest)
    if not fits:
        verdict.reason = f"no stored quote of {' or '.join(claimed)} uses this word" if short else \
            "no stored article quotes these words"
        return verdict
    speakers = store.speakers_of([f.statement_id for f in fits])
    # The speaker the text names wins a near tie, so a quote two people share is not called misattributed.
    best = max(fits, key=lambda f: (f.verbatim, f.held + 1.5 * (speakers.get(f.statement_id) in claimed)))
    if not best.verbatim:
        # Words the best statement does not hold may come from another one: look for it among the rest.
        rest = [w for i, w in enumerate(pasted) if i not in _long_runs(best)]
        fits += _fits(segments, [c for c in _closest(candidates, rest) if c not in closest])
        pieces = _stitched(fits, len(pasted), _most_held(fits))
        if pieces:
            return _stitched_check(verdict, pieces, store.statements([f.statement_id for f in pieces]))
    if not best.verbatim and best.held < CLOSE * len(pasted):
        verdict.reason = "nothing stored is close to these words"
        return verdict
    [statement] = store.statements([best.statement_id])
    ops, sourced = diff(quote, best)
    verdict.diff, verdict.sourced = ops, sourced
    _cite(verdict, [statement])
    verdict.speaker = statement.speaker
    verdict.said_on, verdict.medium = statement.said_on, statement.medium
    wording = "word for word" if best.verbatim else f"close, but {what_changed(ops)}"
    if claimed and statement.speaker and statement.speaker not in claimed:
        verdict.verdict = "misattributed"
        verdict.reason = f"the sources credit these words to {statement.speaker}, not {' or '.join(claimed)} " \
                         f"({wording})"
    else:
        verdict.verdict = "verbatim" if best.verbatim else "altered"
        elided = " with a marked gap" if best.verbatim and len(segments) > 1 else ""
        verdict.reason = f"{wording}{elided} in {statement.sources_total} source{'s' * (statement.sources_total != 1)}"
    return verdict


def _sentences(quote: str) -> list[list[list[str]]]:
    """The parts of a passage that may each be taken from another statement, to search by: its sentences, or for
    one sentence its two halves at the comma or colon nearest its middle ("... is a ceasefire, because ...")."""
    parts = re.split(r"(?<=[.!?])\s+", quote.strip())
    if len(parts) == 1:
        breaks = [m.end() for m in re.finditer(r"[,;:—–]\s+", quote)]
        middle = min(breaks, key=lambda b: abs(2 * b - len(quote)), default=None)
        parts = [quote[:middle], quote[middle:]] if middle else []
    found = [[words(p)] for p in parts if len(words(p)) >= STITCH_RUN]
    return found if len(found) > 1 else []


def _candidates(store: Store, parts: list[list[list[str]]],
                searched: dict[tuple[str, ...], list[tuple[int, str]]]) -> list[tuple[int, str]]:
    """Distinct (statement, wording) pairs sharing rare words with any of these parts of a passage; `searched`
    keeps a check's searches, as a sentence's rarest words are often the whole passage's."""
    found: dict[tuple[int, str], None] = {}
    for part in parts:
        terms = tuple(store.query_terms([w for seg in part for w in seg]))
        if terms not in searched:
            searched[terms] = [(m.statement_id, m.quote) for m in store.search_claims(terms, limit=CANDIDATES)]
        found.update(dict.fromkeys(searched[terms]))
    # A statement's fullest wording joins the parts an article split around its attribution: check against it too.
    found.update(dict.fromkeys(store.statement_texts({sid for sid, _ in found}).items()))
    return list(found)


def _said_by(store: Store, word: str, claimed: tuple[str, ...]) -> list[tuple[int, str]]:
    """The wordings of the people named that use one word: a one-word quote ("called it 'simplistic'")."""
    found = store.search_claims([word], person_ids=store.people_ids(claimed), limit=CANDIDATES)
    return list(dict.fromkeys((m.statement_id, m.quote) for m in found))


def _fits(segments: list[list[str]], candidates: list[tuple[int, str]]) -> list[Fit]:
    """The candidates' alignments with the passage that share any run of words."""
    return [f for f in (fit(segments, sid, q) for sid, q in candidates) if f.runs]


def _closest(candidates: list[tuple[int, str]], pasted: list[str]) -> list[tuple[int, str]]:
    """The candidates sharing most word pairs with the passage: runs are what alignment finds, so align only those."""
    wanted = set(zip(pasted, pasted[1:], strict=False))
    def shared(candidate: tuple[int, str]) -> int:
        sourced = words(candidate[1])
        return len(wanted.intersection(zip(sourced, sourced[1:], strict=False)))
    return sorted(candidates, key=shared, reverse=True)[:ALIGNED]


def _stitched(fits: list[Fit], length: int, most_held: int) -> list[Fit]:
    """The statements a passage was pieced from, when two or more cover it and no single one comes close."""
    covered: set[int] = set()
    pieces: list[Fit] = []
    while True:
        used = {p.statement_id for p in pieces}
        gains = [(len(_long_runs(f) - covered), f) for f in fits if f.statement_id not in used]
        gain, choice = max(gains, key=lambda g: g[0], default=(0, None))
        if choice is None or gain < STITCH_RUN:
            break
        pieces.append(choice)
        covered |= _long_runs(choice)
    enough = len(covered) >= STITCHED * length and _leaves_a_piece(len(covered), most_held, length)
    return sorted(pieces, key=lambda f: min(_long_runs(f))) if len(pieces) > 1 and enough else []


def _most_held(fits: list[Fit]) -> int:
    """The most pasted words any one statement holds."""
    return max((f.held for f in fits), default=0)


def _leaves_a_piece(covered: int, held: int, length: int) -> bool:
    """Whether words covered beyond what the best statement holds are enough to be another statement's piece."""
    return covered - held >= max(STITCH_RUN, 0.2 * length)


def _long_runs(fitted: Fit) -> set[int]:
    """Indexes of the pasted words this wording holds in runs long enough to have been taken from it."""
    return {a + k for a, _, size in fitted.runs if size >= STITCH_RUN for k in range(size)}


def _stitched_check(verdict: Check, pieces: list[Fit], statements: list[Statement]) -> Check:
    """A stitched verdict naming each statement a piece came from."""
    verdict.verdict = "stitched"
    verdict.sourced = " / ".join(s.text for s in statements)
    _cite(verdict, statements)
    who = "; ".join(f"{s.speaker or 'unattributed'}" + (f", {s.said_on.isoformat()}" if s.said_on else "")
                    for s in statements)
    verdict.reason = f"joins words from {len(statements)} separate statements ({who}) as if they were one"
    return verdict


def _cite(verdict: Check, statements: list[Statement]) -> None:
    """Attach the sources, wordings and ids of the statements behind a verdict."""
    verdict.statement_ids = [s.id for s in statements]
    verdict.sources = [src for s in statements for src in s.sources]
    verdict.variants = [v for s in statements for v in s.variants]


def check(store: Store, text: str) -> CheckResult:
    """Every quoted passage of a pasted text checked against the store, in order."""
    result = CheckResult(text=text)
    if not words(text):
        result.message = "Paste a quote to check, e.g. `Trump said \"HAVE THE MEETING, NOW!!!\"`."
        return result
    found = passages(text)
    credited: tuple[str, ...] = ()
    for index, passage in enumerate(found):
        quote = _QUOTE_LINE.sub("\n", text[passage.start:passage.end]).strip()
        if not words(quote):
            continue
        left, right = context(text, found, index)
        same_sentence = index > 0 and not _SENTENCE_END.search(text[found[index - 1].end + 1:passage.start])
        credited = claimed_speakers(store, left, right, sentence_speaker=credited if same_sentence else ())
        result.checks.append(check_passage(store, quote, claimed=credited))
    if not result.checks:
        result.message = "No quoted words found to check."
    return result
