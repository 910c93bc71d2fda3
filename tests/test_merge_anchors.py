"""Labelled merge pairs keyed by article and offsets (`benchmarks/merge_anchors.py`, `tools/anchor_merge_labels.py`):
a labelled report is found in a store whatever id a new extraction gives it, and not found where its words moved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.model import Event, Evidence, event_id

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Flood waters rose in the valley on Sunday. The mayor ordered the town evacuated before dawn, "
        "and buses left at six.")
SENTENCE = "The mayor ordered the town evacuated before dawn, and buses left at six."


@pytest.fixture
def anchors(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import merge_anchors

    return merge_anchors


@pytest.fixture
def tool(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import anchor_merge_labels

    return anchor_merge_labels


def _event(type_: str, trigger: str, grouped_with: str | None = None) -> Event:
    """An event of the article 'valley/1' told by SENTENCE's trigger (and, grouped, the first sentence's word)."""
    start, at = TEXT.index(SENTENCE), TEXT.index(trigger)
    evidence = Evidence(SENTENCE, start, start + len(SENTENCE), trigger, at, at + len(trigger))
    mentions = []
    if grouped_with:
        other = TEXT.index(grouped_with)
        mentions = [Evidence(TEXT[:42], 0, 42, grouped_with, other, other + len(grouped_with)), evidence]
    return Event(id=event_id("valley/1", type_, at, start), type=type_, evidence=mentions[0] if mentions else evidence,
                 mentions=mentions, article_id="valley/1")


def _index(anchors, *events: Event, text: str = TEXT):
    return anchors.AnchorIndex([("valley/1", json.dumps(ev.to_json())) for ev in events], {"valley/1": text})


def _anchor(trigger_start: int | None, trigger_end: int | None = None) -> dict:
    start = TEXT.index(SENTENCE)
    return {"article": "valley/1", "start": start, "end": start + len(SENTENCE), "trigger_start": trigger_start,
            "trigger_end": trigger_end, "sentence": SENTENCE}


def test_a_labelled_report_is_found_by_its_trigger_when_a_new_extraction_retypes_and_groups_it(anchors):
    """Labelled as a COERCE event with its own id; the store now holds it as a MOBILIZE event led by another
    sentence's mention (another id): the anchor still names it."""
    labelled = _event("COERCE", "ordered")
    stored = _event("MOBILIZE", "ordered", grouped_with="rose")
    assert stored.id != labelled.id
    at = TEXT.index("ordered")
    side = {"event": labelled.id, "type": "COERCE", "anchor": _anchor(at, at + len("ordered"))}
    index = _index(anchors, stored)
    assert index.event_of(side) == stored.id
    assert index.how == {"trigger": 1}


def test_a_trigger_read_longer_or_a_sentence_alone_still_finds_the_report(anchors):
    """An anchor whose trigger end is unknown matches a stored trigger that spans more words; one without a trigger
    matches a mention of its sentence and type."""
    stored = _event("COERCE", "ordered the town evacuated")
    index = _index(anchors, stored)
    assert index.find(_anchor(TEXT.index("evacuated")), "COERCE") == (stored.id, "trigger overlap")
    assert index.find(_anchor(None), "COERCE") == (stored.id, "sentence")
    assert index.find(_anchor(None), "PROTEST") == (None, "unmapped: no event there")


def test_a_report_whose_words_moved_is_not_mapped(anchors):
    """The article's text at the anchor's offsets is no longer its sentence (the text changed): no event is named,
    though one sits at those offsets."""
    stored = _event("COERCE", "ordered")
    index = _index(anchors, stored, text="Breaking: " + TEXT)
    assert index.find(_anchor(TEXT.index("ordered")), "COERCE") == (None, "unmapped: words differ")


def test_pairs_with_both_sides_found_are_scored_and_the_others_left_out(anchors):
    stored = _event("COERCE", "ordered")
    index = _index(anchors, stored)
    at = TEXT.index("ordered")
    found = {"event": "old-id", "type": "COERCE", "anchor": _anchor(at)}
    lost = {"event": "old-id-2", "type": "COERCE", "anchor": {**_anchor(at), "article": "valley/9"}}
    records = [{"label": "same", "a": found, "b": found}, {"label": "different", "a": found, "b": lost},
               {"label": None, "a": found, "b": found}]
    assert [(rec["label"], a, b) for rec, a, b in anchors.anchored_pairs(index, records)] == [
        ("same", stored.id, stored.id)]


def test_the_tool_recovers_a_trigger_start_from_the_event_id_it_hashes(tool):
    """A side that kept only its sentence and event id: the sentence is found in the article, and the trigger's start
    is the one whose hash with the article, type and sentence start is the id."""
    labelled = _event("COERCE", "evacuated")
    side = {"event": labelled.id, "article": "valley/1", "type": "COERCE", "sentence": SENTENCE}
    anchor, how = tool.anchor_of(side, {"valley/1": TEXT})
    assert how == "trigger from the event id"
    assert anchor is not None and anchor["trigger_start"] == TEXT.index("evacuated") and anchor["trigger_end"] is None
    assert TEXT[anchor["start"]:anchor["end"]] == SENTENCE
    assert tool.anchor_of({**side, "sentence": "Nothing like this was printed."}, {"valley/1": TEXT}) == (
        None, "sentence not in the article")


# -- new draws write their anchors ---------------------------------------------------------------

CEASEFIRE = ("Armenia and Azerbaijan agreed a ceasefire in Moscow on Saturday after ten hours of talks .",
             "After talks lasting ten hours , Azerbaijan and Armenia agreed to a ceasefire on Saturday in Moscow .")


