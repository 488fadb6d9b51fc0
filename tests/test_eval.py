"""The seed articles scored against the visible gold with the evaluation's own scoring."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.extract import extract
from bot.models import Article
from tests.scoring import score

ROOT = Path(__file__).resolve().parent.parent
BARS = {"recall": 0.97, "precision": 0.97, "speaker": 0.97, "end_to_end": 0.95, "said_on": 0.9,
        "medium": 0.9, "reported": 0.8}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    """Extract the seeds as the CLI does and score them against tests/data gold."""
    meta = json.loads((ROOT / "seeds" / "metadata.json").read_text(encoding="utf-8"))
    articles = [Article(name=p.name, text=p.read_text(encoding="utf-8"),
                        published=date.fromisoformat(meta[p.name]["published"]))
                for p in sorted((ROOT / "seeds").glob("*.txt"))]
    preds = [{"article": a.name, **c.model_dump(mode="json")}
             for a, claims in zip(articles, extract(articles), strict=True) for c in claims]
    quotes = json.loads((ROOT / "tests" / "data" / "quotes.json").read_text(encoding="utf-8"))
    reported = json.loads((ROOT / "tests" / "data" / "reported.json").read_text(encoding="utf-8"))
    return score(preds, quotes, reported)


@pytest.mark.parametrize("metric", sorted(BARS))
def test_seed_scores_reach_the_bar(scores: dict[str, dict], metric: str) -> None:
    assert scores[metric]["score"] >= BARS[metric], scores
