"""Ingest speed: whosaid's whole ingest (extract and store) against a bare full-pipeline `nlp.pipe`.

Run: .venv/bin/python -m bench.ingest [--articles 300]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import spacy

from bench.corpus import articles
from bot.ingest import ingest_articles
from bot.settings import get_settings
from bot.store import Store


def bare_pipe_rate(texts: list[str]) -> float:
    """Articles per second of the full English pipeline in one process, the usual way to run spaCy."""
    nlp = spacy.load(get_settings().whosaid_spacy_model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return len(texts) / (time.perf_counter() - started)


def ingest_rate(count: int) -> tuple[float, int]:
    """Articles per second and claims stored by whosaid's ingest into a fresh store file."""
    batch = articles(count)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        started = time.perf_counter()
        report = ingest_articles(store, batch)
        elapsed = time.perf_counter() - started
        claims = store.counts()["claims"]
        store.close()
    assert not report.errors, report.errors
    return count / elapsed, claims


def main() -> None:
    """Measure both and print a Markdown table row set for docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="how many generated articles")
    args = parser.parse_args()
    texts = [a.text for a in articles(args.articles)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    ours, claims = ingest_rate(args.articles)
    bare = bare_pipe_rate(texts)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, spaCy {spacy.__version__}")
    print(f"corpus: {args.articles} articles, {words:.0f} words each on average; {claims} claims stored")
    print("| run | articles/s |\n|---|---|")
    print(f"| bare `nlp.pipe`, full pipeline, 1 process | {bare:.1f} |")
    print(f"| `whosaid` ingest (extract + store), {get_settings().whosaid_processes} processes | {ours:.1f} |")
    print(f"| ratio | {ours / bare:.2f}x |")


if __name__ == "__main__":
    main()
