"""One past day retold ("the refinery exploded on March 3", weeks on): what `dateline.merge.spans.past_day` reads, the
link feature `same_past_day` it gives two reports, and the past-day sample of `benchmarks/merge_pairs.py`
(`draw_pairs(past_days=True)`), the class holding most of the same pairs the merge kept apart. Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.merge import link_features, link_reason
from dateline.merge.link import FEATURES, LinkModel
from dateline.merge.spans import past_day
from test_merge import report

BLAST = "A refinery exploded near Port Arthur on March 3 , and the fire burned for two days ."
PRICES = ("Fuel prices in Texas have climbed steadily since the refinery blast of March 3 shut the largest plant in "
          "the state .")


@pytest.fixture
def pairs(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import merge_pairs

    return merge_pairs


def _blast(aid: str, published: str, sentence: str, trigger: str, date: str | None = "2021-03-03",
           precision: str = "day", date_mod: str | None = None):
    event = report(aid, published, sentence, trigger, type_="ASSAULT", actors=(), date=date,
                   precision=precision).events[0]
    event.date_mod = date_mod
    return event


def test_a_day_its_text_gives_well_before_the_article_is_a_past_day():
    assert past_day(_blast("w", "2021-03-20", BLAST, "exploded")) is not None
    # the article's own news: the day itself, or two days before it
    assert past_day(_blast("w", "2021-03-03", BLAST, "exploded")) is None
    assert past_day(_blast("w", "2021-03-05", BLAST, "exploded")) is None
    # not a day the text gives: a month, or an upper bound only (an undated event dated by its article)
    assert past_day(_blast("w", "2021-04-20", BLAST, "exploded", date="2021-03", precision="month")) is None
    assert past_day(_blast("w", "2021-03-20", BLAST, "exploded", date_mod="ON_OR_BEFORE")) is None


def test_two_reports_retelling_one_past_day_share_it_and_say_so():
    """Weeks on, a wire and a paper both date the blast to March 3 by their text: the link model weighs that (the
    reason says it); reports of the articles' own day, or of two past days, do not share a past day."""
    wire, paper = _blast("wire", "2021-03-20", BLAST, "exploded"), _blast("paper", "2021-03-25", PRICES, "blast")
    assert link_features(wire, paper)["same_past_day"] == 1.0
    linking_all = LinkModel(tuple(0.0 for _ in FEATURES), 0.0, 0.0)  # links any pair, so its reason is written
    assert "both retell 2021-03-03, days before their articles" in (link_reason(wire, paper, linking_all) or "")
    same_week = _blast("wire", "2021-03-03", BLAST, "exploded"), _blast("paper", "2021-03-04", PRICES, "blast")
    assert link_features(*same_week)["same_past_day"] == 0.0
    other_day = _blast("paper", "2021-03-25", PRICES.replace("March 3", "March 9"), "blast", date="2021-03-09")
    assert link_features(wire, other_day)["same_past_day"] == 0.0


def test_only_pairs_retelling_one_past_day_fall_in_a_past_day_stratum(pairs):
    weeks_on = _blast("wire", "2021-03-20", BLAST, "exploded"), _blast("paper", "2021-03-25", PRICES, "blast")
    assert pairs._past_day_stratum(*weeks_on, {}) == "past day, dice 0.1-0.2"  # one shared word, "refinery"
    next_days = _blast("wire", "2021-03-04", BLAST, "exploded"), _blast("paper", "2021-03-25", PRICES, "blast")
    assert pairs._past_day_stratum(*next_days, {}) is None
    other_day = _blast("paper", "2021-03-25", PRICES.replace("March 3", "March 9"), "blast", date="2021-03-09")
    assert pairs._past_day_stratum(weeks_on[0], other_day, {}) is None


def test_a_pair_file_without_strata_is_scored_as_one_stratum(pairs):
    """The kept-apart and missed samples carry no `stratum` or `population`: their pairs weigh one each, beside a
    stratified file's pairs weighted by population (this raised KeyError before)."""
    labelled = [({"label": "same"}, "a", "b"), ({"label": "different"}, "a", "c"),
                ({"label": "same", "stratum": "low", "population": 10}, "c", "d")]
    merged_of = {"a": 1, "b": 1, "c": 2, "d": 3}
    rates = pairs.outcome_rates(labelled, merged_of)
    assert (rates["tp"], rates["fn"], rates["tn"], rates["fp"]) == (1, 1, 1, 0)
    assert rates["by_stratum"] == {"unstratified": 2, "low": 1}
    assert rates["recall"] == 0.5
    assert rates["weighted"]["recall"] == round(1 / 11, 3)


def test_a_retelling_of_one_past_day_joins_the_group_it_is_linked_to_by_that_day():
    """Three reports of the blast on its day (dated by their pages) and a paper weeks on that dates it by its text:
    the paper links to the one report that gives the day too, not to the others, and the average linkage alone would
    keep it out (one link of three). A link that says both texts retell one past day binds; one that does not, and
    one whose group holds a conflicting report, do not."""
    from dateline.merge import cluster

    day = [_blast(aid, "2021-03-03", BLAST, "exploded", date=None) for aid in ("wire", "radio", "daily")]
    retold = _blast("paper", "2021-03-25", PRICES, "blast")
    copies = {frozenset((a.id, b.id)): "same type ASSAULT, p=0.95: sentences share 100% of their words"
              for a in day for b in day if a.id < b.id}
    reason = "same type ASSAULT, p=0.40: sentences share 12% of their words; both retell 2021-03-03, days before"

    def merged(links):
        assigned = cluster([*day, retold], links)
        return {event_id: head for event_id, (head, _) in assigned.items()}

    bound = merged({**copies, frozenset((day[0].id, retold.id)): reason})
    assert bound[retold.id] == bound[day[0].id] == bound[day[2].id]
    plain = merged({**copies, frozenset((day[0].id, retold.id)): reason.replace("; both retell", "; once told")})
    assert plain[retold.id] != plain[day[0].id]
    retold.status = "negated"  # the retelling read as negated: at odds with every report of the day
    negated = merged({**copies, frozenset((day[0].id, retold.id)): reason})
    assert negated[retold.id] != negated[day[0].id] and negated[day[0].id] == negated[day[2].id]
