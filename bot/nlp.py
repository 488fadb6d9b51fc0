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
    """Start a sentence after every line break: headings, sign-offs and paragraphs never run together."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the configured pipeline by name once, without the components extraction does not read."""
    nlp = spacy.load(get_settings().whosaid_spacy_model, exclude=UNUSED)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp
