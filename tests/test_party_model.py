"""The learned party chooser (issue 9, measured in tools/, not shipped): candidates, their paths to the
trigger, and how a model revises the rules.

A model here is a small table of weights written for the test (the form `tools/train_party_model.py` trains),
so each test says which decision it checks: a party the rules chose and the model scores below `drop` is
dropped, a role the rules left empty takes a candidate scoring at least `fill`, a meeting takes no recipient.
"""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events import code_events
from dateline.model import Party
from party_model import Candidate, decide, dependency_path, event_candidates


def model(actor: dict[str, float], recipient: dict[str, float], drop: float = 0.1, fill: float = 0.6) -> dict:
    """A chooser that keeps what the rules chose (unless `actor`/`recipient` weigh it down) and scores the rest low."""
    return {"roles": {"actor": {"bias": -4.0, "weights": {"rule=actor": 8.0, **actor}},
                      "recipient": {"bias": -4.0, "weights": {"rule=recipient": 8.0, **recipient}}},
            "drop": drop, "fill": fill}


def rule_coded(staged: Any, text: str) -> Any:
    return code_events(staged(text))


def chosen(doc: Any, trigger: str, chooser: dict) -> tuple[list[Party], list[Party]]:
    """The chooser's actors and recipients for the event on `trigger`, from that event's candidates."""
    event = next(e for e in doc.events if e.evidence.trigger == trigger)
    return decide(event_candidates(doc, event), chooser, event.type)


@pytest.mark.parametrize(("text", "word", "trigger", "path"), [
    ("Police arrested the protesters in Cairo.", "Police", "arrested", ["nsubj"]),
    ("Police arrested the protesters in Cairo.", "protesters", "arrested", ["dobj"]),
    ("The protesters were arrested by police.", "police", "arrested", ["pobj", "agent"]),
    ("Egypt condemned the arrest of journalists by police.", "Egypt", "arrest", ["nsubj", "^", "dobj"]),
])
def test_dependency_path_goes_up_to_the_common_head_then_down(nlp, text, word, trigger, path) -> None:
    parsed = nlp(text)
    source = next(t for t in parsed if t.text == word)
    target = next(t for t in parsed if t.text == trigger)
    assert dependency_path(source, target) == path


def test_candidates_are_the_rules_parties_and_the_sentences_other_actors(staged) -> None:
    doc = rule_coded(staged, "Kenyan journalists were arrested on Monday, Ugandan officials said.")
    event = next(e for e in doc.events if e.evidence.trigger == "arrested")
    by_text = {c.party.text: c for c in event_candidates(doc, event)}
    assert by_text["Kenyan journalists"].rule_role == "recipient"
    assert by_text["Ugandan officials"].rule_role is None
    assert "path=nsubj/^/ccomp" in by_text["Ugandan officials"].features


def test_an_empty_role_is_filled(staged) -> None:
    doc = rule_coded(staged, "Kenyan journalists were arrested on Monday, Ugandan officials said.")
    assert not next(e for e in doc.events if e.evidence.trigger == "arrested").actors  # the rules name no arrester
    actors, recipients = chosen(doc, "arrested", model({"path=nsubj/^/ccomp": 8.0}, {}))
    assert [p.country for p in actors] == ["UGA"]
    assert [p.country for p in recipients] == ["KEN"]
    assert chosen(doc, "arrested", model({}, {}))[0] == []  # without the path's weight the role stays empty


def test_a_rule_party_the_model_rules_out_is_dropped(staged) -> None:
    text = "Twelve Kenyan traders were arrested in Kampala on Monday as Ugandan police cleared the market."
    doc = rule_coded(staged, text)
    assert [p.text for p in next(e for e in doc.events if e.evidence.trigger == "arrested").actors] == ["Kampala"]
    actors, recipients = chosen(doc, "arrested", model({"first=pobj&rule=actor": -8.0}, {}))
    assert actors == [] and [p.country for p in recipients] == ["KEN"]
    assert [p.text for p in chosen(doc, "arrested", model({}, {}))[0]] == ["Kampala"]  # kept when not weighed down


def test_a_meeting_takes_no_recipient_and_a_weak_candidate_no_role() -> None:
    kenya = Candidate(Party(name="Kenya", country="KEN", start=0), "actor", ["rule=actor"])
    uganda = Candidate(Party(name="Uganda", country="UGA", start=10), None, ["path=dobj"])
    sudan = Candidate(Party(name="Sudan", country="SDN", start=20), None, ["path=pobj"])
    chooser = model({}, {"path=dobj": 8.0})
    assert decide([kenya, uganda, sudan], chooser, "CONSULT") == ([kenya.party], [])
    assert decide([kenya, uganda, sudan], chooser, "ACCUSE") == ([kenya.party], [uganda.party])
