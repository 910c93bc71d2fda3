"""Generic agents linked to the explicit mention they stand for: "the official" is the "Turkish official" before it.

A step of in-article reference resolution (`dateline.actors.refs` runs the steps in order): a generic agent noun
still without a country takes the country of its antecedent, the nearest earlier explicit mention with the same head
noun, or the titled person spoken of since ("Yemen's President Ali Abdullah Saleh ... Saleh said ... the
president"), else the first later one unless the agent's own sentence names one country (the caller says which).
The mentions are indexed once per article (`agent_positions`, `title_mentions`) and looked up by bisection, so an
article of thousands of mentions links in n log n.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from dateline.actors.candidate import Candidate, adopt
from dateline.model import Document

__all__ = ["TitleMentions", "link_generic_agents", "title_mentions"]

#: Per agent noun ("president"), the people titled with it and the offsets their names are said at.
TitleMentions = dict[str, list[tuple[int, Candidate]]]


def link_generic_agents(candidates: list[Candidate], titled: TitleMentions | None = None,
                        placed_here: Callable[[Candidate], bool] | None = None) -> None:
    """"The official" takes the country of the nearest explicit "Turkish official".

    The nearest earlier explicit mention with the same agent noun wins, or the person holding that
    title whose name was repeated more recently (`titled`, see `latest_of`); failing those, the first
    later one ("the regime ... the Syrian regime"), unless `placed_here` says the agent's own sentence
    names one country: "Protesters in Chad asked the government to lift the curfew. Could the French
    government do the same?" is Chad's government, and a later mention is a weaker guess than the agent's
    own sentence (which `refs.place_by_context` then reads).
    """
    explicit = [(i, c) for i, c in enumerate(candidates) if not c.generic and c.actor.country]
    by_head, by_phrase = agent_positions(explicit, heads_only=True), agent_positions(explicit, heads_only=False)
    for index, cand in enumerate(candidates):
        if not cand.generic or cand.actor.country or not cand.head or cand.surname:
            continue  # a titled name ("Vice President Omar Suleiman") is nobody else
        antecedent = latest_of(cand, nearest_with_head(by_head, index, cand.head, candidates),
                               (titled or {}).get(cand.head, [])) or \
            nearest_with_head(by_phrase, index, cand.head, candidates)
        if antecedent and antecedent.actor.start > cand.actor.start and placed_here is not None \
                and placed_here(cand):
            continue
        if antecedent:
            adopt(cand.actor, antecedent.actor, keep_sector=True)


def title_mentions(candidates: list[Candidate], keys: list[str], doc: Document) -> TitleMentions:
    """Where each titled person ("Yemen's President Ali Abdullah Saleh") is spoken of: the full
    mention and every later token repeating the surname ("Saleh said"), by title, sorted by offset.
    One pass over the tokens, so long articles stay linear."""
    titled = {c.surname: c for c in candidates
              if c.person and c.surname and not c.generic and c.actor.country and c.agent_phrases}
    found: TitleMentions = {}
    for cand in titled.values():
        for phrase in dict.fromkeys(cand.agent_phrases):
            found.setdefault(phrase, []).append((cand.actor.start, cand))
    for i, key in enumerate(keys):
        cand = titled.get(key)
        if cand is not None and doc.parsed[i].idx >= cand.actor.end:
            for phrase in dict.fromkeys(cand.agent_phrases):
                found[phrase].append((doc.parsed[i].idx, cand))
    for mentions in found.values():
        mentions.sort(key=lambda m: m[0])
    return found


def latest_of(cand: Candidate, same_head: Candidate | None, titled: list[tuple[int, Candidate]]) -> Candidate | None:
    """The antecedent of a generic agent spoken of last before it: the nearest explicit mention with
    its head noun, or a person titled so whose name came up since ("Tunisia's president ... Yemen's
    President Ali Abdullah Saleh ... Saleh said ... the president": Saleh). Neither earlier: the first."""
    start = cand.actor.start
    before = bisect_left(titled, start, key=lambda m: m[0])
    person = titled[before - 1] if before else None
    head_start = same_head.actor.start if same_head is not None else None
    if head_start is not None and head_start < start and (person is None or person[0] < head_start):
        return same_head
    return person[1] if person is not None else same_head


def agent_positions(explicit: list[tuple[int, Candidate]], heads_only: bool) -> dict[str, list[int]]:
    """The positions of the explicit mentions, in order, by agent noun: with `heads_only`, the
    mention's head ("the Syrian regime"), else any agent phrase of it ("regime leader Bashar al Assad")."""
    positions: dict[str, list[int]] = {}
    for index, cand in explicit:
        nouns = ([cand.head] if cand.head else []) if heads_only else dict.fromkeys(cand.agent_phrases)
        for noun in nouns:
            positions.setdefault(noun, []).append(index)
    return positions


def nearest_with_head(positions: dict[str, list[int]], index: int, head: str,
                      candidates: list[Candidate]) -> Candidate | None:
    """The nearest explicit mention before `index` with this agent noun, else the first after it.

    Found by bisection in `agent_positions`, so that linking every generic agent of an article
    grows as n log n with its mentions, not n squared (a 1M-character article has thousands).
    """
    found = positions.get(head)
    if not found:
        return None
    before = bisect_left(found, index)
    if before:
        return candidates[found[before - 1]]
    after = bisect_right(found, index)
    return candidates[found[after]] if after < len(found) else None
