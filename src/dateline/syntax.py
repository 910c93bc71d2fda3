"""Parse helpers every stage may use: small readings of spaCy's tokens that more than one stage needs.

Stages never import each other (`tests/test_layers.py`); a reading of the parse that two of them make the same
way is written here once, below the stages, so that they cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set, word_table

#: spaCy's entity labels of a place's name: a country, city or state, another location, a building or facility.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: Verbs of saying ("said", "told", "announced"), as the word list gives them.
REPORTING_VERBS = word_set("reporting_verbs")
#: What may stand between a verb of saying and the time it is said at: "said on Monday", "said, Monday".
_BETWEEN_SAYING_AND_TIME = frozenset({"on", ","})


def first_conjunct(token: Any) -> Any:
    """The first of the coordinated words `token` is one of ("Ireland" for "Denmark" in "Ireland, Germany and
    Denmark"; "killing" for "arresting" in "killing one and arresting twelve"): the one that holds the list's own
    dependency; `token` itself when it is coordinated with nothing."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def saying_verb_before(tokens: Any, start: int) -> Any | None:
    """The verb of saying written right before token `start` of `tokens` (a spaCy Doc), with at most "on" or a
    comma between ("said on Monday they would attack"): a time written there is the saying's, whatever clause the
    parser hangs it on. None when another word comes between ("told reporters Tuesday")."""
    i = start - 1
    while i >= 0 and tokens[i].lower_ in _BETWEEN_SAYING_AND_TIME:
        i -= 1
    word = tokens[i] if i >= 0 else None
    return word if word is not None and word.lemma_ in REPORTING_VERBS and word.pos_ == "VERB" else None


#: Generic body nouns ("the company", "the group") and the sectors of the named body each can stand for.
DEFINITE_BODIES = {word: frozenset(sectors.split()) for word, (sectors,) in word_table("definite_bodies").items()}
#: The determiners after which such a noun stands for a body named before ("the", "this").
BODY_DETERMINERS = word_set("body_determiners")
#: Verbs and nouns of a charge or a judgement ("accused", "suspected", "convicted"), whose "of" phrase is the offence.
OFFENCE_HEADS = word_set("offence_heads")


def definite_body_sectors(token: Any) -> frozenset[str]:
    """The sectors of the body named before that `token` may stand for: a noun of `definite_bodies` after "the" or
    "this", with no "of" phrase saying whose ("the oil company", not "the company of ..."; a charge's "of" phrase,
    "accused the company of ...", says no owner); empty otherwise. The actors stage and the events stage both
    read "the company" so, each with exclusions of its own."""
    sectors = DEFINITE_BODIES.get(token.lemma_.lower(), frozenset())
    definite = any(c.dep_ == "det" and c.lower_ in BODY_DETERMINERS for c in token.children)
    whose = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and not _charged_object(token)
    return sectors if definite and not whose else frozenset()


def _charged_object(token: Any) -> bool:
    """"accused the firm of hiding its losses", "suspected the group of funding rebels": the object of a verb of
    charging or judging (`offence_heads`), whose "of" phrase the parser may hang on the object, is charged with
    that offence; the phrase says what it did, not whose body it is."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in OFFENCE_HEADS


def passive_agent(verb: Any) -> Any | None:
    """The object of a verb's "by" agent phrase ("the attack was claimed by the Taliban": "Taliban"), or None."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


#: Words spaCy reads as a preposition before a noun that is really the subject of the clause they open ("since the
#: earthquake hit the capital": "earthquake" the object of "since", "hit" a clause with no subject).
_CLAUSE_OPENERS = frozenset({"since", "after", "before", "until", "till"})


def subject_in_a_preposition(verb: Any) -> list[Any]:
    """The noun right before a finite verb that has no subject, when the parser made that noun the object of a
    word that opens the verb's clause ("died since Tuesday's earthquake hit the capital"): `[noun]`, else `[]`."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "advcl" or verb.i == 0:
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return []
    noun = verb.doc[verb.i - 1]
    opener = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or opener.lower_ not in _CLAUSE_OPENERS:
        return []
    return [noun] if opener.head.i == verb.head.i else []


#: Links by which a passive infinitive's missing subject is found higher up: "is about to be released" (the
#: infinitive hangs on "about", an adjective of "is"), "is expected to be released" (on the passive "expected").
_RAISING_LINKS = frozenset({"xcomp", "acomp"})


def shared_patient(verb: Any) -> list[Any]:
    """What a passive verb with no subject of its own is done to, read from the clause it shares one with: for a
    passive infinitive the subject of the verb it completes ("a CD is about to be released": "CD"; "the prisoners
    are expected to be freed") or the noun its adjective describes ("the report, due to be released"); for a bare
    passive participle opening a clause the main clause's subject ("Released in May, the film earned": "film").
    Empty for a verb with a subject, an active verb, or a clause that shares none. Who is freed and what is released
    (a person or a film) decides whether a release is a political act, so the patient must be found where the
    parser put it."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return []
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "advcl" and not passive and not any(c.dep_ in ("aux", "mark") for c in verb.children):
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    current = verb
    while passive and current.dep_ in _RAISING_LINKS and current.head.i != current.i:
        current = current.head
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        if current.dep_ == "amod":
            return [current.head]
    return []
