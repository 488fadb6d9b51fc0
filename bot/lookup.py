"""Answering "who said what, when": a free-text question becomes speaker, date and word filters on the store."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

import dateparser
from rapidfuzz.distance import OSA

from bot.models import AskResult
from bot.store import GROUPED_KINDS, Match, Store, alias_key, spellable
from bot.text import fold, fold_word, words

# Direct words come before reported speech at equal relevance: a newsroom quotes the former.
KIND_ORDER = (GROUPED_KINDS, ("indirect",))
KIND_GROUP = {kind: rank for rank, kinds in enumerate(KIND_ORDER) for kind in kinds}
SEARCHED_KINDS = tuple(KIND_GROUP)
MAX_NAME_WORDS = 4
NEAREST = 3
NAMES_LISTED = 3  # people of one name an answer lists; past that it says the name as typed
NAMESAKES = 50  # people sharing a name a lookup searches, the most quoted first
RANKED = 160  # best-ranked claims weighed against the question
# Question words and fillers carry no meaning for a search of quoted words.
STOPWORDS = frozenset((
    "a", "about", "after", "all", "also", "an", "and", "any", "anything", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "him", "his", "how", "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "said",
    "say", "says", "saying", "she", "since", "so", "some", "tell", "that", "the", "their", "them", "they",
    "this", "to", "told", "us", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "whose",
    "why", "will", "with", "would", "you", "your", "quote", "quotes", "quoted", "statement", "statements",
    "claim", "claims", "post", "posted", "wrote", "write", "remark", "remarks", "comment", "comments",
    "mention", "mentioned", "talk", "talked", "speak", "spoke", "anyone", "someone", "somebody",
))
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# A date phrase must carry a day number or a relative word, so that "may" the verb is never read as a month.
_DATE = re.compile(
    rf"\b(?:(?P<since>since|after|from)\s+|on\s+)?(?P<phrase>\d{{4}}-\d{{2}}-\d{{2}}|today|yesterday"
    rf"|(?:last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d+\s+days?\s+ago|last\s+week"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?)\b",
    re.IGNORECASE,
)
_MONTH_WORD = re.compile(rf"\b{_MONTH}", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
# Explicit filters, as Slack users type them: from:Peskov, from:"Dmitry Peskov", on:2025-05-11, in:"Sky News".
_FILTER = re.compile(r"(?<!\S)(?P<key>from|on|since|in):(?:[\"“](?P<quoted>[^\"“”]*)[\"”]|(?P<bare>\S*))",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming people the store knows."""

    start: int
    end: int
    names: tuple[str, ...]
    ids: tuple[int, ...] = ()  # the most quoted first


def mentions(store: Store, text: str, *, proper: bool = False) -> list[Mention]:
    """Known people named in `text`, longest names first claimed; `proper` keeps to capitalised words and handles."""
    spans = [(m.group(), m.start(), m.end()) for m in re.finditer(r"@?[^\W_]+(?:['’][^\W_]+)*", text)]
    phrases = {(i, size): " ".join(re.sub(r"['’]s$", "", w) for w, _, _ in spans[i:i + size])
               for size in range(1, MAX_NAME_WORDS + 1) for i in range(len(spans) - size + 1)}
    known = store.name_parts(phrases.values())
    found: list[Mention] = []
    taken: set[int] = set()
    for size in range(MAX_NAME_WORDS, 0, -1):
        for i in range(len(spans) - size + 1):
            window = spans[i:i + size]
            phrase = phrases[i, size]
            key = alias_key(phrase)
            parts = key.split()
            # "what did Brown": a name may end in a known surname, but no name starts with a filler word
            loose = len(parts) == 1 or parts[0] not in STOPWORDS
            could = key in known or loose and bool(parts) and (parts[0] in known or parts[-1] in known)
            if not could or taken.intersection(range(i, i + size)) or not _could_be_name(window, proper=proper):
                continue
            people = store.namesakes(phrase)
            if people:
                found.append(Mention(window[0][1], window[-1][2], *_named(people)))
                taken.update(range(i, i + size))
    return sorted(found, key=lambda m: m.start)


