"""Block Kit messages for answers, checks and digests: pure functions, shared by Slack and the console."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.digest import is_reported
from bot.lookup import respelling_note
from bot.models import AskResult, Check, CheckResult, DiffOp, Digest, Source, Statement
from bot.text import first_difference

MAX_BLOCKS = 50
SECTION_CHARS = 2900  # under Slack's 3,000, which some clients enforce below the documented figure
FALLBACK_CHARS = 3000
QUOTE_CHARS = 700
SOURCES_SHOWN = 6
VARIANTS_SHOWN = 3
VARIANT_LEAD_WORDS = 6  # words shown before the place where outlets' wordings part
DIGEST_SHOWN = 8  # per speaker: a digest is read in a minute, the rest is one lookup away
FOOTER = "Verify against the original before publishing."
DIFF_LEGEND = "~struck~: in the source, left out of the pasted text · *_bold italic_*: not in the source"
VERDICTS = {
    "verbatim": "✅ Verbatim",
    "altered": "⚠️ Altered",
    "misattributed": "❌ Misattributed",
    "stitched": "✂️ Stitched",
    "unsourced": "❔ Unsourced",
}
USER_ID = re.compile(r"^[UW][A-Z0-9]+$")
USAGE = [
    ("/whosaid have the meeting now", "who said it, when, where; filters: from:NAME on:DATE since:DATE in:OUTLET"),
    ("/whosaid check Trump wrote “HAVE THE MEETING, TOMORROW”", "check pasted quotes against the sources"),
    ("/whosaid watch on", "check every quote posted in this channel (off to stop)"),
    ("/whosaid digest on 08:30 Europe/London", "a daily digest here (off, now, status)"),
    ("/whosaid add https://example.com/story", "add an article page to the store"),
    ("/whosaid help", "this card"),
]


def escape(text: str) -> str:
    """Make any user or article text inert in mrkdwn, so a pasted <!channel> never pings."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def message(blocks: Sequence[dict], fallback: str) -> dict:
    """A postable message within Slack's limits, with its fallback text."""
    blocks = list(blocks)
    if len(blocks) > MAX_BLOCKS:
        hidden = len(blocks) - (MAX_BLOCKS - 1)
        blocks = [*blocks[:MAX_BLOCKS - 2], section(f"…and {hidden} more not shown."), blocks[-1]]
    return {"text": clip(fallback, FALLBACK_CHARS), "blocks": blocks}


def section(text: str) -> dict:
    """A mrkdwn section whose text (already escaped) fits Slack's limit, cut at a line when too long."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, SECTION_CHARS)}}


def context(*parts: str) -> dict:
    """A small grey line of mrkdwn parts."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(p, SECTION_CHARS)} for p in parts if p]}


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a line or word end, never inside an entity or link."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    cut = cut[:max(cut.rfind("\n"), cut.rfind(" "), limit // 2)]
    cut = re.sub(r"(&[a-z]*|<[^>]*)$", "", cut)
    return cut.rstrip() + "…"


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """Raw text shortened before escaping, so long quotes leave room for sources."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def blockquote(text: str) -> str:
    """Escaped text as a mrkdwn quote, every line marked."""
    return "\n".join("> " + escape(line) for line in shorten(text).splitlines() or [""])


def day(value: date | None) -> str:
    """A date the way a newsroom writes it."""
    return f"{value.day} {value:%B %Y}" if value else ""


def link_url(url: str | None) -> str | None:
    """A URL safe inside <url|label>, or None when it is not a web address."""
    if not url or not re.match(r"https?://", url, re.IGNORECASE):
        return None
    return url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20")


def source_label(source: Source) -> str:
    """Outlet (else headline, else file) and date: how a source is named."""
    return ", ".join(p for p in (source.outlet or source.headline or source.article, day(source.published)) if p)


def source_link(source: Source) -> str:
    """`<url|outlet, date>`, or the plain label when the source has no web address."""
    label = source_label(source)
    url = link_url(source.url)
    return f"<{url}|{escape(label)}>" if url else escape(label)


def sources_line(sources: Sequence[Source], *, total: int = 0) -> str:
    """Every source as a link, the first few only when there are many (`total` of them, when not all loaded)."""
    articles = list({s.article: s for s in sources}.values())  # an article quoting the words twice is one source
    shown = [source_link(s) for s in articles[:SOURCES_SHOWN]]
    more = len(articles) + max(0, total - len(sources)) - SOURCES_SHOWN
    if more > 0:
        shown.append(f"and {more} more")
    return "Sources: " + " · ".join(shown) if shown else "No source article recorded."


def who(speaker: str | None, role: str | None) -> str:
    """Bold speaker with role, escaped."""
    name = f"*{escape(speaker)}*" if speaker else "_speaker unknown_"
    return f"{name} ({escape(role)})" if role else name


def byline(speaker: str | None, role: str | None, said_on: date | None, medium: str | None) -> str:
    """Speaker, date and medium on one line."""
    return " · ".join(p for p in (who(speaker, role), day(said_on), escape(medium or "")) if p)


def variants_line(variants: Sequence[str], sources: Sequence[Source] = ()) -> str:
    """Each outlet's wording from a little before where they part, so a reader sees the disagreement."""
    if not variants:
        return ""
    shown = []
    for variant in variants[:VARIANTS_SHOWN]:
        others = [v for v in variants if v != variant]
        start = first_difference(variant, others)
        lead = variant[:start].split()[-VARIANT_LEAD_WORDS:] if start else []
        excerpt = ("… " if len(lead) < len(variant[:start].split()) else "") + " ".join(lead + [variant[start:]])
        label = next((source_label(s) for s in sources if s.quote.strip() == variant), None)
        shown.append((f"{escape(label)}: " if label else "") + f"“{escape(shorten(excerpt, 200))}”")
    more = f" and {len(variants) - VARIANTS_SHOWN} more" if len(variants) > VARIANTS_SHOWN else ""
    return "Outlets word it differently: " + " / ".join(shown) + more


