"""A verb of wanting with an infinitive of the wanter's own act (events.wish_senses, read by
events.argument_senses): a wish, no request of anyone. Candidates are read with the verifier and detector off, so
each test shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.wish_senses import own_wish
from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "verb"), [
    ("We wanted to open the new clinic right away, the mayor told reporters.", "wanted"),
    ("The villagers want to rebuild the school before the rains.", "want"),
])
def test_wanting_ones_own_act_is_no_request(nlp, text: str, verb: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert own_wish(token, "REQUEST") is not None
    assert "REQUEST" not in types_at(candidates(nlp, text), verb)


@pytest.mark.parametrize(("text", "verb"), [
    ("The strikers want the governor to resign.", "want"),
    ("The farmers want an end to the export ban.", "want"),
    ("The farmers want to see the minister resign.", "want"),
])
def test_wanting_something_of_others_is_left_alone(nlp, text: str, verb: str) -> None:
    token = next(t for t in nlp(text) if t.text == verb)
    assert own_wish(token, "REQUEST") is None
