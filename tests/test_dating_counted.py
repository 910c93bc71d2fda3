"""The happening a length of days counts from lies that many days from the day of the clause the length hangs on
(`events.dating_counted`; sentences written for these tests)."""

from __future__ import annotations

import pytest

from stage_run import dating

SUNDAY = "2019-05-12"


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("The ferry sank on Friday, two days after a fire broke out in its engine room.", "broke", "2019-05-08"),
    ("The ferry sank on Friday, two days after a fire broke out in its engine room.", "fire", "2019-05-08"),
    ("The plant was shut on Monday, three days after an explosion killed four workers.", "explosion", "2019-05-03"),
    ("The tanker went down on Thursday, two days after the first explosion.", "explosion", "2019-05-07"),
    ("Police arrested the suspect on Thursday, the day after the bombing.", "bombing", "2019-05-08"),
    ("The permit was granted on May 1, 4 days before the well blew out.", "blew", "2019-05-05"),
])
def test_a_happening_counted_from_lies_that_many_days_from_the_clauses_day(make_doc, text, trigger, day) -> None:
    got = dating(make_doc, text, trigger, SUNDAY)
    assert (got.value, got.mod) == (day, None)
    assert "counts from it" in got.basis


def test_the_clause_itself_keeps_its_own_day(make_doc) -> None:
    got = dating(make_doc, "Police arrested the suspect on Thursday, the day after the bombing.", "arrested", SUNDAY)
    assert got.value == "2019-05-09"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Protesters marched on Sunday, a week after the election.", "election"),  # weeks are not read
    ("The talks began in March, two days after the ceasefire.", "ceasefire"),  # no day to count from
    ("The envoy will arrive on Friday, two days after the vote.", "vote"),  # the counted day lies ahead
])
def test_no_day_is_counted_without_days_and_a_past_day_to_count_from(make_doc, text: str, trigger: str) -> None:
    assert "counts from it" not in dating(make_doc, text, trigger, SUNDAY).basis


def test_no_day_is_counted_from_a_day_the_clause_aims_at(make_doc) -> None:
    text = "A day after the governor stepped down, officials readied themselves for Monday, the start of the session."
    assert "counts from it" not in dating(make_doc, text, "stepped", SUNDAY).basis


@pytest.mark.parametrize(("text", "trigger", "day"), [
    # the clause's day is carried from the sentence before, and the length hangs on its verb
    ("The strike began on Thursday. The riots came the day after the union announced it would walk out.",
     "announced", "2019-05-08"),
    ("Fighting broke out on Friday. Shops closed two days after the governor imposed a curfew on the city.",
     "imposed", "2019-05-08"),
])
def test_a_clause_dated_by_the_story_gives_its_day_to_the_count(make_doc, text, trigger, day) -> None:
    got = dating(make_doc, text, trigger, SUNDAY)
    assert (got.value, got.mod) == (day, None)
    assert "counts from it" in got.basis


def test_a_clause_with_no_exact_day_gives_no_count(make_doc) -> None:
    text = "The riots came the day after the union announced it would walk out."  # on or before the article date
    assert "counts from it" not in dating(make_doc, text, "announced", SUNDAY).basis


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("The resignation comes two days after the minister was questioned by the committee.", "questioned", "2019-05-10"),
    ("Volunteers clear the rubble on Sunday, a day after the storm hit the coast.", "hit", "2019-05-11"),
])
def test_a_clause_told_in_the_present_counts_from_the_day_of_the_news(make_doc, text, trigger, day) -> None:
    got = dating(make_doc, text, trigger, SUNDAY)
    assert (got.value, got.mod) == (day, None)


def test_a_clause_told_in_the_future_gives_no_count(make_doc) -> None:
    text = "The envoy will come a day after the council receives the report."
    assert "counts from it" not in dating(make_doc, text, "receives", SUNDAY).basis


def test_a_participle_after_a_length_is_counted(make_doc) -> None:
    got = dating(make_doc, "The reporter died on May 9, three days after being shot at a checkpoint.", "shot", SUNDAY)
    assert (got.value, got.mod) == ("2019-05-06", None)
