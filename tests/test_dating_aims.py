"""The time of the thing a verb plans or calls for is that thing's, not the planning's or the call's
(`events.dating_aims`; sentences written for these tests)."""

from __future__ import annotations

import pytest

from stage_run import dating

FRIDAY = "2019-05-17"


@pytest.mark.parametrize(("text", "trigger"), [
    ("A student group called for a march at 2 p.m. Friday outside the ministry.", "called"),
    ("Union leaders had planned a strike on Thursday at the port but called it off.", "planned"),
])
def test_a_time_after_the_aim_does_not_date_the_call(make_doc, text: str, trigger: str) -> None:
    got = dating(make_doc, text, trigger, FRIDAY)
    assert (got.value, got.mod) == (FRIDAY, "ON_OR_BEFORE")


def test_the_aim_keeps_its_time(make_doc) -> None:
    got = dating(make_doc, "A student group called for a march at 2 p.m. Friday outside the ministry.", "march",
                 FRIDAY)
    assert (got.value, got.mod) == (FRIDAY, None)


def test_a_time_before_the_aim_is_the_calls(make_doc) -> None:
    got = dating(make_doc, "The opposition called on Tuesday for talks with the army.", "called", FRIDAY)
    assert (got.value, got.mod) == ("2019-05-14", None)


def test_a_time_after_a_thing_that_is_no_happening_dates_the_asking(make_doc) -> None:
    got = dating(make_doc, "The family's lawyer asked for a visa Tuesday for his client.", "asked", FRIDAY)
    assert (got.value, got.mod) == ("2019-05-14", None)
