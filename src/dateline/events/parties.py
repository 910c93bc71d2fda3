"""Who did it and to whom: an event's parties from the dependency parse.

Verbal triggers: the subject is the actor (inherited through coordination, control and
relative clauses: "Turkey has said ... and has accused the West", "agreed to turn",
"it is Moscow that conducts"), the passive by-agent is the actor and the passive subject the
recipient, the direct object or a prepositional object the recipient. Nominal and adjectival
triggers are read by `dateline.events.parties_nominal`. Coordinated parties are all kept. The
result is token heads; `dateline.events.resolve` turns them into `Party` records using the
actor mentions of the actors stage.
"""

from __future__ import annotations

from typing import Any

from dateline.events.occasion import occasion_clause
from dateline.events.parties_companions import add_companions
from dateline.events.parties_complement import (
    REMOVAL_WORDS,
    add_amount_recipients,
    add_complement_recipients,
    add_destination,
    add_removal_source,
    amount_kinds,
    own_thing,
)
from dateline.events.parties_nominal import adjective_parties, noun_parties
from dateline.events.parties_participles import headline_subject, passive_inheritor, series_subject
from dateline.events.parties_syntax import (
    MEDIUM_NOUNS,
    MEETING_VERBS,
    NAME_MODIFIER_DEPS,
    NON_PARTY_HEADS,
    OBJECT_RECIPIENT_PREPS,
    PERSONAL_PRONOUNS,
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    SKIP_DEPS,
    SPEECH_NOUNS,
    PartyTokens,
    clause_antecedent,
    converse,
    converse_parties,
    coordinated_passive,
    hyphened_agent,
    is_named,
    let_act,
    object_nouns,
    participle,
    reduced_passive_subject,
    shared_object,
    verb_subject,
    with_conjuncts,
)
from dateline.syntax import passive_agent
from dateline.words import word_class, word_set

__all__ = ["NAME_MODIFIER_DEPS", "NON_PARTY_HEADS", "PERSONAL_PRONOUNS", "RELATIVE_PRONOUNS", "SKIP_DEPS",
           "SPEECH_NOUNS", "PartyTokens", "demand_parties", "trigger_parties", "verb_parties", "with_conjuncts"]

