"""Word keys: the fast split of plain text agrees with the offset-keeping one on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.text import fold, slips, word_spans, words


@given(st.text(alphabet=st.sampled_from(list("ab Z1_'’‘“”—–…\u00a0\u200b.é-")), max_size=40))
def test_words_are_the_folded_words_word_spans_finds(text: str) -> None:
    assert words(text) == [w for w, _, _ in word_spans(text)]


def test_typography_and_case_are_no_part_of_a_word() -> None:
    assert fold("“Russia’s   ceasefire — NOW…”") == fold("russias ceasefire now") == "russias ceasefire now"


def test_two_words_one_slip_apart_share_a_slip() -> None:
    assert slips("ceasfire") & slips("ceasefire")  # a dropped letter
    assert slips("caesefire") & slips("ceasefire")  # two letters swapped
    assert not slips("truce") & slips("ceasefire")
