"""The RAMS place benchmark's reading of a miss (`benchmarks/rams_places.link_kind`): how the parse ties a place the
location rules did not take to the trigger, so that the misses are counted by construction, not by hand."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from stage_run import event_at, extracted, token

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def rams_places(monkeypatch) -> Any:
    """The benchmark module, imported from benchmarks/ (the path restored after the test)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import rams_places

    return rams_places


@pytest.mark.parametrize(("text", "trigger", "place", "kind"), [
    pytest.param("Norway's foreign ministry urged restraint on Monday.", "urged", "Norway",
                 "a name as party, possessor or modifier", id="possessor"),
    pytest.param("He criticised the embargo, which hurt farmers in Norway.", "embargo", "Norway",
                 "below the trigger", id="in the trigger's clause"),
    pytest.param("He fled to avoid an assault charge in Norway last year.", "assault", "Norway",
                 "on a word the trigger modifies", id="on the noun it modifies"),
    pytest.param("Troops marched into Kherson, forcing the garrison to surrender.", "surrender", "Kherson",
                 "on a verb above the trigger", id="on the governing verb"),
])
def test_a_miss_is_classed_by_how_the_parse_ties_the_place_to_the_trigger(nlp, rams_places, text: str, trigger: str,
                                                                          place: str, kind: str) -> None:
    doc = extracted(nlp, text)
    start = text.index(place)
    assert rams_places.link_kind(doc, token(doc, trigger), start, start + len(place)) == kind


def test_the_shared_tally_judges_each_place_and_classes_each_miss(nlp, rams_places) -> None:
    """The report loop both place benchmarks share: right, a wrong dot by its basis, and the JSON line's shares."""
    text = "Police arrested ten men in Kano on Monday."
    doc = extracted(nlp, text)
    event = event_at(doc, "arrested")
    tally = rams_places.PlaceTally()
    tally.add(doc, event, SimpleNamespace(place="Kano", place_span=(26, 30)), "right one")
    tally.add(doc, event, SimpleNamespace(place="Zaria", place_span=(26, 30)), "wrong one")
    report = json.loads(tally.report("test", read=2))
    assert (report["read"], report["coded"], report["right"], report["wrong_dot"]) == (2, 2, 0.5, 0.5)
    assert report["misses_by_kind"] == {"wrong: another place stated": 1}
