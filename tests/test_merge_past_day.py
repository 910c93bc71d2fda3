"""The past-day sample of `benchmarks/merge_pairs.py` (`draw_pairs(past_days=True)`): pairs of reports that retell one
past day ("the refinery exploded on March 3", weeks on), the class holding most of the same pairs the merge keeps
apart. Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.merge import report_of
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


def test_a_day_its_text_gives_well_before_the_article_is_a_past_day(pairs):
    assert pairs.past_day(report_of(_blast("w", "2021-03-20", BLAST, "exploded"))) is not None
    # the article's own news: the day itself, or two days before it
    assert pairs.past_day(report_of(_blast("w", "2021-03-03", BLAST, "exploded"))) is None
    assert pairs.past_day(report_of(_blast("w", "2021-03-05", BLAST, "exploded"))) is None
    # not a day the text gives: a month, or an upper bound only (an undated event dated by its article)
    assert pairs.past_day(report_of(_blast("w", "2021-04-20", BLAST, "exploded", date="2021-03",
                                           precision="month"))) is None
    assert pairs.past_day(report_of(_blast("w", "2021-03-20", BLAST, "exploded", date_mod="ON_OR_BEFORE"))) is None


def test_only_pairs_retelling_one_past_day_fall_in_a_past_day_stratum(pairs):
    weeks_on = _blast("wire", "2021-03-20", BLAST, "exploded"), _blast("paper", "2021-03-25", PRICES, "blast")
    assert pairs._past_day_stratum(*weeks_on, {}) == "past day, dice 0.1-0.2"  # one shared word, "refinery"
    next_days = _blast("wire", "2021-03-04", BLAST, "exploded"), _blast("paper", "2021-03-25", PRICES, "blast")
    assert pairs._past_day_stratum(*next_days, {}) is None
    other_day = _blast("paper", "2021-03-25", PRICES.replace("March 3", "March 9"), "blast", date="2021-03-09")
    assert pairs._past_day_stratum(weeks_on[0], other_day, {}) is None
