"""What a block of the merge is worth (`benchmarks/merge_weigh.py`): merged events counted with a class's pairs linked,
each added pair's own conflict lifted for the grouping only while the what-if runs. Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

import dateline.merge.grouping as grouping
from dateline.merge import report_of
from test_merge import event_of, party, report

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def weigh(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import merge_weigh

    return merge_weigh


def _reports():
    """Three reports of one flood relief convoy; the third read as negated (a conflict with the others)."""
    sentence = "Aid lorries reached the flooded valley on Sunday after the bridge reopened ."
    docs = [report(aid, "2023-08-14", sentence, "reached", type_="AID", actors=(party("Aid lorries", "PAK"),),
                   date="2023-08-13") for aid in ("wire", "daily", "radio")]
    event_of(docs[2]).status = "negated"
    return {r.id: r for r in (report_of(event_of(doc)) for doc in docs)}


def test_linking_a_class_counts_the_merged_events_its_pairs_join(weigh):
    reports = _reports()
    wire, daily, _ = list(reports)
    assert weigh.merged_events(reports, {}, []) == 3
    assert weigh.merged_events(reports, {}, [(wire, daily, 0.9)]) == 2


def test_a_conflicting_pair_joins_only_while_its_conflict_is_lifted(weigh):
    reports = _reports()
    wire, _, radio = list(reports)
    assert grouping.conflict_between(reports[wire], reports[radio], lent=False, one_article=False) is not None
    assert weigh.merged_events(reports, {}, [(wire, radio, 0.9)]) == 2  # the what-if lifts the pair's conflict
    rule = grouping.conflict_between
    with weigh.conflicts_lifted([(wire, radio, 0.9)]):
        assert grouping.conflict_between(reports[wire], reports[radio], lent=False, one_article=False) is None
    assert grouping.conflict_between is rule  # and puts the rule back


def test_the_default_view_counts_only_merged_events_holding_a_shown_report(weigh):
    reports = _reports()
    wire, daily, _ = list(reports)
    reports[daily].event.confidence = 0.1  # below the default view: not listed alone
    assert weigh.merged_events(reports, {}, [], weigh.shown) == 1  # the negated radio report is not listed either
    assert weigh.merged_events(reports, {}, [(wire, daily, 0.9)], weigh.shown) == 1
    reports[wire].event.confidence = 0.1
    assert weigh.merged_events(reports, {}, [], weigh.shown) == 0
    assert weigh.merged_events(reports, {}, [(wire, daily, 0.9)]) == 2  # the plain count takes every report
