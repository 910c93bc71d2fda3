"""A generic agent is linked to a later explicit mention with its noun only when its own sentence names no country,
or several (`actors.antecedents.link_generic_agents`, `refs.sentence_names_one_country`).

Each test is a sentence written for it, run through the real places and actors stages.
"""

from __future__ import annotations

from stage_run import actor


def test_the_agents_own_sentence_places_it_before_a_later_mention(staged) -> None:
    doc = staged("Protesters in Chad asked the government to lift the curfew. "
                 "Could the French government do the same?")
    assert actor(doc, "the government").country == "TCD"


def test_a_later_mention_still_places_an_agent_whose_sentence_names_no_country(staged) -> None:
    doc = staged("The regime kept up its shelling overnight. The Syrian regime denied it on Monday.")
    assert actor(doc, "The regime").country == "SYR"



def test_a_later_mention_still_places_an_agent_whose_sentence_names_several(staged) -> None:
    # the article's main country (Kenya) is one of those named: the later "Somali rebels" says whose rebels
    doc = staged("Kenya held talks in Nairobi. "
                 "Officials in Kenya and Ethiopia said the rebels were gaining ground. "
                 "Three Somali rebels were killed on Monday.")
    assert actor(doc, "the rebels").country == "SOM"
