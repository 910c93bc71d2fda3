"""A time on the noun that follows "since" ("since the 12 May flood") puts an act after that noun's day; the noun's
own happening is on the day, and "after", "before" or "by" such a noun leaves the act its day
(`events.dating_relations`; sentences written for these tests)."""

from __future__ import annotations

import pytest

from stage_run import dating

SUNDAY = "2019-05-19"


@pytest.mark.parametrize(("text", "trigger", "mod"), [
    ("Hundreds of families have been moved to camps since the 12 May flood that destroyed the valley.", "moved",
     "AFTER"),
    ("Aid convoys have been blocked since Tuesday's ambush on the road north.", "blocked", "AFTER"),
])
def test_a_time_on_the_noun_after_a_preposition_bounds_the_act(make_doc, text: str, trigger: str, mod: str) -> None:
    assert dating(make_doc, text, trigger, SUNDAY).mod == mod


def test_the_nouns_own_happening_keeps_its_day(make_doc) -> None:
    got = dating(make_doc, "Hundreds of families have been moved to camps since the 12 May flood.", "flood", SUNDAY)
    assert (got.value, got.mod) == ("2019-05-12", None)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Before her Friday night speech, the minister visited the flooded wards.", "visited"),  # often that same day
    ("The troops withdrew as required by the 14 May accord.", "withdrew"),  # "by" names the agent here
    ("The crowd marched to the palace after Friday prayers.", "marched"),  # as often that same day
    # the parser takes the subject of "killed" for the object of "since"
    ("Since the May 4 blast killed nine miners, the pit has stayed shut.", "killed"),
])
def test_after_before_or_by_a_dated_noun_leaves_its_day(make_doc, text: str, trigger: str) -> None:
    assert dating(make_doc, text, trigger, SUNDAY).mod is None


def test_after_a_noun_dated_by_a_year_leaves_the_year(make_doc) -> None:
    got = dating(make_doc, "Crowds gathered in the square, the site of protests since the disputed 2009 elections.",
                 "protests", SUNDAY)
    assert (got.value, got.mod) == ("2009", None)
