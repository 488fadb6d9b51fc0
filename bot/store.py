"""The claim store: every SQL statement whosaid runs lives here, behind one class."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import sqlite_utils

from bot.models import Article, Claim, Person, Source, Statement
from bot.text import FUNCTION_WORDS, disagree, fold, same_utterance, slips, words

GROUPED_KINDS = ("speech", "fragment")
# How an article may refer to a speaker without naming them: never an alias of anyone.
NOT_NAMES = frozenset("he she they it we i you him her them his hers their this that who".split())
EVENT_MEMORY = timedelta(days=1)
KIND_RANK = {"speech": 0, "fragment": 1, "indirect": 2, "term": 3}
PERSON_SCAN = 60  # a speaker quoted at most this often is grouped by reading all their claims
RECENT = 2000  # a prolific speaker's new claim is grouped with their latest this many claims
QUERY_TERMS = 4  # terms a lookup searches by
COMMON = 2000  # claims holding a term that make it common: counted no further
RANKED_ALL = COMMON  # matching claims a search ranks all of: a few rare words' worth
RANKED_FEW = 200  # matching claims ranked at once at little cost, whatever words they hold
COUNTS_KEPT = 100_000  # word counts a store remembers
SOURCES_LOADED = 50  # sources loaded with a statement; the rest are counted
# Claims matching a full-text query, counted no further than a limit: a count that never reads a whole posting list.
PROBE = "SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)"
PAGE_CACHE_KB = 65536  # SQLite's page cache per store, in KiB
FOLD_BATCH = 50_000  # claims whose words an upgrade folds at a time
SPELLED = 4  # shortest word kept for spelling: shorter ones have too many neighbours one slip away


def _now() -> str:
    # Microseconds: digests page through statements by `first_seen`, and two stored in one second must not tie.
    return datetime.now(UTC).isoformat(timespec="microseconds")


def text_hash(text: str) -> str:
    """Identity of an article's text, blind to trailing whitespace."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def alias_key(name: str) -> str:
    """How aliases are compared: folded words, handles without the @."""
    return fold(name.lstrip("@"))


def is_alias(mention: str) -> bool:
    """A mention that names someone (a capitalised name or a handle), not a pronoun or "the president"."""
    key = alias_key(mention)
    if not key or key in NOT_NAMES or key.split()[0] in ("the", "a", "an"):
        return False
    return mention.lstrip().startswith("@") or not mention.islower()


