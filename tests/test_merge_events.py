"""The sample drawn by merged events (`benchmarks/merge_events.py`): the nearest other merged event that sets a drawn
event's stratum, the candidates a reader is shown beside it, and how a store is scored on the labelled sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.merge import report_of
from dateline.store import open_store
from test_merge import event_of, report

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

FLOOD = "Floodwaters breached the levee at Riverton on Tuesday, forcing thousands of residents from their homes."
FLOOD_AGAIN = "The levee at Riverton was breached by floodwaters on Tuesday and thousands of residents fled."
TALKS = "The two unions opened wage talks with the port authority after a week of stoppages at the docks."


@pytest.fixture
def events(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import merge_events

    return merge_events


def _reports(*docs):
    reports = {}
    for doc in docs:
        r = report_of(event_of(doc))
        reports[r.id] = r
    return reports


def test_a_merged_event_is_stratified_by_its_nearest_other_merged_event_of_its_family(events):
    """Two tellings of one breach in two outlets of a family, kept apart, are each other's nearest (Dice well above
    0.2); a report that shares nothing with them has no nearest (0.0); one merged event is never its own nearest."""
    first = report("flood_bbc/1", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    second = report("flood_cnn/2", "2024-03-06", FLOOD_AGAIN, "breached", type_="ASSAULT", actors=())
    other = report("flood_cnn/3", "2024-03-06", TALKS, "talks", type_="CONSULT", actors=())
    reports = _reports(first, second, other)
    ids = list(reports)
    apart = {x: x for x in ids}
    nearest = events.nearest_dice(reports, apart)
    assert nearest[ids[0]] == nearest[ids[1]] >= 0.4 and nearest[ids[2]] == 0.0
    together = {ids[0]: ids[0], ids[1]: ids[0], ids[2]: ids[2]}
    assert events.nearest_dice(reports, together)[ids[0]] == 0.0


def test_the_candidates_shown_are_other_merged_events_of_the_family_within_the_window_most_alike_first(events):
    """Shown beside a drawn report: other merged events of its topic family, of other articles, whose articles lie
    within `WINDOW_DAYS`, most alike first, each with the mechanism that keeps the pair apart; not its own merged
    event, nor another family's story, nor a report months away."""
    head = report("flood_bbc/1", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    alike = report("flood_cnn/2", "2024-03-07", FLOOD_AGAIN, "breached", type_="ASSAULT", actors=())
    unlike = report("flood_cnn/3", "2024-03-08", TALKS, "talks", type_="CONSULT", actors=())
    joined = report("flood_reuters/4", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    elsewhere = report("storm_cnn/5", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    late = report("flood_cnn/6", "2024-07-01", FLOOD_AGAIN, "breached", type_="ASSAULT", actors=())
    reports = _reports(head, alike, unlike, joined, elsewhere, late)
    ids = list(reports)
    merged = {x: x for x in ids} | {ids[3]: ids[0]}
    shown = events.candidates(reports[ids[0]], reports, merged, set())
    assert [c["event"] for c in shown] == [ids[1], ids[2]]
    assert shown[0]["mechanism"] == "low link p" and shown[1]["mechanism"] == "blocking: type"
    assert shown[0]["closeness"] > shown[1]["closeness"]


def test_a_store_is_scored_on_the_events_labelled_to_join_another(events, tmp_path):
    """A drawn event labelled to join a candidate counts as joined when the store holds both in one merged event,
    tallied by the mechanism the labeller saw; an event labelled alone adds nothing to the estimate, and a candidate
    it was not to join, joined to it, is counted."""
    from merge_anchors import anchor_of_event

    first = report("flood_bbc/1", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    copy = report("flood_cnn/2", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    talks = report("flood_cnn/3", "2024-03-06", TALKS, "talks", type_="CONSULT", actors=())
    db = tmp_path / "store.duckdb"
    with open_store(db) as store:
        store.add([first, copy, talks])

    def side(doc):
        return {"event": event_of(doc).id, "type": event_of(doc).type, "anchor": anchor_of_event(event_of(doc))}

    records = [{"stratum": "nearest>=0.4", "population": 30, "label": "joins", "same_as": 0, "a": side(first),
                "candidates": [{**side(copy), "mechanism": "low link p"}]},
               {"stratum": "nearest>=0.4", "population": 30, "label": "joins", "same_as": 0, "a": side(talks),
                "candidates": [{**side(first), "mechanism": "blocking: type"}]},
               {"stratum": "nearest<0.2", "population": 500, "label": "alone", "same_as": None, "a": side(talks),
                "candidates": [{**side(copy), "mechanism": "blocking: type"}]}]
    scores = events.event_scores(records, db)
    assert scores["should_join"] == 2 and scores["joined"] == 1
    assert scores["by_mechanism"] == {"blocking: type": "0 of 1", "low link p": "1 of 1"}
    assert scores["estimated_merged_events_to_remove"] == 15  # the type pair kept apart: 30 / 2 drawn
    assert scores["joined_to_another_candidate"] == 0


def _undated(aid: str, published: str, sentence: str, trigger: str, type_: str = "ASSAULT"):
    """A one-sentence report whose text gives no date of its own (its article's day as an upper bound)."""
    doc = report(aid, published, sentence, trigger, type_=type_, actors=())
    event_of(doc).date_mod = "ON_OR_BEFORE"
    return doc


def test_unsure_pairs_are_one_act_weighed_just_short_of_a_link(monkeypatch):
    """`merge_missed.unsure_pairs`: two undated tellings of one breach in other words (p about 0.13-0.19, below the
    threshold) are unsure; a telling worded closely enough to link (p above the threshold), one weighed far below
    (p under 0.10) and one of another act (another trigger stem) are not."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from merge_missed import unsure_pairs

    head = _undated("flood_bbc/1", "2024-03-06", FLOOD, "breached")
    unsure = _undated("flood_cnn/2", "2024-03-07", "Engineers said the Riverton levee was breached after days of "
                      "rain and the river kept rising.", "breached")
    close = _undated("flood_reuters/3", "2024-03-07", "Riverton residents left homes after the levee breached.",
                     "breached")
    far = _undated("flood_ap/4", "2024-03-07", "Crews worked to shore up the levee a day after it breached under the "
                   "weight of the river.", "breached")
    other_act = _undated("flood_wp/5", "2024-03-07", "Engineers said the Riverton levee was overtopped after days of "
                         "rain and the river kept rising.", "overtopped")
    reports = _reports(head, unsure, close, far, other_act)
    ids = {r.article_id: r.id for r in reports.values()}
    apart = {x: x for x in reports}
    found = {frozenset(pair[:2]) for pair in unsure_pairs(reports, apart)}
    assert frozenset((ids["flood_bbc/1"], ids["flood_cnn/2"])) in found
    for other in ("flood_reuters/3", "flood_ap/4", "flood_wp/5"):
        assert frozenset((ids["flood_bbc/1"], ids[other])) not in found


def test_a_drawn_event_is_shown_with_the_reports_it_already_holds(events):
    """Beside a drawn event, the other reports of its merged event (a copy of its sentence in another outlet already
    joined to it), so a reader does not take another type's event of that copy for a missed join; itself not among
    them."""
    head = report("flood_bbc/1", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    copy = report("flood_cnn/2", "2024-03-06", FLOOD, "breached", type_="ASSAULT", actors=())
    reports = _reports(head, copy)
    ids = list(reports)
    shown = events.members(ids[0], ids, reports)
    assert [m["article"] for m in shown] == ["flood_cnn/2"] and shown[0]["sentence"] == FLOOD
