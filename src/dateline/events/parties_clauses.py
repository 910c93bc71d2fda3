"""Recipients named only in a clause around the act: whom a rejection answers, whom a threat is aimed at.

A conditional threat is aimed at whom its condition names: "Israel threatened to ban voting if
Hamas ran", "Russia threatened to stop the talks if the United States deployed the missiles",
"inhabitants threatened a strike unless Israel rescinded the annexation".

A rejection answers the one who made the charge, claim or proposal it rejects.

"Chile accuses Peru of a role in the raid, which Peru denies", "The premier has blamed
the Peruvian army for the raid, a charge denied by Lima", "a plan that Israel
rejected": a rejection written as a relative clause (or a participle) on what it rejects names
its recipient only there, as the subject of the clause that made the charge or the proposal.
The clauses above the rejected noun are climbed until a subject resolves to an actor of another
country than the rejecting one ("the Russian government was involved" is what Russia denies,
not who said it; "Britain says" is). A rejection written as a concessive clause answers the main
clause: "a raid the Chilean government has blamed on Peru, although Lima denies any
involvement" is Peru rejecting the Chilean government.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.model import Party
from dateline.words import word_set

#: Dependencies of a rejection on the noun it rejects ("a charge that Russia denies", "a charge
#: denied by the Kremlin", "the case, which Russia denies").
CLAUSE_ON_NOUN = frozenset({"relcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How many clauses above the rejected noun are searched for the one who made it.
CLIMB = 4
#: Subordinators of a clause that concedes what the main clause says ("although Moscow denies").
CONCESSIVE_MARKS = word_set("concessive_marks")
#: Subordinators of a condition ("if Hamas ran", "unless Israel rescinded").
CONDITION_MARKS = frozenset({"if", "unless"})


def rejected_claimant(trigger: Any, actors: list[Party],
                      resolve_head: Callable[[Any], list[Party]]) -> list[Party]:
    """The parties who made what `trigger` rejects, or [] if the sentence does not say.

    `resolve_head` turns a subject token into parties (the events stage's `resolve`)."""
    own = {p.country for p in actors if p.country}
    if not own:
        return []
    if trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS for c in trigger.children):
        return _main_clause_claimant(trigger, own, resolve_head)
    if trigger.dep_ not in CLAUSE_ON_NOUN or trigger.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    clause = trigger.head
    for _ in range(CLIMB):
        clause = _governing_verb(clause)
        if clause is None:
            return []
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        found = [p for p in resolve_head(subject) if p.country] if subject is not None else []
        if found and not {p.country for p in found} & own:
            return found
    return []


def _main_clause_claimant(trigger: Any, own: set[str], resolve_head: Callable[[Any], list[Party]]) -> list[Party]:
    """"a raid that the Chilean government has blamed on Peru, although Lima denies any
    involvement": a rejection conceded to a main clause answers the nearest subject there that
    resolves to another country than the rejecting one."""
    inside = {t.i for t in trigger.subtree}
    subjects = [t for t in trigger.head.subtree if t.dep_ == "nsubj" and t.i not in inside]
    for subject in sorted(subjects, key=lambda t: abs(t.i - trigger.i)):
        found = [p for p in resolve_head(subject) if p.country]
        if found and not {p.country for p in found} & own:
            return found
    return []


def _governing_verb(token: Any) -> Any | None:
    """The nearest verb above a token."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def threatened_party(trigger: Any, actors: list[Party], resolve_head: Callable[[Any], list[Party]]) -> list[Party]:
    """The parties the condition of a threat names as its subject ("... if Hamas ran"), other than
    the threatener; searched on the trigger and on the act it threatens ("threatened to ban ...")."""
    own = {(p.name, p.start) for p in actors}
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                                 for c in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            found = [p for p in resolve_head(subject) if p.country] if subject is not None else []
            found = [p for p in found if (p.name, p.start) not in own]
            if found:
                return found
    return []
