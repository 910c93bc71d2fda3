"""A doer that cannot act: a feeling or a substance as the subject of a verb of an act, which is then a figure.

"Fear has overtaken the city" or "panic seized the markets" tells what people feel, and "chemicals threaten sea
turtles" what a substance may do; no party attacks, seizes or threatens. The class is told by the kind of the
verb's subject (`mood_nouns.txt`; a thing made or given off of `artefact_objects.txt` other than a text, which
`events.senses.document_as_speaker` reads), never by the verb's word. A substance as the subject of an attack or
a coercion may be the attacker's weapon ("tear gas injured dozens"), so for those types only a feeling counts.
A subject with a name or possessor in its phrase ("Iran's chemicals") may stand for its owner and is left alone.

Read by `events.argument_senses.sense_from_arguments`, so the lexicon's and the detector's proposals alike are
dropped.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

#: Feelings and moods.
MOODS = word_set("mood_nouns")
#: Things made or given off that are no text (a text as the doer of a speech act is `senses`' case).
SUBSTANCES = word_set("artefact_objects") - word_set("document_nouns") - word_set("issued_documents")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
#: Types whose doer may be a weapon named for the attacker: only a feeling makes them no act.
WEAPON_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Modifiers that may name who owns or used the thing ("Iran's chemicals", "the army's gas").
OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})


def doer_that_cannot_act(verb: Any, type_name: str) -> Any | None:
    """The feeling or substance that is the active subject of the trigger `verb`, or None (the module's rule)."""
    if verb.pos_ != "VERB":
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_:
        return None  # a capital at the sentence's start makes the parser call a common noun a name ("Panic")
    if any(c.dep_ in OWNER_DEPS and (c.pos_ in ("PROPN", "PRON") or c.ent_type_) for c in subject.children):
        return None
    lemma = subject.lower_ if subject.pos_ == "PROPN" else subject.lemma_.lower()
    if lemma in MOODS or (lemma in SUBSTANCES and type_name not in WEAPON_TYPES):
        return subject
    return None


def _subject(verb: Any) -> Any | None:
    """The verb's active subject, or that of the verb it is joined to ("fear gripped and overtook the city"); for
    a relative pronoun, the noun the clause describes ("a fear which has overtaken the city")."""
    for candidate in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if candidate is None:
            continue
        found = next((c for c in candidate.children if c.dep_ == "nsubj"), None)
        if found is not None and found.lower_ in RELATIVE_PRONOUNS and candidate.dep_ == "relcl":
            return candidate.head
        if found is not None:
            return found
    return None
