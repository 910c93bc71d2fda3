"""How a detector picks its proposal: the most probable class (models that say nothing), or the most probable
type with NONE set aside (`proposal: best_type`), each at the model's threshold."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from dateline.events.detect import detect_triggers, proposed_type, using_detector
from dateline.events.linear import LinearModel
from dateline.nlp import load_model as load_spacy

RAIDED = "Militiamen raided a farm near the river at dawn."


def raid_detector(meta: dict | None = None) -> LinearModel:
    """A detector that gives the verb "raid" ASSAULT 0.4 against NONE 0.6 (a rare word NONE's prior outranks) and
    every other word ASSAULT 0.1."""
    none_bias, raid = float(np.log(0.9 / 0.1)), float(np.log(0.9 / 0.1) - np.log(0.6 / 0.4))
    return LinearModel(classes=("ASSAULT", "NONE"), vocabulary={"l=raid": 0}, coef=np.array([[raid], [0.0]]),
                       intercept=np.array([0.0, none_bias]), threshold=0.3, meta=meta or {})


def test_a_model_that_names_no_rule_proposes_only_where_a_type_outranks_none() -> None:
    sent = next(load_spacy()(RAIDED).sents)
    with using_detector(raid_detector()):
        assert detect_triggers(sent, {}) == []


def test_best_type_proposes_a_probable_type_that_none_outranks() -> None:
    sent = next(load_spacy()(RAIDED).sents)
    with using_detector(raid_detector({"proposal": "best_type"})):
        found = detect_triggers(sent, {})
    assert [(t.text, e.type) for t, e in found] == [("raided", "ASSAULT")]
    assert "P=0.40" in found[0][1].rule


def test_best_type_still_needs_the_threshold() -> None:
    model = replace(raid_detector({"proposal": "best_type"}), threshold=0.5)
    sent = next(load_spacy()(RAIDED).sents)
    with using_detector(model):
        assert detect_triggers(sent, {}) == []


def test_the_two_rules_on_one_set_of_probabilities() -> None:
    probs = np.array([0.4, 0.6])
    assert proposed_type(raid_detector(), probs) == ("NONE", 0.6)
    assert proposed_type(raid_detector({"proposal": "best_type"}), probs) == ("ASSAULT", 0.4)


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="proposal rule"):
        proposed_type(raid_detector({"proposal": "everything"}), np.array([0.4, 0.6]))


def test_the_recipe_writes_its_rule_into_the_detector_and_reads_out_of_fold_by_it() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import train_event_detector as recipe

    rows = [recipe.TokenRow("gold", f"doc{i}", "ASSAULT" if i % 5 == 0 else "NONE",
                            ["l=raid" if i % 5 == 0 else "l=farm", "pos=VERB"], False) for i in range(60)]
    try:
        recipe.set_proposal("best_type")
        model = recipe.fit(rows)
        oof = recipe.out_of_fold(rows, recipe.fold_models(rows))
    finally:
        recipe.set_proposal("argmax")
    assert model.meta["proposal"] == "best_type"
    assert all(label != "NONE" for label, _ in oof)
    assert recipe.fit(rows).meta["proposal"] == "argmax"
    with pytest.raises(ValueError):
        recipe.set_proposal("everything")
