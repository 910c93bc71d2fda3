"""What a pronoun stands for where the nearest earlier subject is wrong (issue 9, eighth pass,
`events/parties_refs.py`): a possessive on a second conjunct is bound by the first ("X and his
brother"), the nearest sentence naming something that agrees is searched first (its subject before
its object, so an object is taken when the subject is the pronoun's own binder), and "it" in an
"as X put it" clause is nobody. Each test a sentence written for it, run through the real stages.
"""

from __future__ import annotations

from dateline.events.resolve import resolve
from test_parties_refs import last_token


def test_his_on_a_second_conjunct_is_the_first_conjunct_not_the_subject_before(staged) -> None:
    doc = staged("Turkish President Recep Tayyip Erdogan spoke in Ankara on Monday. "
                 "He said the police had detained Bashar al-Assad and his brother.")
    parties = resolve(doc, last_token(doc, "brother"))
    assert [p.country for p in parties] == ["SYR"]
    assert "owned by 'Bashar al-Assad'" in (parties[0].entry or "")


def test_them_takes_the_object_when_the_subject_is_its_own_binder(staged) -> None:
    doc = staged("Egyptian police surrounded a CNN crew in Cairo on Friday. "
                 "The police threatened to beat them.")
    parties = resolve(doc, last_token(doc, "them"))
    assert [p.country for p in parties] == ["USA"]
    assert "its object" in (parties[0].entry or "")


def test_the_nearest_sentence_is_read_before_a_subject_further_back(staged) -> None:
    doc = staged("Britain expelled 23 diplomats on Monday. "
                 "Egyptian police arrested two American journalists in Cairo on Friday. "
                 "The police released them on Saturday.")
    assert [p.country for p in resolve(doc, last_token(doc, "them"))] == ["USA"]


def test_within_one_sentence_the_subject_comes_before_the_object(staged) -> None:
    doc = staged("President Barack Obama met Chinese President Xi Jinping in Washington on Monday. "
                 "He said the talks went well.")
    assert [p.country for p in resolve(doc, last_token(doc, "He"))] == ["USA"]


def test_it_in_an_as_clause_is_the_words_not_a_party(staged) -> None:
    doc = staged("The United States invaded Iraq in 2003. "
                 "As one critic put it, the war was a mistake.")
    assert resolve(doc, last_token(doc, "it")) == []


def test_a_subject_pronoun_does_not_take_up_an_object_of_the_sentence_before(staged) -> None:
    doc = staged("Protesters in Amman booed the prime minister on Friday. "
                 "The Islamic Action Front says it plans another round of demonstrations.")
    assert resolve(doc, last_token(doc, "it")) == []
