"""Lookups on a real store file: speakers, words, quoted phrases, days, outlets, and answers when nothing matches."""

from __future__ import annotations

from datetime import date

import pytest

from bot.lookup import ask, resolve_date, respelling_note
from bot.models import Article
from bot.store import Store
from tests.newsroom import BUDGET, FARE, FOUNDATION, REPORTED, RIDERSHIP, SAMPLE, build, claim

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = build(tmp_path_factory.mktemp("lookup") / "store.db")
    yield s
    s.close()


def texts(statements) -> list[str]:
    return [s.text for s in statements]


def test_speaker_and_words(store: Store) -> None:
    got = ask(store, "What did Sample say about fares?", today=TODAY)
    assert got.speaker == "Bob Sample"
    assert texts(got.statements) == [SAMPLE]
    assert got.statements[0].medium == "X"


def test_words_alone_find_every_speaker_using_them_best_first(store: Store) -> None:
    got = ask(store, "bus fare", today=TODAY)
    assert got.speaker is None
    [fare] = got.statements
    assert fare.text == FARE
    assert fare.speaker == "Ann Example" and fare.role == "mayor"
    assert [s.outlet for s in fare.sources] == ["Daily Ledger", "Evening Post"]
    assert len(fare.variants) == 2


def test_a_speaker_alone_lists_their_direct_words_then_reported_speech(store: Store) -> None:
    got = ask(store, "Ann Example", today=TODAY)
    assert sorted(texts(got.statements[:2])) == sorted([FARE, BUDGET])
    assert texts(got.statements[2:]) == [REPORTED]
    assert ask(store, "example", today=TODAY).speaker == "Ann Example"


def test_direct_words_come_before_reported_speech_at_equal_relevance(store: Store) -> None:
    assert texts(ask(store, "Example budget", today=TODAY).statements) == [BUDGET, REPORTED]


def test_a_quoted_phrase_must_stand_word_for_word(store: Store) -> None:
    assert texts(ask(store, '"fare this year"', today=TODAY).statements) == [FARE]
    scrambled = ask(store, '"year this fare"', today=TODAY)
    assert scrambled.statements == []
    assert texts(scrambled.nearest) == [FARE]


def test_a_day_without_a_year_is_the_latest_the_store_holds(store: Store) -> None:
    got = ask(store, "Example on March 1", today=TODAY)
    assert got.on == date(2025, 3, 1)
    assert texts(got.statements) == [FARE]
    assert ask(store, "Third on 2025-03-01", today=TODAY).statements == []


def test_since_a_day(store: Store) -> None:
    got = ask(store, "since March 3", today=TODAY)
    assert got.since == date(2025, 3, 3)
    assert sorted(texts(got.statements)) == sorted([FARE, RIDERSHIP, FOUNDATION])


def test_may_the_verb_is_no_date(store: Store) -> None:
    got = ask(store, "may the mayor raise the fare", today=TODAY)
    assert got.on is None and got.since is None
    assert texts(got.statements) == [FARE]


def test_outlet_filter(store: Store) -> None:
    assert texts(ask(store, "ridership", outlet="Evening", today=TODAY).statements) == [RIDERSHIP]
    assert ask(store, "ridership", outlet="Ledger", today=TODAY).statements == []


def test_nothing_found_says_why_and_offers_the_nearest(store: Store) -> None:
    got = ask(store, "Third airport ridership", today=TODAY)
    assert got.statements == []
    assert "“airport”" in got.message
    assert texts(got.nearest) == [RIDERSHIP]
    lonely = ask(store, "Bob Sample airport", today=TODAY)
    assert lonely.statements == []
    assert texts(lonely.nearest) == [SAMPLE]


