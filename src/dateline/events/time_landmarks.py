"""An act named as the landmark of a time, not told as a happening: "on the second anniversary of the invasion",
"in the run-up to the war", "in the immediate aftermath of the bombing", "on the eve of the strike".

Read by `events.argument_senses.sense_from_arguments` (so by `events.frame.not_an_act`: the lexicon's and the
detector's proposals alike are dropped). Such a noun dates what the sentence tells by an act the reader is meant to
know already (the shown samples' generic_or_background verdicts: a years-old invasion as the anniversary, the run-up
or the aftermath that times a news item); events-gold's guideline codes concrete acts the text asserts, not the
references an author times them by. The trigger has to be the object of the landmark noun's "of" or "to" phrase, or
a conjunct of it ("the anniversary of the invasion and occupation"); a landmark noun with an act as its own doer or
an act told in a clause of its own ("on the eve of the strike, the unions marched") is not touched, since there the
act is a verb of its own clause.
"""

from __future__ import annotations

from typing import Any

from dateline.syntax import first_conjunct
from dateline.words import word_set

#: Nouns of a time set by an act ("anniversary", "aftermath", "run-up"): `time_landmark_nouns.txt`.
LANDMARK_NOUNS = word_set("time_landmark_nouns")
#: Prepositions joining a landmark noun to its act ("the anniversary of", "the run-up to").
LANDMARK_PREPS = frozenset({"of", "to"})


def time_landmark(token: Any) -> str | None:
    """The landmark noun ("anniversary") whose "of"/"to" phrase names the noun trigger `token`, or None."""
    first = first_conjunct(token)  # "the anniversary of the invasion and occupation"
    if token.pos_ not in ("NOUN", "PROPN") or first.dep_ != "pobj":
        return None
    prep = first.head
    if prep.lower_ not in LANDMARK_PREPS or prep.dep_ != "prep" or prep.i == 0:
        return None
    # the noun the phrase hangs on, or the noun just before it: the parser may hang "to" on the verb ("reshuffled in
    # the run-up to an invasion" read as "reshuffled ... to an invasion")
    for noun in (prep.head, prep.doc[prep.i - 1]):
        if noun.pos_ == "NOUN" and (word := landmark_word(noun)) in LANDMARK_NOUNS:
            return word
    return None


def landmark_word(noun: Any) -> str:
    """The noun's lemma, lower-cased, joined with the word a hyphen ties before it ("run-up" parsed as "run", "-",
    "up" with "run" a compound of "up")."""
    word = noun.lemma_.lower()
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].head.i == noun.i:
        return f"{doc[noun.i - 2].lower_}-{word}"
    return word


__all__ = ["LANDMARK_NOUNS", "landmark_word", "time_landmark"]
