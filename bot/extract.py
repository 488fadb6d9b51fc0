"""Extract every quotation and reported statement from articles, with speakers named alike across them."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from bot.attribution import Analysis, analyze
from bot.clean import mask_noise
from bot.dates import dateline
from bot.models import Article, Claim, Person
from bot.nlp import load_nlp
from bot.people import canonical_names, canonical_people
from bot.places import preload
from bot.settings import get_settings

# Articles parsed together: a batch pads every article to its longest, and news articles vary in length, so small
# batches parse about a quarter faster than spaCy's default of 256 (bench/ingest.py).
PIPE_BATCH = 16
# Below this many characters a batch is parsed in one process: forking and loading cost more than it saves.
PARALLEL_CHARS = 60_000

__all__ = ["ExtractionFailed", "canonical_people", "extract"]


class ExtractionFailed(Exception):
    """An article whose analysis failed: it is reported and left out, and the other articles go on."""


def extract(articles: Sequence[Article], *, known: Sequence[Person] = (), processes: int | None = None
            ) -> list[list[Claim] | ExtractionFailed]:
    """Claims per article, in order of start, with one canonical name per speaker across all of them."""
    processes = processes or get_settings().whosaid_processes
    if processes > 1 and sum(len(a.text) for a in articles) >= PARALLEL_CHARS and len(articles) > 1:
        analyses = _parallel(articles, processes)
    else:
        analyses = _analyze_all([(a.text, a.published) for a in articles])
    names = canonical_names([a.people + [f.speaker.name for f in a.found if f.speaker and f.speaker.name]
                             for a in analyses], known)
    return [ExtractionFailed(analysis.failure) if analysis.failure else _claims(article.text, analysis, names)
            for article, analysis in zip(articles, analyses, strict=True)]


def _analyze_all(items: Sequence[tuple[str, date | None]]) -> list[Analysis]:
    """Parse and analyze a batch of (text, published) in this process."""
    nlp = load_nlp()
    docs = nlp.pipe((mask_noise(text) for text, _ in items), batch_size=PIPE_BATCH)
    return [_analyze_one(doc, text, published) for doc, (text, published) in zip(docs, items, strict=True)]


def _analyze_one(doc: Doc, text: str, published: date | None) -> Analysis:
    """One article's analysis; a fault in it fails that article alone."""
    try:
        return analyze(doc, published, story_day=dateline(text, published))
    except Exception as err:  # noqa: BLE001 - any fault in the rules must cost one article, not the batch
        return Analysis(failure=f"could not be analysed ({type(err).__name__}: {err})")


def _parallel(articles: Sequence[Article], processes: int) -> list[Analysis]:
    """Analyze articles in worker processes, in interleaved chunks so each worker gets a share of sizes."""
    load_nlp()  # forked workers inherit the loaded pipeline and place names
    preload()
    items = [(a.text, a.published) for a in articles]
    chunks = [items[k::processes] for k in range(processes)]
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        results = pool.map(_analyze_all, chunks)
    out: list[Analysis] = [Analysis()] * len(items)
    for k, chunk in enumerate(results):
        out[k::processes] = chunk
    return out


def _claims(text: str, analysis: Analysis, names: dict[str, str]) -> list[Claim]:
    """Turn one article's findings into claims carrying canonical speaker names."""
    claims = []
    for f in analysis.found:
        speaker = names.get(f.speaker.name, f.speaker.name) if f.speaker else None
        claims.append(Claim(
            start=f.start, end=f.end, quote=text[f.start:f.end], kind=f.kind, speaker=speaker,
            speaker_mention=f.speaker.mention if f.speaker else None, role=f.speaker.role if f.speaker else None,
            said_on=f.said_on, medium=f.medium, continues=f.continues, sentence_start=f.sentence_start,
            sentence_end=f.sentence_end))
    return claims
