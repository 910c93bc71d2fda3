"""An act or state told in the present with no time of its own: it holds on the day the text was written.

A past-tense act that no time of the text dates is only bounded by the article: on or before the day it was
written ("Rescuers cleared the rubble"). Of the past-tense acts TimeML's annotators linked to a time (TimeBank and
AQUAINT) that the dater bounds so, they put 59 on the article's day and 112 on another day, so the bound is the honest
reading. A clause told in the present is another matter: "investigators allege the funds were moved by
...", "the family is fighting to keep the farm", "a survey shows ...": the tense itself says the act or state
holds now, on the day the text speaks from (of the links TimeML tags as present that the dater bounds, perfects
included, 38 of 53 are on the article's day; most of the rest are perfects, habits and a present in a quotation).
So such a clause is dated to that day, with no `date_mod`, when it is:

* told in the present by its own verb: a progressive ("is fighting"), or a simple present of a verb of stance,
  state or saying ("allege", "wants", "shows": `present_stance_verbs.txt`; the simple present of other verbs is a
  habit, a headline's or a recap's historic present or a schedule), with no perfect ("has claimed", "he's
  talked" happened before now), modal or future auxiliary, and no passive ("are charged" tells the state an
  earlier act left);
* not a habit ("The INS routinely sends ...": `habitual_adverbs.txt`), not a condition, nor a time apart from now,
  nor below a clause told ahead or set by its host's time ("if he agrees", "until Mubarak steps down", "would
  produce an initiative that responds ...", "when he asks"), and not in the text's first sentence, where a
  headline stands (a headline's present narrates a past act: "Rebels seize town");
* not words reported or quoted by a past verb of saying ('"We extend our sympathies," Estrada said'): those were
  said when the saying was, and take its date when that is one exact day, else stay bounded.
"""

from __future__ import annotations

from typing import Any

from dateline.events.dating_clauses import REPORTING, VERBAL, clause_head
from dateline.events.dating_thread import tensed_clause
from dateline.words import word_class, word_set

_PERFECT = word_class("auxiliaries", "perfect")
_NOT_PRESENT_AUX = _PERFECT | word_class("auxiliaries", "future") | word_class("auxiliaries", "modal") \
    | word_class("auxiliaries", "irrealis")
_HABITUAL = word_set("habitual_adverbs")
#: Verbs whose simple present tells a stance, state or saying of now.
_STANCE_VERBS = word_set("present_stance_verbs") | REPORTING | word_set("allegation_verbs")
#: Marks of a clause that tells a condition or a time apart from now ("if", "until Mubarak steps down"), or a time
#: its host sets ("when he asks for something, they try": a habit).
_NOT_NOW_MARKS = word_set("conditional_markers") | word_class("prepositions", "other-time") \
    | word_set("same_time_marks")
#: How far up the tree a clause above may look ahead for the present below it.
_MAX_CLAUSES_UP = 8
#: Forms of "be" that make a progressive or a passive told in the present.
_PRESENT_BE = word_class("auxiliaries", "present-be")
#: What the reason for a date given by the present tense says (`dating._told_now`, an event's `date_basis`): the
#: scene rule reads it, since such a date is the day the text speaks from, a state of now, and no act's own day.
PRESENT_BASIS = "is told in the present"


def dated_by_present(basis: str | None) -> bool:
    """True when an event's date was given by its present tense (a stance, state or saying of now), not by a time
    of the text or an act's past: read from the reason the dater recorded (`Event.date_basis`), not parsed again."""
    return basis is not None and PRESENT_BASIS in basis


def present_verb(trigger: Any) -> Any | None:
    """The verb whose present tense tells the trigger's clause as of now ("allege", "is fighting", "is
    expected"), or None when the clause is told otherwise, has no tense of its own, or is a habit. The trigger
    must be that verb: a noun's act ("BP's promises show ...") is older than the clause that names it."""
    verb = clause_head(trigger)
    if verb.i != trigger.i or verb.pos_ not in VERBAL or tensed_clause(verb).i != verb.i:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _NOT_PRESENT_AUX or a.tag_ in ("VBD", "MD") for a in auxes):
        return None
    if any(c.lower_ in _HABITUAL for c in verb.children if c.dep_ == "advmod") or _looks_ahead_from_above(verb):
        return None
    if not auxes:  # "Moscow denies", not "thousands pour into the streets" (a recap's historic present)
        return verb if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in _STANCE_VERBS else None
    # "is fighting"; not "he's fired his cabinet" (a perfect whose "'s" is "has") nor a passive ("are charged with"
    # tells the state an earlier act left)
    if verb.tag_ == "VBG" and all(a.lower_ in _PRESENT_BE and a.dep_ == "aux" for a in auxes):
        return verb
    return None


def _looks_ahead_from_above(verb: Any) -> bool:
    """True when the present is a condition, a time apart from now, or lies under a clause told ahead or as a mere
    possibility: "if he agrees", "stay until Mubarak steps down", "would produce an initiative that responds to
    ...", "will say that it accepts": there the present tense speaks of a time to come or of none, not of now."""
    token = verb
    for _ in range(_MAX_CLAUSES_UP):
        if any(c.dep_ == "mark" and c.lower_ in _NOT_NOW_MARKS for c in token.children) or \
                (token.dep_ == "pcomp" and token.head.lower_ in _NOT_NOW_MARKS):
            return True
        if token.pos_ in VERBAL and any(c.dep_ == "aux" and (c.lower_ in _NOT_PRESENT_AUX - _PERFECT or c.tag_ == "MD")
                                        for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def reporting_past_verb(verb: Any) -> Any | None:
    """The past verb of saying whose words hold the verb: its clause's head up a chain of complements
    ("Estrada said the United States extends ..."), or the reporting verb of a quotation ('"We extend our
    sympathies," Estrada said'). None when no such verb is above it."""
    token = verb
    for _ in range(6):
        if token.head.i == token.i or token.dep_ not in ("ccomp", "conj", "parataxis", "xcomp"):
            return None
        token = token.head
        if token.lemma_ in REPORTING and token.pos_ == "VERB" and token.tag_ in ("VBD", "VBN"):
            return token
    return None


def in_first_sentence(trigger: Any) -> bool:
    """True when the trigger is in the text's first sentence, where a headline stands (a headline's present
    narrates a past act, and news pages often run it into the lede with no stop between)."""
    return trigger.sent.start == 0
