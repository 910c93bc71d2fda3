"""Parties named by a reference or a place the rules left unresolved (issue 9, session 74): a name after
"anti-"/"pro-" is what an agent opposes or supports, not its country; a place the gazetteer leaves without
a country takes the state the actors dictionary names by its words; "the West" of "the West Bank" is no
actor; "it" reported by "the group" stands for what the group stands for. Each test a sentence written
for it, run through the real places and actors stages.
"""

from __future__ import annotations

from dateline.events.resolve import resolve
from test_parties_refs import last_token


def test_a_name_after_anti_is_not_the_agents_country(staged) -> None:
    doc = staged("A prominent anti-Syria journalist was killed by a car bomb in Beirut on Monday.")
    parties = resolve(doc, last_token(doc, "journalist"))
    assert [p.country for p in parties] == ["LBN"]


def test_a_name_after_pro_is_no_second_party(staged) -> None:
    doc = staged("Pro-Russian separatists attacked the town of Sloviansk in Ukraine on Monday.")
    parties = resolve(doc, last_token(doc, "separatists"))
    assert [p.country for p in parties] == ["UKR"]


def test_a_country_named_without_a_stance_still_places_its_agents(staged) -> None:
    doc = staged("A prominent Syrian journalist was killed by a car bomb in Beirut on Monday.")
    assert [p.country for p in resolve(doc, last_token(doc, "journalist"))] == ["SYR"]


def test_an_unresolved_place_takes_the_state_its_words_name(staged) -> None:
    doc = staged("Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.")
    forces = next(a for a in doc.actors if a.text.endswith("forces"))
    assert forces.country == "BIH"
    assert "located in 'Bosnia'" in (forces.entry or "")


def test_the_west_of_the_west_bank_is_no_actor(staged) -> None:
    doc = staged("Israeli troops raided a village in the West Bank on Monday.")
    assert all(a.country != "WST" for a in doc.actors)
    other = staged("Hundreds of diplomats were expelled from both the West and Russia.")
    assert "WST" in {a.country for a in other.actors}


def test_a_region_takes_the_country_the_dictionary_files_it_under(staged) -> None:
    doc = staged("Thousands of protesters in the West Bank marched on Friday.")
    assert [p.country for p in resolve(doc, last_token(doc, "protesters"))] == ["PSE"]


def test_it_reported_by_the_group_is_the_body_the_group_stands_for(staged) -> None:
    doc = staged("Russia expelled British diplomats on Friday. Boko Haram fighters attacked a village in Borno. "
                 "The group said it had kidnapped 20 girls.")
    parties = resolve(doc, last_token(doc, "it"))
    assert [p.country for p in parties] == ["NGA"]
    assert "reporting subject" in (parties[0].entry or "")


def test_a_people_after_a_country_read_as_a_person_is_still_a_minority(staged) -> None:
    doc = staged("Bosnian Serbs demanded a truce with the government on Monday.")
    assert [(a.text, a.country) for a in doc.actors][:1] == [("Bosnian Serbs", "BIH")]


def test_this_country_in_reported_speech_is_the_speakers(staged) -> None:
    doc = staged("Iranian President Hassan Rouhani spoke in Tehran on Monday. "
                 "He said this country would never bow to threats.")
    parties = resolve(doc, last_token(doc, "country"))
    assert [p.country for p in parties] == ["IRN"]
    assert "the speaker's country" in (parties[0].entry or "")


def test_this_country_in_the_writers_voice_gets_no_guessed_country(staged) -> None:
    doc = staged("Iranian President Hassan Rouhani spoke in Tehran on Monday. "
                 "The attack that struck this country in July was condemned.")
    assert [p.country for p in resolve(doc, last_token(doc, "country"))] in ([], [None])


def test_it_does_not_stand_for_a_people(staged) -> None:
    doc = staged("France closed its embassy in Moscow on Monday. The Russians protested on Tuesday. "
                 "It said the embassy would reopen in May.")
    assert [p.country for p in resolve(doc, last_token(doc, "It"))] == ["FRA"]


def test_it_reported_by_a_thing_is_that_thing_not_an_earlier_actor(staged) -> None:
    doc = staged("Britain expelled 23 diplomats on Friday. "
                 "The warning, posted on a website on Saturday, said it reflected hostile policies.")
    assert resolve(doc, last_token(doc, "it")) == []


def test_it_reported_by_a_thing_is_the_issuer_its_phrase_names(staged) -> None:
    doc = staged("Britain expelled 23 diplomats on Friday. Russia's warning said it reflected hostile policies.")
    parties = resolve(doc, last_token(doc, "it"))
    assert [p.country for p in parties] == ["RUS"]
    assert "issuer of the thing" in (parties[0].entry or "")
