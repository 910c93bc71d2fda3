"""How a time of the event's sentence relates the event to itself: on it, or before or after it.

"withdrew by Monday" is on or before Monday, "since Monday, rebels have seized three towns" after it (from that day
on, which TIMEX3's mods can say no closer than AFTER). A time can also date a noun that follows "since":
"have been evacuated since the 12 January quake" happened from the quake's day on, not on it, though the parse reaches
the time from the verb through the noun. Only "since" is read so: after a dated noun an act is as often on its day
("demonstrate after Friday prayers") as later, before one likewise ("Before his Sunday night address, Castro played
..."), and "by" a noun names an agent as often as a deadline ("as set out by the Oct. 5 pact"). And only a day:
"protests since the 2009 elections" began in 2009, which AFTER 2009 would deny. A noun the verb follows at once is
its subject, which the parser took for the preposition's object ("since the May 4 blast killed ...").
"""

from __future__ import annotations

from typing import Any

from dateline.events.dating_clauses import timex_root
from dateline.model import Document, Timex
from dateline.timex3 import DateMod, precision
from dateline.words import word_class

#: Prepositions that put an event on one side of the date they introduce.
_PREPOSITION_MODS: dict[str, DateMod] = {**dict.fromkeys(word_class("prepositions", "date-before"), "BEFORE"),
                                          **dict.fromkeys(word_class("prepositions", "date-by"), "ON_OR_BEFORE"),
                                          **dict.fromkeys(word_class("prepositions", "date-after"), "AFTER")}
#: How a time hangs on the noun whose happening it dates ("the 12 January quake", "Tuesday's ambush").
_ON_A_NOUN = frozenset({"compound", "amod", "nummod", "poss", "nmod", "det"})
_NOUNS = frozenset({"NOUN", "PROPN"})
#: Precisions of a noun's time an act can run on from (a year's would be denied by AFTER it).
_DAYS = frozenset({"day", "part_of_day", "time"})


def preposition_mod(doc: Document, timex: Timex, trigger: Any | None = None) -> DateMod | None:
    """BEFORE, ON_OR_BEFORE or AFTER when the timex is the object of "before", "by", "after" or "since"; AFTER when
    the noun whose day it names is the object of "since" ("since the 12 January quake"). None for that noun's own
    happening, and for a trigger in a clause on the time itself ("has lived there since March, when she was freed"):
    that clause tells what happened then."""
    root, on_a_noun = timex_root(doc, timex), False
    while root is not None and root.dep_ in _ON_A_NOUN and root.head.pos_ in _NOUNS:
        root, on_a_noun = root.head, True
    if root is None or root.dep_ != "pobj" or (trigger is not None and (root == trigger or root.is_ancestor(trigger))):
        return None
    mod = _PREPOSITION_MODS.get(root.head.lower_)
    if not on_a_noun:
        return mod
    verb = root.head.head
    if root.head.lower_ != "since" or precision(timex.value) not in _DAYS or verb.i == root.right_edge.i + 1:
        return None
    return mod
