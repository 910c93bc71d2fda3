"""A happening first told by a noun pointing back joins the act of its kind told last before it (`events/group`).

News retells a happening in other words: "Farmers gathered at dawn for a march on the ministry ... the
protest had reached the main square"; "the city police investigation ... the police inquiry". The pair model weighs
what two tellings share (the same word, parties, dates, places, names around them) and such a retelling shares little of
it, so it stays below the join bar and the happening is shown twice. What says it is a retelling is the noun
itself: a definite or demonstrative noun ("the protest", "this demonstration", "their inquiry") presents its act
as one the story has already told, and a story has told one act of that kind last, the one a reader takes it for.

So a group whose first sentence tells its act by such a noun (`points_back`: naming its act by nothing of its own,
no ordinal or "another", no part of a set, no occasion or manner of another act, though a landmark it is
dated by may point back, "before the summit"; "the agency called the meeting"
as well as "the meeting began"), told as a fact, joins the group opened before it that named an act of its kind
last before the noun (`names_its_kind`): a noun of the lexicon's own reading in the same CAMEO family
("a march" 141 / "the protest" 140; "investigation" / "inquiry", both 090), the kind the lexicon gives the word,
not a synonym list; a verb's reading is left out, as the lexicon reads many verbs in a type by a sense the noun
does not have. The join is refused when anything about the two disagrees (`disagree`): the pair vetoes, and also
dates, places or figures that differ where no sentence writes them, since the noun names its act by nothing but
its kind ("the invasion of the island in 1974" is not the week's "mortar attack"), and when the act of its kind
was told more than a few sentences before (`MAX_SENTENCES_BACK`). A hypothetical or future noun
is left alone: under a condition or a plan the known thing is often what the condition supposes ("if he brings
these charges"), not an act the story told.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from dateline.events.same_happening import Mention, clash, comparable, pair_features

__all__ = ["disagree", "join_pointing_back", "names_its_kind", "points_back"]

#: Why a group pointing back was joined (`dateline show`).
REASON = "same happening: a definite noun pointing back to the last act of its kind"
#: A noun pointing back is compared with at most this many earlier groups of its type and status (the latest), each
#: through its representatives, as the pair decision is (`events/group.MAX_GROUPS`): hostile input stays linear.
MAX_EARLIER = 24
#: How many sentences back the act of its kind may be told for a noun naming it by nothing but its kind: a reader
#: takes "the protest" for the march told a sentence or two before it; paragraphs on, a bare definite noun as often
#: names a happening every reader knows of ("the invasion", "the hearing") rather than the act told last. On the
#: grouping samples 1414-2121 the joins the labels call right were 1 sentence back, the wrong ones 5 to 9.
MAX_SENTENCES_BACK = 3


class Happening(Protocol):
    """What the pass reads and changes of one of `events/group`'s groups."""

    members: list[int]
    reasons: dict[int, str]
    representatives: dict[tuple[Any, ...], int]

    def add(self, mentions: list[Mention], j: int, why: str | None) -> None: ...


def points_back(mention: Mention) -> bool:
    """Whether a mention is a noun the story presents as known ("the protest", "this demonstration", "the
    inquiry") and names by nothing that sets it apart: no word marking another occurrence, no part of a set, no
    occasion or manner of another act."""
    return (mention.definite and mention.nominal and not mention.borrowed and not mention.markers
            and not mention.member and (mention.occasion_of is None or mention.landmark) and mention.manner is None)


def names_its_kind(member: Mention, noun: Mention) -> bool:
    """Whether a mention names the kind of act a noun pointing back names: a noun of the lexicon's own reading (not
    a borrowed type) in the noun's CAMEO family ("a march" / "the protest")."""
    return member.nominal and not member.borrowed and member.family is not None and member.family == noun.family


def disagree(first: Mention, second: Mention, lead: tuple[int, int] | None, figures: bool = True) -> bool:
    """Whether anything about two mentions says they are two acts: a pair veto (`same_happening.clash`), dates of
    other days even where a sentence does not write them, or places or, with `figures`, figures that differ (a toll
    leaves figures out, `group_victims`: tolls differ between sources told side by side)."""
    features = pair_features(first, second, lead)
    other_days = first.date is not None and second.date is not None and not (
        first.date.startswith(second.date) or second.date.startswith(first.date))
    return clash(features) or other_days or bool(features["places_differ"] or (figures and features["amounts_differ"]))


def join_pointing_back(mentions: list[Mention], groups: Sequence[Happening], lead: tuple[int, int] | None) -> None:
    """Move each group whose first sentence tells it by a fact noun pointing back (`points_back`) into the group
    opened before it that named an act of its kind last before the noun (`names_its_kind`), unless a representative
    of each disagrees (`disagree`). `groups` are `events/group`'s (`Happening`), in the order they were opened; a
    moved group is left empty."""
    for group in groups:
        if not group.members:
            continue
        first = mentions[group.members[0]].sentence
        noun = next((j for j in group.members if mentions[j].sentence == first and points_back(mentions[j])), None)
        if noun is None or mentions[noun].status != "fact":
            continue
        host = _last_of_its_kind(mentions, groups, group, noun)
        if host is None or any(disagree(mentions[a], mentions[b], lead) for a in host.representatives.values()
                               for b in group.representatives.values()):
            continue
        for j in group.members:
            host.add(mentions, j, group.reasons.get(j, REASON))
        host.members.sort()
        group.members.clear()


def _last_of_its_kind(mentions: list[Mention], groups: Sequence[Happening], group: Happening,
                      noun: int) -> Happening | None:
    """The group opened before `group`, of the noun's type and status, whose mention naming the noun's kind comes
    last before the noun (a sentence that tells `group`'s act first may also hold a telling of an earlier act), when
    that mention is at most `MAX_SENTENCES_BACK` sentences before the noun."""
    earlier = [other for other in groups if other is not group and other.members
               and other.members[0] < group.members[0] and comparable(mentions[other.members[0]], mentions[noun])]
    best: tuple[int, Happening] | None = None
    for other in earlier[-MAX_EARLIER:]:
        named = [i for i in other.representatives.values() if i < noun and names_its_kind(mentions[i], mentions[noun])]
        if named and (best is None or max(named) > best[0]):
            best = (max(named), other)
    if best is None or mentions[noun].ordinal - mentions[best[0]].ordinal > MAX_SENTENCES_BACK:
        return None
    return best[1]