#: Relative pronouns of a thing ("legislation that", "a resolution which"), not of a person ("who").
THING_RELATIVES = frozenset({"that", "which"})
#: Verbs whose object is told to do what their infinitive says: that object is addressed.
ADDRESSING_VERBS = word_set("addressing_verbs")
#: Prepositions naming whom a verb's object is handed on to ("sent troops to Mali").
GOAL_PREPS = word_class("prepositions", "hand-on")
#: Prepositions naming whom a thing is aimed at ("fired at", "imposed on", "used against").
AIMED_PREPS = word_class("prepositions", "aimed-at")
#: Entity labels of a time ("on Friday", "at dawn"): an aimed phrase of the verb names no target.
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def verb_parties(verb: Any) -> PartyTokens:
    """Actor and recipient heads of a verbal trigger."""
    if converse(verb):
        return converse_parties(verb, verb_subject(verb))
    found = PartyTokens()
    backer = hyphened_agent(verb)
    if backer is not None:  # "Iran-backed militias": Iran backs the militias
        found.actors.append(backer)
        found.recipients.extend(with_conjuncts(verb.head))
        found.patterns.append(f"name joined to '{verb.text}' (does it to the noun it modifies)")
        return found
    subject, how = verb_subject(verb)
    passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and passive_subject is None and (series := series_subject(verb)) is not None:
        subject, how = series, f"subject of '{series.head.text}' (the verb before it in a series)"
    undergoer = reduced_passive_subject(verb) or passive_inheritor(verb, subject, how)
    if undergoer is not None:  # "If convicted, Dr Murray could ...", "X is to be released": done to X, not by X
        subject, passive_subject = None, undergoer
        found.patterns.append(f"subject of '{verb.head.text}' (the passive clause is done to it)")
    agent = passive_agent(verb)
    if agent is None and _stance_participle(verb):
        holder = passive_subject if passive_subject is not None else _copula_subject(verb)
        if holder is not None:
            subject, how, passive_subject = holder, "subject of a stance ('is opposed to')", None
    shared_subject, shared_agent = coordinated_passive(verb, subject, passive_subject, agent)
    if shared_subject is not None:
        passive_subject = shared_subject
        found.patterns.append(f"passive subject of '{shared_subject.head.text}' (coordinated passive)")
    if shared_agent is not None:
        agent = shared_agent
        found.patterns.append(f"by-agent of '{shared_agent.head.head.text}' (coordinated passive)")
    host = _host_asking(verb) if agent is None and passive_subject is not None else None
    if host is not None:  # "the envoy was asked to meet the king": the king asks him
        found.actors.extend(with_conjuncts(host))
        found.patterns.append(f"object of '{host.head.text}' (the host one is asked to meet)")
    if agent is not None:
        found.actors.extend(with_conjuncts(agent))
        found.patterns.append("passive by-agent")
    if passive_subject is not None:
        if passive_subject.lower_ in RELATIVE_PRONOUNS:
            passive_subject = clause_antecedent(passive_subject.head)  # the verb, or the conjunct it is shared from
        if passive_subject is not None:
            found.recipients.extend(with_conjuncts(passive_subject))
            found.patterns.append("passive subject")
            if _aimed_thing(verb, passive_subject):  # "tear gas was fired at protesters": the gas is no party
                found.weak.update(t.i for t in with_conjuncts(passive_subject))
    elif _passive_modifier(verb):
        found.recipients.extend(with_conjuncts(verb.head))  # "the diplomats being expelled"
        found.patterns.append("noun the passive participle modifies")
    if subject is not None and agent is not None and how != "subject":
        found.recipients.extend(with_conjuncts(subject))  # "Backed by Russia, Assad ...": Assad is backed
        found.patterns.append(f"{how} (passive participle)")
    elif subject is not None:
        found.actors.extend(with_conjuncts(subject))
        found.patterns.append(how)
    _add_objects(verb, found)
    add_companions(verb, found)  # "criticised China, along with Peru"
    # Recipients the verb's own objects did not give, looked for in turn until one is found: (finder, whether even a
    # named one is weak, what the pattern says).
    fallbacks = ((let_act, False, "subject of '{}' (let, made or told to act)"),
                 (shared_object, True, "object of '{}' (shared by the coordinated verbs)"),
                 (_alleged_actor, False, "actor of the alleged '{}' (the accused)"))
    for find, named_weak_too, pattern in fallbacks:
        head = find(verb) if not found.recipients else None
        if head is not None:
            heads = with_conjuncts(head)
            found.recipients.extend(heads)
            found.weak.update(t.i for t in heads if named_weak_too or not is_named(t))
            found.patterns.append(pattern.format(head.head.text))
    return found


#: Verbs of going to see someone: whom a passive request to do them names is who asks ("was invited to visit X").
GUEST_VERBS = frozenset({"meet", "visit"})


def _host_asking(verb: Any) -> Any | None:
    """"Shell's head was asked to see the premier at once", "the envoy was summoned to meet the minister", "was
    invited to visit Beijing": a passive verb of asking (`addressing_verbs`) with no by-agent whose infinitive is a
    visit or a meeting (`GUEST_VERBS`) is asked by whom that infinitive's object names, the one to be met; None
    for any other verb, or when the infinitive has no object ("was asked to meet soon")."""
    if verb.lemma_.lower() not in ADDRESSING_VERBS:
        return None
    visit = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in GUEST_VERBS), None)
    return next((c for c in visit.children if c.dep_ == "dobj"), None) if visit is not None else None


#: Participles that name a stance their subject holds towards a "to" phrase ("is opposed to", "committed to").
STATIVE_PARTICIPLES = word_set("stative_participles")


