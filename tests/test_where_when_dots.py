"""The where-and-when benchmark's split of wrong dots (`benchmarks/where_when.encloses`): a country-level dot on the
gold's own country is coarser than the gold, not another place; both stay counted as wrong."""

from __future__ import annotations

import collections
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
TOWN = {"name": "Riverton", "country_code": "KE", "lat": 0.5, "lon": 35.0}


@pytest.fixture
def where_when(monkeypatch) -> Any:
    """The benchmark module, imported from benchmarks/ (the path restored after the test)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import where_when

    return where_when


def test_the_country_of_the_gold_town_encloses_it_and_another_country_or_town_does_not(where_when) -> None:
    assert where_when.encloses({"precision": "country", "country_code": "KE"}, TOWN)
    assert not where_when.encloses({"precision": "country", "country_code": "UG"}, TOWN)
    assert not where_when.encloses({"precision": "point", "country_code": "KE"}, TOWN)
    assert not where_when.encloses({"precision": "country", "country_code": "KE"}, None)


def test_an_enclosing_dot_is_still_counted_wrong_and_counted_apart(where_when) -> None:
    scorer = SimpleNamespace(judge=lambda event, gold, art: {"location_ok": False, "date_ok": True})
    counts: collections.Counter = collections.Counter()
    shown = where_when.DEFAULT_MIN_CONFIDENCE
    for dot in ({"precision": "country", "country_code": "KE"}, {"precision": "point", "country_code": "UG"}):
        where_when.tally_pair(counts, scorer, {"confidence": shown, "location": dot}, {"location": TOWN}, {})
    figures = where_when.figures(counts)
    assert (figures["wrong_dot_shown"], figures["enclosing_dot_shown"]) == (1.0, 0.5)


def test_a_basis_kind_with_one_right_event_counts_it_as_a_number(where_when) -> None:
    by_basis: dict = collections.defaultdict(collections.Counter)
    by_date: dict = collections.defaultdict(collections.Counter)
    event = {"location": {"name": "Riverton", "basis": "'In Riverton': opens the sentence that tells of 'agreed'"},
             "date_basis": None}
    where_when.count_by_basis(by_basis, by_date, event, {"location_ok": True, "date_ok": True})
    assert by_basis["sentence opening"]["location_ok"] == 1
    assert type(by_basis["sentence opening"]["location_ok"]) is int