@pytest.fixture
def drawn_store(tmp_path, monkeypatch):
    """A store of two articles reporting one ceasefire (sentences of our own), and the benchmarks' draw modules."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from dateline.store import open_store
    from test_merge import party, report

    parties = (party("Armenia", "ARM"), party("Azerbaijan", "AZE"))
    docs = [report("caucasus/1", "2020-10-10", CEASEFIRE[0], "agreed", actors=parties, date="2020-10-10"),
            report("caucasus/2", "2020-10-11", CEASEFIRE[1], "agreed", actors=parties, date="2020-10-10")]
    db = tmp_path / "drawn.duckdb"
    with open_store(db) as store:
        store.add(docs)
    return db


def _found_by_trigger(anchors, db, sides) -> None:
    index = anchors.AnchorIndex.of_store(db)
    assert [index.event_of(side) for side in sides] == [side["event"] for side in sides]
    assert index.how == {"trigger": len(sides)}


def test_a_drawn_population_pair_carries_the_anchors_that_find_its_reports(anchors, drawn_store):
    import merge_pairs

    (drawn,) = merge_pairs.draw_pairs(drawn_store, seed=5)
    assert drawn["a"]["anchor"]["sentence"] in CEASEFIRE and drawn["b"]["anchor"]["sentence"] in CEASEFIRE
    _found_by_trigger(anchors, drawn_store, [drawn["a"], drawn["b"]])


def test_a_drawn_kept_apart_pair_and_a_drawn_join_carry_their_anchors(anchors, drawn_store):
    import merge_joins
    import merge_missed

    reports, _, _ = merge_missed.read_store(drawn_store)
    first, second = sorted(reports)
    record = merge_missed.record(reports[first], reports[second], "low link p", 0.5)
    _found_by_trigger(anchors, drawn_store, [record["a"], record["b"]])
    _found_by_trigger(anchors, drawn_store, [merge_joins._side(reports[first], 1)])


def test_a_disputed_draw_takes_the_links_one_store_has_and_the_other_lacks(anchors, drawn_store, tmp_path):
    """A store with a link against one without: the link is the whole population, drawn with its anchors; the other
    way round there is nothing to draw."""
    import merge_disputed
    from dateline.store import open_store

    unlinked = tmp_path / "unlinked.duckdb"
    with open_store(unlinked) as store:  # an empty store: no links
        store.add([])
    assert merge_disputed.stored_links(drawn_store) and not merge_disputed.stored_links(unlinked)
    (drawn,) = merge_disputed.draw_disputed(drawn_store, unlinked, draw=5, seed=1)
    assert drawn["stratum"] == "disputed" and drawn["population"] == 1 and drawn["label"] is None
    _found_by_trigger(anchors, drawn_store, [drawn["a"], drawn["b"]])
    assert merge_disputed.draw_disputed(unlinked, drawn_store, draw=5, seed=1) == []


def test_drawn_records_written_are_read_back_as_written(anchors, tmp_path: Path) -> None:
    records = [{"pair": ["a", "b"], "label": None, "sentence": "Manifestação em São Paulo"}, {"pair": ["c", "d"]}]
    path = tmp_path / "drawn.jsonl"
    anchors.write_labels(path, records)
    assert anchors.read_labels(path) == records
    assert "São Paulo" in path.read_text(encoding="utf-8")  # written as the text has it, not escaped


def test_a_textless_record_keeps_no_sentence_and_still_finds_its_report(anchors):
    """A record written for `benchmarks/data/` without corpus text (`textless`) keeps the anchor's offsets and a digest
    of its sentence: the report is found as before, and not found once the words at those offsets differ."""
    labelled = _event("COERCE", "ordered")
    side = {"event": labelled.id, "type": "COERCE", "sentence": SENTENCE, "actors": [["mayor", None]],
            "anchor": _anchor(TEXT.index("ordered"), TEXT.index("ordered") + len("ordered"))}
    kept = anchors.textless({"pair": "x:y", "label": "same", "a": side, "b": side, "a_group": [SENTENCE]})
    assert SENTENCE not in json.dumps(kept) and "mayor" not in json.dumps(kept)
    assert kept["a"]["anchor"]["sentence_sha256"] == anchors.sentence_digest(SENTENCE)
    assert _index(anchors, labelled).event_of(kept["a"]) == labelled.id
    moved = TEXT.replace("mayor", "major")
    assert _index(anchors, labelled, text=moved).event_of(kept["a"]) is None


def test_a_kept_apart_label_counts_whether_the_link_model_would_join_it(anchors, drawn_store, tmp_path, monkeypatch):
    """`merge_missed.joined_by_class` with the store's reports: a same pair kept apart (here by a made-up assignment)
    whose link the model weighs at its threshold is not counted below it; under a model that asks for more it is."""
    import dataclasses

    import merge_missed

    reports, _, _ = merge_missed.read_store(drawn_store)
    first, second = sorted(reports)
    record = {**merge_missed.record(reports[first], reports[second], "conflict: places", 0.5), "label": "same"}
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text(json.dumps({"_about": "test"}) + "\n" + json.dumps(anchors.textless(record)) + "\n")
    apart = {first: first, second: second}
    index = anchors.AnchorIndex.of_store(drawn_store)
    counts = merge_missed.joined_by_class(labelled, apart, index, reports)["conflict: places"]
    assert counts == {"same": 1, "same below link threshold": 0, "same joined": 0}
    strict = dataclasses.replace(merge_missed.link_model(), threshold=1.0)
    monkeypatch.setattr(merge_missed, "link_model", lambda: strict)
    counts = merge_missed.joined_by_class(labelled, apart, index, reports)["conflict: places"]
    assert counts["same below link threshold"] == 1
