"""The claim store on real SQLite files: schema, grouping, idempotent and atomic ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from bot.lookup import ask
from bot.models import Article, Claim
from bot.store import MIGRATIONS, Store

POST = "Ukraine should agree to this, IMMEDIATELY. HAVE THE MEETING, NOW!!!"


def claim(text: str, quote: str, *, speaker: str | None = "Ann Example", kind: str = "speech", **extra) -> Claim:
    """A claim on the first occurrence of `quote` in `text`."""
    start = text.index(quote)
    return Claim(start=start, end=start + len(quote), quote=quote, kind=kind, speaker=speaker,
                 sentence_start=0, sentence_end=len(text), **extra)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store.db")
    yield s
    s.close()


def article(name: str, text: str, **extra) -> Article:
    return Article(name=name, text=text, **extra)


def test_fresh_file_is_migrated_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    again = Store(path)
    assert again.schema_version == len(MIGRATIONS)
    assert set(again.db.table_names()) >= {"articles", "people", "aliases", "statements", "claims", "claims_fts"}
    again.close()


def test_same_words_in_two_articles_make_one_statement_with_variants(store: Store) -> None:
    a = article("a.txt", f'"{POST}" Ann Example wrote.', outlet="Daily A", published=date(2025, 5, 11))
    b = article("b.txt", 'Ann Example: "Ukraine must agree to this, IMMEDIATELY… HAVE THE MEETING NOW!"',
                outlet="Daily B")
    store.ingest(a, [claim(a.text, POST, medium="Truth Social", said_on=date(2025, 5, 11))])
    store.ingest(b, [claim(b.text, "Ukraine must agree to this, IMMEDIATELY… HAVE THE MEETING NOW!")])
    assert store.counts()["statements"] == 1
    [statement] = store.statements(store.statement_ids())
    assert statement.speaker == "Ann Example"
    assert statement.medium == "Truth Social"
    assert statement.said_on == date(2025, 5, 11)
    assert [s.outlet for s in statement.sources] == ["Daily A", "Daily B"]
    assert len(statement.variants) == 2


def test_a_claim_bridging_two_statements_merges_them(store: Store) -> None:
    a = article("a.txt", '"Ukraine should agree to this, IMMEDIATELY," she said. Then: "HAVE THE MEETING, NOW!!!"')
    store.ingest(a, [claim(a.text, "Ukraine should agree to this, IMMEDIATELY,"),
                     claim(a.text, "HAVE THE MEETING, NOW!!!")])
    assert store.counts()["statements"] == 2
    b = article("b.txt", f'She wrote: "{POST}"')
    store.ingest(b, [claim(b.text, POST)])
    assert store.counts()["statements"] == 1


def test_different_speakers_never_share_a_statement(store: Store) -> None:
    a = article("a.txt", f'"{POST}" one said.')
    b = article("b.txt", f'"{POST}" another said.')
    store.ingest(a, [claim(a.text, POST, speaker="Ann Example")])
    store.ingest(b, [claim(b.text, POST, speaker="Bob Other")])
    assert store.counts()["statements"] == 2


def test_same_article_again_changes_nothing(store: Store) -> None:
    a = article("a.txt", f'"{POST}" Ann Example wrote.')
    assert store.ingest(a, [claim(a.text, POST)]).status == "added"
    before = store.db.execute("SELECT * FROM claims").fetchall()
    assert store.ingest(a, [claim(a.text, POST)]).status == "unchanged"
    assert store.db.execute("SELECT * FROM claims").fetchall() == before


def test_same_text_under_another_name_is_a_duplicate(store: Store) -> None:
    a = article("a.txt", f'"{POST}" Ann Example wrote.')
    store.ingest(a, [claim(a.text, POST)])
    outcome = store.ingest(article("copy.txt", a.text + "\n"), [claim(a.text, POST)])
    assert (outcome.status, outcome.duplicate_of) == ("duplicate", "a.txt")
    assert store.counts()["articles"] == 1


def test_edited_article_replaces_its_claims(store: Store) -> None:
    a = article("a.txt", f'"{POST}" Ann Example wrote.')
    store.ingest(a, [claim(a.text, POST)])
    edited = article("a.txt", '"We will talk on Monday," Ann Example said.')
    assert store.ingest(edited, [claim(edited.text, "We will talk on Monday,")]).status == "replaced"
    quotes = [r[0] for r in store.db.execute("SELECT quote FROM claims")]
    assert quotes == ["We will talk on Monday,"]
    assert store.counts()["statements"] == 1


def test_failure_mid_article_leaves_store_as_it_was(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    a = article("a.txt", f'"{POST}" Ann Example wrote. "Second words here," she added.')
    calls = []
    real = store._add_claim

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "_add_claim", failing)
    with pytest.raises(RuntimeError):
        store.ingest(a, [claim(a.text, POST), claim(a.text, "Second words here,")])
    assert store.counts() == {"articles": 0, "people": 0, "statements": 0, "claims": 0}


KILLED_INGEST = """
import sys, time
from bot.lookup import ask
from bot.models import Article, Claim
from bot.store import MIGRATIONS, Store
store = Store(sys.argv[1])
text = " ".join(f'"Quote number {i} is here," Ann Example said.' for i in range(50))
claims = []
for i in range(50):
    q = f"Quote number {i} is here,"
    s = text.index(q)
    claims.append(Claim(start=s, end=s + len(q), quote=q, kind="speech", speaker="Ann Example",
                        sentence_start=0, sentence_end=len(text)))
