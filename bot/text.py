"""Typography-blind word keys, so that curly marks, dashes, case and accents never count as differences."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
# Invisible marks and apostrophes join a word instead of splitting it, so offsets stay those of the text.
_WORD = re.compile(rf"[^\W_]+(?:['’{_INVISIBLE}]+[^\W_]+)*", re.UNICODE)
_DROP = dict.fromkeys(map(ord, "'’" + _INVISIBLE))
# Typography that neither makes nor joins words, so text with only these beyond ASCII splits as ASCII does.
_PLAIN = str.maketrans({"’": "'", "‘": " ", "“": " ", "”": " ", "—": " ", "–": " ", "…": " ", "\u00a0": " "})
_ASCII_WORD = re.compile(r"[^\W_]+", re.ASCII)
# English function words: in every other quote, so they never tell one statement from another.
FUNCTION_WORDS = frozenset("""
    a an the and or but if of to in on at by for with from as into than that this these those it its is are was
    were be been being have has had do does did will would shall should can could may might must not no we you
    they he she i me us them him her our your their my his all any so very just there here what which who
""".split())


@lru_cache(maxsize=1 << 16)  # news reuses words: folding each once per process is the cost of grouping and checks
def fold_word(word: str) -> str:
    """Lowercase, strip accents and unify apostrophes in one word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_DROP)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Folded words with their offsets in `text`, so matches map back to the source's own characters."""
    return [(fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    """Folded words of `text`: the comparison key of a quote.

    >>> words("“Ukraine should agree — IMMEDIATELY…”")
    ['ukraine', 'should', 'agree', 'immediately']
    """
    return list(_words(text))


@lru_cache(maxsize=1 << 16)  # grouping and checks compare one quote with many stored ones: split each once
def _words(text: str) -> tuple[str, ...]:
    plain = text.translate(_PLAIN)
    if plain.isascii():  # most quotes: the same words as word_spans finds, at a fraction of its cost
        return tuple(_ASCII_WORD.findall(plain.lower().replace("'", "")))
    return tuple(w for w, _, _ in word_spans(text))


def slips(word: str) -> set[str]:
    """The word and each form of it with one letter dropped: two words one keyboard slip apart share one of them.

    >>> sorted(slips("cat"))
    ['at', 'ca', 'cat', 'ct']
    """
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """One string key of `text`: folded words joined by single spaces."""
    return " ".join(_words(text))


def same_utterance(a: str, b: str, *, min_words: int = 3, threshold: float = 90.0) -> bool:
    """True when the shorter wording stands, nearly word for word, inside the longer one.

    >>> same_utterance("Ukraine should agree to this, IMMEDIATELY,", "... Ukraine should agree to this, IMMEDIATELY.")
    True
    """
    short, long = sorted((fold(a), fold(b)), key=len)
    short_words = short.split()
    if len(short_words) < min_words:
        return short == long and bool(short)
    # Nearly the same characters means mostly the same words: a cheap test that spares most alignments.
    long_words = set(long.split())
    if 2 * sum(w in long_words for w in short_words) < len(short_words):
        return False
    return fuzz.partial_ratio(short, long, score_cutoff=threshold) >= threshold


@lru_cache(maxsize=1 << 16)  # a statement's wordings are compared again each time an article quotes it
def disagree(a: str, b: str, *, min_shared: int = 3) -> bool:
    """True when two wordings of one passage differ where they overlap, not merely in where they start or stop.

    >>> disagree("agree to this, IMMEDIATELY. At least they will know", "agree to this, IMMEDIATELY… HAVE THE MEETING")
    True
    >>> disagree("It is a sign. The world has waited", "The world has waited. No point in killing")
    False
    """
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:  # one wording is an excerpt of the other
        return False
    wa, wb = fa.split(), fb.split()
    # Longest-block alignment keeps an excerpt in one piece; runs shorter than min_shared are coincidences.
    blocks = [m for m in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
              if m.size >= min_shared]
    if not blocks:
        return False
    if any(y.a > x.a + x.size or y.b > x.b + x.size for x, y in zip(blocks, blocks[1:], strict=False)):
        return True
    first, last = blocks[0], blocks[-1]
    both_go_on_before = first.a > 0 and first.b > 0
    both_go_on_after = last.a + last.size < len(wa) and last.b + last.size < len(wb)
    return both_go_on_before or both_go_on_after


def first_difference(a: str, others: list[str]) -> int:
    """Offset in `a` of the first word where it parts from any other wording of the same passage (0 if none).

    >>> first_difference("to this, IMMEDIATELY. At least they", ["to this, IMMEDIATELY… HAVE THE MEETING"])
    22
    """
    spans = word_spans(a)
    mine = [w for w, _, _ in spans]
    at = len(mine)
    for other in others:
        ops = difflib.SequenceMatcher(None, mine, words(other), autojunk=False).get_opcodes()
        inner = ops[1:] if ops and ops[0][0] in ("insert", "delete") else ops
        at = min([at] + [i1 for tag, i1, *_ in inner if tag != "equal"])
    return spans[at][1] if at < len(spans) else 0
