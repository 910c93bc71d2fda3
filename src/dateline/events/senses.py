"""A trigger's sense from its own arguments: words that name a political act in one use and something else in another.

Read by `events.frame.not_an_act` (so the lexicon's and the detector's proposals alike are dropped), from the parse
and word lists only:

* a verb of asking or urging whose clause states a fact is an opinion, not a request: "The senator suggested that debt
  was the root of the unrest" (a past or third-person present verb in the clause), where "suggested that the talks
  be held in Geneva" (a bare subjunctive) and "urged that they should leave" (a modal) ask for an act;
* a verb that is a protest only without an object has another sense with one: "the tests demonstrate the safety
  of the reactor", "demonstrated that the plan works" (`object_sense_protest_verbs.txt`);
* a harm done to oneself ("adolescents harming themselves", "the prisoner hanged himself"): no assault on
  another party (`reflexive_pronouns.txt`); "blew himself up at the checkpoint" (a particle) stays, and so does a
  coercion ("the parties dissolved themselves");
* an accusation, demand or threat whose agent is a text or recording and whose phrase names no political body:
  "reports claimed that ...", "a study warned" (`document_nouns.txt`): who made it is not said, and a report of a
  claim is no act of a party; a text whose author is named ("a UN report accused the army", "the CNAS paper urges
  Congress", "released a report claiming") is its author's act and stays;
* a verb of state with an "under" phrase tells what befell its subject, and is no act of its own: "the base came
  under attack" is not troops arriving, "the town fell under rebel control" is no retreat of the town (the act, if
  any, is the noun: `under_state_verbs.txt`, shared with the parties of that noun).
* a count with no doer named, of acts or of their victims, over a stretch of time is a statistic, not one
  happening: "more than 30 aid workers have been killed in Sudan in the past three years", "651 attacks last year" (a
  plural counted by a number of at least `MIN_TALLY`, and a period: a unit of weeks or longer that has just gone,
  `period_units.txt` with `period_modifiers.txt`, or "since" a time that is not a weekday). A doer named keeps the
  act, as a campaign of that party ("over 2,000 villagers have been killed by bandits since June",
  "militants have killed 300 civilians since 2015"), and so does a small count, whose acts a story goes on to
  name ("has faced two brutal assaults in the past century"); "killed 30 people on Monday" and "in the past 24
  hours" stay too;
* a verb in the simple present whose subject is the relative pronoun of its clause says what the noun does as a
  rule, not what happened: "the club, which supports charitable initiatives, chose ...", "an agency that funds
  schools"; a past, perfect or progressive relative clause ("the militia, which attacked the convoy"), or one with
  a subject of its own ("a charge which Russia denies"), reports an act and stays.
"""

from __future__ import annotations

from typing import Any

from dateline.events.parties_nominal import UNDER_STATE_VERBS
from dateline.words import decimal_number, number_map, word_class, word_set, word_table

OBJECT_SENSE_PROTEST_VERBS = word_set("object_sense_protest_verbs")
REFLEXIVE_PRONOUNS = word_set("reflexive_pronouns")
#: Types of harm done to someone.
HARM_TYPES = frozenset({"ASSAULT"})  # "the parties dissolved themselves" is a real COERCE
DOCUMENT_NOUNS = word_set("document_nouns")
QUESTION_WORDS = word_set("question_words")
#: Tags of wh-words: one before a clause's verb makes it an indirect question.
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: Dependents of a text that name who made it ("the ministry's report", "a report by the UN", "a paper from CNAS").
AUTHOR_PREPS = word_class("prepositions", "maker")
#: Tags of a finite verb that cannot be a bare subjunctive: "was", "had taken", "is" (not "be", nor "leave" after a
#: plural subject, which reads the same either way).
STATING_TAGS = frozenset({"VBD", "VBZ"})
#: Auxiliaries that keep a clause a demand ("should leave", "must resign").
DEMANDING_AUX = frozenset({"should", "must", "shall", "ought"})
#: Auxiliaries that make a clause a forecast ("suggested the alert would move"); not "could", which often proposes.
PREDICTING_AUX = word_class("auxiliaries", "forecast") - DEMANDING_AUX
#: Types of speech acts a text can be said to make.
SAYING_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})
#: Sectors of actors that are no political body: a media outlet's or a company's report is no party's act.
NON_POLITICAL_SECTORS = frozenset({"MED", "BUS", "MNC", "EDU", "CVL"})
#: Sectors of companies (PLOVER/Phoenix business, multinationals): read by the frame (a dispute among companies is
#: business news) and by the event's place (a company's country is where it is registered, not where it acts).
BUSINESS_SECTORS = frozenset({"BUS", "MNC"})
PERIOD_UNITS = word_set("period_units")
PERIOD_MODIFIERS = word_set("period_modifiers")
WEEKDAYS = frozenset(word_table("weekdays"))
#: Arguments of a verb that can be what its act counts: "killed 300 civilians", "50 journalists were killed".
COUNTED_DEPS = frozenset({"dobj", "nsubjpass"})
#: Prepositions that open a period ("in the last two years", "over the past decade", "during the previous month").
PERIOD_PREPS = word_class("prepositions", "period")
#: Tags of a finite verb in the simple present: "supports", "fund".
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
NUMBER_WORDS = number_map("number_words")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
#: Verbs of saying: in a present relative clause they report a statement standing now ("public bodies, which claim the
#: firms broke the law"), not a habit.
REPORTING_VERBS = word_set("reporting_verbs")
ANIMALS = word_set("animals")
#: Types whose victim decides whether there was an attack at all: killing, shooting or culling animals is none.
VICTIM_TYPES = frozenset({"ASSAULT"})
#: Types an animal does for its handlers: a police dog that takes a suspect down makes the police's arrest.
HANDLED_TYPES = frozenset({"COERCE"})
#: Dependents that name a verb's victims ("shot the elephant", "boars were destroyed").
VICTIM_DEPS = frozenset({"dobj", "nsubjpass"})
#: How a clause of asking hangs on its verb ("asked whether ...", "asked what ...").
QUESTION_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp"})
#: The smallest count read as a statistic: fewer acts are ones a story can go on to name one by one ("two brutal
#: assaults in the past century": Pearl Harbor and September 11).
MIN_TALLY = 10


