"""Lookup and quote checking at scale: `ask` and `check` latency and memory on stores of 10k to 1M claims,
beside a linear scan of article text as single-source checkers do.

Run: .venv/bin/python -m bench.lookup [--sizes 10000 100000 1000000] [--scan-articles 1000]
Stores are built once through Store.ingest_many and cached in bench/.cache/; each size is measured in a fresh
process so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bench.archive import GENERATOR_VERSION, Archive
from bench.report import machine, write_section
from bot.text import fold

CACHE = Path(__file__).parent / ".cache"
SECTION = "## Lookup and check at scale"
BATCH = 500  # articles per transaction while building
PER_KIND = 60  # queries of each kind
SCAN_CHECKS = 30
TODAY = date(2026, 1, 1)


def store_path(size: int) -> Path:
    """Where the store of `size` claims is cached."""
    return CACHE / f"claims-{size}-v{GENERATOR_VERSION}.db"


def build(size: int) -> dict:
    """Build (or reuse) the store of `size` claims; its build time and file size."""
    from bot.store import Store

    path, facts = store_path(size), store_path(size).with_suffix(".json")
    if facts.exists() and path.exists():
        Store(path).close()  # a store cached by older code is migrated here, not while it is measured
        return {**json.loads(facts.read_text()), "bytes": path.stat().st_size}
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    store = Store(partial)
    started = time.perf_counter()
    stream = Archive(size).articles()
    while batch := list(itertools.islice(stream, BATCH)):
        store.ingest_many(batch)
    seconds = time.perf_counter() - started
    counts = store.counts()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    partial.rename(path)
    result = {"size": size, "build_s": round(seconds, 1), "bytes": path.stat().st_size, **counts}
    facts.write_text(json.dumps(result))
    return result


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: two letters swapped or one dropped."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if rng.random() < 0.5 else word[:i] + word[i + 1:]


def window(text: str, rng: random.Random, size: int) -> list[str]:
    """`size` consecutive words of `text` (its own spelling), from a random place."""
    tokens = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)
    at = rng.randrange(max(1, len(tokens) - size + 1))
    return tokens[at:at + size]


def queries(size: int) -> dict[str, list[list]]:
    """A fixed set of asks and pasted quotes drawn from the stored statements, with deterministic perturbations."""
    from bot.store import Store

    store = Store(store_path(size))
    rng = random.Random(size)
    total = store.counts()["statements"]
    pool = [s for s in store.statements(rng.sample(range(1, total + 1), min(total, 40 * PER_KIND)))
            if s.speaker and len(fold(s.text).split()) >= 6]
    direct = [s for s in pool if any(src.kind == "speech" for src in s.sources)]
    store.close()
    asks: list[list] = []  # kind, question, the statement it was drawn from
    for s in rng.sample(pool, PER_KIND):
        asks.append(["exact", " ".join(window(s.text, rng, rng.randint(3, 6))), s.id])
    for s in rng.sample(pool, PER_KIND):
        words = window(s.text, rng, 7)
        del words[rng.randrange(len(words))]
        words.insert(rng.randrange(len(words)), rng.choice(["really", "never", "government", "people"]))
        asks.append(["misremembered", " ".join(words), s.id])
    for s in rng.sample(pool, PER_KIND):
        words = window(s.text, rng, 5)
        i = max(range(len(words)), key=lambda k: len(words[k]))
        asks.append(["mistyped", " ".join(words[:i] + [typo(words[i], rng)] + words[i + 1:]), s.id])
    for s in rng.sample(pool, PER_KIND):
        surname = s.speaker.split()[-1]
        asks.append(["from", f"What did {surname} say about {' '.join(window(s.text, rng, 3))}", s.id])
    for s in rng.sample([s for s in pool if s.said_on], PER_KIND):
        since = (s.said_on - timedelta(days=rng.randint(0, 60))).strftime("%B %-d, %Y")
        asks.append(["since", f"{' '.join(window(s.text, rng, 4))} since {since}", s.id])
    for s in rng.sample(pool, PER_KIND):
        asks.append(["name only", s.speaker, None])  # answered by the newest statements, not this one
    checks: list[list[str]] = []
    for s in rng.sample(direct, PER_KIND):
        checks.append(["verbatim", f'{s.speaker} said "{s.text}"'])
    for s in rng.sample(direct, PER_KIND):
        words = s.text.split()
        i = rng.randrange(len(words))
        words[i] = "not " + words[i] if rng.random() < 0.5 else str(rng.randrange(2, 99))
        checks.append(["altered", f'{s.speaker} said "{" ".join(words)}"'])
    for s in rng.sample(direct, PER_KIND):
        other = rng.choice([p for p in direct if p.speaker != s.speaker]).speaker
        checks.append(["misattributed", f'{other} said "{s.text}"'])
    for a, b in zip(rng.sample(direct, PER_KIND), rng.sample(direct, PER_KIND), strict=True):
        left, right = a.text.split(), b.text.split()
        checks.append(["stitched", f'"{" ".join(left[:max(4, len(left) // 2)])} {" ".join(right[len(right) // 2:])}"'])
    fresh = Archive(1000, seed=size + 1)
    for _ in range(PER_KIND):
        checks.append(["unsourced", f'"{fresh.speech()}"'])
    return {"ask": asks, "check": checks}


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50, p95 and p99 of some milliseconds."""
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50": round(pick(0.50), 1), "p95": round(pick(0.95), 1), "p99": round(pick(0.99), 1)}