def test_a_mistyped_word_is_looked_for_as_the_stored_word_one_slip_away(store: Store) -> None:
    got = ask(store, "ridreship grew", today=TODAY)
    assert got.corrected == {"ridreship": "ridership"}
    assert texts(got.statements) == [RIDERSHIP]
    assert ask(store, "rdership", today=TODAY).corrected == {"rdership": "ridership"}
    assert ask(store, "ridership grew", today=TODAY).corrected == {}
    assert ask(store, "zzzzqqq", today=TODAY).corrected == {}


def test_respelling_note_names_both_spellings() -> None:
    assert respelling_note({}) is None
    assert "“ridership” in place of “ridreship”" in respelling_note({"ridreship": "ridership"})


def test_an_empty_question_gets_an_example(store: Store) -> None:
    got = ask(store, "  who said what? ", today=TODAY)
    assert got.statements == [] and got.nearest == []
    assert "e.g." in got.message


@pytest.mark.parametrize(("phrase", "expected"), [
    ("yesterday", date(2026, 11, 21)),
    ("2024-02-29", date(2024, 2, 29)),
    ("March 1", date(2025, 3, 1)),
    ("1st of March 2026", date(2026, 3, 1)),
    ("Dec 25", date(2024, 12, 25)),
])
def test_resolve_date(phrase: str, expected: date) -> None:
    assert resolve_date(phrase, today=TODAY, newest=date(2025, 3, 4)) == expected


def test_explicit_filters_as_slack_users_type_them(store: Store) -> None:
    assert texts(ask(store, "from:Example", today=TODAY).statements)[0] == FARE
    assert texts(ask(store, 'from:"Carla Third"', today=TODAY).statements) == [RIDERSHIP]
    assert texts(ask(store, "bus fares in:Evening", today=TODAY).statements) == [FARE]
    assert [s.outlet for s in ask(store, "bus fares in:Evening", today=TODAY).statements[0].sources] == [
        "Daily Ledger", "Evening Post"]
    assert ask(store, "fare in:Gazette", today=TODAY).statements == []
    assert texts(ask(store, "from:Sample on:2025-03-02", today=TODAY).statements) == [SAMPLE]
    assert ask(store, "from:Sample since:2025-03-03", today=TODAY).statements == []
    assert texts(ask(store, "from:Third since:2025-03-03", today=TODAY).statements) == [RIDERSHIP]


@pytest.mark.parametrize(("query", "says"), [
    ("from:Nobody", "nobody called “Nobody”"),
    ("from:", "`from:` needs a value"),
    ("fare since:someday", "“someday” is not a date"),
])
def test_a_filter_that_cannot_be_met_says_why(store: Store, query: str, says: str) -> None:
    got = ask(store, query, today=TODAY)
    assert got.statements == [] and says in got.message


def test_a_name_among_remembered_words_may_be_part_of_the_quote(tmp_path) -> None:
    store = build(tmp_path / "s.db")
    said = "Bob Sample never rides the bus he wants to cut"
    other = Article(name="c.txt", text=f'Carla Third said: "{said}"')
    store.ingest(other, [claim(other, said, "Carla Third")])
    got = ask(store, "Sample never rides the bus", today=TODAY)
    assert texts(got.statements) == [said] and got.speaker is None
    assert got.message == "Nothing Sample said matches; these quotes use the words."
    assert texts(ask(store, "Sample cheaper fares", today=TODAY).statements) == [SAMPLE]  # his words come first
    store.close()


def test_a_name_many_people_share_is_answered_as_typed(tmp_path) -> None:
    store = build(tmp_path / "s.db")
    for first in ("Ann", "Bo", "Cy", "Di"):
        a = Article(name=f"{first}.txt", text=f'{first} Lee said: "Trams are late, {first} says"')
        store.ingest(a, [claim(a, f"Trams are late, {first} says", f"{first} Lee")])
    got = ask(store, "from:Lee zebras", today=TODAY)
    assert got.speaker == "Lee"
    assert got.message.startswith("Nothing sourced matches “zebras” from Lee.")
    assert ask(store, "from:Lee trams", today=TODAY).statements
    store.close()
