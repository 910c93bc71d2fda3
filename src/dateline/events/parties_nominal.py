"""Parties of nominal and adjectival triggers.

Possessives and compounds are actors ("Moscow's support", "the Turkey-Russia deal"), "between"
and "among" list reciprocal actors ("a meeting between Erdogan and Putin"), "by" gives the
actor and "for/against/on/of/with" the recipient; a nominal trigger with no actor of its own
takes the subject of the support verb that governs it ("Moscow conducts air strikes": `parties_support`). An
adjective's actor is its copula's subject ("X is willing to send troops").
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.events.modality import answered_statement
from dateline.events.parties_claims import clause_doer, on_trial
from dateline.events.parties_support import add_support_verb_subject
from dateline.events.parties_syntax import (
    DIRECTING_VERBS,
    NOUN_ACTOR_PREPS,
    NOUN_RECIPIENT_PREPS,
    OBJECT_RECIPIENT_PREPS,
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    PartyTokens,
    clause_antecedent,
    converse,
    hyphened_agent,
    is_named,
    names_event,
    participle_agents,
    verb_subject,
    with_conjuncts,
)
from dateline.syntax import passive_agent
from dateline.words import word_set

#: Verbs that answer a request, offer or proposal: their subject is whom it was made to.
ANSWERING_VERBS = word_set("answering_verbs")
#: Types of nouns for what one party gives or addresses to another: their "from" phrase names the giver.
GIVEN_TYPES = frozenset({"REQUEST", "AID", "SUPPORT", "AGREE", "THREATEN", "ACCUSE", "PROTEST"})
#: Nouns of the place, time or run of an act ("the site of protests by X"): their "by" phrase is the act's doer.
SCENE_OF_NOUNS = word_set("scene_of_nouns")
#: Act nouns whose "of" object does the act ("the resignation of X"), not undergoes it ("the release of X").
DOER_OF_NOUNS = word_set("doer_of_nouns")
#: Verbs of being or coming into a state: under such a verb's "under" phrase the subject undergoes the act.
UNDER_STATE_VERBS = word_set("under_state_verbs")
#: Verbs that put someone into the state their "under" phrase names ("placed him under house arrest").
UNDER_PUTTING_VERBS = word_set("under_putting_verbs")


def noun_parties(noun: Any, reciprocal: bool = False) -> PartyTokens:
    """Actor and recipient heads of a nominal trigger, falling back on its support verb."""
    found = PartyTokens()
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            found.actors.append(child)  # "their first meeting": kept only if it resolves,
            found.weak.add(child.i)     # else the support verb's subject stands in
            found.patterns.append("possessive pronoun")
        elif child.dep_ == "poss":
            found.actors.extend(with_conjuncts(child))
            found.patterns.append("possessive")
        elif against_prefix(child):  # "anti-Mubarak demonstrations": against Mubarak, not by him
            if child.lower_ not in OPPOSING_PREFIXES and child.text != "-":
                found.recipients.append(child)
                found.patterns.append("'anti-' modifier (what it is against)")
        elif child.dep_ in ("compound", "amod", "nmod") and is_named(child):
            found.actors.extend(_compound_chain(child))
            found.patterns.append("modifier")
        elif hyphened_agent(child) is not None and child.lemma_.lower() in DIRECTING_VERBS:  # "the US-led offensive"
            found.actors.append(hyphened_agent(child))
            found.patterns.append(f"name joined to '{child.text}'")
        elif child.dep_ == "compound" and child.pos_ == "NOUN":
            found.actors.append(child)
            found.weak.add(child.i)
            found.patterns.append("noun modifier")
        elif child.dep_ == "prep" and child.lower_ == "from" and _given_by(noun):
            _add_giver(child, found)
        elif child.dep_ == "prep":
            _add_noun_prep(child, found)
    _add_clause_between(noun, found)
    _add_clause_object(noun, found)
    _add_state_under(noun, found)
    _add_put_under(noun, found)
    stray_by = None if found.actors else stray_by_agent(noun)
    if stray_by is not None:  # "lifted the siege of the city by insurgents": the insurgents besieged it
        found.actors.extend(with_conjuncts(stray_by))
        found.patterns.append(f"'by' agent hung on '{stray_by.head.head.text}' (the noun's own)")
    for agent in participle_agents(noun):  # "the demonstration staged by students"
        found.actors.extend(with_conjuncts(agent))
        found.patterns.append(f"'by' agent of '{agent.head.head.text}'")
    claimed, how = clause_doer(noun) if all(t.i in found.weak for t in found.actors) else (None, "")
    if claimed is not None:  # "IS claimed responsibility for the bombing", "nurses went on strike"
        found.actors.extend(with_conjuncts(claimed))
        found.patterns.append(how)
    accused, how = on_trial(noun) if all(t.i in found.weak for t in found.recipients) else (None, "")
    if accused is not None:  # "the former minister went on trial": tried, not trying; "a charge of fraud": content
        found.recipients = [*with_conjuncts(accused), *(t for t in found.recipients if t.i not in found.weak)]
        found.patterns.append(how)
        return found
    if all(t.i in found.weak for t in found.actors) and answered_statement(noun):
        _add_answerer(noun, found)  # "the company denies the charge": made against the company, not by it
    elif all(t.i in found.weak for t in found.actors) or _under_light_verb(noun):
        add_support_verb_subject(noun, found, reciprocal)
    elif not any(t.i not in found.weak for t in found.recipients):
        _add_answerer(noun, found)
    return found


#: Entity labels of a "by" object that is a time, an amount or a measure ("by Monday", "by 10 percent").
NON_AGENT_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})


def stray_by_agent(noun: Any) -> Any | None:
    """The doer of a nominal trigger whose "by" phrase the parser hung elsewhere: on the trigger's "of" object
    ("the arrest of the leader by police": not the leader's "by") or on the active verb whose object the trigger
    is ("lifted the siege of the city by insurgents", "condemned the arrest of X by Y": not the lifter's or the
    condemner's act). None when there is no such phrase, or its object is no party-like noun phrase: a time, an
    amount, a gerund, or a bare singular noun of means ("by force", "by phone", "by air"); nor when the "of"
    object is itself an act, whose own doer it names ("the risk of a strike by drones"), nor when the
    phrase is set off (`_set_off`). A noun of place, time or run (`scene_of_nouns`) whose "of" object the trigger
    is passes its "by" phrase on: "the site of protests by X"."""
    of_objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and not names_event(g)]
    hosts = of_objects[:1]
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is not None and holder.pos_ == "NOUN" and holder.lemma_.lower() in SCENE_OF_NOUNS:
        hosts.append(holder)  # "the site of protests by X": the protests' "by", hung on the site
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and not any(c.dep_ in ("nsubjpass", "auxpass")
                                                                 for c in verb.children):
        hosts.append(verb)
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ != "by" or prep.i < noun.i or _set_off(host, prep):
                continue
            agent = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if agent is not None and _party_like(agent):
                return agent
    return None


def _set_off(host: Any, prep: Any) -> bool:
    """Whether a "by" phrase may belong to something other than the nominal trigger: after a comma ("ended the
    occupation of his country, by democratic means": a manner adjunct) or after a noun coordinated with its host
    ("repair of the roads and work by volunteers": the work's')."""
    doc = host.doc
    return doc[prep.i - 1].is_punct or any(c.dep_ == "conj" and host.i < c.i < prep.i for c in host.children)


def _party_like(token: Any) -> bool:
    """A noun phrase that can name a doer: a name, a plural, or a noun with a determiner or modifier ("the navy",
    "government troops"); not a time or amount, a gerund, or a bare singular noun ("force", "phone")."""
    if token.ent_type_ in NON_AGENT_ENTITIES or token.tag_ == "VBG" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return is_named(token) or token.tag_ in ("NNS", "NNPS") or \
        any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children)


def _add_state_under(noun: Any, found: PartyTokens) -> None:
    """"The towns had been under siege for years by rebels", "the base came under attack": a nominal trigger in
    an "under" phrase of a verb of state (`under_state_verbs`) is done to that verb's subject, and a "by" phrase
    the parser hangs on the verb names its doer (one hung on the noun is read as the noun's own)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.dep_ != "prep":
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in UNDER_STATE_VERBS:
        return
    subject, _ = verb_subject(verb)
    if subject is not None and not found.recipients:
        found.recipients.extend(with_conjuncts(subject))
        found.patterns.append(f"subject of '{verb.text} under'")
    agents = [g for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children
              if g.dep_ == "pobj"]
    if agents and not found.actors:
        found.actors.extend(with_conjuncts(agents[0]))
        found.patterns.append(f"'by' agent of '{verb.text} under'")


def _add_put_under(noun: Any, found: PartyTokens) -> None:
    """"Soldiers placed the opposition leader under house arrest", "Nour, who was put under house arrest": a
    nominal trigger in an "under" phrase of a verb that puts someone into a state (`under_putting_verbs`) is done
    to that verb's object (its passive subject; a relative pronoun's antecedent), by the verb's subject (its "by"
    agent). They replace what the noun's own modifiers gave ("house" is no doer of a house arrest)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.dep_ != "prep":
        return
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in UNDER_PUTTING_VERBS:
        return
    undergoer = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if undergoer is not None and undergoer.lower_ in RELATIVE_PRONOUNS:
        undergoer = clause_antecedent(verb)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    doer = passive_agent(verb) if passive else verb_subject(verb)[0]
    if undergoer is None and doer is None:
        return
    found.actors[:] = with_conjuncts(doer) if doer is not None else []
    found.recipients[:] = with_conjuncts(undergoer) if undergoer is not None else []
    found.weak.difference_update(t.i for t in found.actors + found.recipients)
    found.patterns.append(f"object and subject of '{verb.text} under'")


def _given_by(noun: Any) -> bool:
    """Whether the noun names something one party gives or addresses to another (a demand, an offer, aid, support,
    a threat, a charge, a protest), whose "from" phrase names the giver, not a place left ("withdrawal from")."""
    entry = load_lexicon().noun_entry(noun)
    return entry is not None and entry.type in GIVEN_TYPES


def _add_giver(prep: Any, found: PartyTokens) -> None:
    """"rejected demands from the opposition", "welcomed the offer of aid from Japan": the "from" object of what is
    given is its actor (who answers it is then whom it was made to, `_add_answerer`)."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if objects:
        found.actors.extend(with_conjuncts(objects[0]))
        found.patterns.append("'from' object (the giver)")


def _add_clause_between(noun: Any, found: PartyTokens) -> None:
    """"Battles raged between the two sides", "fighting broke out between police and protesters": a nominal
    trigger that is the subject of its clause's verb has the "between"/"among" phrase the parser hung on that
    verb as its reciprocal actors, as if it stood on the noun itself."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB" or any(p.startswith("'between'") or p.startswith(
            "'among'") for p in found.patterns):
        return
    for prep in noun.head.children:
        if prep.dep_ == "prep" and prep.lower_ in NOUN_ACTOR_PREPS and prep.i > noun.i:
            _add_noun_prep(prep, found)
            found.patterns[-1] += f" on the clause's verb '{noun.head.text}'"
            return


#: Types of nouns whose act, as the subject of a clause, does to that clause's object what the noun says.
HARM_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def _add_clause_object(noun: Any, found: PartyTokens) -> None:
    """"The attack left three Afghan soldiers dead", "the raid targeted a Syrian army base", "the sanctions hit
    Russian banks": a noun of harm (`HARM_TYPES`) that is the active subject of its clause's verb did it to that
    verb's object, when its own phrase names no recipient. Weak: kept only where an actor mention covers it
    ("the attack left the city in ruins" names no one)."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB" or found.recipients:
        return
    entry = load_lexicon().noun_entry(noun)
    target = next((c for c in noun.head.children if c.dep_ == "dobj"), None)
    if entry is None or entry.type not in HARM_TYPES or target is None:
        return
    heads = with_conjuncts(target)
    found.recipients.extend(heads)
    found.weak.update(t.i for t in heads)
    found.patterns.append(f"object of '{noun.head.text}' (what the act, its subject, did it to)")


def _add_answerer(noun: Any, found: PartyTokens) -> None:
    """"the Coast Guard approved BP's requests", "Germany's request was rejected by the court": who
    answers a request, offer or proposal that has its own actor is whom it was made to, as is who faces or
    receives an act that has its own actor ("Uganda faced criticism from Kenya"); who refuses a statement naming
    no maker (`modality.answered_statement`: "the company denies the charge") is whom it was made to as well."""
    verb = noun.head
    undergoes = verb.pos_ == "VERB" and noun.dep_ == "dobj" and converse(verb)  # "faced criticism from Kenya"
    if verb.pos_ != "VERB" or (verb.lemma_.lower() not in ANSWERING_VERBS and not undergoes):
        return
    if noun.dep_ == "dobj":
        answerer, how = verb_subject(verb)
    elif noun.dep_ == "nsubjpass":
        answerer = passive_agent(verb)
        how = "passive by-agent"
    else:
        return
    if answerer is None:
        return
    heads = with_conjuncts(answerer)
    found.recipients[:0] = heads
    found.weak.update(t.i for t in heads)
    found.patterns.append(f"{how} of '{verb.text}' ({'undergoes' if undergoes else 'who answers'} it)")


def _under_light_verb(noun: Any) -> bool:
    """"X undertook a mediation mission between Y and Z": X takes part too."""
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and load_lexicon().is_light_verb(
        noun.head.lemma_.lower())


def _compound_chain(token: Any) -> list[Any]:
    """"Turkey-Russia deal": both names of a hyphenated or stacked compound."""
    out = [token]
    out.extend(c for c in token.children if c.dep_ in ("compound", "conj") and is_named(c))
    return out


#: Prefixes that turn a name into what a noun is against ("anti-American protests").
OPPOSING_PREFIXES = frozenset({"anti"})


def against_prefix(token: Any) -> bool:
    """A modifier of a noun inside an "anti-X" prefix: "anti", its hyphen, or the name after them, which the parser
    hangs on the noun one by one ("anti - American protests") and the entity tagger often tags as one name."""
    if token.dep_ not in ("compound", "amod", "nmod"):
        return False
    doc, i = token.doc, token.i
    if token.lower_ in OPPOSING_PREFIXES:
        return i + 1 < len(doc) and doc[i + 1].text == "-"
    if token.text == "-":
        return i > 0 and doc[i - 1].lower_ in OPPOSING_PREFIXES
    return i > 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ in OPPOSING_PREFIXES


def _add_noun_prep(prep: Any, found: PartyTokens) -> None:
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if not objects:
        return
    word = prep.lower_
    if word in NOUN_ACTOR_PREPS:
        found.actors.extend(with_conjuncts(objects[0]))
        found.patterns.append(f"'{word}' (reciprocal)")
    elif word == "by" or (word == "of" and _named_doer(prep, objects[0], found)):
        found.actors.extend(with_conjuncts(objects[0]))
        found.patterns.append("'by' agent" if word == "by" else "'of' object (does the act)")
    elif word in NOUN_RECIPIENT_PREPS and not found.recipients:
        heads = with_conjuncts(objects[0])
        found.recipients.extend(heads)
        found.weak.update(t.i for t in heads)
        found.patterns.append(f"'{word}' object")
        if word == "with":
            found.partners.update(t.i for t in heads)
        if word == "of" and not is_named(objects[0]):
            _add_thing_recipients(objects[0], found)


def _named_doer(prep: Any, named: Any, found: PartyTokens) -> bool:
    """"the resignation of President Mubarak": the named "of" object of a noun whose "of" phrase does the act
    (`doer_of_nouns`); a common noun there ("the withdrawal of some forces") may be the troops of whoever withdraws
    them, so it stays a recipient as before."""
    return prep.head.lemma_.lower() in DOER_OF_NOUNS and is_named(named) and not found.actors


def _add_thing_recipients(thing: Any, found: PartyTokens) -> None:
    """"a suspension of air links with Serbia", "the lifting of sanctions against Iran": when the "of" object of a
    nominal trigger is a thing, the one that thing is with, to or against is the act's recipient (weak: kept only
    if an actor mention resolves it), as on a verb's object ("granted asylum to X")."""
    for prep in thing.children:
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_RECIPIENT_PREPS and objects:
            heads = with_conjuncts(objects[0])
            found.recipients.extend(heads)
            found.weak.update(t.i for t in heads)
            found.patterns.append(f"'{prep.lower_}' object of the 'of' object")


def adjective_parties(adjective: Any) -> PartyTokens:
    """"X is willing to send troops", "X is opposed to Y": the copula's subject acts."""
    found = PartyTokens()
    subject, how = verb_subject(adjective.head) if adjective.head.i != adjective.i else (None, "")
    if subject is not None:
        found.actors.extend(with_conjuncts(subject))
        found.patterns.append(f"{how} of '{adjective.head.text}'")
    for child in adjective.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                found.recipients.extend(with_conjuncts(objects[0]))
                found.weak.update(t.i for t in found.recipients)
                found.patterns.append(f"'{child.lower_}' object")
                break
    return found
