"""Companions of a verb's party set off by a comma and "along with" or "together with": "rebuked Uganda, along
with Peru and Chile, over the tea tariffs" does to Peru and Chile what it does to Uganda; "Kenya, along with
Ghana, vetoed the resolution" has Ghana veto it too. The parser hangs the phrase on the verb, so the party it goes with
is the one right before its comma: the subject when the phrase comes before the verb, the direct object after it.
Without the comma the phrase is a circumstance ("travelled to Cairo along with his wife"), and it adds no one.
Read by `events.parties.verb_parties`.
"""

from __future__ import annotations

from typing import Any

from dateline.events.parties_syntax import PartyTokens, is_named, with_conjuncts
from dateline.words import word_class

#: Words before "with" that add companions ("along with", "together with").
ALONGSIDE = word_class("prepositions", "alongside")


def add_companions(verb: Any, found: PartyTokens) -> None:
    """Add to the actors or recipients of `verb` the companions a comma and "along/together with" join to the
    subject or direct object just before them; the unnamed ones weak, as objects are."""
    for prep in verb.children:
        named = _companion(prep)
        if named is None or prep.i == 0 or prep.doc[prep.i - 1].text != ",":
            continue
        before = prep.doc[prep.i - 2] if prep.i > 1 else None
        if before is None:
            continue
        slot, role = (found.actors, "actor") if prep.i < verb.i else (found.recipients, "direct object")
        deps = ("nsubj",) if role == "actor" else ("dobj",)
        if not any(h.dep_ in deps and h.head.i == verb.i and h.left_edge.i <= before.i <= h.right_edge.i
                   for h in slot):
            continue
        heads = with_conjuncts(named)
        slot.extend(heads)
        found.weak.update(t.i for t in heads if not is_named(t))
        found.patterns.append(f"'{prep.lower_} with' companions of the {role}")


def _companion(prep: Any) -> Any | None:
    """The object of "with" under an "along" or "together" the parser hung on the verb, or None."""
    if prep.dep_ not in ("prep", "advmod") or prep.lower_ not in ALONGSIDE:
        return None
    inner = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    return None if inner is None else next((g for g in inner.children if g.dep_ == "pobj"), None)
