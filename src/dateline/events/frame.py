"""Non-political frames: triggers whose happening has no political agent, so they report no PLOVER event.

A violent verb does not make a political event: "a tsunami killed 43", "a tank at the plant exploded",
"cholera has killed 400", "a bus plunged into a ravine, killing 24", "Argentina beat France to win the
final", "Microsoft agreed to buy a rival". PLOVER (and the events-gold guideline) code acts of political
actors; natural hazards, disease, accidents, sport results and business news are none. The frame is
decided from who or what does the act, read from the parse:

* the trigger's agent (its subject, its "by" agent, the subject of the clause a participle or conjunct
  continues, for a noun its possessor or the subject of the verb it is the object of: `frame_agent`), or for an
  agentless passive the cause after "in"/"from"/"during" ("were killed in the floods"), is a natural
  hazard, a disease or an accident (`nonpolitical_causes.tsv`), or a fire, explosion or failing vessel
  whose phrase names an industrial site, fuel or gas (`industrial_sites.txt`);
* the trigger continues a mishap verb ("crashed", "derailed", `accident_verbs.txt`) whose subject is no
  political actor;
* a conflict type whose own phrase names a sport (`sport_cues.txt`), unless police or armed forces act;
* any type whose agent is a business and whose phrase speaks of commerce (`business_cues.txt`), unless a
  state body takes part; an accusation, rejection or threat of a known business that names only businesses
  ("BP's probe blamed Transocean"; an accusation may name no one: a company's inquiry);
* a civil suit against a company that no state body brings ("shareholders sued the board"; `events.private_suits`);
* a letting or stopping whose doer is a thing, not a party ("the budget's approval lets the mayor hire
  teachers", ", allowing crews to restart the pumps"; `events.thing_doers`);
* an accusation whose passive subject is a hazard, disease or accident ("the virus was implicated in the
  deaths"): a cause blamed, no party accused;
* a courtesy: thanks said to whoever is spoken to, or by the speaker to no party ("Thank you very much, Anna",
  "thank God"; `events.courtesy`);
* no act at all (`not_an_act`): a word of speech read as the deed it reports ("reported 651 attacks": the
  attacks are their own mention), a present participle describing a noun ("the escalating crisis", "the
  approaching officers"), a conflict word of a contest without violence ("a legal offensive", "tariffs that
  targeted China", `contest_domains.txt`), a verb of asking whose clause is a question ("asked whether ...") or
  a statement ("suggested that poverty was the cause"), a protest verb with an object ("demonstrate the safety"),
  an announcement of a thing that is no deed ("declared a pandemic"; `events.announced_things`),
  a claim only a text makes ("reports claimed"), a harm to oneself ("harming themselves"), a verb of state with
  an "under" phrase ("came under attack"), an animal as the doer or every victim ("shot the zoo's elephant";
  `events.senses`).

A cause with a political modifier ("Israeli fire", "army tanks": an actor with a country or an armed
sector) stays political, and so does an arrest by police or an armed group's attack. The coder drops
the triggers this module names (lexicon and detector alike) and `nonpolitical_frame` says why.

Signals that do not decide alone (an explosion in no named setting, "a man" as the agent, a sport word
next to a police act) are left to the learned verifier and detector: `frame_features` names them.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from dateline.events.announced_things import announced_thing
from dateline.events.argument_senses import sense_from_arguments
from dateline.events.business_states import acts_as_business, among_companies, state_takes_part
from dateline.events.courtesy import courtesy
from dateline.events.fixed_senses import against_a_hardship, fixed_expression
from dateline.events.forecast_warnings import forecast_warning
from dateline.events.frame_agent import CONTINUING_DEPS, agent_of
from dateline.events.habits import habit_of_years
from dateline.events.index import ArticleIndex
from dateline.events.private_suits import private_suit
from dateline.events.senses import (
    BUSINESS_SECTORS,
    NON_POLITICAL_SECTORS,
    animal_party,
    asks_a_question,
    document_as_speaker,
    habitual_property,
    harm_to_oneself,
    protest_verb_with_object,
    request_states_a_fact,
    state_under,
    tally_over_a_period,
)
from dateline.events.statement_senses import only_said
from dateline.events.thing_doers import thing_lets
from dateline.model import Actor, Document
from dateline.syntax import PLACE_ENTITIES
from dateline.words import word_class, word_map, word_set

CAUSES = word_map("nonpolitical_causes")
INDUSTRIAL_SITES = word_set("industrial_sites")
ACCIDENT_VERBS = word_set("accident_verbs")
SPORT_CUES = word_set("sport_cues")
BUSINESS_CUES = word_set("business_cues")
PRIVATE_PERSONS = word_set("private_persons")
SPEECH_VERBS = word_set("reporting_verbs")
#: Verbs of speech whose saying is the deed ("declared a state of emergency"): they keep a deed's type.
PERFORMATIVE_VERBS = word_set("performative_verbs")
CONTEST_DOMAINS = word_set("contest_domains")
#: Types of deeds, not words: a word of speech read as one of them reports the deed, which has its own mention.
DEED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "RETREAT", "COOPERATE"})
#: Classes of `nonpolitical_causes.tsv` that are no political agent whatever their phrase says.
ALWAYS_NONPOLITICAL = frozenset({"hazard", "disease", "accident"})
#: Classes a political modifier turns into an agent's weapon ("Israeli fire", "army tanks"); a hazard or a
#: disease has none ("Colorado wildfire": a place, not an arsonist).
MODIFIABLE = frozenset({"accident", "blast"})
#: The class that is no political agent only in an industrial or domestic setting.
BLAST = "blast"
#: Types a sport result is mistaken for ("crushed", "beat", "attacked early").
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
#: Sectors that keep a conflict act political in any setting (police at a match, troops in a flood).
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY"})
#: Sectors of the state: with one taking part, business news is a political act (a ban, a seizure, a deal).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Types of a dispute in words: between companies alone ("BP's probe blamed its contractors", "the firm accused a
#: rival") they are business news, whatever the phrase says of commerce.
DISPUTE_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN"})
#: Sectors of political bodies: one of them modifying a cause makes it an agent ("Israeli fire").
POLITICAL_SECTORS = STATE_SECTORS | ARMED_SECTORS | frozenset({"OPP", "PTY", "IGO", "GOV"})
#: Dependents that modify a cause noun, and prepositions that name whose it is ("fire from the army").
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
AGENT_PREPS = word_class("prepositions", "maker")
#: How a headline's subject hangs on its verb when the parser misreads it ("quake" in "6.9 quake strikes Indonesia").
HEADLINE_SUBJECT_DEPS = frozenset({"compound", "nmod"})
#: Prepositions that name the cause of an agentless act ("killed in the floods", "died from cholera").
CAUSE_PREPS = word_class("frame_prepositions", "cause")
#: Prepositions of time whose phrase is background, not the act's own setting ("clashed after the match").
TIME_PREPS = word_class("frame_prepositions", "background-time")
#: How a time adjunct hangs on the trigger: a preposition ("after the match") or an adverb that takes one ("ahead of
#: the match", "prior to the game").
TIME_ADJUNCT_DEPS = frozenset({"prep", "advmod"})


def nonpolitical_frame(doc: Document, token: Any, type_name: str) -> str | None:
    """Why the trigger `token` (coded `type_name`) reports no political event, or None if it may."""
    index = ArticleIndex.of(doc)
    if (cause := _nonpolitical_cause(index, token)) is not None:
        return cause
    if (mishap := _mishap(index, token)) is not None:
        return mishap
    if (forecast := forecast_warning(token, type_name, lambda t: bool(_actors_at(index, t)))) is not None:
        return forecast  # "warned the spill could cost billions": a forecast, no threat (events.forecast_warnings)
    if (cause := thing_lets(token, lambda t: bool(_actors_at(index, t)))) is not None:
        return cause  # "the budget's approval lets the mayor hire teachers": a thing lets (events.thing_doers)
    if type_name == "ACCUSE" and (accused := _hazard_accused(token)) is not None:
        return f"{_cause_kind(accused)}: '{accused.text}' is blamed by '{token.text}', no party is accused"
    agent = agent_of(token)
    if (thanks := courtesy(token, agent_of)) is not None:
        return thanks
    agent_actors = _actors_in(index, agent) if agent is not None else []
    political_agent = any(a.sector and a.sector not in NON_POLITICAL_SECTORS for a in agent_actors)
    no_act = not_an_act(token, type_name, agent, _state_agent(agent, agent_actors), political_agent)
    if no_act is not None:
        return no_act
    phrase = _own_phrase(token)
    if type_name in CONFLICT_TYPES and not _state_agent(agent, agent_actors):
        cue = next((t for t in phrase if _sport_word(t) and t.i != token.i), None)
        if cue is not None:
            return f"sport: '{cue.text}' in the phrase of '{token.text}'"
    actors_at = partial(_actors_at, index)  # the business helpers read the index through it
    if type_name in DISPUTE_TYPES and among_companies(agent_actors, phrase, actors_at, BUSINESS_SECTORS,
                                                      type_name == "ACCUSE"):
        return f"business: '{agent.text}' disputes with no political party"  # type: ignore[union-attr]
    if (suit := private_suit(token, type_name, actors_at, POLITICAL_SECTORS, BUSINESS_SECTORS)) is not None:
        return suit  # "shareholders sued the board of the airline": a private suit (events.private_suits)
    if agent is not None and acts_as_business(agent, agent_actors, actors_at, BUSINESS_SECTORS):
        cue = next((t for t in phrase if _lemma(t) in BUSINESS_CUES), None)
        # "a Dutch chipmaker", "fields in Vietnam" name no state taking part (events.business_states)
        state = state_takes_part(phrase, actors_at, STATE_SECTORS, BUSINESS_SECTORS, BUSINESS_CUES)
        if cue is not None and not state:
            return f"business: '{agent.text}' with '{cue.text}'"
    return None


def not_an_act(token: Any, type_name: str, agent: Any | None, state_agent: bool = False,
               political_agent: bool = False) -> str | None:
    """Why the trigger names no act of its type, or None: a word of speech read as a deed ("reported 651 attacks",
    "said the release ...": the deed is its own mention, the report is not it); a present participle before the
    noun it describes ("the escalating crisis", "the approaching officers": a property, not a happening); a conflict
    word of a contest without violence ("a legal offensive", "a trade war", "tariffs that have targeted China");
    a REQUEST whose clause is a question ("asked the sheriff whether he considers the case closed") or a statement
    ("suggested that poverty was the cause"); a protest verb used in its other sense ("demonstrate the safety");
    a speech act made by a text that names no political body ("reports claimed"); a harm to oneself ("harming
    themselves"); a verb of state with an "under" phrase ("came under attack"; `events.senses`); a tally of acts
    over a period ("50 journalists have been killed in the last two years"); a habit a relative clause in the simple
    present ascribes to its noun ("the club, which supports charities"); an animal as the doer or every victim
    ("rebels shot the zoo's elephant"); a statement of fact, a passive of belief or acts of a kind
    (`statement_senses`); a fixed expression or a conflict word against a hardship (`events.fixed_senses`).
    `state_agent`: a state, armed or judicial body named as the agent by a common noun, whose conflict act stays;
    `political_agent`: an actor of a political sector named in the agent's phrase."""
    lemma = _lemma(token)
    if token.pos_ == "VERB" and lemma in SPEECH_VERBS - PERFORMATIVE_VERBS and type_name in DEED_TYPES:
        return f"report: '{token.text}' tells of a deed, it is not one"
    if (announced := announced_thing(token)) is not None:
        return announced  # "declared a pandemic": what is announced names no deed (events.announced_things)
    if (placed := sense_from_arguments(token, type_name)) is not None:
        return placed  # an attributive participle, an order of a thing, a question put (events.argument_senses)
    if type_name in CONFLICT_TYPES and not state_agent:
        modifiers = [m for c in token.children if c.dep_ in MODIFIER_DEPS for m in (c, *c.conjuncts)]  # "a and b"
        domain = next((m for m in [*modifiers, agent] if m is not None and _lemma(m) in CONTEST_DOMAINS), None)
        if domain is not None:
            return f"contest: '{domain.text}' with '{token.text}'"
    if type_name == "REQUEST" and token.pos_ == "VERB" and lemma not in SPEECH_VERBS and asks_a_question(token):
        return f"question: '{token.text}' asks for an answer"
    if type_name == "REQUEST" and request_states_a_fact(token):
        return f"opinion: '{token.text}' states a view, it asks for no act"
    if type_name == "PROTEST" and protest_verb_with_object(token):
        return f"sense: '{token.text}' with an object is no protest"
    if harm_to_oneself(token, type_name):
        return f"self: '{token.text}' harms the doer alone"
    if (animal := animal_party(token, type_name, agent)) is not None:
        return f"animal: '{animal}' is no party to '{token.text}'"
    if state_under(token):
        return f"state: '{token.text} under' tells what befell its subject, the act is the noun"
    if document_as_speaker(agent, type_name, political_agent):
        return f"document: '{agent.text}' says it, no party does"
    if tally_over_a_period(token):
        return f"tally: '{token.text}' counts acts over a period, no one happening"
    if habitual_property(token):
        return f"habit: '{token.text}' says what '{token.head.text}' does as a rule"
    if (span := habit_of_years(token)) is not None:
        return f"habit: '{token.text}' done again and again for '{span}', no one happening (events.habits)"
    if (said := only_said(token, type_name)) is not None:
        return said
    if (expression := fixed_expression(token)) is not None:
        return f"idiom: '{token.text}' in '{expression}' names no act"
    if (hardship := against_a_hardship(token, type_name)) is not None:
        return f"effort: '{token.text}' against '{hardship}', no party" if hardship != "effort" else \
            f"effort: '{token.text}' to do something is no {type_name.lower()}"
    return None


def frame_features(token: Any) -> list[str]:
    """What the frame reads of a trigger that was not decisive, as features for the learned verifier and
    detector: the class of its agent ("frame_agent=blast" for an explosion in no named setting,
    "=private" for "a man", "=org" for an organisation), an industrial setting, a mishap verb it
    continues, a sport or business word in its phrase. Read from the parse alone."""
    agent = agent_of(token)
    out = []
    if agent is not None:
        kind = _cause_kind(agent) or ("private" if _lemma(agent) in PRIVATE_PERSONS else None) \
            or ("org" if agent.ent_type_ == "ORG" else None)
        out.append(f"frame_agent={kind or 'other'}")
        if _industrial(agent):
            out.append("frame_site")
    current = token
    for _ in range(3):
        if _lemma(current) in ACCIDENT_VERBS:
            out.append("frame_mishap")
            break
        if current.dep_ not in CONTINUING_DEPS or current.head.i == current.i:
            break
        current = current.head
    phrase = _own_phrase(token)
    if any(_sport_word(t) and t.i != token.i for t in phrase):
        out.append("frame_sport")
    if any(_lemma(t) in BUSINESS_CUES for t in phrase):
        out.append("frame_business")
    return out


def _nonpolitical_cause(index: ArticleIndex, token: Any) -> str | None:
    """A hazard, disease or accident (or an industrial blast) as the agent or as the cause of an agentless
    act; an industrial blast as the trigger itself ("a gas explosion"; "opened fire" is no accident)."""
    candidates = [token] if token.pos_ in ("NOUN", "PROPN") else []
    agent = agent_of(token)
    if agent is not None:  # an apposition names the same thing ("Magnitude 6.8 quake" parsed as "Magnitude, quake")
        candidates += [agent, *(c for c in agent.children if c.dep_ == "appos")]
    if token.pos_ == "VERB":  # a headline's noun the parser hangs on the verb before it ("6.9 quake strikes Indonesia")
        candidates += [c for c in token.children if c.dep_ in HEADLINE_SUBJECT_DEPS and c.i < token.i]
    passive_patient = token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children)
    if token.pos_ == "VERB" and (agent is None or passive_patient):
        # "killed in the floods", "(people) killed after an earthquake hit", "as a train derailed"
        candidates += [g for p in token.children if p.dep_ == "prep" and p.lower_ in CAUSE_PREPS
                       for g in p.children if g.dep_ == "pobj"]
        candidates += [s for c in token.children if c.dep_ == "advcl" for s in c.children if s.dep_ == "nsubj"]
    for head in candidates:
        kind = _cause_kind(head)
        if kind is None or (kind in MODIFIABLE and _political(index, head)):
            continue
        if (kind in ALWAYS_NONPOLITICAL and head.i != token.i) or (kind == BLAST and _industrial(head, True)):
            return f"{kind}: '{head.text}' as the agent of '{token.text}'" if head.i != token.i \
                else f"{kind}: '{token.text}' in an industrial setting"
    return None