def warm(path: Path) -> None:
    """Read a store file once, so it is in the OS page cache as a running bot's store is: this machine drops the
    cached pages of a large file it has not read for a while, and a measure would time the disk instead."""
    with path.open("rb") as f:
        while f.read(1 << 20):
            pass


def measure(size: int, query_file: Path) -> dict:
    """Run every query against one store in this process: latencies, verdicts and this process's peak RSS."""
    from bot.check import check
    from bot.lookup import ask
    from bot.store import Store

    work = json.loads(query_file.read_text())
    warm(store_path(size))
    store = Store(store_path(size))
    timings: dict[str, list[float]] = {"ask": [], "check": []}
    found: dict[str, int] = {}
    hits: dict[str, int] = {}
    verdicts: dict[str, dict[str, int]] = {}
    ask(store, "talks on Monday since May 1", today=TODAY)  # loads dateparser's tables once, as a running bot has
    for kind, text, source in work["ask"]:
        started = time.perf_counter()
        answer = ask(store, text, today=TODAY)
        timings["ask"].append((time.perf_counter() - started) * 1000)
        found[kind] = found.get(kind, 0) + bool(answer.statements)
        if source is not None:
            hits[kind] = hits.get(kind, 0) + any(s.id == source for s in answer.statements)
    for expected, text in work["check"]:
        started = time.perf_counter()
        result = check(store, text)
        timings["check"].append((time.perf_counter() - started) * 1000)
        got = result.checks[0].verdict if result.checks else "none"
        verdicts.setdefault(expected, {}).setdefault(got, 0)
        verdicts[expected][got] += 1
    store.close()
    return {"ask": percentiles(timings["ask"]), "check": percentiles(timings["check"]), "answered": found,
            "hits": hits, "verdicts": verdicts,
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def scan(articles: int, query_file: Path) -> dict:
    """The single-source way: fold every article, then per pasted quote look for it in each, exact then fuzzy."""
    from rapidfuzz import fuzz

    texts = [fold(a.text) for a, _ in itertools.islice(Archive(articles * 6).articles(), articles)]
    quotes = [fold(re.sub(r'^[^"]*"|"$', "", text)) for _, text in json.loads(query_file.read_text())["check"]]
    timings = []
    for quote in random.Random(3).sample(quotes, SCAN_CHECKS):
        started = time.perf_counter()
        best = max((100.0 if quote in text else fuzz.partial_ratio_alignment(quote, text).score) for text in texts)
        timings.append((time.perf_counter() - started) * 1000)
        assert best >= 0
    return percentiles(timings)


def in_subprocess(*args: str) -> dict:
    """One step in a fresh interpreter, so its memory is its own."""
    out = subprocess.run([sys.executable, "-m", "bench.lookup", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(command: str, rows: list[dict], baseline: dict, articles: int) -> str:
    """The Markdown section for docs/benchmarks.md."""
    lines = [SECTION, "", f"Machine: {machine()}.", "", f"Command: `{command}`", "",
             "| claims | build | file | ask p50 / p95 / p99 ms | check p50 / p95 / p99 ms | peak RSS |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        a, c = r["ask"], r["check"]
        lines.append(f"| {r['size']:,} | {r['build_s']:.0f} s | {r['bytes'] / 2**20:.0f} MB "
                     f"| {a['p50']} / {a['p95']} / {a['p99']} | {c['p50']} / {c['p95']} / {c['p99']} "
                     f"| {r['rss_mb']} MB |")
    ours = rows[-1]["check"]["p95"]
    lines += ["", f"Linear scan of {articles:,} articles per check (folded substring, else rapidfuzz "
              f"`partial_ratio_alignment`, texts folded once beforehand), {SCAN_CHECKS} checks: "
              f"p50 {baseline['p50']} ms, p95 {baseline['p95']} ms; our check p95 at {rows[-1]['size']:,} claims "
              f"is {baseline['p95'] / max(ours, 0.1):.0f}x faster.", "",
              f"Queries: {PER_KIND} asks of each kind (exact, misremembered, mistyped, from a speaker, since a date, "
              f"a name alone) and {PER_KIND} pasted quotes of each kind (verbatim, altered, misattributed, stitched, "
              "unsourced), drawn with a fixed seed from the stored statements, after one untimed question that "
              "loads dateparser's tables as a running bot already has, the store file read once beforehand so that "
              "it is in the OS page cache as a running bot's store is. Verdicts got, by kind expected:", ""]
    for r in rows:
        lines.append(f"- {r['size']:,}: " + "; ".join(
            f"{kind} → " + ", ".join(f"{v} {n}" for v, n in sorted(got.items(), key=lambda x: -x[1]))
            for kind, got in r["verdicts"].items()))
    lines += ["", f"Asks answered with at least one statement, of {PER_KIND} of each kind:", ""]
    lines += [f"- {r['size']:,}: " + ", ".join(f"{kind} {n}" for kind, n in r["answered"].items()) for r in rows]
    lines += ["", "Asks whose answer (the first 5 statements) holds the statement the question was drawn from; a "
              "few words of generated text may stand in several statements, so a right answer can miss it:", ""]
    lines += [f"- {r['size']:,}: " + ", ".join(f"{kind} {n}" for kind, n in r["hits"].items()) for r in rows]
    lines += ["", "The generated \"unsourced\" quotes reuse the sentence shapes of the seed articles with new "
              "words, so many stay close to some stored statement: `altered` is a fair answer for those."]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Build, query and report every size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--scan-articles", type=int, default=1000)
    parser.add_argument("--step", choices=["build", "queries", "measure", "scan"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        size = args.sizes[0]
        query_file = CACHE / f"queries-{size}-v{GENERATOR_VERSION}.json"
        if args.step == "build":
            out = build(size)
        elif args.step == "queries":
            query_file.write_text(json.dumps(queries(size)))
            out = {"file": str(query_file)}
        elif args.step == "measure":
            out = measure(size, query_file)
        else:
            out = scan(args.scan_articles, query_file)
        print(json.dumps(out))
        return
    rows = []
    for size in args.sizes:
        built = in_subprocess("--step", "build", "--sizes", str(size))
        print(f"{size}: built {built}", file=sys.stderr)
        in_subprocess("--step", "queries", "--sizes", str(size))
        rows.append({**built, "size": size, **in_subprocess("--step", "measure", "--sizes", str(size))})
        print(f"{size}: {rows[-1]}", file=sys.stderr)
    baseline = in_subprocess("--step", "scan", "--sizes", str(args.sizes[0]),
                             "--scan-articles", str(args.scan_articles))
    command = ".venv/bin/python -m bench.lookup --sizes " + " ".join(map(str, args.sizes))
    section = report(command, rows, baseline, args.scan_articles)
    write_section(SECTION, section)
    print(section)


if __name__ == "__main__":
    main()
