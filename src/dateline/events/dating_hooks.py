"""Times the parser hangs on the wrong word, and the word they date (`events.dating_clauses` follows the tree
from there).

A time written between a verb and a participle that completes it ("The body was discovered April 8 buried one
foot below the surface", "was found Thanksgiving Day clinging to a log") is often parsed as the participle's
subject: a day cannot be the one buried or clinging, so it is an adverbial of the verb before it, and dates that
verb's clause.
"""

from __future__ import annotations

from typing import Any

#: How the parser attaches a participle that completes a verb ("found him clinging", "discovered buried"; "dep" when
#: it is unsure).
_COMPLETING = frozenset({"advcl", "ccomp", "xcomp", "dep"})
#: How the parser attaches the time to the participle: as its subject, or as a noun compound on it.
_TIME_SLOTS = frozenset({"nsubj", "nsubjpass", "compound"})
#: Words of a participle clause that give it a time or a tense of its own.
_OWN_CLAUSE = frozenset({"aux", "auxpass", "mark"})


def time_host(root: Any, trigger: Any) -> Any:
    """The word a time dates: the verb before it when the parse made the time (`root`, its head, between the two)
    the subject of the participle after it or a noun compound on it, unless the trigger is in that participle's
    clause (the parse is then followed as it is); else `root` itself."""
    clause = root.head
    verb = clause.head
    if root.dep_ not in _TIME_SLOTS or clause.dep_ not in _COMPLETING \
            or verb.pos_ not in ("VERB", "AUX") \
            or not verb.i < root.i < clause.i or any(c.dep_ in _OWN_CLAUSE for c in clause.children) \
            or not _participle(clause, verb):
        return root
    if clause.i == trigger.i or clause.is_ancestor(trigger):
        return root
    return verb


def _participle(clause: Any, verb: Any) -> bool:
    """A participle, or a past form the tagger took for a finite verb where none can stand: a clause of its own on
    a passive ("was discovered April 8 buried", with no "that"), or an adverbial clause ("buried" read as one)."""
    if clause.tag_ in ("VBG", "VBN"):
        return True
    return clause.tag_ == "VBD" and (clause.dep_ == "advcl" or any(c.dep_ == "auxpass" for c in verb.children))
