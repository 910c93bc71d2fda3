"""A part of a day counted from a happening: "the morning after" a happening lies a day after it, "the night
before" (or "the evening before") one lies a day before it (`events.dating_counted`; sentences written for these
tests)."""

from __future__ import annotations

import pytest

from stage_run import dating

SUNDAY = "2019-05-12"


@pytest.mark.parametrize(("text", "trigger", "day"), [
    # the clause's day is carried from the sentence before: the happening it counts from is a day away
    ("Everything changed on Thursday. The morning after the mayor announced the budget cut, teachers blocked "
     "the road.", "announced", "2019-05-08"),
    ("Rebels shelled the town on Friday, the night before the election.", "election", "2019-05-11"),
    ("Crowds gathered on Wednesday, the evening before the court gave its verdict.", "gave", "2019-05-09"),
    ("Police arrested him on Friday, the morning after the attack.", "attack", "2019-05-09"),
])
def test_a_part_of_a_day_counts_one_day_from_the_clauses_day(make_doc, text, trigger, day) -> None:
    got = dating(make_doc, text, trigger, SUNDAY)
    assert (got.value, got.mod) == (day, None)
    assert "counts from it" in got.basis


@pytest.mark.parametrize(("text", "trigger"), [
    # the night after a happening is mostly that happening's own night: no day is counted
    ("Riots broke out on Friday, the night after the verdict was read.", "read"),
    # a morning before a happening may be its own morning
    ("Police searched the house on Friday, the morning before the raid began.", "began"),
    # a morning with no day to count from
    ("The morning after the mayor announced the budget cut, teachers blocked the road.", "announced"),
])
def test_no_day_is_counted_from_a_part_of_a_day_that_may_be_the_same_day(make_doc, text, trigger) -> None:
    assert "counts from it" not in dating(make_doc, text, trigger, SUNDAY).basis
