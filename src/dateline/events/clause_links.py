"""How the clauses around an act tie a place to it: its participants and what they were doing, the subject it
shares with the verbs it continues, its purpose, a conjunct that shares its subject, a site described by a clause.
Read by `events.place_links`, which ranks these links with the act's own; it reads the parse and word lists only.
"""

from __future__ import annotations

from typing import Any

from dateline.events.sentence_frame import speech_act
from dateline.syntax import PLACE_ENTITIES
from dateline.words import word_class, word_set

#: Prepositions that put an act at a place ("in", "at", "near"), and that name where it is aimed ("on", "into").
SITE_PREPS, TARGET_PREPS = word_class("prepositions", "event-place"), word_class("prepositions", "event-target")
#: Common nouns of sites and settlements a place locates ("at a nightclub in Orlando"): the act at the site is there.
SITE_NOUNS = word_set("site_nouns")
#: How far up the parse a clause may be walked.
MAX_HOPS = 8
#: Subjects a verb may share with the verbs it governs ("ministers in Vienna are expected to negotiate").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
#: Links walked up from a place's word through a participle clause on a participant ("a camera crew filming
#: the clashes between police and farmers in Quito"): inside one clause, never into another speaker's words.
CLAUSE_LINKS = frozenset({"xcomp", "advcl", "dobj", "pobj", "prep", "pcomp", "conj", "compound", "nmod", "appos"})
#: A present participle: what a participant was doing when the act befell it ("journalists covering the protests").
PRESENT_PARTICIPLE = "VBG"
#: Verbs of going somewhere: a purpose clause after one ("flew to Paris to meet them in Geneva") is of another place.
GOING_VERBS = word_set("journey_verbs") | word_set("movement_verbs")
#: Prepositions of time and circumstance ("during", "after", "amid"): their object is no participant of the act.
TIME_PREPS = word_class("prepositions", "time-adjunct")
#: Prepositions whose conjoined objects are the act's two sides, each at its own place ("talks between A and B").
SIDES_PREPS = word_class("prepositions", "noun-actor")
#: Participants of the act: where they are said to be is where it happened ("rebels in Idlib were shelled").
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj"})
#: Clauses that continue the act of their governing verb and share its place (not relative clauses).
CONTINUING_DEPS = frozenset({"advcl", "xcomp", "conj"})
#: Clauses that describe a noun: a place there is the noun's own ("talks, which were held in Geneva",
#: "the talks held in Geneva", "a walkout that halted all shipping in northern Chile").
DESCRIBING_DEPS = frozenset({"relcl", "acl"})


def participant_of(noun: Any, trigger: Any) -> bool:
    """True when `noun` is a participant of the act: its subject or object, or the object of a
    preposition on it ("rebels in Idlib were shelled", "killed by gunmen in Baghdad"), not of one of time; or a
    conjunct of one, which shares its role ("the shooting of a judge and her driver in Malindi"), unless the two
    are the sides of the act, each placed ("contacts between the Ottawa delegation and the ministry in
    Kingston"; not "clashes between police and farmers in Quito")."""
    for _ in range(MAX_HOPS):
        if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN", "PRON"):
            break
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _by_agent(noun.head.head):
        noun = noun.head.head  # "killed by the blast of a bomb in X": the bomb's place is the agent's
    if noun.dep_ == "pobj" and noun.head.lower_ in SIDES_PREPS and \
            sum(_names_a_place(side) for side in (noun, *noun.conjuncts)) > 1:
        return False
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.dep_ not in PARTICIPANT_DEPS:
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        if head.lower_ in TIME_PREPS:
            return False  # "during talks in Geneva": an occasion (`events.occasion`), not a participant
        head = head.head
    return head.i == trigger.i


def relative_subject(verb: Any) -> Any | None:
    """The noun a relative clause hangs on when its relative pronoun is the clause's subject ("the riots in
    Mombasa, which have led to 80 arrests"): the noun stands as the verb's subject. None for any other verb."""
    if verb.dep_ != "relcl" or not any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in verb.children):
        return None
    return verb.head


