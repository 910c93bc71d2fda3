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
    doc = staged("Egyptian police surrounded a BBC crew in Aswan on Sunday. "
                 "The police threatened to arrest them.")
    parties = resolve(doc, last_token(doc, "them"))
    assert [p.country for p in parties] == ["GBR"]
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
                 "The Islamic Action Front says it will hold more marches next week.")
    assert resolve(doc, last_token(doc, "it")) == []


def test_protests_of_a_span_noun_placed_in_a_country_are_its_people(staged) -> None:
    from dateline.events.targets import implicit_protesters

    doc = staged("Police were restrained on the first day of rallies Friday in Peru, a reporter said.")
    parties = implicit_protesters(doc, last_token(doc, "rallies"), "PROTEST")
    assert [(p.country, p.sector) for p in parties] == [("PER", "CVL")]


def test_two_others_wounded_after_a_killed_soldier_are_of_his_country(staged) -> None:
    doc = staged("A car bomb outside Mosul killed one U.S. soldier and injured two others on Friday.")
    parties = resolve(doc, last_token(doc, "others"))
    assert [p.country for p in parties] == ["USA"]
    assert "more of the same" in (parties[0].entry or "")
    assert parties[0].sector == "MIL"


def test_others_with_an_of_phrase_are_not_read_as_the_first_sufferers(staged) -> None:
    doc = staged("Police arrested two Kenyan activists and detained three others of the group in Nairobi.")
    assert [p.country for p in resolve(doc, last_token(doc, "others"))] == [None]


def test_an_attack_that_is_its_clauses_subject_did_it_to_the_clauses_object(staged) -> None:
    from test_parties_retyped import coded, countries

    doc = staged("A suicide attack in Kabul left 20 Afghan civilians wounded on Monday.")
    event = coded(doc, "attack")
    assert countries(event.recipients) == ["AFG"]
    assert "object of 'left'" in event.evidence.rule


def test_a_clause_object_that_names_no_one_gives_no_recipient(staged) -> None:
    from test_parties_retyped import coded

    doc = staged("The attack on Monday left the city in ruins.")
    assert coded(doc, "attack").recipients == []


def test_those_arrested_are_whom_the_last_arrest_was_done_to(staged) -> None:
    doc = staged("Egyptian protesters took to the streets in Cairo. Police arrested 20 protesters. "
                 "Those arrested were beaten by the police.")
    parties = resolve(doc, last_token(doc, "Those"))
    assert [p.country for p in parties] == ["EGY"]
    assert "whom the 'arrested'" in (parties[0].entry or "")


def test_those_with_no_earlier_act_of_their_verb_are_nobody(staged) -> None:
    doc = staged("Egyptian protesters took to the streets in Cairo. Those detained were beaten by the police.")
    assert resolve(doc, last_token(doc, "Those")) == []


def test_an_allegation_accuses_the_actor_of_the_clause_it_reports(staged) -> None:
    from test_parties_retyped import coded, countries

    event = coded(staged("Russia alleged that Ukrainian forces shelled the town on Monday."), "alleged")
    assert countries(event.actors) == ["RUS"] and countries(event.recipients) == ["UKR"]
    assert "the accused" in event.evidence.rule


def test_a_claim_for_ones_own_forces_accuses_no_one(staged) -> None:
    from test_parties_retyped import coded

    assert coded(staged("Russia claimed that its forces had captured the town."), "claimed").recipients == []

