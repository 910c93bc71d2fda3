"""The RAMS place benchmark's reading of a miss (`benchmarks/rams_places.link_kind`): how the parse ties a place the
location rules did not take to the trigger, so that the misses are counted by construction, not by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stage_run import extracted, token

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
