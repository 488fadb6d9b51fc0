"""Quote checking on a real store file: each verdict, the evidence behind it, and pasted-text edge cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.check import check, passages
from bot.store import Store
from bot.text import words
from tests.newsroom import FARE, RIDERSHIP, build


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = build(tmp_path_factory.mktemp("check") / "store.db")
    yield s
    s.close()


def one(store: Store, text: str):
    result = check(store, text)
    assert len(result.checks) == 1, result
    return result.checks[0]


def test_exact_words_are_verbatim_with_speaker_date_and_every_source(store: Store) -> None:
    got = one(store, 'Ann Example said "We will not raise the bus fare this year"')
    assert got.verdict == "verbatim"
    assert got.speaker == got.claimed_speaker == "Ann Example"
    assert got.said_on == date(2025, 3, 1)
    assert {s.outlet for s in got.sources} == {"Daily Ledger", "Evening Post"}
    assert got.sourced == "We will not raise the bus fare this year"
    assert all(op.op == "equal" for op in got.diff)


def test_typography_case_and_a_marked_gap_do_not_count(store: Store) -> None:
    assert one(store, "“WE WILL NOT RAISE THE BUS FARE THIS YEAR…”").verdict == "verbatim"
    elided = one(store, '"We will not raise the bus fare ... the 40 new buses arrive in May"')
    assert elided.verdict == "verbatim"
    assert "gap" in elided.reason
    assert one(store, '"the 40 new buses arrive in May ... we will not raise the bus fare"').verdict == "altered"
    assert one(store, '"raise the bus fare ... raise the bus fare"').verdict != "verbatim"


def test_a_dropped_negation_is_altered_and_shown_in_the_sources_words(store: Store) -> None:
    got = one(store, 'Example said: "we will raise the bus fare this year"')
    assert got.verdict == "altered"
    assert "negation" in got.reason
    assert [(op.op, op.sourced) for op in got.diff if op.op != "equal"] == [("dropped", "not")]
    assert got.sourced.startswith("We will not raise")


def test_a_changed_number_is_altered_and_named(store: Store) -> None:
    got = one(store, '"Ridership grew by 21 percent in January"')
    assert got.verdict == "altered"
    assert got.speaker == "Carla Third"
    assert "a number differs" in got.reason
    assert [(op.op, op.pasted, op.sourced) for op in got.diff if op.op != "equal"] == [("changed", "21", "12")]


def test_a_negating_prefix_counts_as_a_negation(store: Store) -> None:
    got = one(store, 'Sample wrote "The plan is appropriate"')
    assert got.verdict == "altered"
    assert "negation" in got.reason


def test_sourced_words_credited_to_someone_else_are_misattributed(store: Store) -> None:
    got = one(store, '"We will not raise the bus fare this year," Bob Sample said.')
    assert got.verdict == "misattributed"
    assert got.claimed_speaker == "Bob Sample"
    assert got.speaker == "Ann Example"
    assert "Ann Example" in got.reason


def test_the_name_a_verb_of_saying_follows_is_the_one_credited(store: Store) -> None:
    got = one(store, 'Ann Example accused Bob Sample of breaking a promise: "We will not raise the bus fare this year"')
    assert (got.claimed_speaker, got.verdict) == ("Ann Example", "verbatim")


def test_a_name_a_speaker_talks_about_is_not_credited_with_the_words(store: Store) -> None:
    pasted = 'Ann Example called the fare "this year" and said Bob Sample knew "the 40 new buses arrive in May"'
    result = check(store, pasted)
    assert [(c.claimed_speaker, c.verdict) for c in result.checks] == [("Ann Example", "verbatim")] * 2


def test_whose_something_is_is_not_who_said_it(store: Store) -> None:
    got = one(store, 'Ann Example called Sample’s offer "We will not raise the bus fare this year"')
    assert (got.claimed_speaker, got.verdict) == ("Ann Example", "verbatim")


@pytest.mark.parametrize("lead", ["sample said", "sample on fares:"])
def test_a_lowercase_name_before_a_verb_of_saying_or_opening_the_text_is_credited(store: Store, lead: str) -> None:
    got = one(store, f'{lead} "We will not raise the bus fare this year"')
    assert (got.claimed_speaker, got.verdict) == ("Bob Sample", "misattributed")


def test_a_second_passage_with_no_name_before_it_is_the_same_speakers(store: Store) -> None:
    result = check(store, 'Ann Example said "We will not raise the bus fare this year" and "ridership grew by 12 '
                          'percent in January"')
    assert [(c.claimed_speaker, c.verdict) for c in result.checks] == [
        ("Ann Example", "verbatim"), ("Ann Example", "misattributed")]


def test_a_surname_the_store_knows_exactly_names_that_person_only(store: Store) -> None:
    got = one(store, 'Example said "fares must fall for good"')
    assert got.claimed_speaker == "Ann Example"
    assert (got.verdict, got.speaker) == ("misattributed", "Example Foundation")


def test_words_joined_from_two_statements_are_stitched(store: Store) -> None:
    got = one(store, 'Ann Example: "We will not raise the bus fare this year, ridership grew by 12 percent in January"')
    assert got.verdict == "stitched"
    assert got.speaker is None
    assert len(got.statement_ids) == 2
    assert "Carla Third" in got.reason and "Ann Example" in got.reason


def test_a_passage_one_statement_nearly_holds_is_not_searched_sentence_by_sentence(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    searches: list[list[str]] = []
    search = Store.search_claims
    monkeypatch.setattr(Store, "search_claims", lambda self, terms, **kw: searches.append(terms) or search(
        self, terms, **kw))
    # too little is left over for another statement to have given it: one search is enough
    assert one(store, '"We will not raise the bus fare next year. The 40 new buses arrive in May"').verdict == \
        "altered"
    assert len(searches) == 1
    # half the words from elsewhere: each sentence is searched as well
    searches.clear()
    assert one(store, '"We will not raise the bus fare this year. Ridership grew by 12 percent in January"'
               ).verdict == "stitched"
    assert len(searches) == 3
    # a sentence holding the passage's rarest words is not searched for again
    searches.clear()
    assert one(store, '"Ridership grew by 12 percent in January. It is what it is"').verdict == "altered"
    assert len(searches) == len(set(map(tuple, searches))) == 2


def test_words_no_one_said_are_unsourced(store: Store) -> None:
    got = one(store, '"We will build a new airport next to the harbour this year," Example said.')
    assert got.verdict == "unsourced"
    assert got.speaker is None and not got.sources


def test_each_passage_gets_its_own_speaker_and_verdict(store: Store) -> None:
    result = check(store, 'Example called "the budget tight but fair" while Third said "ridership grew by 12 '
                          'percent in January". Sample added: "nobody believes it"')
    assert [(c.claimed_speaker, c.verdict) for c in result.checks] == [
        ("Ann Example", "altered"), ("Carla Third", "verbatim"), ("Bob Sample", "verbatim")]


def test_a_pronoun_alias_never_names_the_speaker(store: Store) -> None:
    got = one(store, 'She said "ridership grew by 12 percent in January"')
    assert got.claimed_speaker is None
    assert got.verdict == "verbatim"


def test_single_quotes_and_apostrophes(store: Store) -> None:
    result = check(store, "It's final: Example said 'we will not raise the bus fare this year' and that's that.")
    assert [c.quote for c in result.checks] == ["we will not raise the bus fare this year"]
    assert result.checks[0].verdict == "verbatim"


def test_text_without_quote_marks_is_checked_whole_after_a_name_lead(store: Store) -> None:
    got = one(store, "Ann Example: We will not raise the bus fare this year")
    assert got.quote == "We will not raise the bus fare this year"
    assert (got.claimed_speaker, got.verdict) == ("Ann Example", "verbatim")


def test_an_unclosed_quote_runs_to_the_end(store: Store) -> None:
    assert one(store, 'Third said "ridership grew by 12 percent in January').verdict == "verbatim"


@pytest.mark.parametrize("text", ["", "   ", "!!! ... ???", '""'])
def test_nothing_to_check_is_a_plain_message(store: Store, text: str) -> None:
    result = check(store, text)
    assert result.checks == []
    assert result.message


def test_one_word_on_each_side_of_a_gap_is_verbatim(store: Store) -> None:
    got = one(store, '"fare ... buses"')
    assert got.verdict == "verbatim"
    assert got.sourced == "fare this year, and the 40 new buses"


def test_a_one_word_quote_of_nobody_named_is_too_short(store: Store) -> None:
    got = one(store, 'Riders called it "fine"')
    assert got.verdict == "unsourced"
    assert "too short" in got.reason


def test_a_one_word_quote_is_checked_against_the_words_of_the_person_named(store: Store) -> None:
    got = one(store, 'Bob Sample called the plan "inappropriate."')
    assert (got.verdict, got.speaker) == ("verbatim", "Bob Sample")
    wrong = one(store, 'Bob Sample called the plan "unaffordable."')
    assert wrong.verdict == "unsourced" and "Bob Sample" in wrong.reason


def test_an_empty_store_sources_nothing(tmp_path: Path) -> None:
    empty = Store(tmp_path / "empty.db")
    assert one(empty, f'"{RIDERSHIP}"').verdict == "unsourced"
    empty.close()


def test_passages_are_found_by_offsets() -> None:
    text = 'He said “one two” and „drei vier“ and «cinq six» and "seven eight", then \'the mayor\'s plan\'.'
    assert [text[p.start:p.end] for p in passages(text)] == [
        "one two", "drei vier", "cinq six", "seven eight", "the mayor's plan"]


FARE_WORDS = FARE.split()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(FARE_WORDS) - 2), st.integers(2, len(FARE_WORDS)), st.booleans())
def test_any_stretch_of_sourced_words_is_verbatim(store: Store, start: int, size: int, shout: bool) -> None:
    stretch = " ".join(FARE_WORDS[start:start + size])
    if len(words(stretch)) < 2:
        return
    got = one(store, f'"{stretch.upper() if shout else stretch}"')
    assert got.verdict == "verbatim"
    assert got.speaker == "Ann Example"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_pasted_text_gets_an_answer_not_an_error(store: Store, text: str) -> None:
    result = check(store, text)
    assert result.checks or result.message


def test_a_middle_initial_ends_no_sentence_and_a_bare_surname_names_everyone(tmp_path) -> None:
    from bot.models import Article, Claim

    s = Store(tmp_path / "names.db")
    for name, said in [("James Suzuki", "The harbour will reopen next spring."),
                       ("Barbara T. Suzuki", "We will never sell the old harbour to developers.")]:
        text = f'"{said}" {name} said.'
        s.ingest(Article(name=f"{name}.txt", text=text),
                 [Claim(start=1, end=1 + len(said), quote=said, kind="speech", speaker=name, speaker_mention="Suzuki",
                        sentence_start=0, sentence_end=len(text))])
    [own] = check(s, 'Barbara T. Suzuki said "We will never sell the old harbour to developers."').checks
    assert (own.claimed_speaker, own.verdict) == ("Barbara T. Suzuki", "verbatim")
    [other] = check(s, 'James Suzuki said "We will never sell the old harbour to developers."').checks
    assert (other.verdict, other.speaker) == ("misattributed", "Barbara T. Suzuki")
    [bare] = check(s, 'Suzuki said "We will never sell the old harbour to developers."').checks
    assert bare.verdict == "verbatim"
    s.close()


def test_words_pasted_across_the_attribution_that_split_them_are_verbatim(tmp_path) -> None:
    from bot.models import Article, Claim

    text = '"They should never have started it," the mayor, Ann Example, said. "They could have agreed."'
    s = Store(tmp_path / "split.db")
    parts = [("They should never have started it,", False), ("They could have agreed.", True)]
    s.ingest(Article(name="a.txt", text=text), [
        Claim(start=text.index(q), end=text.index(q) + len(q), quote=q, kind="speech", speaker="Ann Example",
              continues=c, sentence_start=0, sentence_end=len(text)) for q, c in parts])
    [whole] = check(s, 'Ann Example said: "They should never have started it. They could have agreed."').checks
    assert (whole.verdict, whole.speaker) == ("verbatim", "Ann Example")
    s.close()


@pytest.mark.parametrize(("pasted", "claimed"), [
    (f"> {FARE}\n— Ann Example", "Ann Example"),
    ("> We will not raise the bus fare this year,\n> and the 40 new buses arrive in May.\n- Mayor Ann Example via X",
     "Ann Example"),
    (f"{FARE}\n— Bob Sample", "Bob Sample"),
])
def test_a_blockquote_or_bare_quote_is_attributed_by_the_line_after_it(store: Store, pasted: str, claimed: str) -> None:
    [only] = check(store, pasted).checks
    assert only.claimed_speaker == claimed
    assert only.verdict == ("verbatim" if claimed == "Ann Example" else "misattributed")
    assert ">" not in only.quote and "—" not in only.quote
