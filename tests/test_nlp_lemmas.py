"""The lemmatizer applied once per distinct word, POS and morphology (issue 13): spaCy's lemmas, written as a table."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import Lemmatizer

from dateline.nlp import load_model, model_name
from dateline.nlp_lemmas import TabledLemmas, lemma_hashes, table_lemmatizer
from dateline.nlp_transitions import SpacyInternalsChanged

# Sentences of my own: inflected verbs and nouns said twice in different roles, auxiliaries, a proper noun, numbers.
TEXTS = [
    "The ministers were meeting in Lusaka while the miners' unions met the governors and struck a deal.",
    "She had been saying for weeks that the rains would flood the lower fields; they flooded on Friday.",
    "Dozens of geese flew over 3,000 sheep as the herders' children watched, and the children laughed.\n\n"
    "It's better than it was, he said.",
    "",
]


def _before_lemmas(nlp):
    """Docs parsed up to the lemmatizer (the attribute ruler has run and set a few lemmas of its own)."""
    return list(nlp.pipe(TEXTS, disable=["lemmatizer", "ner"]))


def test_the_loaded_model_writes_its_lemmas_as_a_table():
    assert isinstance(load_model().get_pipe("lemmatizer"), TabledLemmas)


def test_tabled_lemmas_are_spacys_with_and_without_overwriting():
    stock = spacy.load(model_name())
    docs = _before_lemmas(stock)
    assert any(token.lemma != 0 for doc in docs for token in doc)  # the ruler's own lemmas are there to keep
    lemmatizer = stock.get_pipe("lemmatizer")
    for overwrite in (False, True):
        lemmatizer.overwrite = overwrite
        theirs = [lemmatizer(doc.copy()) for doc in docs]
        ours = [doc.copy() for doc in docs]
        for doc in ours:
            doc.from_array(["LEMMA"], lemma_hashes(lemmatizer, doc))
        assert [d.to_bytes() for d in ours] == [d.to_bytes() for d in theirs]
        # the ruler's "be" for "were" is kept, unless the lemmatizer overwrites it with its own
        assert [t.lemma_ for t in ours[0]][2:4] == ["were" if overwrite else "be", "meet"]


def test_a_tabled_lemmatizer_gives_the_same_docs_through_the_pipeline():
    stock, tabled = spacy.load(model_name()), spacy.load(model_name())
    assert table_lemmatizer(tabled)
    assert type(tabled.get_pipe("lemmatizer")).__name__ == "TabledEnglishLemmatizer"
    ours = [doc.to_bytes() for doc in tabled.pipe(TEXTS)]
    assert ours == [doc.to_bytes() for doc in stock.pipe(TEXTS)]
    assert [tabled(text).to_bytes() for text in TEXTS] == ours


def test_only_known_lemmatizers_and_modes_are_tabled():
    nlp = spacy.load(model_name())
    nlp.get_pipe("lemmatizer")._mode = "pos_lookup"
    assert not table_lemmatizer(nlp)
    blank = spacy.blank("en")
    assert not table_lemmatizer(blank)  # no lemmatizer at all

    class Custom(Lemmatizer):
        """A lemmatizer whose reading of a token is not known."""

    stock = spacy.load(model_name())
    stock.get_pipe("lemmatizer").__class__ = Custom
    assert not table_lemmatizer(stock)


def test_a_lemmatizer_without_its_private_table_check_stops_the_load_naming_spacy(monkeypatch):
    nlp = spacy.load(model_name())
    lemmatizer = nlp.get_pipe("lemmatizer")
    monkeypatch.delattr(lemmatizer, "_validated")
    with pytest.raises(SpacyInternalsChanged, match=f"spaCy {spacy.__version__} is installed"):
        table_lemmatizer(nlp)