def _by_agent(noun: Any) -> bool:
    """True when a noun is the agent of a passive ("by the blast of a car bomb"): what it is "of" (the bomb) did
    the act with it, so it was where the act was."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _names_a_place(noun: Any) -> bool:
    """True when a noun's own words, before any conjunct of it, hold a place name ("the Ottawa delegation", "the
    ministry in Kingston")."""
    stop = min((c.left_edge.i for c in noun.children if c.dep_ in ("cc", "conj")), default=noun.right_edge.i + 1)
    return any(t.ent_type_ in PLACE_ENTITIES for t in noun.doc[noun.left_edge.i:stop])


def subject_sharers(trigger: Any) -> list[Any]:
    """The verbs whose subject a verbal trigger shares because it has none of its own, walking up the verbs it
    continues ("ministers in Vienna are expected to take a hard line in negotiating the deal": 'take', 'expected'):
    each verb on the way has no subject of its own, and none is a speech act."""
    sharers: list[Any] = []
    word = trigger
    for _ in range(MAX_HOPS):
        if word.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in word.children):
            break
        if word.dep_ in CONTINUING_DEPS:
            verb = word.head
        elif word.dep_ == "pcomp" and word.head.dep_ == "prep":
            verb = word.head.head
        else:
            break
        if verb.i == word.i or verb.pos_ not in ("VERB", "AUX") or speech_act(verb):
            break
        sharers.append(verb)
        word = verb
    return sharers


def described_participant(word: Any, trigger: Any) -> Any | None:
    """The participant of the act at `trigger` whose present-participle clause `word` lies in ("a camera crew filming
    the clashes in Quito was beaten", "journalists covering the protests in Harare were beaten"): what a
    participant was doing when the act befell it says where it was. A past participle tells of another time ("guns
    made in Belgium were used") and a relative clause of anything ("who lives in X"): neither counts."""
    for _ in range(MAX_HOPS):
        if word.dep_ == "acl" and word.tag_ == PRESENT_PARTICIPLE:
            return word.head if participant_of(word.head, trigger) else None
        if word.dep_ not in CLAUSE_LINKS or word.head.i == word.i or speech_act(word):
            return None
        word = word.head
    return None


def closing_conjunct(verb: Any, prep: Any, trigger: Any) -> bool:
    """True when `verb` is a verb conjoined to a verbal trigger, sharing its subject (none of its own), and the
    place's preposition follows it: a place closing a coordination of acts is where each was done ("the gunman
    killed 49 people and wounded 53 at a club in Orlando"). A conjunct with its own subject is another act of
    other doers ("police fired tear gas and farmers fled into side streets in Cuenca"); a journey ends elsewhere
    than it began ("they left Homs and arrived in Damascus", "shelled the town and withdrew to bases in Hama")."""
    return (trigger.pos_ == "VERB" and verb.pos_ == "VERB" and verb.dep_ == "conj" and verb.head.i == trigger.i
            and prep.i > verb.i and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and not {trigger.lemma_.lower(), verb.lemma_.lower()} & GOING_VERBS)


def described_site(verb: Any, trigger: Any, aimed_at: set[int]) -> Any | None:
    """The site of the act whose describing clause `verb` heads, when the clause gives the site's place ("the
    monument to Soviet sailors, which stood in the town of Limbazi, was demolished"; "a hospital run by MSF in
    Aleppo was bombed"): a site does not move, so where the clause puts it, at any time, the act on it was. The
    site is a participant of the act or where it was aimed ("air strikes on a school built in Idlib": `aimed_at`
    holds the words whose target is the act's, `place_links.aiming_words`). Not for
    things that move ("rifles made in Belgium were used")."""
    site = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in DESCRIBING_DEPS or site.i == verb.i or \
            site.pos_ != "NOUN" or site.lemma_.lower() not in SITE_NOUNS:
        return None
    if participant_of(site, trigger):
        return site
    aimed = site.dep_ == "pobj" and site.head.lower_ in TARGET_PREPS | SITE_PREPS
    return site if aimed and site.head.head.i in aimed_at else None


def purpose_clause(verb: Any, trigger: Any) -> bool:
    """True when `verb` is the to-infinitive clause of purpose of a verbal trigger, with no subject of its own
    ("delegates convene to nominate him in Cleveland"): the act was done where its purpose was to be done. Not
    after a verb of going, whose purpose lies at the end of the way ("flew to Paris to meet them in Geneva")."""
    return (verb.dep_ in ("xcomp", "advcl") and verb.head.i == trigger.i and trigger.pos_ == "VERB"
            and trigger.lemma_.lower() not in GOING_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children))
