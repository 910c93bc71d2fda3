"""The events stage doing less for the same results: the detector's model called once an article, the linear
models' rows scored apart from each other whatever else is in the call."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.events import linear
from dateline.events.detect import detect_in_sentences, detect_triggers, using_detector
from dateline.events.linear import LinearModel
from dateline.nlp import load_model as load_spacy

THREE_SENTENCES = ("Riot police gassed the marchers near the bridge. The mayor praised the firemen on Tuesday. "
                   "Later the guards gassed a crowd of farmers outside the ministry.")


def gas_and_praise_detector() -> LinearModel:
    """Reads "gas" as COERCE, "praise" as SUPPORT, anything else as nothing."""
    return LinearModel(classes=("COERCE", "SUPPORT", "NONE"), vocabulary={"l=gas": 0, "l=praise": 1},
                       coef=np.array([[4.0, 0.0], [0.0, 4.0], [-4.0, -4.0]]),
                       intercept=np.array([-2.0, -2.0, 2.0]), threshold=0.5)


def test_the_sentences_of_an_article_are_read_in_one_call_with_the_proposals_of_one_by_one(monkeypatch) -> None:
    sentences = list(load_spacy()(THREE_SENTENCES).sents)
    gassed = next(t for t in sentences[0] if t.lower_ == "gassed")
    typed = [{gassed.i: "ASSAULT"}, {}, {}]
    calls = []
    original = LinearModel.probabilities_of_many

    def counted(self, rows, dense=None):
        calls.append(len(rows))
        return original(self, rows, dense)

    with using_detector(gas_and_praise_detector()):
        one_by_one = [detect_triggers(sent, types) for sent, types in zip(sentences, typed, strict=True)]
        monkeypatch.setattr(LinearModel, "probabilities_of_many", counted)
        together = detect_in_sentences(list(zip(sentences, typed, strict=True)))
    assert together == one_by_one
    assert [[t.text for t, _ in found] for found in together] == [[], ["praised"], ["gassed"]]
    assert len(calls) == 1


def test_no_sentence_with_a_candidate_calls_no_model(monkeypatch) -> None:
    sentences = list(load_spacy()("Yes. Oh!").sents)

    def refused(*_args):
        raise AssertionError("the model was called")

    monkeypatch.setattr(LinearModel, "probabilities_of_many", refused)
    with using_detector(gas_and_praise_detector()):
        assert detect_in_sentences([(sent, {}) for sent in sentences]) == [[] for _ in sentences]


@pytest.mark.parametrize("seed", [3, 11])
def test_a_rows_probabilities_are_the_same_bits_alone_or_among_others(seed: int) -> None:
    rng = np.random.default_rng(seed)
    vocabulary = {f"f{n}": n for n in range(300)}
    model = LinearModel(classes=tuple(f"C{n}" for n in range(17)), vocabulary=vocabulary,
                        coef=rng.normal(size=(17, 300)), intercept=rng.normal(size=17))
    rows = [[f"f{n}" for n in rng.integers(0, 320, size=int(rng.integers(0, 40)))] for _ in range(60)]
    rows[5] = ["unknown", "f999"]  # no known feature: the intercept alone
    together = model.probabilities_of_many(rows)
    for n, row in enumerate(rows):
        assert together[n].tobytes() == model.probabilities_of_many([row])[0].tobytes()
        assert together[n].tobytes() == model.probabilities_of_many([list(reversed(row)), *rows[:3]])[0].tobytes()
    alone = np.exp(model.intercept - model.intercept.max())
    assert np.allclose(together[5], alone / alone.sum())


def test_known_features_are_read_once_each_in_column_order() -> None:
    assert linear._columns(["b", "zz", "a", "b", "c"], {"a": 2, "b": 0, "c": 7}) == [0, 2, 7]
    assert linear._columns(["zz"], {"a": 2}) == []
