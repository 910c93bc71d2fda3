"""A name in an "anti-X" prefix of a nominal trigger ("anti-Mubarak demonstrations", "anti-American protests") is
what the act is against, its recipient, not its actor; "anti" and its hyphen are no party
(`parties_nominal.against_prefix`). Sentences written for these tests, run through every stage with the lexicon's
own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_the_name_after_anti_is_what_a_protest_is_against(nlp) -> None:
    doc = candidates(nlp, "Thousands joined anti-American protests in Pakistan on Friday.")
    event = event_at(doc, "protests")
    assert countries(event.recipients) == ["USA"]
    assert "USA" not in countries(event.actors)
    assert all(p.text not in ("anti", "-") for p in event.actors + event.recipients)


def test_a_name_without_the_prefix_still_protests(nlp) -> None:
    doc = candidates(nlp, "Kenyan protests spread to the capital on Friday.")
    assert countries(event_at(doc, "protests").actors) == ["KEN"]