def request_states_a_fact(verb: Any) -> bool:
    """A verb coded REQUEST whose complement clause is a statement ("suggested that poverty was the cause") or a
    forecast ("suggested the alert would eventually move"): no infinitive of the act asked for, a clause whose verb
    or auxiliary is past or third-person present or a modal of prediction, no modal of obligation."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or _clause_as_predicate(c)]
    return bool(clauses) and all(stating_clause(verb, c) or _forecast(verb, c) for c in clauses)


def _clause_as_predicate(token: Any) -> bool:
    """A finite clause the parser hung on a passive verb as its object predicate: "it has been suggested BP
    lobbied" parses "lobbied" as `oprd`."""
    return token.dep_ == "oprd" and token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children)


def _forecast(verb: Any, clause: Any) -> bool:
    """A finite clause with a modal of prediction and none of obligation, not a question: what the speaker expects
    ("the alert would move", "the vote will fail"), no act asked of anyone."""
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if not auxes & PREDICTING_AUX or auxes & DEMANDING_AUX:
        return False
    return not (clause.left_edge.lower_ in QUESTION_WORDS or any(t.tag_ in WH_TAGS or t.lower_ in QUESTION_WORDS
                                                                   for t in clause.doc[verb.i + 1:clause.i]))


def asks_a_question(verb: Any) -> bool:
    """A verb of asking whose clause is a question ("asked whether ...", "asked what level ..."), with no
    infinitive of the act asked for ("asked them to leave")."""
    clauses = [c for c in verb.children if c.dep_ in QUESTION_CLAUSE_DEPS]
    if any(any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in clauses):
        return False
    return any(c.left_edge.lower_ in QUESTION_WORDS or any(m.dep_ == "mark" and m.lower_ in QUESTION_WORDS
                                                          for m in c.children) for c in clauses)


def stating_clause(verb: Any, clause: Any) -> bool:
    """A finite clause that states something: not an indirect question ("asking what level of expertise they had",
    which asks), not a subjunctive, modal or infinitive one."""
    if clause.left_edge.lower_ in QUESTION_WORDS or any(m.dep_ == "mark" and m.lower_ in QUESTION_WORDS
                                                        for m in clause.children):
        return False
    if any(t.tag_ in WH_TAGS for t in clause.doc[verb.i + 1:clause.i]):  # "asking on what basis France became"
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in DEMANDING_AUX for a in auxes) or any(a.dep_ == "aux" and a.lower_ == "to" for a in auxes):
        return False
    return clause.tag_ in STATING_TAGS or any(a.tag_ in STATING_TAGS for a in auxes)


def protest_verb_with_object(verb: Any) -> bool:
    """A verb that is a protest only without an object, used with one ("demonstrate the safety", "demonstrated
    that the plan works")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in OBJECT_SENSE_PROTEST_VERBS and \
        any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def document_as_speaker(agent: Any | None, type_name: str, political_actor: bool) -> bool:
    """A speech act made by a text or recording ("reports claimed", "a study warned") whose phrase names no
    political body (`political_actor`: an actor of a political sector named in the agent's phrase)."""
    if agent is None or type_name not in SAYING_TYPES or agent.pos_ != "NOUN" or agent.dep_ != "nsubj":
        return False  # "released a report claiming ...": the report is the releaser's act
    authored = any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
                   or (c.dep_ == "prep" and c.lower_ in AUTHOR_PREPS) for c in agent.children)
    return agent.lemma_.lower() in DOCUMENT_NOUNS and not political_actor and not authored


