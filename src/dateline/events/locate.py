"""Event location: where the act happened, decided from the parse, with the evidence for it.

A place named in a sentence is not for that the place of its event. The event is placed

1. at a place the trigger itself takes with a locative preposition ("met in Geneva",
   "protests in Cairo"), or that the verb governing a nominal trigger takes ("held talks
   in Geneva"): the act is said to happen there;
2. for physical acts only (`located_event_types`: fighting, arrests, protests, meetings ...):
   at the place where its participants are said to be ("militias in the villages of Foua
   were evacuated"), or at a town the act is aimed at ("shelled Homs", "strikes on Idlib").
   A country or a capital aimed at stands for its state ("sanctions on Damascus"): a party;
3. for physical acts with no place of their own: at the story's scene, the place the
   article last gave an event ("Clashes erupted in Deraa. ... Rockets were exchanged"), or,
   before the article has placed any act, at its dateline town ("CAIRO, Egypt (CNN) --"), where
   the reporter saw it, when all its parties are of that town's country. A scene is taken for an
   act aimed across a border only when it lies in one of its parties' countries: a story about
   Yemen does not place Ben Ali's flight from Tunisia in Yemen.

Never at a place the act is reported from ("said in Cairo"), a place in another clause
(a relative clause, "who lives in X"), a place merely mentioned, or a subject ("Turkey
agreed"): no location is better than a wrong one. Every choice carries its `basis` (shown by
`dateline show`) and the place's precision (point, admin area, country).

This module reads `doc.places`, `doc.events` (the scene) and the parse; it imports no other stage.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any, NamedTuple

from dateline.events.index import ArticleIndex
from dateline.events.occasion import occasion_noun
from dateline.events.scene_fit import same_kind, same_time
from dateline.events.targets import iso3_codes
from dateline.model import Document, Location, LocationPrecision, Place
from dateline.timex3 import interval
from dateline.words import word_class, word_set

#: Prepositions that put an act at a place ("in", "at", "near").
SITE_PREPS = word_class("prepositions", "event-place")
#: Prepositions that name where an act is aimed or goes ("on", "into", "from").
TARGET_PREPS = word_class("prepositions", "event-target")
#: Event types that happen at a physical place (a statement or a phone call has none).
LOCATED_TYPES = word_set("located_event_types")
#: A speech act happens where it is said: the speaker's location is not where it took effect.
SPEECH_VERBS = word_set("reporting_verbs")
#: The trigger's objects: a town there is where the act happened ("shelled Homs", "Homs was shelled").
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
#: Participants of the act: where they are said to be is where it happened ("rebels in Idlib were shelled").
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj"})
#: Clauses that continue the act of their governing verb and share its place (not relative clauses).
CONTINUING_DEPS = frozenset({"advcl", "xcomp", "conj"})
#: Clauses that describe a noun: a place there is the noun's own ("talks, which were held in Geneva",
#: "the talks held in Geneva", "a strike that stopped all production in southern Iraq").
DESCRIBING_DEPS = frozenset({"relcl", "acl"})
#: Links inside one noun phrase, walked up from a place to the preposition that introduces it
#: ("the villages of Foua and Kefraya", "Syria's Idlib province", "the city of Aleppo, Syria").
NOUN_LINKS = frozenset({"conj", "appos", "compound", "poss", "nmod", "amod", "npadvmod", "cc"})
#: Places that stand for their state when aimed at: a country, a capital ("sanctions on Damascus").
STATE_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "CONT", "PPLC"})
#: Areas too wide to be a story's scene: a continent, a region, a sea ("protests sweep across
#: North Africa and the Middle East" places no later act anywhere in particular).
WIDE_AREA_CODES = frozenset({"CONT", "RGN", "RGNE", "OCN", "SEA", "GULF"})
#: How many days from the article date an act may be to be of the story's present (a week).
PRESENT_DAYS = 7
#: How a location the sentence does not state begins its basis: the story's scene, the dateline.
SCENE_BASIS, DATELINE_BASIS = "scene of the story", "the article's dateline"
#: How far up the parse a place may be from the preposition that introduces it.
MAX_HOPS = 8
#: Ranks of how the sentence relates a place to the act; higher wins.
RANK_OWN, RANK_GOVERNOR, RANK_PARTICIPANT, RANK_TARGET = 4.0, 3.0, 2.0, 1.5
#: Finer places win ties: a town says more than the country around it.
FINENESS: dict[LocationPrecision, float] = {"country": 0.0, "admin": 0.1, "point": 0.2}
#: Characters that may stand between a dateline's town and the dateline mark ("CAIRO, Egypt (CNN) --").
DATELINE_FILLER = frozenset(", \n\t")
#: What closes a dateline that opens the text ("CALAMBA CITY, Laguna ...", "NEW DELHI: ...").
DATELINE_MARKS = frozenset(",(:-\u2013\u2014")


class Choice(NamedTuple):
    """A place the sentence gives an event, how surely, and the words that say so."""

    rank: float
    place: Place
    basis: str


def locate_event(doc: Document, trigger_i: int, event_type: str | None = None, actors: Iterable[Any] = (),
                 recipients: Iterable[Any] = (), date: str | None = None) -> Location | None:
    """The place where the event triggered at token `trigger_i` happened, or None when the text
    does not say (see the module docstring for the order of evidence). `actors` and `recipients`
    are the event's parties (anything with a `country`, ISO alpha-3): a place the sentence does
    not state must lie in one of their countries. `date` is the event's TIMEX3 date: the dateline
    town is only for acts of the story's present."""
    if doc.parsed is None or not doc.places or not 0 <= trigger_i < len(doc.parsed):
        return None
    trigger = doc.parsed[trigger_i]
    physical = event_type is None or event_type in LOCATED_TYPES
    occasion = occasion_noun(doc, trigger)
    choices = [c for place in _sentence_places(doc, trigger)
               if (c := place_choice(place, trigger, physical, occasion))]
    if choices:
        best = max(choices, key=lambda c: c.rank + FINENESS[place_precision(c.place)] - _distance(c, trigger))
        return best.place.as_location(best.basis)
    if not physical or event_type is None:
        return None
    countries, across = party_countries(actors, recipients)
    scene = scene_location(doc, trigger, countries if across else None, date, event_type)
    return scene or (dateline_location(doc, trigger, countries) if _of_the_present(doc, date) else None)


