"""Parties from the right words: who acts and who is acted on, read from the parse and the actors.

Each test is a sentence written for it; the actors and places are found by the real stages
(the events stage itself is not run, so these tests are about the party rules alone).
"""

from __future__ import annotations

import pytest

from dateline.actors import tag_actors
from dateline.events.parties import trigger_parties
from dateline.events.resolve import resolve
from dateline.events.targets import implicit_state_actor
from dateline.geo import tag_places
from dateline.model import Document, Party
from stage_run import token


@pytest.fixture
def staged(make_doc):
    """Parse a text and run the places and actors stages on it."""

    def run(text: str, date: str = "2018-04-02") -> Document:
        return tag_actors(tag_places(make_doc(text, date)))

    return run


def words(tokens) -> list[str]:
    return [t.text for t in tokens]


def countries(doc: Document, heads) -> set[str | None]:
    return {p.country for h in heads for p in resolve(doc, h)}


def test_converse_verb_makes_its_subject_the_recipient(staged) -> None:
    doc = staged("Kenya received strong backing from Ethiopia.")
    found = trigger_parties(token(doc, "received"))
    assert countries(doc, found.actors) == {"ETH"}
    assert countries(doc, found.recipients) == {"KEN"}


def test_converse_verb_with_a_person_object_keeps_its_subject_as_actor(staged) -> None:
    doc = staged("Putin received Erdogan in Sochi.", "2018-09-19")
    found = trigger_parties(token(doc, "received"))
    assert countries(doc, found.actors) == {"RUS"}


def test_support_verb_face_makes_its_subject_undergo_the_charges(staged) -> None:
    doc = staged("Norway's foreign minister faces charges of fraud.")
    found = trigger_parties(token(doc, "charges"))
    assert not found.actors
    assert "minister" in words(found.recipients)
    assert "NOR" in countries(doc, found.recipients)


def test_people_expelled_from_a_country_were_expelled_by_it(staged) -> None:
    doc = staged("Ten Chilean diplomats were expelled from Peru.")
    found = trigger_parties(token(doc, "expelled"))
    assert countries(doc, found.actors) == {"PER"}
    assert countries(doc, found.recipients) == {"CHL"}


def test_nominal_expulsion_from_a_country(staged) -> None:
    doc = staged("The row led to the expulsion of Chilean diplomats from Peru.")
    found = trigger_parties(token(doc, "expulsion"))
    assert countries(doc, found.actors) == {"PER"}
    assert countries(doc, found.recipients) == {"CHL"}


def test_noun_modified_by_a_passive_participle_is_the_recipient(staged) -> None:
    doc = staged("Police questioned the Chilean students detained near the border.")
    found = trigger_parties(token(doc, "detained"))
    assert "students" in words(found.recipients)


def test_relative_pronoun_stands_for_its_noun_not_the_last_subject(staged) -> None:
    doc = staged("Peru hosted a summit, at which the ministers agreed to cooperate.")
    which = token(doc, "which")
    assert all(p.country != "PER" for p in resolve(doc, which))


def test_title_and_surname_name_the_office_holder_of_the_day(staged) -> None:
    doc = staged("Rebels seized Misrata. Prime Minister Cameron said the attacks must stop.", "2011-05-02")
    cameron = next(a for a in doc.actors if "Cameron" in a.text)
    assert (cameron.name, cameron.country) == ("David Cameron", "GBR")


def test_unknown_person_is_what_the_apposition_says(staged) -> None:
    # the vote is in Sweden, so only the apposition (`actors.people.described_by_apposition`) makes her Danish:
    # without it she has no country (the article's places do not agree on one)
    doc = staged("Marta Ibsen, a spokeswoman for the Danish Foreign Ministry, criticised the vote in Sweden.")
    person = next(a for a in doc.actors if a.text == "Marta Ibsen")
    assert (person.country, person.sector) == ("DNK", "GOV")


def test_role_of_a_country_takes_that_country(staged) -> None:
    doc = staged("The ambassador of Iran met the minister.")
    ambassador = next(a for a in doc.actors if "ambassador" in a.text)
    assert ambassador.country == "IRN"


def test_passive_arrest_without_agent_was_done_by_the_state_where_it_happened(staged) -> None:
    doc = staged("Two students were arrested in Lima on Friday.")
    arrested = token(doc, "arrested")
    actors = implicit_state_actor(doc, arrested, [], "COERCE")
    assert [(p.country, p.sector) for p in actors] == [("PER", "COP")]


def test_foreigners_arrested_with_no_place_are_not_given_their_own_state(staged) -> None:
    doc = staged("Four Chilean journalists were arrested.")
    recipients = [Party(name="Chilean journalists", country="CHL", sector="JRN")]
    assert implicit_state_actor(doc, token(doc, "arrested"), recipients, "COERCE") == []


def test_active_verb_with_an_unresolved_subject_gets_no_implicit_state(staged) -> None:
    doc = staged("The gang arrested two men in Lima.")
    assert implicit_state_actor(doc, token(doc, "arrested"), [], "COERCE") == []
