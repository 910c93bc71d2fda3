"""A harm told by its victims joins the attack told just before it (`events/group`).

News tells a violent happening and then its toll, each in its own sentence: "militiamen raided the market town at
dawn ... Nine villagers were killed"; "a roadside bomb struck the convoy ... Four guards were injured". The toll
sentence names no one who did it, only the victims, and shares little else with the attack (another verb, often
another place word), so the pair decision leaves it apart and the
happening is shown twice, as an attack and as a wounding.

A verb of harm (`TOLL_VERBS`: kill, wound, injure; of a type in `HARM_TYPES`) told as a fact with no actor
(`Mention.actors` empty: "were wounded", "were killed") that stands alone in its group joins the group of the nearest
violent fact told before it, in its sentence or the `MAX_GAP` sentences before, unless a pair of the two disagrees
(a pair veto, dates of other days, places that differ: `group_pointing.disagree` bar figures, as tolls differ
between sources told side by side). A toll with a doer named ("soldiers killed five") tells its own
act, and a toll further on may belong to any of the acts told between.
"""

from __future__ import annotations

from dateline.events.group_pointing import disagree
from dateline.events.same_happening import Mention
from dateline.words import word_set

__all__ = ["REASON", "join_tolls"]

#: Why a toll was joined (`dateline show`).
REASON = "same happening: the toll of the violent act told just before it, naming no one who did it"
#: The types whose acts are told by their victims' toll.
HARM_TYPES = frozenset({"ASSAULT"})
#: The verbs that tell a toll (kill, wound, injure ...), as lemmas.
TOLL_VERBS = word_set("toll_verbs")
#: How many sentences before the toll the act may be told.
MAX_GAP = 1

Groups = list[tuple[list[int], dict[int, str], set[int]]]


def is_toll(mention: Mention) -> bool:
    """Whether a mention tells a violent act by its victims alone: a verb of harm (`TOLL_VERBS`), a fact, no
    actor."""
    return (mention.type in HARM_TYPES and mention.status == "fact" and not mention.nominal and not mention.actors
            and not mention.borrowed and bool(mention.stems & TOLL_VERBS))


def join_tolls(mentions: list[Mention], groups: Groups, lead: tuple[int, int] | None) -> Groups:
    """Move each group made of one toll (`is_toll`) into the group of the nearest earlier violent fact of its type
    within `MAX_GAP` sentences, when no pair of the two disagrees; the groups come back in text order."""
    home = {j: g for g, (members, _, _) in enumerate(groups) for j in members}
    alive = [True] * len(groups)
    for g, (members, _, _) in enumerate(groups):
        if len(members) != 1 or not is_toll(mentions[members[0]]):
            continue
        toll = members[0]
        act = _act_before(mentions, toll)
        if act is None or not alive[home[act]] or home[act] == g:
            continue
        target = groups[home[act]]
        if any(disagree(mentions[min(i, toll)], mentions[max(i, toll)], lead, figures=False) for i in target[0]):
            continue
        target[1][toll] = REASON
        target[0].append(toll)
        target[0].sort()
        target[2].add(toll)
        home[toll] = home[act]
        alive[g] = False
    return [group for g, group in enumerate(groups) if alive[g]]


def _act_before(mentions: list[Mention], toll: int) -> int | None:
    """The nearest mention before the toll of its type, told as a fact, in its sentence or `MAX_GAP` before."""
    told = mentions[toll]
    for i in range(toll - 1, -1, -1):
        other = mentions[i]
        if told.ordinal - other.ordinal > MAX_GAP:
            return None
        if other.type == told.type and other.status == "fact" and not other.borrowed:
            return i
    return None
