"""Parties the sentence names only by reference (issue 9, session 62): "the two sides" and "both countries"
stand for the two parties named together before them, a nominal trigger that is its clause's subject takes
the "between" phrase hung on the clause's verb, and a pronoun inside a "who" clause stands for the noun the
clause hangs on. A protest naming no protester is by the people of the country "there" stands for, or of the
state whose act answers it ("amid protests, the president resigned"). Each test a sentence written for it, run
through the real places and actors stages.
"""

from __future__ import annotations

import pytest

from dateline.events.parties import trigger_parties
from dateline.events.resolve import resolve
from dateline.events.targets import implicit_protesters
from test_parties_refs import last_token


def test_both_countries_are_the_two_named_together_before(staged) -> None:
    doc = staged("Armenia and Azerbaijan sent envoys to Moscow on Monday. "
                 "Both countries accused each other of shelling villages.")
    parties = resolve(doc, last_token(doc, "countries"))
    assert [p.country for p in parties] == ["ARM", "AZE"]
    assert "'Both countries' -> 'Armenia' and 'Azerbaijan'" in (parties[0].entry or "")


def test_the_two_sides_take_the_latest_pair_not_an_older_one(staged) -> None:
    doc = staged("Israel and Hamas agreed to a truce last year. Police and protesters met in Nairobi on Monday. "
                 "Fighting broke out between the two sides on Tuesday.")
    assert [p.country for p in resolve(doc, last_token(doc, "sides"))] == ["KEN", "KEN"]


def test_the_two_sides_with_no_pair_before_are_nobody(staged) -> None:
    doc = staged("Iran criticised the plan on Monday. The two sides will meet again in Geneva.")
    assert resolve(doc, last_token(doc, "sides")) == []


def test_one_side_is_no_pair_reference(staged) -> None:
    doc = staged("Israel and Hamas agreed to a truce on Monday. Each side blamed the other.")
    assert all(len(p.entry or "") == 0 or "named together" not in (p.entry or "")
               for p in resolve(doc, last_token(doc, "side")))


def test_a_noun_subject_takes_the_between_phrase_of_its_verb(staged) -> None:
    doc = staged("Clashes erupted between police and protesters in Lagos on Friday.")
    found = trigger_parties(last_token(doc, "Clashes"))
    assert [t.text for t in found.actors] == ["police", "protesters"]


def test_a_pronoun_inside_a_who_clause_is_the_noun_the_clause_hangs_on(staged) -> None:
    doc = staged("The governor ordered the release of blogger Tomas Reyes, who was held last week "
                 "after he was charged with libel.")
    parties = resolve(doc, last_token(doc, "he"))
    assert [p.text for p in parties] == ["blogger Tomas Reyes"]


def test_a_pronoun_after_the_who_clause_keeps_the_subject(staged) -> None:
    doc = staged("The governor ordered the release of blogger Tomas Reyes, who was held last week. "
                 "He also dismissed the police chief.")
    assert [p.text for p in resolve(doc, last_token(doc, "He"))] == ["The governor"]


def test_protests_there_are_by_the_people_of_the_country_named_before(staged) -> None:
    doc = staged("King Abdullah of Jordan dismissed his cabinet on Sunday in the face of protests there.")
    parties = implicit_protesters(doc, last_token(doc, "protests"), "PROTEST")
    assert [(p.country, p.sector) for p in parties] == [("JOR", "CVL")]
    assert "'there' -> 'Jordan'" in (parties[0].entry or "")


def test_all_three_are_the_parties_named_together_before(staged) -> None:
    doc = staged("Two inmates and their accomplice escaped from a jail in Texas on Monday. "
                 "All three were arrested in Dallas on Thursday.")
    parties = resolve(doc, last_token(doc, "three"))
    assert [p.text for p in parties] == ["inmates", "accomplice"]
    assert "'All three' -> 'inmates' and 'accomplice'" in (parties[0].entry or "")


def test_both_alone_needs_exactly_two_named_together(staged) -> None:
    doc = staged("The talks in Sochi brought together Turkey, Russia and Iran on Monday. Both later denied the report.")
    assert resolve(doc, last_token(doc, "Both")) == []


def test_protests_a_state_answers_are_by_its_people(staged) -> None:
    doc = staged("Following several weeks of protests, King Abdullah II of Jordan sacked his government.")
    parties = implicit_protesters(doc, last_token(doc, "protests"), "PROTEST")
    assert [(p.country, p.sector) for p in parties] == [("JOR", "CVL")]
    assert "answered by 'King Abdullah II" in (parties[0].entry or "")


def test_two_sides_without_a_determiner_are_no_reference(staged) -> None:
    doc = staged("Israel and Hamas agreed to a truce on Monday. Two sides of the city were shelled on Tuesday.")
    assert not any("named together" in (p.entry or "") for p in resolve(doc, last_token(doc, "sides")))


NO_PROTESTER = [  # (the class, a sentence whose "protests" must be given no protester)
    ("protests there with no place before name nobody",
     "The king dismissed his cabinet on Sunday in the face of protests there."),
    ("protests a company answers name no protester",
     "Despite protests, the oil company BP raised its prices in Britain."),
    ("protests by a named crowd are not given the answering state",
     "The government of Sindh province ordered police patrols after violent protests by Muslim groups."),
]


@pytest.mark.parametrize("text", [pytest.param(text, id=name) for name, text in NO_PROTESTER])
def test_protests_with_no_crowd_the_text_supports_have_no_protester(staged, text: str) -> None:
    doc = staged(text)
    assert implicit_protesters(doc, last_token(doc, "protests"), "PROTEST") == []
