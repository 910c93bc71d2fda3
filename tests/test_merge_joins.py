"""The sample drawn by joins (`benchmarks/merge_joins.py`): pairs of merged events that stored links join, their
strata, and how a grouping is scored on the labelled joins it makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.merge import report_of
from test_merge import event_of, report

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def joins(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import merge_joins

    return merge_joins


def _blasts(prefix: str, n: int) -> list[str]:
    """Ids of n one-sentence reports of a blast, each its own article."""
    return [event_of(report(f"{prefix}{k}", "2010-04-21", f"Report {k} of the blast.", "blast", type_="ASSAULT",
                            actors=())).id for k in range(n)]


def test_merged_events_joined_by_a_link_are_one_candidate_join_whatever_their_sizes(joins):
    """A group of three and a single report linked once, and a pair linked to nothing outside it: one candidate join,
    counted once however many of its reports the link ties (a large split happening is one join, not n x m pairs)."""
    trio, single, pair = _blasts("trio", 3), _blasts("single", 1), _blasts("pair", 2)
    merged = {x: trio[0] for x in trio} | {single[0]: single[0]} | {x: pair[0] for x in pair}
    links = {frozenset((trio[0], trio[1])), frozenset((trio[1], trio[2])), frozenset((trio[2], single[0])),
             frozenset((trio[0], single[0])), frozenset(pair)}
    assert joins.linked_groups(merged, links) == {tuple(sorted((trio[0], single[0]))): 2}
    assert joins.density_stratum(2, 3, 1) == "density>=0.5"
    assert joins.density_stratum(1, 3, 2) == "density<0.2"
    assert joins.density_stratum(2, 3, 2) == "density 0.2-0.5"


def test_a_grouping_is_scored_on_the_labelled_joins_it_makes_and_the_same_ones_it_keeps_apart(joins):
    """Precision counts the labelled joins a grouping makes; recall the `same` ones among all; each record weighs its
    stratum's population over the records labelled in it. A `same` join kept apart is tallied by what kept it."""
    first, second, third, fourth = _blasts("a", 1) + _blasts("b", 1) + _blasts("c", 1) + _blasts("d", 1)
    records = [{"join": f"{first}:{second}", "stratum": "density>=0.5", "population": 10, "label": "same"},
               {"join": f"{first}:{third}", "stratum": "density>=0.5", "population": 10, "label": "different"},
               {"join": f"{second}:{fourth}", "stratum": "density<0.2", "population": 300, "label": "same"},
               {"join": f"{third}:{fourth}", "stratum": "density<0.2", "population": 300, "label": None}]
    grouping = {first: first, second: first, third: first, fourth: fourth}
    labelled = [(rec, *str(rec["join"]).split(":")) for rec in records if rec["label"]]
    scores = joins.join_scores(labelled, grouping)
    assert (scores["tp"], scores["fp"], scores["fn"], scores["tn"]) == (1, 1, 1, 0)
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5
    assert scores["weighted"] == {"precision": 0.5, "recall": round(5 / (5 + 300), 3)}
    reports = {x: report_of(event_of(report(f"r{k}", "2010-04-21", "Report of the blast.", "blast", type_="ASSAULT",
                                            actors=()))) for k, x in enumerate((first, second, third, fourth))}
    assert joins.kept_apart(labelled, reports, grouping, set()) == {"sparse": 1}


def test_the_reduction_is_told_per_topic_as_well_as_per_family(monkeypatch):
    """`merge_missed.grouping_scores` (the offline regrouping's figures) gives each topic's reduction: one minus the
    merged events its reports belong to over its mentions (a report joined to another outlet's counts for both)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from merge_missed import grouping_scores

    reports = {aid: report_of(event_of(report(aid, "2010-04-21", "Report of the blast.", "blast", type_="ASSAULT",
                                              actors=()))) for aid in ("storm_bbc/1", "storm_cnn/2", "storm_cnn/3")}
    ids = {aid: r.id for aid, r in reports.items()}
    merged = {ids["storm_bbc/1"]: ids["storm_bbc/1"], ids["storm_cnn/2"]: ids["storm_cnn/2"],
              ids["storm_cnn/3"]: ids["storm_cnn/2"]}
    scores = grouping_scores(merged, {r.id: r for r in reports.values()}, [])
    assert scores["by_family"] == {"storm": round(1 - 2 / 3, 4)}
    assert scores["by_topic"] == {"storm_bbc": 0.0, "storm_cnn": 0.5}
