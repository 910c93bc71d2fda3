"""The seat of a hearing reported from a capital, for the acts told as part of it.

A legislature's or a regulator's hearing sits where the body holding it sits, and the bodies that hold hearings sit
in their country's capital. A report filed under a capital's dateline ("WASHINGTON (Reuters) -") that tells an act
in a clause about a hearing ("at the hearing the senator apologised", "under sharp questioning from senators, the
executive pledged ...", "testified before the subcommittee") tells an act done there, whatever the parties'
countries: a foreign chief executive answering lawmakers came to the hearing, so the dateline rule's "every party
of the town's country" (`events.scene.dateline_location`) does not apply. The act must be of the story's present
(the caller checks), and its sentence must not name a town outside the capital (`events.seats.dateline_refuted`:
"a field hearing in Chalmette"). A dateline town that is no capital gives nothing: a hearing told from New Orleans
may have sat in Washington; nor does a hearing whose sentence names no legislature's member or body
(`legislature_words`: "senators", "a congressional hearing"), which may be a court's. An act told in a "when",
"as" or "while" clause happened at the same time as the clause it hangs on, so a hearing that clause tells is its
hearing too ("During the hearing, the senator startled the committee when he praised the carmaker"). A place
the story's scene gives a physical act goes first ("on Capitol Hill" says more). Read by `events.locate`; reads
`doc.places` and the parse, no other stage.
"""

from __future__ import annotations

from typing import Any

from dateline.events.court import clause_word
from dateline.events.scene import dateline_place
from dateline.events.seats import CAPITAL_CODE, dateline_refuted
from dateline.model import Document, Location
from dateline.words import word_set

#: Words of a hearing's proceedings, compared with lemmas (`hearing_words`).
HEARING_WORDS = word_set("hearing_words")
#: Words of a legislature's members and bodies, compared with lemmas (`legislature_words`): the hearing is theirs.
LEGISLATURE_WORDS = word_set("legislature_words")
#: Marks of a clause that tells what happened at the same time as the clause it hangs on ("when", "as", "while").
SAME_TIME_MARKS = word_set("same_time_marks")
#: How a location read from a hearing's seat begins its basis.
HEARING_BASIS = "the seat of the hearing"


def hearing_location(doc: Document, trigger: Any) -> Location | None:
    """The capital an article is filed from, for an act its own clause tells as part of a hearing, or None (see the
    module docstring). The caller checks that the act is of the story's present."""
    if doc.parsed is None:
        return None
    word = clause_word(trigger, HEARING_WORDS) or _word_of_the_clause_above(trigger)
    if word is None:
        return None
    town = dateline_place(doc)
    if town is None or town.feature_code != CAPITAL_CODE:
        return None
    if dateline_refuted(doc, town, trigger, (), words=True, members=True):
        return None  # "a field hearing in Chalmette"; a member's home state ("Jane Roe of Ohio") is no such town
    if not any(t.lemma_.lower() in LEGISLATURE_WORDS for t in trigger.sent):
        return None  # a court's hearing ("a stay at the hearing") sits wherever the court does
    return town.as_location(f"{HEARING_BASIS}: its clause tells a hearing ('{word.text}'), reported from the "
                            f"capital '{town.text}', where such hearings sit")


def _word_of_the_clause_above(trigger: Any) -> Any | None:
    """A hearing word of the clause the act's clause hangs on when the act's clause is marked as of the same time
    ("when", "as", "while": `same_time_marks`), or None."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in SAME_TIME_MARKS and c.i < verb.i
                                       for c in verb.children):
        return None  # the parser hangs "when" as an adverb of the verb it opens, "as" and "while" as its mark
    return clause_word(verb.head, HEARING_WORDS)
