"""The digest: what was said in a period, by speaker, flagging statements whose wording differs between outlets.

What it shows: direct words (speech and quoted fragments) first, then reported speech, which a renderer may list
compactly (`is_reported`). Scare-quoted terms are not statements and never appear. Words no speaker is named for
are left out: a digest says who said what. Each statement appears once, with every source carrying it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.models import Digest, DigestGroup, Statement
from bot.store import GROUPED_KINDS, Store


def is_reported(statement: Statement) -> bool:
    """True when no outlet quotes the words directly: reported speech, shown compactly."""
    return not any(source.kind in GROUPED_KINDS for source in statement.sources)


def long_date(day: date) -> str:
    """A day as people write it: Sunday 11 May 2025."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def build_digest(store: Store, ids: Sequence[int], *, title: str, empty: str) -> Digest:
    """The digest of these statements, grouped by speaker, most quoted first; `empty` is the line when none."""
    groups: dict[str, DigestGroup] = {}
    for statement in store.statements(list(dict.fromkeys(ids))):
        if statement.speaker:
            group = groups.setdefault(statement.speaker, DigestGroup(speaker=statement.speaker, statements=[]))
            group.role = group.role or statement.role
            group.statements.append(statement)
    for group in groups.values():
        group.statements.sort(key=lambda s: (is_reported(s), -s.sources_total, s.id))
    ordered = sorted(groups.values(), key=lambda g: (-sum(s.sources_total for s in g.statements),
                                                      -len(g.statements), g.speaker))
    return Digest(
        title=title,
        groups=ordered,
        disagreements=sum(1 for g in ordered for s in g.statements if s.variants),
        message=None if ordered else empty,
        seen_until=store.newest_seen(list(ids)),
    )


def digest_for_day(store: Store, day: date) -> Digest:
    """Statements made on `day`, whenever they were stored."""
    title = f"Said on {long_date(day)}"
    return build_digest(store, store.statements_said_on(day), title=title,
                        empty=f"Nothing on record as said on {long_date(day)}.")


def digest_since(store: Store, moment: str | None) -> Digest:
    """Statements first stored after `moment` (a channel's last digest), or everything when it is None."""
    if moment is None:
        return build_digest(store, store.statements_seen_since(None), title="Everything said so far",
                            empty="Nothing has been said yet.")
    when = datetime.fromisoformat(moment)
    since = f"{when.day} {when:%B %Y, %H:%M} UTC"
    return build_digest(store, store.statements_seen_since(moment), title=f"New since {since}",
                        empty=f"Nothing new said since {since}.")

