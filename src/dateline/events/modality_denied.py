"""Acts a sentence denies with no negator on their own clause: the alternative set aside and the content of absent
evidence.

* "fines rather than criminal charges", "sit-ins instead of attacks", "stopped short of sanctions": what "rather
  than", "instead of" or "stop short of" sets aside was not done (`set_aside`; with a gerund, its object too:
  "stopped short of imposing a curfew");
* "found no evidence that the militia had abducted anyone", "no sign that troops withdrew": the content clause of a noun
  of evidence that "no" denies did not happen as far as the text says (`unfounded`); "no doubt that ..." is a fact.

Each test returns the reason for `dateline show` (None when the act is not denied); `events.modality` makes it a
negation.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

#: Verbs that with "short of" leave the act undone ("stopped short of sanctions", "fell short of a ceasefire").
STOPPING_SHORT = frozenset({"stop", "fall"})
#: Nouns of evidence whose content clause "no" denies ("no evidence that ...").
EVIDENCE_NOUNS = word_set("evidence_nouns")


def set_aside(token: Any) -> str | None:
    """Why a trigger is the alternative "rather than" or "instead of" sets aside: the second conjunct of "X rather
    than Y" (the parser joins Y to X with "than" as its conjunction), or the object of "instead of" / "rather than"
    as prepositions ("instead of attacks", "rather than attacking")."""
    if token.dep_ == "conj":
        than = [c for c in token.head.children if c.dep_ == "cc" and c.lower_ == "than" and c.i < token.i]
        if any(_rather(c) for c in than):
            return "'rather than' before the trigger"
    head = token.head
    if token.dep_ in ("pobj", "pcomp") and head.lower_ in ("of", "than") and _rather(head):
        return f"'{_adverb(head)} {head.text}' before the trigger"
    if token.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and head.head.lower_ == "short" \
            and head.head.head.lemma_.lower() in STOPPING_SHORT:
        return f"'{head.head.head.text} short of' before the trigger"  # "stopped short of criticising the king"
    return None


def unfounded(clause: Any) -> str | None:
    """Why a clause is the content of evidence denied: a clause on a noun of evidence that "no" determines ("found no
    evidence that the militia had abducted anyone")."""
    noun = clause.head
    if clause.dep_ not in ("acl", "ccomp") or noun.lemma_.lower() not in EVIDENCE_NOUNS:
        return None
    if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in noun.children):
        return f"content of 'no {noun.text}'"
    return None


def _rather(word: Any) -> bool:
    return _adverb(word) is not None


def _adverb(word: Any) -> str | None:
    """"rather" before "than", "instead" before "of": the adverb that makes the word set something aside."""
    wanted = {"than": "rather", "of": "instead"}.get(word.lower_)
    found = [c for c in word.children if c.dep_ == "advmod" and c.lower_ == wanted]
    if found:
        return found[0].text
    before = word.doc[word.i - 1] if word.i > 0 else None
    return before.text if before is not None and before.lower_ == wanted else None
