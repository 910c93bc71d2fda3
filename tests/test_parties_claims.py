"""Who owns up to an act did it (`parties_claims.claimant`): "X claimed responsibility for the bombing", "X took credit
for the attack", "the bombing was claimed by X"; a claim by no one names no one. And who led or ordered it
(`parties_syntax.participle_agents`, `participles.tsv`): "the offensive, led by X". Sentences written for these
tests, run through every stage with the lexicon's own candidates (no verifier). And who is on a protest makes it
(`parties_claims.on_protest`): "workers went on strike"."""

from __future__ import annotations

from stage_run import candidates, event_at, event_telling
from test_parties_retyped import countries


def test_who_claims_responsibility_for_a_bombing_did_it(nlp) -> None:
    doc = candidates(nlp, "Somali militants of al-Shabaab claimed responsibility for the bombing in Mogadishu.")
    event = event_at(doc, "bombing")
    assert countries(event.actors) == ["SOM"]
    assert "who claims the act did it" in event.evidence.rule


def test_who_takes_credit_for_an_attack_did_it(nlp) -> None:
    doc = candidates(nlp, "Baloch separatists took credit for the attack on a Pakistani army post.")
    assert "who claims the act did it" in event_at(doc, "attack").evidence.rule


def test_an_attack_claimed_by_a_group_is_the_group_s(nlp) -> None:
    doc = candidates(nlp, "The ambush, which killed four Nigerien soldiers, was claimed by Malian rebels.")
    assert countries(event_at(doc, "ambush").actors) == ["MLI"]


def test_a_claim_by_no_one_names_no_one(nlp) -> None:
    doc = candidates(nlp, "No faction has yet claimed responsibility for the attack on the Afghan convoy.")
    assert "who claims the act did it" not in event_at(doc, "attack").evidence.rule


def test_a_denial_of_responsibility_is_no_claim(nlp) -> None:
    doc = candidates(nlp, "Malian rebels denied responsibility for the attack on the convoy.")
    assert "who claims the act did it" not in event_at(doc, "attack").evidence.rule


def test_who_led_an_offensive_waged_it(nlp) -> None:
    doc = candidates(nlp, "The offensive, led by Turkish troops, targeted Kurdish militias in Afrin.")
    assert countries(event_telling(doc, "offensive").actors) == ["TUR"]


def test_who_went_on_strike_makes_the_strike(nlp) -> None:
    doc = candidates(nlp, "Chilean dock workers went on strike on Tuesday.")
    event = event_at(doc, "strike")
    assert countries(event.actors) == ["CHL"]
    assert "(is on it)" in event.evidence.rule


def test_a_verb_of_another_kind_has_its_own_subject(nlp) -> None:
    doc = candidates(nlp, "Peru ordered Chile to free a prisoner on hunger strike.")
    assert "(is on it)" not in event_at(doc, "strike").evidence.rule


def test_cracking_down_on_protests_is_no_protest_of_the_police(nlp) -> None:
    doc = candidates(nlp, "Kenyan police cracked down on protests in Nairobi.")
    assert "(is on it)" not in event_at(doc, "protests").evidence.rule


def test_only_a_protest_is_a_state_one_is_on(nlp) -> None:
    # officers on trial are tried, not trying: the "on" state is a protest's only
    doc = candidates(nlp, "Two Chilean officers went on trial in Santiago on Monday.")
    assert "(is on it)" not in event_at(doc, "trial").evidence.rule


def test_a_protest_with_a_determiner_is_an_object_not_a_state(nlp) -> None:
    doc = candidates(nlp, "The Chilean vote came on the strike.")
    assert "(is on it)" not in event_at(doc, "strike").evidence.rule
