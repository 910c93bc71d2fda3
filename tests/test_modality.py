"""Modality in scope: negation and modals from the event's own clause, and future events flagged.

Each test sentence is written for these tests; the modality tests read the parse directly,
the status tests run the whole pipeline (what `dateline extract` prints).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.model import Article, Event, Evidence, extract_schema
from dateline.pipeline import process
from stage_run import modality_of, told_as_fact


def test_negation_does_not_reach_a_contrasted_conjunct(make_doc) -> None:
    text = "The army did not attack the town but shelled the village."
    assert modality_of(make_doc, text, "attack").negated
    assert not modality_of(make_doc, text, "shelled").negated


def test_negation_does_not_reach_a_noun_in_a_time_adjunct(make_doc) -> None:
    text = "Police did not arrest anyone after the protest."
    assert modality_of(make_doc, text, "arrest").negated
    assert not modality_of(make_doc, text, "protest").negated


def test_object_of_resist_is_not_a_fact(make_doc) -> None:
    assert modality_of(make_doc, "The president had resisted sanctions against Iran.", "sanctions").negated


def test_planned_nominal_event_is_scheduled_future(make_doc) -> None:
    found = modality_of(make_doc, "The opposition plans another round of demonstrations on Friday.", "demonstrations")
    assert found.future and found.scheduled and not found.negated


def test_event_on_a_schedule_is_future(make_doc) -> None:
    found = modality_of(make_doc, "Protesters gathered ahead of talks scheduled for Thursday.", "talks")
    assert found.future and found.scheduled


def events_of(text: str, date: str = "2018-09-19") -> list[Event]:
    day = dt.date.fromisoformat(date)
    (doc,) = process([Article(id="modality-test", date=day, text=text)])
    return doc.events


def test_scheduled_visit_is_a_future_consult_dated_ahead() -> None:
    (visit,) = [e for e in events_of("Merkel will visit Moscow on Tuesday.") if e.type == "CONSULT"]
    assert visit.status == "future" and visit.hypothetical and not visit.negated
    assert visit.date == "2018-09-25"  # the Tuesday after the article's Wednesday


def evidence() -> Evidence:
    return Evidence(sentence="Iran met Iraq.", start=0, end=14, trigger="met")


def test_status_and_the_contract_booleans_agree() -> None:
    assert Event(id="a", type="CONSULT", status="future", evidence=evidence()).hypothetical
    negated = Event(id="b", type="CONSULT", negated=True, evidence=evidence())
    assert negated.status == "negated" and not negated.hypothetical
    assert Event(id="c", type="CONSULT", hypothetical=True, evidence=evidence()).status == "hypothetical"
    future = Event(id="d", type="CONSULT", status="future", evidence=evidence())
    assert Event.from_json(future.to_json()) == future and future.to_json()["status"] == "future"


def test_schema_lists_the_statuses() -> None:
    status = extract_schema()["$defs"]["Event"]["properties"]["status"]
    assert status == {"enum": ["fact", "negated", "hypothetical", "future"]}


def test_an_act_a_schedule_word_governs_is_scheduled_future(make_doc) -> None:
    for text, trigger in (("Erdogan is scheduled to meet Putin in Sochi next week.", "meet"),
                          ("The foreign ministers are due to sign the accord on Friday.", "sign")):
        found = modality_of(make_doc, text, trigger)
        assert found.future and found.scheduled and not found.hypothetical, text


def test_a_convened_meeting_is_a_fact_and_a_called_for_one_a_wish(make_doc) -> None:
    assert not modality_of(make_doc, "Saleh called an emergency meeting of parliament.", "meeting").hypothetical
    assert modality_of(make_doc, "The opposition called for talks with the government.", "talks").hypothetical


def test_a_known_happening_stays_a_fact_inside_what_someone_intends_or_considers(make_doc) -> None:
    text = "A reporter went to Cairo to cover the clashes between police and protesters."
    assert modality_of(make_doc, text, "clashes") == modality_of(make_doc, "Police and protesters clashed.", "clashed")
    considered = modality_of(make_doc, "Britain is considering Russia's request for consular access.", "request")
    assert not considered.hypothetical and not considered.negated
    assert modality_of(make_doc, "Britain is considering a request for consular access.", "request").hypothetical


def test_opposing_the_sanctions_is_no_sanction(make_doc) -> None:
    assert modality_of(make_doc, "Hungary opposed the sanctions on Russia.", "sanctions").hypothetical


def test_an_owned_event_is_outside_the_negation_of_the_verb_that_takes_it(make_doc) -> None:
    assert not modality_of(make_doc, "Trinidad rejected Dominica's request for a waiver.", "request").negated
    assert not modality_of(make_doc, "The king did not accept the opposition's demands.", "demands").negated
    assert modality_of(make_doc, "The king did not accept any demands.", "demands").hypothetical


def test_a_noun_in_the_setting_of_a_wish_is_no_wish(make_doc) -> None:
    text = "Farmers demanded a new law in recent protests."
    assert modality_of(make_doc, text, "protests") == modality_of(make_doc, "Farmers protested.", "protested")
    assert modality_of(make_doc, "The unions demanded talks with the cabinet.", "talks").hypothetical


def test_a_nominal_event_set_or_expected_to_happen_is_scheduled(make_doc) -> None:
    for text, trigger in (("The summit is set to open in Lima next week.", "summit"),
                          ("Talks are expected to resume in Oslo on Monday.", "Talks")):
        found = modality_of(make_doc, text, trigger)
        assert found.future and found.scheduled and not found.hypothetical, text


def test_an_act_someone_is_to_do_is_arranged_not_a_purpose(make_doc) -> None:
    found = modality_of(make_doc, "The Chilean president is to visit Beijing in May.", "visit")
    assert found.future and found.scheduled and not found.hypothetical
    assert modality_of(make_doc, "The aim is to topple the junta.", "topple").hypothetical


def test_what_a_negating_verb_governs_is_negated_even_when_that_verb_is_an_event(make_doc) -> None:
    found = modality_of(make_doc, "The delegation failed to attend a meeting of the council in Geneva.", "meeting",
                        among="failed")
    assert found.negated and not found.hypothetical


def test_a_known_subject_of_a_conditional_clause_stays_a_fact(make_doc) -> None:
    known = modality_of(make_doc, "Tehran will not negotiate unless the embargo is lifted.", "embargo")
    assert not (known.negated or known.hypothetical or known.future)
    assert modality_of(make_doc, "If a strike happens, the factories will close.", "strike").hypothetical


def test_a_known_subject_of_a_modal_clause_stays_a_fact(make_doc) -> None:
    known = modality_of(make_doc, "The bombing could deepen the crisis, the envoy warned.", "bombing")
    assert not (known.hypothetical or known.negated)


def test_what_a_denied_report_says_stays_the_content_of_the_denial(make_doc) -> None:
    found = modality_of(make_doc, "The ministry denied that soldiers had detained the reporters.", "detained",
                        among="denied")
    assert found.hypothetical and not found.negated


def test_an_infinitive_on_a_noun_of_right_or_chance_did_not_happen(make_doc) -> None:
    """The complement of a noun of ability, right or plan is a possibility, not the purpose of an act."""
    for text, trigger in [("Farmers keep the right to sue the mining company.", "sue"),
                          ("The decree gave the army the power to arrest strikers.", "arrest"),
                          ("The envoy lost his chance to meet the rebel commander.", "meet")]:
        found = modality_of(make_doc, text, trigger)
        assert found.hypothetical and not found.purpose, text


def test_an_intent_inside_a_condition_is_no_promise(make_doc) -> None:
    text = "Lawyers said families could win more if they decided to sue the ministry."
    found = modality_of(make_doc, text, "sue")
    assert found.hypothetical and not found.future
    assert modality_of(make_doc, "The families decided to sue the ministry.", "sue").future


@pytest.mark.parametrize(("text", "trigger"), [
    ("No one has yet been convicted of the burning of the fuel depot.", "convicted"),
    ("Nobody was arrested during the march on Saturday.", "arrested"),
    ("Police detained no protesters at the rally.", "detained"),
])
def test_an_act_with_no_one_as_its_party_is_negated(make_doc, text: str, trigger: str) -> None:
    assert modality_of(make_doc, text, trigger).negated


def test_a_party_that_is_no_one_leaves_other_mentions_facts(make_doc) -> None:
    text = "Nobody was hurt in the attack on the convoy."
    assert modality_of(make_doc, text, "hurt").negated
    assert not modality_of(make_doc, text, "attack").negated
    assert not modality_of(make_doc, "Police detained five protesters at the rally.", "detained").negated


@pytest.mark.parametrize(("text", "trigger"), [
    ("The charity has sent food in an effort to help families during anti-government protests there.", "protests"),
    ("The mayor wants to reopen the market despite clashes nearby.", "clashes"),
])
def test_a_nominal_event_that_is_the_setting_of_an_intended_act_stays_a_fact(make_doc, text: str,
                                                                              trigger: str) -> None:
    found = modality_of(make_doc, text, trigger)
    assert not (found.hypothetical or found.future or found.negated)


def test_an_intended_act_in_a_setting_is_still_intended(make_doc) -> None:
    found = modality_of(make_doc, "The mayor wants to close the market despite clashes nearby.", "close")
    assert found.future or found.hypothetical


def test_what_a_relaying_speech_verb_reports_stays_a_fact_when_the_saying_is_an_event(make_doc) -> None:
    """A clause reported by "said" or "told" is the source's news, whether or not the saying is coded itself."""
    for text, trigger, speech in [("Officials said the army began shelling the town on Monday.", "shelling", "said"),
                                  ("The mayor told reporters that police arrested twelve students.", "arrested",
                                   "told")]:
        assert told_as_fact(modality_of(make_doc, text, trigger, among=speech)), text
    claimed = modality_of(make_doc, "The rebels claimed the army shelled the town.", "shelled", among="claimed")
    assert claimed.hypothetical  # an allegation's matter is no fact, coded or not
    supposed = modality_of(make_doc, "If the ministry says the army shelled the town, the envoy will resign.",
                           "shelled", among="says")
    assert supposed.hypothetical  # a saying under a condition relays nothing