def _of_the_present(doc: Document, date: str | None) -> bool:
    """True when the event happened about when the article was written (within `PRESENT_DAYS`),
    or no date says otherwise: a reporter's town is not where a sentence handed down years ago was."""
    span = interval(date) if date else None
    return span is None or abs((span.last - doc.article.date).days) <= PRESENT_DAYS


def party_countries(actors: Iterable[Any], recipients: Iterable[Any]) -> tuple[frozenset[str], bool]:
    """The countries of an act's parties, and whether the act reaches across a border: it has a
    recipient with a country, or parties of two countries. Such an act happens in one of their
    countries ("expulsions of Russian diplomats", "the assault on America"); a lone state's act
    may happen abroad ("America fought and occupied" at the story's scene in Iraq)."""
    targets = {c for c in (getattr(p, "country", None) for p in recipients) if c}
    countries = targets | {c for c in (getattr(p, "country", None) for p in actors) if c}
    return frozenset(countries), bool(targets) or len(countries) > 1


def location_for_type(location: Location | None, event_type: str) -> Location | None:
    """The location an event keeps when it is re-typed: a place taken from the story's scene or
    the dateline is only for physical acts, so a statement or decision loses it; a place the
    sentence states for the act stays."""
    if location is None or event_type in LOCATED_TYPES:
        return location
    return None if (location.basis or "").startswith((SCENE_BASIS, DATELINE_BASIS)) else location


def _sentence_places(doc: Document, trigger: Any) -> list[Place]:
    sent = trigger.sent
    return ArticleIndex.of(doc).places_in_tokens(sent.start, sent.end)


