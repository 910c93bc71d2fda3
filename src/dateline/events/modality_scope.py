"""Scope of a trigger's modality: which parts of a clause its negation, modals and conditionals reach.

Negation and modals reach only the event's own clause (`events.modality` reads them). A nominal event in
a time or circumstance adjunct ("did not arrest anyone after the protest") or in the subject is outside
the clause's negation, a nominal event with a named owner is outside the modality of the verb that takes
it ("rejected Dominica's request": Dominica did request), a nominal event that is the setting of an intended act
("an effort to help during the protests") is outside that intention, a known act that is the object of a verb
which does not bring it about ("will aid the investigation", "can win against that insurgency") is outside that
verb's modals and intention (`known_object_of`; "to impose the sanctions" keeps them), and the second of two
contrasted clauses ("did not attack the town but shelled the village") does not share the first one's negation. These
are the tests of where a trigger sits that the modality rules ask before they let a clause's marks reach it.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.words import word_class, word_set

#: Conjunctions whose second clause does not share the first one's negation ("... but shelled ...").
CONTRASTIVE = word_set("contrastive_conjunctions")
#: Prepositions of adjuncts that lie outside a clause's negation ("did not arrest anyone after the protest").
ADJUNCT_PREPS = word_class("prepositions", "background")
#: Prepositions of a setting that holds whatever is intended in it ("an effort to help during the protests"):
#: background and circumstance alike (during, amid, despite, because of).
SETTING_PREPS = ADJUNCT_PREPS & word_class("prepositions", "circumstance")
#: Determiners that present a nominal event as known to have happened ("the clashes", "Russia's request").
PRESUPPOSING_DETERMINERS = word_set("anaphoric_determiners")
#: Verbs whose object is the act they intend, wish, schedule or undo: it is no fact for being named as known
#: ("plans the strike", "called for the talks", "prevented the attack"); with the lexicon's support verbs.
#: Irrealis verbs whose object is what they serve ("to help the inquiry") are not among them. Verbs of taking part
#: ("might join the protests", "will attend the summit") are: their object happens when they do.
BRINGING_ABOUT = (word_set("intention_verbs") | word_set("planned_thing_verbs") | word_set("negating_verbs")
                  | (word_set("irrealis_verbs") - word_set("serving_verbs")) | word_set("in_argument_verbs")
                  | word_set("attending_verbs") | word_set("renewing_verbs"))
#: Letters two words must share at the start to be read as one stem ("investigating" ... "the investigation").
STEM_LETTERS = 6


def contrasted_conjunct(conjunct: Any) -> bool:
    """True when a conjunct is set against the one before it by "but", "yet", "instead" ..."""
    parent = conjunct.head
    return any(c.dep_ in ("cc", "advmod") and c.lower_ in CONTRASTIVE and parent.i < c.i < conjunct.i
               for c in (*parent.children, *conjunct.children))


def presupposed(token: Any, owned_only: bool = False) -> bool:
    """A nominal event named as known ("the clashes", "Russia's request"): what someone intends or
    considers doing about it ("to cover the clashes", "considering Russia's request") leaves it a fact.

    `owned_only` asks for a named owner ("Russia's request"): as the object of a verb of wanting or
    opposing, a bare definite ("opposed the sanctions") may be the subject's own act that never was.
    """
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in PRESUPPOSING_DETERMINERS and not owned_only)
        for c in token.children)


def known_object_of(token: Any, verb: Any) -> bool:
    """True when a nominal trigger named as known ("the inquiry", "that insurgency") and told before (`told_before`)
    is the object or prepositional object of `verb`, and `verb` does not bring it about: what "will aid", "to help"
    or "can win against" an act does is the verb's own intention or possibility, the act is already told. A support
    verb of the lexicon ("launch", "stage", "impose", "hold": its object noun carries the event), a verb of intention
    ("plan"), one that makes its object a wish or undoes it ("called for", "prevented"), one of taking part ("join",
    "attend") and one that makes more of it ("extend", "tighten") make, unmake or share the act, and keep today's
    reading."""
    if token.i == verb.i or not presupposed(token) or verb.pos_ != "VERB":
        return False
    if token.dep_ == "dobj":
        governor = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        governor = token.head.head
    else:
        return False
    lemma = verb.lemma_.lower()
    return governor.i == verb.i and lemma not in BRINGING_ABOUT and not _light_verb(lemma) and told_before(token)


def carried_by(token: Any, verb: Any) -> bool:
    """True when a nominal trigger is the direct object of a support verb of the lexicon ("to hold the talks", "to
    start the trial"): the verb and its object are one act, so on a schedule ("are expected to start the trial in
    the autumn") the object is on it even when it is named as known (`events.modality` asks this only there)."""
    return token.dep_ == "dobj" and token.head.i == verb.i and verb.pos_ == "VERB" and _light_verb(verb.lemma_.lower())


def told_before(token: Any) -> bool:
    """True when a noun or verb of the trigger's stem comes before it in its document ("investigating" ... "will aid
    the investigation"): the act is known from the story, not only named as if it were (a lone sentence's "to end
    the fighting" is left to the verb, as the PLOVER sentences code it)."""
    stem = token.lemma_.lower()[:STEM_LETTERS]
    return any(t.pos_ in ("NOUN", "PROPN", "VERB") and t.lemma_.lower()[:STEM_LETTERS] == stem
               for t in token.doc[:token.i])


def _light_verb(lemma: str) -> bool:
    return load_lexicon().is_light_verb(lemma)


def argument_of(token: Any, verb: Any) -> bool:
    """True when a nominal trigger is what `verb` acts on or with: its object or subject ("to impose the sanctions",
    "the talks would resume"), not a noun in one of its phrases ("to search homes as part of the investigation"). A
    known act in such a phrase is outside the verb's intention even when the verb is an event of its own."""
    return token.head.i == verb.i


def in_adjunct(token: Any, verb: Any) -> bool:
    """True when a nominal trigger sits in a time or circumstance adjunct of `verb` ("after the protest")."""
    current = token
    while current.head.i != current.i and current.head.i != verb.i:
        if current.dep_ == "pobj" and current.head.lower_ in ADJUNCT_PREPS:
            return True
        current = current.head
    return False


def in_setting(token: Any, verb: Any) -> bool:
    """True when a nominal trigger is the setting of `verb` ("to help families during the protests", "plans to
    reopen amid the clashes"): what is intended or possible in it does not make it so."""
    current = token
    while current.head.i != current.i and current.head.i != verb.i:
        if current.dep_ == "pobj" and current.head.lower_ in SETTING_PREPS and current.head.head.i == verb.i:
            return True
        current = current.head
    return False


def is_subject_of(token: Any, verb: Any) -> bool:
    """True when the nominal trigger sits inside the subject of `verb`."""
    current = token
    while current.head.i != current.i and current.head.i != verb.i:
        current = current.head
    return current.dep_ in ("nsubj", "nsubjpass", "csubj")
