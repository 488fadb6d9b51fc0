"""Dates: datelines, attribution dates and dates spoken inside quotes."""

from __future__ import annotations

from datetime import date

from bot.dates import dateline, earlier_than_story, spoken_day, when_said

SUNDAY = date(2025, 5, 11)


def test_datelines_of_several_styles() -> None:
    assert dateline("May 11—Russian President Vladimir Putin this morning moved", SUNDAY) == SUNDAY
    assert dateline("KYIV, Ukraine, March 3 (Reuters) - Officials said", date(2025, 3, 4)) == date(2025, 3, 3)
    assert dateline("Officials said on Monday that talks would go on.", SUNDAY) is None


def test_attribution_dates_resolve_against_the_article_date() -> None:
    assert when_said("He called for a truce between the parties on May 8", SUNDAY) == date(2025, 5, 8)
    assert when_said("Peskov told reporters on Thursday", date(2025, 5, 15)) == date(2025, 5, 15)
    assert when_said("said Wednesday evening", date(2025, 5, 15)) == date(2025, 5, 14)
    assert when_said("said yesterday", SUNDAY) == date(2025, 5, 10)
    assert when_said("told Sky News this morning", SUNDAY) == SUNDAY


def test_dates_of_plans_and_the_future_are_not_said_dates() -> None:
    assert when_said("proposed talks in Istanbul on May 15", SUNDAY) is None
    assert when_said("a ceasefire starting Monday, May 12", SUNDAY) is None
    assert when_said("said he would stay until May 3", SUNDAY) is None


def test_tomorrow_inside_a_quote_dates_it_to_the_day_before() -> None:
    assert spoken_day("a ceasefire starting tomorrow, May 12th, and", SUNDAY) == SUNDAY
    assert spoken_day("today, May 11, we stand together", SUNDAY) == SUNDAY
    assert spoken_day("starting from tomorrow", SUNDAY) is None


def test_past_perfect_is_before_the_story() -> None:
    assert earlier_than_story("Zelenskyy had called the truce a")
    assert not earlier_than_story("Zelenskyy called the truce a")
