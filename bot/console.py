"""Plain-text answers for the terminal: lookups and quote checks, with their sources."""

from __future__ import annotations

from bot.digest import is_reported
from bot.lookup import respelling_note
from bot.models import AskResult, Check, CheckResult, DiffOp, Digest, Source, Statement

INDENT = "    "


def statement_lines(statement: Statement) -> list[str]:
    """Who said it, when and where, the words, then every source with its own wording."""
    head = statement.speaker or "unattributed"
    if statement.role:
        head += f" ({statement.role})"
    when = " · ".join(x for x in (statement.said_on and statement.said_on.isoformat(), statement.medium) if x)
    lines = [f"{head}{' · ' + when if when else ''}", f"{INDENT}“{statement.text}”"]
    lines += [INDENT + source_line(s) for s in statement.sources]
    if statement.sources_total > len(statement.sources):
        lines.append(f"{INDENT}- and {statement.sources_total - len(statement.sources)} more sources")
    if statement.variants:
        lines.append(f"{INDENT}wordings differ between outlets:")
        lines += [f"{INDENT}  “{v}”" for v in statement.variants]
    return lines


def source_line(source: Source) -> str:
    """One article carrying the words: outlet, date, link or file."""
    where = " · ".join(x for x in (source.outlet, source.published and source.published.isoformat(),
                                   source.url or source.article) if x)
    return f"- {where}: “{source.quote}”"


def ask_text(result: AskResult) -> str:
    """A lookup answer as lines to print."""
    lines = [line for line in (respelling_note(result.corrected), result.message) if line]
    if result.nearest:
        lines.append("Nearest sourced statements:")
    for statement in result.statements or result.nearest:
        lines += ["", *statement_lines(statement)]
    return "\n".join(lines).strip()


def diff_text(ops: list[DiffOp]) -> str:
    """The pasted words with what the source has instead: [-sourced-] removed, {+pasted+} added."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(op.pasted)
        if op.op in ("dropped", "changed"):
            parts.append(f"[-{op.sourced}-]")
        if op.op in ("added", "changed"):
            parts.append(f"{{+{op.pasted}+}}")
    return " ".join(parts)


def check_lines(check: Check) -> list[str]:
    """One verdict with its evidence."""
    claimed = f" (the text credits {check.claimed_speaker})" if check.claimed_speaker else ""
    lines = [f"“{check.quote}”{claimed}", f"{INDENT}{check.verdict.upper()}: {check.reason}"]
    if check.speaker:
        when = " · ".join(x for x in (check.said_on and check.said_on.isoformat(), check.medium) if x)
        lines.append(f"{INDENT}said by {check.speaker}{' · ' + when if when else ''}")
    if check.sourced:
        lines.append(f"{INDENT}sources say: “{check.sourced}”")
    if any(op.op != "equal" for op in check.diff):
        lines.append(f"{INDENT}difference: {diff_text(check.diff)}")
    lines += [INDENT + source_line(s) for s in check.sources]
    return lines


def check_text(result: CheckResult) -> str:
    """A quote check answer as lines to print, ending with the reminder to read the originals."""
    if result.message:
        return result.message
    blocks = ["\n".join(check_lines(c)) for c in result.checks]
    return "\n\n".join([*blocks, "Verify against the original articles before publishing."])


def digest_text(digest: Digest) -> str:
    """A digest as lines to print: by speaker, direct words with every source, reported speech in one line."""
    if not digest.groups:
        return digest.message or digest.title
    count = sum(len(g.statements) for g in digest.groups)
    differ = f"; {digest.disagreements} worded differently by outlets" if digest.disagreements else ""
    lines = [f"{digest.title}: {count} statements by {len(digest.groups)} speakers{differ}"]
    for group in digest.groups:
        sources = sum(s.sources_total for s in group.statements)
        lines += ["", f"== {group.speaker}: {len(group.statements)} statements in {sources} sources"]
        for statement in group.statements:
            if is_reported(statement):
                outlets = ", ".join(dict.fromkeys(s.outlet or s.article for s in statement.sources))
                lines.append(f"{INDENT}reported ({outlets}): {statement.text}")
            else:
                lines += [INDENT + line for line in statement_lines(statement)]
    return "\n".join(lines)
