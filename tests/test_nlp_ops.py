"""The parse's matrix products go through numpy rather than BLIS (issue 13): same annotations, less time."""

from __future__ import annotations

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from thinc.api import NumpyOps, Ops

from dateline.nlp import load_model, model_name, multiply_with_numpy

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]
# Sentences of my own with names of every kind the stages read: people, places, groups, dates, amounts.
TEXTS = [
    "Villagers in Upper Nile said on Tuesday that soldiers of the SPLA burned 40 huts near Malakal.",
    "The Ghanaian finance minister, Ama Owusu, met IMF envoys in Accra to discuss a $3 billion loan.",
    "Protesters marched through central Minsk for a third weekend, and police detained about 200 of them.",
    "no capital letters here, only a quiet lane where nothing happened last year.",
]


def _blis_model():
    nlp = spacy.load(model_name())
    assert all(node.ops.use_blis for _, c in nlp.pipeline if getattr(c, "model", None) for node in c.model.walk())
    return nlp


def test_the_loaded_model_multiplies_with_numpy():
    nlp = load_model()
    layers = [node for _, c in nlp.pipeline if getattr(c, "model", None) is not None for node in c.model.walk()]
    assert layers and all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in layers)


def test_numpy_products_leave_the_annotations_of_blis_products():
    blis = _blis_model()
    numpy_nlp = _blis_model()
    assert multiply_with_numpy(numpy_nlp) > 0
    for ours, theirs in zip(numpy_nlp.pipe(TEXTS), blis.pipe(TEXTS), strict=True):
        assert numpy.array_equal(ours.to_array(ANNOTATIONS), theirs.to_array(ANNOTATIONS))
        assert [e.text for e in ours.ents] == [e.text for e in theirs.ents]
        # the context vectors the event models read differ at most in their last bits
        assert numpy.allclose(ours.tensor, theirs.tensor, rtol=1e-4, atol=1e-5)
    assert "Ama Owusu" in [e.text for e in numpy_nlp(TEXTS[1]).ents]


def test_layers_on_other_ops_are_left_alone():
    nlp = _blis_model()
    other = Ops()
    for _, component in nlp.pipeline:
        for node in component.model.walk() if getattr(component, "model", None) is not None else ():
            node.ops = other
    assert multiply_with_numpy(nlp) == 0
    assert all(node.ops is other for _, c in nlp.pipeline if getattr(c, "model", None) for node in c.model.walk())
