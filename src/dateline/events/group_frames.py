"""An act told as the frame of another act in one sentence: the gathering it was done at, the hearer it was told
to (`events/group_cues`, read by grouping as `Mention.occasion_of`).

One sentence often names two acts of one type, one inside the other: "the two presidents discussed the trade dispute at
the regional summit" (a talk at a summit), "a former aide told the inquiry the funds had gone abroad" (a testimony
to an inquiry). The parse hangs the frame's noun on the act's verb, so the grouping read the pair as one act
told twice (`sentence_ties.tied`: a trigger on the other's chain, as "imposed sanctions"), and a definite noun
pointing back joined them too. What says otherwise is the word the noun hangs by: an object of "at"
(`frame_prepositions`), or the object of a verb of telling (`audience_verbs`), names the gathering or the hearer,
never the act itself; the object of "held", "imposed" or "launched" does. "for" is no such word: "gathered for a
march", "met police for a meeting" tell the act by its purpose (measured: the grouping samples lost 16 right pairs
for 1 wrong one).

The same holds for an act named as the time of another (`LANDMARK_PREPOSITIONS`: "met the chancellor before the
summit", "burned the villages months before the invasion", "detained them prior to the vote"): an act before or after
another is not it, yet "the summit" hangs on "met" as "sanctions" hangs on "imposed". On the grouping sample 2222
such pairs were 6 of the 7 wrong joined pairs (an act joined to the summit or the invasion it was dated by, and
through it to that happening's other tellings); on 1414-2121 the change moves no pair.

So such a noun is marked as the occasion of the verb it hangs on, which `sentence_ties.occasion_in_sentence` reads as
two happenings, as it reads "during" and "amid"; unlike a frame's, a landmark's noun still points back to the last act
of its kind (`names_a_landmark`, read by `group_pointing`): "before the summit" names the summit the story told.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_class, word_set

__all__ = ["frame_of", "names_a_landmark"]

#: Prepositions whose object names the frame of an act ("at the summit").
FRAME_PREPOSITIONS = word_set("frame_prepositions")
#: Prepositions of time whose object names another act the act is dated by ("met him before the summit", "destroyed
#: the weapons years before the invasion", "clashed after the march"): an act before or after another is not it.
#: The events/frame table's "background-time" class; "during", "amid" and "ahead of" are `occasion`'s already.
LANDMARK_PREPOSITIONS = word_class("frame_prepositions", "background-time")
#: Verbs of telling whose object is the hearer ("told the inquiry").
AUDIENCE_VERBS = word_set("audience_verbs")
#: Parts of speech of the words passed over on the way from the preposition up to the verb of the act
#: ("discussed the trade dispute at the summit": "at" hangs on "dispute").
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM"})
#: How many nouns up from the preposition the verb may be.
MAX_HOPS = 3


def frame_of(token: Any) -> int | None:
    """The token index of the verb whose act a noun trigger frames (the object of a frame preposition, climbing
    from the word the preposition hangs on over nouns to their verb; or the hearer a verb of telling is told to),
    or None when the trigger frames nothing."""
    if token.pos_ != "NOUN":
        return None
    if token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in AUDIENCE_VERBS:
        return int(token.head.i)
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return None
    word = _framing_word(token.head)
    if word is None:
        return None
    for _ in range(MAX_HOPS):
        if word.pos_ not in NOMINAL_POS or word.head.i == word.i:
            break
        word = word.head
    return int(word.i)


def _framing_word(preposition: Any) -> Any | None:
    """The word a frame or landmark preposition hangs on ("at the summit", "before the invasion"; for "prior to"
    and "ahead of", the word the adverb hangs on), or None for any other preposition."""
    word = preposition.lower_
    if word in FRAME_PREPOSITIONS or word in LANDMARK_PREPOSITIONS:
        return preposition.head
    if _after_landmark_adverb(preposition):
        return preposition.head.head
    return None


def _after_landmark_adverb(preposition: Any) -> bool:
    """Whether a preposition completes a landmark adverb ("prior to the vote", "ahead of the summit"): it hangs on
    the adverb, which the parse attaches as an adverb or a preposition of its own."""
    return preposition.head.lower_ in LANDMARK_PREPOSITIONS and preposition.head.dep_ in ("advmod", "prep")


def names_a_landmark(token: Any) -> bool:
    """Whether a noun trigger is the object of a landmark preposition ("before the summit", "prior to the vote"): it
    names a happening the act is dated by, often one the story has told (so it may still point back to it)."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    return token.head.lower_ in LANDMARK_PREPOSITIONS or _after_landmark_adverb(token.head)