def _stance_participle(verb: Any) -> bool:
    """"Chile is opposed to Swedish arbitration", "Iran remains committed to the deal": a passive participle of a
    stance verb (`stative_participles`) with a "to" phrase and no agent is a state its subject is in, and that
    subject holds the stance; "the plan was opposed" (no "to" phrase) is still done to the plan."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and verb.tag_ == "VBN" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _copula_subject(verb: Any) -> Any | None:
    """"Russia was strongly opposed to the strikes": the subject of the copula a participle complements."""
    if verb.dep_ != "acomp" or verb.head.pos_ not in ("AUX", "VERB"):
        return None
    return verb_subject(verb.head)[0]


#: Verbs of saying coded as accusations: the actor of the clause they report is the accused.
ALLEGATION_VERBS = word_set("allegation_verbs")


def _alleged_actor(verb: Any) -> Any | None:
    """"Russia alleged that Ukrainian forces shelled the town": who the reported clause of an allegation verb
    (`allegation_verbs`) says acted, its subject or passive by-agent ("that the town was shelled by Ukrainian
    forces"); None for any other verb or no such clause, or when a pronoun names the actor ("claimed that its
    forces captured", "claimed it had won": a claim for oneself)."""
    if verb.lemma_.lower() not in ALLEGATION_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return None
    agent = passive_agent(clause)
    actor = agent or next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if actor is None or actor.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in actor.children):
        return None  # "Russia claimed that its forces captured the town": a claim for oneself accuses no one
    return actor


def _passive_modifier(verb: Any) -> bool:
    """"the 60 diplomats being expelled", "protesters arrested on Friday": a passive participle
    modifying a noun says what was done to that noun; not a verb the parser hung on its own subject
    (`parties_participles.headline_subject`: "Nurses from two groups donated ...")."""
    return verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and participle(verb) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children) and headline_subject(verb) is None


def _add_objects(verb: Any, found: PartyTokens) -> None:
    """Direct, indirect and prepositional objects as recipients.

    Objects that are not named entities are weak: they stay only if an actor mention resolves
    them, so "sent arms to Pakistan" keeps Pakistan and drops the arms.
    """
    if any(t.i not in found.weak for t in found.recipients):
        return
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and not (own_thing(child) and not _controls_complement(verb)):
            heads = [h for o in object_nouns(child) for h in with_conjuncts(o)]
            found.weak.update(t.i for t in heads if not is_named(t))
            found.recipients.extend(heads)
            found.patterns.append("direct object" if child.dep_ == "dobj" else "indirect object")
            if child.dep_ == "dobj" and not is_named(child):
                _add_object_preps(child, found)  # "granted asylum to X", "shared evidence with X"
                _add_object_clause(child, found)  # "passed legislation that would block X"
        elif _verb_prep(child):
            for prep in [child, *(c for c in child.children if _verb_prep(c) and c.dep_ == "conj")]:
                if prep.lower_ in RECIPIENT_PREPS and not _medium_or_occasion(verb, prep):
                    _add_prep_object(prep, found, f"'{prep.lower_}' object")
        if child.dep_ == "dobj" and verb.lemma_.lower() in MEETING_VERBS:
            found.partners.update(t.i for t in with_conjuncts(child))  # "Erdogan met Putin"
    _mark_themes(verb, found)


def _aimed_thing(verb: Any, passive_subject: Any) -> bool:
    """"Live rounds were fired at the crowd", "sanctions were imposed on Iran": an unnamed passive subject with an
    "at"/"on"/"against" object on its verb is the thing aimed, and the object whom it is aimed at, as in the active
    "fired live rounds at the crowd"; the subject then stays a party only if an actor mention covers it. A pronoun
    ("he was confined at home") stands for someone, never for a thing aimed."""
    return not is_named(passive_subject) and passive_subject.pos_ != "PRON" and any(
        c.dep_ == "prep" and c.lower_ in AIMED_PREPS and any(
            g.dep_ == "pobj" and g.ent_type_ not in TIME_ENTITIES for g in c.children) for c in verb.children)


def _verb_prep(child: Any) -> bool:
    """A prepositional phrase of the verb: its own, or one coordinated with another of its phrases, which the
    parser hangs as a conjunct on the verb or on that phrase ("hurled stones inside the compound and at the police")."""
    return child.dep_ == "prep" or (child.dep_ == "conj" and child.pos_ == "ADP")


