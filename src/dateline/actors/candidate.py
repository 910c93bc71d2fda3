"""A mention as reference resolution sees it, and the two ways a mention takes a resolution.

`Candidate` wraps an actor mention with what linking needs (agent nouns, head noun, surname);
`set_country` gives a mention a country and `adopt` copies an antecedent's whole resolution,
each saying why in the actor's `entry` (shown by `dateline show`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.model import Actor


@dataclass
class Candidate:
    """A resolved mention plus what reference resolution needs to know about it."""

    actor: Actor
    agent_phrases: list[str] = field(default_factory=list)
    head: str | None = None  # the head agent noun phrase ("official" of "the official")
    surname: str | None = None  # last token key of a person/organisation name
    name_size: int = 0  # tokens in that name: longer names are the antecedents
    generic: bool = False  # made of agent nouns only ("the official", "rebels")
    person: bool = False  # names a person (a later bare surname may refer to it)
    unknown: bool = False  # a person's name the dictionary does not know
    regional: bool = False  # a named group the dictionary places in a region only ("MEAREB"): placed by the text


def set_country(actor: Actor, country: str, why: str) -> None:
    """Give an actor a country (its sector stays) and say why in `entry`."""
    actor.country, actor.code = country, f"{country}{actor.sector or ''}"
    actor.entry = f"{actor.entry} + {why} ({country})"


def adopt(actor: Actor, antecedent: Actor, keep_sector: bool = False) -> None:
    """Copy the resolution of an antecedent mention and say so in `entry`."""
    actor.name, actor.country, actor.code = antecedent.name, antecedent.country, antecedent.code
    if not keep_sector or actor.sector is None:
        actor.sector = antecedent.sector
    elif actor.sector != antecedent.sector and actor.country:
        actor.code = f"{actor.country}{actor.sector}"  # the kept sector, not the antecedent's
    actor.entry = f"coreference: {antecedent.text!r} at {antecedent.start}; {antecedent.entry}"
