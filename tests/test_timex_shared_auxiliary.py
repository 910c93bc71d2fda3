"""A verb conjoined to one with an auxiliary shares it ("could strengthen ... and hit the coast on Thursday"): its
day lies on the side the auxiliary points to (`time.tense`; sentences written for these tests)."""

from __future__ import annotations

import pytest

from dateline.time import tag_timexes

MONDAY = "2010-06-28"


def weekday_value(make_doc, text: str) -> str:
    return next(t.value for t in tag_timexes(make_doc(text, MONDAY)).timexes if "Thursday" in t.text)


@pytest.mark.parametrize("text", [
    "The storm could strengthen into a hurricane and hit the coast near the border on Thursday.",
    "The rebels will regroup and attack the town on Thursday.",
    "Officials said the talks would resume and conclude on Thursday.",
])
def test_a_conjoined_verb_takes_the_future_of_the_auxiliary_it_shares(make_doc, text: str) -> None:
    assert weekday_value(make_doc, text) == "2010-07-01"  # the Thursday ahead, not 2010-06-24


@pytest.mark.parametrize("text", [
    "Police arrested two men and charged them on Thursday.",  # no auxiliary: each verb's own past
    "The two men had been arrested and charged on Thursday.",  # a shared pluperfect looks back
    "The army will hold the bridge, and the rebels attacked the town on Thursday.",  # a subject of its own
])
def test_a_conjoined_verb_with_a_past_or_its_own_subject_looks_back(make_doc, text: str) -> None:
    assert weekday_value(make_doc, text) == "2010-06-24"
