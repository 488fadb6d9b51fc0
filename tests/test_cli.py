"""The `whosaid ingest`, `extract` and `people` commands, run as a person runs them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
WHOSAID = Path(sys.executable).parent / "whosaid"


def whosaid(*args: str, db: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the installed command line against the store at `db`."""
    env = {**os.environ, "WHOSAID_DB": str(db)}
    return subprocess.run([str(WHOSAID), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "whosaid.db"
    run = whosaid("ingest", str(SEEDS), db=db)
    assert run.returncode == 0, run.stderr
    assert "5 added" in run.stdout
    return db


def test_store_holds_exactly_what_extract_prints(seeded: Path) -> None:
    run = whosaid("extract", *sorted(map(str, SEEDS.glob("*.txt"))), "--jsonl", db=seeded)
    assert run.returncode == 0, run.stderr
    printed = sorted((r["article"], r["start"], r["end"], r["kind"], r["speaker"], r["said_on"], r["medium"])
                     for r in map(json.loads, run.stdout.splitlines()))
    conn = sqlite3.connect(seeded)
    stored = sorted(conn.execute(
        """SELECT a.name, c.start, c."end", c.kind, p.name, c.said_on, c.medium FROM claims c
           JOIN articles a ON a.id = c.article_id LEFT JOIN people p ON p.id = c.person_id"""
    ).fetchall())
    assert printed == stored
    assert len(printed) > 50


def test_extract_prints_the_fields_the_evaluation_reads(seeded: Path) -> None:
    run = whosaid("extract", str(SEEDS / "003_52b8d0cb11add2e7.txt"), "--jsonl", db=seeded)
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    text = (SEEDS / "003_52b8d0cb11add2e7.txt").read_text(encoding="utf-8")
    assert rows and all(set(r) == {"article", "start", "end", "quote", "kind", "speaker", "said_on", "medium"}
                        for r in rows)
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)


def test_ingest_again_changes_nothing(seeded: Path) -> None:
    run = whosaid("ingest", str(SEEDS), db=seeded)
    assert run.returncode == 0
    assert "5 unchanged" in run.stdout
    assert "0 claims stored" in run.stdout


def test_people_lists_one_canonical_person_per_speaker(seeded: Path) -> None:
    run = whosaid("people", "--json", db=seeded)
    people = {p["name"]: p for p in json.loads(run.stdout)}
    zelensky = [name for name in people if "zelensk" in name.lower()]
    assert len(zelensky) == 1, zelensky
    assert "@ZelenskyyUa" in people[zelensky[0]]["aliases"]
    assert all(p["claims"] > 0 for p in people.values())


def test_bad_files_are_reported_and_the_others_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "latin1.txt").write_bytes("Le caf\xe9 est \xab ferm\xe9 \xbb, a dit le maire.".encode("latin-1"))
    (folder / "huge.txt").write_text("word " * 1_100_000)
    (folder / "unbalanced.txt").write_text(
        'The minister said "we will not move on this, whatever happens next week. Talks go on.\n'
        'Officials said the talks would resume on Monday, and "nothing is agreed" yet.\n'
    )
    (folder / "good.txt").write_text('"We are ready to meet on Thursday," Foreign Minister Anna Berg said.\n')
    db = tmp_path / "s.db"
    run = whosaid("ingest", str(folder), db=db)
    assert run.returncode == 0
    for name, why in [("empty.txt", "empty"), ("binary.txt", "a binary file"), ("latin1.txt", "not UTF-8"),
                      ("huge.txt", "too large")]:
        assert f"{name}: {why}" in run.stderr
    assert "Traceback" not in run.stderr
    assert "2 added" in run.stdout
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM articles ORDER BY name")]
    assert names == ["good.txt", "unbalanced.txt"]


def test_nothing_readable_exits_non_zero_with_a_message(tmp_path: Path) -> None:
    run = whosaid("ingest", str(tmp_path / "missing.txt"), db=tmp_path / "s.db")
    assert run.returncode == 1
    assert "no such file" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_file_that_is_no_store_is_one_clear_line(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.db"
    garbage.write_text("these are my notes, not a database\n" * 20)
    run = whosaid("people", db=garbage)
    assert run.returncode == 1
    assert run.stderr.strip() == f"whosaid: {garbage} is not a usable whosaid store (file is not a database)"
