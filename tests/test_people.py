"""Names: spellings of one person, canonical choice, handles, and the people table."""

from __future__ import annotations

from bot.models import Claim, Person
from bot.people import canonical_names, canonical_people, looks_like_person, matches_handle, same_person


def test_spellings_of_one_person() -> None:
    assert same_person("Volodymyr Zelensky", "Volodymyr Zelenskyy")
    assert same_person("Dmitry Peskov", "Dmitri Peskov")
    assert same_person("Trump", "Donald J. Trump")
    assert same_person("Saleh", "Abdul Rahman al-Saleh")  # the Arabic article is no part of the name given alone
    assert not same_person("Donald Trump", "Ivanka Trump")
    assert not same_person("Recep Tayyip Erdogan", "Vladimir Putin")


def test_capitalized_runs_that_look_like_people() -> None:
    assert looks_like_person("Bill George")  # a first name that is also a noun of bodies
    assert not looks_like_person("Finance Bill")
    assert not looks_like_person("National Budget")  # a plan, a budget or a report is nobody
    assert not looks_like_person("Recovery Plan")
    assert not looks_like_person("Treasure Beach")  # a place named by its landform
    assert not looks_like_person("G20 Presidency")


def test_a_body_named_by_a_common_word_is_no_other_articles_body() -> None:
    names = canonical_names([["Zimbabwe Republic Police", "Ann Moyo"], ["Police", "Moyo"]])
    assert names["Police"] == "Police" and names["Moyo"] == "Ann Moyo"


def test_a_surname_several_people_share_names_none_of_them() -> None:
    names = canonical_names([["Matthew James Cox", "Denis Cox"], ["Cox", "Ann Moyo"], ["Moyo"]])
    assert names["Cox"] == "Cox"
    assert names["Moyo"] == "Ann Moyo"


def test_handles_match_the_surname() -> None:
    assert matches_handle("@ZelenskyyUa", "Volodymyr Zelensky")
    assert matches_handle("@realDonaldTrump", "Donald Trump")
    assert not matches_handle("@KremlinRussia_E", "Dmitry Peskov")


def test_canonical_name_is_the_full_spelling_most_articles_use() -> None:
    articles = [["Volodymyr Zelensky", "Donald Trump"], ["Volodymyr Zelenskyy", "Trump"],
                ["Volodymyr Zelensky", "Donald J. Trump", "@ZelenskyyUa"], ["Dmitri Peskov"],
                ["Dmitry Peskov"], ["Dmitry Peskov", "Volodymyr Zelenskyy"]]
    names = canonical_names(articles)
    assert names["Volodymyr Zelenskyy"] == names["@ZelenskyyUa"] == "Volodymyr Zelensky"
    assert names["Donald J. Trump"] == names["Trump"] == "Donald Trump"
    assert names["Dmitri Peskov"] == "Dmitry Peskov"


def test_known_people_keep_their_name() -> None:
    names = canonical_names([["Volodymyr Zelenskyy"]], known=[Person(name="Volodymyr Zelensky")])
    assert names["Volodymyr Zelenskyy"] == "Volodymyr Zelensky"


def test_people_table_collects_aliases_and_roles() -> None:
    def claim(speaker: str, mention: str, role: str | None) -> Claim:
        return Claim(start=0, end=1, quote="x", kind="speech", speaker=speaker, speaker_mention=mention,
                     role=role, sentence_start=0, sentence_end=1)

    people = canonical_people([[claim("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "Kremlin spokesman")],
                               [claim("Dmitry Peskov", "Peskov", None)]])
    assert people == [Person(name="Dmitry Peskov", role="Kremlin spokesman",
                             aliases=["Kremlin spokesman Dmitry Peskov", "Peskov"], claims=2)]
