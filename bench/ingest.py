"""Ingest speed: whosaid's whole ingest (extract and store) against a bare full-pipeline `nlp.pipe`.

Run: .venv/bin/python -m bench.ingest [--articles 300]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import spacy

from bench.corpus import articles
from bench.report import machine, write_section
from bot.ingest import ingest_articles
from bot.settings import get_settings
from bot.store import Store

SECTION = "## Ingest speed"


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
    """Measure both, print the section and keep it in docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="how many generated articles")
    args = parser.parse_args()
    texts = [a.text for a in articles(args.articles)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    ours, claims = ingest_rate(args.articles)
    bare = bare_pipe_rate(texts)
    processes = get_settings().whosaid_processes
    section = "\n".join([
        SECTION, "",
        f"Machine: {machine()}, spaCy {spacy.__version__}.", "",
        f"Command: `.venv/bin/python -m bench.ingest --articles {args.articles}`", "",
        f"Corpus: {args.articles} generated articles (paragraphs of the seed articles recombined, `bench/corpus.py`),",
        f"{words:.0f} words each on average; {claims} claims stored.", "",
        "| run | articles/s |", "|---|---|",
        f"| bare `nlp.pipe`, full English pipeline, 1 process | {bare:.1f} |",
        f"| `whosaid` ingest (read, extract, store), {processes} processes | {ours:.1f} |",
        f"| ratio | {ours / bare:.2f}x |",
    ])
    write_section(SECTION, section)
    print(section)


if __name__ == "__main__":
    main()
