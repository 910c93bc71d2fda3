"""Parties of an accusation read from a reported clause: the speaker accuses, the clause's actor is accused.

"He said the mayor had sworn an oath to the cartel", "'these riots are being orchestrated by the local
authorities,' said a rights monitor": the lexicon reads the clause's own verb (swear, orchestrate)
and its parties (the mayor; the authorities). When the verifier re-types such a reading as ACCUSE, or the
learned detector proposes the ACCUSE, the act coded is the speaker's charge, so the parties of the
first reading no longer fit: the speaker is the accuser and whoever the clause says did it the accused.
A reading the lexicon itself types ACCUSE ("accused", "blamed") already has the accuser as its
subject and is left alone, and so is a trigger that is itself a reporting verb.

Any other re-typed reading gets the parties of its new type too (`reread_retyped_parties`): the lexicon
entry's pattern (its passive-actor rule, a meeting's co-actors) and the type's implicit actor and fallback
recipient belonged to the first type, so the generic finder reads the trigger again with the new type's
roles. A role the new reading leaves empty keeps the first reading's parties (minus any the new reading
puts in the other role): the two readings disagree only where both name someone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dateline.events.detect import RULE_PREFIX as DETECTOR_RULE
from dateline.events.lexicon import TriggerEntry
from dateline.events.parties import trigger_parties
from dateline.events.parties_syntax import PartyTokens, verb_subject, with_conjuncts
from dateline.events.party_records import RECIPROCAL_TYPES, party_records
from dateline.events.resolve import resolve
from dateline.events.verify import trigger_token
from dateline.model import Document, Event, Party
from dateline.syntax import passive_agent
from dateline.words import word_set

#: Verbs that report speech: the subject of one above the trigger's clause is the accuser.
REPORTING_VERBS = word_set("reporting_verbs")
#: The type whose parties are re-read.
ACCUSE = "ACCUSE"
#: How many clauses up from the trigger the reporting verb may be ("said it looks like X is orchestrating").
CLIMB = 4
#: Dependencies linking a clause to the verb that reports it (or, in '"...," X said', to the quote), and a
#: subject clause to its own ('"Imposing tariffs is a dead end," he said'); an adverbial clause only inside
#: what is reported ("He said the mayor had sworn an oath when he took office") or as what something "looks
#: like" ("though protesters stopped ..., Abdullah said" is not what he said).
REPORT_LINKS = frozenset({"ccomp", "parataxis", "xcomp", "conj", "csubj"})
SEEMING_MARKS = frozenset({"like"})
#: Dependencies of a nominal trigger on the verb whose clause it is part of.
NOUN_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def reread_reported_accusations(doc: Document) -> Document:
    """Re-read the parties of every ACCUSE that the verifier or the detector made of a reported clause."""
    if doc.parsed is None or not any(e.type == ACCUSE for e in doc.events):
        return doc
    doc.events = [_reread(doc, e) if e.type == ACCUSE and (_read_as_accusation(e) or not e.actors) else e
                  for e in doc.events]
    return doc


#: What the verifier adds to the rule of a reading it re-types ("re-typed COERCE (P=0.85)").
RETYPED = re.compile(r"; re-typed ([A-Z_]+) \(")
#: A demand read from "X said Y must ...": its parties are the speaker's and the addressee's for any type.
DEMAND_PATTERN = "parties: speaker ("
#: Verbs whose object is made to do what the verifier re-typed them as ("forced the president from office").
CAUSATIVE_VERBS = word_set("causative_verbs")
#: Acts a party is made to do: giving ground or giving in.
YIELDING_TYPES = frozenset({"RETREAT", "CONCEDE"})


def reread_retyped_parties(doc: Document) -> Document:
    """Give every reading the verifier re-typed the parties of its new type (see the module docstring)."""
    if doc.parsed is None:
        return doc
    doc.events = [_retyped_parties(doc, e) if _retyped(e) else e for e in doc.events]
    return doc


def _retyped(event: Event) -> bool:
    rule = event.evidence.rule or ""
    found = RETYPED.search(rule)
    return found is not None and found.group(1) == event.type and DEMAND_PATTERN not in rule


def _retyped_parties(doc: Document, event: Event) -> Event:
    """The event with the parties the generic finder reads for its type, noted in the rule if they changed."""
    from dateline.events.targets import implicit_protesters, implicit_state_actor

    token = trigger_token(event, doc.parsed)
    if token is None:
        return event
    type_name = event.type
    reciprocal = type_name in RECIPROCAL_TYPES
    generic = TriggerEntry(type=type_name, mode=None, cameo=None, contexts=(), rule="", reciprocal=reciprocal)
    made_to_yield = _made_to_yield(token, type_name)
    found = made_to_yield or trigger_parties(token, reciprocal)
    actors, recipients = party_records(doc, found, generic, type_name)
    # the first reading's roles, swapped for a causative: its object (the first recipient) is made to act
    first_actors, first_recipients = (event.recipients, event.actors) if made_to_yield else (event.actors,
                                                                                            event.recipients)
    actors = actors or implicit_state_actor(doc, token, recipients, type_name) \
        or implicit_protesters(doc, token, type_name) or _other_parties(first_actors, recipients)
    recipients = recipients or _other_parties(first_recipients, actors)
    if _keys(actors) == _keys(event.actors) and _keys(recipients) == _keys(event.recipients):
        return event
    note = (f"parties: re-read for the re-typed {type_name} (actors {_names(event.actors)} -> {_names(actors)}, "
            f"recipients {_names(event.recipients)} -> {_names(recipients)})")
    return replace(event, actors=actors, recipients=recipients,
                   evidence=replace(event.evidence, rule=f"{event.evidence.rule}; {note}"))


def _made_to_yield(token: Any, type_name: str) -> PartyTokens | None:
    """"The protests forced Tunisia's president from office", re-typed RETREAT: the president retreats, yielding
    to the protests. A causative verb (`causative_verbs`) re-typed as an act of yielding has its object (or passive
    subject) act and its subject (or by-agent) receive; None for any other trigger or type."""
    if type_name not in YIELDING_TYPES or token.pos_ != "VERB" or token.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    made = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if made is None:
        return None
    found = PartyTokens(actors=with_conjuncts(made),
                        patterns=[f"made to {type_name} by the causative '{token.text}' ({made.dep_})"])
    agent = passive_agent(token)
    maker, how = (agent, "by-agent") if made.dep_ == "nsubjpass" else verb_subject(token)
    if maker is not None:
        found.recipients.extend(with_conjuncts(maker))
        found.patterns.append(f"{how} of '{token.text}' (whom it yields to)")
    return found


def _keys(parties: list[Party]) -> set[tuple[str, int | None]]:
    return {(p.name, p.start) for p in parties}


def _names(parties: list[Party]) -> str:
    return ", ".join(p.name for p in parties) or "none"


def _read_as_accusation(event: Event) -> bool:
    """Whether ACCUSE is not the lexicon's own reading of the trigger: re-typed, or the detector's proposal.
    (The lexicon's own ACCUSE is re-read only when it names no accuser: "Britain says the investigation
    has shown ...": the speaker's investigation.)"""
    rule = event.evidence.rule or ""
    return f"re-typed {ACCUSE}" in rule or rule.startswith(DETECTOR_RULE)


def _reread(doc: Document, event: Event) -> Event:
    token = trigger_token(event, doc.parsed)
    if token is None or token.lemma_.lower() in REPORTING_VERBS:
        return event
    reporter = reporting_verb(token)
    if reporter is None:
        return event
    speaker, _ = verb_subject(reporter)
    accusers = [p for h in with_conjuncts(speaker) for p in resolve(doc, h)] if speaker is not None else []
    accusers = [p for p in accusers if p.country or p.entry]
    if not accusers:
        return event  # a speaker who names no one: keep what the clause said
    if _same_parties(event.actors, accusers):
        return event  # "Amnesty said it has documented ...": the first reading's actor is the speaker already
    accused = _other_parties(event.actors, accusers) if event.actors else event.recipients
    note = f"parties: speaker {speaker.text!r} of '{reporter.text}' accuses whom the reported clause names"
    rule = f"{event.evidence.rule}; {note}" if event.evidence.rule else note
    return replace(event, actors=accusers, recipients=accused, evidence=replace(event.evidence, rule=rule))


def _same_parties(parties: list[Party], accusers: list[Party]) -> bool:
    """Whether some party is one of the accusers (the same mention, or the same name)."""
    return len(_other_parties(parties, accusers)) < len(parties)


def _other_parties(parties: list[Party], accusers: list[Party]) -> list[Party]:
    """The parties that are not the accusers themselves (by mention, else by name)."""
    taken = {(p.name, p.start) for p in accusers} | {p.name for p in accusers}
    return [p for p in parties if (p.name, p.start) not in taken and p.name not in taken]


def reporting_verb(token: Any) -> Any | None:
    """The reporting verb whose reported clause holds `token`: up through clause links to a reporting
    verb ("He said the mayor had sworn"), or the reporting verb hanging on the quote ('"...," X said'). A noun
    starts from the verb it is an argument of ("Britain says the investigation has shown")."""
    current = token.head if token.pos_ == "NOUN" and token.dep_ in NOUN_ARGUMENTS else token
    for _ in range(CLIMB):
        for child in current.children:
            if child.dep_ in ("ccomp", "parataxis") and child.lemma_.lower() in REPORTING_VERBS and child.i != token.i:
                return child
        seeming = current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SEEMING_MARKS
                                                   for c in current.children)
        inside = current.dep_ == "advcl" and current.head.lemma_.lower() not in REPORTING_VERBS
        if (current.dep_ not in REPORT_LINKS and not seeming and not inside) or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in REPORTING_VERBS and current.pos_ == "VERB":
            return current
    return None
