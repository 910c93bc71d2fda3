"""Verbs of saying or believing read as an act they only report: a statement of fact, and an attribution.

Read by `events.frame.not_an_act`, so the lexicon's and the detector's proposals alike are dropped. Two classes of
false events on news, each told from the verb's own arguments:

* a verb that reports speech (`reporting_verbs.txt`) read as a threat or as backing, whose reported clause states
  that something is or was so: "the government warned that the virus has been confirmed in most states", "the
  minister admitted the deficit had been larger than expected". A threat says what its speaker will do, or what
  will befall someone ("warned that it will strike the camps", "warned that any attack would be met with force",
  "warned the rebels to leave"): a modal, a future or an infinitive anywhere in the clause keeps it;
* a verb of saying or believing in the passive with an infinitive (`attributing_verbs.txt`): "the group is believed
  to be behind the kidnap", "the candidate is considered to be the favourite". Nobody named accuses or consults; the
  clause's matter is coded on its own trigger when it is an act.
"""

from __future__ import annotations

from typing import Any

from dateline.events.generic_senses import kind_of_act
from dateline.events.lexicon import load_lexicon
from dateline.events.senses import stating_clause
from dateline.words import word_set

REPORTING_VERBS = word_set("reporting_verbs")
BECOMING_VERBS = word_set("becoming_verbs")
BEFALLING_VERBS = word_set("befalling_verbs")
CONDITIONAL_MARKS = word_set("conditional_markers")
ATTRIBUTING_VERBS = word_set("attributing_verbs")
#: Types a verb of saying is read as by a CAMEO pattern or the trigger list ("warn", "admit") that its clause must
#: make true: a threat of what will be done, backing of someone. Accusations and requests have their own rules
#: (`lexicon_phrase.reported_disapproval`, `senses.request_states_a_fact`).
STATEMENT_TYPES = frozenset({"THREATEN", "SUPPORT"})
#: Dependents that say a verb of saying addresses a demand or an object of its own ("warned them to leave").
OWN_ARGUMENT_DEPS = frozenset({"xcomp", "dobj", "dative"})


def statement_of_fact(verb: Any, type_name: str) -> bool:
    """A verb of speech read as `type_name` (a threat or backing) whose reported clauses all state a fact, with no
    modal, future or infinitive anywhere in them, and no object or infinitive of the verb's own."""
    if type_name not in STATEMENT_TYPES or verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    if any(c.dep_ in OWN_ARGUMENT_DEPS for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(stating_clause(verb, c) and not _looks_ahead(c) for c in clauses)


def forecast_of_a_state(verb: Any, type_name: str) -> bool:
    """A verb of speech read as a threat, with no object or infinitive of its own, whose reported clauses all foretell
    a state of things (`_state_foretold`)."""
    if type_name != "THREATEN" or verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    if any(c.dep_ in OWN_ARGUMENT_DEPS for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_state_foretold(c) for c in clauses)


def _state_foretold(clause: Any) -> bool:
    """A clause that tells how things will stand, with no condition ("if", "unless"): a verb of becoming with a
    predicate whose subject is no act ("the cases could become an epidemic"; `becoming_verbs.txt`), "be" with
    an extraposed "it" ("it will be difficult to bring in aid"), or a modal verb of befalling whose object is no
    act (`_befalling`). A noun subject of "be" may name the speaker's act ("the response would be swift") and a
    pronoun the speaker ("it will be ruthless"): both keep the threat."""
    if any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in clause.subtree):
        return False
    if _befalling(clause):
        return True
    if not any(c.dep_ in ("acomp", "attr") for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "expl")]
    if clause.lemma_.lower() == "be":
        extraposed = any(t.dep_ in ("xcomp", "ccomp", "csubj") for t in clause.subtree if t.i != clause.i)
        return extraposed and len(subjects) == 1 and subjects[0].lower_ == "it"
    if clause.lemma_.lower() not in BECOMING_VERBS or any(s.lower_ == "there" for s in subjects):
        return False
    return not any(s.pos_ == "NOUN" and load_lexicon().noun_entry(s) for s in subjects)


def _befalling(clause: Any) -> bool:
    """A modal verb of befalling (`befalling_verbs.txt`) whose objects are all common nouns that name no act:
    "countries could see a leap in cases" foretells what befalls them; "Russia could see new sanctions" keeps
    the threat of the sanctions (a noun of the lexicon)."""
    if clause.lemma_.lower() not in BEFALLING_VERBS or not any(c.tag_ == "MD" for c in clause.children):
        return False
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    lexicon = load_lexicon()
    return bool(objects) and all(o.pos_ == "NOUN" and not lexicon.noun_entry(o) for o in objects)


def _looks_ahead(clause: Any) -> bool:
    """Whether a clause holds a modal ("will", "would", "could") or an infinitive ("is ready to strike")."""
    return any(t.tag_ == "MD" or (t.dep_ == "aux" and t.lower_ == "to") for t in clause.subtree)


def attributed_by_passive(verb: Any) -> bool:
    """A verb of saying or believing in the passive with a to-infinitive: "is believed to be behind the kidnap"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ATTRIBUTING_VERBS:
        return False
    return _passive(verb) and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                  for c in verb.children)


def _passive(verb: Any) -> bool:
    """A verb in the passive: its own passive auxiliary or subject, or, with no subject of its own, as a conjunct of
    a passive verb ("has been linked to the bombings and believed to be behind ...")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) and \
        any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)


def only_said(token: Any, type_name: str) -> str | None:
    """Why a verb of saying or believing read as `type_name` is no act of that type, or a noun names acts of a kind
    in a statement (`generic_senses`), for `frame.not_an_act`."""
    if token.pos_ == "NOUN" and kind_of_act(token):
        return f"kind: '{token.text}' names acts of a kind in a statement, no one happening"
    if statement_of_fact(token, type_name):
        return f"statement: '{token.text}' tells that something is so, no {type_name.lower()}"
    if forecast_of_a_state(token, type_name):
        return f"forecast: '{token.text}' foretells a state of things, no act threatened"
    if attributed_by_passive(token):
        return f"attribution: '{token.text}' says what is held of its subject, no act"
    return None


__all__ = ["attributed_by_passive", "forecast_of_a_state", "only_said", "statement_of_fact"]
