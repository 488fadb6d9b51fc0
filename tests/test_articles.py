"""Reading article files: metadata, front matter and clear refusals of what is not an article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.articles import MAX_BYTES, ArticleError, find_files, read_article

SEEDS = Path(__file__).parents[1] / "seeds"


def test_seed_metadata_is_read_beside_the_file() -> None:
    article = read_article(SEEDS / "004_6a81b43efdd88307.txt")
    assert article.outlet == "Virginia Times"
    assert article.published == date(2025, 5, 11)
    assert article.text == (SEEDS / "004_6a81b43efdd88307.txt").read_text(encoding="utf-8")


def test_front_matter_gives_fields_and_keeps_offsets(tmp_path: Path) -> None:
    body = '"We are ready," the minister said.\n'
    path = tmp_path / "a.md"
    path.write_text(f"---\noutlet: The Example Post\npublished: 2024-03-02\nheadline: Ready\n---\n{body}")
    article = read_article(path)
    assert (article.outlet, article.published, article.headline) == ("The Example Post", date(2024, 3, 2), "Ready")
    raw = path.read_text()
    assert len(article.text) == len(raw)
    assert article.text.index("We are ready") == raw.index("We are ready")


def test_front_matter_wins_over_the_metadata_file(tmp_path: Path) -> None:
    (tmp_path / "metadata.json").write_text(json.dumps({"a.txt": {"outlet": "Old", "published": "2020-01-01"}}))
    (tmp_path / "a.txt").write_text("---\noutlet: New\n---\nSome text here.")
    article = read_article(tmp_path / "a.txt")
    assert (article.outlet, article.published) == ("New", date(2020, 1, 1))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        (b"x" * (MAX_BYTES + 1), "too large"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


def test_bad_metadata_date_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\npublished: last Tuesday\n---\nText.")
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        read_article(tmp_path / "a.txt")


def test_folders_expand_to_article_files_only(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "notes.json", "img.png"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in find_files([tmp_path])] == ["a.md", "b.txt", "c.html"]
