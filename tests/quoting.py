"""Hand-made articles and their claims, for stores built without extraction."""

from __future__ import annotations

from typing import NamedTuple

from bot.models import Article, Claim


class Said(NamedTuple):
    """Words a speaker said, as one article quotes them."""

    speaker: str | None
    words: str
    kind: str = "speech"
    extra: dict = {}


def said(speaker: str | None, words: str, *, kind: str = "speech", **extra: object) -> Said:
    """One quotation: `extra` holds Claim fields such as said_on, medium or role."""
    return Said(speaker, words, kind, extra)


def article(name: str, *quotes: Said, **fields: object) -> tuple[Article, list[Claim]]:
    """An article quoting each in turn (`Name said: "words"`), with the claims an extractor would find."""
    text, claims = "", []
    for quote in quotes:
        sentence = f'{quote.speaker or "Someone"} said: "{quote.words}" '
        start = len(text) + sentence.index(quote.words)
        claims.append(Claim(start=start, end=start + len(quote.words), quote=quote.words, kind=quote.kind,
                            speaker=quote.speaker, sentence_start=len(text), sentence_end=len(text) + len(sentence),
                            **quote.extra))
        text += sentence
    return Article(name=name, text=text, **fields), claims
