"""Parties from the right words, session 33: each test a sentence written for it, run through the
real places and actors stages (and, where it says so, the party rules of the events stage).

Classes: an object told to do what an infinitive says is addressed even when the actor owns it;
a common noun is not what its apposition names; an object pronoun does not stand for an earlier
mention of its own clause's subject; a protest with no one named is by the people of its place;
a short name repeats a full name without its generational suffix; a place the parser reads as a
person names no country for the agents near it; a company is of its home country.
"""

from __future__ import annotations

from dateline.actors.text import name_key, split_code
from dateline.events.parties import trigger_parties
from dateline.events.parties_clauses import rejected_claimant
from dateline.events.resolve import resolve
from dateline.events.targets import implicit_protesters
from dateline.geo.pairs import STATE_ABBREVIATIONS
from dateline.model import Document
from dateline.words import word_table
from stage_run import token


def resolved(doc: Document, heads) -> list[tuple[str | None, str | None]]:
    return [(p.country, p.sector) for h in heads for p in resolve(doc, h)]


def test_own_body_told_to_act_is_the_recipient(staged) -> None:
    doc = staged("The Kenyan president ordered his army to withdraw from the border town.")
    found = trigger_parties(token(doc, "ordered"))
    assert [t.text for t in found.recipients][:1] == ["army"]
    assert "direct object" in found.patterns


def test_own_forces_mobilised_are_still_no_recipient(staged) -> None:
    doc = staged("Kenya mobilised its forces to defend the border town.")
    found = trigger_parties(token(doc, "mobilised"))
    assert "forces" not in [t.text for t in found.recipients]


def test_common_noun_takes_no_country_from_its_apposition(staged) -> None:
    doc = staged("The panel discussed a question that angers many: the future of Iraq's oil.")
    parties = resolve(doc, token(doc, "question"))
    assert all(p.country is None for p in parties)


def test_object_pronoun_is_not_an_earlier_mention_of_its_subject(staged) -> None:
    doc = staged("Students marched past the police in Nairobi. The police vowed to punish them.")
    them = token(doc, "them")
    assert ("KEN", "COP") not in resolved(doc, [them])


def test_protest_with_no_one_named_is_by_the_people_of_its_place(staged) -> None:
    doc = staged("Protests erupted in Nairobi and Mombasa after the vote.")
    actors = implicit_protesters(doc, token(doc, "Protests"), "PROTEST")
    assert [(p.country, p.sector) for p in actors] == [("KEN", "CVL")]


def test_other_acts_get_no_implicit_protesters(staged) -> None:
    doc = staged("Clashes erupted in Nairobi after the vote.")
    assert implicit_protesters(doc, token(doc, "Clashes"), "ASSAULT") == []


def test_short_name_repeats_the_name_before_its_suffix() -> None:
    keys = ["king", "abdullah", "ii"]
    assert name_key(keys, 0, 3) == "abdullah"
    assert name_key(["luther", "king", "jr"], 0, 3) == "king"


def test_place_read_as_a_person_names_no_country_nearby(staged) -> None:
    doc = staged("The song tells of Mary and her lamb. The government said it would be taught in schools.")
    government = next(a for a in doc.actors if a.text.lower().endswith("government"))
    assert government.country != "TKM"


def test_company_is_of_its_home_country() -> None:
    assert split_code("MNCGBR") == ("GBR", "BUS")
    assert split_code("MNC") == ("MNC", "BUS")


def test_state_abbreviations_are_one_list_for_pairs_and_gazetteer() -> None:
    table = word_table("state_abbreviations")
    assert {use for _, use in table.values()} == {"alone", "after-town"}
    assert table["Ill."][1] == "after-town"  # "Ill." alone is a word
    assert STATE_ABBREVIATIONS["Calif."] == "US.CA"


def test_who_answers_a_request_is_its_recipient(staged) -> None:
    doc = staged("The Kenyan court rejected Germany's request for an extradition.")
    found = trigger_parties(token(doc, "request"))
    assert [t.text for t in found.actors] == ["Germany"]
    assert "court" in [t.text for t in found.recipients]


def test_passive_answer_names_the_recipient_by_its_agent(staged) -> None:
    doc = staged("Germany's request was rejected by the Kenyan court.")
    found = trigger_parties(token(doc, "request"))
    assert "court" in [t.text for t in found.recipients]


def test_measure_acts_on_the_object_of_its_own_clause(staged) -> None:
    doc = staged("The Kenyan parliament passed a law that bans the Mungiki sect.")
    found = trigger_parties(token(doc, "passed"))
    assert "sect" in [t.text for t in found.recipients]


def test_a_persons_clause_on_the_object_names_no_recipient(staged) -> None:
    doc = staged("Kenyan police arrested two men who attacked the embassy.")
    found = trigger_parties(token(doc, "arrested"))
    assert "embassy" not in [t.text for t in found.recipients]


def test_gerund_after_a_preposition_shares_the_verbs_subject(staged) -> None:
    doc = staged("The Kenyan government is concentrating on getting aid to the refugees.")
    found = trigger_parties(token(doc, "aid"))
    assert "government" in [t.text for t in found.actors]


def test_noun_owned_by_a_pronoun_is_of_its_antecedents_country(staged) -> None:
    doc = staged("Ali Abdullah Saleh said he has told his party to end the strike.")
    assert [p.country for p in resolve(doc, token(doc, "party"))] == ["YEM"]


def test_allies_owned_by_a_pronoun_are_not_of_its_country(staged) -> None:
    doc = staged("Ali Abdullah Saleh said he has told his allies to end the strike.")
    assert all(p.country != "YEM" for p in resolve(doc, token(doc, "allies")))


def test_conceded_rejection_answers_the_claimant_of_the_main_clause(staged) -> None:
    doc = staged("Guards were killed in an attack that Uganda has blamed on Kenya, although Nairobi denies any "
                 "involvement.")
    denies = token(doc, "denies")
    actors = [p for h in trigger_parties(denies).actors for p in resolve(doc, h)]
    claimant = rejected_claimant(denies, actors, lambda head: resolve(doc, head))
    assert [p.country for p in claimant] == ["UGA"]


def test_one_person_killed_is_an_agent_placed_as_people_are(staged) -> None:
    """"killing one person": the singular is an agent noun as "people" and "persons" are (supplement.tsv, ~PPL),
    placed by the country named near it."""
    doc = staged("Egyptian police opened fire on protesters in Cairo on Friday, killing one person.")
    person = next(a for a in doc.actors if a.text == "person")
    assert (person.country, person.sector) == ("EGY", "CVL") and "PERSON [~PPL]" in (person.entry or "")
    persons = next(a for a in staged("The blast wounded four persons.").actors if a.text == "persons")
    assert persons.sector == "CVL"
