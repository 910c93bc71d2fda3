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
for 1 wrong one). So such a noun is marked as the occasion of the verb it hangs on, which
`sentence_ties.occasion_in_sentence` reads as two happenings, as it reads "during" and "amid".
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

__all__ = ["frame_of"]

#: Prepositions whose object names the frame of an act ("at the summit").
FRAME_PREPOSITIONS = word_set("frame_prepositions")
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
    if token.dep_ != "pobj" or token.head.lower_ not in FRAME_PREPOSITIONS or token.head.dep_ != "prep":
        return None
    word = token.head.head
    for _ in range(MAX_HOPS):
        if word.pos_ not in NOMINAL_POS or word.head.i == word.i:
            break
        word = word.head
    return int(word.i)
