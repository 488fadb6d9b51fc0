"""Reporting verbs: the words that tell a passage is someone's speech."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # checking a pasted quote reads these lists without loading spaCy
    from spacy.tokens import Token

# Things that carry words without saying them: their author is the speaker ("a tweet that said").
DOCUMENTS = {"tweet", "post", "statement", "release", "report", "letter", "email", "e-mail", "message", "video",
             "memo", "filing", "document", "note", "announcement", "communique", "readout", "transcript", "text",
             "ruling", "judgment", "judgement", "sign", "notice"}
# Verbs that introduce someone's own words, quoted or reported.
SAY = [
    "say", "tell", "write", "post", "tweet", "declare", "announce", "add", "insist", "urge", "call",
    "characterize", "characterise", "describe", "state", "note", "stress", "emphasize", "emphasise",
    "argue", "claim", "warn", "ask", "answer", "reply", "respond", "explain", "recall", "remark", "comment",
    "continue", "suggest", "acknowledge", "admit", "concede", "deny", "threaten", "demand", "vow", "pledge",
    "promise", "predict", "repeat", "reiterate", "confirm", "assert", "contend", "maintain", "observe",
    "point", "express", "criticize", "criticise", "praise", "accuse", "dismiss", "quip", "joke", "scoff",
    "shout", "exclaim", "testify", "caution", "counter", "retort", "lament", "complain", "boast", "brag",
    "inform", "signal", "indicate", "propose", "underline", "underscore", "highlight", "hint", "muse",
    "wonder", "question", "proclaim", "blast", "slam", "mock", "recount", "concur", "agree", "disagree",
    "allege", "report", "brief", "affirm", "reaffirm", "conclude", "order", "thank", "welcome", "instruct",
    "appeal", "plead", "tout", "hail", "label", "dub", "brand", "term", "speak", "clarify", "elaborate",
    "reveal", "disclose", "assure", "reassure", "wish", "apologize", "apologise", "refer",
    "fume", "rant", "rave", "gush", "vent", "thunder", "snap", "interject", "chime", "yell", "scream", "bellow",
    "share", "holler", "echo", "blurt",
    # how someone says it, as features write: "“Big Brother will be watching,” smiled the Lord Mayor"
    "smile", "grin", "laugh", "chuckle", "sigh", "shrug", "nod", "beam", "whisper", "mutter", "murmur", "grumble",
    "mumble", "groan",
]
# Verbs that report a stance or an act of speech without carrying words of their own.
STANCE = [
    "reject", "refuse", "pressure", "push", "ignore", "offer", "extend", "invite", "back", "endorse",
    "support", "oppose", "challenge", "seek", "decline", "accept", "condemn", "denounce", "decry",
]

IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"], "speak": ["spoke", "spoken", "speaks", "speaking"],
    "seek": ["sought", "seeks", "seeking"], "bring": ["brought"], "brief": ["briefed", "briefs", "briefing"],
    "refer": ["refers", "referred", "referring"], "quiz": ["quizzes", "quizzed", "quizzing"],
    "echo": ["echoes", "echoed", "echoing"],
}


# Longer verbs stressed on their last syllable double its consonant too: admitted, concurred.
STRESSED_LAST = {"admit", "concur", "commit", "permit", "regret", "rebut", "prefer", "occur", "deter", "compel",
                 "propel", "confer"}


def _inflect(verb: str) -> set[str]:
    """The regular forms of an English verb: base, -s, -ed, -ing."""
    if verb in IRREGULAR:
        return {verb, *IRREGULAR[verb]}
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb + "ing" if verb.endswith("ee") else verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return {verb, verb + "es", verb + "ed", verb + "ing"}
    forms = {verb, verb + "s", verb + "ed", verb + "ing"}
    if verb.endswith("l") and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms |= {verb + "led", verb + "ling"}  # British spelling doubles it: labelled, signalling
    if (len(verb) <= 4 or verb in STRESSED_LAST) and verb[-1] in "bdgmnprt" and verb[-2] in "aeiou" and (
            verb[-3] not in "aeiou" or verb[-4:-2] == "qu"):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # a short verb doubles: slam, slammed
    return forms


def inflections(verbs: Iterable[str]) -> frozenset[str]:
    """Every form of these verbs a text may use.

    >>> sorted(inflections(["ask"]))
    ['ask', 'asked', 'asking', 'asks']
    """
    return frozenset(form for verb in verbs for form in _inflect(verb))


SAY_FORMS = inflections(SAY)
STANCE_FORMS = inflections(STANCE)


def cue_strength(word: str, tag: str) -> int:
    """2 for a verb of saying, 1 for a verb of stance, 0 for anything else (tag is the Penn tag)."""
    if not tag.startswith("VB"):
        return 0
    low = word.lower()
    return 2 if low in SAY_FORMS else 1 if low in STANCE_FORMS else 0


# Verbs of saying that are also verbs of going on: "growth will continue to moderate" says nothing.
ASPECTUAL = inflections(["continue", "start", "begin"])


def cue(tok: Token) -> int:
    """cue_strength of a parsed token, 0 for an aspectual verb carrying an infinitive ("continued to push")."""
    if tok.lower_ in ASPECTUAL and any(c.dep_ == "xcomp" for c in tok.children):
        return 0
    if tok.lower_ in ("read", "reads") and tok.tag_.startswith("VB"):  # "the statement read", "reads the ruling"
        return 2 if any(c.dep_ == "nsubj" and c.lower_ in DOCUMENTS for c in tok.children) else 0
    return cue_strength(tok.text, tok.tag_)
