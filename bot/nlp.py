"""The spaCy pipeline, loaded once per process with only what attribution needs."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from bot.settings import get_settings

# Attribution reads tags and the dependency parse only: speakers are subjects of reporting verbs and
# names are told by titles and shape, so the lemmatizer (verb forms are listed) and the NER (half of this
# pipeline's run time) are left out.
UNUSED = ["lemmatizer", "ner"]


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


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the configured pipeline by name once, without the components extraction does not read."""
    nlp = spacy.load(get_settings().whosaid_spacy_model, exclude=UNUSED)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp
