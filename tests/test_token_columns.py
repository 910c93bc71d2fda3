"""The parse's columns (events.token_columns) say what the tokens say, and the loops that read them pass over the same
tokens as before; the verifier's cited weights and the gazetteer's remembered demonyms are the numbers read afresh."""

from __future__ import annotations

import numpy as np

from dateline.events.detect import candidate_tokens, is_candidate
from dateline.events.linear import LinearModel
from dateline.events.token_columns import token_columns, tokens_where
from dateline.geo.gazetteer import get_gazetteer

TEXT = ("Rebels shelled the northern town of Ras on Tuesday, killing 12 people. The U.N. envoy said both sides "
        "must stop. \"We're not backing off,\" a commander told reporters in a call... Talks resume on 3 May.")


def test_columns_are_the_tokens_attributes(nlp) -> None:
    doc = nlp(TEXT)
    columns = token_columns(doc)
    assert columns.pos == [t.pos_ for t in doc]
    assert columns.lower == [t.lower_ for t in doc]
    assert columns.alpha == [t.is_alpha for t in doc]
    assert columns.length == [len(t.text) for t in doc]
    assert token_columns(doc) is columns  # read once a parse


def test_an_empty_parse_has_empty_columns(nlp) -> None:
    assert token_columns(nlp("")).pos == []


def test_tokens_where_keeps_the_tokens_a_plain_loop_keeps(nlp) -> None:
    doc = nlp(TEXT)
    for sent in doc.sents:
        kept = [t.i for t in tokens_where(sent, lambda pos, lower: pos == "VERB" and lower != "said")]
        assert kept == [t.i for t in sent if t.pos_ == "VERB" and t.lower_ != "said"]
    assert [t.i for t in tokens_where(doc, lambda pos, _: pos == "NOUN")] == [t.i for t in doc if t.pos_ == "NOUN"]


def test_detector_candidates_are_the_tokens_is_candidate_takes(nlp) -> None:
    doc = nlp(TEXT)
    for sent in doc.sents:
        assert [t.i for t in candidate_tokens(sent)] == [t.i for t in sent if is_candidate(t)]


def test_top_features_are_the_weights_less_none_s() -> None:
    coef = np.array([[0.5, -1.25, 2.0], [0.1, 0.3, -0.7], [1e-7, 0.2, 0.0]])
    model = LinearModel(classes=("NONE", "PROTEST", "ASSAULT"), vocabulary={"a": 0, "b": 1, "c": 2}, coef=coef,
                        intercept=np.zeros(3))
    assert model.top_features(["c", "a", "zz", "b", "a"], "PROTEST") == [
        ("b", float(coef[1, 1] - coef[0, 1])), ("a", float(coef[1, 0] - coef[0, 0])),
        ("c", float(coef[1, 2] - coef[0, 2]))]
    assert model.top_features(["a"], "ASSAULT", n=1) == [("a", float(coef[2, 0] - coef[0, 0]))]
    assert model.top_features(["a"], "DEMAND") == []


def test_a_remembered_demonym_is_the_one_looked_up() -> None:
    gazetteer = get_gazetteer()
    for key in ("syrian", "french", "paris", "syrian"):
        assert gazetteer.demonym(key) == gazetteer._demonym(key)
