"""Parties a noun passes on (issue 9): who would do a noun's infinitive ("an attempt by X to hold a rally",
"X requested permission to hold a rally"), who is on trial ("X went on trial", "X will stand trial"), and whose
act sits in the "of" phrase of a place or run ("the site of protests by X"). Sentences written for these tests.
"""

from __future__ import annotations

from stage_run import candidates, event_at


def _texts(parties) -> list[str]:
    return [p.text for p in parties]


def test_the_nouns_by_phrase_does_its_infinitive(nlp) -> None:
    event = event_at(candidates(nlp, "Riot police foiled an attempt by Belarusian students to hold a rally."), "rally")
    assert _texts(event.actors) == ["Belarusian students"]


def test_the_nouns_possessive_does_its_infinitive(nlp) -> None:
    text = "Algeria's decision to expel the French ambassador surprised Paris."
    event = event_at(candidates(nlp, text), "expel")
    assert _texts(event.actors) == ["Algeria"]


def test_who_requests_permission_would_hold_the_rally(nlp) -> None:
    text = "Georgian opposition parties requested permission to hold a rally in Tbilisi."
    event = event_at(candidates(nlp, text), "rally")
    assert _texts(event.actors) == ["Georgian opposition parties"]


def test_who_thwarts_a_plan_does_not_carry_it_out(nlp) -> None:
    text = "Kenyan police thwarted a plan to bomb the embassy in Nairobi."
    event = event_at(candidates(nlp, text), "bomb")
    assert "Kenyan police" not in _texts(event.actors)


def test_the_one_who_goes_on_trial_is_tried(nlp) -> None:
    text = "A former Tunisian interior minister went on trial on Sunday."
    event = event_at(candidates(nlp, text), "trial")
    assert [p.country for p in event.recipients] == ["TUN"] and not event.actors


def test_the_one_who_stands_trial_is_tried(nlp) -> None:
    text = "The Kenyan deputy president will stand trial at the International Criminal Court."
    event = event_at(candidates(nlp, text), "trial")
    assert _texts(event.recipients) == ["The Kenyan deputy president"]
    assert "The Kenyan deputy president" not in _texts(event.actors)


def test_who_goes_on_strike_still_makes_it(nlp) -> None:
    event = event_at(candidates(nlp, "Bolivian miners went on strike on Monday."), "strike")
    assert [p.country for p in event.actors] == ["BOL"] and not event.recipients


def test_the_by_phrase_of_a_site_is_the_protests_doer(nlp) -> None:
    text = "The square was the site of mass protests by Ukraine's opposition movement last year."
    event = event_at(candidates(nlp, text), "protests")
    assert _texts(event.actors) == ["Ukraine's opposition movement"]
