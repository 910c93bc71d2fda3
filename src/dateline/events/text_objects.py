"""A verb whose political act is done to a party, done instead to a thing made or a text: another sense, no act.

"Release" is a RETREAT when captives are freed, but "the channel released the interview" or "the inquiry released
interim reports" publishes a text; "investigate" accuses a party of wrongdoing, but "ministry officials are
investigating the report" checks a text. The class is told by the kind of the verb's object, not by the verb's
word: the verbs and the type each loses are listed in `text_senses.tsv`, the things in `artefact_objects.txt`
(which the lexicon's "notobj:" flag reads for its own rows), `document_nouns.txt` and `issued_documents.txt`.
The lexicon's flag keeps its own proposal off such an object; this keeps the detector's off too, and reads a
collection (`collection_nouns.txt`) by the things in its "of" phrase ("released a series of interim reports").

What the verb is done to is `lexicon.verb_objects`: its object, its passive subject, the noun its participle or
relative clause describes ("an interview released by the channel", "reports, which were released on Monday").
A person's name never matches. An investigation of a text whose phrase, clause or name modifier says what or whom
it tells of ("investigating reports of abuse", "the report that guards fired", "the Volcker report") looks into
what is told, and stays. Releasing any thing made publishes or gives it off.

Read by `events.argument_senses.sense_from_arguments`, so the lexicon's and the detector's proposals alike are
dropped.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import verb_objects
from dateline.words import word_set, word_table

#: Lemma -> the PLOVER types its reading loses when what it is done to is a thing made or a text.
TEXT_SENSES: dict[str, frozenset[str]] = {lemma: frozenset(types) for lemma, types in
                                          word_table("text_senses").items()}
#: Things made, published or given off, and texts.
TEXTS = word_set("artefact_objects") | word_set("document_nouns") | word_set("issued_documents")
#: Nouns of a number or collection whose "of" phrase names the things ("a series of interim reports").
COLLECTIONS = word_set("collection_nouns")
#: Dependents of a text that say what it tells ("a report that troops fired", "reports alleging abuse").
CONTENT_DEPS = frozenset({"acl", "relcl", "ccomp"})
#: Prepositions whose phrase on a text says what it tells ("reports of abuse", "a report on the killings").
CONTENT_PREPS = frozenset({"of", "on", "about", "into", "over"})
#: Modifiers of a text that may name whom it tells of ("the Volcker report").
NAME_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: Types whose reading stays when the text says what it tells: looking into a report of an act looks into the act.
CONTENT_TYPES = frozenset({"ACCUSE"})
#: Entities of a party: a name is never a thing made ("released Smith").
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def text_object(verb: Any, type_name: str) -> Any | None:
    """The thing made or text the trigger `verb` is done to, when its `type_name` reading needs a party there,
    or None (the module's rule)."""
    if type_name not in TEXT_SENSES.get(verb.lemma_.lower(), ()):
        return None
    for patient in verb_objects(verb):
        text = _held(patient)
        if text.pos_ != "NOUN" or text.ent_type_ in PARTY_ENTITIES or text.lemma_.lower() not in TEXTS:
            continue
        if type_name in CONTENT_TYPES and _tells_of_something(text):
            continue
        return text
    return None


def _held(noun: Any) -> Any:
    """The things a collection noun holds ("a series of interim reports": reports), else the noun itself."""
    if noun.lemma_.lower() not in COLLECTIONS:
        return noun
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        return next((o for o in prep.children if o.dep_ == "pobj"), noun)
    return noun


def _tells_of_something(text: Any) -> bool:
    """Whether the text's own phrase or clause, or a name among its modifiers, says what or whom it is about."""
    for child in text.children:
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPS):
            return True
        if child.dep_ in NAME_DEPS and (child.pos_ == "PROPN" or child.ent_type_):
            return True
    return False