def _hazard_accused(token: Any) -> Any | None:
    """The hazard, disease or accident a passive word of blame is said of ("the virus has been implicated in the
    deaths", "a strain blamed for 40 deaths"): a cause blamed is no party accused. None otherwise."""
    if token.tag_ != "VBN":
        return None
    patients = [c for c in token.children if c.dep_ == "nsubjpass"] or ([token.head] if token.dep_ == "acl" else [])
    return next((p for p in patients if _cause_kind(p) in ALWAYS_NONPOLITICAL), None)


def _mishap(index: ArticleIndex, token: Any) -> str | None:
    """The trigger is, or continues, a mishap verb used without an object whose subject is no political actor."""
    current = token
    for _ in range(3):
        if _lemma(current) in ACCIDENT_VERBS and current.pos_ == "VERB" and not _transitive(current):
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or not _political(index, subject):
                return f"accident: '{current.text}'" + ("" if current.i == token.i else f" before '{token.text}'")
            return None
        if current.dep_ not in CONTINUING_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _transitive(verb: Any) -> bool:
    """A verb with a direct object: "toppled the government", "rammed a car into the crowd" are acts, not mishaps."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _cause_kind(head: Any) -> str | None:
    """The class of a cause noun: its lemma, a compound of it ("Cyclone Freddy") or the two-word name; failing
    those, a common noun whose "of" phrase is a hazard, disease or accident ("a new strain of flu", "the spread of
    the virus"): what it is a kind or part of does the act."""
    words = [_lemma(head), head.lower_, head.lower_.removesuffix("s")]  # a capitalised plural keeps its "s"
    words += [_lemma(c) for c in head.children if c.dep_ == "compound"]
    words += [f"{_lemma(c)} {_lemma(head)}" for c in head.children if c.dep_ in ("compound", "amod")]
    found = next((CAUSES[w] for w in words if w in CAUSES), None)
    if found is not None or head.pos_ != "NOUN" or head.ent_type_:
        return found
    kinds = (CAUSES.get(_lemma(g)) for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN")
    return next((k for k in kinds if k in ALWAYS_NONPOLITICAL), None)


def _industrial(head: Any, verb_object: bool = False) -> bool:
    """A fire, explosion or vessel whose phrase, or (`verb_object`) as a subject its verb's object ("an explosion
    destroyed the rig"), names an industrial or domestic setting or a fuel."""
    through = verb_object and head.dep_ == "nsubj"
    scope = [t for t in head.subtree if t.i != head.i] + [
        t for c in head.head.children if through and c.dep_ in ("dobj", "prep") for t in c.subtree]
    return any(_lemma(t) in INDUSTRIAL_SITES or t.lower_ in INDUSTRIAL_SITES for t in scope) or \
        _lemma(head) in INDUSTRIAL_SITES


def _political(index: ArticleIndex, head: Any) -> bool:
    """Whether a cause or mishap subject carries a political modifier ("Israeli fire", "army tanks", "fire
    from the army"): an actor of a political sector in the head's own modifiers. The bare noun's own reading
    ("tank" read as military), a place it happened in ("a tank at a plant in Texas", "Brazil nightclub fire")
    and a name without a sector ("Cyclone Freddy") prove nothing."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS or (child.dep_ == "prep" and child.lower_ in AGENT_PREPS):
            tokens += list(child.subtree)
    named = [t for t in tokens if t.ent_type_ not in PLACE_ENTITIES]  # "Bangladesh building collapse": where
    return any(a.sector in POLITICAL_SECTORS and a.start != head.idx for t in named for a in _actors_at(index, t))


def _state_agent(agent: Any, actors: list[Actor]) -> bool:
    """An agent named as a state, armed or judicial body by a common noun ("police", "Nigerian authorities",
    "troops"): a team is named by its country or club ("Argentina beat France"), which proves nothing."""
    return agent is not None and agent.pos_ != "PROPN" and \
        any(a.sector in STATE_SECTORS | ARMED_SECTORS for a in actors)


def _actors_in(index: ArticleIndex, head: Any) -> list[Actor]:
    """Actors mentioned in a head's phrase (its subtree, clauses left out)."""
    tokens = [t for t in head.subtree if not _in_clause(t, head)]
    found: list[Actor] = []
    for tok in tokens:
        for actor in _actors_at(index, tok):
            if actor not in found:
                found.append(actor)
    return found


def _actors_at(index: ArticleIndex, token: Any) -> list[Actor]:
    actor = index.actor_at(token.idx)
    return [actor] if actor is not None else []


def _own_phrase(token: Any) -> list[Any]:
    """The trigger's phrase: its subtree without background time adjuncts ("after the match", "ahead of the match")."""
    skipped: set[int] = set()
    for child in token.children:
        if child.dep_ in TIME_ADJUNCT_DEPS and child.lower_ in TIME_PREPS:
            skipped.update(t.i for t in child.subtree)
    return [t for t in token.subtree if t.i not in skipped]


def _in_clause(token: Any, head: Any) -> bool:
    """Whether `token` sits in a clause of its own below `head` (relative or complement clause)."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ in ("relcl", "acl", "ccomp", "advcl"):
            return True
        current = current.head
    return False


def _sport_word(token: Any) -> bool:
    """A noun of sport ("the final", "a semi-final"), not an adjective on another noun ("final assault") nor a
    verb ("match the offer")."""
    return _lemma(token) in SPORT_CUES and token.dep_ != "amod" and token.pos_ != "VERB"


def _lemma(token: Any) -> str:
    return token.lemma_.lower()
