"""One act on the day the texts give (`dated_same_act`): a happening retold in a clause of a sentence about other news
shares little of that sentence's wording, but both reports name its act ("exploded" / "explosion") and date it by their
text; two reports of one day that tell other acts share the day alone. The link feature, the trigger stem it reads, its
reason, and the bound that must keep what it links. Sentences of our own."""

from __future__ import annotations

from dateline.merge import link_features, link_model, link_probability, link_reason, report_of
from dateline.merge.blocking import LinkBound
from dateline.merge.link import FEATURES, LinkModel
from dateline.merge.text import trigger_stem
from test_merge import event_of, report

MINE = "Methane exploded in the Korvel coal mine on June 4 , trapping dozens of miners underground ."
PUMPS = ("Engineers said pumps would run for weeks at the Korvel mine , where the June 4 explosion flooded three "
         "galleries .")
TALKS = "Union leaders met the mine 's owners in the capital on June 4 to discuss wages ."


def _told(aid: str, published: str, sentence: str, trigger: str, date_mod: str | None = None):
    event = event_of(report(aid, published, sentence, trigger, type_="ASSAULT", actors=(), date="2023-06-04"))
    event.date_mod = date_mod
    return event


def test_a_verb_and_its_noun_name_one_act():
    assert trigger_stem("exploded") == trigger_stem("explosion") == trigger_stem("Explode")
    assert trigger_stem("released") == trigger_stem("release")
    assert trigger_stem("exploded") != trigger_stem("collapsed")
    assert trigger_stem("called for") == trigger_stem("for")  # a phrasal trigger is read by its last word
    assert trigger_stem("") == ""


def test_one_act_on_a_day_both_texts_give_is_weighed_and_said():
    wire, paper = _told("wire", "2023-06-05", MINE, "exploded"), _told("paper", "2023-06-06", PUMPS, "explosion")
    assert link_features(wire, paper)["dated_same_act"] == 1.0
    linking_all = LinkModel(tuple(0.0 for _ in FEATURES), 0.0, 0.0)  # links any pair, so its reason is written
    assert "one act (explo…) on the days their texts give" in (link_reason(wire, paper, linking_all) or "")
    other_act = _told("paper", "2023-06-06", TALKS, "met")
    assert link_features(wire, other_act)["dated_same_act"] == 0.0
    undated = _told("paper", "2023-06-06", PUMPS, "explosion", date_mod="ON_OR_BEFORE")  # the article's day bounds it
    assert link_features(wire, undated)["dated_same_act"] == 0.0


def test_the_shipped_model_links_the_retold_act_and_not_the_day_alone():
    """With the shipped weights the clause retelling the blast links to the report of it (its sentence shares a fifth
    of its words), the same wording naming another act does not, nor do the talks held that day."""
    model = link_model()
    wire, paper = _told("wire", "2023-06-05", MINE, "exploded"), _told("paper", "2023-06-06", PUMPS, "explosion")
    assert (link_probability(wire, paper) or 0.0) >= model.threshold
    flooded = _told("paper", "2023-06-06", PUMPS, "flooded")
    assert (link_probability(wire, flooded) or 0.0) < model.threshold
    talks = _told("paper", "2023-06-06", TALKS, "met")
    assert (link_probability(wire, talks) or 0.0) < model.threshold


def test_the_bound_keeps_the_pairs_one_dated_act_links():
    events = [_told("wire", "2023-06-05", MINE, "exploded"), _told("paper", "2023-06-06", PUMPS, "explosion"),
              _told("daily", "2023-06-06", TALKS, "met")]
    reports = [report_of(event) for event in events]
    bound = LinkBound(reports, link_model())
    assert bound.may_link(reports[0], [1, 2]) == [1]
