"""The parser's and entity recognizer's decoding stepped with the GIL held (issue 13): the same parse, less time."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy

from dateline import nlp_transitions
from dateline.nlp import load_model, model_name
from dateline.nlp_transitions import (
    HeldGilTransitions,
    SpacyInternalsChanged,
    check_internals,
    decodes_held,
    held_gil_parse,
    held_gil_parse_groups,
    hold_gil_in_transitions,
)

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


# Lengths far apart, so that a batch sorted by length falls into groups whose longest documents differ.
UNEVEN = [
    "Rain.",
    "The council of Lagos State met on Monday.",
    "Fishermen from Mombasa told the Kenyan coast guard that a dhow had sunk off Lamu with eleven men aboard, "
    "and that two of them had swum to the island of Pate before dawn on Sunday.",
    "Quiet.",
    "Troops left.",
    "A court in Ankara jailed the editor of a weekly paper for two years after it printed a column about the "
    "governor of Hatay, his lawyer said, adding that the paper would appeal to the constitutional court.",
]


def _count_steps(monkeypatch) -> list[int]:
    """Patch the held loop's context-token call to count the steps taken; returns the counter (one int)."""
    steps = [0]
    get_token_ids = nlp_transitions._StepIds.get_token_ids

    def counted(self, states):
        steps[0] += 1
        return get_token_ids(self, states)

    monkeypatch.setattr(nlp_transitions._StepIds, "get_token_ids", counted)
    return steps


def test_the_groups_of_a_batch_are_decoded_in_one_loop_with_the_same_parse(monkeypatch):
    stock, held = _stock_and_held()
    steps = _count_steps(monkeypatch)
    ours = [doc.to_bytes() for doc in held.pipe(UNEVEN, batch_size=8)]  # one batch, three groups of two
    joined_steps = steps[0]
    assert ours == [doc.to_bytes() for doc in stock.pipe(UNEVEN, batch_size=8)]
    steps[0] = 0
    for name in ("parser", "ner"):
        held.get_pipe(name).joined = False
    assert [doc.to_bytes() for doc in held.pipe(UNEVEN, batch_size=8)] == ours
    # one loop per batch takes the longest document's steps, not the sum of every group's longest
    assert 0 < joined_steps < steps[0]


def test_grouped_states_are_what_spacy_predicts_for_each_group():
    stock = spacy.load(model_name())
    ner = stock.get_pipe("ner")
    docs = list(stock.pipe(UNEVEN, disable=["ner"]))
    groups = [[d.copy() for d in docs[:2]], [d.copy() for d in docs[2:5]], [], [d.copy() for d in docs[5:]]]
    states = held_gil_parse_groups(ner, groups)
    assert [len(group) for group in states] == [2, 3, 0, 1]
    for group, group_states in zip(groups, states, strict=True):
        theirs = [d.copy() for d in group]
        if group:
            ner.set_annotations(group, group_states)
            ner.set_annotations(theirs, ner.predict(theirs))
        assert [d.to_bytes() for d in group] == [d.to_bytes() for d in theirs]


def test_with_unseen_classes_each_group_keeps_its_own_loop(monkeypatch):
    # an unseen class scores the minimum over a step's states, so states of other groups must not join that step
    stock, held = _stock_and_held()
    for nlp in (stock, held):
        nlp.get_pipe("ner").model.attrs["unseen_classes"] = {3}
    steps = _count_steps(monkeypatch)
    ours = [doc.to_bytes() for doc in held.pipe(UNEVEN, batch_size=8)]
    assert ours == [doc.to_bytes() for doc in stock.pipe(UNEVEN, batch_size=8)]
    with_unseen = steps[0]
    steps[0] = 0
    held.get_pipe("ner").model.attrs["unseen_classes"] = set()
    list(held.pipe(UNEVEN, batch_size=8))
    assert with_unseen > steps[0]


def test_a_changed_spacy_internal_fails_loudly_naming_the_version(monkeypatch):
    _, held = _stock_and_held()

    def gone(self, states):
        raise AttributeError("'StateClass' object has no attribute 'c'")

    monkeypatch.setattr(nlp_transitions._StepIds, "get_token_ids", gone)
    with pytest.raises(SpacyInternalsChanged, match=f"spaCy {spacy.__version__} is installed"):
        list(held.pipe(UNEVEN[:2]))
    with pytest.raises(SpacyInternalsChanged, match="no `_components` list"):
        hold_gil_in_transitions(SimpleNamespace(pipeline=[]))
    stock = spacy.load(model_name())
    parser = stock.get_pipe("parser")
    monkeypatch.delitem(parser.model.attrs, "unseen_classes")
    with pytest.raises(SpacyInternalsChanged, match="unseen_classes is missing"):
        check_internals(parser)