def _named(people: list[tuple[int, str]]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """People's names in order, and their ids as found."""
    return tuple(sorted(name for _, name in people)), tuple(i for i, _ in people)


def _could_be_name(window: list[tuple[str, int, int]], *, proper: bool) -> bool:
    """Whether a run of words may name someone: not a lone filler word, capitalised when asked."""
    if len(window) == 1 and fold_word(window[0][0].lstrip("@")) in STOPWORDS:
        return False
    return not proper or all(w[0].isupper() or w[0] == "@" for w, _, _ in window)


@dataclass
class Question:
    """What a free-text lookup asks for."""

    terms: list[str]
    phrases: list[str] = field(default_factory=list)
    speakers: tuple[str, ...] = ()
    person_ids: tuple[int, ...] = ()  # the speakers', the most quoted first
    named: str = ""  # the speaker's name as typed
    loose_name: bool = False  # the name was read from the words, not from `from:`: it may be part of a quote
    on: date | None = None
    since: date | None = None
    outlet: str | None = None
    problems: list[str] = field(default_factory=list)


def parse_question(store: Store, query: str, *, today: date) -> Question:
    """Split a question into a speaker, a day or start date, and the words to look for."""
    question = Question(terms=[])
    text = _take_filters(store, question, query, today=today)
    for match in _DATE.finditer(text):
        day = resolve_date(match.group("phrase"), today=today, newest=store.newest_day())
        if day is None:
            continue
        if match.group("since"):
            question.since = day
        else:
            question.on = day
        text = _blank(text, match.start(), match.end())
    question.phrases = [fold(p) for p in _QUOTED.findall(text) if words(p)]
    text = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    named = [] if question.speakers else mentions(store, text)
    if named:
        question.speakers, question.person_ids = named[0].names, named[0].ids
        question.named, question.loose_name = text[named[0].start:named[0].end], True
        text = _blank(text, named[0].start, named[0].end)
    loose = [w for w in words(text) if w not in STOPWORDS]
    question.terms = list(dict.fromkeys(loose + " ".join(question.phrases).split()))
    return question


def _take_filters(store: Store, question: Question, query: str, *, today: date) -> str:
    """Read `from:`, `on:`, `since:` and `in:` into the question; the rest of the text is returned, spaced out."""
    text = query
    for match in _FILTER.finditer(query):
        key, value = match.group("key").lower(), (match.group("quoted") or match.group("bare") or "").strip()
        text = _blank(text, match.start(), match.end())
        if not value:
            question.problems.append(f"`{key}:` needs a value, e.g. `{key}:{_EXAMPLES[key]}`")
        elif key == "from":
            people = store.namesakes(value)
            question.speakers, question.person_ids = _named(people) if people else ((value,), ())
            question.named = value
            if not people:
                question.problems.append(f"nobody called “{value}” is quoted in the store")
        elif key == "in":
            question.outlet = value
        else:
            day = resolve_date(value, today=today, newest=store.newest_day())
            if day is None:
                question.problems.append(f"“{value}” is not a date; use YYYY-MM-DD, e.g. `{key}:2025-05-11`")
            elif key == "on":
                question.on = day
            else:
                question.since = day
    return text


_EXAMPLES = {"from": "Peskov", "on": "2025-05-11", "since": "2025-05-01", "in": "Reuters"}


def _blank(text: str, start: int, end: int) -> str:
    """`text` with a stretch spaced out, so later offsets still hold."""
    return text[:start] + " " * (end - start) + text[end:]


def resolve_date(phrase: str, *, today: date, newest: date | None) -> date | None:
    """The day a date phrase means; a day named without a year is the latest such day the store can hold."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase.strip()):
        try:
            return date.fromisoformat(phrase.strip())
        except ValueError:
            return None
    parsed = dateparser.parse(
        phrase, languages=["en"],
        settings={"RELATIVE_BASE": datetime.combine(today, datetime.min.time()), "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None
    day = parsed.date()
    if newest and _MONTH_WORD.search(phrase) and not re.search(r"\d{4}", phrase):
        while day > newest:
            day = day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)
    return day


def ask(
    store: Store, query: str, *, limit: int = 5, outlet: str | None = None, today: date | None = None,
) -> AskResult:
    """The sourced statements that answer `query`, or the nearest ones with a plain reason when none does."""
    question = parse_question(store, query, today=today or date.today())
    outlet = outlet or question.outlet
    result = AskResult(query=query, speaker=_who(question, ", ") or None, on=question.on,
                       since=question.since, terms=question.terms)
    if question.problems:
        result.message = "Cannot look that up: " + "; ".join(question.problems) + "."
        return result
    question, result.corrected = respelled(store, question)
    result.terms = question.terms
    person_ids = list(question.person_ids[:NAMESAKES]) or None
    filters = {"on": question.on, "since": question.since, "outlet": outlet}
    if not question.terms and not person_ids and not any(filters.values()):
        result.message = "Ask about a person, some words or a day, e.g. `Peskov ceasefire` or `Trump on May 11`."
        return result
    found = _search(store, question, person_ids=person_ids, filters=filters) if question.terms else []
    if question.terms:
        ids = _weigh(found, question, limit=limit)
    else:
        ids = _latest(store, person_ids=person_ids, filters=filters, limit=limit)
    result.statements = store.statements(ids)
    if result.statements:
        return result
    if question.loose_name and question.terms:
        # "Volodymyr Commandment landed in": a name among remembered words is often part of the quote
        within = replace(question, terms=[*question.terms, *words(question.named)], speakers=())
        result.statements = store.statements(_weigh(_search(store, within, person_ids=None, filters=filters),
                                                    within, limit=limit))
        if result.statements:
            result.speaker, result.terms = None, within.terms
            result.message = f"Nothing {question.named} said matches; these quotes use the words."
            return result
    result.message = f"Nothing sourced matches {_describe(question, outlet)}."
    unknown = set(question.terms) - set(store.rare_terms(question.terms, limit=len(question.terms)))
    if unknown:
        result.message += f" No stored quote uses {', '.join(f'“{t}”' for t in question.terms if t in unknown)}."
    if person_ids or any(filters.values()):  # else the search just made is the same one
        found = _search(store, question, person_ids=None, filters={})
    nearest = _weigh(found, question, limit=NEAREST, share=0.0, exact=False)
    if not nearest and person_ids:
        nearest = _latest(store, person_ids=person_ids, filters={}, limit=NEAREST)
    result.nearest = store.statements(nearest)
    return result


def respelled(store: Store, question: Question) -> tuple[Question, dict[str, str]]:
    """The question with each word no stored quote uses replaced by the stored word one keyboard slip away.

    Of several such words the most quoted wins: "ceasfire" is "ceasefire" rather than a rare "ceasfires".
    """
    known = store.term_counts(question.terms)
    corrected: dict[str, str] = {}
    for term in question.terms:
        if term in known or not spellable(term):
            continue
        near = [t for t in store.spellings_near(term) if OSA.distance(t, term) <= 1]
        counts = store.term_counts(near)
        if counts:
            corrected[term] = max(sorted(counts), key=counts.__getitem__)
    if not corrected:
        return question, corrected
    terms = list(dict.fromkeys(corrected.get(t, t) for t in question.terms))
    return replace(question, terms=terms), corrected


def respelling_note(corrected: dict[str, str]) -> str | None:
    """Says which typed words were looked for under another spelling, so an answer never silently differs.

    >>> respelling_note({"ceasfire": "ceasefire"})
    'Looked for “ceasefire” in place of “ceasfire”, which no stored quote uses.'
    """
    if not corrected:
        return None
    swaps = ", ".join(f"“{right}” in place of “{typed}”" for typed, right in corrected.items())
    return f"Looked for {swaps}, which no stored quote uses."


def _search(store: Store, question: Question, *, person_ids: list[int] | None, filters: dict) -> list[Match]:
    """The best-ranked claims holding the question's rarest terms."""
    terms = store.query_terms(question.terms)
    return store.search_claims(terms, person_ids=person_ids, kinds=SEARCHED_KINDS, limit=RANKED, all_first=True,
                               **filters)


def _weigh(found: list[Match], question: Question, *, limit: int, share: float = 0.5, exact: bool = True) -> list[int]:
    """Statements whose wording holds more than `share` of the terms (and, if `exact`, every quoted phrase)."""
    wanted = set(question.terms)
    held: dict[int, float] = {}
    group: dict[int, int] = {}
    for match in found:
        key = f" {fold(match.quote)} "
        if exact and not all(f" {phrase} " in key for phrase in question.phrases):
            continue
        sid = match.statement_id
        held[sid] = max(held.get(sid, 0.0), len(wanted.intersection(key.split())) / len(wanted))
        group[sid] = min(group.get(sid, len(KIND_ORDER)), KIND_GROUP[match.kind])
    kept = [sid for sid in held if held[sid] > share]
    return sorted(kept, key=lambda sid: (-held[sid], group[sid]))[:limit]


def _latest(store: Store, *, person_ids: list[int] | None, filters: dict, limit: int) -> list[int]:
    """The newest statements matching filters alone, direct words before reported speech."""
    ids = [sid for kinds in KIND_ORDER
           for sid in store.statement_ids(person_ids=person_ids, kinds=kinds, limit=limit, **filters)]
    return ids[:limit]


def _who(question: Question, joiner: str) -> str:
    """The people asked about by name, or the name as typed when many share it."""
    return question.named if len(question.speakers) > NAMES_LISTED else joiner.join(question.speakers)


def _describe(question: Question, outlet: str | None) -> str:
    """The question as the store understood it, for a 'nothing found' answer."""
    parts = [f"“{' '.join(question.terms)}”" if question.terms else "any statement"]
    if question.speakers:
        parts.append(f"from {_who(question, ' or ')}")
    if question.on:
        parts.append(f"said on {question.on.isoformat()}")
    if question.since:
        parts.append(f"said since {question.since.isoformat()}")
    if outlet:
        parts.append(f"in {outlet}")
    return " ".join(parts)
