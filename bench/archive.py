"""Reproducible claim archives for the lookup benchmark: many speakers, outlets and years, hand-made claims.

Sentences keep the shapes of the seed articles' sentences; their content words are redrawn, Zipf-distributed,
from the English vocabulary the installed spaCy pipeline ships, so the archive has a long tail of rare words as a
real one does. Some statements are quoted again by later articles, in the same or slightly different words.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

import spacy

from bench.corpus import paragraphs
from bot.models import Article, Claim
from bot.settings import get_settings

GENERATOR_VERSION = 1  # bump when the generated text changes, so cached stores are rebuilt
FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph "
    "Jessica Thomas Sarah Charles Karen Maria José Ana Luis Carmen Juan Sofía Diego Lucía Mohammed Fatima Ahmed "
    "Aisha Omar Layla Yusuf Amina Wei Li Mei Jun Hiroshi Yuki Kenji Aiko Priya Rahul Anjali Vikram Olga Dmitry "
    "Sergei Natalia Volodymyr Oksana Andriy Iryna Pierre Amélie François Chloé Hans Greta Lars Ingrid Kwame Ama "
    "Chinedu Ngozi Seo-yeon Min-jun Zeynep Mehmet Siobhan Seán Björn Nuño Zoë Renée"
).split()
SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
    "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera "
    "Campbell Mitchell Carter Roberts Kim Park Chen Wang Zhang Liu Tanaka Suzuki Sato Patel Singh Sharma Gupta Khan "
    "Ali Hussain Haddad Cohen Levy Müller Schmidt Schneider Fischer Dubois Lefèvre Moreau Rossi Russo Bianchi "
    "Kowalski Nowak Ivanov Petrov Smirnov Kuznetsov Shevchenko Kovalenko Bondarenko Yilmaz Kaya Okafor Mensah "
    "Adeyemi O'Brien O'Neill McCarthy MacDonald Fitzgerald Nakamura Eriksson Johansson Novák Horváth Papadopoulos "
    "Silva Santos Oliveira Pereira Costa Ferreira"
).split()
PARTICLES = ("van der", "de la", "von", "al-", "bin", "da")
ROLES = (
    "mayor", "senator", "spokesman", "spokeswoman", "foreign minister", "defence minister", "governor",
    "chief executive", "union leader", "police chief", "professor", "ambassador", "coach", "prime minister",
    "opposition leader", "council member", "economist", "analyst", "press secretary", "health secretary",
)
PLACES = ("Riverton", "Lakeside", "Northfield", "Harbor City", "Eastbrook", "Westmoor", "Kingsport", "Ashford",
          "Milltown", "Brightwater", "Stonebridge", "Fairhaven", "Oakdale", "Redcliff", "Summerton", "Greyhill")
PAPERS = ("Times", "Post", "Herald", "Ledger", "Tribune", "Gazette", "Courier", "Chronicle", "Observer", "Daily")
MEDIA = ("X", "Truth Social", "TV", "radio", "Telegram", "Facebook", "press conference", "podcast")
FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2025, 12, 31)
REQUOTE = 0.25  # share of direct quotes that repeat an earlier statement of the same speaker
RECENT = 20_000  # how far back a repeat may reach, in statements
_QUOTE_MARKS = re.compile(r"[\"“”„«»]|(?<!\w)['‘]|['’](?!\w)")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|\S")
KEEP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been has have had will would "
    "can could should may might must not no this that these those it its he she they we i you his her their our "
    "who which what when where said says after before over under into than then there here also more most".split()
)


@dataclass(frozen=True)
class Speaker:
    """One person of the generated archive."""

    name: str
    surname: str
    role: str
    handle: str


@dataclass
class Said:
    """A statement already published, which later articles may quote again."""

    speaker: int
    text: str
    said_on: date | None
    medium: str | None


@cache
def vocabulary() -> tuple[list[str], list[float]]:
    """Plain lowercase words of the installed English pipeline, in a fixed shuffled order, with Zipf weights.

    The weights start flat-ish (rank + 50): the commonest words of English are the function words kept as they are.
    """
    nlp = spacy.load(get_settings().whosaid_spacy_model, exclude=["tok2vec", "tagger", "parser", "ner"])
    found = sorted(s for s in nlp.vocab.strings if re.fullmatch(r"[a-z]{4,14}", s))
    random.Random(1).shuffle(found)
    return found, list(accumulate(1.0 / (rank + 50) for rank in range(len(found))))


@cache
def sentence_shapes() -> list[list[str]]:
    """The seed articles' sentences as tokens, quote marks removed."""
    sentences = [s for p in paragraphs() for s in re.split(r"(?<=[.!?])\s+", _QUOTE_MARKS.sub("", p))]
    return [_TOKEN.findall(s) for s in sentences if 6 <= len(s.split()) <= 40]


