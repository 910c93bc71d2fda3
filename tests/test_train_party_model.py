"""The party chooser's training recipe: labels from gold party names and argument roles, judged as each source
judges parties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.model import Party

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def recipe(monkeypatch) -> Any:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_party_model

    return train_party_model


def test_a_candidate_is_labelled_by_the_words_of_a_gold_name_not_by_its_country_alone(recipe) -> None:
    labels = recipe._named_labels([("GBR", "Prime Minister Theresa May")], [("RUS", "Russian diplomats")],
                                  "SANCTION", str.upper)
    assert labels(Party(name="May", country="GBR", text="Theresa May")) == (True, False)
    assert labels(Party(name="Britain", country="GBR", text="Britain")) == (False, False)  # same country, no word
    assert labels(Party(name="the diplomats", country="RUS", text="the diplomats")) == (False, True)
    assert labels(Party(name="Russia", country="RUS")) == (False, True)  # no words: its country says


def test_a_meetings_parties_are_all_labelled_actors(recipe) -> None:
    labels = recipe._named_labels([("FRA", "Macron")], [("DEU", "Merkel")], "CONSULT", str.upper)
    assert labels(Party(name="Merkel", country="DEU", text="Angela Merkel")) == (True, False)


def test_argument_roles_label_the_candidates_they_overlap(recipe) -> None:
    labels = recipe._span_labels([(0, 12, "attacker"), (20, 30, "victim"), (40, 45, "place")])
    assert labels(Party(name="rebels", start=4, end=10)) == (True, False)
    assert labels(Party(name="villagers", start=22, end=31)) == (False, True)
    assert labels(Party(name="Aleppo", start=40, end=45)) == (False, False)


def test_gold_parties_are_judged_by_country_and_arguments_by_candidate(recipe) -> None:
    may = {"country": "GBR", "actor": True, "recipient": False}
    britain = {"country": "GBR", "actor": False, "recipient": False}
    row = {"source": "gold", "type": "SANCTION", "gold": {"actors": ["GBR"], "recipients": []},
           "candidates": [may, britain]}
    assert recipe.judged(row, {"actor": [britain], "recipient": []})  # the scorer compares countries
    spans = {**row, "source": "rams"}
    assert not recipe.judged(spans, {"actor": [britain], "recipient": []})  # argument spans name the word
    assert recipe.judged(spans, {"actor": [may], "recipient": []})


def test_folds_are_the_same_in_every_run(recipe) -> None:
    # fixed values, not a second call in this process: a fold from Python's salted hash() would pass that
    assert [recipe.fold_of(f"doc-{i}", 5) for i in range(6)] == [1, 0, 4, 1, 1, 3]
    assert len({recipe.fold_of(f"doc-{i}", 5) for i in range(50)}) == 5
