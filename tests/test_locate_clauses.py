"""Event location through the words around the act (issue 10, seventh session): a reporting clause set off in
commas does not take the sentence's opening place from the act; a place closing a coordination of acts with one
subject places each of them, but not across a journey; a clause describing a site gives the act on it its place;
a statement's relative clause places it only when it tells what was done with the act, not what the act did; an act
told in a placed happening, a conjunct of a participant, the same happening placed finer in another sentence; a place
on the noun a trigger names ("a rape charge in Sweden", eighth session)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.events.group import ungrouped
from dateline.events.place_links import place_choice
from dateline.events.sentence_frame import frames_the_sentence
from dateline.model import Place
from stage_run import event_at, extracted


@pytest.mark.parametrize("text", [
    pytest.param("In Kirkuk, the colonel adds, gunmen ambushed a police patrol on Sunday.", id="aside hung on the act"),
    pytest.param("In Mexico, the report adds, cartels engage in kidnapping, extortion and murder.", id="on 'engage'"),
])
def test_a_reporting_aside_leaves_the_opening_place_to_the_act(nlp, text: str) -> None:
    event = next(e for e in extracted(nlp, text).events if e.type == "ASSAULT")
    opening = text.split(",")[0].removeprefix("In ")  # the sentence's own opening place, not the other case's
    assert event.location is not None and event.location.name == opening


def test_an_aside_the_parser_took_for_the_main_verb_still_frames_the_clause_after_it(nlp) -> None:
    words = ["In", "Basra", ",", "Karimi", "adds", ",", "militias", "engage", "in", "kidnapping", "."]
    heads = [4, 0, 4, 4, 4, 4, 7, 4, 7, 8, 4]  # 'engage' a conjunct of the aside's 'adds', as the parser may have it
    deps = ["prep", "pobj", "punct", "nsubj", "ROOT", "punct", "nsubj", "conj", "prep", "pobj", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"]
    lemmas = ["in", "Basra", ",", "Karimi", "add", ",", "militia", "engage", "in", "kidnapping", "."]
    parse = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert frames_the_sentence(parse[0], parse[9])
    assert not frames_the_sentence(parse[0], parse[4])  # the aside itself is not set there by it


def test_a_reporting_clause_that_governs_the_act_keeps_the_opening_place_as_the_speakers(nlp) -> None:
    doc = extracted(nlp, "In Kirkuk, the colonel said gunmen ambushed a police patrol on Sunday.")
    assert event_at(doc, "ambushed").location is None


def test_a_place_closing_a_coordination_of_acts_places_the_first(nlp) -> None:
    blocked = event_at(extracted(nlp, "Protesters blocked the highway and burned tyres in Lagos on Monday."), "blocked")
    assert blocked.location is not None and blocked.location.name == "Lagos"
    assert "closing" in blocked.location.basis


def test_a_journeys_end_does_not_place_the_act_before_it(nlp) -> None:
    doc = extracted(nlp, "Gunmen abducted the engineer and arrived in Abuja with him on Monday.")
    assert event_at(doc, "abducted").location is None


def test_a_clause_describing_a_site_gives_the_act_on_it_its_place(nlp) -> None:
    destroyed = event_at(extracted(nlp, "Vandals destroyed a memorial that stood in Daugavpils for forty years."),
                         "destroyed")
    assert destroyed.location is not None and destroyed.location.name == "Daugavpils"
    assert "'memorial'" in destroyed.location.basis


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("The council lifted the sanctions, which had hurt farmers in Ohio.", None, id="what the act did"),
    pytest.param("The council lifted the sanctions, which were imposed in Brussels last year.", "Brussels",
                 id="what was done with the act"),
])
def test_a_statements_relative_clause_places_it_only_when_passive(nlp, text: str, place: str | None) -> None:
    sanction = event_at(extracted(nlp, text), "sanctions")
    assert (sanction.location and sanction.location.name) == place


def test_an_act_told_in_a_placed_happening_takes_its_place(nlp) -> None:
    wounded = event_at(extracted(nlp, "Three protesters were wounded in a raid on a camp near Aleppo."), "wounded")
    assert wounded.location is not None and wounded.location.name == "Aleppo"
    assert "'raid'" in wounded.location.basis


def test_a_conjunct_of_a_participant_shares_its_place(nlp) -> None:
    doc = extracted(nlp, "The poisoning of a banker and his wife in Exeter shocked the country.")
    poisoning = event_at(doc, "poisoning")
    assert poisoning.location is not None and poisoning.location.name == "Exeter"


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("Envoys held talks between the Ottawa delegation and the ministry in Nairobi on Friday.", None,
                 id="each side placed"),
    pytest.param("Officials held talks between the Kenyan mission and the ministry in Nairobi on Friday.", "Nairobi",
                 id="one side placed"),
])
def test_the_place_of_one_side_of_an_act_between_two_placed_sides_is_not_the_acts(nlp, text: str,
                                                                                   place: str | None) -> None:
    talks = event_at(extracted(nlp, text), "talks")
    assert (talks.location and talks.location.name) == place


def test_a_country_gives_way_to_the_town_another_sentence_gives_the_same_happening(nlp) -> None:
    doc = extracted(nlp, "Gunmen attacked a convoy in Syria on Monday. The attack in Idlib killed four soldiers.")
    attacked = event_at(doc, "attacked")
    assert attacked.location is not None and attacked.location.name == "Idlib"
    assert "the same happening" in attacked.location.basis


@pytest.mark.parametrize("text", [
    pytest.param("Gunmen attacked a convoy in Syria on Monday. The attack in Idlib killed four soldiers. "
                 "The attack in Homs killed two.", id="mentions placed in two towns"),
    pytest.param("Police clashed with protesters in Egypt on Friday. The clashes in Alexandria left ten dead.",
                 id="many happenings, some of them in a town"),
])
def test_a_country_is_kept_when_the_other_mentions_do_not_name_one_town_of_one_happening(nlp, text: str) -> None:
    with ungrouped():  # the locator's reading of each mention, before the grouping may join "the clashes"
        doc = extracted(nlp, text)
    act = next(e for e in doc.events if e.evidence.trigger in ("attacked", "clashed"))
    assert act.location is not None and act.location.precision == "country"


def _place_of(parsed, name: str, code: str, feature: str) -> Place:
    """The toponym `name` of a parsed sentence as the places stage would leave it (its tokens, no gazetteer)."""
    token = next(t for t in parsed if t.text == name)
    return Place(text=name, start=token.idx, end=token.idx + len(name), geonameid=None, name=name, lat=None,
                 lon=None, country_code=code, admin1=None, feature_code=feature, confidence=0.9,
                 token_start=token.i, token_end=token.i + 1)


@pytest.mark.parametrize(("text", "trigger", "name", "code", "feature"), [
    pytest.param("The activist fled abroad to escape a rape charge in Sweden.", "rape", "Sweden", "SE", "PCLI",
                 id="a charge"),
    pytest.param("Bombing survivors in Kabul demanded compensation.", "Bombing", "Kabul", "AF", "PPLC",
                 id="its survivors"),
])
def test_a_place_on_the_noun_an_act_names_is_the_acts(nlp, text: str, trigger: str, name: str, code: str,
                                                      feature: str) -> None:
    parsed = nlp(text)
    act = next(t for t in parsed if t.text == trigger)
    place = _place_of(parsed, name, code, feature)
    choice = place_choice(place, act, physical=True)
    assert choice is not None and "which the act names" in choice.basis
    assert place_choice(place, act, physical=False) is None  # "a bribery charge in Sweden" is no statement's place
