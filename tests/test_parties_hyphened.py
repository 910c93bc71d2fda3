"""A name joined by a hyphen to a participle (`parties_syntax.hyphened_agent`, `participles.tsv`): "Iran-backed
militias" are backed by Iran, they are not Iran, so an act of theirs is not Iran's, and "a Russian-made missile" is
no Russian act; "the US-led offensive" was waged by the US. Sentences written for these tests, run through every
stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_the_backer_is_not_the_backed_militias_party(nlp) -> None:
    doc = candidates(nlp, "Iran-backed militias fired rockets at an American base in Erbil.")
    assert "IRN" not in countries(event_at(doc, "fired").actors)


def test_the_backer_joined_with_a_determiner_before_it_is_still_the_backer(nlp) -> None:
    doc = candidates(nlp, "The Kremlin-backed separatists shelled the port of Mariupol.")
    assert "RUS" not in countries(event_at(doc, "shelled").actors)


def test_the_maker_of_a_weapon_did_not_fire_it(nlp) -> None:
    doc = candidates(nlp, "A Chinese-made rocket hit a Taiwanese patrol boat.")
    assert "CHN" not in countries(event_at(doc, "hit").actors)


def test_the_backing_itself_is_the_backer_s_act_on_the_backed(nlp) -> None:
    doc = candidates(nlp, "Turkish-backed rebels entered the town.")
    event = event_at(doc, "backed")
    assert countries(event.actors) == ["TUR"]
    assert "name joined to 'backed'" in event.evidence.rule


def test_who_leads_an_offensive_named_so_wages_it(nlp) -> None:
    doc = candidates(nlp, "The Nigerian-led offensive against Boko Haram began in May.")
    assert countries(event_at(doc, "offensive").actors) == ["NGA"]


def test_a_backer_joined_to_the_act_s_own_noun_is_not_its_actor(nlp) -> None:
    # only a participle of leading ("US-led") names who waged the act its noun names; a backer stands behind it
    doc = candidates(nlp, "The Iran-backed offensive on Marib began in February.")
    assert "IRN" not in countries(event_at(doc, "offensive").actors)
