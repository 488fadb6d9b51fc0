"""A small hand-made newsroom archive for lookup and check tests: three outlets, three speakers, two days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.models import Article, Claim
from bot.store import Store

FARE = "We will not raise the bus fare this year, and the 40 new buses arrive in May."
FARE_SHORT = "We will not raise the bus fares this year."
BUDGET = "the budget is tight but fair"
SAMPLE = "The mayor promised cheaper fares. Nobody believes it. The plan is inappropriate."
RIDERSHIP = "ridership grew by 12 percent in January."
REPORTED = "the budget would cover the new buses"
FOUNDATION = "Fares must fall for good."

DAILY = Article(
    name="daily.txt", outlet="Daily Ledger", published=date(2025, 3, 2), url="https://ledger.example/fares",
    text=(f'Mayor Ann Example said on Saturday: "{FARE}" She added that "{BUDGET}." '
          f'Council member Bob Sample wrote on X: "{SAMPLE}" Example said {REPORTED}.'),
)
EVENING = Article(
    name="evening.txt", outlet="Evening Post", published=date(2025, 3, 4),
    text=(f'Example repeated: "{FARE_SHORT}" Carla Third, the transit director, said that "{RIDERSHIP}" '
          f'Riders called the service <!channel> & "fine". The Example Foundation said: "{FOUNDATION}"'),
)


def claim(article: Article, quote: str, speaker: str, **extra) -> Claim:
    """A claim on the first occurrence of `quote` in the article."""
    start = article.text.index(quote)
    return Claim(start=start, end=start + len(quote), quote=quote, kind=extra.pop("kind", "speech"),
                 speaker=speaker, sentence_start=start, sentence_end=start + len(quote), **extra)


def build(path: Path) -> Store:
    """A store holding both articles and their claims."""
    store = Store(path)
    store.ingest(DAILY, [
        claim(DAILY, FARE, "Ann Example", speaker_mention="Mayor Ann Example", role="mayor",
              said_on=date(2025, 3, 1)),
        claim(DAILY, BUDGET, "Ann Example", kind="fragment", speaker_mention="She"),
        claim(DAILY, SAMPLE, "Bob Sample", speaker_mention="Bob Sample", medium="X"),
        claim(DAILY, REPORTED, "Ann Example", kind="indirect", speaker_mention="Example"),
    ])
    store.ingest(EVENING, [
        claim(EVENING, FARE_SHORT, "Ann Example", speaker_mention="Example"),
        claim(EVENING, RIDERSHIP, "Carla Third", speaker_mention="Carla Third", role="transit director"),
        claim(EVENING, FOUNDATION, "Example Foundation", speaker_mention="The Example Foundation"),
    ])
    return store
