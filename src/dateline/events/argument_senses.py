"""Words that name no act by how they stand in the sentence: an attributive participle, an order of a thing, a
question put to the speaker, a verb whose "in" phrase names the act, a verb done to a text or by a feeling.

Read by `events.frame.not_an_act` (so the lexicon's and the detector's proposals alike are dropped), from the parse
and word lists only:

* a participle before the noun it describes says what the noun is, not what happened: "the escalating crisis",
  "the approaching officers" (present), "suspected cases", "a retired admiral", "climate-related bills" (past). A
  past participle of a deed done to the noun ("the arrested men", "wounded soldiers", "a banned party") tells of
  that deed and stays, unless a word is joined to it by a hyphen ("climate-related bills"), but a name joined so
  did the act to the noun, and the participle stays ("Turkish-backed rebels": `parties_syntax.hyphened_agent`);
  so does one on a noun that is itself an act ("a negotiated deal": how the deal is to come about, which RAMS
  codes as the talks);
* a verb of ordering (`ordering_verbs.txt`) whose object is a thing, with no one told to act, asks nothing of
  anyone: "the government has ordered vaccine", "ordered the culling of pigs", "doctors ordered tests". A pronoun
  or named object ("ordered them", "ordered Britain to reduce its staffing"), an infinitive or clause, a particle
  or preposition sending the object somewhere ("ordered the troops back", "into the city"), or an action noun
  whose "of" phrase names who is to act or be acted on ("ordered the departure of family members", "the release
  of the journalist"; an animal there is no party: `animals.txt`) keep the order;
* a participle of asking opening the sentence with no act asked for is a question put to the sentence's subject,
  by reporters as a rule: "Asked about the comments, the deputy leader criticised ...", and with its asker named
  when what it is about is named too ("Asked by a reporter about the campaign, he replied ...").
  "Asked to resign, he refused" (an infinitive) stays a request;
* an active verb whose "in" phrase is what its subject does (`in_argument_verbs.txt`), with that phrase and no
  object, is no act of its own: "the ministry engaged in a campaign of intimidation", "the rebels engaged in talks"
  (CAMEO reads a bare "engage" as fighting). The act, if any, is the noun's, which is its own mention ("engaged in
  heavy fighting": the fighting); "troops engaged the militants" (an object) stays;
* a verb whose act is done to a party, done to a text instead ("released the interview", "investigating the
  report"): publishing or checking it (`events.text_objects`);
* a feeling or a substance as the doer ("fear has overtaken the city", "chemicals threaten sea turtles": a
  figure, no party acts; `events.doer_senses`);
* a threat, a backing or an attack done to a state of things, not a party ("threatens the stability", "to support
  the economy", "battling rumours"): it endangers, sustains or fights it (`events.state_objects`);
* a verb of wanting with an infinitive of the wanter's own act ("we wanted to open the clinic"): a wish, no request
  (`events.wish_senses`);
* an act named as the landmark of a time ("on the anniversary of the invasion", "in the run-up to the war"): a
  reference the sentence is dated by, no happening told (`events.time_landmarks`);
* an act noun that means its kind ("banned all demonstrations", "similar protests"): no one happening
  (`events.kinds_meant`).
"""

from __future__ import annotations

from typing import Any

from dateline.events.doer_senses import doer_that_cannot_act
from dateline.events.kinds_meant import kind_meant
from dateline.events.lexicon import load_lexicon
from dateline.events.parties_syntax import hyphened_agent
from dateline.events.state_objects import state_object
from dateline.events.text_objects import text_object
from dateline.events.time_landmarks import time_landmark
from dateline.events.wish_senses import own_wish
from dateline.syntax import PLACE_ENTITIES
from dateline.words import word_class, word_set

