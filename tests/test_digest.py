"""The digest: a day's or a period's statements by speaker, each once, differing wordings flagged."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.digest import digest_for_day, digest_since, is_reported
from bot.store import Store
from tests.quoting import article, said

DAY = date(2025, 5, 11)
POST = "Ukraine should agree to this, IMMEDIATELY. HAVE THE MEETING, NOW!!!"
POST_B = "Ukraine must agree to this, IMMEDIATELY… HAVE THE MEETING NOW!"
TALKS = "we propose direct talks without any preconditions"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Two outlets on the day, one the day after; a term, an unattributed quote and undated words among them."""
    s = Store(tmp_path / "store.db")
    on_day = {"said_on": DAY}
    s.ingest(*article(
        "a.txt", said("Donald Trump", POST, medium="Truth Social", **on_day), said("Vladimir Putin", TALKS, **on_day),
        said("Vladimir Putin", "that Russia is ready to talk in Istanbul", kind="indirect", **on_day),
        said("Donald Trump", "bloodbath", kind="term", **on_day), said(None, "words nobody is named for", **on_day),
        said("Dmitry Peskov", "a simplistic approach to a ceasefire is inappropriate"),
        outlet="Daily A", published=DAY))
    s.ingest(*article(
        "b.txt", said("Donald Trump", POST_B, **on_day), said("Vladimir Putin", TALKS, **on_day),
        said("Volodymyr Zelensky", "I will be waiting for Putin in Türkiye on Thursday", **on_day),
        outlet="Daily B", published=DAY))
    s.ingest(*article(
        "c.txt", said("Volodymyr Zelensky", "we expect a full and lasting ceasefire", said_on=date(2025, 5, 12)),
        said("Dmitry Peskov", "the Kremlin has nothing to add today"),
        outlet="Daily C", published=date(2025, 5, 12)))
    yield s
    s.close()


def texts(digest) -> dict[str, list[str]]:
    return {g.speaker: [s.text for s in g.statements] for g in digest.groups}


def test_day_digest_groups_by_speaker_most_quoted_first(store: Store) -> None:
    digest = digest_for_day(store, DAY)
    assert digest.title == "Said on Sunday 11 May 2025"
    assert texts(digest) == {
        "Vladimir Putin": [TALKS, "that Russia is ready to talk in Istanbul"],
        "Donald Trump": [POST],
        "Dmitry Peskov": ["a simplistic approach to a ceasefire is inappropriate"],
        "Volodymyr Zelensky": ["I will be waiting for Putin in Türkiye on Thursday"],
    }
    assert [g.speaker for g in digest.groups][:2] == ["Vladimir Putin", "Donald Trump"]
    putin = digest.groups[0].statements
    assert [len(s.sources) for s in putin] == [2, 1] and [is_reported(s) for s in putin] == [False, True]
    [trump] = digest.groups[1].statements
    assert trump.medium == "Truth Social" and trump.said_on == DAY
    assert [s.outlet for s in trump.sources] == ["Daily A", "Daily B"]
    assert trump.variants == [POST, POST_B]
    assert digest.disagreements == 1
    ids = [s.id for g in digest.groups for s in g.statements]
    assert len(ids) == len(set(ids))
    assert digest.message is None


def test_other_days_and_empty_days(store: Store) -> None:
    assert texts(digest_for_day(store, date(2025, 5, 12))) == {
        "Dmitry Peskov": ["the Kremlin has nothing to add today"],
        "Volodymyr Zelensky": ["we expect a full and lasting ceasefire"],
    }
    empty = digest_for_day(store, date(2025, 5, 13))
    assert (empty.groups, empty.disagreements) == ([], 0)
    assert empty.message == "Nothing on record as said on Tuesday 13 May 2025."


def test_digest_since_shows_each_new_statement_once(store: Store) -> None:
    everything = digest_since(store, None)
    assert sum(len(g.statements) for g in everything.groups) == 7
    later = digest_since(store, everything.seen_until)
    assert later.groups == [] and later.message.startswith("Nothing new said since ")
    assert later.seen_until is None
    store.ingest(*article("d.txt", said("Vladimir Putin", TALKS), said("Keir Starmer", "the ball is in Putin's court"),
                          outlet="Daily D", published=DAY))
    news = digest_since(store, everything.seen_until)
    assert texts(news) == {"Keir Starmer": ["the ball is in Putin's court"]}
    assert digest_since(store, news.seen_until).groups == []


def test_cli_prints_a_days_digest_as_text_or_json(store: Store) -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["digest", "--date", "2025-05-11", "--db", str(store.path)])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Said on Sunday 11 May 2025: 5 statements by 4 speakers; 1 worded differently")
    assert "reported (Daily A): that Russia is ready to talk in Istanbul" in text.output
    as_json = runner.invoke(cli, ["digest", "--date", "2025-05-11", "--json", "--db", str(store.path)])
    assert json.loads(as_json.output) == digest_for_day(store, DAY).model_dump(mode="json")
    bad = runner.invoke(cli, ["digest", "--date", "11/05/2025", "--db", str(store.path)])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output and "Traceback" not in bad.output
    missing = runner.invoke(cli, ["digest", "--date", "2025-05-11", "--db", str(store.path.with_name("none.db"))])
    assert missing.exit_code == 1 and "no claim store" in missing.output


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seeds ingested with real extraction, and the CLI's JSON digest of 11 May 2025."""
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["digest", "--date", "2025-05-11", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_seed_digest_groups_the_days_statements_by_speaker(seeded: dict) -> None:
    speakers = [g["speaker"] for g in seeded["groups"]]
    assert {"Vladimir Putin", "Volodymyr Zelensky", "Donald Trump"} <= set(speakers)
    metadata = json.loads((SEEDS / "metadata.json").read_text())
    published = {name: fields["published"] for name, fields in metadata.items()}
    for group in seeded["groups"]:
        for statement in group["statements"]:
            days = {published[s["article"]] for s in statement["sources"]}
            assert statement["said_on"] == "2025-05-11" or (statement["said_on"] is None and min(days) == "2025-05-11")
    ids = [s["id"] for g in seeded["groups"] for s in g["statements"]]
    assert len(ids) == len(set(ids))


def test_seed_digest_flags_the_trump_post_worded_differently(seeded: dict) -> None:
    [trump] = [g for g in seeded["groups"] if g["speaker"] == "Donald Trump"]
    [post] = [s for s in trump["statements"] if "IMMEDIATELY" in s["text"]]
    assert len(post["variants"]) >= 2
    assert seeded["disagreements"] >= 1
