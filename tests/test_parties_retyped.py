"""A reading the verifier re-types takes the parties of its new type (issue 9): each test a sentence written
for it, coded by the real lexicon and party rules, re-typed as the verifier would, then re-read."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.coder import code_trigger, find_triggers
from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import load_ontology
from dateline.events.parties_reported import reread_retyped_parties
from dateline.events.verify import retype
from dateline.model import Document, Event, Party


def coded(doc: Document, trigger_text: str) -> Event:
    """The lexicon's reading of the trigger word in the first sentence."""
    sent = next(iter(doc.parsed.sents))
    trigger = next(t for t in find_triggers(sent, load_lexicon()) if t.token.text == trigger_text)
    event = code_trigger(doc, trigger, {trigger.token.i: trigger.entry}, load_ontology())
    assert event is not None
    return event


def retyped_as(event: Event, type_name: str) -> Event:
    """The event as the verifier leaves it after re-typing it."""
    event = retype(event, type_name)
    rule = f"{event.evidence.rule}; verifier: P(X)=0.10, P(no event)=0.05; re-typed {type_name} (P=0.80)"
    return replace(event, evidence=replace(event.evidence, rule=rule))


def reread(doc: Document, event: Event) -> Event:
    doc.events = [event]
    return reread_retyped_parties(doc).events[0]


def countries(parties: list[Party]) -> list[str | None]:
    return sorted(p.country or "" for p in parties)


def test_meeting_re_typed_as_a_one_sided_act_has_a_recipient_again(staged) -> None:
    doc = staged("The Kenyan president met Ugandan rebels in Nairobi on Monday.")
    meeting = coded(doc, "met")
    assert meeting.type == "CONSULT" and countries(meeting.actors) == ["KEN", "UGA"]  # co-actors of a meeting
    event = reread(doc, retyped_as(meeting, "SUPPORT"))
    assert countries(event.actors) == ["KEN"]
    assert countries(event.recipients) == ["UGA"]
    assert "re-read for the re-typed SUPPORT" in event.evidence.rule


def test_one_sided_act_re_typed_as_a_meeting_has_co_actors(staged) -> None:
    doc = staged("The Kenyan president praised Ugandan rebels in Nairobi on Monday.")
    praise = coded(doc, "praised")
    assert countries(praise.recipients) == ["UGA"]
    event = reread(doc, retyped_as(praise, "CONSULT"))
    assert countries(event.actors) == ["KEN", "UGA"] and not event.recipients


def test_role_the_new_reading_leaves_empty_keeps_the_first_parties(staged) -> None:
    doc = staged("The Kenyan minister complained bitterly on Monday.")
    event = coded(doc, "complained")
    uganda = Party(name="Uganda", country="UGA", sector="GOV")
    event = reread(doc, retyped_as(replace(event, recipients=[uganda]), "REQUEST"))
    assert countries(event.recipients) == ["UGA"]


def test_agreeing_readings_leave_the_event_as_it_was(staged) -> None:
    doc = staged("Kenyan police arrested Ugandan smugglers in Nairobi on Monday.")
    arrest = retyped_as(coded(doc, "arrested"), "ASSAULT")
    assert reread(doc, arrest) == arrest


def test_event_not_re_typed_is_left_alone(staged) -> None:
    doc = staged("The Kenyan president met Ugandan rebels in Nairobi on Monday.")
    meeting = coded(doc, "met")
    moved = replace(meeting, type="SUPPORT")  # a type not set by the verifier's re-typing: not re-read
    assert reread(doc, moved) == moved
