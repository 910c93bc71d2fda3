"""An act noun that means every act of its kind, or any, not one happening: "banned all demonstrations", "a law
to silence any criticism", "inspired by similar protests".

A determiner of every or any member ("all", "any", "every", "such") or an adjective of likeness ("similar") on an
event noun makes it the kind: what a ban forbids, what a law guards against, what a rally is compared with. The act
the sentence tells is its verb's (the ban, the law), and the kind is no event of its own. The shown samples'
`generic_or_background` class holds such nouns (a capital's ban of all demonstrations, a decree against any public
criticism, protests said to be like another country's: three shown at 741b5c6), and no right event stands so.

Read by `events.argument_senses` (so the lexicon's and the detector's proposals alike are dropped): a common noun
trigger with such a word (`kind_quantifiers.txt`) among its own modifiers, with no date or number in its own phrase
("any attacks on Monday", "all 40 arrests"), no definite determiner or possessor beside the word ("all the
killings", "all its attacks": the acts told, each of which happened) and not the subject of a verb told in the past
("similar protests broke out in the north", "all talks were suspended": happenings).
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

KIND_QUANTIFIERS = word_set("kind_quantifiers")
#: Dependencies of a noun's modifiers that can mean the kind.
_QUANTIFYING_DEPS = frozenset({"det", "predet", "amod"})
#: Entity labels that date or count a noun's acts.
_PARTICULAR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Determiners that make the noun's acts particular ones the reader knows ("all the killings", "all these attacks").
_DEFINITE = word_set("anaphoric_determiners")
_PAST_TAGS = frozenset({"VBD", "VBN"})


def kind_meant(token: Any) -> Any | None:
    """The word that makes an event noun mean its kind (see the module's docstring), or None."""
    if token.pos_ != "NOUN":
        return None
    word = next((c for c in token.children if c.dep_ in _QUANTIFYING_DEPS and c.lower_ in KIND_QUANTIFIERS), None)
    if word is None:
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in token.children):
        return None  # "all the killings": the particular acts the article tells
    own = [c for c in token.children if c.dep_ != "relcl"]
    phrase = [*own, *(g for c in own if c.dep_ == "prep" for g in c.children)]
    if any(t.ent_type_ in _PARTICULAR_ENTITIES or t.like_num for t in phrase):
        return None
    if token.dep_ in _SUBJECT_DEPS and (token.head.tag_ in _PAST_TAGS or any(
            a.dep_ in ("aux", "auxpass") and a.tag_ in _PAST_TAGS for a in token.head.children)):
        return None
    return word


__all__ = ["KIND_QUANTIFIERS", "kind_meant"]