def _distance(choice: Choice, trigger: Any) -> float:
    return abs((choice.place.token_start or 0) - trigger.i) / 1000.0


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


def place_choice(place: Place, trigger: Any, physical: bool, occasion: Any | None = None) -> Choice | None:
    """How the sentence relates `place` to the act at `trigger`, or None when it does not place it there.
    `occasion` is the noun of the occasion the trigger's clause is about ("a summit ..., at which")."""
    prep, head, phrase = introducing_word(place_token(trigger.doc, place))
    words = f"'{prep.text} {place.text}'" if prep is not None else f"'{place.text}'"
    if prep is not None and prep.lower_ in SITE_PREPS:
        if head.i == trigger.i and not _speech(trigger):
            return Choice(RANK_OWN, place, f"{words} attached to '{trigger.text}'")
        governor = _governor(trigger)
        if governor is not None and head.i == governor.i:
            return Choice(RANK_GOVERNOR, place, f"{words} attached to '{governor.text} … {trigger.text}'")
        if occasion is not None and head.i == occasion.i:
            return Choice(RANK_GOVERNOR, place, f"{words}: where the '{occasion.text}' of '{trigger.text}' was")
        if _in_describing_clause(head, trigger, physical):
            return Choice(RANK_GOVERNOR, place, f"{words}: where the clause on '{trigger.text}' puts it")
        if physical and _participant_of(head, trigger):
            return Choice(RANK_PARTICIPANT, place, f"{words}: where '{head.text}' of '{trigger.text}' is")
        return None
    if not physical or place.feature_code in STATE_CODES:
        return None  # "sanctions on Damascus", "attacked Syria": the state is a party, not a place
    if prep is not None and prep.lower_ in TARGET_PREPS and head.i == trigger.i:
        return Choice(RANK_TARGET, place, f"{words}: where '{trigger.text}' was aimed")
    if prep is None and head.i == trigger.i and phrase.dep_ in OBJECT_DEPS:
        return Choice(RANK_TARGET, place, f"{words}: the object of '{trigger.text}'")
    return None


def place_token(parsed: Any, place: Place) -> Any:
    """The token heading a place's span in the parse."""
    return parsed[place.token_start:place.token_end].root


def introducing_word(token: Any) -> tuple[Any | None, Any, Any]:
    """The preposition that introduces a place (None when there is none), the word it hangs on,
    and the head of the place's phrase.

    Walks up the noun phrase ("the villages of Foua and Kefraya", "Syria's Idlib province");
    without a preposition the word the phrase hangs on is its head's head (a verb whose object it is).
    """
    for _ in range(MAX_HOPS):
        if token.head.i == token.i:
            break
        if token.dep_ == "pobj" and token.head.lower_ != "of":
            return token.head, token.head.head, token
        if token.dep_ == "pobj":  # "the villages of Foua": the phrase goes on above "of"
            token = token.head.head
        elif token.dep_ in NOUN_LINKS:
            token = token.head
        else:
            break
    return None, token.head, token


def _in_describing_clause(word: Any, trigger: Any, physical: bool) -> bool:
    """True when `word` lies in a relative or reduced clause on the trigger noun, on its verb or a
    phrase of it ("protests, which have caught on to various extents in Algeria"), not in a clause
    below it: the place that clause gives is the trigger's own. A clause of content on a statement
    or decision ("a call for troops to leave Iraq") says what it is about, not where it was made:
    only a relative clause places those."""
    for _ in range(MAX_HOPS):
        if word.pos_ in ("VERB", "AUX"):
            deps = DESCRIBING_DEPS if physical else DESCRIBING_DEPS - {"acl"}
            return word.dep_ in deps and word.head.i == trigger.i
        if word.head.i == word.i:
            return False
        word = word.head
    return False


def _speech(trigger: Any) -> bool:
    """A speech act ("said in Cairo", "warned in London"): where it was said is not where it took effect."""
    return trigger.pos_ == "VERB" and trigger.lemma_.lower() in SPEECH_VERBS


