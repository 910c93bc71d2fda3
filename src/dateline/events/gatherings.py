"""A gathering told by one of its participants is no other gathering, for the pair decision of `events/same_happening`.

A meeting, a summit or a conference has many participants, and a story names them a few at a time: "the alliance's
summit in the capital" (the alliance), "two presidents met on the eve of the summit" (their two countries), "a third
leader addressed the summit" (his), "the donors' meeting" (its two hosts) and "a minister is attending" (hers). The
pair decision reads each mention's parties as countries, a reciprocal type's all as actors (`RECIPROCAL_TYPES`), and
vetoes a pair whose actor sets are not one inside the other: each telling of such a summit by another participant
was kept apart from the others and shown again.

One participant named says nothing of the others: a side naming at most one party does not clash with another
side of a gathering type (`GATHERING_TYPES`). Two sides each naming two or more parties, neither holding the other,
still do (A met B, A met C: two meetings of one day). On the grouping samples 1414-2323 this joined 9 labelled
pairs, all one happening, and removed 2 duplicates (a summit told by its participants one by one); for agreements
(AGREE) it joined one wrong pair (two firms agreeing to set up a centre, read with one firm's country alone, and a
minister praising the firms' main deal, read with the minister as its party), as an agreement's parties are few and
a party read on one side alone is as often the parse's slip as another participant, so AGREE and COOPERATE keep the
veto.
"""

from __future__ import annotations

__all__ = ["GATHERING_TYPES", "one_participant_named"]

#: The types whose happening is a gathering that any one participant may tell (PLOVER CONSULT: meetings, talks,
#: visits, summits).
GATHERING_TYPES = frozenset({"CONSULT"})


def one_participant_named(type_name: str, first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two mentions of a gathering type name their participants (the countries of all their parties) so
    that one side names at most one: that side says nothing against the other's participants."""
    return type_name in GATHERING_TYPES and min(len(first), len(second)) < 2
