"""The RAMS place benchmark's reading of a miss (`benchmarks/rams_places.link_kind`): how the parse ties a place the
location rules did not take to the trigger, so that the misses are counted by construction, not by hand."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from stage_run import extracted, token

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _rams_places():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("rams_places", BENCHMARKS / "rams_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
def test_a_miss_is_classed_by_how_the_parse_ties_the_place_to_the_trigger(nlp, text: str, trigger: str, place: str,
                                                                          kind: str) -> None:
    doc = extracted(nlp, text)
    start = text.index(place)
    assert _rams_places().link_kind(doc, token(doc, trigger), start, start + len(place)) == kind
