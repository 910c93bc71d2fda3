"""How a sentence relates a place to an act: read off the parse, never off word distance.

A place is the act's own when the trigger (or the verb that governs a nominal trigger, or a clause
describing it) takes it with a locative preposition ("met in Geneva", "held talks in Geneva"); a
physical act also happens where its participants are said to be (or were, by what they were doing), where its
purpose was to be done, or at a town it is aimed at. A
speech act's place is where it was said, not where it took effect. Read by `events.locate` (the
decision) and `events.scene` (which earlier places were stated for an act).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from dateline.events.clause_links import (
    CONTINUING_DEPS,
    DESCRIBING_DEPS,
    GOING_VERBS,
    MAX_HOPS,
    PARTICIPANT_DEPS,
    SITE_PREPS,
    SUBJECT_DEPS,
    TARGET_PREPS,
    closing_conjunct,
    described_participant,
    described_site,
    participant_of,
    purpose_clause,
    relative_subject,
    subject_sharers,
)
from dateline.events.doer_place import doer_with_place, opens_for_words
from dateline.events.place_phrase import introducing_word, locative, phrase_words, place_token, site_preposition
from dateline.events.sentence_frame import frames_the_sentence, in_organisation_name, speech_act
from dateline.model import LocationPrecision, Place
from dateline.words import word_class, word_set

#: Event types that happen at a physical place (a statement or a phone call has none).
LOCATED_TYPES = word_set("located_event_types")
#: The trigger's objects: a town there is where the act happened ("shelled Homs", "Homs was shelled").
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
#: Places that stand for their state when aimed at: a country, a capital ("sanctions on Damascus").
STATE_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "CONT", "PPLC"})
#: Prepositions of a way's end after a verb of going ("driven to Oklahoma City", "marched into Paris").
ARRIVAL_PREPS = frozenset({"to", "into"})
#: Ranks of how the sentence relates a place to the act; higher wins.
RANK_OWN, RANK_GOVERNOR, RANK_PARTICIPANT, RANK_TARGET, RANK_FRAME = 4.0, 3.0, 2.0, 1.5, 1.0
#: The doer of the verb an act continues or is the object of: where it is, the act is ("Police in Santiago broke
#: up a march and arrested 30"); ranked below the act's own participants.
AGENT_DEPS, RANK_SHARED_AGENT = frozenset({"nsubj", "agent"}), 1.8
#: Nouns of journeys ("during a visit to Beijing") and the prepositions that put an act on one.
JOURNEY_NOUNS, JOURNEY_PREPS = word_set("journey_nouns"), word_class("prepositions", "journey")
#: Verbs whose object is where the visitor went ("visited Ethiopia"); the journey nouns take it with "to".
VISIT_VERBS = word_set("visit_verbs")
#: Prepositions of the errand a verb of going is on ("flew to Islamabad for talks", "went to Lima on a visit").
ERRAND_PREPS = word_class("prepositions", "errand")
#: Ranks of a place read through a participant's participle clause, and of a purpose clause's place.
RANK_DESCRIBED_PARTICIPANT, RANK_PURPOSE = 1.6, 1.2
#: Links of a trigger noun that names the thing its head noun is about ("a rape charge in Sweden", "the homicide rate
#: in the United States", "protest leaders in Cairo"): a place on the head is where the act it names was.
MODIFIER_DEPS = frozenset({"compound", "amod"})
#: Rank of a place closing a conjunct verb that shares the act's subject ("killed 49 and wounded 53 at a club in
#: Orlando"): below every link of the act's own ("sending medicine to Balkan hospitals and opening a clinic in
#: Denver" keeps the Balkans), above a sentence's opening place.
RANK_CONJUNCT = 1.1
#: Event types of talks: a venue of talks is not the place of acts in the field (`events.scene_fit`, `events.occasion`).
TALK_TYPES = frozenset({"CONSULT", "AGREE"})
#: Continents, regions and rivers: an act stated across one ("strikes spread across West Africa and the Sahel")
#: happened in many places, none at the area's middle, and a river is a line ("fighting on the Tigris"), so it gets
#: no dot (`events.locate`); nor is one a finer place of an act placed in a country (`events.place_mentions`).
SPREAD_CODES = frozenset({"CONT", "RGN", "STM"})
#: Marks of a clause that tells a happening of another time than the clause it hangs on ("since a rig blew up").
OTHER_TIME_MARKS = word_class("prepositions", "other-time")
#: Verbs whose subject is where their object happened ("Amara saw fierce fighting").
SCENE_VERBS = word_set("scene_verbs")
#: The prepositions by which talks are aimed at where they are held ("a visit to Louisiana"); the others that aim an
#: act name the talks' topic or the visitor's origin ("discussions on Fallujah", "arriving from Chicago").
TALK_WAY_PREPS = word_class("prepositions", "talk-way")
#: Prepositions that tell an act as the means of the verb they hang on ("began by meeting the governors").
MEANS_PREPS = word_class("prepositions", "means")


class Choice(NamedTuple):
    """A place the sentence gives an event, how surely, and the words that say so."""

    rank: float
    place: Place
    basis: str
    #: The place is where the act's doer is said to be, not where the act is (`events.doer_place`).
    doer: bool = False


def place_precision(place: Place) -> LocationPrecision:
    """The precision of a place: as the places stage gave it, else read off its feature code."""
    if place.precision is not None:
        return place.precision
    code = place.feature_code or ""
    if code.startswith("PCL") or code == "CONT":
        return "country"
    if code.startswith("ADM") or code in ("RGN", "ADMD"):
        return "admin"
    return "point"


def place_choice(place: Place, trigger: Any, physical: bool, occasion: Any | None = None,
                 talks: bool = False) -> Choice | None:
    """How the sentence relates `place` to the act at `trigger`, or None when it does not place it there.
    `occasion` is the noun of the occasion the trigger's clause is about ("a summit ..., at which"); `talks` says
    the act is talks, which are aimed only at where they are held (`TALK_WAY_PREPS`), not at their topic."""
    token = place_token(trigger.doc, place)
    if physical and token.dep_ == "compound" and token.head.i in (trigger.i, getattr(occasion, "i", -1)) \
            and place_precision(place) != "country":  # "the US strikes": the country is a party
        return Choice(RANK_OWN, place, f"'{place.text} {token.head.text}': the place names the act")
    prep, head, phrase = introducing_word(token)
    if prep is not None and prep.lower_ in SITE_PREPS and in_organisation_name(trigger.doc, place, prep):
        return None
    journey = _journey_choice(place, prep, trigger) or (_arrival_choice(place, prep, trigger) if physical else None) \
        or (_visited_choice(place, prep, phrase, trigger) if physical else None)
    if journey is not None:
        return journey
    if prep is None and phrase.dep_ == "nsubj" and head.lemma_.lower() in SCENE_VERBS and \
            getattr(_governor(trigger), "i", -1) == head.i:
        return Choice(RANK_OWN, place, f"'{place.text} {head.text} … {trigger.text}': the place saw the act")
    outer, outer_phrase = site_preposition(prep, phrase)
    words = phrase_words(place, prep, outer)
    if outer is not None and locative(outer, outer_phrase):
        return _site_choice(place, words, outer, trigger, physical, occasion)
    if not physical or (outer is prep and place.feature_code in STATE_CODES):
        return None  # "sanctions on Damascus", "attacked Syria": the state is a party, not a place
    if outer is not None and outer.lower_ in TARGET_PREPS and outer.head.i in aiming_words(trigger) and \
            (not talks or outer.lower_ in TALK_WAY_PREPS):
        return Choice(RANK_TARGET, place, f"{words}: where '{trigger.text}' was aimed")
    if prep is None and head.i == trigger.i and phrase.dep_ in OBJECT_DEPS:
        return Choice(RANK_TARGET, place, f"{words}: the object of '{trigger.text}'")
    return None


def aiming_words(trigger: Any) -> set[int]:
    """The words whose target is the act's: the trigger, and for a nominal trigger the verb it is the
    object of ("carried out air strikes on Aleppo")."""
    governor = _governor(trigger) if trigger.pos_ not in ("VERB", "AUX") else None
    return {trigger.i} | ({governor.i} if governor is not None else set())


def _journey_choice(place: Place, prep: Any | None, trigger: Any) -> Choice | None:
    """The destination of a journey the act was told on ("Pope urges reconciliation during trip to
    Sarajevo", "on a visit to Beijing, the minister signed a deal"): the place "to" introduces on a
    journey noun that "during" or "on" hangs on the trigger or the verb it continues or is the object of.
    A speech act counts: it was said there."""
    if prep is None or prep.lower_ != "to" or prep.head.lemma_.lower() not in JOURNEY_NOUNS:
        return None
    journey = prep.head
    outer, on, _ = introducing_word(journey)
    governor = _governor(trigger)
    if outer is None or outer.lower_ not in JOURNEY_PREPS or \
            on.i not in (trigger.i, getattr(governor, "i", -1)):
        return None
    return Choice(RANK_GOVERNOR, place, f"'{outer.text} … {journey.text} to {place.text}': where '{trigger.text}' was")


def _visited_choice(place: Place, prep: Any | None, phrase: Any, trigger: Any) -> Choice | None:
    """The place a visit went to, when the act is the visit ("the minister visited Ethiopia", "his first visit to
    Bolivia") or the errand of a verb of going ("flew to Pakistan for talks", "went to Lima on a visit"): the act
    happened where the journey went. A country or capital so named is where the visitor was, not a state the act was
    aimed at, as it is for "sanctions on Damascus", so it is read before that rule; a place named by the object or
    the "to" of a visit or journey that is not the act's own ("accused the envoy who visited Greece") says nothing of
    it."""
    if prep is None and phrase.dep_ == "dobj" and phrase.head.i == trigger.i and \
            trigger.pos_ == "VERB" and trigger.lemma_.lower() in VISIT_VERBS:
        return Choice(RANK_TARGET, place, f"'{trigger.text} {place.text}': where the visit went")
    if prep is None or prep.lower_ not in ARRIVAL_PREPS:
        return None
    if prep.lower_ == "to" and prep.head.i == trigger.i and trigger.pos_ == "NOUN" and \
            trigger.lemma_.lower() in JOURNEY_NOUNS:
        return Choice(RANK_TARGET, place, f"'{trigger.text} to {place.text}': where the visit went")
    going = _going_on_errand(trigger)
    if going is not None and prep.head.i == going.i:
        return Choice(RANK_TARGET, place, f"'{going.text} {prep.text} {place.text} … {trigger.text}': where the "
                                          f"journey for '{trigger.text}' went")
    return None


def _going_on_errand(trigger: Any) -> Any | None:
    """The verb of going a nominal act is the errand of ("flew to Pakistan for talks"), or None."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.lower_ not in ERRAND_PREPS:
        return None
    going = trigger.head.head
    return going if going.pos_ == "VERB" and going.lemma_.lower() in GOING_VERBS else None


def _arrival_choice(place: Place, prep: Any | None, trigger: Any) -> Choice | None:
    """The end of a way the doers went just before the act ("the truck was driven to Oklahoma City and detonated",
    "soldiers rode into Lyon, making the garrison give up"): a verbal act that continues a verb of going, after
    it and with no subject of its own, was done where the going ended. Not the other way round: an act before the
    journey was done where it began ("abducted the engineer and arrived in Abuja with him")."""
    acting = _acting_verb(trigger)
    if prep is None or prep.lower_ not in ARRIVAL_PREPS or acting is None:
        return None
    going = prep.head
    if going.pos_ != "VERB" or going.lemma_.lower() not in GOING_VERBS or acting.head.i != going.i or \
            acting.dep_ not in ("conj", "advcl") or acting.i < going.i or \
            any(c.dep_ in SUBJECT_DEPS for c in acting.children):
        return None
    return Choice(RANK_CONJUNCT, place, f"'{going.text} {prep.text} {place.text}': where the way ended before "
                                        f"'{trigger.text}'")


def _acting_verb(trigger: Any) -> Any | None:
    """The verb that tells the trigger's act as its own: a verbal trigger, the verb it completes or is the means of
    ("began to shell", "began by meeting the governors": `MEANS_PREPS`), or the verb a noun trigger is the object of
    ("held talks"); None for any other noun."""
    if trigger.pos_ == "NOUN":
        return trigger.head if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" else None
    if trigger.pos_ != "VERB":
        return None
    if trigger.dep_ == "xcomp" and trigger.head.pos_ == "VERB":
        return trigger.head
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in MEANS_PREPS and trigger.head.head.pos_ == "VERB":
        return trigger.head.head
    return trigger


def _site_choice(place: Place, words: str, prep: Any, trigger: Any, physical: bool,
                 occasion: Any | None) -> Choice | None:
    """How a place that a locative preposition `prep` introduces ("in X", "at X") relates to the act."""
    head = prep.head
    if head.i == trigger.i and not speech_act(trigger):
        return Choice(RANK_OWN, place, f"{words} attached to '{trigger.text}'")
    governor = _governor(trigger)
    if governor is not None and head.i == governor.i:
        return Choice(RANK_GOVERNOR, place, f"{words} attached to '{governor.text} … {trigger.text}'")
    if occasion is not None and head.i == occasion.i:
        return Choice(RANK_GOVERNOR, place, f"{words}: where the '{occasion.text}' of '{trigger.text}' was")
    if physical and trigger.dep_ in MODIFIER_DEPS and trigger.pos_ == "NOUN" and head.i == trigger.head.i:
        return Choice(RANK_PARTICIPANT, place, f"{words} attached to '{trigger.text} {head.text}', which the act names")
    if _in_describing_clause(head, trigger, physical):
        return Choice(RANK_GOVERNOR, place, f"{words}: where the clause on '{trigger.text}' puts it")
    if physical and closing_conjunct(head, prep, trigger):
        return Choice(RANK_CONJUNCT, place, f"{words} closing '{trigger.text} … {head.text}', which share a subject")
    if physical and participant_of(head, trigger):
        return Choice(RANK_PARTICIPANT, place, f"{words}: where '{head.text}' of '{trigger.text}' is")
    if physical and governor is not None and head.dep_ in AGENT_DEPS and participant_of(head, governor):
        shared = f"'{head.text}' of '{governor.text} … {trigger.text}'"
        return Choice(RANK_SHARED_AGENT, place, f"{words}: where {shared} is")
    antecedent = relative_subject(governor) if physical and governor is not None else None
    if antecedent is not None and (antecedent.i == head.i or antecedent.head.i == prep.i):  # "unrest in X, which"
        return Choice(RANK_SHARED_AGENT, place, f"{words}: where '{head.text}', which '{governor.text}' "
                                                f"'{trigger.text}', is")
    return _clause_choice(place, words, prep, trigger, physical)


def _clause_choice(place: Place, words: str, prep: Any, trigger: Any, physical: bool) -> Choice | None:
    """How a place relates to a physical act through a clause around it: the subject the act shares with the
    verbs it continues, a participle clause on one of its participants, its purpose clause, the opening of its
    sentence."""
    head = prep.head
    if not physical:
        return _words_choice(place, words, prep, trigger)
    sharer = next((verb for verb in subject_sharers(trigger) if head.dep_ in SUBJECT_DEPS and head.head.i == verb.i),
                  None)
    if sharer is not None:
        return Choice(RANK_SHARED_AGENT, place, f"{words}: where '{head.text}' of '{sharer.text} … {trigger.text}' is")
    participant = described_participant(head, trigger)
    if participant is not None:
        return Choice(RANK_DESCRIBED_PARTICIPANT, place,
                      f"{words}: where '{participant.text}' of '{trigger.text}' was, by what it was doing")
    site = described_site(head, trigger, aiming_words(trigger))
    if site is not None:
        return Choice(RANK_PARTICIPANT, place, f"{words}: where '{site.text}' of '{trigger.text}' stands")
    if purpose_clause(head, trigger):
        return Choice(RANK_PURPOSE, place, f"{words}: where '{trigger.text}' was to '{head.text}'")
    if frames_the_sentence(prep, trigger):
        return Choice(RANK_FRAME, place, f"{words}: opens the sentence that tells of '{trigger.text}'")
    return None


def _words_choice(place: Place, words: str, prep: Any, trigger: Any) -> Choice | None:
    """How a place relates to a statement or decision through its doer or its sentence (`events.doer_place`): where
    its subject is said to be ("the Lutheran Church in Norway has advised"), or the place that opens its sentence."""
    doer = doer_with_place(prep, trigger, place_token(trigger.doc, place))
    if doer is not None:
        return Choice(RANK_SHARED_AGENT, place, f"{words}: where '{doer.text}', who '{trigger.text}', is", doer=True)
    if opens_for_words(prep, trigger):
        return Choice(RANK_FRAME, place, f"{words}: opens the sentence that tells of '{trigger.text}'")
    return None


def _in_describing_clause(word: Any, trigger: Any, physical: bool) -> bool:
    """True when `word` lies in a relative or reduced clause on the trigger noun, on its verb or a
    phrase of it ("protests, which have caught on to various extents in Algeria"), not in a clause
    below it: the place that clause gives is the trigger's own. A clause of content on a statement
    or decision ("a call for troops to leave Iraq") says what it is about, not where it was made:
    only a passive relative clause places those, one that tells what was done with the act ("a deal, which was
    signed in Geneva"), not what the act did ("sanctions, which hurt farmers in Ohio")."""
    for _ in range(MAX_HOPS):
        if word.pos_ in ("VERB", "AUX"):
            if not physical:
                return word.dep_ == "relcl" and word.head.i == trigger.i and _passive(word)
            return word.dep_ in DESCRIBING_DEPS and word.head.i == trigger.i
        if word.head.i == word.i:
            return False
        word = word.head
    return False


def _partitive_share(trigger: Any) -> Any | None:
    """The quantity word a nominal trigger is a share of when that word is a verb's subject or object ("most of the
    fighting happened in the Old Mill district", "police broke up some of the protests"): the verb's place is
    the trigger's, as it would be for "the clashes took place in ...". None for any other trigger."""
    of = trigger.head
    if trigger.dep_ != "pobj" or of.lower_ != "of":
        return None
    share = of.head
    if share.pos_ not in ("ADJ", "NUM", "PRON", "DET") or share.dep_ not in PARTICIPANT_DEPS - {"pobj"}:
        return None
    return share


def _passive(verb: Any) -> bool:
    """True when a clause is passive: what it says was done to its subject ("which was signed in Geneva")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _governor(trigger: Any) -> Any | None:
    """The verb whose place the trigger shares: the verb a nominal trigger is the object or
    subject of ("held talks", "the talks took place"), or the verb a participle, infinitive or
    conjunct trigger continues ("had the upper hand in Cairo, protesting", "met in Geneva and
    agreed"). Never a speech verb: "announced a ceasefire in Geneva" says where it was announced;
    nor the verb of a clause that a clause of another time hangs on (`of_another_time`). A gerund that is a subject or
    object ("Fighting continued in Iraq") names the act as a noun does.
    """
    if trigger.pos_ in ("VERB", "AUX") and not (trigger.tag_ == "VBG" and trigger.dep_ in OBJECT_DEPS | {"nsubj"}):
        head = trigger.head if trigger.dep_ in CONTINUING_DEPS and not of_another_time(trigger) else None
    elif trigger.dep_ in PARTICIPANT_DEPS:
        head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        share = _partitive_share(trigger)
        head = share.head if share is not None else head
    else:
        head = None
    if head is None or head.i == trigger.i or head.pos_ not in ("VERB", "AUX") or speech_act(head):
        return None
    return head


def of_another_time(verb: Any) -> bool:
    """True when a verb's clause is marked as telling a happening of another time than the clause it hangs on
    ("oil has fouled beaches in Alabama since a rig blew up", "talks were held in Doha before the truce
    collapsed"): that happening is another one, which may have been anywhere, so it does not take the place
    of the clause it hangs on."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in verb.children)
