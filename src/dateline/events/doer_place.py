"""Where a statement or decision was made, when the text places its doer rather than the act.

A statement, a demand or a decision has no site of its own that the parse ties to it, so `events.place_links` places
such acts only by a place attached to the act itself ("agreed in Geneva"). Two other ways of saying where one was
made are common in news and were read as nothing (issue 10: place samples 213 and 223, events-gold GWN):

* the doer's own noun carries its place ("the Lutheran Church in Norway has advised ...", "officials at the
  embassy in Paris criticised ..."): a body or people said to be somewhere act there, so its subject's "in" or "at"
  phrase places the act. Only the subject counts (the one who acted), through the verbs the act continues ("the
  ministry in Lima began to reject ...") or a relative clause whose pronoun stands for it ("an aide in Madrid,
  who refused to comment"); an object's place is the recipient's, not where the act was ("urged officials in
  Lagos to ..." may have been said anywhere). A doer posted abroad ("Chile's consulate in Madrid has cautioned ...")
  speaks for its state: its words are placed nowhere (`posted_abroad`, read by `events.locate`), as a foreign
  party's are not placed at a dateline town (`events.scene`); the events gold's coders leave such an embassy's
  warning unplaced;
* a place that opens the sentence sets its main clause ("In Canberra, two of the attaches being expelled were seen
  carrying boxes"): read by `sentence_frame.frames_the_sentence`, which refuses what someone is reported to have said.

This module answers only how the parse relates the place to the act; `events.place_links` ranks the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline.events.act_places import iso3_codes
from dateline.events.clause_links import relative_subject, subject_sharers
from dateline.events.sentence_frame import frames_the_sentence
from dateline.words import word_class

__all__ = ["DOER_PREPS", "doer_with_place", "opens_for_words", "posted_abroad"]

#: Prepositions by which a noun says where its bearer is ("the synod in Oslo", "an aide at the Madrid office").
DOER_PREPS = frozenset({"in", "at"})
#: Marks of a phrase or clause telling a happening of another time than the clause it hangs on ("after the merger").
OTHER_TIME_MARKS = word_class("prepositions", "other-time")
#: How far up the parse a trigger is walked to the clause an opening place sets.
MAX_HOPS = 12
#: The link of the act's doer to its verb: the active subject ("pupils in Leeds were told to stay home" names whom
#: the order reached, which may have been given anywhere).
SUBJECT_LINKS = frozenset({"nsubj"})
#: Entity labels of a name a place word may be part of ("a professor at the University of Texas"): the body, not
#: the place, is where its member is.
BODY_LABELS = frozenset({"ORG"})


def doer_with_place(prep: Any, trigger: Any, place_word: Any) -> Any | None:
    """The act's doer whose own phrase `prep` ("in", "at") is, or None: the subject of the trigger, of a verb whose
    subject it shares ("began to yield"), or the noun a relative clause on it stands for ("an aide at the
    Madrid office, who refused"). `prep` must hang on that noun itself: "the head of the office in Rome"
    places the office, not its head, and says nothing surer of where he spoke than the bare office would. The place
    (`place_word`, its first token) is no word of a body's name ("a chemist at the University of
    Oregon"), nor one of several places ("growers in Ohio and Iowa filed suits": the doers were in
    each, the act in none of them as a dot)."""
    if prep.lower_ not in DOER_PREPS or prep.dep_ != "prep" or place_word.ent_type_ in BODY_LABELS:
        return None
    if place_word.dep_ == "conj" or any(c.dep_ == "conj" for c in place_word.children):
        return None
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.dep_ in SUBJECT_LINKS and noun.head.i in {trigger.i, *(v.i for v in subject_sharers(trigger))}:
        return noun
    antecedent = relative_subject(trigger)
    return antecedent if antecedent is not None and antecedent.i == noun.i else None


def opens_for_words(prep: Any, trigger: Any) -> bool:
    """True when the place opens the sentence as the setting of a statement or decision its own clauses tell ("In
    Nepal, the king began to yield power"), as it does for a physical act; not when it only says where a speaker
    reported what others did (`frames_the_sentence`), nor for an act told as the happening of another time that
    the clause hangs on ("In Madrid, the bank's stock rose after its deal with the regulator": the deal may have
    been made anywhere), nor for a noun the clause speaks of ("as investors welcomed the deal")."""
    if trigger.pos_ not in ("VERB", "AUX") or prep.lower_ not in DOER_PREPS:
        return False  # a noun ("as investors welcomed the deal") names a happening the clause is about, not its act
    if any(word.dep_ == "relcl" for word in _path_up(trigger, prep.head)):
        return False  # "passed a bill that would raise fees": what the bill would do, not where
    return frames_the_sentence(prep, trigger) and not _of_another_time(trigger, prep.head)


def _path_up(trigger: Any, frame: Any) -> list[Any]:
    """The words from the trigger up to (not including) `frame`, or up to the root when `frame` is not above it."""
    path, word = [], trigger
    for _ in range(MAX_HOPS):
        if word.i == frame.i or word.head.i == word.i:
            break
        path.append(word)
        word = word.head
    return path


def _of_another_time(trigger: Any, frame: Any) -> bool:
    """True when a word between the trigger and the verb the opening place sets is "after", "before", "since" or
    "until" that heads the trigger's phrase or marks its clause."""
    return any((word.lower_ in OTHER_TIME_MARKS and word.dep_ in ("prep", "mark"))
               or any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in word.children)
               for word in _path_up(trigger, frame))


def posted_abroad(country_code: str | None, actors: Iterable[Any]) -> bool:
    """True when the act's doers have countries (ISO alpha-3) and the place (`country_code`, GeoNames alpha-2) lies
    in none of them: an embassy, a delegation or an exile body acting for its state from another country's town."""
    countries = {getattr(actor, "country", None) for actor in actors} - {None}
    country = iso3_codes().get(country_code or "")
    return bool(countries) and country is not None and country not in countries
