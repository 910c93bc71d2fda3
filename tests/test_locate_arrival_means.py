"""An act told as the means of a verb that continues a journey ("flew to Nairobi and began by meeting the
president") was done where the journey ended, as one the journey's verb continues directly is
(`events.place_links._acting_verb`); an act told "after" is of another time and keeps no such place. Sentences
written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def _where(nlp, text: str, trigger: str) -> str | None:
    location = event_at(extracted(nlp, text), trigger).location
    return location.name if location else None


def test_a_meeting_the_journey_began_by_is_where_it_went(nlp) -> None:
    text = "The envoy flew to Nairobi on Monday and began by meeting the Kenyan president."
    assert _where(nlp, text, "meeting") == "Nairobi"


def test_a_meeting_the_journey_continues_is_where_it_went(nlp) -> None:
    text = "The envoy flew to Nairobi on Monday and met the Kenyan president."
    assert _where(nlp, text, "met") == "Nairobi"


def test_a_meeting_before_the_journey_is_not_where_it_went(nlp) -> None:
    text = "The envoy flew to Nairobi on Monday after meeting the Kenyan president in Kampala."
    assert _where(nlp, text, "meeting") != "Nairobi"
