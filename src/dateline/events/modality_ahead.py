"""Acts ahead: nominal events a clause puts after its own telling, planned or awaited but promised by no one.

A noun names an act that has not happened yet when it is
* planned: the object of a verb of intention, itself or as the head of "a round of" ("plans another round of
  demonstrations");
* on a schedule: a schedule participle on it ("protests scheduled for Thursday"), or its subject told with one,
  with an infinitive ("the summit is set to take place") or as a passive ("a bail hearing has been scheduled
  for Tuesday", "the vote is expected");
* to happen: an infinitive on it that tells it happening ("the charges to come", "talks to be held in May");
* told in the plain present with a week still running ("goes on trial this week": `futurate`, read by
  `events.modality.dated_ahead` once the act is dated);
* awaited: the object of a verb of awaiting or facing told in no past tense ("as he awaits trial", "faces another
  five trials"); what one faces while it lasts ("faces charges") is no act ahead, and "faced trial" tells a trial held.

Each test returns the reason for `dateline show` (None when the noun is not ahead); `events.modality` makes it a
scheduled future.
"""

from __future__ import annotations

from typing import Any

from dateline.events.dating_clauses import past_tense
from dateline.events.lexicon import load_lexicon
from dateline.words import word_class, word_set

#: Verbs of intention: a noun they take is planned ("plans another round of demonstrations").
INTENT_HEADS = word_set("intention_verbs")
#: Participles that put a nominal event on a schedule ("protests scheduled for Thursday").
SCHEDULE_PARTICIPLES = word_set("schedule_participles")
#: Schedule participles that schedule only with a "for" phrase ("talks set for Monday"; "a record was set" is not).
SCHEDULING_WITH_FOR = frozenset({"set"})
#: Verbs whose object is awaited or faced ("awaits trial"), and what one faces while it lasts ("faces charges").
AWAITING_VERBS = word_set("awaiting_verbs")
FACED_STATES = word_set("faced_states")
#: Verbs whose subject is an act that happens ("the charges to come", "a trial to begin in May").
HAPPENING_VERBS = word_set("happening_verbs")
#: Marks that leave a clause's act open, not ahead: for these the clause's own modality decides.
OPENING_MARKS = word_class("auxiliaries", "irrealis") | word_set("conditional_markers") | word_set("negators")


def planned_or_scheduled(token: Any, governor: Any) -> str | None:
    """Why a nominal event is planned, on a schedule or awaited (`governor`: the verb or noun that takes it, across a
    preposition); None when it is none of these."""
    phrase = token
    while phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.pos_ == "NOUN":
        phrase = phrase.head.head  # "plans another round of demonstrations"
    governor = phrase.head if phrase is not token else governor
    if phrase.dep_ == "dobj" and governor.pos_ == "VERB" and governor.lemma_.lower() in INTENT_HEADS:
        return f"planned by '{governor.text}'"
    for child in (*token.children, *(phrase.children if phrase is not token else ())):
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in SCHEDULE_PARTICIPLES:
            return f"'{child.text}' (on a schedule)"
        if child.dep_ == "acl" and _to_happen(child):
            return f"'to {child.text}' (still to happen)"
    if token.dep_ in ("nsubj", "nsubjpass") and (on_a_schedule(token.head) or scheduled_passive(token)):
        return f"'{token.head.text}' (on a schedule)"
    return awaited(token)


def on_a_schedule(predicate: Any) -> bool:
    """True when a predicate puts its subject on a schedule: "the summit is set to take place", "talks are
    expected to resume" (a schedule participle with an infinitive)."""
    if predicate.lemma_.lower() not in SCHEDULE_PARTICIPLES:
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in predicate.children)


def scheduled_passive(subject: Any) -> bool:
    """True when a nominal event is the subject of a schedule participle told as a passive: "a bail hearing has been
    scheduled for Tuesday", "the vote is expected", "talks were set for Monday" ("set" needs its "for"; "a
    record was set" schedules nothing). The text puts the act on a plan and does not say it took place."""
    verb = subject.head
    lemma = verb.lemma_.lower()
    if subject.dep_ != "nsubjpass" or verb.tag_ != "VBN" or lemma not in SCHEDULE_PARTICIPLES or _open(verb):
        return False
    return lemma not in SCHEDULING_WITH_FOR or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def awaited(token: Any) -> str | None:
    """Why a nominal event is awaited: the object of "await", "anticipate" or "face" in a clause told in no past
    tense ("as he awaits trial", "faces another five trials", "will face a vote"). Not what one faces while it lasts
    ("faces charges of treason", "faces criticism"), nor a past facing ("faced trial in 2005": the trial was held)."""
    verb = token.head
    if token.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in AWAITING_VERBS:
        return None
    if token.lemma_.lower() in FACED_STATES or past_tense(verb) or _open(verb):
        return None
    return f"awaited ('{verb.text}')"


def futurate(verb: Any) -> bool:
    """True for a clause told in the plain present of an act, with no auxiliary ("goes on trial this week", "the
    minister visits Cairo this week"): with a time still to come, English tells a scheduled act so. Not "is", "has"
    (states), nor a progressive or perfect ("is holding talks this week" is under way)."""
    return verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in ("be", "have") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _to_happen(verb: Any) -> bool:
    """True for an infinitive on a nominal event that tells the event happening: "the charges to come", "a trial to
    begin in May", "talks to take place", "talks to be held" (a support verb's passive). Not a purpose ("protests
    to demand reforms", "sanctions to punish the regime"): the infinitive's verb does something else."""
    auxes = {c.dep_: c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    lemma = verb.lemma_.lower()
    objects = [c.lower_ for c in verb.children if c.dep_ == "dobj"]
    if auxes.get("aux") != "to" or objects not in ([], ["place"]) or (lemma == "take") != (objects == ["place"]):
        return False
    if "auxpass" in auxes:
        return load_lexicon().is_light_verb(lemma)
    return lemma in HAPPENING_VERBS


def _open(verb: Any) -> bool:
    """True when a verb is negated, under a modal of possibility or in a condition ("could face trial", "if he
    faces trial", "was not scheduled"): its clause's modality says what the act is, not the schedule."""
    return any(c.dep_ in ("aux", "neg", "mark", "advmod") and c.lower_ in OPENING_MARKS for c in verb.children)
