"""The states a generic agent's act is done to, which never say where the agent belongs.

"Foreign Minister Ana Ruiz criticised Japan": a minister no dictionary knows was placed by the nearest country, and
the nearest country was the state she criticised. A state (a country's name, not a town) named as the direct
object of an agent's act (or the subject of its passive, "Japan was criticised by the minister") is the other side
of that act: no state's minister criticises, warns or sanctions the state itself, so it is the one country the
agent is known not to be from. It is left out of the agent's context, and the article's main country does not
stand in for the agent when it is that state. `nearby.other_party_spans` already leaves out the named actors inside
the other arguments; this also drops the state's name read as a place, and reaches the main country. Verbs whose
object state is the agent's own ("represents Japan", "defended Israel", "left Egypt": `own_state_verbs.txt`) keep
it. A town the act is done to ("separatists shelled Donetsk") still places the agents.
"""

from __future__ import annotations

from typing import Any

from dateline.actors.nearby import CountryMention, verb_done_by
from dateline.model import Actor, Document
from dateline.words import word_class, word_set

#: Dependencies of the arguments the act is done to.
COUNTERPART_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
#: Verbs whose object state is the subject's own.
OWN_STATE_VERBS = word_set("own_state_verbs")
#: Words before "with" that add companions to the object ("along with", "together with").
ALONGSIDE = word_class("prepositions", "alongside")


def counterpart_tokens(doc: Document, actor: Actor) -> list[Any]:
    """The head tokens of the arguments the agent's act is done to (and of their conjuncts: "criticised China,
    along with Peru"); empty unless the agent is the subject, or the passive "by" agent, of a verb."""
    if actor.token_end is None or doc.parsed is None:
        return []
    head = doc.parsed[actor.token_end - 1]
    verb = verb_done_by(head)
    if verb is None or verb.lemma_.lower() in OWN_STATE_VERBS:
        return []
    found = [child for child in verb.children if child.dep_ in COUNTERPART_DEPS and child.i != head.i]
    if found:  # "criticised China, along with Peru": the companions of the object are done the same
        found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ALONGSIDE and c.i > head.i
                  for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
                  for g in w.children if g.dep_ == "pobj"]
    for token in list(found):
        found.extend(c for c in token.subtree if c.dep_ == "conj" and _conjunct_of(c, token))
    return found


def _conjunct_of(token: Any, first: Any) -> bool:
    """Whether `token` hangs from `first` by a chain of conjunctions (and appositions of them)."""
    current = token
    while current.i != first.i:
        if current.dep_ not in ("conj", "appos") or current.head.i == current.i:
            return False
        current = current.head
    return True


def counterpart_mentions(doc: Document, actor: Actor, mentions: list[CountryMention]) -> list[CountryMention]:
    """The country mentions (as actor or as place) that name a state the agent's act is done to: a country's name
    (a GeoNames `PCL*` place); a town the act is done to ("separatists shelled Donetsk") is where the agents are,
    often their own country's."""
    tokens = [t for t in counterpart_tokens(doc, actor) if _names_a_state(doc, t)]
    if not tokens:
        return []
    return [m for m in mentions if any(m.start <= t.idx < m.start + len(m.text) for t in tokens)]


def _names_a_state(doc: Document, token: Any) -> bool:
    """Whether a place of the places stage that names a country (GeoNames `PCL*`) covers the token."""
    return any(p.start <= token.idx < p.end and (p.feature_code or "").startswith("PCL") for p in doc.places)