def detokenize(tokens: list[str]) -> str:
    """Tokens back to text: no space before punctuation."""
    return re.sub(r" (?=[^\w(]|$)", "", " ".join(tokens))


def people(count: int, rng: random.Random) -> list[Speaker]:
    """`count` distinct speakers with names from many languages, some with particles, middle initials or hyphens."""
    made: dict[str, Speaker] = {}
    while len(made) < count:
        surname = rng.choice(SURNAMES)
        roll = rng.random()
        if roll < 0.08:
            surname = f"{rng.choice(SURNAMES)}-{surname}"
        elif roll < 0.14:
            surname = f"{rng.choice(PARTICLES)}{'' if roll < 0.09 else ' '}{surname}"
        first = rng.choice(FIRST)
        middle = f" {chr(rng.randrange(65, 91))}." if rng.random() < 0.35 else ""
        name = f"{first}{middle} {surname}"
        if name not in made:
            handle = "@" + re.sub(r"\W", "", f"{first}{surname}".lower())[:15] + str(rng.randrange(100))
            made[name] = Speaker(name, surname, rng.choice(ROLES), handle)
    return list(made.values())


class Archive:
    """A deterministic stream of articles with their claims, about `claims` claims in all."""

    def __init__(self, claims: int, *, seed: int = 11) -> None:
        self.claims = claims
        self.rng = random.Random(seed)
        self.words, self.weights = vocabulary()
        self.speakers = people(max(100, claims // 15), self.rng)
        self.speaker_weights = list(accumulate(1.0 / (r + 1) ** 0.9 for r in range(len(self.speakers))))
        self.outlets = [f"{place} {paper}" for place in PLACES for paper in PAPERS]
        self.said: list[Said] = []

    def sentence(self) -> str:
        """A seed sentence shape with about 40% of its content words redrawn from the vocabulary."""
        tokens = list(self.rng.choice(sentence_shapes()))
        for i, token in enumerate(tokens):
            if token.isdigit():
                tokens[i] = str(self.rng.randrange(1, 2000))
            elif token.isalpha() and token.lower() not in KEEP and self.rng.random() < 0.4:
                word = self.rng.choices(self.words, cum_weights=self.weights)[0]
                tokens[i] = word.capitalize() if token[0].isupper() else word
        return detokenize(tokens)

    def speech(self) -> str:
        """Direct words: one to three sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3))))

    def variant(self, text: str) -> str:
        """Another outlet's wording of the same words: as is, other case or marks, one word changed, or cut."""
        roll = self.rng.random()
        tokens = text.split()
        if roll < 0.5 or len(tokens) < 8:
            return text
        if roll < 0.7:
            return text.upper() if self.rng.random() < 0.2 else text.rstrip(".!?") + "…"
        if roll < 0.85:
            i = self.rng.randrange(len(tokens))
            tokens[i] = self.rng.choices(self.words, cum_weights=self.weights)[0]
            return " ".join(tokens)
        return " ".join(tokens[: max(6, len(tokens) * 2 // 3)])

    def articles(self) -> Iterator[tuple[Article, list[Claim]]]:
        """Articles in publication order until the claim count is reached."""
        made = index = 0
        span = (LAST_DAY - FIRST_DAY).days
        expected = max(1, self.claims // 5)
        while made < self.claims:
            published = FIRST_DAY + timedelta(days=min(span, index * span // expected + self.rng.randrange(3)))
            article, claims = self.article(index, published, min(self.claims - made, self.rng.randint(2, 8)))
            made += len(claims)
            index += 1
            yield article, claims

    def article(self, index: int, published: date, count: int) -> tuple[Article, list[Claim]]:
        """One article of `count` claimed paragraphs with some unquoted reporting between them."""
        outlet = self.rng.choice(self.outlets)
        text = f"{self.sentence()}\n"
        claims: list[Claim] = []
        for _ in range(count):
            if self.rng.random() < 0.4:
                text += self.sentence() + "\n"
            start = len(text)
            before, claim, after = self.paragraph(published)
            text += before + claim.quote + after + "\n"
            claims.append(claim.model_copy(update={
                "start": start + len(before), "end": start + len(before) + len(claim.quote),
                "sentence_start": start, "sentence_end": len(text) - 1}))
        name = f"bench-{index:07}.txt"
        url = f"https://{outlet.lower().replace(' ', '')}.example/{index}" if self.rng.random() < 0.7 else None
        return Article(name=name, text=text, outlet=outlet, published=published, url=url,
                       headline=self.sentence()[:90]), claims

    def paragraph(self, published: date) -> tuple[str, Claim, str]:
        """The text before a claim, the claim, and the text after it: one of the ways news text attributes words."""
        roll = self.rng.random()
        if roll < REQUOTE * 0.7 and len(self.said) > 10:
            # Not one of the last few: an article does not quote the same words twice.
            said = self.said[-self.rng.randint(10, min(RECENT, len(self.said)))]
            who, quote, kind = said.speaker, self.variant(said.text), "speech"
            said_on, medium = said.said_on, said.medium
        else:
            who = self.rng.choices(range(len(self.speakers)), cum_weights=self.speaker_weights)[0]
            said_on = published - timedelta(days=self.rng.randrange(3)) if self.rng.random() < 0.8 else None
            medium = self.rng.choice(MEDIA) if self.rng.random() < 0.3 else None
            kind = "speech" if roll < 0.7 else "fragment" if roll < 0.82 else "indirect" if roll < 0.96 else "term"
            quote = self.quote(kind)
            if kind == "speech":
                self.said.append(Said(who, quote, said_on, medium))
        speaker = self.speakers[who]
        titled = f"{speaker.role.capitalize()} {speaker.name}"
        mention = self.rng.choice((speaker.name, speaker.name, speaker.surname, titled))
        if medium == "X" and self.rng.random() < 0.3:
            mention = speaker.handle
        where = f" on {medium}" if medium else ""
        before, after = {
            "speech": (f'{mention} said{where}: "', '"'),
            "fragment": (f'{mention} called the plan "', '" and left.'),
            "indirect": (f"{mention} said{where} that ", ""),
            "term": (f'{mention} described it as "', '".'),
        }[kind]
        return before, Claim(start=0, end=0, quote=quote, kind=kind, speaker=speaker.name, speaker_mention=mention,
                                role=speaker.role if mention == titled else None, said_on=said_on,
                                medium=medium, sentence_start=0, sentence_end=0), after

    def quote(self, kind: str) -> str:
        """The words of a new claim of `kind`."""
        if kind == "speech":
            return self.speech()
        words = self.sentence().rstrip(".!?").split()
        if kind == "indirect":
            first = words[0] if words[0].isupper() or words[0] == "I" else words[0].lower()
            return " ".join([first, *words[1:]]) + "."
        size = self.rng.randint(3, 8) if kind == "fragment" else self.rng.randint(1, 2)
        at = self.rng.randrange(max(1, len(words) - size))
        cut = " ".join(words[at:at + size]).strip(",;:()-")
        return cut if re.search(r"\w", cut) else self.quote(kind)
