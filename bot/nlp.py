"""The spaCy pipeline, loaded once per process with only what attribution needs."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from bot.settings import get_settings

# Attribution reads tags and the dependency parse only: speakers are subjects of reporting verbs and
# names are told by titles and shape, so the lemmatizer (verb forms are listed) and the NER (half of this
# pipeline's run time) are left out, and the attribute ruler (rule matching on every token, a third of what
# is left) gives way to a table from fine tags to coarse ones.
UNUSED = ["lemmatizer", "ner", "attribute_ruler"]
# Penn Treebank tags to Universal POS, as the English pipeline's attribute ruler maps them.
COARSE = {
    "$": "SYM", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", ".": "PUNCT", ":": "PUNCT",
    "ADD": "X", "AFX": "ADJ", "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT",
    "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NFP": "PUNCT", "NN": "NOUN",
    "NNP": "PROPN", "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB",
    "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "DET", "WP": "PRON",
    "WP$": "PRON", "WRB": "ADV", "XX": "X", "_SP": "SPACE", "``": "PUNCT",
}


@Language.component("coarse_tags")
def coarse_tags(doc: Doc) -> Doc:
    """Set each token's coarse part of speech from its fine tag."""
    for tok in doc:
        tok.pos_ = COARSE.get(tok.tag_, "X")
    return doc


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, sign-offs and paragraphs never run together.

    A hard-wrapped line (the next line goes on in lowercase after no closing punctuation) is no break.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space or "\n" not in prev.text + prev.whitespace_:
            continue
        before = doc[prev.i - 1] if prev.is_space and prev.i else prev  # the last word before the break
        gap = (prev.text if prev.is_space else "") + prev.whitespace_
        wrapped = tok.text[:1].islower() and before.text[-1:] not in ".!?:;\"”’)" and gap.count("\n") == 1
        tok.is_sent_start = not wrapped
    return doc


# Titles news abbreviates before names that the English tokenizer splits from their full stop.
TITLE_ABBREVIATIONS = """Coun. Cllr. Supt. Insp. Det. Cmdr. Sgt. Cpl. Const. Ald. Atty. Asst. Hon. Fr. Cr. Supv. Comm.
Amb. Pres. Capt. Lt. Col. Maj. Brig. Cdr. Mgr. Msgr. Prof. Rev.""".split()
# Forenames written short ("Mohd. Raisul Islam Khan", "Md. Shahidul Alam"): their full stop ends no sentence either.
NAME_ABBREVIATIONS = "Mohd. Muhd. Md. Wm. Jas. Chas. Geo. Thos.".split()
SHORT_FORMS = frozenset(TITLE_ABBREVIATIONS + NAME_ABBREVIATIONS)


@Language.component("abbreviations")
def abbreviations(doc: Doc) -> Doc:
    """No sentence starts after a title or forename written short: "Mohd. Raisul Islam Khan" is one name."""
    for tok in doc[1:]:
        if doc[tok.i - 1].text in SHORT_FORMS and not tok.is_space and tok.is_sent_start is None:
            tok.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the configured pipeline by name once, without the components extraction does not read."""
    nlp = spacy.load(get_settings().whosaid_spacy_model, exclude=UNUSED)
    # `said,"Sometimes`: a comma or colon glued to an opening mark still ends the word before it; `in,″`:
    # the double prime some archives close quotes with is a mark of its own.
    infixes = [*nlp.Defaults.infixes, r"(?<=\w)[,;:](?=[\"“])", r"(?<=\w[,;:])[\"“]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, "″"]).search
    for short in SHORT_FORMS:  # "Coun. Loyal Wooldridge said": the full stop ends no sentence
        nlp.tokenizer.add_special_case(short, [{ORTH: short}])
    nlp.add_pipe("line_breaks", before="parser")
    nlp.add_pipe("abbreviations", before="parser")
    nlp.add_pipe("coarse_tags", after="tagger")
    return nlp