def harm_to_oneself(verb: Any, type_name: str) -> bool:
    """A harm whose only object is the doer ("harming themselves", "hanged himself"); a verb with a particle is
    another act ("blew himself up" at a checkpoint)."""
    if type_name not in HARM_TYPES or verb.pos_ != "VERB" or any(c.dep_ == "prt" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in REFLEXIVE_PRONOUNS for o in objects)


def animal_party(token: Any, type_name: str, agent: Any | None) -> str | None:
    """The animal that makes the trigger no political act, or None: its doer (`agent`: "a bear attacked"), or, for
    an attack, every victim the trigger names: a verb's object or passive subject ("shot dead its elephant", "boars
    had been destroyed"), a noun's "of" object or compound ("the slaughter of the pigs", "a pig cull"), through a
    count ("hundreds of pigs")."""
    if agent is not None and _animal(agent) and type_name not in HANDLED_TYPES:
        return agent.text
    if type_name not in VICTIM_TYPES:
        return None
    if token.pos_ == "VERB":
        victims = [c for c in token.children if c.dep_ in VICTIM_DEPS]
    else:
        victims = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"] + [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    victims = [_counted_noun(v) for v in victims]
    return victims[0].text if victims and all(_animal(v) for v in victims) else None


def _counted_noun(noun: Any) -> Any:
    """What a count counts: "pigs" of "hundreds of pigs", "dozens of chickens"; else the noun itself."""
    if not (noun.like_num or noun.lemma_.lower() in NUMBER_WORDS):
        return noun
    counted = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"]
    return counted[0] if counted else noun


def _animal(noun: Any) -> bool:
    """A common noun in lower case naming an animal (`animals.txt`): never a capitalised name ("the Tigers")."""
    return noun.pos_ == "NOUN" and noun.text.islower() and noun.lemma_.lower() in ANIMALS


def state_under(verb: Any) -> bool:
    """A verb of state (`under_state_verbs`) with an "under" phrase: "came under attack", "fell under control"."""
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in UNDER_STATE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def tally_over_a_period(trigger: Any) -> bool:
    """A count of acts over a period just gone, with no doer named ("50 journalists have been killed in the last two
    years", "recorded 651 attacks last year"): the trigger, or for a verb its object or passive subject, is a plural
    counted by a number, the trigger (or a noun trigger's verb) has a period adjunct, and no subject, "by" agent or
    possessor names who acted."""
    if trigger.pos_ == "NOUN":
        counted = _counted(trigger)
        holders = [trigger] + ([trigger.head] if trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
        doer = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in trigger.children)
    else:
        counted = any(_counted(c) for c in trigger.children if c.dep_ in COUNTED_DEPS)
        holders = [trigger]
        doer = any(c.dep_ in ("nsubj", "agent") for c in trigger.children)
    return counted and not doer and any(_period(c) for h in holders for c in h.children)


def _counted(noun: Any) -> bool:
    """A plural noun with a number of its own of at least `MIN_TALLY`: "50 journalists", "more than 300
    civilians", "651 attacks"."""
    return noun.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "nummod" and _number(c) >= MIN_TALLY for c in noun.children)


def _number(token: Any) -> int:
    """The value of a written number ("4,000", "651", "twelve"), 0 when it is none; digits of any script
    (`words.decimal_number`)."""
    value = decimal_number(token.text.replace(",", ""))
    return value if value is not None else NUMBER_WORDS.get(token.lower_, 0)


def _period(adjunct: Any) -> bool:
    """An adjunct naming a period just gone: "in the last two years", "last year", "over the past decade", "since
    the invasion", "since 2015" (not "since Monday": a few days can be one happening)."""
    if adjunct.dep_ == "prep" and adjunct.lower_ == "since":
        objects = [g for g in adjunct.children if g.dep_ == "pobj"]
        return bool(objects) and not any(g.lower_ in WEEKDAYS for g in objects)
    if adjunct.dep_ == "prep" and adjunct.lower_ in PERIOD_PREPS:
        return any(_recent_unit(g) for g in adjunct.children if g.dep_ == "pobj")
    return adjunct.dep_ == "npadvmod" and _recent_unit(adjunct)


def _recent_unit(noun: Any) -> bool:
    """A unit of weeks or longer that has just gone: "the last two years", "last year", "the past decade"."""
    return noun.lemma_.lower() in PERIOD_UNITS and any(
        c.dep_ == "amod" and c.lower_ in PERIOD_MODIFIERS for c in noun.children)


def habitual_property(verb: Any) -> bool:
    """A verb in the simple present heading a relative clause whose subject is its relative pronoun ("the club, which
    supports charitable initiatives"): what its noun does as a rule, no happening. Any auxiliary (perfect,
    progressive, passive, modal), a subject of the clause's own ("a charge which Russia denies") or a verb of saying
    ("bodies which claim the firms broke the law": a statement standing now) leaves it."""
    if verb.lemma_.lower() in REPORTING_VERBS:
        return False
    return verb.pos_ == "VERB" and verb.dep_ == "relcl" and verb.tag_ in PRESENT_TAGS and not any(
        c.dep_ in ("aux", "auxpass", "neg") for c in verb.children) and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)