ORDERING_VERBS = word_set("ordering_verbs")
ANIMALS = word_set("animals")
#: Dependents of an order that name who is told or what is to be done.
TOLD_DEPS = frozenset({"xcomp", "ccomp", "dative", "prt", "oprd", "iobj"})
#: Prepositions and particles that send an ordered object somewhere ("ordered the troops into the city", "back").
SENDING_WORDS = word_class("prepositions", "sending")
#: Prepositions that name what a question is about ("asked by a reporter about the campaign").
TOPIC_WORDS = word_class("prepositions", "topic")
#: Types whose past participle before a noun tells of a deed done to the noun ("the arrested men").
DEED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "RETREAT"})
#: Verbs whose opening past participle puts a question ("Asked about the comments, ...").
ASKING_VERBS = word_set("asking_verbs")
#: Verbs whose "in" phrase is what their subject does ("engaged in a campaign", "took part in the talks").
IN_ARGUMENT_VERBS = word_set("in_argument_verbs")
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def sense_from_arguments(token: Any, type_name: str) -> str | None:
    """Why the trigger names no act of `type_name` by where it stands (the module's ten cases), or None."""
    if _attributive(token, type_name):
        return f"attribute: '{token.text}' describes '{token.head.text}'"
    if type_name == "REQUEST" and _order_of_a_thing(token):
        return f"order: '{token.text}' a thing, no one told to act"
    if type_name == "REQUEST" and _question_put(token):
        return f"question: '{token.text}' puts a question to '{token.head.text}'s subject, no request"
    if (done := _act_in_its_phrase(token)) is not None:
        return f"support: '{token.text} in' names what is done, '{done.text}' is the act"
    if (text := text_object(token, type_name)) is not None:
        return f"text: '{token.text}' is done to '{text.text}', a text, no party (events.text_objects)"
    if (doer := doer_that_cannot_act(token, type_name)) is not None:
        return f"doer: '{doer.text}' is no party that can '{token.text}' (events.doer_senses)"
    if (wish := own_wish(token, type_name)) is not None:
        return f"wish: '{token.text}' governs '{wish.text}', the subject's own act, no request (events.wish_senses)"
    if (state := state_object(token, type_name)) is not None:
        return f"state: '{token.text}' is done to '{state.text}', a state of things, no party (events.state_objects)"
    if (landmark := time_landmark(token)) is not None:
        return f"landmark: '{token.text}' names the time of the {landmark}, no happening (events.time_landmarks)"
    if (word := kind_meant(token)) is not None:
        return f"kind: '{word.text} {token.text}' means acts of a kind, no one happening (events.kinds_meant)"
    return None


def _act_in_its_phrase(verb: Any) -> Any | None:
    """The noun of an "in" phrase that names what an active verb of `IN_ARGUMENT_VERBS` with no object does
    ("engaged in a campaign": the campaign), or None. The "in" phrase has to be the one complement after the verb and a
    common noun or gerund, not a place ("took to the streets in the capital": the act is the verb's). A passive or bare
    participle is left alone: "has been implicated in the deaths" accuses its subject, "those involved in the attack"
    is said of them."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in IN_ARGUMENT_VERBS:
        return None
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "auxpass", "nsubjpass") for c in children):
        return None
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return None
    phrases = [c for c in children if c.dep_ in ("prep", "prt", "dative", "agent") and c.i > verb.i]
    if len(phrases) != 1 or phrases[0].lower_ != "in":  # "taken to the streets in the capital": a place
        return None
    done = next((g for g in phrases[0].children if g.dep_ in ("pobj", "pcomp")), None)
    return done if done is not None and done.pos_ in ("NOUN", "VERB") and done.ent_type_ not in PLACE_ENTITIES \
        else None


def _attributive(token: Any, type_name: str) -> bool:
    """A participle modifying a noun after it; a past one only on a noun that is no act, and one of a deed done to
    the noun only with a hyphened word."""
    if token.dep_ not in ("amod", "compound") or token.i >= token.head.i:
        return False
    if token.tag_ == "VBG":
        return True
    if token.tag_ != "VBN" or token.head.pos_ not in ("NOUN", "PROPN") or load_lexicon().noun_entry(token.head):
        return False  # "a negotiated deal": a participle on an act's noun tells how the act came about
    if hyphened_agent(token) is not None:
        return False  # "Turkish-backed rebels": the name joined to it does the act to the noun (parties_syntax)
    hyphened = token.i > 0 and token.doc[token.i - 1].text == "-"
    return type_name not in DEED_TYPES or hyphened


def _order_of_a_thing(verb: Any) -> bool:
    """An order whose object is a common noun, with no one told to act, sent anywhere or named in its "of" phrase."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ORDERING_VERBS:
        return False
    children = list(verb.children)
    if any(c.dep_ in TOLD_DEPS or (c.dep_ in ("prep", "advmod") and c.lower_ in SENDING_WORDS) for c in children):
        return False
    if any(c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in children):
        return False  # "ordered the soldiers, to stop them": an infinitive the parser hung on the clause
    objects = [c for c in children if c.dep_ == "dobj"]
    return len(objects) == 1 and _a_thing(objects[0])


def _a_thing(noun: Any) -> bool:
    """A common noun that names no party and whose "of" phrase names none (an animal is none)."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    if any(c.dep_ in MODIFIER_DEPS and (c.pos_ == "PROPN" or c.ent_type_) for c in noun.children):
        return False
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if obj.lemma_.lower() not in ANIMALS:
                return False
    return True


def _question_put(verb: Any) -> bool:
    """A past participle of asking opening an adverbial clause before its head, with no act asked for (no
    infinitive or clause of its own) and no "by" asker unless it names what the question was about ("Asked by a
    reporter about the campaign, he replied": a question whoever puts it)."""
    if verb.lemma_.lower() not in ASKING_VERBS or verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return False
    if verb.i >= verb.head.i or any(c.dep_ in ("nsubjpass", "nsubj", "auxpass", "aux") for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children) and not any(
            t.dep_ == "prep" and t.lower_ in TOPIC_WORDS for t in verb.subtree):
        return False  # the parser often hangs "about" on the asker's noun ("by a radio host about the plan")
    return not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children)
