"""Candidate link signals and grouping variants (`benchmarks/merge_signals.py`): the signal table, the context a
report is read in, the merged events two articles share, and the grouping variants on links of our own. Sentences
of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.merge import report_of
from test_merge import event_of, party, report

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def signals(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import merge_signals

    return merge_signals


def test_the_table_counts_pairs_at_or_above_each_cut(signals):
    rows = [{"cosine": 0.9, "label": "same"}, {"cosine": 0.7, "label": "same"}, {"cosine": 0.7, "label": "different"},
            {"cosine": 0.2, "label": "different"}]
    table = signals.signal_table(rows, {"cosine": (0.5, 0.8, 0.95)})
    assert table["cosine>=0.5"] == {"same": 2, "different": 1, "precision": 0.667}
    assert table["cosine>=0.8"] == {"same": 1, "different": 0, "precision": 1.0}
    assert table["cosine>=0.95"]["precision"] is None


def test_the_context_leaves_the_sentence_out(signals):
    text = "Rain fell all night. The dam gave way at dawn. Villagers fled uphill."
    start = text.index("The dam")
    context = signals.context_of(text, start, len("The dam gave way at dawn."), width=25)
    assert "dam" not in context
    assert context.startswith("Rain fell") and context.endswith("Villagers fled uphill.")


def test_shared_events_are_counted_and_shared_by_the_smaller_article(signals):
    assert signals.shared_events({"m1", "m2", "m3", "m4"}, {"m2", "m4"}) == (2, 1.0)
    assert signals.shared_events({"m1"}, set()) == (0, 0.0)


def _reports():
    """Four reports of a ferry's sinking, told by four outlets on one day."""
    sentence = "A ferry sank off the island on Tuesday , the coast guard said ."
    docs = [report(aid, "2023-03-07", sentence, "sank", type_="ACCIDENT", actors=(party("A ferry", "GRC"),))
            for aid in ("wire", "daily", "radio", "weekly")]
    return {r.id: r for r in (report_of(event_of(doc)) for doc in docs)}


def test_single_linkage_chains_what_average_linkage_keeps_apart(signals):
    reports = _reports()
    w, d, r, k = list(reports)
    links = {frozenset((w, d)): "p=0.95", frozenset((d, r)): "p=0.30", frozenset((r, k)): "p=0.95"}
    single = signals.variant_groups(reports, links, "single")
    assert len(set(single.values())) == 1
    average = signals.variant_groups(reports, links, "average")
    assert average[w] == average[d] and average[r] == average[k] and average[w] != average[r]
    assert len(set(signals.variant_groups(reports, links, "single>=0.5").values())) == 2


def test_strong_links_bind_before_the_average_linkage(signals):
    reports = _reports()
    w, d, r, k = list(reports)
    # two pairs, each of one copy; one link of the four pairs between them: too sparse for the average linkage
    links = {frozenset((w, d)): "p=0.95", frozenset((r, k)): "p=0.95", frozenset((d, r)): "p=0.60"}
    average = signals.variant_groups(reports, links, "average")
    assert average[w] == average[d] and average[r] == average[k] and average[w] != average[r]
    assert len(set(signals.variant_groups(reports, links, "bound>=0.5").values())) == 1
    assert signals.variant_groups(reports, links, "bound>=0.7") == average


def test_a_strict_binding_keeps_conflicting_groups_apart(signals):
    reports = _reports()
    w, d, r, k = list(reports)
    negated = reports[k].event
    negated.status = "negated"  # one report read as negated: a conflict with the others
    reports[k] = report_of(negated)
    links = {frozenset((w, d)): "p=0.95", frozenset((d, r)): "p=0.60", frozenset((r, k)): "p=0.95"}
    loose = signals.variant_groups(reports, links, "bound>=0.5")
    assert loose[w] == loose[k]
    strict = signals.variant_groups(reports, links, "strict>=0.5")
    assert strict[w] != strict[k]


def test_links_retelling_one_past_day_bind_as_strictly(signals):
    reports = _reports()
    w, d, r, k = list(reports)
    retold = "p=0.60: sentences share 80% of their words; both retell 2023-03-07, days before their articles"
    links = {frozenset((w, d)): "p=0.95", frozenset((r, k)): "p=0.95", frozenset((d, r)): retold}
    bound = signals.variant_groups(reports, links, "retold")
    assert bound[d] == bound[r]
    links[frozenset((d, r))] = "p=0.60: sentences share 80% of their words"
    plain = signals.variant_groups(reports, links, "retold")
    assert plain[d] != plain[r] and plain == signals.variant_groups(reports, links, "average")


def test_containment_reads_the_shorter_sentence_and_needs_enough_shared_words(signals):
    headline = frozenset({"ferry", "sank", "island", "coast", "guard"})
    fuller = headline | {"passengers", "rescued", "storm", "harbour", "night"}
    assert signals.containment(headline, fuller) == 1.0  # Dice would give 0.67
    assert signals.containment(fuller, headline) == 1.0
    assert signals.containment(frozenset({"ferry", "sank"}), fuller) == 0.0  # two shared words are too few
    assert signals.containment(frozenset({"ferry", "sank"}), fuller, least=2) == 1.0


def test_mutual_best_asks_each_report_to_be_the_others_surest_match(signals):
    sinking = "A ferry sank off the island on Tuesday , the coast guard said ."
    wire = report_of(event_of(report("wire", "2023-03-07", sinking, "sank", type_="ACCIDENT",
                                     actors=(party("A ferry", "GRC"),))))
    daily = report_of(event_of(report("daily", "2023-03-07", sinking, "sank", type_="ACCIDENT",
                                      actors=(party("A ferry", "GRC"),))))
    other = report_of(event_of(report("daily", "2023-03-07", "On the coast road , a lorry overturned .", "overturned",
                                      type_="ACCIDENT", actors=(party("A lorry", "GRC"),))))
    by_article = {"wire": [wire], "daily": [daily, other]}
    assert signals.mutual_best(wire, daily, by_article)
    assert not signals.mutual_best(wire, other, by_article)  # the daily's own telling of the sinking is surer
