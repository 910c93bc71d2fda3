"""Who did a state act the sentence leaves without an agent, when the story says so nearby (read by
`events.targets.implicit_state_actor`).

Only acts that a state alone does to a person (`state_agencies`: arrest, detain, charge, expel ...) and only two
sources, both the story's own words, so that a wrongly filled party (worse than an empty one) stays rare:

* the police or justice body that reports the act in its own sentence: "Two men were arrested on Friday, police
  said", "have been captured, according to a news release from the Sheriff's Office" (a body of another branch
  reports what others did: "three Dutch reporters detained, Dutch Foreign Ministry says" is Egypt's arrest);
* the actor of the nearest earlier act of the same branch of the state (a capture and an arrest are both the
  police's), a state body, in the same paragraph and at most
  `THREAD_SENTENCES` sentences before: "The suspects were caught by the Sheriff's Office. Both were
  arrested on Elm Street." (the second telling of one happening, or the next step of one operation).

Each party's entry names its source (the reporting verb or phrase, or the earlier act and where it is), so
`dateline show` says why it was filled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from dateline.events.index import sentences_back
from dateline.events.parties_syntax import SPEECH_NOUNS, verb_subject, with_conjuncts
from dateline.model import Document, Event, Party
from dateline.words import word_class, word_map, word_set

#: Acts only a state does to a person, and the branch of the state that does them.
STATE_AGENCIES = word_map("state_agencies")
#: Branches of the state that make arrests, charges and sentences and say so themselves.
AGENCY_SECTORS = frozenset({"COP", "JUD"})
#: Sectors of the state bodies that arrest, detain, charge, sentence or expel (`state_agencies`): an earlier act's
#: actors must all have one to be taken up by a later agentless act. An intelligence service detains, a legislature
#: does none of these, so this is not `actors.refs.STATE_BODY_SECTORS` (a state's own bodies, "the ruling coalition").
ENFORCING_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
#: A blank line between two paragraphs (some outlets break every sentence onto its own line: no paragraph).
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
#: How many sentences back an earlier act of the same type may be.
THREAD_SENTENCES = 2
#: Documents a body issues ("a news release from the Sheriff's Office"): the source is their issuer.
ISSUED_THINGS = word_set("issued_documents") | SPEECH_NOUNS
#: Prepositions, inside a source phrase ("a news release from the Sheriff's Office"), naming who issued it.
ISSUER_PREPS = word_class("prepositions", "maker")

Resolver = Callable[[Any], list[Party]]


def reporting_agency(trigger: Any, resolve: Resolver) -> list[Party]:
    """The police or justice body (`AGENCY_SECTORS`) that reports `trigger`'s act in its sentence: the subject
    of the reporting verb above its clause ("..., the NYPD says") or the issuer named in an "according to"
    phrase on it ("according to police", "according to a statement from the prosecutor's office"); [] for any
    other reporter."""
    from dateline.events.parties_reported import reporting_verb  # it imports the verifier, which imports targets

    clause = _clause_of(trigger)
    reporter = reporting_verb(clause)
    heads: list[Any] = []
    how = ""
    if reporter is not None:
        speaker, _ = verb_subject(reporter)
        heads, how = (with_conjuncts(speaker), f"says so ('{reporter.text}')") if speaker is not None else ([], "")
    if not heads:
        source = _according_to(clause) or _according_to(trigger)
        heads, how = ([source], "is the source ('according to')") if source is not None else ([], "")
    agencies = [p for h in heads for p in resolve(h) if p.country and p.sector in AGENCY_SECTORS]
    return [replace(p, entry=f"{p.text or p.name!r} {how} of the agentless '{trigger.text}': {p.entry}")
            for p in agencies[:1]]


def _clause_of(trigger: Any) -> Any:
    """The verb whose clause holds the trigger: the first of coordinated verbs ("arrested and charged"), or
    the verb a nominal trigger is the subject or object of."""
    clause = trigger
    if clause.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("nsubj", "nsubjpass", "dobj"):
        clause = clause.head
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    return clause


def _according_to(holder: Any) -> Any | None:
    """The issuer an "according to" phrase on `holder` names: its object, or, when that is a statement or a
    release ("a news release from the Sheriff's Office"), whom the statement is from or by, or its owner."""
    for prep in holder.children:
        if prep.dep_ != "prep" or prep.lower_ != "according":
            continue
        source = next((g for to in prep.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"), None)
        if source is None:
            return None
        if source.lemma_.lower() in ISSUED_THINGS:
            issuer = next((g for p in source.children if p.dep_ == "prep" and p.lower_ in ISSUER_PREPS
                           for g in p.children if g.dep_ == "pobj"), None)
            owner = next((c for c in source.children if c.dep_ == "poss"), None)
            return issuer or owner
        return source
    return None


def same_act_agent(doc: Document, trigger: Any) -> list[Party]:
    """The actors of the nearest earlier factual event of the same act (`_same_act`) whose actors are all state
    bodies of one country (`ENFORCING_SECTORS`), in `trigger`'s paragraph and at most `THREAD_SENTENCES`
    sentences before it (`doc.events` holds the events coded so far, in text order); [] when there is none."""
    for event in reversed(_earlier_in_thread(doc, trigger)):
        at = event.evidence.trigger_start
        if not _same_act(doc, event, trigger) or event.negated or event.hypothetical or \
                not _state_bodies(event.actors):
            continue
        return [replace(p, entry=f"actor of the earlier '{event.evidence.trigger}' at {at} (the same act in the "
                                 f"paragraph, agentless here): {p.entry or p.name}") for p in event.actors]
    return []


def _earlier_in_thread(doc: Document, trigger: Any) -> list[Event]:
    """The events coded so far (`doc.events`, in text order) whose trigger is before `trigger`, in its paragraph
    and at most `THREAD_SENTENCES` sentences before its own."""
    lower, text = sentences_back(trigger, THREAD_SENTENCES).start_char, doc.article.text
    return [e for e in doc.events if e.evidence.trigger_start is not None and
            lower <= e.evidence.trigger_start < trigger.idx and
            not PARAGRAPH_BREAK.search(text, e.evidence.trigger_start, trigger.idx)]


def _same_act(doc: Document, event: Event, trigger: Any) -> bool:
    """Whether an earlier event is the same act: both its word and `trigger` are acts of one branch of the state
    (`state_agencies`: "captured" and "arrested" are both the police's, whatever type each was read as;
    "arrested" and "charged" are not; "said" is no act of a branch, even read as an accusation)."""
    start = event.evidence.trigger_start or 0
    earlier = doc.parsed.char_span(start, event.evidence.trigger_end or start, alignment_mode="expand")
    branches = STATE_AGENCIES.get(trigger.lemma_.lower()), \
        STATE_AGENCIES.get(earlier.root.lemma_.lower()) if earlier is not None else None
    return None not in branches and branches[0] == branches[1]  # "captured ... charged": police, then prosecutors


def _state_bodies(actors: list[Party]) -> bool:
    return bool(actors) and len({p.country for p in actors}) == 1 and actors[0].country is not None and \
        all(p.sector in ENFORCING_SECTORS for p in actors)



#: Acts that answer a request, and the type of the request they answer.
ANSWER_TYPES = frozenset({"REJECT", "CONCEDE"})
REQUEST = "REQUEST"


def answered_requester(doc: Document, trigger: Any, actors: list[Party], type_name: str) -> list[Party]:
    """"Okafor said he asked police to return the phone. He said the officers refused to do so": a
    refusal or concession (`ANSWER_TYPES`) that names no one it answers answers whoever asked its actor: the
    actors of the nearest earlier request, in the paragraph and at most `THREAD_SENTENCES` sentences before, one
    of whose recipients is of the answering actor's country and sector; [] when no such request is found."""
    if type_name not in ANSWER_TYPES or not actors:
        return []
    answering = {(p.country, p.sector) for p in actors if p.country}
    for event in reversed(_earlier_in_thread(doc, trigger)):
        if event.type != REQUEST or event.negated or not event.actors:
            continue
        if answering & {(p.country, p.sector) for p in event.recipients}:
            at = event.evidence.trigger_start
            return [replace(p, entry=f"who asked in the earlier '{event.evidence.trigger}' at {at} (asked "
                                     f"'{event.recipients[0].text or event.recipients[0].name}'): {p.entry or p.name}")
                    for p in event.actors]
    return []
