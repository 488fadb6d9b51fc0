"""Hostile and odd input to lookup and checking: always a clear answer, never an exception."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.check import check
from bot.lookup import ask
from bot.store import Store
from tests.newsroom import FARE, build

TODAY = date(2026, 11, 22)
HOSTILE = [
    "",
    "   \n\t ",
    "?!…—–-.,;:'\"",
    '"',
    "*",
    "NEAR(fare bus)",
    "fare OR bus",
    "-fare",
    'fare" OR "1"="1',
    "'; DROP TABLE claims; --",
    "SELECT * FROM claims WHERE 1=1",
    "🚌🚌 “we will not raise the bus fare 🙂 this year”",
    "\u202e\u0627\u0644\u0623\u062c\u0631\u0629 \u0644\u0646 \u062a\u0631\u062a\u0641\u0639\u202c",
    "we\u200b will\u200c not\u200d raise the bus fare this year",
    "\x00\x01\x02 control",
    "<!channel> <@U123> <https://x|y> &amp;",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = build(tmp_path_factory.mktemp("hostile") / "store.db")
    yield s
    s.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_lookup_answers_anything(store: Store, text: str) -> None:
    got = ask(store, text, today=TODAY)
    assert got.statements or got.nearest or got.message


@pytest.mark.parametrize("text", HOSTILE)
def test_check_answers_anything(store: Store, text: str) -> None:
    got = check(store, text)
    assert got.checks or got.message
    assert all(c.verdict in ("verbatim", "altered", "misattributed", "stitched", "unsourced") for c in got.checks)


def test_zero_width_characters_do_not_hide_sourced_words(store: Store) -> None:
    pasted = "“We\u200b will not raise the bus fare this year, and the 40 new buses arrive in May.”"
    [only] = check(store, pasted).checks
    assert only.verdict == "verbatim"


def test_a_100_kb_paste_gets_an_answer(store: Store) -> None:
    paste = (f'Ann Example said "{FARE}" and then a lot more. ' * 1200)[:100_000]
    got = check(store, paste)
    assert got.checks or got.message
    assert ask(store, paste, today=TODAY).query == paste


def test_store_is_untouched_by_hostile_queries(store: Store, tmp_path: Path) -> None:
    before = store.counts()
    for text in HOSTILE:
        ask(store, text, today=TODAY)
        check(store, text)
    assert store.counts() == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_lookup_text_gets_an_answer_not_an_error(store: Store, text: str) -> None:
    got = ask(store, text, today=TODAY)
    assert got.statements or got.nearest or got.message
