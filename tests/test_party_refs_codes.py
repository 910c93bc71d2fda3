"""Parties named by a reference or a place the rules left unresolved (issue 9, session 74): a name after
"anti-"/"pro-" is what an agent opposes or supports, not its country; a place the gazetteer leaves without
a country takes the state the actors dictionary names by its words; "the West" of "the West Bank" is no
actor; "it" reported by "the group" stands for what the group stands for. Each test a sentence written
for it, run through the real places and actors stages.
"""

from __future__ import annotations

import pytest

from dateline.events.resolve import resolve
from test_parties_refs import last_token

#: (what the rule is, the text, the reference word (its last occurrence), the countries its parties get, a phrase
#: the first party's entry must hold or None)
REFERENCES = [
    ("a name after anti- is not the agent's country",
     "A prominent anti-Syria journalist was killed by a car bomb in Beirut on Monday.", "journalist", ["LBN"], None),
    ("a name after pro- is no second party",
     "Pro-Russian separatists attacked the town of Sloviansk in Ukraine on Monday.", "separatists", ["UKR"], None),
    ("a country named without a stance still places its agents",
     "A prominent Syrian journalist was killed by a car bomb in Beirut on Monday.", "journalist", ["SYR"], None),
    ("a region takes the country the dictionary files it under",
     "Thousands of protesters in the West Bank marched on Friday.", "protesters", ["PSE"], None),
    ("'it' reported by the group is the body the group stands for",
     "Russia expelled British diplomats on Friday. Boko Haram fighters attacked a village in Borno. "
     "The group said it had kidnapped 20 girls.", "it", ["NGA"], "reporting subject"),
    ("'this country' in reported speech is the speaker's",
     "Iranian President Hassan Rouhani spoke in Tehran on Monday. He said this country would never bow to threats.",
     "country", ["IRN"], "the speaker's country"),
    ("'this country' in the writer's voice gets no guessed country",
     "Iranian President Hassan Rouhani spoke in Tehran on Monday. "
     "The attack that struck this country in July was condemned.", "country", [None], None),
    ("'it' does not stand for a people",
     "France closed its embassy in Moscow on Monday. The Russians protested on Tuesday. "
     "It said the embassy would reopen in May.", "It", ["FRA"], None),
    ("'it' reported by a thing is that thing, not an earlier actor",
     "Britain expelled 23 diplomats on Friday. "
     "The warning, posted on a website on Saturday, said it reflected hostile policies.", "it", [], None),
    ("'it' reported by a thing is the issuer its phrase names",
     "Britain expelled 23 diplomats on Friday. Russia's warning said it reflected hostile policies.", "it", ["RUS"],
     "issuer of the thing"),
]


@pytest.mark.parametrize(("rule", "text", "word", "countries", "entry"), REFERENCES, ids=[r[0] for r in REFERENCES])
def test_a_reference_resolves_to_the_parties_its_rule_names(staged, rule, text, word, countries, entry) -> None:
    doc = staged(text)
    parties = resolve(doc, last_token(doc, word))
    assert [p.country for p in parties] == countries, rule
    if entry is not None:
        assert entry in (parties[0].entry or "")


def test_an_unresolved_place_takes_the_state_its_words_name(staged) -> None:
    doc = staged("Croat leaders sought a ceasefire with Moslem forces in east Bosnia.")
    forces = next(a for a in doc.actors if a.text.endswith("forces"))
    assert forces.country == "BIH"
    assert "located in 'Bosnia'" in (forces.entry or "")


def test_the_west_of_the_west_bank_is_no_actor(staged) -> None:
    doc = staged("Israeli troops raided a village in the West Bank on Monday.")
    assert all(a.country != "WST" for a in doc.actors)
    other = staged("Hundreds of diplomats were expelled from both the West and Russia.")
    assert "WST" in {a.country for a in other.actors}


def test_a_people_after_a_country_read_as_a_person_is_still_a_minority(staged) -> None:
    doc = staged("Bosnian Serbs demanded a truce with the government on Monday.")
    assert [(a.text, a.country) for a in doc.actors][:1] == [("Bosnian Serbs", "BIH")]