def _governor(trigger: Any) -> Any | None:
    """The verb whose place the trigger shares: the verb a nominal trigger is the object or
    subject of ("held talks", "the talks took place"), or the verb a participle, infinitive or
    conjunct trigger continues ("had the upper hand in Cairo, protesting", "met in Geneva and
    agreed"). Never a speech verb: "announced a ceasefire in Geneva" says where it was announced.
    """
    if trigger.pos_ in ("VERB", "AUX"):
        head = trigger.head if trigger.dep_ in CONTINUING_DEPS else None
    elif trigger.dep_ in PARTICIPANT_DEPS:
        head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
    else:
        head = None
    if head is None or head.i == trigger.i or head.pos_ not in ("VERB", "AUX") or _speech(head):
        return None
    return head


def _participant_of(noun: Any, trigger: Any) -> bool:
    """True when `noun` is a participant of the act: its subject or object, or the object of a
    preposition on it ("rebels in Idlib were shelled", "killed by gunmen in Baghdad")."""
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.dep_ not in PARTICIPANT_DEPS:
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head.i == trigger.i


def in_party_country(place: Place, countries: frozenset[str] | None) -> bool:
    """True when the place lies in the country of one of the act's parties; parties with no
    country (None: not asked) say nothing against it."""
    if not countries:
        return True
    return iso3_codes().get(place.country_code or "") in countries


def scene_location(doc: Document, trigger: Any, countries: frozenset[str] | None = None,
                   date: str | None = None, event_type: str | None = None) -> Location | None:
    """The story's scene: the place the article last stated for an act before this sentence.

    A sentence that continues the story ("Rockets were exchanged") happened where the last
    act was placed ("Clashes erupted in Deraa"), until the article names another place.
    The events are coded sentence by sentence, so what the places before this sentence say is
    settled: each place is read once (`_SceneTrail`) and the scene is kept as the text goes
    on, instead of every event walking back over every earlier place.
    """
    trail = _SceneTrail.of(doc)
    found = trail.scene_before(doc, trigger.sent.start_char)
    if found is None:
        return None
    place, act = found
    scene_event = next((e for e in doc.events if e.evidence.trigger_start == act.idx), None)
    if not in_party_country(place, countries) or not same_time(doc, scene_event, date) or \
            not (place_precision(place) == "country" or same_kind(scene_event, event_type)):
        return None
    return place.as_location(f"{SCENE_BASIS}: '{act.text} … {place.text}' earlier in the article")


def dateline_location(doc: Document, trigger: Any, countries: frozenset[str]) -> Location | None:
    """The article's dateline town, for a physical act before the article places any act, when
    every party is of the town's country: a domestic act, seen by the reporter there. Parties with
    no country give no ground to place it there; a foreign party may have acted elsewhere."""
    place = dateline_place(doc)
    if place is None or countries != {iso3_codes().get(place.country_code or "")}:
        return None
    if _SceneTrail.of(doc).scene is not None:
        return None  # the story has moved to a place of its own, which disagrees with the parties
    return place.as_location(f"{DATELINE_BASIS}: '{place.text}', where it was reported")


def dateline_place(doc: Document) -> Place | None:
    """The town or area an article is filed from: the first place of a dateline the story stage
    set apart ("CAIRO, Egypt (CNN) --"), or a capitalised place opening the text and closed by a
    dateline mark ("CALAMBA CITY, Laguna Mayor ..."). Never a country: it says too little.

    Found once per article parse and its places and excluded spans: it was looked for again for
    every physical act, each time cutting the text between places and marks (26 s of a 46 s events
    stage on 12 EgyptianProtest_cnn articles)."""
    if doc.parsed is None:
        return _find_dateline_place(doc)
    sizes = (len(doc.places), len(doc.excluded))
    kept = _DATELINE_PLACES.get(doc.parsed)
    if kept is None or kept[0] is not doc.places or kept[1] is not doc.excluded or kept[2] != sizes:
        kept = _DATELINE_PLACES[doc.parsed] = (doc.places, doc.excluded, sizes, _find_dateline_place(doc))
    return kept[3]


