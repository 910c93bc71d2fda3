"""Whether a state takes part in a company's act, or is only named in its phrase as a nationality or a place.

The frame (`events.frame`) reads a company's act in a phrase of commerce as business news, no PLOVER event, unless
a state body takes part ("the government agreed to buy a stake", "Shell agreed to sell the fields to the Ministry
of Oil"): GUIDELINE, business news is no event unless a government acts. A country named in the phrase need not be a
party to it:

* a modifier of a company names the company's nationality ("Japan 's Mitsubishi Corp", "its Chinese joint
  venture", "a Dutch chipmaker");
* the object of a preposition of place names where the thing traded lies ("fields in Nigeria and Gabon",
  "a plant near Shanghai");
* a place that is no polity ("the North Sea": a sea the entity recogniser labels a location) is where.

A state as the buyer, seller or partner ("sold the fields to the Nigerian government", "agreed with Gabon")
is the object of the verb or of a preposition of parties, and still takes part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dateline.model import Actor
from dateline.syntax import first_conjunct
from dateline.words import word_class

#: Prepositions whose object is where an act or a thing is ("in", "off", "near").
PLACE_PREPS = word_class("prepositions", "event-place")
#: Entity labels of a place that is no polity: a sea, a region, a building.
NON_POLITY_PLACES = frozenset({"LOC", "FAC"})
#: Dependencies of a noun's modifiers that name whose or of where it is ("Japan 's", "Russian", "US").
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def state_takes_part(phrase: Iterable[Any], actors_at: Callable[[Any], list[Actor]], state_sectors: frozenset[str],
                     business_sectors: frozenset[str], business_cues: frozenset[str]) -> bool:
    """Whether an actor of `state_sectors` in the phrase is a party to the act, not a company's nationality or the
    place of the thing traded (see the module's docstring). `actors_at` gives the actors a token names;
    `business_cues` are the lemmas of words of commerce ("chipmaker", "supplier")."""
    def company(noun: Any) -> bool:
        named = [noun, *(c for c in noun.children if c.dep_ in ("appos", "compound"))]
        return noun.lemma_.lower() in business_cues or noun.ent_type_ == "ORG" or \
            any(a.sector in business_sectors for t in named for a in actors_at(t))

    for token in phrase:
        if not any(a.sector in state_sectors for a in actors_at(token)):
            continue
        if token.ent_type_ in NON_POLITY_PLACES:
            continue
        if token.dep_ in MODIFIER_DEPS and company(token.head):
            continue
        first = first_conjunct(token)
        if first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPS:
            continue
        return True
    return False


def acts_as_business(agent: Any, actors: list[Actor], actors_at: Callable[[Any], list[Actor]],
                     business_sectors: frozenset[str]) -> bool:
    """A company acts: the actor dictionary says business, or an unknown organisation names no state. An actor the
    agent word itself names decides alone: the rest of its phrase (`actors`) may hold a wire's credit ("LAGOS (
    Reuters ) - Shell agreed", parsed with the credit under "Shell") or a nationality."""
    actors = actors_at(agent) or actors
    if actors:
        return all(a.sector in business_sectors for a in actors)
    return agent.ent_type_ == "ORG"


def among_companies(agent_actors: list[Actor], phrase: list[Any], actors_at: Callable[[Any], list[Actor]],
                    business_sectors: frozenset[str], unnamed: bool) -> bool:
    """Whether a dispute is a company's with companies (or, if `unnamed`, with no one named: a company's inquiry
    blaming "failures"): the agent's actors are all businesses the dictionary knows (an unknown organisation may be
    a union or a charity), and every actor in the trigger's phrase is one too ("blamed its contractors, Transocean
    and Halliburton"). A government, court, union or person named there makes it a party's act (GUIDELINE: business
    news is no event unless a government acts); a rejection of no one named may be of a state's rule ("requests to
    override a federal directive"), so only an accusation may name no one."""
    if not agent_actors or not all(a.sector in business_sectors for a in agent_actors):
        return False
    named = [a for t in phrase for a in actors_at(t) if a not in agent_actors]
    return all(a.sector in business_sectors for a in named) and (unnamed or bool(named))


__all__ = ["acts_as_business", "among_companies", "state_takes_part"]
