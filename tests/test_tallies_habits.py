"""Mentions that tell of no one happening (events.senses via events.frame.not_an_act): a count of acts over a period
just gone, and a habit a relative clause ascribes to its noun; and a photo agency's credit that closes a caption
(the story stage's cues). Candidates are read with the verifier and detector off, so each test shows the rule.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("At least 40 aid workers have been killed in Sudan in the past three years.", "killed"),
    ("At least 120 students have been abducted across the north since 2016.", "abducted"),
    ("The interior ministry recorded 412 attacks on police stations last year.", "attacks"),
    ("More than 90 reporters were detained in the country over the last decade.", "detained"),
])
def test_a_count_of_acts_over_a_period_is_a_tally_not_an_event(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Gunmen killed 40 villagers in the north on Saturday.", "killed", "ASSAULT"),
    ("Rebels have killed 12 soldiers since Monday in clashes near the border.", "killed", "ASSAULT"),
    ("Troops killed 30 fighters in the past 24 hours, the army said.", "killed", "ASSAULT"),
    ("Police arrested the mayor last year on charges of fraud.", "arrested", "COERCE"),
    ("More than 4,000 villagers have been killed by militants in the province since April.", "killed", "ASSAULT"),
    ("Gunmen have abducted 120 students across the north since 2016.", "abducted", "ASSAULT"),
    ("The republic has faced two brutal assaults in the past century.", "assaults", "ASSAULT"),
])
def test_one_happening_a_named_doers_campaign_or_a_small_count_stays(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The Riverside Rotary Club, which supports local food banks, picked a school for its spring dinner.",
     "supports"),
    ("The foundation, which funds clinics in the valley, opened an office in Leeds.", "funds"),
])
def test_a_present_relative_clause_says_what_its_noun_does_as_a_rule(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The militia, which attacked a police convoy on Friday, was banned by the cabinet.", "attacked", "ASSAULT"),
    ("The party, which has supported the prime minister, left the coalition.", "supported", "SUPPORT"),
    ("London accuses Moscow of the poisoning, a charge which Moscow denies.", "denies", "REJECT"),
    ("Rights groups in Lyon, which claim the police beat detainees, filed a complaint.", "claim", "ACCUSE"),
])
def test_a_relative_clause_that_reports_an_act_stays(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize("credit", ["Maria Lopez AP Photo.", "(AP Photo/Maria Lopez)", "AP Photo/Maria Lopez"])
def test_a_caption_closed_by_an_agency_credit_gives_no_event(nlp, credit: str) -> None:
    text = (f"Farmers rest beside a road near Lima. The march that drew criticism from the president ended. {credit}"
            "\n\nThe government on Tuesday agreed to meet the farmers' leaders in Lima.")
    doc = candidates(nlp, text)
    assert types_at(doc, "criticism") == set()
    assert "AGREE" in types_at(doc, "agreed")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Seoul imposed an import ban on fish from the prefecture on Friday.", "ban"),
    ("Beijing banned imports of Canadian pork in May.", "banned"),
])
def test_a_ban_on_trade_curtails_an_exchange(nlp, text: str, trigger: str) -> None:
    doc = candidates(nlp, text)
    assert types_at(doc, trigger) == {"SANCTION"} and not any(e.type == "COERCE" for e in doc.events)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The junta imposed a ban on rallies in the capital on Friday.", "ban"),
    ("The interior ministry banned the opposition party in May.", "banned"),
])
def test_a_ban_on_political_life_stays_a_coercion(nlp, text: str, trigger: str) -> None:
    assert "COERCE" in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize("count", ["²", "4²"])
def test_a_superscript_count_is_no_number_and_does_not_stop_the_run(nlp, count: str) -> None:
    # `str.isdigit` is true of "²", which `int` refuses: the tally rule read it and the whole extraction failed
    text = f"At least {count} aid workers have been killed in the region in the past three years."
    assert "ASSAULT" in types_at(candidates(nlp, text), "killed")
