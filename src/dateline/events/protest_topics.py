"""A protest's topic is the protest: the demand, support or criticism a demonstration voices is no second event.

PLOVER's manual (PROTEST, "Potential ambiguities") says that within a text describing a protest the *topic* of the
protest, typically a REQUEST, is not coded as a separate event (only the discrete acts that moved people to protest
are), and (REQUEST) that demands which take the form of demonstrations are coded PROTEST. The cold news rounds
label so too ("the topic of a protest NONE"). The coder read each trigger alone, so one demonstration told with its
message ("marched to demand the release", "a rally in which people were supporting the president", "demonstrating
in support of", "staged a sit-in calling for") was shown twice: a PROTEST and a REQUEST, SUPPORT or ACCUSE beside it.

`drop_protest_topics` runs on the verified mentions, before the grouping: a mention of a topic type whose trigger
the parse ties to a PROTEST mention of its sentence as that protest's purpose, manner or content is dropped, when the
protest is read at least as surely (else the protest may be the misreading, and the topic is kept). The tie
(`topic_protest`) climbs from the topic's trigger through

* a clause with no subject of its own that says why or how the protest was made: an infinitive of purpose or a
  participle of manner (`advcl`, `xcomp`: "protested to demand", "marched demanding"), or the same clause on a noun
  of protest (`acl`: "a demonstration asking for"; not a passive participle, "the protest condemned by", whose doer
  is another);
* a relative clause telling what was done at the protest ("a rally in which people were supporting", "a march that
  called for"); not one whose relative word is the object ("the protest that the minister condemned": another act);
* a prepositional phrase of aim ("in support of", "for"); not of cause or reaction ("against the arrests", "over",
  "after": PLOVER codes the acts that moved a protest);
* a conjunct of such a clause ("to show their anger and criticize the leaders"), never of the protest itself
  ("marched and demanded": two verbs, told as two acts);
* and, where the clause hangs on a verb that is no event of its own, that verb's object or place when it is the
  protest ("staged a protest demanding", "went to a demonstration asking for").

A demand told as the main act ("protesters have called for", "demanded by demonstrators in recent protests") is no
topic clause of a protest act and stays an event, as events-gold codes it.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Document, Event
from dateline.words import word_class, word_set

__all__ = ["PROTEST", "TOPIC_TYPES", "drop_protest_topics", "topic_protest"]

PROTEST = "PROTEST"
#: The types a protest's message is read as: a demand, backing, criticism or refusal voiced by demonstrating.
TOPIC_TYPES = frozenset({"REQUEST", "SUPPORT", "ACCUSE", "REJECT"})
#: Clauses that say why or how an act was done when they have no subject of their own.
AIM_CLAUSES = frozenset({"advcl", "xcomp"})
#: Prepositions of aim: what a protest is for ("in support of", "rallied for"), not what moved it ("against", "over").
AIM_PREPS = frozenset({"in", "for"})
#: Prepositions that place a protest a verb names ("went to a demonstration", "took part in a rally").
PLACE_PREPS = word_class("prepositions", "joining")
#: Relative words: the shared relative pronouns, and "where", which opens a relative clause of place.
RELATIVE_WORDS = word_set("relative_pronouns") | {"where"}
#: Subordinators whose clause is background, not the protest's aim ("after", "because", "when").
BACKGROUND_MARKS = word_set("background_markers") | word_class("prepositions", "background")
#: How far up the parse a topic may sit from its protest (a conjunct, clause, preposition, its object, the protest).
MAX_STEPS = 5


def drop_protest_topics(doc: Document) -> Document:
    """Leave out of `doc.events` each mention that tells the topic of a protest mention of its sentence read at least
    as surely (`topic_protest`): PLOVER codes the protest, not its message as a second event."""
    if doc.parsed is None or not any(e.type == PROTEST for e in doc.events):
        return doc
    tokens = {t.idx: t for t in doc.parsed}
    triggers = [(event, _trigger_token(event, tokens)) for event in doc.events]
    protests: dict[int, Event] = {}
    for event, token in triggers:
        if event.type == PROTEST and token is not None:
            best = protests.get(token.i)
            protests[token.i] = event if best is None or event.confidence > best.confidence else best
    acts = frozenset(token.i for _, token in triggers if token is not None)
    kept = []
    for event, token in triggers:
        protest = None
        if event.type in TOPIC_TYPES and token is not None:
            protest = topic_protest(token, frozenset(protests), acts)
        if protest is not None and protests[protest.i].confidence >= event.confidence:
            continue
        kept.append(event)
    doc.events = kept
    return doc


def _trigger_token(event: Event, tokens: dict[int, Any]) -> Any | None:
    start = event.evidence.trigger_start
    return None if start is None else tokens.get(start)


def topic_protest(token: Any, protests: frozenset[int], acts: frozenset[int] = frozenset()) -> Any | None:
    """The protest trigger (a token whose index is in `protests`) whose purpose, manner or message `token` tells,
    or None (the ties are in the module's docstring). `acts` are the sentence's other triggers: a verb among them is
    an act of its own, whose object may be a protest it acts on ("condemned the protest, demanding an inquiry")."""
    current = token
    for _ in range(MAX_STEPS):
        head = current.head
        if current.dep_ == "conj" and head.i != current.i and head.i not in protests:
            current = head  # "to show their anger and criticize": the conjunct shares its first conjunct's tie
            continue
        if head.i == current.i or not _aim_tie(current):
            return None
        if head.i in protests:
            return head
        if head.pos_ in ("VERB", "AUX"):
            if current.dep_ not in AIM_CLAUSES or head.i in acts:
                return None
            return _protest_named_by(head, protests)
        current = head
    return None


def _aim_tie(token: Any) -> bool:
    """Whether `token` hangs on its head as the aim, manner or message of what the head tells."""
    dep = token.dep_
    if dep in AIM_CLAUSES or dep == "acl":
        if _own_subject(token) or any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in token.children):
            return False
        return not (dep == "acl" and token.tag_ == "VBN")
    if dep == "relcl":
        return _relative_as_doer_or_place(token)
    if dep == "prep":
        return token.lower_ in AIM_PREPS
    return dep == "pobj" and token.head.dep_ == "prep"


def _own_subject(clause: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def _relative_as_doer_or_place(clause: Any) -> bool:
    """"a march that called for", "a rally in which people supported": the relative word is the doer or the
    place; "the protest that the minister condemned" (the object) tells another's act."""
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in RELATIVE_WORDS:
            return child.dep_ == "nsubj"
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in RELATIVE_WORDS for g in child.children):
            return True
        if child.dep_ == "advmod" and child.lower_ == "where":  # "a rally where speakers demanded"
            return True
    return False


def _protest_named_by(verb: Any, protests: frozenset[int]) -> Any | None:
    """The protest a verb that is no event of its own takes as object or place ("staged a protest", "went to a
    demonstration"), or None."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in protests:
            return child
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            found = next((g for g in child.children if g.dep_ == "pobj" and g.i in protests), None)
            if found is not None:
                return found
    return None