real = store._add_claim
def slow(*args, **kwargs):
    sid = real(*args, **kwargs)
    open(sys.argv[2], "w").write("mid")
    time.sleep(60)
    return sid
store._add_claim = slow
store.ingest(Article(name="big.txt", text=text), claims)
"""


def test_process_killed_mid_ingest_leaves_no_half_article(tmp_path: Path) -> None:
    db, marker = tmp_path / "s.db", tmp_path / "marker"
    Store(db).close()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_INGEST, str(db), str(marker)],
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "the ingest never reached its first claim"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = Store(db)
    assert store.counts() == {"articles": 0, "people": 0, "statements": 0, "claims": 0}
    store.close()


def test_people_keep_aliases_roles_and_counts(store: Store) -> None:
    a = article("a.txt", '"We are ready," Kremlin spokesman Dmitry Peskov said. "Ready," Peskov added. '
                         '"Now," he said. "Soon," the spokesman said.')
    store.ingest(a, [claim(a.text, "We are ready,", speaker="Dmitry Peskov", role="Kremlin spokesman"),
                     claim(a.text, "Ready,", speaker="Dmitry Peskov", speaker_mention="Peskov", kind="fragment"),
                     claim(a.text, "Now,", speaker="Dmitry Peskov", speaker_mention="he"),
                     claim(a.text, "Soon,", speaker="Dmitry Peskov", speaker_mention="The spokesman")])
    [person] = store.people()
    assert (person.name, person.role, person.claims) == ("Dmitry Peskov", "Kremlin spokesman", 4)
    assert person.aliases == ["Peskov"]
    assert store.find_people("peskov") == store.find_people("Dmitry Peskov") != []


def test_channels_ledger_and_events(store: Store) -> None:
    assert store.channel("C1")["watch"] == 0
    store.update_channel("C1", watch=1)
    assert store.channel("C1")["watch"] == 1
    assert store.claim_digest("C1", "2025-05-11") is True
    assert store.claim_digest("C1", "2025-05-11") is False
    store.release_digest("C1", "2025-05-11")
    assert store.claim_digest("C1", "2025-05-11") is True
    assert store.first_seen("Ev1") is True
    assert store.first_seen("Ev1") is False


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "OR", "-", "a AND b", "'; DROP TABLE claims; --"])
def test_full_text_syntax_is_never_read_as_a_query(store: Store, query: str) -> None:
    a = article("a.txt", f'"{POST}" Ann Example wrote.')
    store.ingest(a, [claim(a.text, POST)])
    assert isinstance(store.search_claims([query]), list)
    assert store.counts()["claims"] == 1


def test_a_long_quote_joins_shorter_excerpts_stored_before_it(store: Store) -> None:
    first = article("a.txt", 'Then: "HAVE THE MEETING, NOW!!!" And "Ukraine should agree to this," she said.')
    store.ingest(first, [claim(first.text, "HAVE THE MEETING, NOW!!!"),
                         claim(first.text, "Ukraine should agree to this,")])
    full = ("President Ramos doesn't want a Cease Fire Agreement, but rather wants to meet on Thursday to "
            "negotiate an end to the BLOODBATH. Ukraine should agree to this, IMMEDIATELY. HAVE THE MEETING, NOW!!!")
    later = article("b.txt", f'She wrote: "{full}"')
    store.ingest(later, [claim(later.text, full)])
    assert store.counts()["statements"] == 1


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("agree to this, IMMEDIATELY. At least they will know", "agree to this, IMMEDIATELY… HAVE THE MEETING", True),
        ("we will not sign this deal today", "we will sign this deal today", True),
        ("It is a sign. The world has waited so long", "The world has waited so long. No point in killing", False),
        ("The very first step is a ceasefire", "It is a sign. And the very first step is a ceasefire.", False),
        ("a ceasefire—full, lasting, and reliable—starting", "a ceasefire – full, lasting, and reliable – starting",
         False),
        ("ending the war,", "The very first step in truly ending any war", False),
    ],
)
def test_outlets_disagree_only_where_their_wordings_overlap_and_differ(a: str, b: str, differ: bool) -> None:
    from bot.text import disagree

    assert disagree(a, b) is differ
    assert disagree(b, a) is differ


def test_event_ids_are_forgotten_after_a_day(store: Store) -> None:
    store.db.execute("INSERT INTO events (event_id, seen_at) VALUES ('Old', '2020-01-01T00:00:00+00:00')")
    store.db.conn.commit()
    assert store.first_seen("New") is True
    assert [r[0] for r in store.db.execute("SELECT event_id FROM events")] == ["New"]


def test_a_store_of_the_first_schema_is_upgraded_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr("bot.store.MIGRATIONS", MIGRATIONS[:1])
    old = Store(path)
    old.db.execute("INSERT INTO articles (id, name, text, text_hash, published) VALUES (1, 'a.txt', 'x', 'h', "
                   "'2025-05-11')")
    old.db.execute("INSERT INTO people (id, name) VALUES (1, 'Recep Tayyip Erdogan')")
    old.db.execute("INSERT INTO aliases (key, alias, person_id) VALUES (?, ?, 1)",
                   ["recep tayyip erdogan", "Recep Tayyip Erdogan"])
    old.db.execute("INSERT INTO statements (id, person_id, kind, text) VALUES (1, 1, 'speech', ?)", [POST])
    old.db.execute("""INSERT INTO claims (article_id, statement_id, person_id, kind, start, "end", quote)
                      VALUES (1, 1, 1, 'speech', 0, 1, ?)""", [POST])
    old.db.conn.commit()
    old.close()
    monkeypatch.setattr("bot.store.MIGRATIONS", MIGRATIONS)
    store = Store(path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.find_people("Erdogan") == store.find_people("tayyip erdogan") == store.find_people("Recep") == [1]
    assert [m.statement_id for m in store.search_claims(["meeting"])] == [1]
    assert store.spellings_near("meetnig") == ["meeting"]
    assert store.statement_ids(on=date(2025, 5, 11)) == store.statement_ids(person_ids=[1]) == [1]
    assert [p.claims for p in store.people()] == [1]  # the count of claims each person has is filled in
    b = article("b.txt", 'Erdogan: "HAVE THE MEETING, NOW!!!"')
    store.ingest(b, [claim(b.text, "HAVE THE MEETING, NOW!!!", speaker="Recep Tayyip Erdogan")])
    assert store.counts()["statements"] == 1
    assert [p.claims for p in store.people()] == [2]  # and kept as claims come
    store.close()


def test_claim_counts_follow_every_ingest(store: Store) -> None:
    a = article("a.txt", 'Ann Lee said "we will win" and Bo Kim said "we will not".')
    store.ingest(a, [claim(a.text, "we will win", speaker="Ann Lee"), claim(a.text, "we will not", speaker="Bo Kim")])
    edited = article("a.txt", 'Ann Lee said "we will win" and "we will try".')
    store.ingest(edited, [claim(edited.text, "we will win", speaker="Ann Lee"),
                          claim(edited.text, "we will try", speaker="Ann Lee")])
    assert {p.name: p.claims for p in store.people()} == {"Ann Lee": 2, "Bo Kim": 0}


@pytest.mark.parametrize("scan", [0, 300], ids=["full-text path", "speaker scan path"])
def test_both_grouping_paths_find_the_same_statements(store: Store, monkeypatch: pytest.MonkeyPatch,
                                                      scan: int) -> None:
    monkeypatch.setattr("bot.store.PERSON_SCAN", scan)
    test_a_long_quote_joins_shorter_excerpts_stored_before_it(store)
    other = article("c.txt", '"We will build the new bridge across the river in spring," Ann Example said.')
    store.ingest(other, [claim(other.text, "We will build the new bridge across the river in spring,")])
    assert store.counts()["statements"] == 2


def test_a_quote_split_by_its_attribution_is_one_statement_read_whole(store: Store) -> None:
    a = article("a.txt", '"They should never have started it," Ann Example said. "They could have agreed." '
                         '"Unrelated words about the weather," she added later.')
    first = claim(a.text, "They should never have started it,")
    second = claim(a.text, "They could have agreed.", continues=True)
    other = claim(a.text, "Unrelated words about the weather,")
    store.ingest(a, [first, second, other])
    assert store.counts()["statements"] == 2
    texts = sorted(store.statement_texts(store.statement_ids()).values())
    assert texts == ["They should never have started it, They could have agreed.", "Unrelated words about the weather,"]


def test_a_continuing_claim_never_joins_another_speaker(store: Store) -> None:
    a = article("a.txt", '"We will build it," Ann Example said. "We will not," Bob Other replied.')
    store.ingest(a, [claim(a.text, "We will build it,"),
                     claim(a.text, "We will not,", speaker="Bob Other", continues=True)])
    assert store.counts()["statements"] == 2


def test_a_prolific_speaker_is_grouped_against_their_latest_claims(store: Store,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.store.PERSON_SCAN", 0)
    monkeypatch.setattr("bot.store.RECENT", 2)
    said = ["The first bridge opens in spring next year", "Second statement about the river ferry",
            "Third statement about the harbour cranes", "Fourth statement about the airport runway"]
    for i, words_said in enumerate(said):
        a = article(f"{i}.txt", f'"{words_said}," Ann Example said.')
        store.ingest(a, [claim(a.text, words_said)])
    recent = article("r.txt", 'She repeated: "Fourth statement about the airport runway"')
    store.ingest(recent, [claim(recent.text, "Fourth statement about the airport runway")])
    assert store.counts()["statements"] == 4
    old = article("o.txt", 'She repeated: "The first bridge opens in spring next year"')
    store.ingest(old, [claim(old.text, "The first bridge opens in spring next year")])
    assert store.counts()["statements"] == 5  # beyond the window: stored as a statement of its own


def test_new_words_are_learnt_for_spelling_and_known_ones_are_not_candidates(store: Store) -> None:
    a = article("a.txt", '"The ceasefire holds," Ann Example said.')
    store.ingest(a, [claim(a.text, "The ceasefire holds,")])
    assert store.spellings_near("ceasfire") == ["ceasefire"]
    assert store.spellings_near("ceasefire") == []
    assert store.spellings_near("the") == []  # too short to be stored for spelling



def test_a_search_may_rank_only_the_claims_holding_every_word(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.store.RANKED_FEW", 1)
    said = ["The ferry runs late", "The tram runs late", "The ferry and the tram both run on time"]
    for i, words_said in enumerate(said):
        a = article(f"{i}.txt", f'"{words_said}," Ann Example said.')
        store.ingest(a, [claim(a.text, words_said)])
    assert len(store.search_claims(["ferry", "tram"])) == 3
    assert [m.quote for m in store.search_claims(["ferry", "tram"], all_first=True)] == [said[2]]
    assert len(store.search_claims(["ferry", "bus"], all_first=True)) == 2  # none holds both: any of them


WONT = "We don’t want the depot’s land sold"


def test_words_with_apostrophes_are_searched_as_questions_spell_them(store: Store) -> None:
    a = article("a.txt", f'"{WONT}," Ann Example said.')
    store.ingest(a, [claim(a.text, WONT)])
    assert [m.quote for m in store.search_claims(["dont", "depots"])] == [WONT]
    assert store.term_counts(["dont", "depots", "don", "depot"]) == {"dont": 1, "depots": 1}
    assert store.spellings_near("depotts") == ["depots"]
    answer = ask(store, "they don't want the depot's land sold", today=date(2026, 1, 1))
    assert [s.text for s in answer.statements] == [WONT] and answer.corrected == {}


def test_an_upgrade_indexes_stored_words_as_questions_spell_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr("bot.store.MIGRATIONS", MIGRATIONS[:10])
    old = Store(path)
    old.db.execute("INSERT INTO articles (id, name, text, text_hash) VALUES (1, 'a.txt', 'x', 'h')")
    old.db.execute("INSERT INTO statements (id, kind, text) VALUES (1, 'speech', ?)", [WONT])
    old.db.execute("""INSERT INTO claims (article_id, statement_id, kind, start, "end", quote)
                      VALUES (1, 1, 'speech', 0, 1, ?)""", [WONT])
    old.db.conn.commit()
    old.close()
    monkeypatch.setattr("bot.store.MIGRATIONS", MIGRATIONS)
    store = Store(path)
    assert [m.quote for m in store.search_claims(["dont"])] == [WONT]
    assert store.spellings_near("depotts") == ["depots"]
    store.db.execute("UPDATE claims SET quote = 'x', words = 'x'")  # an edited claim leaves the index in step
    assert store.search_claims(["dont"]) == [] and store.term_counts(["x"]) == {"x": 1}
    store.close()


def test_a_statement_carried_everywhere_loads_its_first_sources_and_counts_the_rest(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.store.SOURCES_LOADED", 2)
    for name in ("c.txt", "a.txt", "b.txt"):
        a = article(name, f'"{POST}" Ann Example wrote in {name}.', outlet=f"Daily {name[0].upper()}")
        store.ingest(a, [claim(a.text, POST)])
    [statement] = store.statements(store.statement_ids())
    assert [s.article for s in statement.sources] == ["a.txt", "c.txt"]  # the first two stored, in name order
    assert statement.sources_total == 3


def test_of_many_namesakes_the_most_quoted_are_searched(store: Store) -> None:
    for name, quotes in (("Ann Example", 3), ("Bea Example", 1), ("Cy Example", 2)):
        for k in range(quotes):
            a = article(f"{name}{k}.txt", f'"Words number {k} of {name}" {name} said.')
            store.ingest(a, [claim(a.text, f"Words number {k} of {name}", speaker=name)])
    assert [name for _, name in store.namesakes("Example")] == ["Ann Example", "Cy Example", "Bea Example"]
    assert [i for i, _ in store.namesakes("example")] == [store.people_ids([n])[0] for n in
                                                          ("Ann Example", "Cy Example", "Bea Example")]



def test_common_words_are_searched_together_before_the_newest_alone(store: Store,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.store.RANKED_ALL", 1)
    for name, words in (("a.txt", "The bus fare will rise in May"), ("b.txt", "The bus is late again"),
                        ("c.txt", "The fare is fair enough")):
        a = article(name, f'"{words}," Ann Example said.')
        store.ingest(a, [claim(a.text, words)])
    assert [m.quote for m in store.search_claims(["bus", "fare"])] == ["The bus fare will rise in May"]
    assert [m.quote for m in store.search_claims(["late", "fair"])] == ["The fare is fair enough",  # newest first
                                                                        "The bus is late again"]


def test_common_words_on_one_day_are_found_through_that_days_claims(store: Store,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.store.RANKED_ALL", 1)
    for day, words in ((11, "The bus fare will rise"), (12, "The bus is late again"), (13, "The bus is free")):
        a = article(f"{day}.txt", f'"{words}," Ann Example said.', published=date(2025, 5, day))
        store.ingest(a, [claim(a.text, words)])
    assert [m.quote for m in store.search_claims(["bus"], on=date(2025, 5, 12))] == ["The bus is late again"]
    assert [m.quote for m in store.search_claims(["bus"], since=date(2025, 5, 12))] == ["The bus is free",
                                                                                        "The bus is late again"]
