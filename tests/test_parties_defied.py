"""A measure, demand or warning its object's verb defies (`defying_verbs`: "crowds defied a curfew") is aimed at
the verb's subject, its recipient, and was not imposed by it (`parties_support._add_defier`). Sentences written for
these tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_who_defies_a_curfew_is_its_recipient(nlp) -> None:
    doc = candidates(nlp, "Hundreds of Kenyan students defied the night curfews and occupied the campus.")
    event = event_at(doc, "curfews")
    assert countries(event.recipients) == ["KEN"]
    assert "KEN" not in countries(event.actors) or event.actors[0].sector != "CVL"


def test_who_imposes_a_curfew_is_its_actor(nlp) -> None:
    doc = candidates(nlp, "The Kenyan government announced curfews in three towns on Friday.")
    assert countries(event_at(doc, "curfews").actors) == ["KEN"]
