"""Stance words name no party (events.targets): the fallback recipient searched inside an act's object skips a
name joined to "anti-"/"pro-" (`stance_prefixes`), which says what someone is for or against."""

from __future__ import annotations

import pytest

from dateline.events.targets import stance_named
from stage_run import candidates, event_at


@pytest.mark.parametrize(("text", "trigger"), [
    ("The Estonian parliament on Tuesday rejected an anti-Russian bill tabled by a small party.", "rejected"),
    ("The governor condemned the anti-American campaign in the local press.", "condemned"),
])
def test_a_stance_adjective_is_no_recipient(nlp, text: str, trigger: str) -> None:
    event = event_at(candidates(nlp, text), trigger)
    assert all(p.country not in ("RUS", "USA") for p in event.recipients)


def test_a_name_in_the_object_is_still_the_recipient(nlp) -> None:
    event = event_at(candidates(nlp, "The Estonian parliament on Tuesday rejected an offer from Russia."),
                     "rejected")
    assert [p.country for p in event.recipients] == ["RUS"]


def test_stance_named_reads_the_prefix_before_the_hyphen() -> None:
    text = "an anti-Russian bill, a pro\u2013EU camp, a non-Russian firm, Anti-Semitism"
    assert stance_named(text, text.index("Russian"))
    assert stance_named(text, text.index("EU"))
    assert not stance_named(text, text.index("Russian", text.index("non")))
    assert not stance_named(text, 0)
