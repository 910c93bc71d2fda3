"""Parties shared across coordination and read through what the act is about (issue 9, session 66).

Classes: coordinated passive participles share their passive subject and their by-agent ("were detained and
beaten by police"); an active verb with no object shares the object of the verb coordinated after it ("arrested
and beat X"), unless it is a verb of going; what the actor hands on to another is its means, not a recipient
("sent troops to Mali"); a thing a nominal trigger acts "of" names its recipient in its own phrase ("suspension of
air links with Serbia"); a demand noun's "that" clause names whom it addresses; an object written after an "as"
phrase, a passive subject and a thing an object-less verb is aimed at ("conceded to demands from X") are
searched for the party they name, but not an act's own target ("cracked down on protests against X"); what one
party gives or addresses to another ("demands from X", "criticism from X") is done by its "from" object; the
place of what an act is aimed at, or of the verb a nominal trigger hangs on, is where it was done ("rioted at a
jail in X", "arrived in X on a visit"); whom a verb of letting lets act, parsed as the subject of its clause, is
its recipient and that of the refusal or agreement it completes ("refused to allow X to hold a rally"). Each
sentence written for its test, run through the real places and actors stages and the events stage's party rules
(no verifier).
"""

from __future__ import annotations

import pytest

from test_parties_retyped import coded, countries

CASES = [
    # sentence, trigger, actor countries, recipient countries
    ("Three Kenyan journalists were detained and beaten by Ugandan police on Monday.", "detained", ["UGA"], ["KEN"]),
    ("Three Kenyan journalists were detained and beaten by Ugandan police on Monday.", "beaten", ["UGA"], ["KEN"]),
    ("Two Egyptian activists were arrested and charged with sedition in Cairo.", "charged", None, ["EGY"]),
    ("Ugandan police arrested and beat dozens of Kenyan traders on Monday.", "arrested", ["UGA"], ["KEN"]),
    ("Germany sent troops to Mali on Monday.", "sent", ["DEU"], ["MLI"]),
    ("France announced a suspension of rail links with Belgium on Friday.", "suspension", ["FRA"], ["BEL"]),
    ("The Kenyan teachers' union repeated its demand that the Ugandan government release the detained teachers.",
     "demand", None, ["UGA"]),
    ("Albania denounced as a crime Serbia's treatment of the miners.", "denounced", ["ALB"], ["SRB"]),
    ("A camp for Sudanese refugees was attacked by Chadian rebels on Sunday.", "attacked", ["TCD"], ["SDN"]),
    ("The Kenyan government conceded to demands from Ugandan rebels on Monday.", "conceded", ["KEN"], ["UGA"]),
    ("The Kenyan government rejected demands from Ugandan rebels on Monday.", "demands", ["UGA"], ["KEN"]),
    ("Uganda faced strong criticism from Kenya on Monday.", "criticism", ["KEN"], ["UGA"]),
    ("Ugandan prisoners rioted on Monday at a jail in western Kenya.", "rioted", ["UGA"], ["KEN"]),
    ("The Kenyan president arrived in Kampala on a surprise visit on Monday.", "visit", ["KEN"], ["UGA"]),
    ("Kenyan authorities refused to allow Ugandan opposition leaders to hold a rally.", "refused", ["KEN"], ["UGA"]),
    ("Iran agreed to allow Kenyan inspectors to visit the site on Monday.", "allow", ["IRN"], ["KEN"]),
]


@pytest.mark.parametrize(("sentence", "trigger", "actor_countries", "recipient_countries"), CASES,
                         ids=[f"{c[1]}: {c[0][:40]}" for c in CASES])
def test_the_party_the_sentence_names(staged, sentence: str, trigger: str, actor_countries: list[str] | None,
                                      recipient_countries: list[str]) -> None:
    event = coded(staged(sentence), trigger)
    assert countries(event.recipients) == recipient_countries
    if actor_countries is not None:
        assert countries(event.actors) == actor_countries


def test_a_verb_of_going_shares_no_object(staged) -> None:
    """"arrived" is coded CONSULT, whose parties are all actors (no recipient): the shared object would be one."""
    event = coded(staged("Ugandan police arrived and arrested dozens of Kenyan traders on Monday."), "arrived")
    assert "KEN" not in countries(event.actors + event.recipients)
    assert "shared by the coordinated verbs" not in event.evidence.rule


def test_the_patient_of_a_coercion_sent_on_stays_its_recipient(staged) -> None:
    event = coded(staged("Israel deported Israeli activists to Jordan on Monday."), "deported")
    assert "ISR" in countries(event.recipients)


def test_a_shared_party_says_where_it_came_from(staged) -> None:
    event = coded(staged("Three Kenyan journalists were detained and beaten by Ugandan police on Monday."), "beaten")
    assert "passive subject of 'detained' (coordinated passive)" in event.evidence.rule


def test_the_target_of_an_act_aimed_at_is_not_searched(staged) -> None:
    event = coded(staged("Kenyan police cracked down on protests against the Ugandan embassy on Monday."), "cracked")
    assert "UGA" not in countries(event.recipients)


def test_the_medium_a_denial_is_made_on_is_not_searched(staged) -> None:
    event = coded(staged("The Kenyan minister denied on Ugandan state television that police had beaten students."),
                  "denied")
    assert "UGA" not in countries(event.recipients)


def test_a_place_left_is_no_giver(staged) -> None:
    event = coded(staged("The withdrawal of Kenyan troops from Uganda began on Monday."), "withdrawal")
    assert "UGA" not in countries(event.actors)
