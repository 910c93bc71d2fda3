"""Places of a clause a generic agent asks another party to act in, which do not place the agent.

"Kenyan MPs met on Monday. Lawmakers demanded the cabinet close the embassy in Libya": the clausal complement of
the lawmakers' verb has a subject of its own, so the places named in it are where that other party is to act, not
where the lawmakers belong (they were placed in Libya, as party sample 2122's were placed in Cuba by a camp
there). `nearby.other_party_spans` already keeps the named actors of such a clause off the agent; this keeps its
places off too. A reporting verb's clause is left alone ("officials said a bomb exploded in Baghdad" is most often
told by the place's own officials), and so is a clause whose subject is a pronoun ("police said they arrested ...":
often the agent itself).

Measured and not kept (BENCHMARKS.md, "Parties 2, twenty-first session"): the mirror of `other_party_spans`, the
doer of an act done to the agent not placing it ("Turkish officers trained the rebels"); a state acts on its own
people as often ("the emir dismissed his cabinet and appointed a premier"; "the Chilean government ended the hunt
for miners"), and events-gold lost parties.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Actor, Document
from dateline.words import word_set

#: Verbs that report speech (lemmas): their clause is told, not asked of another party.
REPORTING_VERBS = word_set("reporting_verbs")
#: Dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependencies of a clause a verb takes as its argument.
CLAUSE_DEPS = frozenset({"ccomp"})
#: Parts of speech of a subject that names a party ("the White House", "officials"), not a pronoun.
NAMING_POS = frozenset({"NOUN", "PROPN"})


def asked_clause_spans(doc: Document, actor: Actor) -> list[tuple[int, int]]:
    """Character spans of the clausal complements, with a subject of their own that names someone else, of the
    verb a generic agent is the subject of ("lawmakers demanded the cabinet close the embassy in Libya"):
    where another party is asked or expected to act. Empty for a reporting verb ("officials said a bomb exploded
    in Baghdad") and for a clause whose subject is a pronoun ("police said they arrested ...")."""
    if actor.token_end is None or doc.parsed is None:
        return []
    head = doc.parsed[actor.token_end - 1]
    if head.dep_ != "nsubj" or head.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = head.head
    if verb.lemma_.lower() in REPORTING_VERBS:
        return []
    spans = []
    for clause in verb.children:
        if clause.dep_ not in CLAUSE_DEPS or _within(head, clause):
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ in NAMING_POS:
            last = clause.right_edge
            spans.append((clause.left_edge.idx, last.idx + len(last.text)))
    return spans


def _within(token: Any, top: Any) -> bool:
    """Whether `token` lies in the subtree of `top`."""
    return top.left_edge.i <= token.i <= top.right_edge.i
