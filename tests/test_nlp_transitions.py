"""The parser's and entity recognizer's decoding stepped with the GIL held (issue 13): the same parse, less time."""

from __future__ import annotations

import spacy

from dateline.nlp import load_model, model_name
from dateline.nlp_transitions import HeldGilTransitions, decodes_held, held_gil_parse, hold_gil_in_transitions

# Sentences of my own: names of every kind the stages read, a long one, a one-word one, blank lines, and nothing.
TEXTS = [
    "Villagers in Upper Nile said on Tuesday that soldiers of the SPLA burned 40 huts near Malakal.",
    "The Ghanaian finance minister, Ama Owusu, met IMF envoys in Accra to discuss a $3 billion loan.\n\n"
    "\"We will not sign,\" said Kwame Mensah of the opposition NDC, who had flown in from Kumasi on Friday.",
    "Protesters marched through central Minsk for a third weekend, and police detained about 200 of them, "
    "among them two reporters of the Belsat channel, according to the Viasna rights group in Vilnius.",
    "no capital letters here, only a quiet lane where nothing happened last year.",
    "Geneva.",
    "",
    "\n\n",
]


def _stock_and_held():
    """spaCy's model as shipped, and a second copy with its transition components wrapped."""
    stock, held = spacy.load(model_name()), spacy.load(model_name())
    assert hold_gil_in_transitions(held) == ["parser", "ner"]
    return stock, held


def test_the_loaded_model_decodes_with_the_gil_held():
    nlp = load_model()
    components = dict(nlp.pipeline)
    assert isinstance(components["parser"], HeldGilTransitions)
    assert isinstance(components["ner"], HeldGilTransitions)
    assert nlp.pipe_names.index("parser") < nlp.pipe_names.index("ner")
    # the wrapped component's own attributes are still there
    assert "GPE" in components["ner"].labels and components["ner"].name == "ner"


def test_held_decoding_gives_the_same_docs_as_spacy_in_batches_and_one_by_one():
    stock, held = _stock_and_held()
    for ours, theirs in zip(held.pipe(TEXTS, batch_size=4), stock.pipe(TEXTS, batch_size=4), strict=True):
        assert ours.to_bytes() == theirs.to_bytes()
    for text in TEXTS:
        assert held(text).to_bytes() == stock(text).to_bytes()
    assert [e.text for e in held(TEXTS[1]).ents][:2] == ["Ghanaian", "Ama Owusu"]


def test_held_parse_returns_the_states_spacy_predicts():
    stock = spacy.load(model_name())
    ner = stock.get_pipe("ner")
    docs = list(stock.pipe(TEXTS[:3], disable=["ner"]))
    ours, theirs = [d.copy() for d in docs], [d.copy() for d in docs]
    ner.set_annotations(ours, held_gil_parse(ner, ours))
    ner.set_annotations(theirs, ner.predict(theirs))
    assert [d.to_bytes() for d in ours] == [d.to_bytes() for d in theirs]
    assert any(d.ents for d in ours)


def test_only_greedy_transition_components_are_wrapped():
    stock = spacy.load(model_name())
    assert not decodes_held(stock.get_pipe("tagger"))
    assert decodes_held(stock.get_pipe("ner"))
    ner = stock.get_pipe("ner")
    ner.cfg["beam_width"] = 4
    assert not decodes_held(ner)
    assert hold_gil_in_transitions(stock) == ["parser"]
