"""A possessive pronoun inside a phrase written before its clause's subject looks ahead to that subject ("In its
statement on Monday, the Peruvian ministry rejected the claims": its = the ministry), not back to the last
sentence's subject (`parties_refs.fronted_owner`, `resolve._fronted_antecedent`); a subject that does not agree
with the pronoun ("After his arrest, police said ...") leaves it to the sentences before. Sentences written for
these tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_a_possessive_in_a_fronted_phrase_is_the_subject_after_it(nlp) -> None:
    doc = candidates(nlp, "Chile criticised the vote on Sunday. \"For all of its promises to Chile, the government "
                          "of Peru must release the prisoners,\" a spokesman said.")
    assert countries(event_at(doc, "promises").actors) == ["PER"]


def test_a_subject_that_does_not_agree_leaves_the_pronoun_to_the_sentences_before(nlp) -> None:
    doc = candidates(nlp, "Colombian rebel leader Juan Ortiz fled to Ecuador in May. After his arrest on Friday, "
                          "Ecuadorian police questioned him for hours.")
    event = event_at(doc, "arrest")
    assert all("fronted phrase" not in (p.entry or "") for p in event.actors + event.recipients)