def statement_text(statement: Statement) -> str:
    """One statement: who, when, where, the sourced words, the sources."""
    lines = [byline(statement.speaker, statement.role, statement.said_on, statement.medium),
             blockquote(statement.text), sources_line(statement.sources, total=statement.sources_total),
             variants_line(statement.variants, statement.sources)]
    return "\n".join(line for line in lines if line)


def footer(asked_by: str | None, *extra: str) -> dict:
    """The provenance line under every answer."""
    asker = f"Asked by <@{asked_by}>" if asked_by and USER_ID.match(asked_by) else ""
    return context(*extra, asker, FOOTER)


def ask_message(result: AskResult, *, asked_by: str | None = None) -> dict:
    """A lookup's answer: the sourced statements, or the nearest ones when nothing sources the words."""
    head = f"*Who said* “{escape(shorten(result.query, 300))}”"
    blocks = [section(head)]
    if note := respelling_note(result.corrected):
        blocks.append(context(escape(note)))
    if result.statements:
        if result.message:
            blocks.append(context(escape(result.message)))
        blocks += [section(statement_text(s)) for s in result.statements]
        top = result.statements[0]
        when = top.said_on or next((s.published for s in top.sources if s.published), None)
        fallback = f"{top.speaker or 'Unknown speaker'}" + (f", {day(when)}" if when else "") + f": “{top.text}”"
    else:
        note = result.message or "Nothing in the store sources these words."
        blocks.append(section(escape(note) + ("\nNearest statements:" if result.nearest else "")))
        blocks += [section(statement_text(s)) for s in result.nearest]
        fallback = note
    blocks.append(footer(asked_by))
    return message(blocks, escape(fallback))


def diff_text(ops: Sequence[DiffOp]) -> str:
    """The pasted words against the sourced ones: dropped struck through, added in bold italic."""
    parts = []
    for op in ops:
        pasted, sourced = escape(op.pasted.strip()), escape(op.sourced.strip())
        if op.op == "equal":
            parts.append(pasted or sourced)
        elif op.op == "dropped" and sourced:
            parts.append(f"~{sourced}~")
        elif op.op == "added" and pasted:
            parts.append(f"*_{pasted}_*")
        elif op.op == "changed":
            parts += [f"~{sourced}~" if sourced else "", f"*_{pasted}_*" if pasted else ""]
    return " ".join(p for p in parts if p)


def check_text_block(check: Check) -> str:
    """One checked passage: verdict, the pasted words, who really said what, the diff and the sources."""
    claimed = f" (attributed to {escape(check.claimed_speaker)})" if check.claimed_speaker else ""
    lines = [f"*{VERDICTS[check.verdict]}*: “{escape(shorten(check.quote))}”{claimed}"]
    if check.reason:
        lines.append(f"_{escape(check.reason)}_")
    if check.speaker and check.verdict != "unsourced":
        lines.append("Said by " + byline(check.speaker, None, check.said_on, check.medium))
    if check.diff and any(op.op != "equal" for op in check.diff):
        lines.append("Difference: " + diff_text(check.diff))
    if check.sourced and check.verdict != "verbatim":
        lines.append("Sourced words:\n" + blockquote(check.sourced))
    if check.sources:
        lines.append(sources_line(check.sources))
    lines.append(variants_line(check.variants, check.sources))
    return "\n".join(line for line in lines if line)


