"""Who said each quoted or reported passage of one parsed article, and when and where."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from bot import dates
from bot.cues import DOCUMENTS, inflections
from bot.cues import cue as cue_of
from bot.media import is_outlet, medium
from bot.people import (
    FIELDS,
    HANDLE,
    HONORIFICS,
    INITIAL,
    NOT_PERSON,
    PARTICLES,
    UNNAMED,
    is_agent,
    is_person_noun,
    is_title,
    looks_like_person,
    matches_handle,
    same_person,
    surname,
)
from bot.places import CALENDAR, WEEKDAYS, is_demonym, is_place, is_state_abbreviation
from bot.quotes import DOUBLE, Quote, find_quotes
from bot.text import fold

PERSONAL = {"he", "she", "him", "her"}
PRONOUNS = PERSONAL | {"i", "we", "you", "they", "them", "it", "this", "that", "these", "those", "one", "us"}
RELATIVE = {"who", "whom", "which", "that", "whose"}
NAME_TAGS = {"NNP", "NNPS"}
# A sign-off line under a block quote: "— @handle", "— Name via Truth Social", "-- Name, on X".
SIGN_OFF = re.compile(r"^\s*(?:[—–―]|--?)\s*(?P<who>@\w+|[A-Z][^\n]{0,80}?)"
                      r"(?:,?\s+(?:via|on|in)\s+(?P<via>[^\n]+?))?\s*$")
FUNCTION_WORDS = {"a", "an", "the", "as", "of", "for", "to", "in", "on", "his", "her", "their", "its", "this",
                  "that", "what", "so-called", "called", "dubbed", "about", "into", "our", "my", "your"}
# Offices that end the name of a post and never a person's: "Police Public Relations Officer".
# Little words inside a body's name: "Department of Health", "Fund for Peace", "Committee on Foreign Affairs".
BODY_JOINS = ("of", "for", "on")
OFFICES = frozenset("""officer minister secretary spokesman spokeswoman spokesperson director manager president
chairman chairwoman chairperson commissioner executive official adviser advisor coordinator superintendent
administrator registrar""".split())
# Little words that stand capitalized in titles of works and never in a person's name.
TITLE_WORDS = frozenset("a an the about of to in on with for and or but my your our their is are was be it".split())
# Businesses an article names and then calls "the company".
BUSINESSES = frozenset("company firm airline carrier insurer lender retailer automaker carmaker startup manufacturer "
                       "giant operator brand chain developer publisher studio label".split())
# Bodies "the district", "the council" refers to by the word in their names.
BODY_NOUNS = BUSINESSES | frozenset("district council ministry department agency club union bank university hospital "
                                    "school board commission authority committee party charity foundation".split())
COUPLES = frozenset(("couple", "pair", "duo"))  # two people named together, referred to as one
# Places that act as bodies: "the emirate of Dubai said", "the city of Toronto announced".
POLITIES = frozenset("city town village county state province region emirate kingdom republic country nation "
                     "municipality island territory".split())
# Words that make a name a public body's, which is no "company".
PUBLIC_BODIES = frozenset("department ministry police council court agency commission government office service "
                          "authority fire".split())
# Words of the offices of people who speak for others: whom "the spokesman" may be.
SPEAKS_FOR = ("spokes", "officer", "official", "relations", "press", "communications", "media", "adviser", "advisor")
# Verbs that name what their object is: the quote after the object is the name given.
NAMING = inflections("call brand label dub term describe".split())
# Nouns of an act of speech: their owner is who a quote they hold belongs to.
SPEECH_NOUNS = frozenset("""call calls words remarks comment comments question questions warning warnings promise pledge
vow claim claims description plea appeal demand demands speech keynote message address assurance admission
answer reply response quip""".split())
OWNER_DEPTH = 5  # how far up from a quote its speech noun may stand
ACRONYM_REACH = 120  # characters from an office's "(ACRONYM)" to its holder's name
ECHO_WORDS = 3  # fewest words of a quote outside a heading that are taken as echoing another one
LABEL_WORDS = 12  # longest "Name, role:" label before a quote
ROLE_LABEL_WORDS = 6  # longest "role Name:" label before a quote
TERM_WORDS = 4  # a passage this short that nobody's verb governs is a label, not someone's words
# A verb of stance governs a quote only this close: "rejected it as a 'ruse'", not "support for a war against '...'";
# a verb of saying, through fewer than two prepositions.
STANCE_DEPTH = 2
LABEL_LINE_WORDS = 12  # longest line naming the speaker of the quote under it in a round-up
SAID_DEPS = frozenset(("ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "acomp", "dative"))  # a verb's content


@dataclass
class Speaker:
    """Who a passage belongs to: as the article words it and as resolved within the article."""

    mention: str
    name: str | None
    role: str | None = None
    person: bool = True  # False for a group or body ("officials", "the Kremlin"): never what "he" or "she" is


@dataclass
class Found:
    """A claim before names are made canonical across articles."""

    start: int
    end: int
    kind: str
    speaker: Speaker | None
    said_on: date | None
    medium: str | None
    sentence_start: int
    sentence_end: int
    continues: bool = False


@dataclass
class Mention:
    """A proper name in the article text, with the title before it."""

    start: int
    end: int
    name: str
    role: str | None
    person: bool
    subject: bool
    head: int  # index of the token the parse hangs the name's phrase from
    common: bool = False  # a capitalized common noun opening a sentence ("Sources"): a name only if known


GOES_ON = frozenset(("continued", "continues", "added", "adds"))  # lead-in cues carrying an utterance on
ASKING = inflections(["ask", "question", "press", "quiz", "challenge"])
QUOTING = inflections(["quote", "cite"])
# What may come right before a quote in its paragraph for the quote to open it.
OPENERS = "\"“`'‘«"  # marks that open a quote
OPENING_MARKS = ("", "\"", "“", "``", "«", "'", "‘", "‘‘")


@dataclass
class Attribution:
    """The speaker of a quote with the context that dates and places it."""

    speaker: Speaker | None
    context: str = ""
    cue: Token | None = None
    said_on: date | None = None
    medium: str | None = None
    inherited: bool = False
    floats: bool = False  # taken from the quote before: the same utterance goes on


@dataclass
class Analysis:
    """All claims found in one article and the full person names it uses."""

    found: list[Found] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    failure: str | None = None  # why the analysis failed, when it did


def _hyphen(tok: Token) -> bool:
    """A hyphen, however the tagger took it ("al-Nahayan" after a curly quote gets its hyphen tagged NNP)."""
    return tok.tag_ == "HYPH" or tok.text in ("-", "‑")


def analyze(doc: Doc, published: date | None, *, story_day: date | None = None) -> Analysis:
    """Find every quoted and reported passage in a parsed article (parsed from noise-masked text, so its dateline,
    `story_day`, is read from the text before)."""
    return _Article(doc, published, story_day).run()


def headings(text: str) -> list[tuple[int, int]]:
    """Lines that are headings: no closing punctuation and mostly capitalized words ("Russia's Response"); a line
    ending in a comma leads into the next ("East Antrim MP Sammy Wilson said,")."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
        if line and line[-1] not in ".!?:,\"”'…)" and words and (
                sum(w[0].isupper() for w in words) >= 0.6 * len(words)):
            out.append((m.start(), m.end()))
    return out