#: Each article parse's dateline place, with the lists it was found in (held, and compared by identity: an id
#: of a list let go may be a later list's), dropped with the parse.
_DATELINE_PLACES: weakref.WeakKeyDictionary[Any, tuple[Any, Any, tuple[int, int], Place | None]] = \
    weakref.WeakKeyDictionary()


def _find_dateline_place(doc: Document) -> Place | None:
    text = doc.article.text
    marks = [s for s in doc.excluded if s.kind == "dateline"]
    last_mark = max((s.end for s in marks), default=0)
    for place in doc.places:
        if place.start > last_mark and text[:place.start].strip():
            break
        if place.name is None or place_precision(place) == "country":
            continue
        if any(_leads_to(text, place, span, doc.places) for span in marks):
            return place
        if not text[:place.start].strip() and place.text.isupper() and \
                text[place.end:].lstrip(" ")[:1] in DATELINE_MARKS:
            return place
    return None


def _leads_to(text: str, place: Place, mark: Any, places: list[Place]) -> bool:
    """True when the place lies in a dateline mark, or only commas, spaces and other place names
    stand between it and the mark ("Cairo, Egypt (CNN) --")."""
    if mark.start <= place.start < mark.end:
        return True
    if place.end > mark.start:
        return False
    between = text[place.end:mark.start]
    for other in places:
        if place.end <= other.start and other.end <= mark.start:
            between = between.replace(other.text, "", 1)
    return set(between) <= DATELINE_FILLER


class _SceneTrail:
    """The last place stated for an act, followed through the article's places in text order.

    Kept beside the article's parse (weakly), so it lives and dies with it."""

    def __init__(self) -> None:
        self.next_place = 0  # places before this index have been read
        self.read_upto = -1  # ... and they are the places starting before this character
        self.scene: tuple[Place, Any] | None = None
        self.trigger_starts: set[int] = set()  # of the events coded so far (events are only appended)
        self.events_seen = 0

    @classmethod
    def of(cls, doc: Document) -> _SceneTrail:
        trail = _SCENE_TRAILS.get(doc.parsed)
        if trail is None:
            trail = _SCENE_TRAILS[doc.parsed] = cls()
        return trail

    def scene_before(self, doc: Document, sentence_start: int) -> tuple[Place, Any] | None:
        """The last place before `sentence_start` stated for an act, with that act."""
        if sentence_start < self.read_upto:  # asked out of text order: start again from the top
            self.__init__()
        if len(doc.events) < self.events_seen:
            self.trigger_starts, self.events_seen = set(), 0
        self.trigger_starts.update(e.evidence.trigger_start for e in doc.events[self.events_seen:])
        self.events_seen = len(doc.events)
        starts, places = self.trigger_starts, doc.places
        while self.next_place < len(places) and places[self.next_place].start < sentence_start:
            place = places[self.next_place]
            self.next_place += 1
            if place.name is None or place.token_start is None:
                continue
            act = _act_placed(doc, place, starts)
            if act is not None:
                self.scene = None if place.feature_code in WIDE_AREA_CODES else (place, act)
        self.read_upto = sentence_start
        return self.scene


#: Each article parse's scene trail, dropped with the parse.
_SCENE_TRAILS: weakref.WeakKeyDictionary[Any, _SceneTrail] = weakref.WeakKeyDictionary()


def _act_placed(doc: Document, place: Place, trigger_starts: set[int] | None = None) -> Any | None:
    """The act a place is stated for ("erupted in Deraa", "protests in Cairo"), or None when the
    place is not where something happened (a reporting place, a relative clause, a mention)."""
    prep, head, _ = introducing_word(place_token(doc.parsed, place))
    if prep is None or prep.lower_ not in SITE_PREPS or _speech(head) or head.dep_ == "relcl":
        return None
    if head.pos_ == "VERB" and head.dep_ == "ROOT":
        return head  # the sentence's own act: "Chaos reigned in Cairo"
    starts = trigger_starts if trigger_starts is not None else {e.evidence.trigger_start for e in doc.events}
    return head if head.idx in starts else None