def check_message(result: CheckResult, *, asked_by: str | None = None, checks: Sequence[Check] | None = None) -> dict:
    """The verdicts on a pasted text, one section per passage; `checks` narrows which are shown."""
    shown = list(result.checks if checks is None else checks)
    if not shown:
        note = result.message or "No quoted passage found: put the words in quote marks."
        return message([section(escape(note)), footer(asked_by)], escape(note))
    blocks = [section(check_text_block(c)) for c in shown]
    legend = DIFF_LEGEND if any(op.op != "equal" for c in shown for op in c.diff) else ""
    blocks.append(footer(asked_by, legend))
    tally = ", ".join(f"{VERDICTS[c.verdict].split(' ', 1)[1].lower()} “{shorten(c.quote, 80)}”" for c in shown)
    return message(blocks, escape(f"Quote check: {tally}"))


def digest_line(statement: Statement) -> str:
    """One digest bullet: direct words in quote marks, reported speech marked as such, then when and where."""
    text = escape(shorten(statement.text, 300))
    words = f"_reported:_ {text}" if is_reported(statement) else f"“{text}”"
    when = " · ".join(p for p in (day(statement.said_on), escape(statement.medium or "")) if p)
    links = " · ".join(source_link(s) for s in statement.sources[:3])
    flag = " _(worded differently by outlets)_" if statement.variants else ""
    return f"• {words}{flag}" + "".join(f" — {p}" for p in (when, links) if p)


def digest_message(digest: Digest) -> dict:
    """A digest: each speaker with their statements, most quoted first."""
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": clip(digest.title, 150)}}]
    if not digest.groups:
        blocks.append(section(escape(digest.message or "Nothing to report.")))
    for group in digest.groups:
        lines = [who(group.speaker, group.role)] + [digest_line(s) for s in group.statements[:DIGEST_SHOWN]]
        if len(group.statements) > DIGEST_SHOWN:
            lines.append(f"…and {len(group.statements) - DIGEST_SHOWN} more")
        blocks.append(section("\n".join(lines)))
    if digest.disagreements:
        blocks.append(context(f"{digest.disagreements} statement(s) are worded differently across outlets."))
    blocks.append(context(FOOTER))
    count = sum(len(g.statements) for g in digest.groups)
    return message(blocks, escape(f"{digest.title}: {count} statement(s) from {len(digest.groups)} speaker(s)"))


def usage_message(note: str = "") -> dict:
    """The card for help, empty or unknown input: one example per subcommand."""
    lines = [f"`{escape(example)}`  {escape(what)}" for example, what in USAGE]
    card = section("*whosaid* knows who said what:\n" + "\n".join(lines))
    blocks = [section(escape(note)), card] if note else [card]
    return message(blocks, escape(note or "whosaid help"))


def notice_message(text: str) -> dict:
    """A one-line answer: a confirmation, a status or an error."""
    return message([section(escape(text))], escape(text))


def mrkdwn_to_text(text: str) -> str:
    """Readable terminal text from mrkdwn: links spelled out, diff marks as [-x-] and {+x+}."""
    text = re.sub(r"<@([A-Z0-9]+)>", r"@\1", text)
    text = re.sub(r"<([^|>]+)\|([^>]+)>", r"\2 (\1)", text)
    text = re.sub(r"<([^>]+)>", r"\1", text)
    text = re.sub(r"\*_(.+?)_\*", r"{+\1+}", text)
    text = re.sub(r"(?<![\w~])~(\S(?:.*?\S)?)~(?![\w~])", r"[-\1-]", text)
    text = re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def blocks_to_text(blocks: Sequence[dict]) -> str:
    """A message's blocks as plain text for the console."""
    out = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = block["text"]["text"]
            out.append(f"{title}\n{'=' * len(title)}")
        elif kind == "section":
            out.append(mrkdwn_to_text(block["text"]["text"]))
        elif kind == "context":
            out.append(mrkdwn_to_text("  ·  ".join(e.get("text", "") for e in block["elements"])))
        elif kind == "divider":
            out.append("-" * 40)
    return "\n\n".join(out)
