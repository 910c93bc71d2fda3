"""Who did the act someone is judged for: the object of a verb of judging, not its subject.

"Canada slammed Ghana for detaining two aid workers": Ghana detained them, Canada only slammed. "Ukraine
accused Russia of shelling the port", "the president praised the army for capturing the commander",
"prosecutors charged him with killing two men": a verb that accuses, punishes or rewards
someone (`judging_preps`) names, through one of its prepositions, the act it judges, and its direct object
is who did that act. Without this, the gerund took the subject of the verb its preposition belongs to, as
for "is concentrating on getting aid", and so gave the act to the accuser.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_map, word_set

#: Verbs of judging someone for an act, and the prepositions that name the act ("accuse" -> "of").
JUDGING_PREPS = {verb: frozenset(preps.split()) for verb, preps in word_map("judging_preps").items()}
#: Dependencies of a verb's object that names whom it judges.
OBJECT_DEPS = frozenset({"dobj"})
#: Objects that are the subject's own parties again ("blamed each other for"): the subject did the act.
RECIPROCAL_PRONOUNS = word_set("reciprocal_pronouns")


def judged_doer(gerund: Any) -> Any | None:
    """The direct object of the verb of judging whose preposition governs `gerund` ("slammed Ghana for
    detaining": Ghana), when that object comes before the preposition, or the object's owner when the parser hangs
    the preposition on the object (`_owner`); None for any other gerund ("after
    meeting Putin, Erdogan said"), for a verb with no object ("Iran was accused of firing": the passive
    subject, read elsewhere), a reciprocal object ("blamed each other for escalating": the subjects did) or a
    preposition that names no judged act ("thanked the donors in Geneva")."""
    preposition = gerund.head
    if gerund.dep_ != "pcomp" or preposition.dep_ != "prep":
        return None
    verb, judged = preposition.head, None
    if verb.dep_ in OBJECT_DEPS:  # the parser hung the preposition on the object: "slammed Ghana's cynicism for"
        verb, judged = verb.head, _owner(verb)
    if verb.pos_ != "VERB" or preposition.lower_ not in JUDGING_PREPS.get(verb.lemma_.lower(), ()):
        return None
    judged = judged or next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i < preposition.i), None)
    if judged is None or " ".join(t.lower_ for t in judged.subtree) in RECIPROCAL_PRONOUNS:
        return None
    return judged


def _owner(thing: Any) -> Any:
    """The possessor of an object the judged act hangs on ("Ghana's cynicism for detaining": Ghana), else the
    object itself: the thing judged is its owner's conduct, and its conjuncts ("and the blocking of websites")
    are more things judged, not more parties. A pronoun owns nothing here ("accusing its head of holding a
    rally": the head is judged)."""
    return next((c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON"), thing)