def _mark_themes(verb: Any, found: PartyTokens) -> None:
    """"sent troops to Mali", "is providing military intelligence to Macedonia", "gave Iraq a grant": a direct
    object handed on to someone the verb also names (a "to" phrase or an indirect object) is what is given, not
    whom the act is aimed at; `party_records` drops it where it is the actor's own."""
    goals = [c for c in verb.children if c.dep_ in ("dative", "iobj") or (
        c.dep_ == "prep" and c.lower_ in GOAL_PREPS and any(g.dep_ == "pobj" for g in c.children))]
    if goals:
        found.themes.update(t.i for c in verb.children if c.dep_ == "dobj" for t in with_conjuncts(c))


def _medium_or_occasion(verb: Any, prep: Any) -> bool:
    """"denied on state-run television", "the meeting at which member states agreed": a phrase naming the
    medium the act is said in (`medium_nouns`) or the occasion of its relative clause says how or where it
    happened, not whom it is aimed at."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in MEDIUM_NOUNS for o in objects):
        return True
    return occasion_clause(verb) and any(o.lower_ == "which" for o in objects)


def _add_object_preps(obj: Any, found: PartyTokens) -> None:
    """The "to"/"for"/"with" phrases of an object, or of the kind an amount object is given in ("lent 300m yen
    in food aid to Chad": `amount_kinds`)."""
    for holder in [obj, *amount_kinds(obj)]:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in OBJECT_RECIPIENT_PREPS:
                _add_prep_object(prep, found, f"'{prep.lower_}' object of the object")


def _add_object_clause(obj: Any, found: PartyTokens) -> None:
    """"passed legislation that would block BP", "adopted a resolution which condemns Israel": a measure
    that is the subject of its relative clause does to that clause's object what the act does ("arrested
    men who attacked the police": a person's clause says what he did, not what was done to him)."""
    for clause in obj.children:
        if clause.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in THING_RELATIVES
                                             for c in clause.children):
            continue
        heads = [h for c in clause.children if c.dep_ == "dobj" for h in with_conjuncts(c)]
        if heads:
            found.recipients.extend(heads)
            found.weak.update(t.i for t in heads)
            found.patterns.append(f"object of the clause '{clause.text}' on the object")


def _add_prep_object(prep: Any, found: PartyTokens, pattern: str) -> None:
    """The object of a preposition as a weak recipient ("with" objects are partners too)."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if not objects:
        return
    heads = with_conjuncts(objects[0])
    found.recipients.extend(heads)
    found.weak.update(t.i for t in heads)
    found.patterns.append(pattern)
    if prep.lower_ == "with":
        found.partners.update(t.i for t in heads)


def _controls_complement(verb: Any) -> bool:
    """"requested his party to freeze the debate", "ordered its troops to withdraw": an object that
    is told to do what the infinitive says is the one addressed, even when the actor owns it
    ("mobilised its forces to attack" is not: mobilising addresses no one)."""
    if verb.lemma_.lower() not in ADDRESSING_VERBS:
        return False
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in verb.children)


def trigger_parties(token: Any, reciprocal: bool = False) -> PartyTokens:
    """Party heads of any trigger token."""
    if token.pos_ in ("VERB", "AUX"):
        found = verb_parties(token)
    elif token.pos_ == "ADJ":
        found = adjective_parties(token)
    else:
        found = noun_parties(token, reciprocal)
        add_amount_recipients(token, found)  # "$3 million in food aid for Chad"
        add_destination(token, found)  # "aid flowed into Iraq"
    if all(t.i in found.weak for t in found.recipients):
        add_complement_recipients(token, found)
    if token.lemma_.lower() in REMOVAL_WORDS:
        add_removal_source(token, found)
    return found


def demand_parties(speech_verb: Any, clause: Any) -> PartyTokens:
    """"X said Y must ...": X demands, Y is asked."""
    found = PartyTokens()
    speaker, how = verb_subject(speech_verb)
    if speaker is not None:
        found.actors.extend(with_conjuncts(speaker))
        found.patterns.append(f"speaker ({how})")
    addressee, _ = verb_subject(clause)
    if addressee is not None:
        found.recipients.extend(with_conjuncts(addressee))
        found.patterns.append("subject of the demanded clause")
    return found
