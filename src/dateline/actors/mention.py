"""Mentions in the actors stage: adjacent dictionary pieces read as one actor.

"Russian President Vladimir Putin" is one mention (country, title, person), "Turkish official" one
(country and agent), "French and Egyptian warships" two that share a head noun, "Bosnian Serbs" one
(a minority coded by the country it lives in). `group_pieces` joins the pieces of `match` into
mentions; `tag` resolves each mention to an actor.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from dateline.actors.dictionary import Agent
from dateline.actors.match import Piece
from dateline.actors.text import JOINERS
from dateline.words import word_set

#: Dependency labels of a lone agent noun that only modifies another noun
#: ("refugee population", "rebel enclave"): not an actor mention by itself.
MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod"})
POSSESSIVES = word_set("possessive_markers")
#: "anti-", "pro-": a name written after one is what the agent is for or against, never the agent's own.
STANCE_PREFIXES = word_set("stance_prefixes")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Entity types a people after a country can carry: NORP, or PERSON where the parser misreads "Bosnian
#: Serbs" at a sentence's start as one person (no person's name is plural).
PEOPLE_ENTITIES = frozenset({"NORP", "PERSON"})


@dataclass
class Mention:
    """Adjacent pieces read as one actor mention, plus a trailing person name if any."""

    pieces: list[Piece] = field(default_factory=list)
    person_end: int | None = None
    shared: list[Agent] = field(default_factory=list)  # head borrowed from a coordinated mention

    @property
    def start(self) -> int:
        """First token of the mention."""
        return self.pieces[0].start

    @property
    def end(self) -> int:
        """Token after the mention (after a trailing person name, if any)."""
        return self.person_end or self.pieces[-1].end

    def first(self, kind: str) -> Piece | None:
        """The first piece of a kind ("named", "country", "agent"), if any."""
        return next((p for p in self.pieces if p.kind == kind), None)

    def main_named(self) -> Piece | None:
        """The named piece the mention is about: the person after an office
        ("US Secretary of State John Kerry" is Kerry), else the only named piece."""
        return next((p for p in reversed(self.pieces) if p.kind == "named"), None)

    def agents_after(self, piece: Piece | None) -> list[Agent]:
        """Agents written after `piece` ("forces" of "Assad forces")."""
        start = piece.end if piece else -1
        return [p.agent for p in self.pieces if p.agent and p.start >= start]


def group_pieces(pieces: list[Piece], tokens: Any) -> list[Mention]:
    """Join adjacent pieces into mentions: at most one country and one named actor each."""
    mentions: list[Mention] = []
    for piece in pieces:
        if mentions and can_join(mentions[-1], piece, tokens) and not after_stance_prefix(tokens, mentions[-1].start):
            mentions[-1].pieces.append(piece)
        else:
            mentions.append(Mention([piece]))
    for mention in mentions:
        mention.person_end = trailing_person(mention, tokens)
    share_coordinated_heads(mentions, tokens)
    return mentions


COORDINATORS = frozenset({"and", "or", ","})
#: Words that may stand between a name and its agent noun: adjectives and noun modifiers of the agent.
AGENT_MODIFIERS = frozenset({("ADJ", "amod"), ("NOUN", "compound")})
#: How a demonym that shares a later head noun attaches ("French and Egyptian warships").
SHARING_DEPS = MODIFIER_DEPS | {"nmod"}


def share_coordinated_heads(mentions: list[Mention], tokens: Any) -> None:
    """"French and Egyptian warships": a bare demonym shares the next mention's agents."""
    for current, following in itertools.pairwise(mentions):
        if len(current.pieces) != 1 or current.pieces[0].kind != "country":
            continue
        if tokens[current.end - 1].dep_ not in SHARING_DEPS or following.pieces[0].kind != "country":
            continue  # "Turkey and Russia agreed": two subjects, nothing to share
        gap = {tokens[i].lower_ for i in range(current.end, following.start)}
        if gap and gap <= COORDINATORS:
            current.shared = [p.agent for p in following.pieces if p.agent]


def can_join(mention: Mention, piece: Piece, tokens: Any) -> bool:
    """Whether `piece` continues `mention`: adjacent (or after a possessive) and compatible."""
    gap = [tokens[i].text for i in range(mention.end, piece.start)]
    possessive = len(gap) == 1 and gap[0] in POSSESSIVES
    if gap and not possessive and not describes_agent(tokens, mention.end, piece):
        return False
    kinds = {p.kind for p in mention.pieces}
    if piece.kind == "country":  # never after an agent: "the army U.S. Embassy" is two
        return not possessive and (not kinds & {"country", "named", "agent"} or minority_of(mention, piece, tokens))
    if piece.kind == "named":
        return "named" not in kinds or office_then_person(mention, piece, tokens)
    return True


def after_stance_prefix(tokens: Any, start: int) -> bool:
    """"A prominent anti-Syria journalist", "pro-Russian separatists": a name right after "anti-" or
    "pro-" is what the agent after it opposes or supports; the agent is no mention of that name (it is
    left to be placed by its context), and the name stays a mention of its own."""
    return start >= 2 and tokens[start - 1].text in JOINERS and tokens[start - 2].lower_ in STANCE_PREFIXES


def minority_of(mention: Mention, piece: Piece, tokens: Any) -> bool:
    """"Bosnian Serbs", "Kosovo Albanians": a people written right after a country is its minority
    there, coded (as CAMEO codes minorities) by the country it lives in, the first one."""
    last = tokens[piece.end - 1]
    return len(mention.pieces) == 1 and mention.pieces[0].kind == "country" and mention.end == piece.start \
        and last.tag_ in PLURAL_TAGS and last.ent_type_ in PEOPLE_ENTITIES


def describes_agent(tokens: Any, start: int, piece: Piece) -> bool:
    """"Irish nationalist guerrillas", "the U.N. war crimes court": one or two lower-case adjectives or
    noun modifiers between a name and its agent noun describe the agent and do not split the mention."""
    gap = [tokens[i] for i in range(start, piece.start)]
    return piece.kind == "agent" and len(gap) <= 2 and all(
        (t.pos_, t.dep_) in AGENT_MODIFIERS and t.text.islower() and start <= t.head.i < piece.end for t in gap)


def is_person(tokens: Any, piece: Piece) -> bool:
    """Whether the parser reads a piece as a person's name."""
    return tokens[piece.end - 1].ent_type_ == "PERSON"


def office_then_person(mention: Mention, piece: Piece, tokens: Any) -> bool:
    """"US Secretary of State John Kerry": a named office right before a person is his title."""
    named = [p for p in mention.pieces if p.kind == "named"]
    return len(named) == 1 and mention.pieces[-1] is named[0] and not is_person(tokens, named[0]) \
        and is_person(tokens, piece)


def trailing_person(mention: Mention, tokens: Any) -> int | None:
    """The end of a person name right after a title ("Foreign Minister Mevlut Cavusoglu")."""
    last = mention.pieces[-1]
    if last.kind == "named" or last.end >= len(tokens):
        return None
    nxt = tokens[last.end]
    if nxt.ent_type_ != "PERSON" or nxt.ent_iob_ != "B":
        return None
    end = last.end + 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I" and tokens[end].ent_type_ == "PERSON":
        end += 1
    while end > last.end and tokens[end - 1].text in POSSESSIVES:
        end -= 1
    return end