def _v1(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {"id": int, "name": str, "url": str, "outlet": str, "headline": str, "published": str, "text": str,
         "text_hash": str, "ingested_at": str},
        pk="id", not_null={"name", "text", "text_hash"},
    )
    db["articles"].create_index(["name"], unique=True)
    db["articles"].create_index(["text_hash"])
    db["articles"].create_index(["url"])
    db["people"].create({"id": int, "name": str, "role": str}, pk="id", not_null={"name"})
    db["people"].create_index(["name"], unique=True)
    db["aliases"].create({"key": str, "alias": str, "person_id": int}, pk="key",
                         foreign_keys=[("person_id", "people", "id")])
    db["statements"].create(
        {"id": int, "person_id": int, "kind": str, "text": str, "said_on": str, "medium": str,
         "first_seen": str},
        pk="id", foreign_keys=[("person_id", "people", "id")],
    )
    db["statements"].create_index(["person_id", "said_on"])
    db["statements"].create_index(["said_on"])
    db["statements"].create_index(["first_seen"])
    db["claims"].create(
        {"id": int, "article_id": int, "statement_id": int, "person_id": int, "kind": str, "start": int,
         "end": int, "quote": str, "sentence": str, "speaker_mention": str, "role": str, "said_on": str,
         "medium": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("statement_id", "statements", "id"),
                      ("person_id", "people", "id")],
    )
    db["claims"].create_index(["article_id"])
    db["claims"].create_index(["statement_id"])
    db["claims"].create_index(["person_id"])
    db["claims"].enable_fts(["quote"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.execute("CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')")
    db["channels"].create(
        {"channel_id": str, "watch": int, "digest_on": int, "digest_time": str, "digest_tz": str,
         "digest_empty": str, "last_digest_at": str},
        pk="channel_id", defaults={"watch": 0, "digest_on": 0, "digest_empty": "line"},
    )
    db["digest_ledger"].create({"channel_id": str, "day": str, "posted_at": str}, pk=("channel_id", "day"))
    db["events"].create({"event_id": str, "seen_at": str}, pk="event_id")
    db["feeds"].create({"url": str, "polled_at": str, "error": str}, pk="url")


def _v2(db: sqlite_utils.Database) -> None:
    """Speaker-scoped full-text search, and aliases found by surname, first name or handle through indexes."""
    db["claims"].add_column("who", str)
    db.execute("UPDATE claims SET who = 'p' || person_id WHERE person_id IS NOT NULL")
    _reindex_claims(db, ["quote", "who"])
    for column in ("first", "last", "compact"):
        db["aliases"].add_column(column, str)
    for key, first, last, compact in [(k, *alias_parts(k)) for (k,) in db.execute("SELECT key FROM aliases")]:
        db.execute("UPDATE aliases SET first = ?, last = ?, compact = ? WHERE key = ?", [first, last, compact, key])
    for column in ("first", "last", "compact"):
        db["aliases"].create_index([column])


def _reindex_claims(db: sqlite_utils.Database, columns: list[str]) -> None:
    """The claims' full-text index and its word list built anew on these columns."""
    db.execute("DROP TABLE IF EXISTS claims_fts_vocab")
    db["claims"].disable_fts()
    db["claims"].enable_fts(columns, create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.execute("CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')")


def _v3(db: sqlite_utils.Database) -> None:
    """Outlets' differing wordings kept with each statement: found once when its claims change, not at every read."""
    db["statements"].add_column("variants", str)
    quotes: dict[int, list[str]] = {}
    for statement_id, quote in db.execute(
        f"SELECT statement_id, quote FROM claims WHERE kind IN ({','.join('?' * len(GROUPED_KINDS))}) ORDER BY id",
        GROUPED_KINDS,
    ):
        quotes.setdefault(statement_id, []).append(quote)
    for statement_id, said in quotes.items():
        db.execute("UPDATE statements SET variants = ? WHERE id = ?",
                   [json.dumps(wording_variants(said)), statement_id])


def _v4(db: sqlite_utils.Database) -> None:
    """How often a speaker was quoted, answered from an index alone (grouping asks it for every new claim)."""
    db["claims"].create_index(["person_id", "kind"])


def _v5(db: sqlite_utils.Database) -> None:
    """Claims that carry on the quote before them, so an utterance split by its attribution reads as one."""
    db["claims"].add_column("continues", int, not_null_default=0)


def _v6(db: sqlite_utils.Database) -> None:
    """The newest publication day from an index, to place dates a question gives without a year."""
    db["articles"].create_index(["published"])


def _v7(db: sqlite_utils.Database) -> None:
    """Stored words under their one-slip forms, so that a mistyped lookup finds the word it meant."""
    db.execute("CREATE TABLE spellings (key TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (key, term)) "
               "WITHOUT ROWID")
    _v7_fill(db)


def _v7_fill(db: sqlite_utils.Database) -> None:
    """Every indexed word under its one-slip forms."""
    terms = [term for (term,) in db.execute("SELECT term FROM claims_fts_vocab") if spellable(term)]
    db.conn.executemany("INSERT OR IGNORE INTO spellings VALUES (?, ?)",
                        ((key, term) for term in terms for key in slips(term)))


def _v8(db: sqlite_utils.Database) -> None:
    """Each claim's day (said on, else published) indexed with its speaker: a speaker's newest words are read first.

    The full-text index is refreshed only when a claim's indexed words change, not when any column does.
    """
    _index_only_word_changes(db, "quote")
    db["claims"].add_column("day", str)
    db.execute("UPDATE claims SET day = coalesce(said_on, (SELECT published FROM articles a WHERE a.id = article_id))")
    db["claims"].create_index(["person_id", "day"])
    db["claims"].create_index(["day"])


def _index_only_word_changes(db: sqlite_utils.Database, column: str) -> None:
    """The full-text index refreshed when a claim's indexed `column` or speaker changes, not when any column does."""
    db.execute('DROP TRIGGER IF EXISTS "claims_au"')
    db.execute(f"""CREATE TRIGGER "claims_au" AFTER UPDATE OF "{column}", "who" ON "claims" BEGIN
        INSERT INTO "claims_fts" ("claims_fts", rowid, "{column}", "who")
            VALUES('delete', old.rowid, old."{column}", old."who");
        INSERT INTO "claims_fts" (rowid, "{column}", "who") VALUES (new.rowid, new."{column}", new."who");
    END""")


def _v9(db: sqlite_utils.Database) -> None:
    """Feed links that could not be read, so a poll does not fetch them again at once."""
    db["failed_links"].create({"url": str, "error": str, "failed_at": str}, pk="url")


def _v10(db: sqlite_utils.Database) -> None:
    """Each person's claim count, kept by triggers, and the people of a surname read from an index alone: asking by
    a surname hundreds share, counting their claims at every lookup was the slowest part in a large archive."""
    db.execute("ALTER TABLE people ADD COLUMN quoted INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE people SET quoted = (SELECT count(*) FROM claims c WHERE c.person_id = people.id)")
    db.execute("""CREATE TRIGGER people_quoted_ai AFTER INSERT ON claims WHEN new.person_id IS NOT NULL BEGIN
        UPDATE people SET quoted = quoted + 1 WHERE id = new.person_id; END""")
    db.execute("""CREATE TRIGGER people_quoted_ad AFTER DELETE ON claims WHEN old.person_id IS NOT NULL BEGIN
        UPDATE people SET quoted = quoted - 1 WHERE id = old.person_id; END""")
    db.execute("""CREATE TRIGGER people_quoted_au AFTER UPDATE OF person_id ON claims BEGIN
        UPDATE people SET quoted = quoted - 1 WHERE id = old.person_id;
        UPDATE people SET quoted = quoted + 1 WHERE id = new.person_id; END""")
    # The people a surname names are read from the index alone: hundreds may share one.
    db.execute("DROP INDEX IF EXISTS idx_aliases_last")
    db.execute("CREATE INDEX idx_aliases_last ON aliases (last, person_id)")


def _v11(db: sqlite_utils.Database) -> None:
    """Each quote's folded words indexed, the very words questions and pasted quotes are split into: the index split
    "Russia's" and "don't" at the apostrophe, so "russias" and "dont" matched nothing and were respelled wrongly."""
    db["claims"].add_column("words", str)
    top = db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
    for low in range(0, top, FOLD_BATCH):
        rows = db.execute("SELECT id, quote FROM claims WHERE id > ? AND id <= ?", [low, low + FOLD_BATCH]).fetchall()
        db.conn.executemany("UPDATE claims SET words = ? WHERE id = ?", [(fold(quote), i) for i, quote in rows])
    _reindex_claims(db, ["words", "who"])
    _index_only_word_changes(db, "words")
    db.execute("DELETE FROM spellings")
    _v7_fill(db)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11,
]


def spellable(term: str) -> bool:
    """A word worth correcting towards: letters only (no numbers, handles or speaker tokens), not too short."""
    return len(term) >= SPELLED and term.isalpha()


def alias_parts(key: str) -> tuple[str, str, str]:
    """First word, last word and the spaceless form of an alias key: what people search a name by."""
    parts = key.split()
    return parts[0], parts[-1], "".join(parts)


def person_token(person_id: int | None) -> str | None:
    """The full-text token standing for a speaker, so a search can keep to one person's words."""
    return None if person_id is None else f"p{person_id}"


class Match(NamedTuple):
    """A claim found by a full-text search."""

    statement_id: int
    quote: str
    kind: str


class StoreError(RuntimeError):
    """The store file cannot be used; the message says which file and why."""


@dataclass
class IngestOutcome:
    """What one article's ingest did."""

    status: str  # "added", "replaced", "unchanged", "duplicate"
    claims: int = 0
    duplicate_of: str | None = None


class Store:
    """A claim store in one SQLite file: articles, people, claims and the statements grouping them."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._counts: dict[str, int] = {}  # claims holding a word, as last counted
        try:
            conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the store {self.path} ({err})") from None
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # A commit in WAL mode stays atomic without a sync each time; only the last ones may be lost to a power
            # cut, and an article lost so is ingested again by the next run.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            # A lookup in a large store reads scattered pages of the index and claims: SQLite's default 2 MB cache
            # rereads most of them from the file at every lookup.
            conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KB}")
            self.db = sqlite_utils.Database(conn)
            self.migrate()
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{self.path} is not a usable whosaid store ({err})") from None

    def close(self) -> None:
        """Release the file."""
        self.db.conn.close()

    def migrate(self) -> None:
        """Bring the schema to the newest version, one transaction per step."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db.atomic():
                step(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A write transaction holding the write lock from its start, so no read inside it can go stale.

        Under WAL a deferred transaction that reads, then writes after another connection wrote, fails at once
        with "database is locked"; BEGIN IMMEDIATE waits its turn (busy_timeout) instead. The bot's scheduler
        thread and a second bot process write to the same file.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.rollback()
            raise
        self.db.conn.commit()

    @property
    def schema_version(self) -> int:
        """The migration the file is at."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    # -- articles and ingest -------------------------------------------------------------------------

    def article_status(self, article: Article) -> IngestOutcome | None:
        """Whether ingesting `article` would change nothing (same text already here), without extracting."""
        digest = text_hash(article.text)
        row = self.db.execute(
            "SELECT name FROM articles WHERE text_hash = ? ORDER BY name = ? DESC LIMIT 1", [digest, article.name]
        ).fetchone()
        if row is None:
            return None
        if row[0] == article.name:
            return IngestOutcome("unchanged")
        return IngestOutcome("duplicate", duplicate_of=row[0])

    def has_url(self, url: str) -> bool:
        """True when an article from this URL is stored."""
        return self.db.execute("SELECT 1 FROM articles WHERE url = ? OR name = ?", [url, url]).fetchone() is not None

    def ingest(self, article: Article, claims: Sequence[Claim], people: Sequence[Person] = ()) -> IngestOutcome:
        """Store one article and its claims in one transaction: all of it or, on any error, nothing."""
        known = self.article_status(article)
        if known:
            return known
        with self._writing():
            old = self.db.execute("SELECT id FROM articles WHERE name = ?", [article.name]).fetchone()
            if old:
                self._delete_article(old[0])
            article_id = self._insert("articles", {
                "name": article.name, "url": article.url, "outlet": article.outlet, "headline": article.headline,
                "published": article.published.isoformat() if article.published else None,
                 "text": article.text, "text_hash": text_hash(article.text), "ingested_at": _now()})
            for person in people:
                self._person_id(person.name, person.role, person.aliases)
            touched: set[int] = set()
            last_direct: int | None = None  # the claim a continuing one carries on
            for claim in claims:
                statement_id, claim_id = self._add_claim(article, article_id, claim,
                                                         carries_on=last_direct if claim.continues else None)
                touched.add(statement_id)
                if claim.kind in GROUPED_KINDS:
                    last_direct = claim_id
            for statement_id in touched:
                self._refresh_statement(statement_id)
            self._learn_spellings({term for claim in claims for term in words(claim.quote)})
        return IngestOutcome("replaced" if old else "added", claims=len(claims))

    def ingest_many(self, batch: Iterable[tuple[Article, Sequence[Claim]]]) -> list[IngestOutcome]:
        """Store many articles in one transaction, all or nothing: for imports, where commits cost the most."""
        with self._writing():
            return [self.ingest(article, claims) for article, claims in batch]

    def _insert(self, table: str, row: dict) -> int:
        """Insert inside the caller's transaction (sqlite-utils' insert would commit it early)."""
        columns = ", ".join(f'"{c}"' for c in row)
        cursor = self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                                 list(row.values()))
        return cursor.lastrowid

    def _delete_article(self, article_id: int) -> None:
        statement_ids = [r[0] for r in self.db.execute(
            "SELECT DISTINCT statement_id FROM claims WHERE article_id = ?", [article_id])]
        self.db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        for statement_id in statement_ids:
            self._refresh_statement(statement_id)

    def _learn_spellings(self, terms: Iterable[str]) -> None:
        """Record the words no stored quote used before under their one-slip forms."""
        for term in filter(spellable, terms):
            if self.db.execute("INSERT OR IGNORE INTO spellings VALUES (?, ?)", [term, term]).rowcount:
                self.db.conn.executemany("INSERT OR IGNORE INTO spellings VALUES (?, ?)",
                                         [(key, term) for key in slips(term) if key != term])

    def _person_id(self, name: str | None, role: str | None = None, aliases: Iterable[str] = ()) -> int | None:
        """The person a name stands for, created on first sight, with new aliases and role recorded."""
        if not name or not alias_key(name):
            return None
        row = self.db.execute("SELECT person_id FROM aliases WHERE key = ?", [alias_key(name)]).fetchone()
        if row:
            person_id = row[0]
        else:
            found = self.db.execute("SELECT id FROM people WHERE name = ?", [name]).fetchone()
            person_id = found[0] if found else self._insert("people", {"name": name, "role": role})
        if role:
            self.db.execute("UPDATE people SET role = ? WHERE id = ? AND role IS NULL", [role, person_id])
        for alias in [name, *(a for a in aliases if is_alias(a))]:
            if alias_key(alias):
                key = alias_key(alias)
                self.db.execute("INSERT OR IGNORE INTO aliases (key, alias, person_id, first, last, compact) "
                                "VALUES (?, ?, ?, ?, ?, ?)", [key, alias, person_id, *alias_parts(key)])
        return person_id

    def _add_claim(self, article: Article, article_id: int, claim: Claim, *, carries_on: int | None = None
                   ) -> tuple[int, int]:
        """Store one claim in the statement it quotes (or the one it carries on); its statement and row ids."""
        person_id = self._person_id(claim.speaker, claim.role, [claim.speaker_mention or ""])
        statement_id = self._matching_statement(claim, person_id)
        before = self.db.execute("SELECT statement_id, person_id FROM claims WHERE id = ?",
                                 [carries_on]).fetchone() if carries_on else None
        if before and before[1] == person_id:
            if statement_id is not None and statement_id != before[0]:
                self._merge(before[0], [statement_id])
            statement_id = before[0]
        if statement_id is None:
            statement_id = self._insert(
                "statements", {"person_id": person_id, "kind": claim.kind, "text": claim.quote, "first_seen": _now()}
            )
        claim_id = self._insert("claims", {
            "article_id": article_id, "statement_id": statement_id, "person_id": person_id, "kind": claim.kind,
             "start": claim.start, "end": claim.end, "quote": claim.quote,
             "sentence": article.text[claim.sentence_start:claim.sentence_end].strip(),
             "speaker_mention": claim.speaker_mention, "role": claim.role,
             "said_on": claim.said_on.isoformat() if claim.said_on else None, "medium": claim.medium,
             "words": fold(claim.quote), "who": person_token(person_id), "continues": int(claim.continues),
             "day": day.isoformat() if (day := claim.said_on or article.published) else None})
        return statement_id, claim_id

    def _matching_statement(self, claim: Claim, person_id: int | None) -> int | None:
        """The statement this claim quotes again (same speaker, same words), merging any it bridges."""
        if claim.kind not in GROUPED_KINDS or person_id is None:
            return None
        kinds = ",".join("?" * len(GROUPED_KINDS))
        said = self.db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM claims WHERE person_id = ? AND kind IN ({kinds}) LIMIT ?)",
            [person_id, *GROUPED_KINDS, PERSON_SCAN + 1],
        ).fetchone()[0]
        if said <= PERSON_SCAN:
            # Most speakers are quoted a few times: comparing with all their words beats any index.
            rows = self.db.execute(
                f"SELECT statement_id, quote FROM claims WHERE person_id = ? AND kind IN ({kinds})",
                [person_id, *GROUPED_KINDS],
            ).fetchall()
        else:
            terms = spread_terms(words(claim.quote))
            if not terms:
                return None
            # The speaker's token keeps the search to their words, and to their latest ones: a prolific speaker's
            # words are quoted again mostly within the news cycle, and the search costs the same at any size.
            floor = self.db.execute("SELECT id FROM claims WHERE person_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
                                    [person_id, RECENT]).fetchone()
            rows = self.db.execute(
                f"""SELECT DISTINCT c.statement_id, c.quote FROM claims_fts f JOIN claims c ON c.id = f.rowid
                    WHERE claims_fts MATCH ? AND f.rowid > ? AND c.kind IN ({kinds}) ORDER BY f.rank LIMIT 40""",
                [f'who : "{person_token(person_id)}" AND words : ({fts_any(terms)})', floor[0] if floor else 0,
                 *GROUPED_KINDS],
            ).fetchall()
        mine = set(words(claim.quote))
        # Sharing under half the words rules a candidate out before any character alignment.
        matched = sorted({sid for sid, quote in rows
                          if 2 * len(mine.intersection(words(quote))) >= min(len(mine), len(set(words(quote))))
                          and same_utterance(claim.quote, quote)})
        if not matched:
            return None
        keep, *merged = matched
        self._merge(keep, merged)
        return keep

    def _merge(self, keep: int, others: Sequence[int]) -> None:
        """Fold statements found to be one utterance into the first."""
        for statement_id in others:
            self.db.execute("UPDATE claims SET statement_id = ? WHERE statement_id = ?", [keep, statement_id])
            self.db.execute("DELETE FROM statements WHERE id = ?", [statement_id])

    def _refresh_statement(self, statement_id: int) -> None:
        """Recompute a statement's fullest wording, kind, date and medium from its claims; drop it if empty."""
        rows = self.db.execute(
            """SELECT c.quote, c.kind, c.said_on, c.medium, c.person_id, c.article_id, c.continues FROM claims c
               JOIN articles a ON a.id = c.article_id WHERE c.statement_id = ?
               ORDER BY a.published IS NULL, a.published, c.article_id, c.start""",
            [statement_id],
        ).fetchall()
        if not rows:
            self.db.execute("DELETE FROM statements WHERE id = ?", [statement_id])
            return
        text = max(joined_wordings([(r[0], r[5], r[6]) for r in rows]), key=lambda q: len(words(q)))
        kind = min((r[1] for r in rows), key=KIND_RANK.__getitem__)
        said_on = min((r[2] for r in rows if r[2]), default=None)
        medium = next((r[3] for r in rows if r[3]), None)
        variants = json.dumps(wording_variants([r[0] for r in rows if r[1] in GROUPED_KINDS]))
        self.db.execute(
            "UPDATE statements SET text = ?, kind = ?, said_on = ?, medium = ?, person_id = ?, variants = ? "
            "WHERE id = ?",
            [text, kind, said_on, medium, rows[0][4], variants, statement_id],
        )

    # -- people --------------------------------------------------------------------------------------

    def people(self) -> list[Person]:
        """Every speaker with aliases, role and claim count, most quoted first."""
        rows = self.db.execute(
            """SELECT p.id, p.name, p.role, p.quoted AS n,
                      (SELECT group_concat(alias, char(31)) FROM aliases WHERE person_id = p.id)
               FROM people p ORDER BY n DESC, p.name"""
        ).fetchall()
        return [
            Person(name=name, role=role, claims=n,
                   aliases=sorted({a for a in (aliases or "").split("\x1f") if a and a != name}))
            for _, name, role, n, aliases in rows
        ]

    def people_ids(self, names: Sequence[str]) -> list[int]:
        """Ids of people by canonical name."""
        return [r[0] for r in self.db.execute(
            f"SELECT id FROM people WHERE name IN ({','.join('?' * len(names))})", list(names))]

    def find_people(self, name: str) -> list[int]:
        """Ids of the people an alias, surname or handle names."""
        key = alias_key(name)
        if not key:
            return []
        _, last, compact = alias_parts(key)
        # A longer alias starting with the name is a range of the key index ("!" follows " "): a LIKE on the first
        # name would test every alias of a common first name.
        rows = self.db.execute(
            """SELECT DISTINCT person_id FROM aliases
               WHERE key = :key OR compact = :compact OR (last = :last AND key LIKE '% ' || :key)
                  OR (key > :key || ' ' AND key < :key || '!')""",
            {"key": key, "compact": compact, "last": last},
        ).fetchall()
        return [r[0] for r in rows]

    # -- lookup --------------------------------------------------------------------------------------

    def term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many claims hold each term, counted no further than COMMON; terms no claim holds are absent.

        A full count (fts5vocab's) reads the term's whole posting list: for "the" in a million claims, longer than a
        whole lookup may take. Past COMMON a term is no help to find words anyway.
        """
        counts = {term: self._counts.get(term) or
                  self.db.execute(PROBE, [f"words : {fts_any([term])}", COMMON]).fetchone()[0]
                  for term in dict.fromkeys(t for t in terms if t)}
        # Words recur from question to question. A count remembered goes stale only as far as which words a search
        # tries first; a word no claim holds is never remembered, so a new one is found as soon as it is stored.
        if len(self._counts) > COUNTS_KEPT:
            self._counts.clear()
        self._counts.update((term, n) for term, n in counts.items() if n)
        return {term: n for term, n in counts.items() if n}

    def rare_terms(self, terms: Sequence[str], *, limit: int) -> list[str]:
        """The `limit` terms that occur in the fewest claims; terms no claim holds cannot match and are left out."""
        counts = self.term_counts(terms)
        return sorted(counts, key=counts.__getitem__)[:limit]

    def query_terms(self, terms: Sequence[str], *, limit: int = QUERY_TERMS) -> list[str]:
        """The terms worth searching by: the rarest few, common ones only when nothing rarer is there.

        A search's cost grows with how many claims hold its terms: one word in most claims costs more than the
        rest of a lookup, and tells the candidates apart less.
        """
        content = [t for t in terms if t not in FUNCTION_WORDS] or list(terms)
        counts = self.term_counts(content)
        ranked = sorted(counts, key=counts.__getitem__)
        rare = [t for t in ranked if counts[t] < COMMON]
        return (rare or ranked)[:limit]

    def spellings_near(self, term: str) -> list[str]:
        """Stored words sharing a one-slip form with `term`: the candidates for what a mistyped word meant."""
        keys = sorted(slips(term))
        rows = self.db.execute(
            f"SELECT DISTINCT term FROM spellings WHERE key IN ({','.join('?' * len(keys))}) AND term != ?",
            [*keys, term])
        return [r[0] for r in rows]

    def search_claims(
        self, terms: Sequence[str], *, limit: int = 50, person_ids: Sequence[int] | None = None,
        kinds: Sequence[str] = GROUPED_KINDS, on: date | None = None, since: date | None = None,
        outlet: str | None = None, all_first: bool = False,
    ) -> list[Match]:
        """The claims best matching any of `terms`, best first; with `all_first`, only those holding every term when
        there are such.

        Claims matching few enough are ranked by bm25. Past RANKED_ALL, the claims holding all of the rarest common
        words are taken newest first: bm25 first counts every claim holding each of its words, which for a word in
        most claims of a large archive costs more than the rest of a lookup, and tells such claims apart little.
        """
        if not terms or (person_ids is not None and not person_ids):
            return []
        match = f"words : ({fts_any(terms)})"
        matches = self.db.execute(PROBE, [match, RANKED_ALL + 1]).fetchone()[0]
        ranked = matches <= RANKED_ALL
        if all_first and ranked and matches > RANKED_FEW and len(terms) > 1:
            # bm25 reads every match's length: ranking the few holding every word costs a fraction of ranking all
            every = f"words : ({' AND '.join(fts_any([t]) for t in terms)})"
            if self.db.execute(PROBE, [every, 1]).fetchone()[0]:
                match = every
        # Common words only: the claims holding all of the rarest few are few, and hold what was asked for.
        for size in range(min(len(terms), QUERY_TERMS), 1, -1) if not ranked else ():
            narrow = f"words : ({' AND '.join(fts_any([t]) for t in terms[:size])})"
            if self.db.execute(PROBE, [narrow, 1]).fetchone()[0]:
                match = narrow
                break
        if not ranked and person_ids is not None:
            # Common words: the speakers' tokens let the full-text index intersect, not the join filter row by row.
            match += f" AND who : ({fts_any(person_token(p) for p in person_ids)})"
            person_ids = None
        # Past RANKED_ALL the newest are the best: reading no more of them than are kept bounds the cost.
        score, newest, window = ("f.rank", "", []) if ranked else ("-f.rowid", " ORDER BY f.rowid DESC LIMIT ?",
                                                                    [2 * limit])
        kind_marks = ",".join("?" * len(kinds))
        if on or since or outlet or person_ids is not None:
            where, params = self._filters(person_ids=person_ids, kinds=(), on=on, since=since, outlet=outlet)
            # One day's claims are few: read them by the day index and probe the full-text index for each, rather
            # than walk every claim holding a common word back from the newest
            joined = "claims c CROSS JOIN claims_fts f ON f.rowid = c.id" if on and not ranked else \
                "claims_fts f JOIN claims c ON c.id = f.rowid"
            best = f"""SELECT f.rowid AS id, {score} AS score FROM {joined}
                       WHERE claims_fts MATCH ? AND c.kind IN ({kind_marks}) {where}{newest}"""
            params = [match, *kinds, *params, *window]
        else:
            # Ranked on the index alone; the few best are joined, twice as many as wanted as some are of other kinds.
            best = f"""SELECT id, score FROM (SELECT f.rowid AS id, {score} AS score FROM claims_fts f
                       WHERE claims_fts MATCH ?{newest}) ORDER BY score LIMIT ?"""
            params = [match, *window, 2 * limit]
        rows = self.db.execute(
            f"""SELECT c.statement_id, c.quote, c.kind FROM ({best}) best JOIN claims c ON c.id = best.id
                WHERE c.kind IN ({kind_marks}) ORDER BY best.score LIMIT ?""",
            [*params, *kinds, limit],
        ).fetchall()
        return [Match(*r) for r in rows]

    def statement_ids(
        self, *, person_ids: Sequence[int] | None = None, kinds: Sequence[str] = GROUPED_KINDS,
        on: date | None = None, since: date | None = None, outlet: str | None = None, limit: int = 20,
    ) -> list[int]:
        """Statements matching filters alone, newest first."""
        where, params = self._filters(person_ids=person_ids, kinds=kinds, on=on, since=since, outlet=outlet)
        size = 4 * limit
        # Claims newest first from the index, until `limit` statements: a prolific speaker's are never all read.
        while True:
            batch = self.db.execute(
                f"""SELECT c.statement_id FROM claims c WHERE 1 {where}
                    ORDER BY c.day DESC, c.statement_id DESC LIMIT ?""",
                [*params, size],
            ).fetchall()
            found = list(dict.fromkeys(r[0] for r in batch))
            if len(found) >= limit or len(batch) < size:
                return found[:limit]
            size *= 4

    @staticmethod
    def _filters(*, person_ids, kinds, on, since, outlet) -> tuple[str, list]:
        """SQL conditions on claims `c` and their parameters; the outlet is looked up without joining articles."""
        clauses, params = [], []
        if person_ids is not None:
            clauses.append(f"c.person_id IN ({','.join('?' * len(person_ids)) or 'NULL'})")
            params += list(person_ids)
        if kinds:
            clauses.append(f"c.kind IN ({','.join('?' * len(kinds))})")
            params += list(kinds)
        if on:
            clauses.append("c.day = ?")
            params.append(on.isoformat())
        if since:
            clauses.append("c.day >= ?")
            params.append(since.isoformat())
        if outlet:
            clauses.append("c.article_id IN (SELECT id FROM articles WHERE outlet LIKE ? OR url LIKE ? OR name LIKE ?)")
            params += [f"%{outlet}%"] * 3
        return "".join(f" AND {c}" for c in clauses), params

    def statements(self, ids: Sequence[int]) -> list[Statement]:
        """Full statements with every source, in the order of `ids`."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        heads = {r[0]: r for r in self.db.execute(
            f"""SELECT s.id, p.name, p.role, s.text, s.said_on, s.medium, s.variants FROM statements s
                LEFT JOIN people p ON p.id = s.person_id WHERE s.id IN ({marks})""", list(ids))}
        sources: dict[int, list[Source]] = {}
        totals: dict[int, int] = {}
        for sid in heads:
            # A statement every outlet carries has thousands of claims: load the first few, count the rest.
            rows = self.db.execute(
                """SELECT a.name, a.outlet, a.published, a.headline, a.url, c.quote, c.sentence, c.kind, c.start
                   FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.statement_id = ? ORDER BY c.id
                   LIMIT ?""", [sid, SOURCES_LOADED]).fetchall()
            rows.sort(key=lambda r: (r[2] is None, r[2] or "", r[0], r[8]))
            sources[sid] = [Source(article=r[0], outlet=r[1], published=r[2], headline=r[3], url=r[4], quote=r[5],
                                   sentence=r[6] or r[5], kind=r[7]) for r in rows]
            totals[sid] = len(rows) if len(rows) < SOURCES_LOADED else self.db.execute(
                "SELECT count(*) FROM claims WHERE statement_id = ?", [sid]).fetchone()[0]
        out = []
        for sid in ids:
            if sid not in heads:
                continue
            _, speaker, role, text, said_on, medium, variants = heads[sid]
            out.append(Statement(id=sid, speaker=speaker, role=role, text=text, said_on=said_on, medium=medium,
                                 sources=sources[sid], sources_total=totals[sid],
                                 variants=json.loads(variants or "[]")))
        return out

    def statement_texts(self, ids: Iterable[int]) -> dict[int, str]:
        """The fullest wording of each statement."""
        ids = list(ids)
        return dict(self.db.execute(
            f"SELECT id, text FROM statements WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall())

    def speakers_of(self, ids: Sequence[int]) -> dict[int, str | None]:
        """Who said each statement, without loading its sources."""
        marks = ",".join("?" * len(ids))
        return dict(self.db.execute(
            f"SELECT s.id, p.name FROM statements s LEFT JOIN people p ON p.id = s.person_id WHERE s.id IN ({marks})",
            list(ids),
        ).fetchall())

    def statements_said_on(self, day: date) -> list[int]:
        """Statements made on `day` (direct words and reported speech); undated ones by their first article's day."""
        rows = self.db.execute(
            """SELECT s.id FROM statements s WHERE s.kind != 'term' AND coalesce(s.said_on, (
                   SELECT min(a.published) FROM claims c JOIN articles a ON a.id = c.article_id
                   WHERE c.statement_id = s.id)) = ? ORDER BY s.id""",
            [day.isoformat()],
        ).fetchall()
        return [r[0] for r in rows]

    def statements_seen_since(self, moment: str | None) -> list[int]:
        """Statements first stored after `moment` (ISO time), or all of them."""
        rows = self.db.execute(
            "SELECT id FROM statements WHERE kind != 'term' AND first_seen > ? ORDER BY id", [moment or ""]
        ).fetchall()
        return [r[0] for r in rows]

    # -- digest windows ------------------------------------------------------------------------------

    def newest_seen(self, ids: Sequence[int] | None = None) -> str | None:
        """When the newest of these statements (of all, without ids) was first stored: where a digest stops.

        Writers take turns, so a statement still being stored gets a later time than any this can see.
        """
        if ids is not None and not ids:
            return None
        where = f"WHERE id IN ({','.join('?' * len(ids))})" if ids else ""
        return self.db.execute(f"SELECT max(first_seen) FROM statements {where}", list(ids or [])).fetchone()[0]

    def counts(self) -> dict[str, int]:
        """How much the store holds."""
        return {t: self.db[t].count for t in ("articles", "people", "statements", "claims")}

    # -- ask and check -------------------------------------------------------------------------------

    def namesakes(self, name: str) -> list[tuple[int, str]]:
        """Ids and canonical names of the people an alias names exactly, else of those a surname or handle names, the
        most quoted first: of a surname hundreds share, a lookup searches the best known."""
        key = alias_key(name)
        exact = self.db.execute("SELECT DISTINCT person_id FROM aliases WHERE key = ?", [key]).fetchall()
        if " " not in key:  # a bare surname names everyone who bears it, not only the first one stored
            exact += self.db.execute("SELECT DISTINCT person_id FROM aliases WHERE last = ?", [key]).fetchall()
        ids = list(dict.fromkeys(r[0] for r in exact)) or self.find_people(name)
        rows = self.db.execute(
            f"SELECT id, name FROM people WHERE id IN ({','.join('?' * len(ids)) or 'NULL'}) ORDER BY quoted DESC, id",
            ids,
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def newest_day(self) -> date | None:
        """The latest day any stored statement was said or published, to place dates given without a year."""
        row = self.db.execute(
            "SELECT max((SELECT max(said_on) FROM statements), (SELECT max(published) FROM articles))"
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def name_parts(self, candidates: Iterable[str]) -> set[str]:
        """Which of these alias keys or words some alias has as its key, spaceless form, first or last word.

        One query tells which stretches of a question may name someone, before any is looked up.
        """
        wanted = list({alias_key(c) for c in candidates} - {""})
        if not wanted:
            return set()
        # One index probe per word and column: a common first name must not pull in every alias bearing it.
        rows = self.db.execute(
            f"""WITH wanted(k) AS (VALUES {",".join(["(?)"] * len(wanted))})
                SELECT k FROM wanted WHERE EXISTS (SELECT 1 FROM aliases WHERE key = k)
                OR EXISTS (SELECT 1 FROM aliases WHERE compact = k) OR EXISTS (SELECT 1 FROM aliases WHERE first = k)
                OR EXISTS (SELECT 1 FROM aliases WHERE last = k)""",
            wanted,
        ).fetchall()
        return {r[0] for r in rows}

    # -- channels, events, digests, feeds ----------------------------------------------------------

    def channel(self, channel_id: str) -> dict:
        """A channel's settings, defaults when never set."""
        try:
            return self.db["channels"].get(channel_id)
        except sqlite_utils.db.NotFoundError:
            return {"channel_id": channel_id, "watch": 0, "digest_on": 0, "digest_time": None,
                    "digest_tz": None, "digest_empty": "line", "last_digest_at": None}

    def update_channel(self, channel_id: str, **fields: object) -> None:
        """Change some of a channel's settings."""
        with self._writing():
            self.db["channels"].upsert({"channel_id": channel_id, **fields}, pk="channel_id")

    def digest_channels(self) -> list[dict]:
        """Channels subscribed to the daily digest."""
        return list(self.db["channels"].rows_where("digest_on = 1", order_by="channel_id"))

    def claim_digest(self, channel_id: str, day: str) -> bool:
        """Reserve the one digest of `day` for a channel; False if some process already has it."""
        with self._writing():
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO digest_ledger (channel_id, day, posted_at) VALUES (?, ?, ?)",
                [channel_id, day, _now()],
            )
        return cursor.rowcount == 1

    def release_digest(self, channel_id: str, day: str) -> None:
        """Give back a reserved digest that could not be posted, so a later attempt may post it."""
        with self._writing():
            self.db.execute("DELETE FROM digest_ledger WHERE channel_id = ? AND day = ?", [channel_id, day])

    def first_seen(self, event_id: str) -> bool:
        """Record a Slack event id; False when it was seen before (a redelivery)."""
        with self._writing():
            # Slack redelivers within minutes: a day of ids is plenty, and keeps the table small.
            self.db.execute("DELETE FROM events WHERE seen_at < ?", [(datetime.now(UTC) - EVENT_MEMORY).isoformat()])
            cursor = self.db.execute("INSERT OR IGNORE INTO events (event_id, seen_at) VALUES (?, ?)",
                                     [event_id, _now()])
        return cursor.rowcount == 1

    def record_failed_link(self, url: str, error: str) -> None:
        """Note a link that could not be read as an article."""
        with self._writing():
            self.db.execute("INSERT OR REPLACE INTO failed_links (url, error, failed_at) VALUES (?, ?, ?)",
                            [url, error, _now()])

    def failed_links(self, urls: Sequence[str], *, since: datetime) -> set[str]:
        """Which of `urls` could not be read at some time after `since`."""
        rows = self.db.execute(
            f"SELECT url FROM failed_links WHERE url IN ({','.join('?' * len(urls))}) AND failed_at > ?",
            [*urls, since.isoformat()])
        return {r[0] for r in rows}

    def record_feed(self, url: str, error: str | None = None) -> None:
        """Note a feed poll and its error, if any."""
        with self._writing():
            self.db["feeds"].upsert({"url": url, "polled_at": _now(), "error": error}, pk="url")


def joined_wordings(claims: Sequence[tuple[str, int, int]]) -> list[str]:
    """Each (quote, article, continues) on its own, and the parts of one utterance an article splits, joined.

    >>> joined_wordings([("We are ready.", 1, 0), ("Talks go on.", 1, 1), ("ready", 2, 0)])
    ['We are ready. Talks go on.', 'ready']
    """
    out: list[str] = []
    article = None
    for quote, article_id, continues in claims:
        if continues and article_id == article and out:
            out[-1] = f"{out[-1]} {quote}"
        else:
            out.append(quote)
        article = article_id
    return out


def spread_terms(quote_words: Sequence[str]) -> list[str]:
    """The longest (likely rarest) content word of every pair of words: any excerpt of three words or more holds one."""
    pairs = (
        [w for w in quote_words[i:i + 2] if w not in FUNCTION_WORDS] for i in range(0, len(quote_words), 2)
    )
    return list(dict.fromkeys(max(pair, key=len) for pair in pairs if pair))


def fts_any(terms: Iterable[str]) -> str:
    """An FTS5 query matching any of `terms`, each quoted so no input is read as query syntax."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def wording_variants(quotes: Sequence[str]) -> list[str]:
    """Each outlet's version of the words, when one words the same passage differently from the fullest version.

    Comparing with the fullest version alone keeps this linear in the wordings: excerpts of it agree with it
    and with each other.
    """
    direct = list(dict.fromkeys(q.strip() for q in quotes))
    if len(direct) < 2:
        return []
    fullest = max(direct, key=lambda q: len(words(q)))
    differing = [q for q in direct if q != fullest and disagree(q, fullest)]
    return [q for q in direct if q == fullest or q in differing] if differing else []
