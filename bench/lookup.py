"""Lookup and quote-check speed on a large store, against a linear fuzzy scan of every article.

Run: .venv/bin/python -m bench.lookup [--articles 1000] [--queries 200]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import tempfile
import time
import zlib
from pathlib import Path

from rapidfuzz import fuzz

from bench.corpus import articles
from bot.check import check
from bot.lookup import ask
from bot.models import Article, Claim
from bot.store import Store

SPEAKERS = [f"{first} {last}" for first in ("Ann", "Bob", "Carla", "Dmitri", "Eva", "Farid")
            for last in ("Example", "Sample", "Third", "Fourth", "Fifth")]
_SENTENCE = re.compile(r"[^.!?\n]{30,300}[.!?]")


def claims_of(article: Article, rng: random.Random) -> list[Claim]:
    """Every longer sentence as a quoted claim by a speaker fixed per sentence, so outlets agree on who said it."""
    found = []
    for match in _SENTENCE.finditer(article.text):
        speaker = SPEAKERS[zlib.crc32(match.group().strip().encode()) % len(SPEAKERS)] if rng.random() < 0.9 else None
        found.append(Claim(start=match.start(), end=match.end(), quote=match.group(), kind="speech",
                           speaker=speaker, sentence_start=match.start(), sentence_end=match.end()))
    return found


def build(path: Path, count: int) -> tuple[Store, list[Article], list[Claim]]:
    """A store of `count` articles with their sentence claims."""
    rng = random.Random(11)
    store = Store(path)
    batch = articles(count)
    every = []
    for article in batch:
        claims = claims_of(article, rng)
        store.ingest(article, claims)
        every += claims
    return store, batch, every


def pasted(claims: list[Claim], count: int) -> list[str]:
    """Quotes as people paste them: exact stretches, one word changed, or joined from two claims."""
    rng = random.Random(5)
    texts = []
    for i in range(count):
        quote = rng.choice(claims).quote.split()
        piece = quote[: max(4, len(quote) // 2)]
        if i % 3 == 1:
            piece[rng.randrange(len(piece))] = "never"
        if i % 3 == 2:
            piece += rng.choice(claims).quote.split()[:6]
        texts.append(f'"{" ".join(piece)}"')
    return texts


def timed(run, inputs: list[str]) -> tuple[float, float]:
    """Median and 95th-percentile milliseconds of `run` over the inputs."""
    took = []
    for text in inputs:
        started = time.perf_counter()
        run(text)
        took.append((time.perf_counter() - started) * 1000)
    took.sort()
    return statistics.median(took), took[int(len(took) * 0.95) - 1]


def main() -> None:
    """Build the store, time ask, check and the linear scan, and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="how many generated articles")
    parser.add_argument("--queries", type=int, default=200, help="how many lookups and checks to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store, batch, claims = build(Path(folder) / "bench.db", args.articles)
        quotes = pasted(claims, args.queries)
        rng = random.Random(3)
        questions = [f"{rng.choice(SPEAKERS).split()[1]} {rng.choice(c.quote.split())}"
                     for c in rng.sample(claims, args.queries)]
        texts = [a.text for a in batch]
        ask_ms = timed(lambda q: ask(store, q), questions)
        check_ms = timed(lambda t: check(store, t), quotes)
        scan_ms = timed(lambda t: max(fuzz.partial_ratio(t.strip('"'), text) for text in texts), quotes[:20])
        counts = store.counts()
        store.close()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"store: {counts['articles']} articles, {counts['claims']} claims, {counts['statements']} statements")
    print("| run | median ms | p95 ms |\n|---|---|---|")
    print(f"| `ask` (speaker + word) | {ask_ms[0]:.1f} | {ask_ms[1]:.1f} |")
    print(f"| `check` (one quote: exact, changed or joined) | {check_ms[0]:.1f} | {check_ms[1]:.1f} |")
    print(f"| linear `partial_ratio` scan of every article, one quote | {scan_ms[0]:.1f} | {scan_ms[1]:.1f} |")


if __name__ == "__main__":
    main()
