"""Parties from the right words, session 54: each test a sentence written for it, run through the real
places and actors stages and the party rules of the events stage.

Classes: a causative verb re-typed as the act it forces has its object act and its subject receive; an
unnamed crowd protesting against organs of one state is that state's people; the purpose clause of an act
whose object names no one says whom it is aimed at; a sign or banner's clause is its carrier's; a medium
("on state television") or an occasion ("the summit at which") is no recipient; a reported accusation's
speaker is found through a subject clause, an adverbial clause inside what is reported, and from a noun.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.events.coder import code_trigger, find_triggers
from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import load_ontology
from dateline.events.parties import trigger_parties
from dateline.events.parties_reported import reread_reported_accusations, reread_retyped_parties
from dateline.events.parties_syntax import clause_antecedent
from dateline.events.resolve import resolve
from dateline.events.targets import implicit_protesters
from dateline.model import Document, Event, Party
from stage_run import token
from test_parties_retyped import coded, countries, retyped_as


def recipient_countries(doc: Document, trigger_text: str) -> list[str | None]:
    found = trigger_parties(token(doc, trigger_text))
    return sorted(p.country for h in found.recipients for p in resolve(doc, h) if p.country)


def test_causative_re_typed_as_a_retreat_has_its_object_retreat(staged) -> None:
    doc = staged("Ugandan rebels forced the Kenyan army from the border town on Monday.")
    doc.events = [retyped_as(coded(doc, "forced"), "RETREAT")]
    event = reread_retyped_parties(doc).events[0]
    assert countries(event.actors) == ["KEN"]
    assert countries(event.recipients) == ["UGA"]


def test_causative_re_typed_as_a_coercion_keeps_its_subject_acting(staged) -> None:
    doc = staged("Ugandan rebels forced the Kenyan army from the border town on Monday.")
    doc.events = [retyped_as(coded(doc, "forced"), "ASSAULT")]
    event = reread_retyped_parties(doc).events[0]
    assert countries(event.actors) == ["UGA"]


def test_unnamed_protesters_against_a_states_organs_are_its_people(staged) -> None:
    doc = staged("Protests against the Kenyan government continued for a week.")
    government = Party(name="the Kenyan government", country="KEN", sector="GOV", entry="KENYA [KEN] + GOV")
    crowd = implicit_protesters(doc, token(doc, "Protests"), "PROTEST", [government])
    assert [(p.country, p.sector) for p in crowd] == [("KEN", "CVL")]


def test_unnamed_protesters_against_a_country_named_alone_are_nobody(staged) -> None:
    doc = staged("Protests against Israel continued for a week.")
    israel = Party(name="Israel", country="ISR", sector="GOV", entry="ISRAEL [ISR]")
    assert implicit_protesters(doc, token(doc, "Protests"), "PROTEST", [israel]) == []


def test_purpose_of_an_act_with_a_bare_object_names_its_target(staged) -> None:
    doc = staged("Kenyan police opened fire to disperse Ugandan traders at the border.")
    assert recipient_countries(doc, "opened") == ["UGA"]


def test_purpose_of_an_act_on_someone_names_no_second_target(staged) -> None:
    doc = staged("Ugandan rebels killed five Kenyan soldiers to punish Tanzania.")
    assert "TZA" not in recipient_countries(doc, "killed")


def test_medium_of_a_statement_is_no_recipient(staged) -> None:
    doc = staged("The Kenyan minister denied on state television that soldiers had crossed into Uganda.")
    found = trigger_parties(token(doc, "denied"))
    assert "television" not in [t.text for t in found.recipients]


def test_occasion_of_a_relative_clause_is_no_recipient(staged) -> None:
    doc = staged("Kenya attended a summit in Kampala on Monday, at which the ministers agreed to support Somalia.")
    found = trigger_parties(token(doc, "agreed"))
    assert "which" not in [t.text for t in found.recipients]


def reread_as_accusation(doc: Document, trigger_text: str, retyped: bool = True) -> Event:
    event = coded(doc, trigger_text)
    doc.events = [retyped_as(event, "ACCUSE") if retyped else event]
    return reread_reported_accusations(doc).events[0]


def test_speaker_accuses_through_a_subject_clause(staged) -> None:
    doc = staged('The Kenyan minister spoke on Monday. "Imposing new tariffs on Uganda is a dead end," he said.')
    sentence = list(doc.parsed.sents)[1]
    trigger = next(t for t in find_triggers(sentence, load_lexicon()) if t.token.text == "Imposing")
    event = retyped_as(code_trigger(doc, trigger, {trigger.token.i: trigger.entry}, load_ontology()), "ACCUSE")
    doc.events = [event]
    assert countries(reread_reported_accusations(doc).events[0].actors) == ["KEN"]


def test_speaker_accuses_through_an_adverbial_clause_of_what_is_reported(staged) -> None:
    doc = staged("The Kenyan minister said Uganda had armed the rebels when it invaded the border town.")
    event = reread_as_accusation(doc, "invaded")
    assert countries(event.actors) == ["KEN"]
    assert countries(event.recipients) == ["UGA"]


def test_speakers_own_clause_is_not_what_he_reports(staged) -> None:
    doc = staged("Although Ugandan troops invaded the border town, the Kenyan minister said nothing.")
    event = reread_as_accusation(doc, "invaded")
    assert countries(event.actors) == ["UGA"]


def test_lexicon_accusation_naming_no_accuser_is_the_speakers(staged) -> None:
    doc = staged("Kenya says the investigation has shown that Ugandan agents planted the bomb.")
    event = reread_as_accusation(doc, "investigation", retyped=False)
    assert countries(event.actors) == ["KEN"]


def test_protest_phrase_on_an_event_noun_is_by_that_events_actors(staged) -> None:
    doc = staged("Ugandan nurses began a hunger strike in protest of cuts to their wages.")
    found = trigger_parties(token(doc, "protest"))
    assert "nurses" in [t.text for t in found.actors]


def test_purpose_of_an_act_with_no_object_is_not_searched(staged) -> None:
    doc = staged("The Kenyan president conceded to demands from Ugandan traders to reopen the border with Tanzania.")
    assert "TZA" not in recipient_countries(doc, "conceded")


def test_object_told_to_act_is_the_only_recipient_of_the_telling(staged) -> None:
    doc = staged("The Kenyan minister instructed the Kenyan mission in Geneva to object to Uganda's request.")
    assert recipient_countries(doc, "instructed") == ["KEN"]


def test_relative_clause_hung_on_a_far_number_stands_for_the_noun_before_it(nlp) -> None:
    # the parse the parser gave a news sentence: "which imposed ..." hung on "one", far before "government"
    words = ["It", "is", "one", "of", "the", "protests", "against", "the", "government", ",", "which", "imposed",
             "the", "decree", "."]
    heads = [1, 1, 1, 2, 5, 3, 5, 8, 6, 8, 11, 2, 13, 11, 1]
    deps = ["nsubj", "ROOT", "attr", "prep", "det", "pobj", "prep", "det", "pobj", "punct", "nsubj", "relcl",
            "det", "dobj", "punct"]
    pos = ["PRON", "AUX", "NUM", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "DET",
           "NOUN", "PUNCT"]
    parsed = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 14)
    assert clause_antecedent(parsed[11]).text == "government"


ACTOR_WORDS = [  # (id, sentence, trigger, the word that does the act)
    ("clause of a banner is what its carriers say",
     "Kenyan teachers marched through Nairobi carrying banners demanding higher pay.", "demanding", "teachers"),
    ("object told or made to act does the infinitives act",
     "Kenyan troops forced the Ugandan rebels to retreat from the border town.", "retreat", "rebels"),
    ("promise to someone is kept by the promiser",
     "Uganda promised Kenya to withdraw its troops from the border town.", "withdraw", "Uganda"),
]


@pytest.mark.parametrize("text, trigger, actor", [pytest.param(*row[1:], id=row[0]) for row in ACTOR_WORDS])
def test_the_word_that_does_the_act_is_its_actor(staged, text, trigger, actor) -> None:
    assert [t.text for t in trigger_parties(token(staged(text), trigger)).actors] == [actor]
