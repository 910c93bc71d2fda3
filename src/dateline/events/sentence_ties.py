"""How two event mentions of one sentence stand in its parse: one hanging on the other's act (one act told twice),
verbs coordinated under one subject (one act told by its parts), or one the occasion the other was told in (two
acts). Read by grouping (`events.group`, `events.same_happening`) on the token indices `group_cues` takes from the
parse, so the pair model never holds a parse."""

from __future__ import annotations

from typing import Protocol

__all__ = ["Anchored", "coordinated_in_sentence", "occasion_in_sentence", "tied_in_sentence"]


class Anchored(Protocol):
    """Where a mention's trigger sits in its sentence's parse (a `Mention`, or the `group_cues.Cues` it is made
    from): its token, the words it hangs from within its act, those it reaches across coordinated verbs, and the
    word its preposition of occasion hangs on."""

    @property
    def token(self) -> int | None: ...
    @property
    def chain(self) -> frozenset[int]: ...
    @property
    def reach(self) -> frozenset[int]: ...
    @property
    def occasion_of(self) -> int | None: ...


def tied_in_sentence(a: Anchored, b: Anchored) -> bool:
    """Whether one of two mentions of one sentence hangs on the other's act: its trigger lies on the other's
    chain ("imposed sanctions", "the explosion that killed 11", "arrived on his fourth visit")."""
    return (a.token is not None and a.token in b.chain) or (b.token is not None and b.token in a.chain)


def coordinated_in_sentence(a: Anchored, b: Anchored) -> bool:
    """Whether two mentions of one sentence are verbs coordinated under one subject or a verb and a clause of its
    moment, or hang on such verbs (`Mention.reach`): one reaches the other's trigger ("killed five and wounded
    twelve"; "detonated a bomb, killing 23 and injuring 50"; "was hit when soldiers opened fire"), or both reach
    one verb only across such links ("killed five, wounded twelve and abducted three": both on "killed")."""
    if a.token is None or b.token is None or not a.reach or not b.reach:
        return False
    return a.token in b.reach or b.token in a.reach or bool((a.reach - a.chain) & (b.reach - b.chain))


def occasion_in_sentence(a: Anchored, b: Anchored) -> bool:
    """Whether one mention's trigger is the occasion the other's act was told in ("walked into a trap during the
    raid on the town"): its preposition of occasion (`Anchored.occasion_of`) hangs on the other's trigger or on
    the words that trigger hangs from. The act inside is another happening than its frame, however definite the
    frame's noun ("the attack") reads."""
    return any(x.occasion_of is not None and (x.occasion_of == y.token or x.occasion_of in y.chain)
               for x, y in ((a, b), (b, a)))