class _Article:
    """The per-article state: quotes, names and what was attributed so far."""

    def __init__(self, doc: Doc, published: date | None, story_day: date | None) -> None:
        self.doc, self.text = doc, doc.text
        self.quotes = find_quotes(self.text)
        self.top = [q for q in self.quotes if not q.nested]
        # Characters that are nobody's attribution: quoted words with their marks, and headings.
        self.in_quote = bytearray(len(self.text))
        self.headings = headings(self.text)
        for a, b in [(max(0, q.start - 1), q.end + 1) for q in self.top] + self.headings:
            self.in_quote[a:b] = b"\x01" * (min(b, len(self.text)) - a)
        self.published = published
        self.dateline = story_day
        self.mentions = self._mentions()
        self.full = self._full_names()
        self.resolved: dict[str, str] = {}
        self.namesakes: dict[str, dict[str, str]] = {}
        self.spoken: list[tuple[int, str]] = []  # (position, name) of speakers attributed so far
        self.used_cues: set[int] = set()
        self.pronouns: dict[int, str | None] = {}  # token index of a subject pronoun: whom it refers to

    def run(self) -> Analysis:
        """Attribute every quote in order, then report the remaining reporting verbs as indirect claims."""
        found: list[Found] = []
        previous: tuple[Quote, Attribution] | None = None
        tops: list[Found] = []
        for q in self.top:
            att = self._attribute(q, previous)
            tops.append(self._claim(q, att))
            found.append(tops[-1])
            for inner in (n for n in self.quotes if n.nested and q.start <= n.start < q.end):
                found.append(Found(inner.start, inner.end, "term", att.speaker, att.said_on, att.medium,
                                   *self._sentence_bounds(q)))
            if tops[-1].kind == "term":
                continue  # a label is nobody's words: no quote after it goes on from it
            if att.speaker and att.speaker.name and att.speaker.person:
                self.spoken.append((q.start, att.speaker.name))
            previous = (q, att)
        self._carry_back(tops)
        self._headline_offices(tops)
        self._echoes(tops)
        found.extend(self._indirect())
        names = [m.name for m in self.full] + [f.speaker.name for f in found if f.speaker and f.speaker.name
                                               and f.speaker.name.startswith("@")]
        return Analysis(sorted(found, key=lambda f: (f.start, f.end)), names)

    def _carry_back(self, tops: list[Found]) -> None:
        """A quote over several paragraphs attributed only at its end: its earlier paragraphs are the speaker's too."""
        for k in range(len(self.top) - 2, -1, -1):
            here, after = tops[k], tops[k + 1]
            if not self.top[k].closed and self.top[k + 1].continues and here.speaker is None and after.speaker:
                here.speaker, here.continues = after.speaker, True
                here.said_on, here.medium = here.said_on or after.said_on, here.medium or after.medium

    def _headline_offices(self, tops: list[Found]) -> None:
        """A headline or opening sentence names its speakers by office ("Malawi President appeals for 'cease fire'"):
        the body names the holder later, with that office ("President Peter Mutharika")."""
        first_line = self.text.find("\n")
        for f in tops:
            if f.speaker is not None and f.speaker.name and not f.speaker.person and 0 <= f.start < first_line:
                holder = self._office_holder_below(f.speaker.name)
                if holder is not None:
                    f.speaker = Speaker(f.speaker.mention, holder, self._role_of(holder))

    def _headline_end(self) -> int:
        """Where the article's headline ends: 0 when the article opens with a sentence of its body."""
        line = self.text.find("\n")
        return 0 if line < 0 or self.text[:line].rstrip(" \"”’'»")[-1:] in ".!?" else line

    def _office_holder_below(self, office: str) -> str | None:
        """The first person the body names with the office a headline gives: "Malawi President" is "President
        Peter Mutharika", "its chief executive" is "QEH chief executive Caroline Shaw"."""
        last = re.sub(r"['’]s?$", "", office.split()[-1]) if office.split() else ""
        head = last.lower()
        if not (is_title(head) or is_person_noun(head)):
            return None
        first_line = self.text.find("\n")

        def holds(role: str) -> bool:  # "PM" is the "Prime Minister"
            initials = "".join(w[0] for w in re.findall(r"\b[A-Z]\w*", role))
            return bool(re.search(rf"\b{re.escape(head)}\b", role.lower())) or last.isupper() and last in initials
        found = next((m for m in self.mentions if m.person and m.start > first_line >= 0 and m.role and holds(m.role)),
                     None)
        return self.resolve_name(found.name) if found is not None else None

    def _headline(self, q: Quote) -> Attribution | None:
        """Whom a headline's quote belongs to, its parse aside (headlines are telegraphic): the person named nearest
        before it ("Albanese claims Labor can 'certainly win'"), else an office or name right after it ("'Barbaric
        attack on innocents', says PM"), or the office opening the line ("Judge criticises ... 'absolute disgrace'"):
        a person, or an office whose holder the body names."""
        line = self._headline_end()
        if q.start >= line:
            return None
        # a headline's capitals make names of any word: only a person the body names in full
        body = {name for m in self.mentions if m.person and m.start > line
                and " " in (name := self.resolve_name(m.name))}
        headline = self.doc.char_span(0, line, alignment_mode="contract") or []
        subject = next((t for t in headline if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        # the one the headline is about: its subject, a "Name:" label, or a name the quote follows at once
        named = [m for m in self.mentions if m.person and m.end <= q.start and self.resolve_name(m.name) in body and (
            self.doc[m.head] == subject or re.match(r"\s*(?::|[\"“‘'«]*$)", self.text[m.end:q.start]))]
        label = re.match(r"[\"”’'»]*\s*[,:–—-]?\s*(?:says|said)?\s*(.{2,40}?)\s*$", self.text[q.end:line])
        if named:
            name = self.resolve_name(named[-1].name)
        elif label and not any(c in label.group(1) for c in "\"“”‘’'"):
            people = [m for m in self.mentions if m.person and q.end <= m.start < line
                      and self.resolve_name(m.name) in body]
            name = self.resolve_name(people[0].name) if people else self._office_holder_below(label.group(1))
        else:
            name = self._office_holder_below(subject.text) if subject is not None else None
        return Attribution(Speaker(name, name, self._role_of(name)), self.text[:line]) if name else None

    def _echoes(self, tops: list[Found]) -> None:
        """A quote nobody is named for whose words recur in someone's quote is theirs: a headline or summary that
        repeats what the article quotes later ("'Bonehead questions are not cool': Musk ...")."""
        said = [(f" {fold(self.text[f.start:f.end])} ", f) for f in tops if f.speaker is not None]
        for f in tops:
            words = fold(self.text[f.start:f.end])
            heading = self.text.rfind("\n", 0, f.start) < 0 or any(a <= f.start < b for a, b in self.headings)
            if f.speaker is not None or not words or len(words.split()) < ECHO_WORDS and not heading:
                continue
            source = next((g for key, g in said if g is not f and f" {words} " in key), None)
            if source is not None:
                f.speaker, f.kind = source.speaker, "fragment" if f.kind == "term" else f.kind

    # --- names -------------------------------------------------------------------------------------

    def _mentions(self) -> list[Mention]:
        """Runs of capitalized name words outside quotes, titles split off into the role."""
        out: list[Mention] = []
        run: list[Token] = []
        for tok in [*self.doc, None]:
            # A name never runs over a sentence's end, nor past a state or place: "said Sen. John McCain,
            # R-Ariz. McCain is one of ..." (but "Mohd. Raisul Islam Khan" is one name).
            ended = run and (tok is not None and tok.is_sent_start or run[-1].text.endswith(".") and (
                is_state_abbreviation(run[-1].text) or is_place(run[-1].text)))
            # "State Department for Agriculture Dr. Paul Ronoh": an honorific after a body starts a person's name
            ended = ended or run and tok is not None and tok.lower_ in HONORIFICS and any(
                t.lower_ in NOT_PERSON for t in run)
            # "In a post to Facebook Skerrit said": a platform's or outlet's name ends before a person's
            ended = ended or run and tok is not None and tok.lower_ not in NOT_PERSON and is_outlet(self._span(run)) \
                and not is_outlet(self._span([*run, tok]))
            joined = run and tok is not None and (
                self._joins_name(tok, run[-1]) or _hyphen(run[-1]) and tok.is_alpha)
            if tok is not None and not ended and (self._name_word(tok) or joined):
                run.append(tok)
                continue
            for part in self._split_body(run):
                mention = self._mention(part)
                if mention:
                    out.append(mention)
            run = [tok] if tok is not None and self._name_word(tok) else []
        fulls = {m.name for m in out if m.person and len(m.name.split()) >= 2}
        surnames = {surname(name) for name in fulls}
        # a surname given alone is the person's, however spelt ("Zelenskyy" of "Volodymyr Zelensky"), but a body's
        # letters ("INAH") are no surname
        for m in out:
            m.person = m.person or not m.name.isupper() and (surname(m.name) in surnames or " " not in m.name and any(
                same_person(m.name, full) for full in fulls))
        return [m for m in out if m.person or not m.common]

    @staticmethod
    def _split_body(run: list[Token]) -> list[list[Token]]:
        """A body's name, then an office in it and the name of who holds it, as two runs: "Kenya National Union of
        Nurses Secretary General Seth Panyako" is the union and "Secretary General Seth Panyako"."""
        titles = [k for k, t in enumerate(run) if is_title(t.text)]
        last = titles[-1] if titles else -1
        tail = run[last + 1:]
        if last < 1 or len(tail) < 2 or any(t.lower_ in NOT_PERSON or t.lower_ in BODY_JOINS for t in tail):
            return [run] if run else []
        start = last
        while start > 0 and is_title(run[start - 1].text):
            start -= 1
        body = run[:start]
        if not any(t.lower_ in NOT_PERSON for t in body):
            return [run]
        return [body, run[start:]]

    def _full_names(self) -> list[Mention]:
        """Mentions of people by two or more words. A headline's capitals join words to a name ("Defeated Zia
        rejects ..."): a name in the headline gives way to one the body spells with the same surname; so does a
        nationality before a surname ("Australian Palfrey") to a full name."""
        full = [m for m in self.mentions if m.person and len(m.name.split()) >= 2]
        first = self.text.find("\n")
        headline = first if first > 0 and self.text[:first].rstrip()[-1:] not in ".!?:\"”'’" else 0
        body = {surname(m.name) for m in full if m.start >= headline}
        named = {surname(m.name) for m in full if not is_demonym(m.name.split()[0])}
        return [m for m in full if (m.start >= headline or surname(m.name) not in body)
                and not (is_demonym(m.name.split()[0]) and surname(m.name) in named)]

    def _joins_name(self, tok: Token, last: Token) -> bool:
        """A hyphen inside a name ("Frank-Walter") or "of" inside a body's ("Department of Health")."""
        after = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        if after is None:
            return False
        if _hyphen(tok):  # "Fu-chun" goes on in lowercase
            return not last.whitespace_ and not tok.whitespace_ and after.is_alpha
        if tok.text in PARTICLES:  # "Abdulaziz bin Salman", "Ursula von der Leyen", "Abdul Rahman al-Saleh"
            hyphened = _hyphen(after) and tok.i + 2 < len(self.doc) and self._name_word(self.doc[tok.i + 2])
            return self._name_word(after) or after.text in PARTICLES or hyphened
        return tok.lower_ in BODY_JOINS and last.lower_ in NOT_PERSON and self._name_word(after)

    def _owns_nothing(self, tok: Token) -> bool:
        """True for a name whose "'s" is followed by a verb: "Macy's said" names a business, not what it owns."""
        return tok.i + 2 < len(self.doc) and self.doc[tok.i + 1].tag_ == "POS" \
            and self.doc[tok.i + 2].tag_ in ("VBD", "VBZ", "VBP", "MD")

    def _holds_title(self, head: Token) -> bool:
        """True for a name inside a subject title's phrase: "Ambassador to the UN Sergio Danese said", parsed
        with the title as the subject."""
        tok = head
        while tok.dep_ in ("pobj", "prep", "compound", "appos", "nmod", "npadvmod") and tok.head is not tok:
            tok = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and is_title(tok.text) and tok.i < head.i:
                return True
        return False

    def _name_word(self, tok: Token) -> bool:
        """A capitalized noun (or initial) outside quotes that can be part of a name."""
        if self.in_quote[tok.idx] or not tok.text[:1].isupper():
            return False
        if tok.tag_ in NAME_TAGS or INITIAL.match(tok.text):
            return True
        if tok.tag_ == "RB" and tok.text.endswith("ly"):  # "Conneely said", tagged as an adverb like "nearly"
            after = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            return not tok.is_sent_start or after is not None and cue_of(after) == 2
        return tok.tag_ in ("NN", "NNS")  # the tagger takes some rare surnames for nouns

    def _mention(self, run: list[Token]) -> Mention | None:
        """A name mention from a run of name words, or None when only a title is left."""
        words = [t for t in run if t.tag_ != "POS" and t.text not in ("'s", "’s")]
        # "Russia's Foreign Ministry", "Department of Health" are bodies: their title words stay
        body = words[-1].lower_ in NOT_PERSON or any(t.lower_ in BODY_JOINS for t in words)
        # Title words come before the name, which keeps its last word: "Author Stephen King", "Prince Harry".
        # so are those of several people before theirs: "Actors Tom Hale and Ana Ruiz"
        cut = 0 if body else max((k + 1 for k, t in enumerate(words[:-1])
                                  if is_title(t.text) or is_title(t.text.removesuffix("s"))), default=0)
        while not body and cut < len(words) - 2 and words[cut].text.isupper() and len(words[cut]) > 1:
            cut += 1  # "ODM MCA Mary Arivisa": a party's or an office's letters before a name are no part of it
        while not body and 0 < cut < len(words) - 2 and words[cut].lower_ in NOT_PERSON:
            cut += 1  # "SSP City Amjad Hayat": the district after an office's letters is the office's
        # "Straight-talking Australian Dylan Alcott", "Cameroon-born Ngannou": words describing the person
        while not body and cut + 3 < len(words) and _hyphen(words[cut + 1]) and words[cut + 2].text.islower():
            cut += 3
        while not body and cut < len(words) - 2 and is_demonym(words[cut].text) \
                and not INITIAL.match(words[cut + 1].text):  # but "Malin L. Pinsky"
            cut += 1
        of = run[0].i - 1 - (run[0].i > 1 and self.doc[run[0].i - 1].lower_ == "the")  # "Leader of the Opposition"
        while of > 1 and self.doc[of].lower_ == "and" and self.doc[of - 1].lower_ in FIELDS:
            of -= 2  # "Minister for Sport and Recreation Grant Robertson": fields joined by "and"
        after_of = of >= 0 and self.doc[of].lower_ in ("of", "for")
        office_of = after_of and of > 0 and is_title(self.doc[of - 1].text)
        while after_of and not body and cut < len(words) - 2 and (is_place(words[cut].text) or office_of and (
                words[cut].lower_ in NOT_PERSON or words[cut].lower_ in FIELDS or is_title(words[cut].text))):
            cut += 1  # "Prime Minister of Barbados Mia Mottley", "Superintendent of Police Ravi Syiem": the title's
        name_toks = run if body else words[cut:]
        honored = not body and cut > 0 and words[cut - 1].lower_ in HONORIFICS
        while len(name_toks) > 1 and name_toks[-1].text in CALENDAR and (
                name_toks[-1].text in WEEKDAYS or self.doc[name_toks[-1].i + 1: name_toks[-1].i + 2].text.isdigit()):
            name_toks = name_toks[:-1]  # "Craig Brown Monday said", "Ann Lee May 3": the date is no part of the name
        if not name_toks or (body and name_toks[0].tag_ == "POS"):
            return None
        head = name_toks[-1]
        firm = self._owns_nothing(head)
        name = self._span([*name_toks, self.doc[head.i + 1]] if firm else name_toks)
        left = min(head.left_edge.i, run[0].i - 2 if office_of else run[0].i)
        role_toks = [] if body else self._role_words(list(self.doc[left: name_toks[0].i]))
        role = self._span(role_toks) if any(is_title(t.text) for t in role_toks) else None
        role = self._appositive_role(head, name_toks[0]) or role
        titled = cut > 0 or role is not None
        # "Minister of National Security": a word or two after an office's "of" is its field, not its holder
        field = office_of and cut == 0 and len(name_toks) <= 2
        # "One of his neighbours, Manueli Naqica, also had a story": the apposition is the subject too; so is the
        # one who said a passive's words: "a sentiment echoed by coach Milovan Rajevac", and a name right before its
        # verb the parse took for a modifier: "Cllr. Darren Scully said", or for part of another phrase: "regional head
        # of the police unit Sarwar Alam told AFP"
        after = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        subject = head.dep_ in ("nsubj", "nsubjpass") or head.dep_ in ("poss", "appos") and head.head.dep_ == "nsubj" \
            or head.dep_ == "pobj" and head.head.dep_ == "agent" and bool(cue_of(head.head.head)) \
            or self._holds_title(head) \
            or head.dep_ in ("advmod", "npadvmod") and head.head.pos_ == "VERB" and head.head.i == head.i + 1 \
            or after is not None and after.pos_ == "VERB" and cue_of(after) == 2 and not self.in_quote[after.idx]
        single = (len(name.split()) == 1 and head.tag_ == "NNP" and not is_place(name) and not name.isupper()
                  # "Ward 2 Coun. Debbie McMechan": a word numbered is a district, a route or a division
                  and not (head.i + 1 < len(self.doc) and self.doc[head.i + 1].like_num)
                  # "a Democrat" is a label, and "no Conservative" nobody
                  and not (head.i and self.doc[head.i - 1].lower_ in ("a", "an", "no", "any", "every", "each"))
                  and not ("the" in (head.left_edge.lower_, self.doc[head.i - 1].lower_) and is_person_noun(name))
                  # "Gastroenterologist and ... said" (but "Usher", "Brian" and "Baker" are names too)
                  and not (head.is_sent_start and (name.lower().endswith("ist") or is_title(name))))
        # "The Minister", "US Ambassador", "German Minister": a person only if a surname too
        bare_title = is_title(name_toks[-1].text) and all(
            is_title(t.text) or t.text.isupper() or is_place(t.text) or is_demonym(t.text) for t in name_toks)
        office = name_toks[-1].lower_ in OFFICES  # "Public Relations Officer": a post, whoever holds it
        # "the Black Stars", "the Tokyo Games": a name takes no article (a title before it aside)
        team = cut == 0 and len(name_toks) > 1 and name_toks[0].i > 0 and self.doc[name_toks[0].i - 1].lower_ == "the"
        capitals = sum(c.isupper() for c in name)  # "the PPRO", "DIG", "BoM": an office or a body, not a person
        acronym = len(name_toks) == 1 and capitals >= 2 and 2 * capitals >= len(name)
        # "About Damn Time", "Jump In The Line": a title's little words are in no one's name
        titled_work = any(t.lower_ in TITLE_WORDS and not _hyphen(self.doc[t.i - 1]) for t in name_toks)  # "Jae-in"
        # "a longtime Medtronic CEO": a name ends with a surname, and no surname is written in capitals like a title
        title_last = len(name_toks) > 1 and is_title(head.text) and head.text.isupper()
        cited = run[0].i > 0 and self.doc[run[0].i - 1].lower_ == "per"  # "..., per Soompi": a source cited
        return Mention(name_toks[0].idx, head.idx + len(head), name, role,
                       not bare_title and not office and not team and not acronym and not titled_work and not field
                       and not title_last and not cited
                       and not is_outlet(name)
                       and not body and not firm
                       # "Jackson, Miss." is a place, but "Mrs May" a person
                       and not (is_place(name) and not honored) and not is_state_abbreviation(name)
                       and (titled and len(name_toks) <= 4 or looks_like_person(name) or single),
                       subject, head.i,
                       common=name_toks[0].is_sent_start and name_toks[0].tag_ not in NAME_TAGS)

    def _appositive_role(self, head: Token, first: Token) -> str | None:
        """The office a name stands in apposition to: "The Minister of State for Education, Prof. X, said"."""
        office = head.head
        if head.dep_ != "appos" or office.i >= first.i or not is_title(office.text) or office.tag_ in NAME_TAGS \
                and office.i + 1 == first.i:
            return None
        toks = [t for t in self.doc[office.left_edge.i: first.i] if t.dep_ != "det"]
        while toks and (toks[-1].is_punct or toks[-1].lower_ in HONORIFICS or is_title(toks[-1].text)
                        and toks[-1].text.endswith(".")):
            toks.pop()  # the comma and any "Prof." or "Dr" standing with the name
        return self._span(toks) or None

    def _span(self, toks: list[Token]) -> str:
        """The article's own characters for these tokens: runs of adjacent tokens as written, gaps as a space."""
        out, prev = "", None
        for t in sorted(toks, key=lambda t: t.i):
            out += ("" if prev is None else prev.whitespace_ if t.i == prev.i + 1 else " ") + t.text
            prev = t
        return out.strip()

    @staticmethod
    def _role_words(toks: list[Token]) -> list[Token]:
        """The title words before a name: after the last conjunction or comma, without honorifics or articles."""
        start = max((k + 1 for k, t in enumerate(toks) if t.dep_ == "cc" or t.text in (",", ";", "and")), default=0)
        toks = [t for t in toks[start:] if t.dep_ != "det"]
        while toks and (toks[-1].lower_ in HONORIFICS or toks[-1].is_punct):
            toks.pop()
        while toks and (toks[0].lower_ in HONORIFICS - {"then"} or toks[0].is_punct):
            toks.pop(0)
        return toks

    def resolve_name(self, name: str, at: int | None = None) -> str:
        """The earliest, longest full name in the article this name refers to (Citron's rule); but a surname
        several people share, given alone at `at`, is the one of them named last before it as a subject ("Daniel
        Richardson said ... Ross Richardson, the owner, recalled ... Richardson said"), not in passing ("said Paul,
        son of Ron Paul")."""
        if name not in self.resolved:  # asked again and again for each mention that may be referred back to
            self.resolved[name] = self._resolve(name)
        if at is not None and " " not in name:
            longest = self._namesakes(name)
            if len(set(longest.values())) > 1:
                # the surname's last subject before, itself resolved where it stands, else the last full name before
                sharing = [m for m in self.mentions if m.person and m.start < at and same_person(name, m.name)]
                subjects = [m for m in sharing if m.subject]
                if subjects:
                    last = self.resolve_name(subjects[-1].name, subjects[-1].start)
                    return longest.get(last, last)
                full = [m for m in sharing if " " in m.name]
                return longest.get(full[-1].name, full[-1].name) if full else self.resolved[name]
        return self.resolved[name]

    def _namesakes(self, name: str) -> dict[str, str]:
        """The full names a single name may stand for, each with the longest it is the end of: "Lou McDonald" (after
        "MARY" in capitals) is "Mary Lou McDonald"."""
        if name not in self.namesakes:
            fulls = {m.name for m in self.full if same_person(name, m.name)}
            self.namesakes[name] = {n: max((o for o in fulls if o == n or o.endswith(" " + n)), key=len)
                                    for n in fulls}
        return self.namesakes[name]

    def _resolve(self, name: str) -> str:
        """resolve_name, worked out."""
        if name.startswith("@"):
            match = [m.name for m in self.full if matches_handle(name, m.name)]
            return match[0] if match else name
        match = [m.name for m in self.full if same_person(name, m.name) and len(m.name) >= len(name)]
        if not match and " " not in name:  # a surname written first: "Tsang" of "Tsang Chin-wah"
            match = list({m.name for m in self.full if name in m.name.split()[:-1]})
            match = match if len(match) == 1 else []
        first, _, rest = name.partition(" ")
        if not match and rest and is_demonym(first):  # "Australian Palfrey" is "Michael Palfrey"
            return self._resolve(rest)
        return max(match, key=len) if match else name

    def _role_of(self, name: str) -> str | None:
        """The first title the article gives a person."""
        return next((m.role for m in self.mentions if m.role and m.name == name), None)

    # --- speakers ----------------------------------------------------------------------------------

    def speakers(self, verb: Token) -> list[Speaker]:
        """The speakers of a reporting verb: its subject (or agent, or inherited subject) and conjuncts."""
        subject = self._subject(verb)
        if subject is None:
            return self._named_after(verb)
        named = [c for c in subject.children if c.dep_ == "appos" and self._person_at(c)]
        # "Corresponding author of the study, Thomas Martin, added": the person, not the description; "Citing
        # playwright William Shakespeare, Dr Ng said", parsed with Ng in apposition: the person right before the verb
        head = [] if named and (not self._person_at(subject) or named[-1].i == verb.i - 1) else [subject]
        group = [*head, *[c for c in subject.children if c.dep_ == "conj" or c in named]]
        group += [g for c in group if c is not subject for g in c.children if g.dep_ == "conj"]
        group = [t for t in group if t is subject or not self.in_quote[t.idx]]  # never a quoted word
        found = [s for s in (self._speaker(t) for t in group) if s is not None]
        if head and (subject.tag_ == "NN" or subject.tag_ == "NNP" and subject.is_sent_start) and found \
                and not found[0].person and any(s.person for s in found[1:]):
            # "said NIWA marine biologist and voyage co-leader Sadie Mills", "Gastroenterologist and former board member
            # Dr Richard Stein said": one person, titled
            found = found[1:]
        if subject.i > verb.i and not any(s.person for s in found):
            # `says Business for a Fair Minimum Wage founder Holly Sklar`: the name ending the phrase after the verb
            end = subject.right_edge.idx + len(subject.right_edge)
            named = [m for m in self.mentions if m.person and subject.left_edge.idx <= m.start and m.end == end
                     and m.role is not None]
            if named:
                name = self.resolve_name(named[-1].name, named[-1].start)
                found = [Speaker(self._span(list(subject.subtree)), name, named[-1].role or self._role_of(name))]
        # "COO and CFO Blake Jorgensen said": a title alone names nobody
        return [s for s in found if not (s.name and all(is_title(w) for w in s.name.split()))]

    def _named_after(self, verb: Token) -> list[Speaker]:
        """The person named right after a verb of saying the parse left without a subject: `"...," said Sen. X`,
        `"...," declared an angry Cllr Pete Roche`, `Added another neighbor Jo Kim, "..."`."""
        if cue_of(verb) != 2:
            return []
        end = verb.idx + len(verb)
        after = next((m for m in self.mentions if m.start >= end), None)
        between = self.doc.char_span(end, after.start, alignment_mode="expand") if after is not None else None
        if after is None or not after.person or between is None or not all(  # only a title, "a", "an angry"
                is_title(t.text) or t.tag_ in ("DT", "JJ", "NN") for t in between):
            return []
        name = self.resolve_name(after.name, after.start)
        return [Speaker(self.text[end:after.end].strip(), name, after.role or self._role_of(name))]

    def _person_at(self, tok: Token) -> bool:
        """True when a token is the last word of a person's name ("..., Emmanuel Macron, and ...")."""
        return any(m.person and m.end == tok.idx + len(tok) for m in self.mentions)

    def _subject(self, verb: Token, depth: int = 0, *, raised: bool = False) -> Token | None:
        """The token naming who performs a verb, climbing through conjoined, controlled and participle verbs.

        `raised`: the verb's infinitive is being asked about, so a passive subject performs it ("Aitchison was heard
        to say").
        """
        kids = list(verb.children)
        agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        outside = [c for c in subjects if not self.in_quote[c.idx]]
        # "Manchester City manager, Pep Guardiola admitted", parsed with two subjects: the one naming a person
        subj = next((c for c in outside if self._person_at(c)), outside[0] if outside else
                    subjects[0] if subjects else None)
        if subj is not None and self.in_quote[subj.idx]:
            # the parse took a quoted word for the subject: `'Boston Strong,'" he said.` — the word before the verb,
            # or the person it set in apposition: `"My congratulations," Helal Uddin Ahmed, secretary of ..., said`
            before = self.doc[verb.i - 1] if verb.i else None
            named = next((c for c in subj.children if c.dep_ == "appos" and not self.in_quote[c.idx]
                          and self._person_at(c)), None)
            subj = named or (before if before is not None and not self.in_quote[before.idx] and before.pos_ in (
                "PRON", "PROPN", "NOUN") else None)
        if subj is None:  # `villager Han Jianying, searching for his family, told Reuters`, parsed as "Han searching";
            # "Miguel Díaz-Canel, president of Cuba, also present at the event, responded", as "Díaz-Canel present"
            subj = next((g for c in kids if c.i < verb.i and (c.tag_ == "VBG" or c.dep_ == "advcl")
                         for g in c.children if g.dep_ == "nsubj" and g.i < c.i and self._person_at(g)), None) \
                or self._set_off_before(verb)
        # "Arriving at the meeting, Minister Jo Smith said", parsed as "Arriving said"; "In a post to Facebook
        # Skerrit said", parsed with no subject: the name just before the verb
        if (subj is None or subj.tag_ in ("VBG", "VBN") or self._office_of_body(subj, verb)) and verb.i \
                and self._person_at(self.doc[verb.i - 1]) and self.doc[verb.i - 1].dep_ not in ("nsubj", "nsubjpass"):
            return self.doc[verb.i - 1]
        if subj is not None and any(c.dep_ == "det" for c in subj.children):
            subj = self._set_off_name(subj, verb) or subj
        if subj is not None:
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":  # the noun the relative pronoun follows
                before = self.doc[subj.i - 1] if subj.i else verb.head
                return before if before.pos_ in ("NOUN", "PROPN") else verb.head
            if subj.dep_ == "nsubjpass" and not raised:
                return None
            return self._office_holder(subj) or subj
        if depth > 4 or verb.dep_ == "ROOT":
            return None
        if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head  # "X, a commenter, framed ... and urged ...", parsed with the name as the root
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lower_ == verb.lower_ \
                and not cue_of(verb.head):  # "X said he was pleased Evers signed it and said, ...": X again
            return self._subject(verb.head.head, depth + 1)
        if verb.dep_ in ("xcomp", "conj"):
            return self._subject(verb.head, depth + 1, raised=verb.dep_ == "xcomp")
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            if verb.head.lower_ in DOCUMENTS:  # "released a statement saying ...": the statement, for its author
                return verb.head
            # "Swadling was the sole vote against the budget, saying ...": the one the noun is said of
            return self._subject(verb.head.head, depth + 1) if verb.head.dep_ == "attr" else None
        for up in verb.ancestors:  # a participle ("..., saying") belongs to the clause it hangs from
            if up.lower_ in QUOTING:  # "Bloomberg quotes Brian Yarbrough as saying": the one quoted speaks
                # "Masisi was quoted as saying": the passive's subject is the one quoted
                return next((c for c in up.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if up.pos_ in ("VERB", "AUX") and (cue_of(up) or up.dep_ == "ROOT"):
                return self._subject(up, depth + 1)
        return None

    def _set_off_before(self, verb: Token) -> Token | None:
        """A name just before a verb but for a participle set off by commas: "while Sabonis, playing it safe,
        replies"."""
        if verb.i < 3 or self.doc[verb.i - 1].text != ",":
            return None
        opening = next((t for t in reversed(self.doc[max(verb.i - 9, 0): verb.i - 1]) if t.text == ","), None)
        if opening is None or opening.i < 1 or self.doc[opening.i + 1].tag_ not in ("VBG", "VBN"):
            return None
        name = self.doc[opening.i - 1]
        return name if self._person_at(name) else None

    def _office_holder(self, subj: Token) -> Token | None:
        """The person an office's "of" phrase ends with: "Leader of the Opposition Simon Bridges said", parsed with
        the office as the subject and the name hanging from its "of"."""
        if not is_title(subj.text) or self._person_at(subj):
            return None
        return next((g for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                     for g in c.children if g.dep_ == "pobj" and self._person_at(g)), None)

    def _set_off_name(self, subj: Token, verb: Token) -> Token | None:
        """The full name set off by commas just before the verb, after a described subject: "The senior Mountie who
        led the news conferences, Chief Supt. Chris Leather, said" (parsed with the name hanging elsewhere)."""
        if verb.i < 3 or self.doc[verb.i - 1].text != ",":
            return None
        last = self.doc[verb.i - 2]
        name = next((m for m in self.mentions if m.person and " " in m.name and m.end == last.idx + len(last)), None)
        span = None if name is None else self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if not span:
            return None
        before = span[0].i - 1
        while before > subj.i and is_title(self.doc[before].text):
            before -= 1  # "Chief Supt."
        return last if before > subj.i and self.doc[before].text == "," else None

    def _office_of_body(self, subj: Token, verb: Token) -> bool:
        """True when a body's name parsed as the subject leads up to an office and its holder just before the verb:
        "Ohio Department of Labor and Economic Growth Commissioner Mia Torvik said"."""
        body = next((m for m in self.mentions if m.start <= subj.idx < m.end and not m.person), None)
        holder = next((m for m in self.mentions if m.person and m.role and m.end == self.doc[verb.i - 1].idx
                       + len(self.doc[verb.i - 1])), None) if verb.i else None
        return body is not None and holder is not None and body.end <= holder.start and subj.i < verb.i

    def _speaker(self, tok: Token) -> Speaker | None:
        """The speaker a subject token names, pronouns and role nouns resolved to a name; None for 'it'."""
        low = tok.lower_
        if low in PERSONAL:
            return Speaker(tok.text, self._antecedent(tok.idx, tok.sent, besides=self._clause_subject(tok),
                                                      as_subject=tok.dep_ == "nsubj"))
        if low == "they" or low in COUPLES and tok.tag_ == "NN" and any(c.lower_ == "the" for c in tok.children):
            return self._group_antecedent(tok)  # "they", "the couple"
        if low in PRONOUNS or low in RELATIVE:
            return None
        if tok.dep_ == "appos" and tok.tag_ == "NN" and self._person_at(tok.head):
            return self._speaker(tok.head)  # "Dean Mastrojohn, Unilever's media relations manager, who wrote"
        if low in DOCUMENTS and tok.pos_ == "NOUN":
            return self._author(tok)
        if low in SPEECH_NOUNS and tok.pos_ == "NOUN" and (owner := self._owner_of(tok)) is not None:
            return owner  # "Arena's acceptance speech covered ... ('...')": whose speech it is
        words = self._phrase(tok)
        text = self._span(words)
        mention = next((m for m in self.mentions if m.start <= tok.idx < m.end), None)
        if mention is None:  # "spokesman Dmitry Peskov" may hang the name on the title as an apposition
            # ... but in "the Grammy nominee" or "the Kremlin spokesman" the name word only qualifies the title
            names = [c for c in tok.children if c.dep_ in ("appos", "compound") and c.tag_ in NAME_TAGS
                     and (c.dep_ == "appos" or not any(d.dep_ == "det" for d in tok.children))]
            mention = next((m for m in self.mentions for c in names if m.start <= c.idx < m.end
                            and (is_title(tok.text) or len(m.name.split()) >= 2)), None)  # not "Dock workers"
        if mention is not None and self._owns_nothing(tok):
            return Speaker(text, mention.name, person=False)
        if mention is not None and (mention.person or len(mention.name.split()) == 1 and text == mention.name):
            name = self.resolve_name(mention.name, mention.start)
            # a word no one is named by ("League") may be a body's: a person only when the article names one so
            return Speaker(text, name, mention.role or self._role_of(name), mention.person or name != mention.name)
        if mention is not None and " of " in mention.name:  # "The Department of Health announced"
            return Speaker(text, mention.name, person=False)
        if mention is not None and not mention.person and mention.end == tok.idx + len(tok) \
                and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "of":
            # "the Office of the Prime Minister and Cabinet (OPMC)": the body's whole name, its letters aside
            whole = self.text[mention.start: tok.right_edge.idx + len(tok.right_edge)]
            return Speaker(text, re.sub(r"\s*\([^)]*\)?$", "", whole), person=False)
        holder = self._acronym_holder(tok)
        if holder is not None:  # "said the PS", after "Principal Secretary (PS) Dr. Paul Ronoh"
            return Speaker(text, holder, self._role_of(holder))
        if is_title(tok.text):  # "Prime Minister of Barbados Mia Mottley said": the office's holder
            holder = next((m for m in self.mentions if m.person and tok.idx < m.start
                           and m.end <= tok.right_edge.idx + len(tok.right_edge)), None)
            if holder is not None:
                name = self.resolve_name(holder.name)
                return Speaker(text, name, holder.role or self._role_of(name))
        if words[0].lower_ == "the" and tok.lower_ in BODY_NOUNS and len(words) == 2:
            body = self._body_antecedent(tok)  # "the company said", after "a statement by Waymo"
            if body is not None:
                return Speaker(text, body, person=False)
        member = next((g for c in tok.children if c.lower_ in ("including", "like") for g in c.children
                       if g.dep_ == "pobj" and self._person_at(g)), None) if tok.tag_ == "NNS" else None
        if member is not None:  # "Other miners including Michael Cox said": the one named speaks for them
            return self._speaker(member)
        place = next((g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
                      and is_place(g.text)), None) if tok.lower_ in POLITIES else None
        if place is not None:  # "The Gulf emirate of Dubai said": the place speaks
            return Speaker(text, self._span([t for t in place.subtree if t.dep_ != "det"]), person=False)
        aged = tok.lower_ == "old" and tok.i > 1 and self.doc[tok.i - 2].lower_ == "year"  # "the 62-year-old"
        if tok.tag_ not in NAME_TAGS and not is_agent(tok.text) and not is_title(tok.text) and not aged:
            return None  # a thing, a number or a quantifier says nothing: "drone attacks", "data", "many"
        # "An alarmed UN said": a word describing a body by name is no part of the name
        described = tok.tag_ in ("NNP", "NNPS")
        content = [t for t in words if (t.dep_ not in ("det", "predet") and not t.is_punct or t.i > words[0].i)
                   and not (described and t.dep_ == "amod" and t.text.islower())]
        group = re.sub(r"\s+", " ", self._span(content)).strip(" ,")
        if content and content[0].is_sent_start and content[0].tag_ in ("NN", "NNS"):
            group = group[:1].lower() + group[1:]  # "Sources report": a common noun, capitalized by position only
        role_only = [t for t in content if t.tag_ not in ("JJ",)]
        # "the Portuguese" is tagged as a plural for the nationalities that have none
        singular = tok.tag_ in ("NN", "NNP") or tok.tag_ == "NNPS" and is_demonym(tok.text)
        # "the Democrat" is no "Democratic Party Chair": the role holds the word itself
        role_word = rf"{re.escape(tok.lower_)}s?\b"
        if words[0].lower_ == "the" and (singular and is_person_noun(tok.text) or aged):
            subject = tok.dep_ == "nsubj"  # "During an interview with X, the star said": not X
            # nor whom the verb speaks to: `"...," the president said to da Silva`
            spoken_to = [g for c in tok.head.children if c.lower_ in ("to", "with") for g in c.children
                         if g.dep_ == "pobj"] if subject else []
            name = self._antecedent(words[0].idx, tok.sent, roles=(role_word,), besides=spoken_to, as_subject=subject)
            # A description refers back to whoever was last spoken of: "the Kenyan leader", "the actress", "the head
            # of state"; but "the spokesman" is somebody the article does not name, unless it named someone who
            # speaks for others ("Police Public Relations Officer, ASP Daniel Ndukwe").
            if name is None and tok.lower_ in UNNAMED:
                name = self._antecedent(words[0].idx, tok.sent, roles=tuple(SPEAKS_FOR), besides=spoken_to,
                                        as_subject=subject)
            elif name is None:
                name = self._antecedent(words[0].idx, tok.sent, besides=spoken_to, as_subject=subject)
            bare = len(role_only) == len(content) and all(is_title(t.text) for t in role_only)
            return Speaker(text, name, group if name and bare else None)
        if singular and is_title(tok.text) and words[0].dep_ != "det" and not any(
                c.dep_ == "poss" for c in tok.children):  # "Kremlin spokesman says", headline style: its holder
            name = self._antecedent(words[0].idx, tok.sent, roles=(role_word,))
            if name is not None:
                return Speaker(text, name, group)
        if group.lower() in ("sources", "source", "officials"):
            group = "unnamed " + group
        return Speaker(text, group, person=False) if group else None

    def _body_antecedent(self, tok: Token) -> str | None:
        """The body "the company" or "the district" refers back to: the latest one named with that word in its
        name ("Flagstaff United School District"), else, for a business, the latest name of no person or place."""
        names = [m for m in self.mentions if m.end <= tok.idx and not self.in_quote[m.start] and not is_place(m.name)
                 and not is_outlet(m.name) and m.name not in CALENDAR and not all(is_title(w) for w in m.name.split())]
        named = [m for m in names if tok.lower_ in m.name.lower().split() and m.name.lower() != tok.lower_]
        if named:
            return named[-1].name
        if tok.lower_ not in BUSINESSES:
            return None
        firms = [m for m in names if not (m.person and " " in m.name) and not m.name.isupper()
                 and not any(w.lower() in PUBLIC_BODIES for w in m.name.split())]
        acting = [m for m in firms if m.subject]  # "General Motors announced ...", not a plant in its list
        return (acting or firms)[-1].name if firms else None

    def _acronym_holder(self, tok: Token) -> str | None:
        """The person whose office an article spells out before an acronym in brackets: "Deputy Inspector General
        (DIG) Muhammad Saleem" is who "the DIG" is."""
        if not (tok.text.isupper() and 2 <= len(tok.text) <= 6 and tok.text.isalpha()):
            return None
        # spelled out as an office ("... Inspector General (DIG)"), not as a body ("Press Association of Jamaica (PAJ)")
        defined = [m.end() for m in re.finditer(rf"(\w+)\s*\(\s*{tok.text}\s*\)", self.text[:tok.idx])
                   if is_title(m.group(1)) or m.group(1).lower() in OFFICES]
        if not defined:  # "Superintendent of Police Vivek Syiem" is "the SP", but "the US" is a country
            if is_place(tok.text):
                return None
            holders = [m for m in self.mentions if m.person and m.role and m.end <= tok.idx
                       and tok.text in "".join(w[0] for w in re.findall(r"\b[A-Z]\w*", m.role))]
            return self.resolve_name(holders[-1].name) if holders else None
        reach = range(defined[-1], defined[-1] + ACRONYM_REACH)
        after = next((m for m in self.mentions if m.person and m.start in reach), None)
        return self.resolve_name(after.name) if after else None

    def _author(self, doc_tok: Token) -> Speaker | None:
        """Who a document speaks for: its owner ("Trump's post", "a release from the mayor"), the subject of the
        verb it hangs from ("X confirmed it in a tweet that said ..."), or the owner of the one named before."""
        owner = self._owner_of(doc_tok)
        if owner is not None:
            return owner
        for up in doc_tok.ancestors:
            if up.pos_ in ("VERB", "AUX"):
                subj = self._subject(up)
                if subj is None or subj in doc_tok.subtree or subj.lower_ in DOCUMENTS:
                    break
                return self._speaker(subj)
        if any(c.lower_ == "the" for c in doc_tok.children):  # "the statement added": the one named before
            earlier = (t for t in reversed(self.doc[:doc_tok.i])
                       if t.lower_ == doc_tok.lower_ and not self.in_quote[t.idx])
            return next((found for t in earlier if (found := self._owner_of(t)) is not None), None)
        return None

    def _owner_of(self, doc_tok: Token) -> Speaker | None:
        """Whose document this is by its own phrase: "Trump's post", "a statement from the Office of ..."."""
        for c in doc_tok.children:
            if c.dep_ == "poss":
                return self._speaker(c)
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self._speaker(obj)
        return None

    def _group_antecedent(self, tok: Token) -> Speaker | None:
        """The group "they" refers to: the latest plural subject naming people, in its sentence or the one before."""
        prev = self._sentence_before(tok.sent, 1)
        scope = [t for t in [*(prev or []), *tok.sent] if t.i < tok.i]
        for t in reversed(scope):
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and is_agent(t.text):
                found = self._speaker(t)
                return Speaker(tok.text, found.name, found.role, person=False) if found else None
            if t.dep_ in ("nsubj", "nsubjpass") and self._person_at(t) and any(
                    c.dep_ == "conj" and self._person_at(c) for c in t.children):
                return self._speaker(t)  # "Ann Lee and Tom Hale have split. The couple said": the first named
        return None

    def _phrase(self, tok: Token) -> list[Token]:
        """The noun phrase of a subject: its left modifiers, and for common nouns what follows them."""
        keep = {"amod", "prep", "pobj", "compound", "conj", "cc", "punct", "det", "nummod", "poss", "case",
                "advmod", "npadvmod", "appos", "nmod"}  # not "acl": "an official accompanying the minister"
        right = tok.i
        if tok.tag_ not in NAME_TAGS:
            for t in (t for t in tok.subtree if t.i > tok.i):
                path = [t, *t.ancestors]
                path = path[: path.index(tok)]
                # modifiers stay ("a source familiar with the process"); examples and clauses end the phrase
                if not all(a.dep_ in keep and a.dep_ not in ("conj", "appos")
                           and a.lower_ not in ("including", "like", "such") for a in path):
                    break
                right = t.i
        words = [t for t in self.doc[tok.left_edge.i: right + 1] if not self.in_quote[t.idx]]
        while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
            words.pop()
        return words or [tok]

    def _clause_subject(self, pronoun: Token) -> list[Token]:
        """The subject of the clause an object pronoun stands in: "Dawn quoted him" — never who "him" is."""
        if pronoun.lower_ not in ("him", "her") or pronoun.dep_ not in ("dobj", "pobj", "dative"):
            return []
        verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return [] if verb is None else [c for c in verb.children if c.dep_ == "nsubj"]

    def _antecedent(self, pos: int, sent: Span, roles: Sequence[str] = (), besides: Sequence[Token] = (),
                    as_subject: bool = False) -> str | None:
        """The person a pronoun or "the spokesman" refers to: earlier in its sentence, else the latest subject.

        `roles`: patterns one of which must start a word of the person's stated role ("spokes", "minister\\b").

        A lone word named only in passing ("her new album Prism", "the Tokyo Games") is no one to refer back to.
        """
        # whom the words are about or spoken to, by any of their names: "Dawn quoted him", "said to da Silva"
        banned = {self.resolve_name(m.name) for m in self.mentions for t in besides
                  if t.left_edge.idx <= m.start <= t.right_edge.idx}

        def fits(m):
            if any(t.left_edge.idx <= m.start <= t.right_edge.idx for t in besides) or (
                    banned and self.resolve_name(m.name) in banned):
                return False
            passing = " " not in m.name and not m.subject and m.role is None and self.resolve_name(m.name) == m.name
            return m.person and not passing and (not roles or bool(m.role) and any(
                re.search(rf"\b{r}", m.role.lower()) for r in roles))
        before = [m for m in self.mentions if fits(m) and sent.start_char <= m.start and m.end <= pos]
        # the subject before anyone else: "Cooper said he could not recall a storm like Florence"; a subject never
        # refers to whom its own clause speaks to: "Speaking to host Mindy Kaling, she said"
        # nor, unless as its owner, to a name in it: "At Harlow's party, she said"
        possessors = [m for m in before if self.doc[m.head].dep_ == "poss"]
        speakers = [m for m in before if m.subject or self._object_speaker(m)] or (possessors if as_subject else before)
        if speakers:
            return self.resolve_name(speakers[-1].name, speakers[-1].start)
        spoken = [(p, n) for p, n in self.spoken if p < pos]
        for back in range(1, 6):
            prev = self._sentence_before(sent, back)
            if prev is None:
                break
            # a sentence with no verb is about the name it gives: "And Clarke? “Really similar,” she said."
            verbless = prev.root.pos_ not in ("VERB", "AUX")
            subjects = [(m.start, m.name) for m in self.mentions if fits(m) and (
                m.subject or self._object_speaker(m) or verbless and self.doc[m.head] == prev.root)
                and prev.start_char <= m.start < prev.end_char]
            subjects += [(p, n) for p, n in spoken if prev.start_char <= p < prev.end_char and not roles]
            subjects += [(t.idx, name) for t in self._pronoun_subjects(prev) if not roles
                         and (name := self._pronoun_of(t)) is not None]
            if subjects:
                # the one who acts in the main clause ("Minutes after Javid quit, Rishi Sunak posted his letter. He
                # said"), else the one who spoke last: "X was sent off, a decision Santo agreed with. '...,' the
                # Portuguese added"
                acts = [(m.start, m.name) for m in self.mentions if fits(m) and prev.start_char <= m.start
                        < prev.end_char and self._acts_in(self.doc[m.head], prev)]
                talkers = [] if acts or not spoken else [(p, n) for p, n in subjects
                                                         if self.resolve_name(n) == spoken[-1][1]]
                # but after a dash or a colon the main clause may be what the one before said or decided: "Trump
                # decided to make things clear—Zelenskyy must take the meeting"
                main = acts if acts and not re.search(r"[—–:]", self.text[min(subjects)[0]:min(acts)[0]]) else []
                return self.resolve_name(*reversed(min(main or talkers or subjects)))
        earlier = [m for m in self.mentions if fits(m) and m.end <= pos]
        return self.resolve_name(earlier[-1].name, earlier[-1].start) if earlier else None

    @staticmethod
    def _acts_in(head: Token, sent: Span) -> bool:
        """True when a name's head token is the subject of a sentence's main verb, or in apposition to it."""
        subject = head.head if head.dep_ == "appos" else head
        return subject.dep_ == "nsubj" and subject.head == sent.root

    def _pronoun_subjects(self, sent: Span) -> list[Token]:
        """The "he" or "she" subjects of a sentence's main verbs: "He said Dr Napthine was ..." is still about him."""
        verbs = [sent.root, *(c for c in sent.root.children if c.dep_ == "conj")]
        return [c for v in verbs for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]

    def _pronoun_of(self, pronoun: Token) -> str | None:
        """Whom a subject pronoun refers to, worked out once: a chain of "he said" sentences refers back in turn."""
        if pronoun.i not in self.pronouns:
            self.pronouns[pronoun.i] = None  # a chain never loops back on itself
            self.pronouns[pronoun.i] = self._antecedent(pronoun.idx, pronoun.sent)
        return self.pronouns[pronoun.i]

    def _object_speaker(self, mention: Mention) -> bool:
        """True for the object who speaks: the one a question was put to ("Reporters asked Marsh whether ..."), the
        one quoted ("The statement quoted IG Khawaja as saying ..."), the one words are credited to ("according to
        Moe Gyo")."""
        head = self.doc[mention.head]
        credited = head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
        return credited or head.dep_ == "dobj" and (head.head.lower_ in ASKING or head.head.lower_ in QUOTING)

    def _sentence_before(self, sent: Span, back: int) -> Span | None:
        """The sentence `back` places before this one, or None at the start."""
        start = sent.start
        for _ in range(back):
            if start == 0:
                return None
            prev = self.doc[start - 1].sent
            start = prev.start
        return prev

    # --- quotes ------------------------------------------------------------------------------------

    def _attribute(self, q: Quote, previous: tuple[Quote, Attribution] | None) -> Attribution:
        """Find a quote's speaker: in its sentence, on a lead-in or sign-off line, or from the quote before."""
        s0, s1 = self._sentence_bounds(q)
        cue, blocked = self._cue_for(q, s0, s1)
        if cue is not None:
            self.used_cues.add(cue.i)
            context = self._context(cue, s0, s1)
            speakers = self.speakers(cue) if cue.lower_ != "according" else self._according(cue)
            return Attribution(speakers[0] if speakers else None, context, cue)
        owner = self._owner(q)
        if owner is not None:
            return Attribution(owner)
        if blocked:
            if self._nickname(q):
                return Attribution(None)
            teller = self._teller(q)
            if teller is None:
                return self._headline(q) or Attribution(None)
            # the saying stays a claim of its own: its cue is not used up
            speaker = next(s for s in self.speakers(teller) if s.person and s.name)
            return Attribution(speaker, self._context(teller, s0, s1), teller)
        tail = self._tail_cue(q)
        if tail is not None:
            self.used_cues.add(tail.i)
            return Attribution(self.speakers(tail)[0], self._context(tail, tail.sent.start_char, tail.sent.end_char),
                               tail)
        after = self._named_after_quote(q)
        if after is not None:
            return Attribution(after, self.text[s0:s1])
        label = self._label_line(q)
        if label is not None:  # a new name line interrupts whoever was quoted before
            return label
        sign = self._trailing_sign(q) or self._sign_off(q)
        lead = self._lead_in(q)
        if previous is not None and self._floats(q, *previous) and (sign is None or q.continues):
            prior = previous[1]
            return Attribution(prior.speaker, prior.context, prior.cue, prior.said_on, prior.medium, True, True)
        if sign is not None:  # a named sign-off outranks the quote before: `"..." - Commissioner X`
            who, via = sign
            context = (lead.context if lead else "") + (f" via {via}" if via else "")
            if via is None and who.startswith("@"):  # a handle implies X unless a platform is named
                context += " on X"
            return Attribution(self._named(who), context, lead.cue if lead else None, inherited=True)
        if lead is not None:
            # "He continued:" or "She added:" before a block: the utterance before goes on
            lead.floats = bool(previous and lead.cue is not None and lead.cue.lower_ in GOES_ON
                               and previous[1].speaker and lead.speaker
                               and previous[1].speaker.name == lead.speaker.name)
            return lead
        return self._label_before(q) or self._reported_before(q) or self._resumed(q, previous) \
            or self._stance(q) or self._headline(q) or Attribution(None)

    def _label_line(self, q: Quote) -> Attribution | None:
        """A round-up's line naming whose words the quote paragraphs under it are: "Max Verstappen, 1st", "ANTHONY
        JOSHUA:", "Amy Shark - Best Pop Release", "CHRISTIAN HORNER, Team Principal"."""
        if not self._opens_paragraph(q):
            return None
        end = len(self.text[:self.text.rfind("\n", 0, q.start) + 1].rstrip())
        line = self.text[self.text.rfind("\n", 0, end) + 1:end].strip()
        if not line or len(line.split()) > LABEL_LINE_WORDS or line[-1] in ".!?\"”’'," or DOUBLE.search(line):
            return None
        lead = re.split(r"\s*(?:[,:(/]|\s[-–—|]\s)", line, maxsplit=1)[0].strip()
        name = lead.title() if lead.isupper() else lead  # a name in capitals, as round-ups set them
        # a name set in capitals or followed by a place, role or award; a subhead in title case ("Next Steps") is
        # neither
        if not looks_like_person(name) or len(name.split()) > 4 or lead == line and not lead.isupper() \
                or any(w.lower() in FUNCTION_WORDS for w in name.split()):  # "WHAT THEY SAID"
            return None
        named = self.resolve_name(name)
        return Attribution(Speaker(lead, named, self._role_of(named)), line)

    def _named_after_quote(self, q: Quote) -> Speaker | None:
        """A person named with one verb right after a quote closes, the verb unknown or parsed as a noun (`"I doubt
        it," Bair retorts.`, `"Four more months," Kinew shot back.`), or with nothing after the name on the line."""
        if not q.closed:
            return None
        start = q.end + re.match(r"[\"”’'», ]*", self.text[q.end:q.end + 10]).end()  # on the quote's own line
        mention = next((m for m in self.mentions if m.start == start and m.person), None)
        # `"I would have thought so," Danny` with nothing after the name on its line is signed too, and so is a quote
        # its speaker's sentence follows: `"I was assured it is gluten free." Djokovic, who follows a strict diet,
        # jokes about eating the grass`
        if mention is None or not (mention.subject and _bare_act(self.doc[mention.head].head) or re.match(
                r" [a-z]+(?: (?:back|out|up|on))?[.,!]|[ .]*(?:\n|$)", self.text[mention.end:])):
            return None
        name = self.resolve_name(mention.name, mention.start)
        return Speaker(mention.name, name, mention.role or self._role_of(name))

    def _teller(self, q: Quote) -> Token | None:
        """The verb of saying a short quote stands inside, however deep: "Clewer argued that there was 'nothing
        amusing' about the impacts of 'financial mismanagement'" are his words, not a label."""
        inside = self.doc.char_span(q.start, q.end, alignment_mode="expand") or []
        for tok in (t for t in inside if not q.start <= t.head.idx < q.end):
            path = [tok, *tok.ancestors]
            for below, up in zip(path, path[1:], strict=False):
                # what is said, not the subject or an opening clause: "Backed by a fight against 'the old guard',
                # Mayor Lee Dunn demanded a vote"
                if not self.in_quote[up.idx] and cue_of(up) == 2 and below.dep_ in SAID_DEPS \
                        and any(s.person and s.name for s in self.speakers(up)):
                    return up
        return None

    def _resumed(self, q: Quote, previous: tuple[Quote, Attribution] | None) -> Attribution | None:
        """A quote with no attribution after a little narrative that reports nobody's words: the speaker quoted
        just before goes on ("Cr Forman said. / BoM issued a Flood Watch. / "I would stress ...")."""
        if previous is None:
            return None
        para = self._paragraph_at(q.start)
        if self.text[para[0]:para[1]].rstrip("\"”'’ ")[-1:] not in ".!?…,":
            return None  # a subhead in marks is no one's next words: "‘Bonehead questions are not cool’"
        prior = previous[1]
        if prior.speaker is None or not prior.speaker.name or not prior.speaker.person:
            return None
        lead = self.text[self.text.rfind("\n", 0, q.start) + 1:q.start].rstrip(OPENERS + " ")
        if lead and lead[-1] not in ".!?…:":
            return None  # a fragment inside a sentence of its own: "Littleproud's call to 'stand shoulder-to-shoulder'"
        # The narrative between the two quotes' own sentences (the sentence before holds that quote's attribution).
        start, end = self._sentence_bounds(previous[0])[1], self._sentence_bounds(q)[0]
        if sum(bool(line.strip()) for line in self.text[start:end].split("\n")) > 1:
            return None  # more than a paragraph of other matter since the quote before
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(cue_of(t) == 2 and not self.in_quote[t.idx] for t in span):
            return None
        return Attribution(prior.speaker, prior.context, prior.cue, prior.said_on, prior.medium, True)

    def _stance(self, q: Quote) -> Attribution | None:
        """Words quoted inside a sentence with no verb of saying are those of the person or body the sentence is
        about: "the Irish Nurses' Organisation blamed the problem on 'false economies'"."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", self.text[q.start:q.end]) if len(w) > 3]
        # "Suspect 'terrorized' family": a headline (the first line) is telegraphic
        headline = self.text.find("\n", re.match(r"\s*", self.text).end(), q.start) < 0
        if span is None or not len(span) or headline or self._opens_paragraph(q) or self._proper_name(q) or all(
                w[0].isupper() for w in long_words):  # "Lift Me Up", "Hero": a title
            return None
        sent = span[0].sent
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= span[0].i or self.in_quote[subj.idx]:
            return None
        speaker = self._speaker(subj)
        # someone named: "companies" or "the singer" with nobody before it is no one to credit
        named = speaker is not None and speaker.name and speaker.name[0].isupper()
        return Attribution(speaker, sent.text) if named else None

    def _label_before(self, q: Quote) -> Attribution | None:
        """A speaker named before a colon opening the quote's paragraph, as transcripts and broadcast write-ups do:
        `Kevin Rudd, Labor Member for Griffith: "..."`, `Blues coach Michael Voss: "..."`, and as round-ups do:
        `Shaka King on screening the film: "..."`."""
        para_start = self.text.rfind("\n", 0, q.start) + 1
        para_start += len(self.text[para_start:q.start]) - len(self.text[para_start:q.start].lstrip())
        label = self.text[para_start:q.start].rstrip().rstrip(OPENERS).rstrip()
        named = [m for m in self.mentions if m.person and para_start <= m.start < para_start + len(label)]
        first = named[0] if named and named[0].start == para_start else None  # a label opening with a name
        topic = first is not None and self.text.startswith(" on ", first.end)
        if not label.endswith(":") or len(label.split()) > LABEL_WORDS and not topic:
            return None
        name = re.split(r"[,(]", label[:-1])[0].rstrip()
        if first is not None and (first.end >= para_start + len(name) or topic):
            return Attribution(self._named(label[:-1]), label)  # the name, then a role or a remark
        if named and named[-1].end == para_start + len(label) - 1 and len(label.split()) <= ROLE_LABEL_WORDS:
            name = self.resolve_name(named[-1].name)  # a role, then the name: "Hawks coach Sam Mitchell:"
            return Attribution(Speaker(label[:-1], name, named[-1].role or self._role_of(name)), label)
        return None  # a headline's sentence before a colon names no speaker

    def _owner(self, q: Quote) -> Speaker | None:
        """Whose call, words or question a quote is, when a speech noun holds it: "Littleproud's call for ministers
        to 'stand shoulder-to-shoulder'", "Jobs' keynote, peppered with the question 'isn't that cool?'"."""
        inside = self.doc.char_span(q.start, q.end, alignment_mode="expand") or []
        for root in (t for t in inside if not q.start <= t.head.idx < q.end and not t.is_punct):
            for up in list(root.ancestors)[:OWNER_DEPTH]:
                poss = next((c for c in up.children if c.dep_ == "poss"), None) if up.lower_ in SPEECH_NOUNS else None
                if poss is not None and not self.in_quote[poss.idx]:
                    found = self._speaker(poss)
                    return found if found is not None and found.name and found.person else None
        return None

    def _reported_before(self, q: Quote) -> Attribution | None:
        """A quote with no attribution of its own after a sentence reporting a person's words, in its paragraph
        or ending the one before (subheads aside): `Boss said the find was rare. "It is a major observation."`"""
        own = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if own is None or not len(own) or own[0].sent.start == 0:
            return None
        para_start = self.text.rfind("\n", 0, q.start) + 1
        opens = self._opens_paragraph(q)
        if opens:
            before = self._paragraph_before(para_start)
            if before is None:
                return None
            last_tok = self.doc.char_span(before[0], before[1], alignment_mode="expand")
            if last_tok is None or not len(last_tok):
                return None
            last = last_tok[-1].sent
        else:
            last = self.doc[own[0].sent.start - 1].sent  # the sentence before the quote's own
            if last.start_char < para_start:
                return None
        cues = [t for t in last if not self.in_quote[t.idx] and t.idx < q.start and (
            cue_of(t) == 2 or t.lower_ == "according")]
        for cue in cues:
            # "A broadcaster asked Loreen how she kept calm. "Oh wow, I slept a lot."": the one asked answers
            sources = [self._speaker(c) for c in cue.children if c.dep_ == "dobj" and cue.lower_ in ASKING]
            # "the penalty was the defining moment, according to Cody. "I can't say ...""
            sources += self._according(cue) if cue.lower_ == "according" else []
            # "Idman.biz reports that the coach said": the coach; "The statement further claimed": its author
            document = (subj := self._subject(cue)) is not None and subj.lower_ in DOCUMENTS
            people = [s for s in [*sources, *self.speakers(cue)] if s is not None and s.name and (s.person or document)
                      and not is_outlet(s.name)]
            if people:
                return Attribution(people[0], self._context(cue, last.start_char, last.end_char), cue)
        # "Campsall is overwhelmed by the response. "Nestlé delivered water."": whom the sentence is about speaks
        # a person's name before any stray piece the parse also hangs there ("co-creator Amy Lee": "co")
        subjects = [c for c in last.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject = next((c for c in subjects if self._person_at(c)), subjects[0] if subjects else None)
        subject = subject and (self._office_holder(subject) or subject)
        if subject is None or self.in_quote[subject.idx] or not (
                subject.lower_ in PERSONAL or self._person_at(subject)):
            return None
        found = self._speaker(subject)
        return Attribution(found) if found is not None and found.name else None

    def _paragraph_before(self, para_start: int) -> tuple[int, int] | None:
        """The (start, end) of the paragraph before the one starting here, blank lines and subheads passed over."""
        end = para_start
        while end > 0:
            end = len(self.text[:end].rstrip())
            start = self.text.rfind("\n", 0, end) + 1
            if not _subhead(self.text[start:end]):
                return start, end
            end = start
        return None

    def _cue_for(self, q: Quote, s0: int, s1: int) -> tuple[Token | None, bool]:
        """The reporting verb of a quote's sentence: the one governing it, else the nearest one.

        Also says whether a short quote hangs from a relative clause or modifier with no reporting verb
        in between ("whom Trump assigned to 'handle'"), which makes it nobody's words; a long one is still
        somebody's ("a regime that realizes his demands - '...'").
        """
        if self._nickname(q):
            return None, True
        toks = [t for t in self.doc.char_span(s0, s1, alignment_mode="expand") or []]
        cues = [t for t in toks if not self.in_quote[t.idx] and not self._carrier(t) and (cue_of(t) or (
            t.lower_ == "according" and any(c.lower_ == "to" for c in t.children)))]
        inside = [t for t in toks if q.start <= t.idx < q.end]
        blocked = False
        for root in (t for t in inside if not q.start <= t.head.idx < q.end and not t.is_punct):
            adps = 0  # prepositions passed: "support for the fight against '...'" is nobody's words
            for depth, up in enumerate(root.ancestors, start=1):
                close = (cue_of(up) == 2 and adps < 2) or depth <= STANCE_DEPTH
                adps += up.pos_ == "ADP"
                if up in cues and close and (self.speakers(up) or up.lower_ == "according"):
                    # `"...," the El Paso Democrat said, The Texas Tribune reported`: the outlet only carries it
                    told = [c for c in cues if c is not up and cue_of(c) == 2 and self.speakers(c)
                            and not self._outlet_only(c)] if self._outlet_only(up) else []
                    if told:
                        return told[0], False
                    # words woven into a clause another reports are that reporter's account of them
                    return (self._outer_teller(up, cues) if self.text[q.start:q.start + 1].islower() else up), False
                if up.dep_ in ("relcl", "acl") and not self.in_quote[up.idx]:
                    if up.head.lower_ in SPEECH_NOUNS | DOCUMENTS and any(
                            c.dep_ == "mark" and c.lower_ == "that" for c in up.children):
                        # "said in a statement that ICE is having a 'negative impact'": what the statement says
                        teller = next((a for a in up.head.ancestors if a in cues and self.speakers(a)), None)
                        if teller is not None:
                            return teller, False
                    reporter = self._reporting(up, cues)
                    if reporter is not None:  # "He stressed that the way the 'enemy' is dealt with ..."
                        return reporter, False
                    namer = up.head.head if up.head.dep_ == "dobj" else None
                    if namer is not None and namer in cues and namer.lower_ in NAMING and self.speakers(namer):
                        return namer, False  # "Whitmer called the measure the Legislature approved 'a gimmick'"
                    blocked = True
                    break
        governed = [c for c in cues if q.start <= c.head.idx < q.end and self.speakers(c)]
        if governed:
            return governed[0], False
        words = self.text[q.start:q.end]
        embedded = any(not q.start <= t.head.idx < q.end and t.head.pos_ == "ADP" for t in inside if not t.is_punct)
        if len(words.split()) <= TERM_WORDS and (blocked or embedded and not words[:1].isupper()):
            return None, True  # a label inside a phrase no verb of saying governs: "a war against 'the hordes'"
        usable = [c for c in cues if cue_of(c) == 2 and self.speakers(c)]
        usable = usable or [c for c in cues if c.lower_ == "according" or self.speakers(c)]
        if not usable:
            return None, False  # a long quote in a relative clause is still somebody's words
        return min(usable, key=lambda c: min(abs(c.idx - q.start), abs(c.idx - q.end))), False

    def _outlet_only(self, cue: Token) -> bool:
        """True when every speaker of a verb is a news outlet: it reports words, it does not say them."""
        found = self.speakers(cue)
        return bool(found) and all(s.name and is_outlet(s.name.removeprefix("The ")) for s in found)

    def _outer_teller(self, cue: Token, cues: list[Token]) -> Token:
        """The verb of saying a cue's own clause is reported by: in "Moon said Kim had reaffirmed his commitment to
        '...'" the words quoted are Moon's account."""
        below = cue
        for up in cue.ancestors:
            if below.dep_ in ("relcl", "acl"):
                break  # "66 invitations, which Redman said was '...'" is Redman's own saying
            # but not a subordinate clause the parse took for the main one: "A day after Cherian said ..., Satheesan
            # alleged ..."
            if below.dep_ == "ccomp" and up in cues and cue_of(up) == 2 and not self._outlet_only(up) and not any(
                    c.dep_ == "mark" for c in up.children) and any(s.person and s.name for s in self.speakers(up)):
                return up
            below = up
        return cue

    def _carrier(self, cue: Token) -> bool:
        """True for an outlet credited with carrying the words: "he said, as reported by Tolo TV"."""
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children) and self._outlet_only(cue)

    def _reporting(self, clause: Token, cues: list[Token]) -> Token | None:
        """The verb of saying whose reported content a clause stands in, through that content's clause."""
        path = [clause]
        for up in clause.ancestors:
            if up in cues and cue_of(up) == 2 and any(t.dep_ == "ccomp" for t in path) and self.speakers(up):
                return up
            path.append(up)
        return None

    def _tail_cue(self, q: Quote) -> Token | None:
        """The verb of an attribution in the sentence after a quote that ended its own: `"Why now?" she asked.`,
        `"Hey guys! ✨" Janet explained.`"""
        if not q.closed:
            return None
        line_end = self.text.find("\n", q.end)
        after = self.doc.char_span(q.end + 1, len(self.text) if line_end < 0 else line_end, alignment_mode="expand")
        words = [t for t in after or [] if not t.is_punct and not t.is_space]
        if not words or any(q.end < other.start < words[0].sent.end_char for other in self.top):
            return None
        sent = words[0].sent
        cues = [t for t in sent if not self.in_quote[t.idx] and cue_of(t) and self.speakers(t) and _bare_act(t)
                and not self._carrier(t)]
        return cues[0] if cues else None

    def _nickname(self, q: Quote) -> bool:
        """True for a nickname in marks inside a name: Aquilino "Koko" Pimentel III."""
        words = self.text[q.start:q.end].split()
        before = self.text[:max(0, q.start - 1)].split()[-1:]
        after = self.text[q.end + 1:].split()[:1]
        return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words + before + after) \
            and before[-1][-1:].isalpha() and after[0][:1].isalpha()

    def _proper_name(self, q: Quote) -> bool:
        """True for a name in marks within a sentence: `the coach of "Imishli" Jorge Casquilha`, `a win over
        "Sumgayit" (1:0)`: a word or two, each capitalized but not shouted, and nothing like a sentence."""
        words = self.text[q.start:q.end].split()
        line_start = self.text.rfind("\n", 0, q.start) + 1
        return 0 < len(words) <= 2 and all(w[:1].isupper() and not w.isupper() and w[-1].isalnum() for w in words) \
            and bool(self.text[line_start:q.start].strip(" \"'“‘«")) and q.closed

    def _according(self, cue: Token) -> list[Speaker]:
        """The source of "according to X", unless X is an outlet (then it is a medium, not a speaker)."""
        for to in (c for c in cue.children if c.lower_ == "to"):
            for obj in (g for g in to.children if g.dep_ == "pobj"):
                phrase = " ".join(t.text for t in self._phrase(obj))
                if not is_outlet(re.sub(r"^the\s+", "", phrase, flags=re.I)):
                    speaker = self._speaker(obj)
                    return [speaker] if speaker else []
        return []

    def _context(self, cue: Token, s0: int, s1: int) -> str:
        """The attribution's own words: the reporting verb's clause outside the quotes, within the sentence."""
        unrealized: dict[int, bool] = {cue.i: False}  # whether a clause between a token and the cue is yet to be

        def under_unrealized(tok: Token) -> bool:
            if tok.i not in unrealized:
                unrealized[tok.i] = _unrealized(tok) or under_unrealized(tok.head)
            return unrealized[tok.i]

        toks = [t for t in cue.subtree if s0 <= t.idx < s1 and not self.in_quote[t.idx] and not under_unrealized(t)]
        if cue.dep_ != "ROOT":  # "According to TASS, ... said": the clause above the verb may name the medium
            toks += [t for t in cue.head.children if t.dep_ == "prep" and t not in toks
                     for t in t.subtree if not self.in_quote[t.idx]]
        if cue.dep_ == "relcl" and cue.head.lower_ in DOCUMENTS:  # "in a tweet that said": the tweet is the medium
            toks.append(cue.head)
        return " ".join(t.text for t in sorted(set(toks), key=lambda t: t.i))

    def _floats(self, q: Quote, prev: Quote, prior: Attribution) -> bool:
        """True when a quote with no attribution of its own continues the one before it."""
        between = self.text[prev.end: q.start]
        if q.continues:
            return True
        if "\n" not in between:  # same paragraph: `"...," X said. "..."`, unless another takes over between them:
            # `"... dismayed." District Attorney Ann Cole agreed. "..."`
            return not any(prev.end < m.start < q.start and m.person and self._acts_in(self.doc[m.head], self.doc[
                m.head].sent) and self.resolve_name(m.name) != (prior.speaker and prior.speaker.name)
                for m in self.mentions)
        # The next paragraph, blank lines and subheads aside: no paragraph of other matter stands between them.
        next_paragraph = self._paragraph_before(self._paragraph_at(q.start)[0]) == self._paragraph_at(prev.end)
        return self._opens_paragraph(q) and next_paragraph and self.text[prev.end:].lstrip()[:1] in "\"”'"

    def _opens_paragraph(self, q: Quote) -> bool:
        """True when only the opening mark comes before the quote in its paragraph."""
        return self.text[self.text.rfind("\n", 0, q.start) + 1: q.start].strip() in OPENING_MARKS

    def _paragraph_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the paragraph holding this position."""
        end = self.text.find("\n", pos)
        return self.text.rfind("\n", 0, pos) + 1, len(self.text[:len(self.text) if end < 0 else end].rstrip())

    def _lead_in(self, q: Quote) -> Attribution | None:
        """The attribution of a block quote from the line before it ending in a colon ("He continued:"), or in a
        verb of saying and a comma ("East Antrim MP Sammy Wilson said,")."""
        para_start = self.text.rfind("\n", 0, q.start) + 1
        opens = self._opens_paragraph(q)
        if opens:
            before = self.text[:para_start].rstrip()
            if not before.endswith((":", ",")):
                return None
        else:  # within a paragraph, after a colon: "CEO Ann Lee remained upbeat, however: “..."
            before = self.text[:q.start].rstrip(OPENERS + " ")
            if not before.endswith(":") or before.rfind("\n") != para_start - 1:
                return None
        line_start = self.text.rfind("\n", 0, len(before)) + 1
        span = self.doc.char_span(line_start, len(before), alignment_mode="expand")
        if span is None or before.endswith(",") and (len(span) < 2 or cue_of(span[-2]) != 2):
            return None
        if not opens and (before[:-1].endswith(")") or not any(
                t.pos_ in ("VERB", "AUX") for t in span)):
            return None  # a label, not a clause: "Kevin Rudd, Labor Member for Griffith:", "Ann Lee (on the dive):"
        sent = self.doc[span.end - 1].sent
        cues = [t for t in sent if cue_of(t) and self.speakers(t) and t.idx < len(before)]
        if not cues:  # "And from Chairwoman X:" names the speaker without a verb, as the subject does in a paragraph
            named = [m for m in self.mentions if m.person and sent.start_char <= m.start < min(sent.end_char,
                     len(before)) and (m.subject or opens)]
            return Attribution(self._named(named[-1].name), sent.text) if named else None
        cue = max(cues, key=lambda t: (cue_of(t), t.i))
        self.used_cues.add(cue.i)
        line = self.text[line_start:len(before)]  # the whole lead-in names the platform: "posts on X. He wrote:"
        context = self._context(cue, sent.start_char, sent.end_char)
        return Attribution(self.speakers(cue)[0], f"{context} {line}" if line != sent.text else context, cue)

    def _trailing_sign(self, q: Quote) -> tuple[str, str | None] | None:
        """A sign-off after the closing mark on the quote's own line: `"..." - Commissioner X`."""
        line_end = self.text.find("\n", q.end)
        rest = self.text[q.end: len(self.text) if line_end < 0 else line_end].lstrip("\"”'’ ")
        m = SIGN_OFF.match(rest) if rest[:1] in "—–―-" else None
        if m is None:
            return None
        words = m.group("who").split()
        cut = max((k + 1 for k, w in enumerate(words) if is_title(w)), default=0)
        return " ".join(words[cut:]) or m.group("who"), m.group("via")

    def _sign_off(self, q: Quote) -> tuple[str, str | None] | None:
        """The "— Name" or "— @handle via Platform" line closing the block a quote belongs to."""
        line_start = self.text.find("\n", q.end) + 1
        while 0 < line_start < len(self.text):
            line_end = self.text.find("\n", line_start)
            line_end = len(self.text) if line_end < 0 else line_end
            line = self.text[line_start:line_end]
            m = SIGN_OFF.match(line)
            if m:
                return m.group("who").strip(), m.group("via")
            if line.strip() and not self.in_quote[line_start + len(line) - len(line.lstrip())]:
                return None  # an ordinary paragraph: the block has ended without a sign-off
            line_start = line_end + 1
        return None

    def _named(self, who: str) -> Speaker:
        """A speaker named on a sign-off line: a handle or a name, optionally followed by a title."""
        if HANDLE.fullmatch(who):
            return Speaker(who, self.resolve_name(who))
        name, _, role = re.sub(r"\s*\([^)]*\)", "", who).partition(",")  # "Steve Bruce (on the penalty)"
        # "— Straight-talking Australian Dylan Alcott", "– Novak Djokovic reflects on winning": the first person
        # the line names, when it says more than a name
        named = [(found.start(), m.name) for m in self.mentions if m.person
                 and (found := re.search(rf"(?<!\w){re.escape(m.name)}(?!\w)", name))]
        return Speaker(who, self.resolve_name(min(named)[1] if named else name.strip()), role.strip() or None)

    def _claim(self, q: Quote, att: Attribution) -> Found:
        """The claim for one quote: kind, and the date and medium of its attribution."""
        words = self.text[q.start:q.end]
        s0, s1 = self._sentence_bounds(q)
        named_thing = self._proper_name(q)
        if att.speaker is None or att.speaker.name is None or named_thing:
            label = len(words.split()) <= TERM_WORDS and not words[:1].isupper() or self._nickname(q) or named_thing
            kind = "term" if label else (
                "speech" if self._whole(q, words) else "fragment")
        else:
            kind = "speech" if self._whole(q, words) else "fragment"
        if not att.inherited or att.said_on is None:
            att.said_on = dates.spoken_day(words, self.published) or self._said_on(att)
        if not att.inherited or att.medium is None:
            att.medium = medium(att.context) if att.context else None
        speaker = att.speaker if att.speaker and att.speaker.name and kind != "term" else None
        return Found(q.start, q.end, kind, speaker, att.said_on, att.medium, s0, s1,
                     continues=att.floats and speaker is not None)

    def _whole(self, q: Quote, words: str) -> bool:
        """True for a full utterance (starts with a capital, not after an article or preposition)."""
        first = next((c for c in words if c.isalnum()), "")
        if q.continues or not q.closed:
            return True
        prev_word = self.text[max(0, q.start - 20): q.start].split()[-1:] or [""]
        return first.isupper() and prev_word[0].strip("\"“`'").lower() not in FUNCTION_WORDS

    def _said_on(self, att: Attribution) -> date | None:
        """The day of an attribution: a date in its clause, else the dateline day unless it says earlier."""
        day = dates.when_said(att.context, self.published) if att.context else None
        if day is None and self.dateline and att.cue is not None and not dates.earlier_than_story(att.context):
            return self.dateline
        return day

    def _sentence_bounds(self, q: Quote) -> tuple[int, int]:
        """The sentence (or block) carrying a quote, from the mark before it to the end of its sentence."""
        para0 = self.text.rfind("\n", 0, q.start) + 1
        para1 = self.text.find("\n", q.end)
        para1 = len(self.text) if para1 < 0 else para1
        first = self.doc.char_span(max(para0, q.start - 1), q.start + 1, alignment_mode="expand")
        last = self.doc.char_span(max(q.start, q.end - 1), min(para1, q.end + 1), alignment_mode="expand")
        s0 = first[0].sent.start_char if first is not None and len(first) else para0
        s1 = last[-1].sent.end_char if last is not None and len(last) else para1
        return max(para0, s0), min(para1, s1)

    # --- reported speech ---------------------------------------------------------------------------

    def _according_claim(self, cue: Token) -> list[Found]:
        """The indirect claim of "according to X, ..." when X is a person or body rather than an outlet."""
        sent = cue.sent
        speakers = [s for s in self._according(cue) if s.name]
        start, stop = self._reported_span(sent.root, sent)
        context = self._context(sent.root, sent.start_char, sent.end_char)
        return [Found(start, stop, "indirect", s, self._said_on(Attribution(s, context, cue)), None,
                      sent.start_char, sent.end_char) for s in speakers]

    def _reported_span(self, verb: Token, sent: Span) -> tuple[int, int]:
        """The reporting verb's clause within its sentence, stopping at quotes (those are claims of their own)."""
        subtree = [t for t in verb.subtree if sent.start <= t.i < sent.end]
        start, stop = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        for q in self.top:
            if verb.idx <= q.start - 1 < stop:
                stop = q.start - 1
            if start < q.end + 1 <= verb.idx:
                start = q.end + 1
        while stop > start and not self.text[stop - 1].isalnum():
            stop -= 1
        while start < stop and not self.text[start].isalnum():
            start += 1
        return start, stop

    def _indirect(self) -> list[Found]:
        """One claim per speaker of each reporting verb that introduces no quote of its own."""
        out = []
        for tok in self.doc:
            according = tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)
            if self.in_quote[tok.idx] or tok.i in self.used_cues or not (cue_of(tok)
                                                                           or according):
                continue
            if according:  # "According to X, ...": X reports the rest of the sentence
                out.extend(self._according_claim(tok))
                continue
            # "The meeting, Putin said, has one purpose": the verb hangs off the clause it reports
            parenthetical = tok.dep_ == "parataxis" and cue_of(tok) == 2
            reports = ("ccomp", "dobj", "xcomp", "prep", "attr", "oprd", "advcl", "dative")
            if not parenthetical and not any(c.dep_ in reports for c in tok.children):
                continue
            if tok.dep_ == "conj" and cue_of(tok.head) and self._subject(tok) is not None \
                    and not any(c.dep_ in ("nsubj",) for c in tok.children):
                continue  # "ignored ... and proposed": one claim for the conjoined verbs
            speakers = [s for s in self.speakers(tok) if s.name]
            if not speakers:
                continue
            sent = tok.sent
            start, stop = self._reported_span(tok.head if parenthetical else tok, sent)
            context = self._context(tok, sent.start_char, sent.end_char)
            att = Attribution(speakers[0], context, tok)
            for speaker in speakers:
                out.append(Found(start, stop, "indirect", speaker, self._said_on(att), medium(context),
                                 sent.start_char, sent.end_char))
        return out


def _subhead(line: str) -> bool:
    """A short line between paragraphs that is no sentence and quotes nobody: "On the performance…"; a line ending
    in a comma leads into the next."""
    line = line.strip()
    return bool(line) and len(line.split()) <= 8 and line[-1:] not in ".!?:,\"”'’" and not DOUBLE.search(line)


# Auxiliaries of what is yet to happen, or may: a date in their clause is not the day of the words.
UNREALIZED = frozenset(("to", "will", "would", "shall", "'ll", "wo", "might", "may", "could", "should", "must"))
AHEAD = UNREALIZED - {"would"}  # "she would later say" was said


def _bare_act(verb: Token) -> bool:
    """True for a verb after a quote that can sign it: it reports no words of its own ("Kurti said that ...") and
    nothing yet to come ("Phillips will write a letter")."""
    return not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) and not _unrealized(verb, AHEAD)


def _unrealized(verb: Token, auxes: frozenset[str] = UNREALIZED) -> bool:
    """True for a clause of what is to come ("agreed to meet ... on Thursday", "said he would go"): its date
    and place are not those of the words."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in auxes for c in verb.children)
