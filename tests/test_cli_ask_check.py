"""`whosaid ask` and `whosaid check` on a real store file, as a person or a script runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from tests.newsroom import FARE, RIDERSHIP, build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "store.db"
    build(path).close()
    return str(path)


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def test_check_json_prints_one_line_per_text_in_order(db: str) -> None:
    texts = ['"We will raise the bus fare this year," Ann Example said.', f'Third: "{RIDERSHIP}"', "nothing quoted?!"]
    got = run("check", "--json", "--db", db, *texts)
    assert got.exit_code == 0
    lines = [json.loads(line) for line in got.output.splitlines()]
    assert [line["text"] for line in lines] == texts
    assert [c["verdict"] for c in lines[0]["checks"]] == ["altered"]
    assert lines[1]["checks"][0]["speaker"] == "Carla Third"
    assert lines[2]["checks"][0]["verdict"] == "unsourced"


def test_check_reads_stdin_and_prints_evidence(db: str) -> None:
    got = run("check", "--db", db, stdin='Bob Sample said "We will not raise the bus fare this year"\n')
    assert got.exit_code == 0
    assert "MISATTRIBUTED" in got.output
    assert "Ann Example" in got.output
    assert "Daily Ledger" in got.output and "Evening Post" in got.output
    assert "Verify against the original" in got.output


def test_ask_prints_sourced_statements(db: str) -> None:
    got = run("ask", "--db", db, "Example", "bus", "fare")
    assert got.exit_code == 0
    assert FARE in got.output
    assert "https://ledger.example/fares" in got.output
    assert "wordings differ" in got.output


def test_ask_json_says_how_the_question_was_read(db: str) -> None:
    got = json.loads(run("ask", "--db", db, "--json", "Carla Third since March 2").output)
    assert (got["speaker"], got["since"]) == ("Carla Third", "2025-03-02")
    assert [s["text"] for s in got["statements"]] == [RIDERSHIP]


def test_ask_with_nothing_sourced_explains_and_shows_the_nearest(db: str) -> None:
    got = run("ask", "--db", db, "Third", "airport", "ridership")
    assert got.exit_code == 0
    assert "Nothing sourced matches" in got.output
    assert "Nearest sourced statements" in got.output
    assert RIDERSHIP in got.output


@pytest.mark.parametrize("command", [["ask", "Peskov"], ["check", '"some words here"']])
def test_a_missing_store_is_a_clear_error_and_no_file_is_made(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "nowhere.db"
    got = CliRunner().invoke(cli, [*command, "--db", str(missing)])
    assert got.exit_code == 1
    assert "no claim store" in got.output and "whosaid ingest" in got.output
    assert "Traceback" not in got.output
    assert not missing.exists()


def test_ask_needs_a_question(db: str) -> None:
    got = CliRunner().invoke(cli, ["ask", "--db", db])
    assert got.exit_code == 2
    assert "Missing argument" in got.output
