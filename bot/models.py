"""The records that flow through whosaid: article → claims → statements → answers."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

Kind = Literal["speech", "fragment", "term", "indirect"]
Verdict = Literal["verbatim", "altered", "misattributed", "stitched", "unsourced"]


class Article(BaseModel):
    """One news article as read from a file, a page or a feed."""

    name: str = Field(description="file name or URL the article came from")
    text: str
    outlet: str | None = None
    published: date | None = None
    headline: str | None = None
    url: str | None = None


class Claim(BaseModel):
    """One quoted or reported statement found in one article."""

    start: int = Field(description="offset of the quoted words' first character in the article text")
    end: int = Field(description="offset just past the last character")
    quote: str = Field(description="article.text[start:end], verbatim")
    kind: Kind
    speaker: str | None = Field(default=None, description="canonical person or group; never a pronoun")
    speaker_mention: str | None = Field(default=None, description="how the article names the speaker here")
    role: str | None = Field(default=None, description="the speaker's title where stated, e.g. Kremlin spokesman")
    said_on: date | None = None
    medium: str | None = None
    continues: bool = Field(default=False, description="carries on the quote before it: one utterance split by "
                            "its attribution or over paragraphs")
    sentence_start: int = Field(description="start of the sentence (or block) carrying the claim")
    sentence_end: int


class Person(BaseModel):
    """A canonical speaker and every spelling the articles use for them."""

    name: str
    role: str | None = None
    aliases: list[str] = []
    claims: int = 0


class Source(BaseModel):
    """One article carrying a statement, with that article's own wording."""

    article: str
    outlet: str | None = None
    published: date | None = None
    headline: str | None = None
    url: str | None = None
    quote: str
    sentence: str
    kind: Kind


class Statement(BaseModel):
    """One utterance, grouped across every article that quotes it."""

    id: int
    speaker: str | None
    role: str | None = None
    text: str = Field(description="the fullest sourced wording")
    said_on: date | None = None
    medium: str | None = None
    sources: list[Source] = []
    variants: list[str] = Field(default=[], description="distinct wordings when outlets disagree")
    sources_total: int = Field(default=0, description="how many sources carry it; `sources` may hold the first few")

    @model_validator(mode="after")
    def _count_sources(self) -> Statement:
        self.sources_total = max(self.sources_total, len(self.sources))
        return self


class DiffOp(BaseModel):
    """One word-level difference between a pasted quote and the sourced words."""

    op: Literal["equal", "added", "dropped", "changed"]
    pasted: str = ""
    sourced: str = ""


class Check(BaseModel):
    """The verdict on one quoted passage of a pasted text."""

    quote: str
    claimed_speaker: str | None = None
    verdict: Verdict
    speaker: str | None = None
    sourced: str | None = None
    diff: list[DiffOp] = []
    sources: list[Source] = []
    variants: list[str] = []
    statement_ids: list[int] = []
    reason: str = ""
    said_on: date | None = Field(default=None, description="when the sourced speaker said the words")
    medium: str | None = Field(default=None, description="where the sourced speaker said them")


class CheckResult(BaseModel):
    """All checks for one pasted text, in the order the passages appear."""

    text: str
    checks: list[Check] = []
    message: str | None = Field(default=None, description="plain answer when no passage could be checked")


class AskResult(BaseModel):
    """Statements best matching a lookup, or the nearest candidates when nothing sources it."""

    query: str
    statements: list[Statement] = []
    nearest: list[Statement] = []
    message: str | None = None
    speaker: str | None = Field(default=None, description="the speaker the query was read as naming")
    on: date | None = Field(default=None, description="the day the query was read as naming")
    since: date | None = Field(default=None, description="the start date the query was read as naming")
    terms: list[str] = Field(default=[], description="the words looked for, folded")
    corrected: dict[str, str] = Field(default={}, description="words no stored quote uses, as typed → as looked for")


class DigestGroup(BaseModel):
    """One speaker's statements in a digest."""

    speaker: str
    role: str | None = None
    statements: list[Statement]


class Digest(BaseModel):
    """What was said in a period, by speaker, most quoted first."""

    title: str
    groups: list[DigestGroup] = []
    disagreements: int = 0
    message: str | None = Field(default=None, description="one short line when nothing was said in the period")
    seen_until: str | None = Field(
        default=None, description="when the newest statement covered was first stored; the next digest starts after"
    )
