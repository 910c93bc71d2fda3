"""Four frames of no political event (events.frame): a disease as the raised subject of a passive ("is known to have
killed"), a company's deal whose phrase names a country only as its partner's nationality or the place of what is
sold (events.business_states), an act told as a habit of years (events.habits), and a verb whose "in" phrase names
the act (events.argument_senses); and a delivery of no goods, no aid (triggers.tsv "deliver ... obj:delivered_goods").
Candidates are read with the verifier and detector off, so each test shows the rule. Every sentence is written for
these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize("text", [
    "Health officials say the fever is known to have killed some forty villagers this spring.",
    "The new strain of flu is believed to have killed 35 people since March.",
    "Officials said the cholera, which is thought to have killed 60 villagers, had reached the coast.",
])
def test_a_disease_raised_from_a_passive_is_no_killer(nlp, text: str) -> None:
    assert types_at(candidates(nlp, text), "killed") == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The rebels are said to have killed 80 people in the province.", "killed", "ASSAULT"),
    ("The militia, which is thought to have killed 60 villagers, withdrew on Monday.", "killed", "ASSAULT"),
    ("The soldier is believed to have been killed by rebels near the border.", "killed", "ASSAULT"),
])
def test_a_party_raised_from_a_passive_still_acts(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Shell agreed to sell three gas fields in Nigeria and Gabon to Japan 's Mitsubishi Corp for $ 900 million .",
     "agreed"),
    ("Last month , the company agreed to sell its refineries in Brazil to its Chinese joint venture Sinopec-Shell .",
     "agreed"),
])
def test_a_companys_deal_naming_a_country_as_nationality_or_place_is_business(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Shell agreed to sell three gas fields to the Nigerian government for $ 900 million .", "agreed", "AGREE"),
    ("Shell agreed with Nigeria to sell three gas fields for $ 900 million .", "agreed", "AGREE"),
])
def test_a_companys_deal_with_a_state_stays(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("For years , the farmers ' unions urged the governor to cut the water tariffs .", "urged"),
    ("Students have protested against the tuition fees for decades .", "protested"),
    ("Over the years , the party accused the newspaper of bias .", "accused"),
])
def test_an_act_told_over_uncounted_years_is_a_habit(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("For two years , the farmers ' unions urged the governor to cut the water tariffs .", "urged", "REQUEST"),
    ("For weeks , students protested against the tuition fees outside parliament .", "protested", "PROTEST"),
    ("The activist has been detained for years without trial .", "detained", "COERCE"),
    ("The farmers ' unions urged the governor on Monday to cut the water tariffs .", "urged", "REQUEST"),
])
def test_a_counted_or_short_span_or_one_act_lasting_stays(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize("text", [
    "This spring the interior ministry engaged in a campaign of intimidation against the union .",
    "The two parties engaged in a long public quarrel over the budget .",
])
def test_a_verb_whose_in_phrase_names_the_act_is_no_act_of_its_own(nlp, text: str) -> None:
    assert types_at(candidates(nlp, text), "engaged") == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Government troops engaged the militants near the airport on Sunday .", "engaged", "ASSAULT"),
    ("Rebels engaged in heavy fighting with the army near the airport on Sunday .", "fighting", "ASSAULT"),
])
def test_an_engagement_with_an_object_or_its_fighting_stays(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


def test_taking_to_the_streets_in_a_place_stays_a_protest(nlp) -> None:
    text = "Since Monday , angry crowds have taken to the streets in Lusaka demanding fresh elections ."
    assert "PROTEST" in types_at(candidates(nlp, text), "taken")


@pytest.mark.parametrize("text", [
    "The governor plans to deliver a large bill to the oil company next month .",
    "The mayor promised to deliver cleaner streets to the residents .",
])
def test_delivering_no_goods_is_no_aid(nlp, text: str) -> None:
    assert "AID" not in types_at(candidates(nlp, text), "deliver")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The United Nations delivered food and tents to the camps on Monday .", "delivered"),
    ("Tons of aid were delivered to the flooded villages by army helicopters .", "delivered"),
    ("Russia delivered missiles to the Syrian army in March .", "delivered"),
])
def test_delivering_aid_goods_arms_or_money_stays_aid(nlp, text: str, trigger: str) -> None:
    assert "AID" in types_at(candidates(nlp, text), trigger)
