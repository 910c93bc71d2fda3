"""Fallback parties for an event whose parse gave no recipient (or, for a passive, no actor).

In order: who a demand's "that" clause addresses ("demanded that the US cancel ..."); an
actor named inside the object ("rejected calls by Belarus's rulers") or, for protests and
demands, inside their purpose ("to protest President Assad's failure"); the foreign place
where the act is done, as CAMEO and PLOVER code it ("Saddam Hussein arrived in Amman" is
Iraq -> Jordan: the place's state, GOV; "a bombing in Baghdad" hits its people, CVL) but
not the venue of talks or deals; for a protest, the protesters' own government; for a
curfew, a state of emergency, a crackdown or an act on a protest naming no one, the state's own
people. A passive arrest or charge with no agent ("was arrested in Lebanon") was done by the
police that report it, else the state where it happened; a refusal naming no one answers
whoever asked just before (`parties_thread`). Places are read from the actor mentions (country
names stay actors after "in") or else from the gazetteer places of the places stage (capitals
and towns): `events.act_places`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.events.act_places import (
    MOVEMENT_LEMMAS,
    location_heads,
    location_recipients,
    place_party,
)
from dateline.events.index import ArticleIndex
from dateline.events.lexicon import load_lexicon
from dateline.events.parties import with_conjuncts
from dateline.events.parties_clauses import rejected_claimant, threatened_party
from dateline.events.parties_syntax import object_after_as, things_aimed_at, verb_subject
from dateline.events.parties_thread import answered_requester, reporting_agency, same_act_agent
from dateline.events.party_records import bare_country
from dateline.events.phrase_actors import stance_named
from dateline.events.protest_places import (
    NON_STATE_COUNTRIES,
    PEOPLE,
    placed_protesters,
    story_country,
    story_protesters,
)
from dateline.events.resolve import resolve
from dateline.model import Document, Party
from dateline.words import word_class, word_map, word_set

#: Types whose "that" clause says what someone else must do: its subject is the recipient.
ADDRESSED_TYPES = frozenset({"REQUEST"})
#: Types whose target is often named only in their purpose ("struck to protest X's failure").
PURPOSE_TYPES = frozenset({"PROTEST", "REQUEST"})
#: Dependents not searched for a party inside an object: clauses and time or cause adjuncts.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc"})
ADJUNCT_WORDS = word_class("prepositions", "object-adjunct")
#: Claims a country's people make on their own government when they name no one else.
PUBLIC_CLAIMS = frozenset({"PROTEST", "REQUEST"})
#: Sectors of the people, not of the state or of organised bodies abroad.
POPULAR_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU"})
#: Sectors of the state itself (pseudo-countries with no government: `protest_places.NON_STATE_COUNTRIES`).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Acts that only a state does to people in its territory (arrests, charges, bans, expulsions).
STATE_ACTS = frozenset({"COERCE", "ACCUSE", "SANCTION"})
#: Acts only a state does to a person, and the branch of the state that does them.
STATE_AGENCIES = word_map("state_agencies")
#: Measures a state takes on its own population.
DOMESTIC_MEASURES = word_set("domestic_measures")
#: Material harm done in a place falls on its people (CVL), not on its state.
HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
STATE = "GOV"
#: Rejections, whose recipient may be named only as who made what they reject.
REJECTION = "REJECT"
#: Threats, whose recipient may be named only in their condition.
THREAT = "THREATEN"
#: Types whose place is a venue ("talks in Geneva") unless the trigger says someone went there.
VENUE_TYPES = frozenset({"CONSULT", "AGREE"})
#: Verbs whose object is told to do what their infinitive says ("asked X to", "urged X to").
ADDRESSING_VERBS = word_set("addressing_verbs")


def fallback_recipients(doc: Document, trigger: Any, actors: list[Party], type_name: str,
                        lexicon_type: str | None = None) -> list[Party]:
    """Recipients for an event whose parse gave none: who a demand is addressed to ("X
    demanded that the US cancel ..."), an actor named inside the object, else the foreign
    place where the act is done. `lexicon_type` is the trigger's own type before modality
    ("reached a deal to curb ..." is an AGREE read as a THREATEN: Vienna is still a venue)."""
    if type_name in ADDRESSED_TYPES:
        addressed = [p for p in addressee_parties(doc, trigger) if p.country or p.entry]
        if addressed:
            return addressed
    inside = named_in_object(doc, trigger, actors, type_name in PURPOSE_TYPES)
    if inside:
        return inside
    if REJECTION in (type_name, lexicon_type):  # "a charge that Russia denies": who made it
        claimant = rejected_claimant(trigger, actors, lambda head: resolve(doc, head))
        if claimant:
            return claimant
    answered = answered_requester(doc, trigger, actors, type_name)  # "urged police to ... The police declined"
    if answered:
        return answered
    if THREAT in (type_name, lexicon_type):  # "threatened to ban voting if Hamas ran": Hamas
        threatened = threatened_party(trigger, actors, lambda head: resolve(doc, head))
        if threatened:
            return threatened
    if VENUE_TYPES & {type_name, lexicon_type} and trigger.lemma_.lower() not in MOVEMENT_LEMMAS:
        return []  # "reached a deal in Vienna", "talks in Geneva": a venue, not a party
    placed = location_recipients(doc, trigger, actors)
    # "a car bombing in central Baghdad" hits the people there; "opened an embassy in Tehran",
    # "arrived in Amman" deal with the state, as a bare country name does ("Turkey said")
    placed = [replace(p, sector=PEOPLE if type_name in HARM_TYPES else STATE) for p in placed]
    return placed or own_government(actors, type_name, trigger) \
        or own_people(trigger, actors)


def implicit_state_actor(doc: Document, trigger: Any, recipients: list[Party], type_name: str) -> list[Party]:
    """"A missionary was arrested in Lebanon", "Walters has been charged", "he faces charges": an
    arrest, charge, sentence or ban with no agent named was done by the police or justice body that
    reports it ("..., police said"), else by the state where it happened, else by the state body of the
    same branch's act just before (`events.parties_thread`), else by the state of the person it was done
    to (its police for arrests, its courts for charges and sentences)."""
    lemma = trigger.lemma_.lower()
    if (type_name not in STATE_ACTS and lemma not in STATE_AGENCIES) or not _agentless(trigger):
        return []
    sector = STATE_AGENCIES.get(lemma, STATE)
    told = reporting_agency(trigger, lambda head: resolve(doc, head)) if lemma in STATE_AGENCIES else []
    if told:  # "..., police said" (events.parties_thread)
        return told
    placed = [p for p in (place_party(doc, head) for head in location_heads(trigger)) if p is not None]
    if placed:
        return [replace(placed[0], sector=sector)]
    threaded = same_act_agent(doc, trigger) if lemma in STATE_AGENCIES else []
    if threaded:  # "... captured by the Sheriff's Office. All three were arrested"
        return threaded
    if any(p.sector in STATE_SECTORS for p in recipients):
        return []  # "sanctions on Burma": a state does not sanction itself
    countries = {p.country for p in recipients if p.country and p.country not in NON_STATE_COUNTRIES}
    if len(countries) != 1 or countries != {story_country(doc)}:
        return []  # "French journalists were arrested" in a story set in Egypt: not by France
    country = countries.pop()
    return [Party(name=f"authorities of {country}", country=country, sector=sector)]


#: Adjuncts in which a clause answers a protest ("amid protests", "in the face of protests").
RESPONSE_ADJUNCTS = word_set("response_adjuncts")
#: Acts a country's people do where they live ("demonstrations in Egypt", "protests spread to Algeria").
POPULAR_ACTS = frozenset({"PROTEST"})


def implicit_protesters(doc: Document, trigger: Any, type_name: str, targets: list[Party] | None = None) -> list[Party]:
    """"the first day of demonstrations in Egypt": a protest that names no one who protests was
    made by the people of the place where it happened (CVL of each country named there), as
    ICEWS and PLOVER code an unnamed crowd; a place that is no country names no one. With no
    such place, a protest against organs of one state (`targets`: "uprisings against longtime
    strongmen", "protests against the government") was made by that state's people (the coder passes
    them for a protest word; a word the verifier re-typed as a protest is no sign of a crowd); failing those, one
    that names no one and no other country is the story's own country's crowd (`story_protesters`)."""
    if type_name not in POPULAR_ACTS:
        return []
    return placed_protesters(doc, trigger) or _protesters_against(targets or []) or \
        _protesters_answered(doc, trigger) or story_protesters(doc, trigger)


def _protesters_answered(doc: Document, trigger: Any) -> list[Party]:
    """"Following weeks of protests, King Abdullah II sacked his government", "the president resigned amid
    protests": a protest that names no protester and no place, in an adjunct (`response_adjuncts`) of a clause
    whose subject is one state's government or forces, was made by that state's people: a state answers its
    own crowd there (a foreign crowd is named or placed, and then the rules before this one read it)."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "of")) for c in trigger.children):
        return []  # "after protests by Muslim groups": the protesters are named, if not known to the actors stage
    holder = trigger
    while holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.pos_ == "NOUN":
        holder = holder.head.head  # "weeks of protests", "the face of protests"
    prep = holder.head
    if holder.dep_ != "pobj" or prep.dep_ not in ("prep", "advcl") or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    adjunct = f"{prep.lower_} the face of" if holder.lemma_.lower() == "face" else prep.lower_
    subject = verb_subject(prep.head)[0] if adjunct in RESPONSE_ADJUNCTS else None
    state = [p for head in (with_conjuncts(subject) if subject is not None else []) for p in resolve(doc, head)]
    countries = {p.country for p in state}
    if len(countries) != 1 or not all(p.sector in STATE_SECTORS for p in state):
        return []
    country = countries.pop()
    if country is None or country in NON_STATE_COUNTRIES:
        return []
    return [Party(name=f"protesters of {country}", country=country, sector=PEOPLE,
                  entry=f"unnamed protesters answered by {state[0].text!r} ('{adjunct}' protests): "
                        "the people of its state")]


def _protesters_against(targets: list[Party]) -> list[Party]:
    """The people of the one state whose government, security forces or officials a protest is against; a
    country named alone ("protests against Israel") may be a foreign state, and names no protesters."""
    countries = {p.country for p in targets}
    if len(countries) != 1 or not all(p.sector in STATE_SECTORS and not bare_country(p) for p in targets):
        return []
    country = countries.pop()
    if country is None or country in NON_STATE_COUNTRIES:
        return []
    names = ", ".join(p.name for p in targets)
    return [Party(name=f"protesters of {country}", country=country, sector=PEOPLE,
                  entry=f"unnamed protesters against {names}: the people of its state")]


def _agentless(trigger: Any) -> bool:
    """A passive verb or participle without a "by" agent, or a noun ("the arrest of X", "faces
    charges"): nobody is named as doing it. An active verb whose subject did not resolve is not."""
    if any(c.dep_ in ("agent", "nsubj") for c in trigger.children):
        return False
    if trigger.pos_ in ("NOUN", "PROPN"):
        return True
    return any(c.dep_ == "auxpass" for c in trigger.children) or trigger.tag_ == "VBN"


def own_people(trigger: Any, actors: list[Party]) -> list[Party]:
    """A state's measure on its own territory that names no target ("imposed a curfew",
    "lifted the state of emergency", "prepared to impose martial law", "the crackdown by the government") is
    aimed at its people, and so is its act on a protest that names no one ("riot police broke up the sit-in",
    "a crackdown on those who march"): a protest its own words place elsewhere was read
    before this (`location_recipients`), so what is left is the crowd the state answers at home."""
    countries = {p.country for p in actors if p.country}
    if len(countries) != 1 or not all(p.sector in STATE_SECTORS for p in actors):
        return []
    what = [trigger] + [t for c in trigger.children if c.dep_ in ("dobj", "xcomp", "prep", "compound")
                        for t in c.subtree]
    if not any(t.lemma_.lower() in DOMESTIC_MEASURES or (t is not trigger and _protest_word(t)) for t in what):
        return []
    country = countries.pop()
    return [] if country in NON_STATE_COUNTRIES else [Party(name=f"people of {country}", country=country,
                                                            sector="CVL")]


def _protest_word(token: Any) -> bool:
    """Whether the lexicon reads `token` as a protest ("demonstrations", "rally", "to protest") that names no
    maker of its own ("a riot by Ugandan traders", "the students' rally", "the Ugandan protests" name one)."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "of")) or c.ent_type_ in ("NORP", "GPE")
           for c in token.children):
        return False
    lexicon = load_lexicon()
    entry = lexicon.noun_entry(token) if token.pos_ == "NOUN" else \
        lexicon.verb_entry(token) if token.pos_ == "VERB" else None
    return entry is not None and entry.type in POPULAR_ACTS


def own_government(actors: list[Party], type_name: str, trigger: Any = None) -> list[Party]:
    """A protest by a country's people that names no target is directed at its government
    (CAMEO/PLOVER practice: "students staged demonstrations to demand reforms" is CVL -> GOV),
    and so is a demand by its people, workers, students or opposition ("demonstrators have
    called for the release of prisoners"); a demand by anyone else names whom it asks. A country
    named alone on a protest noun ("the Tunisian protests", "Egypt's protests") is its people."""
    if type_name not in PUBLIC_CLAIMS:
        return []
    actors = [replace(p, sector=PEOPLE) if _national_crowd(trigger, p, type_name) else p for p in actors]
    countries = {p.country for p in actors if p.country and p.sector not in STATE_SECTORS}
    if len(countries) != 1 or any(p.sector in STATE_SECTORS for p in actors):
        return []
    if type_name != "PROTEST" and not all(p.sector in POPULAR_SECTORS for p in actors):
        return []
    country = countries.pop()
    if country in NON_STATE_COUNTRIES:
        return []
    return [Party(name=f"government of {country}", country=country, sector="GOV")]


def _national_crowd(trigger: Any, party: Party, type_name: str) -> bool:
    """A country named alone before a protest noun, as its adjective or possessive ("Tunisian protests")."""
    return type_name in POPULAR_ACTS and trigger is not None and trigger.pos_ == "NOUN" and bare_country(party) \
        and party.start is not None and trigger.left_edge.idx <= party.start < trigger.idx


def named_in_object(doc: Document, trigger: Any, actors: list[Party], with_purpose: bool = False) -> list[Party]:
    """The first actor named inside what the act is about: "rejected calls by Belarus's rulers",
    "rejected an offer from Afghanistan", "suspended an aid program for Bosnia".

    Only the direct object of a verbal trigger (or its passive subject, "calls by X were rejected"; or an
    object written after an "as" phrase) is searched, and for protests and demands also their purpose
    clause and prepositional phrases (a nominal trigger's own phrase
    is often background: "an investigation of arms sales to Croatia"), without its clauses
    and time or place adjuncts; only resolved actor mentions count.
    """
    roots = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] or object_after_as(trigger) \
        or things_aimed_at(trigger)
    if with_purpose and not _addressed_object(trigger):  # "went on strike to protest President Assad's failure"
        holders = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
        roots += [c for h in holders for c in h.children if _purpose_clause(c) or
                  (c.dep_ == "prep" and c.lower_ not in ADJUNCT_WORDS)]
    taken = {p.start for p in actors}
    stack = list(roots)
    while stack:
        token = stack.pop()
        actor = ArticleIndex.of(doc).actor_at(token.idx)
        if actor is not None and actor.country and actor.start not in taken and \
                not stance_named(doc.article.text, actor.start):
            return [actor.as_party()]
        stack.extend(sorted((c for c in token.children if c.dep_ not in CLAUSE_DEPS
                             and c.lower_ not in ADJUNCT_WORDS and not _clause_with_subject(c)), key=lambda t: -t.i))
    return []


def _addressed_object(trigger: Any) -> bool:
    """"asked the nation's top sprinter to put off her move to Canada": a verb that tells its object to act
    (`addressing_verbs`) with an object has named whom it addresses, known to the actors stage or not; what that
    object is told to do names no recipient (the US is where the boxer is, not who was asked)."""
    return trigger.lemma_.lower() in ADDRESSING_VERBS and any(c.dep_ == "dobj" for c in trigger.children)


def _clause_with_subject(token: Any) -> bool:
    """"seeking to learn why Ghana was not invited": a clause with its own subject inside the object
    says who did something else, not whom the act is aimed at ("of blowing up a plane", subjectless, may)."""
    return token.dep_ == "pcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _purpose_clause(token: Any) -> bool:
    return token.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def addressee_parties(doc: Document, trigger: Any) -> list[Party]:
    """The subject of a demand's "that" clause ("demanded that Israel ease restrictions", "reiterated its demand
    that Israel ease restrictions": on a noun the parser hangs it as a clause of the noun)."""
    for clause in trigger.children:
        if clause.dep_ != "ccomp" and not (clause.dep_ == "acl" and trigger.pos_ == "NOUN" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return [p for head in with_conjuncts(subject) for p in resolve(doc, head)]
    return []
