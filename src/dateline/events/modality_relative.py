"""A nominal event whose relative clause makes it: "the charges prosecutors could bring", "the sanctions the council
will impose", "talks that could be held in Geneva".

When the noun is the object of its own relative clause (or the subject of a passive one) and that clause's verb makes
the act (a support verb of the lexicon, a verb that brings a case: `pressing_verbs`, or one that plans, asks for or
takes part in it: `modality_scope.BRINGING_ABOUT` less the negating verbs), the relative clause's modal or future is
the act's own: "could bring" leaves the charges possible, "will impose" puts the sanctions ahead. A relative clause
that does something else with the act ("the attacks the army could not prevent", "the sanctions that will hurt the
economy") says nothing of whether it happened, and a known act told before keeps its status (`told_before`).
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.events.modality_scope import BRINGING_ABOUT, presupposed, told_before
from dateline.words import word_class, word_set

HYPOTHETICAL_AUX = word_class("auxiliaries", "irrealis")
FUTURE_AUX = word_class("auxiliaries", "future")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
#: "would" in a relative clause is as often the future of a past story ("the attacks the rebels would launch that
#: spring") as a possibility: it decides nothing here.
FUTURE_IN_PAST = frozenset({"would", "'d"})
#: Verbs whose object the relative clause makes, besides the lexicon's support verbs.
MAKING_VERBS = (BRINGING_ABOUT | word_set("pressing_verbs")) - word_set("negating_verbs")


def relative_mood(token: Any) -> tuple[str, str] | None:
    """("hypothetical" or "future", reason) when a relative clause on the nominal trigger makes it under a modal or a
    future; None otherwise."""
    for clause in token.children:
        if clause.dep_ not in ("relcl", "acl") or clause.pos_ != "VERB" or not _makes(clause, token):
            continue
        auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
        if any(a in HYPOTHETICAL_AUX and a not in FUTURE_IN_PAST for a in auxes):
            return "hypothetical", f"modal relative clause '{clause.text}'"
        if any(a in FUTURE_AUX for a in auxes):
            return "future", f"future relative clause '{clause.text}'"
    return None


def _makes(clause: Any, noun: Any) -> bool:
    """True when the relative clause's verb makes the noun's act and the noun is its object: an active clause with a
    subject of its own and no object ("the charges prosecutors could bring"), or a passive one ("talks that could be
    held")."""
    lemma = clause.lemma_.lower()
    if lemma not in MAKING_VERBS and not load_lexicon().is_light_verb(lemma):
        return False
    if presupposed(noun) and told_before(noun):
        return False
    deps = {c.dep_: c for c in clause.children}
    if "nsubjpass" in deps or "auxpass" in deps:
        return "dobj" not in deps
    subject = deps.get("nsubj")
    return subject is not None and subject.lower_ not in RELATIVE_PRONOUNS and "dobj" not in deps
