"""Parties a clause leaves unexpressed but its sentence or story gives (issue 9, ninth pass;
`events/parties_thread.py`, `events/parties_syntax.py`, `events/parties_refs.py`): an agentless arrest or charge
was done by the police or justice body that reports it ("..., police said", "according to a release from the
Sheriff's Office"), not by a ministry of another branch; an agentless arrest takes up the state body of the same
act earlier in its paragraph, never across a paragraph (a blank line); a refusal naming no one answers whoever
asked the refuser just before; the passive subject of a verb of telling or making acts in its infinitive ("was
forced to resign"); whom a verb addresses through a preposition acts in its infinitive ("appealed to X not to
support"); a subjectless past participle clause is done to the subject of the clause it modifies ("If convicted,
X ..."); a gerund after a preposition is done by the passive subject of its verb or the subject of its adjective
("was accused of attacking", "responsible for attacking"); "they" reported by a noun that agrees is that speaker,
not a subject of an earlier sentence; a rate ("$5 million per refugee") names no recipient. Each sentence
written for its test, run through every stage with the lexicon's own candidates (no verifier), or through the
party rules alone.
"""

from __future__ import annotations

from dateline.events.resolve import resolve
from stage_run import candidates, event_at
from test_parties_refs import last_token
from test_parties_retyped import coded, countries


def test_an_agentless_arrest_was_made_by_the_police_that_report_it(nlp) -> None:
    doc = candidates(nlp, "Two Kenyan opposition leaders were arrested in Kampala on Friday, Ugandan police said.")
    event = event_at(doc, "arrested")
    assert [(p.country, p.sector) for p in event.actors] == [("UGA", "COP")]
    assert "says so ('said') of the agentless 'arrested'" in (event.actors[0].entry or "")


def test_the_source_of_an_according_to_phrase_is_the_issuer_of_its_release(nlp) -> None:
    doc = candidates(nlp, "Two Kenyan traders have been arrested, according to a statement from the Ugandan police.")
    event = event_at(doc, "arrested")
    assert [(p.country, p.sector) for p in event.actors] == [("UGA", "COP")]
    assert "is the source ('according to')" in (event.actors[0].entry or "")


def test_a_ministry_reporting_an_arrest_did_not_make_it(nlp) -> None:
    doc = candidates(nlp, "Four French journalists were arrested on Friday, the French Foreign Ministry said.")
    assert "FRA" not in countries(event_at(doc, "arrested").actors)


def test_an_agentless_arrest_takes_up_the_state_body_of_the_same_act_before_it(nlp) -> None:
    doc = candidates(nlp, "Ugandan police detained two Kenyan traders in Kampala on Monday. "
                          "The men were arrested again on Friday.")
    event = event_at(doc, "arrested")
    assert [(p.country, p.sector) for p in event.actors] == [("UGA", "COP")]
    assert "actor of the earlier 'detained'" in (event.actors[0].entry or "")


def test_the_same_act_is_not_taken_up_across_a_paragraph(nlp) -> None:
    doc = candidates(nlp, "Ugandan police detained two Kenyan traders in Kampala on Monday.\n\n"
                          "The men were arrested again on Friday.")
    assert "actor of the earlier" not in " ".join(p.entry or "" for p in event_at(doc, "arrested").actors)


def test_the_passive_subject_of_a_verb_of_making_acts_in_its_infinitive(staged) -> None:
    event = coded(staged("The Kenyan prime minister was forced to resign on Thursday."), "resign")
    assert countries(event.actors) == ["KEN"]
    assert "(was told, made or let to act)" in event.evidence.rule


def test_the_relative_passive_subject_of_a_verb_of_asking_acts_in_its_infinitive(staged) -> None:
    event = coded(staged("The Kenyan president, who has been asked to meet Ugandan rebels, spoke on Friday."), "meet")
    assert countries(event.actors) == ["KEN", "UGA"]


def test_whom_a_verb_addresses_through_a_preposition_acts_in_its_infinitive(staged) -> None:
    event = coded(staged("The Kenyan president appealed to Ugandan rebels to release the hostages."), "release")
    assert countries(event.actors) == ["UGA"]
    assert "object of 'appealed'" in event.evidence.rule


def test_a_subjectless_participle_clause_is_done_to_the_main_subject(staged) -> None:
    event = coded(staged("If convicted, the Kenyan opposition leader could spend four years in prison."), "convicted")
    assert countries(event.recipients) == ["KEN"]
    assert not event.actors or "KEN" not in countries(event.actors)


def test_a_refusal_naming_no_one_answers_who_asked_the_refuser(nlp) -> None:
    doc = candidates(nlp, "Kenya asked Uganda to extradite the suspects. Ugandan officials refused on Monday.")
    event = event_at(doc, "refused")
    assert countries(event.recipients) == ["KEN"]
    assert "who asked in the earlier 'asked'" in (event.recipients[0].entry or "")


def test_a_refusal_answers_no_request_made_to_someone_else(nlp) -> None:
    doc = candidates(nlp, "Kenya asked Tanzania to extradite the suspects. Ugandan officials refused on Monday.")
    assert "KEN" not in countries(event_at(doc, "refused").recipients)


def test_a_line_break_within_a_paragraph_does_not_end_the_thread(nlp) -> None:
    doc = candidates(nlp, "Ugandan police detained two Kenyan traders in Kampala on Monday.\n"
                          "The men were arrested again on Friday.")
    assert [(p.country, p.sector) for p in event_at(doc, "arrested").actors] == [("UGA", "COP")]


def test_the_passive_subject_of_a_verb_did_the_gerund_after_its_preposition(staged) -> None:
    event = coded(staged("Ugandan rebels were accused of attacking the Kenyan embassy on Monday."), "attacking")
    assert countries(event.actors) == ["UGA"]
    assert "passive subject of 'accused'" in event.evidence.rule


def test_the_subject_of_an_adjective_did_the_gerund_after_its_preposition(staged) -> None:
    event = coded(staged("Ugandan rebels were responsible for attacking the Kenyan embassy."), "attacking")
    assert countries(event.actors) == ["UGA"]


def test_they_reported_by_a_collective_noun_is_that_speaker_not_an_earlier_subject(staged) -> None:
    doc = staged("Kenyan journalists were beaten in Kampala on Tuesday. "
                 "Staff from the state rail company said they had been told to strike.")
    assert resolve(doc, last_token(doc, "they")) == []



def test_a_rate_names_no_recipient(staged) -> None:
    event = coded(staged("Kenya offered $5 million per Ugandan refugee on Monday."), "offered")
    assert "UGA" not in countries(event.recipients)


def test_an_opening_participle_clause_run_into_the_next_sentence_gives_no_party(staged) -> None:
    text = "Kenyan nurse faces six years in jail if convicted A Ugandan judge has delayed the trial."
    event = coded(staged(text), "convicted")
    assert "UGA" not in countries(event.recipients)
