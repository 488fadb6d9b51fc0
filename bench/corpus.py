"""Reproducible benchmark corpora: many distinct articles made of real news paragraphs."""

from __future__ import annotations

import random
from pathlib import Path

from bot.models import Article

SEEDS = Path(__file__).parents[1] / "seeds"


def paragraphs() -> list[str]:
    """Every paragraph of the seed articles with at least a sentence in it."""
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8]
    return found


def articles(count: int, *, seed: int = 7) -> list[Article]:
    """`count` distinct articles of 6 to 14 real paragraphs each, the same for the same seed."""
    rng = random.Random(seed)
    pool = paragraphs()
    made = []
    for i in range(count):
        body = "\n".join(rng.sample(pool, rng.randint(6, min(14, len(pool)))))
        made.append(Article(name=f"bench-{i:05}.txt", text=f"Report {i}\n{body}\n"))
    return made
