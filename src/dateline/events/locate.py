"""Event location: the place where the sentence says an event happened.

An event happens where its sentence puts it: first a place attached to the trigger by a
locative preposition ("met in Geneva", "fighters in the villages of X and Y were
evacuated"), then another place of the sentence introduced by such a preposition, then
the sentence's other places. Places that are the trigger's subject or object ("Turkey
agreed", "attacked Syria") are parties, not locations, and a possessor ("Syria's Hama")
gives way to what it possesses. No place in the sentence: no location.

This module reads `doc.places` (left by the places stage) and the spaCy parse; it imports
no other stage.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Document, Location, Place
from dateline.words import word_class

#: Prepositions that put an event somewhere ("in", "near"); "between" and "with" name parties.
LOCATIVE_PREPS = word_class("prepositions", "event-place")
#: Prepositions whose objects are parties ("a deal between Turkey and Russia", "talks with Iran").
PARTY_PREPS = word_class("prepositions", "party")
#: A place that is a subject is a party of the event ("Turkey agreed"), never its location.
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
#: The trigger's objects: a country there is a party ("accused Turkey"), a town the location.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "agent", "dative"})
COUNTRY_CODES = frozenset({"PCLI", "CONT"})
#: How far up the parse a place may be from the trigger and still be attached to it.
MAX_PATH = 8
#: Ranks of how a place relates to the trigger; higher wins.
RANK_ATTACHED, RANK_LOCATIVE, RANK_IN_SENTENCE = 3.0, 2.0, 1.0
#: Finer places win ties: a town says more than the country around it.
FINENESS = {"PCLI": 0.0, "CONT": 0.0, "ADM1": 0.1, "ADM2": 0.15}
DEFAULT_FINENESS = 0.2


def locate_event(doc: Document, trigger_i: int) -> Location | None:
    """The place where the event triggered at token `trigger_i` happened, if the sentence says."""
    if doc.parsed is None or not doc.places:
        return None
    trigger = doc.parsed[trigger_i]
    sent = trigger.sent
    ranked = []
    for place in doc.places:
        if place.token_start is None or not sent.start <= place.token_start < sent.end:
            continue
        rank = place_rank(doc.parsed, place, trigger)
        if rank > 0:
            ranked.append((rank, place))
    if not ranked:
        return None
    return max(ranked, key=lambda rp: rp[0])[1].as_location()


def place_rank(parsed: Any, place: Place, trigger: Any) -> float:
    """How surely the sentence puts the event at this place (0: it does not)."""
    root = parsed[place.token_start:place.token_end].root
    if _is_party(root, trigger, place.feature_code or ""):
        return 0.0
    locative, reaches = _path_to(root, trigger)
    if root.dep_ == "poss" and not locative:
        return 0.0
    distance = abs(root.i - trigger.i) / 100.0
    fineness = FINENESS.get(place.feature_code or "", DEFAULT_FINENESS)
    if locative and reaches:
        return RANK_ATTACHED + fineness - distance
    if locative or _is_target(root, trigger):
        return RANK_LOCATIVE + fineness - distance
    return RANK_IN_SENTENCE + fineness - distance


def _first_conjunct(token: Any) -> Any:
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # "Turkey, Russia and Iran": the first conjunct tells
    return token


def _is_party(token: Any, trigger: Any, feature_code: str) -> bool:
    """True when the place is a party, not a location: a subject ("Turkey said ... and
    accused"), a "between X" object, or a country that is the trigger's object."""
    token = _first_conjunct(token)
    if token.dep_ in SUBJECT_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in PARTY_PREPS:
        return True
    return _is_target(token, trigger) and feature_code in COUNTRY_CODES


def _is_target(token: Any, trigger: Any) -> bool:
    """The trigger's object ("shelled Homs", "Homs was shelled"): a town there is the location."""
    token = _first_conjunct(token)
    return token.head.i == trigger.i and token.dep_ in OBJECT_DEPS


def _path_to(token: Any, trigger: Any) -> tuple[bool, bool]:
    """Walk up from a place: (did we pass a locative preposition, did we reach the trigger)."""
    locative = False
    for _ in range(MAX_PATH):
        if token.i == trigger.i:
            return locative, True
        head = token.head
        if head.i == token.i:
            return locative, False
        if head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS and token.dep_ == "pobj":
            locative = True
        token = head
    return locative, False
