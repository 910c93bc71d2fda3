"""The low-link paraphrase sample (`benchmarks/merge_paraphrases.py`): one pair per merged event, its nearest report
that the link model weighs short of a link, and what each sentence tells. Sentences of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.merge import link_model, report_of
from dateline.merge.link import features_between
from dateline.merge.text import dice
from dateline.nlp import load_model
from test_merge import event_of, report

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def paraphrases(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import merge_paraphrases

    return merge_paraphrases


def _reports():
    """Four one-sentence articles of one story (family "flood"), none dated by its text: three tell the convoy in
    other words, one is read as negated (a conflict with the others, so never a low-link pair)."""
    told = (("flood_wire", "Aid lorries from the capital reached the flooded valley on Sunday with food ."),
            ("flood_daily", "Lorries reached the valley on Sunday carrying tents , the governor said ."),
            ("flood_radio", "Tents and flour reached the flooded valley late on Sunday , volunteers said ."),
            ("flood_paper", "Aid lorries from the capital never reached the flooded valley on Sunday ."))
    docs = [report(aid, "2023-08-14", sentence, "reached", type_="AID", actors=()) for aid, sentence in told]
    for doc in docs:
        event_of(doc).date_mod = "ON_OR_BEFORE"  # dated by its article alone, as most such reports are
    event_of(docs[3]).status = "negated"
    return {r.id: r for r in (report_of(event_of(doc)) for doc in docs)}


def test_each_merged_event_is_drawn_once_beside_its_nearest_low_link_report(paraphrases):
    reports = _reports()
    wire, daily, radio, _ = reports
    model = link_model()
    assert all(model.probability(features_between(reports[a], reports[b])) < model.threshold
               for a, b in ((wire, daily), (wire, radio), (daily, radio)))
    merged = {x: f"m-{x}" for x in reports}
    nearest = paraphrases.nearest_low_link(reports, merged, set())
    assert set(nearest) == {merged[wire], merged[daily], merged[radio]}  # the negated report has no low-link pair
    own, other, _ = nearest[merged[radio]]
    assert own == radio and other in (wire, daily)
    alike = {other: dice(reports[wire].words, reports[other].words) for other in (daily, radio)}
    assert alike[daily] != alike[radio]
    assert nearest[merged[wire]][:2] == (wire, max(alike, key=alike.get))  # the pair of the highest sentence Dice


def test_a_pair_already_in_one_merged_event_or_linked_is_no_low_link_pair(paraphrases):
    reports = _reports()
    wire, daily, radio, _ = reports
    merged = {x: "m-one" if x in (wire, daily) else f"m-{x}" for x in reports}
    nearest = paraphrases.nearest_low_link(reports, merged, {frozenset((wire, radio)), frozenset((daily, radio))})
    assert nearest == {}


def test_what_a_sentence_tells_its_object_people_places_and_quoted_numbers(paraphrases):
    sentence = 'Maria Lopez said the rebels freed the hostages in Manila , "all 12 of them" , on Monday .'
    side = {"sentence": sentence, "anchor": {"start": 0, "trigger_start": sentence.index("freed")}}
    told = paraphrases.told(load_model(), side)
    assert told["object"] == {"hostage"}
    assert "maria lopez" in told["people"] and "manila" in told["places"]
    assert told["quoted_numbers"] == {"12"}


def _label_file(path: Path, labels: dict[str, tuple[str, str]]) -> Path:
    """A label file of made-up pairs: an `_about` line, then one record per pair with its label and note."""
    lines = ['{"_about": "two coders, made up"}']
    lines += [json.dumps({"pair": pair, "label": label, "note": note}) for pair, (label, note) in labels.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_kappa_is_agreement_beyond_each_coders_own_rates(paraphrases):
    # 10 items: 4 same/same, 4 different/different, 1 same/different, 1 different/same. Observed 0.8; each coder says
    # same half the time, so chance is 0.5 and kappa (0.8 - 0.5) / 0.5 = 0.6.
    pairs = [("same", "same")] * 4 + [("different", "different")] * 4 + [("same", "different"), ("different", "same")]
    assert paraphrases.cohen_kappa(pairs) == 0.6
    # A coder who says "different" to everything agrees 8 times in 10 with one who says it 8 times, yet adds nothing.
    lazy = [("different", "different")] * 8 + [("same", "different")] * 2
    assert paraphrases.cohen_kappa(lazy) == 0.0
    assert paraphrases.cohen_kappa([("same", "same")] * 3) is None
    assert paraphrases.cohen_kappa([]) is None


def test_agreement_joins_by_pair_counts_unsure_apart_and_lists_the_parted(paraphrases, tmp_path):
    first = _label_file(tmp_path / "first.jsonl", {
        "p1": ("same", "the convoy told twice"), "p2": ("different", ""), "p3": ("same", ""),
        "p4": ("unsure", "cannot tell the town"), "p5": ("different", ""), "p9": ("same", "only the first read it")})
    second = _label_file(tmp_path / "second.jsonl", {
        "p5": ("different", ""), "p4": ("same", "one town"), "p3": ("different", "in doubt: two convoys"),
        "p2": ("different", ""), "p1": ("same", "")})
    out = paraphrases.agreement(first, second)
    assert (out["pairs"], out["only_first"], out["only_second"]) == (5, 1, 0)
    assert out["judged_by_both"] == 4  # p4 is unsure for the first coder, so it is counted apart
    assert out["table"]["unsure / same"] == 1
    assert out["raw_agreement"] == 0.75
    assert out["kappa"] == paraphrases.cohen_kappa([("same", "same"), ("different", "different"),
                                                    ("same", "different"), ("different", "different")]) == 0.5
    assert [(p["pair"], p["first"], p["second"]) for p in out["parted"]] == [("p3", "same", "different"),
                                                                              ("p4", "unsure", "same")]
    assert out["parted"][0]["second_note"] == "in doubt: two convoys"
