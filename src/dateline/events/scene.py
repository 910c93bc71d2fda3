"""The places an event that states none of its own may take: the story's scene (the place the
article last stated for an act) and the article's dateline town (where the reporter saw it).

Both are read once per article parse and kept beside it (weakly), so that coding an article's
events stays linear in its length. Read by `events.locate`; reads `doc.places`, `doc.excluded`,
`doc.events` (the events coded so far) and the parse, no other stage.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import Any

from dateline.events.act_places import iso3_codes
from dateline.events.capitals import capital_places
from dateline.events.clause_links import SUBJECT_DEPS, participant_of
from dateline.events.dating_hooks import entry_start
from dateline.events.dating_present import dated_by_present
from dateline.events.index import ArticleIndex
from dateline.events.place_links import (
    introducing_word,
    locative,
    place_precision,
    place_token,
    site_preposition,
)
from dateline.events.scene_fit import same_kind, same_time
from dateline.events.seats import dateline_refuted
from dateline.events.sentence_frame import in_organisation_name, names_a_holder, speech_act
from dateline.events.story_moves import moved_away
from dateline.model import Document, Event, Location, Place
from dateline.words import word_class, word_set

#: Areas too wide to be a story's scene: a continent, a region, a sea, a river ("strikes spread across
#: West Africa and the Sahel" places no later act anywhere in particular); a region's national part, put in
#: its country by the places stage ("Iranian Kurdistan", `found_by` "national_part"), is no scene either.
WIDE_AREA_CODES = frozenset({"CONT", "RGN", "RGNE", "OCN", "SEA", "GULF", "STM"})
#: How a location the sentence does not state begins its basis: the story's scene, the dateline.
SCENE_BASIS, DATELINE_BASIS = "scene of the story", "the article's dateline"
#: Characters that may stand between a dateline's town and the dateline mark ("CAIRO, Egypt (CNN) --").
DATELINE_FILLER = frozenset(", \n\t")
#: What closes a dateline that opens the text ("TACLOBAN CITY, Leyte ...", "NEW DELHI: ...").
DATELINE_MARKS = frozenset(",(:-\u2013\u2014")
#: A filing town joined to another in one dateline, read on each side of the place: "WASHINGTON/VENICE, Louisiana",
#: "HOUSTON/LONDON (Reuters)", "TIJUANA & SAN DIEGO (AP)" (Timeline17 writes the slash as "\\/"). The text before the
#: place may end with the other town and its joiner, and an area name may follow the second town ("VENICE, ").
JOINED_BEFORE = re.compile(r"[A-Z]{2,}\.?\s*(?:\\?/|&)\s*(?:[A-Z][A-Z .'-]*,\s*)?$")
JOINED_AFTER = re.compile(r"^\s*(?:\\?/|&)\s*[A-Z]{2,}")
#: Auxiliaries of a clause that tells no fact ("the toll will be matched in Britain", "troops could enter Homs"):
#: a place such a clause gives is where nothing has happened, so it sets no scene.
UNREAL_AUX = word_class("auxiliaries", "irrealis") | word_class("auxiliaries", "future")
#: Words putting a place beside the story's own ("landed in the neighbouring Dominican Republic" in a story of Haiti):
#: the act told there happened there, but the story's later acts did not.
BESIDE_STORY = word_class("place_words", "beside-story")
#: Nouns of armed encounters the coder codes as no event: a place stated for one sets the scene all the same.
SCENE_NOUNS = word_set("scene_nouns")
#: The prepositions that aim an armed push at a town ("their onslaught on Baghdad"; "over Congress" names a topic).
ASSAULT_WAY_PREPS = word_class("prepositions", "assault-way")
#: Verbs that name an act as a wish through "for" ("calls for rallies"), and verbs of meaning to do one.
WISH_VERBS, INTENT_VERBS = word_set("prepositional_irrealis_verbs"), word_set("intention_verbs")
#: How far up from a place's noun the act it takes part in may be ("clashes between forces and protesters in X").
PARTICIPANT_HOPS = 3


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
    on, instead of every event walking back over every earlier place. On a live page (two stamps or more) the
    scene stays within the entry: a teaser's death in New York placed a later entry's Cairo street battles there.
    """
    trail = _SceneTrail.of(doc)
    found = trail.scene_before(doc, trigger.sent.start_char)
    if found is None:
        return None
    place, act = found
    if act.idx < entry_start(doc, trigger.idx):
        return None  # a live page's entry is a story of its own: no place of the entries before it goes on in it
    scene_event = next((e for e in doc.events if e.evidence.trigger_start == act.idx), None)
    if not in_party_country(place, countries) or not same_time(doc, scene_event, date) or \
            not (place_precision(place) == "country" or same_kind(scene_event, event_type)):
        return None
    if moved_away(doc, place, trigger) is not None:  # the story went on to a town outside the scene
        return None
    return place.as_location(f"{SCENE_BASIS}: '{act.text} … {place.text}' earlier in the article")


def dateline_location(doc: Document, trigger: Any, countries: frozenset[str], parties: Iterable[Any] = (),
                      words: bool = False) -> Location | None:
    """The article's dateline town, for an act before the article places any act in a place of its
    own, when every party is of the town's country: a domestic act, seen or heard by the reporter
    there. Parties with no country give no ground to place it there; a foreign party may have acted
    elsewhere. A scene that is only an area holding the town, its country or its state ("covering demonstrations in
    Egypt", filed from Cairo; "on his trip to the Louisiana coast", filed from Grand Isle, Louisiana), has not moved
    the story away from the town: the town says more; nor, for `words`, has a scene that is the town itself (a
    physical act the scene did not take, by its day or its parties, is not given the same town through the
    dateline). Nor when the act's sentence or its `parties` say it was done elsewhere (`events.seats`: a town of
    another area named, or, for `words`, a figure of the state speaking from a capital the town is not)."""
    place = dateline_place(doc)
    if place is None or countries != {iso3_codes().get(place.country_code or "")}:
        return None
    scene = _SceneTrail.of(doc).scene
    same_town = words and scene is not None and scene[0].geonameid == place.geonameid
    if scene is not None and not same_town and not area_holds(scene[0], place):
        return None  # the story has moved to a place of its own, which disagrees with the parties
    if dateline_refuted(doc, place, trigger, parties, words) is not None:
        return None
    return place.as_location(f"{DATELINE_BASIS}: '{place.text}', where it was reported")


def area_holds(area: Place, town: Place) -> bool:
    """True when a place is the town's country, or the first-level area (state, province) the town lies in (read by
    `events.locate` too: a sentence's wider place gives way to its town)."""
    if area.country_code != town.country_code:
        return False
    return place_precision(area) == "country" or (area.feature_code == "ADM1" and area.admin1 == town.admin1)


def dateline_place(doc: Document) -> Place | None:
    """The town or area an article is filed from: the first place of a dateline the story stage
    set apart ("CAIRO, Egypt (CNN) --"), or a capitalised place opening the text and closed by a
    dateline mark ("TACLOBAN CITY, Leyte Mayor ..."). Never a country: it says too little. None for a dateline
    shared by two filing towns ("WASHINGTON/VENICE, Louisiana", `shares_dateline`): the reporters were in both, so
    the dateline says not where any one act was seen (a wire's story of Washington's and the Gulf's acts placed the
    Interior Department's resignation and a share price rise in Louisiana).

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
        if any(_leads_to(text, place, span, doc.places) for span in marks) or _opens_text(text, place):
            return None if shares_dateline(text, place) else place
    return None


def _opens_text(text: str, place: Place) -> bool:
    """True for a capitalised place opening the text and closed by a dateline mark ("TACLOBAN CITY, Leyte ...")."""
    return not text[:place.start].strip() and place.text.isupper() and \
        text[place.end:].lstrip(" ")[:1] in DATELINE_MARKS


def shares_dateline(text: str, place: Place) -> bool:
    """True when the dateline place is one of two filing towns joined by a slash or "&": the other town and its
    joiner stand just before it ("WASHINGTON/VENICE, Louisiana": Louisiana; "HOUSTON/LONDON": LONDON), or the joiner
    and another town just after it ("HOUSTON/LONDON": HOUSTON). Read on the place's line only."""
    line_start = text.rfind("\n", 0, place.start) + 1
    line_end = text.find("\n", place.end)
    before, after = text[line_start:place.start], text[place.end:line_end if line_end >= 0 else len(text)]
    return JOINED_BEFORE.search(before) is not None or JOINED_AFTER.match(after) is not None


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
        self.places: list[Place] | None = None  # the article's places and the capitals "the capital" stands for

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
        if self.places is None:
            capitals = capital_places(doc, 0, len(doc.parsed)) if doc.parsed is not None else []
            self.places = sorted([*doc.places, *capitals], key=lambda p: p.start) if capitals else doc.places
        starts, places = self.trigger_starts, self.places
        while self.next_place < len(places) and places[self.next_place].start < sentence_start:
            place = places[self.next_place]
            self.next_place += 1
            if place.name is None or place.token_start is None:
                continue
            act = _act_placed(doc, place, starts)
            if act is not None and not self._widens(place, act):
                place = _town_of_its_event(doc, place, act)
                wide = place.feature_code in WIDE_AREA_CODES or place.found_by == "national_part"
                self.scene = None if wide or one_of_a_list(doc, place) else (place, act)
        self.read_upto = sentence_start
        return self.scene

    def _widens(self, place: Place, act: Any) -> bool:
        """True when a place stated for the scene's own act only holds the scene's town ("at a bakery in
        Tampico, in the Mexican state of Tamaulipas"): the town says more, and stays the scene."""
        return self.scene is not None and self.scene[1].i == act.i and area_holds(place, self.scene[0])


def one_of_a_list(doc: Document, place: Place) -> bool:
    """True when a place is listed with other places for one act ("rallies were held in Amman and Khartoum too",
    "raids in Jenin and Nablus"): the act went on in each, so no one of them is where the story's later acts went on;
    the last of the list set the scene before (place sample 203: the second of two countries for an Egyptian story's
    clashes told next)."""
    token = place_token(doc.parsed, place)
    index = ArticleIndex.of(doc)
    return any(other.name is not None and other.geonameid != place.geonameid
               for conjunct in token.conjuncts for other in index.places_at(conjunct.idx))


def _town_of_its_event(doc: Document, place: Place, act: Any) -> Place:
    """The town inside `place` that the act's own event was placed at by its sentence, else `place`: "detained a
    farmer outside a mill in Culiacan, in the Mexican state of Sinaloa" ties the state to the verb and the town only
    to the mill, and the event is placed at the town (`events.locate`, a wider place giving way to its town), so the
    story goes on in the town, not anywhere in the state."""
    event = next((e for e in doc.events if e.evidence.trigger_start == act.idx), None)
    own = event.location if event is not None else None
    if own is None or own.geonameid is None or own.geonameid == place.geonameid:
        return place
    sent = act.sent
    return next((p for p in ArticleIndex.of(doc).places_in_tokens(sent.start, sent.end)
                 if p.geonameid == own.geonameid and area_holds(place, p)), place)


#: Each article parse's scene trail, dropped with the parse.
_SCENE_TRAILS: weakref.WeakKeyDictionary[Any, _SceneTrail] = weakref.WeakKeyDictionary()


def _act_placed(doc: Document, place: Place, trigger_starts: set[int] | None = None) -> Any | None:
    """The act a place is stated for ("erupted in Deraa", "protests in Cairo"), or None when the
    place is not where something happened (a reporting place, a relative clause, a mention) or lies beside the
    story's own place ("the neighbouring Dominican Republic")."""
    token = place_token(doc.parsed, place)
    prep, _, phrase = introducing_word(token)
    if prep is None or not locative(prep, phrase):
        return _push_aimed_at(place, prep)
    if in_organisation_name(doc.parsed, place, prep) or names_a_holder(doc.parsed, place):
        return None
    if any(c.dep_ == "amod" and c.lower_ in BESIDE_STORY for c in token.children):
        return None  # "in the neighbouring Dominican Republic": beside the story's place, not its scene
    prep, _ = site_preposition(prep, phrase)  # "destroyed vehicles on a highway outside the base at Tartus"
    head = prep.head
    if speech_act(head) or head.dep_ == "relcl" or _unreal(head) or aimed_for(head):
        return None
    starts = trigger_starts if trigger_starts is not None else {e.evidence.trigger_start for e in doc.events}
    if head.pos_ == "VERB" and head.dep_ == "ROOT" and _done_by_a_party(doc, head, starts):
        return head  # the sentence's own act: "Protesters had the upper hand in Cairo"
    if head.pos_ == "NOUN" and head.lemma_.lower() in SCENE_NOUNS:
        return head  # "two brief firefights in the village of Karam": fighting there, coded or not
    return head if head.idx in starts else _act_of_participant(doc, place, head, starts)


def _act_of_participant(doc: Document, place: Place, noun: Any, trigger_starts: set[int]) -> Any | None:
    """The coded act whose participant a place's phrase hangs on, when that act's own event was placed at the place:
    "filming the scuffles between riot police and students in Quito" hangs the town on the students, and
    `events.locate` placed the scuffles there by them (`clause_links.participant_of`), so the story goes on in Quito,
    not in the country a headline gave. Only a fact placed at this very place counts: the scene follows where the
    article put an act, never a place the act's own decision refused (a subject, a target, another clause's). Only a
    town: "uprisings against strongmen in Tunisia" placed a king's talks in Jordan in Tunisia, since a country scene
    serves any later act whose parties are of one country. Only an act of one day (`_of_one_day`)."""
    if noun.pos_ not in ("NOUN", "PROPN") or place_precision(place) != "point":
        return None  # a country so stated would stand for every later domestic act, in the story or beside it
    act = next((a for a in list(noun.ancestors)[:PARTICIPANT_HOPS]
                if a.idx in trigger_starts and participant_of(noun, a)), None)
    if act is None or speech_act(act) or act.dep_ == "relcl" or _unreal(act):
        return None
    event = next((e for e in doc.events if e.evidence.trigger_start == act.idx), None)
    placed = event is not None and event.location is not None and event.location.geonameid == place.geonameid
    return act if placed and event.status == "fact" and _of_one_day(event) else None


def _of_one_day(event: Event) -> bool:
    """True when an act is dated to one day, as a happening the story tells is: a tally over months ("900 villagers
    have died in raids around Kandahar since March") says where its victims or killers were, not where the story
    went on, and an opinion piece's later "Britain has fought and governed" is no act in Kandahar. A state told in
    the present ("Soldiers are guarding the pyramids in Giza", dated to the day the text speaks from by
    `dating_present`) is no happening of one day either: it says where things stand now, not where the story's acts
    went on (it placed the arrest of inmates who had escaped from prisons across Egypt in Giza)."""
    return event.date_precision == "day" and event.date_mod is None and not dated_by_present(event.date_basis)


def _push_aimed_at(place: Place, prep: Any | None) -> Any | None:
    """The armed push aimed at a town that takes the story there ("began their onslaught on Baghdad", "an offensive
    against Sirte"), which the coder may code as no event of its own (`SCENE_NOUNS`); the parser may hang the town on
    the verb whose object the push is. A country or area aimed at is a party or too wide ("an onslaught on Iraq").
    A coded attack aimed at a town does not set the scene: tried, "the assault on Falluja" opening an opinion piece
    placed a convention's ban, an invasion of Iraq and gas attacks of 1991 there."""
    if place_precision(place) != "point" or prep is None or prep.lower_ not in ASSAULT_WAY_PREPS:
        return None
    head = prep.head
    if speech_act(head) or head.dep_ == "relcl" or _unreal(head):
        return None
    push = head if head.pos_ == "NOUN" else next((c for c in head.children if c.dep_ == "dobj"), None)
    return push if push is not None and push.lemma_.lower() in SCENE_NOUNS else None


def _done_by_a_party(doc: Document, verb: Any, trigger_starts: set[int]) -> bool:
    """True when a sentence's main verb, coded as no event, tells what people or a happening did there: its
    subject names an actor of politics or an act ("opponents of Mubarak had the upper hand in Cairo", "those raids
    took place in Yemen"). A sentence about things ("oil came ashore in Louisiana", "shares closed lower in London")
    or a picture's caption sets no scene for the political acts told after it."""
    index = ArticleIndex.of(doc)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return any(t.idx in trigger_starts or _political(index.actor_at(t.idx)) for s in subjects for t in s.subtree)


def _political(actor: Any) -> bool:
    """True for an actor of politics: one with a country or a sector (a private person named in a picture's
    caption, "Maura Wood ... takes a sample of water in a marsh near Pass a Loutre, Louisiana", is none)."""
    return actor is not None and bool(actor.country or actor.sector)


def aimed_for(act: Any) -> bool:
    """True when an act is named only as what someone calls, asks or presses for ("an online group calls for such
    rallies in Tripoli", `prepositional_irrealis_verbs`) or means to do ("plans to march in Tunis",
    `intention_verbs`): it has not happened, so its place is no scene (place sample 203: a web page's call for
    rallies in another country carried an Egyptian story's clashes there). Read from the parse, not from the act's
    status: the coder also calls "may have been killed in a raid near Raqqa" hypothetical, a hedge on an attack that
    happened, whose town the story goes on in (RAMS lost one such scene to a status check)."""
    if act.dep_ == "pobj" and act.head.lower_ == "for":
        return act.head.head.lemma_.lower() in WISH_VERBS
    return act.dep_ in ("xcomp", "dobj") and act.head.lemma_.lower() in INTENT_VERBS


def _unreal(verb: Any) -> bool:
    """True when a verb's clause tells no fact: it is negated or has a modal or future auxiliary ("will be matched in
    Britain", "did not fight in Homs"). A nominal act's place is read from its own clause, so only verbs are asked."""
    return verb.pos_ in ("VERB", "AUX") and any(
        (c.dep_ in ("aux", "auxpass") and c.lower_ in UNREAL_AUX) or c.dep_ == "neg" for c in verb.children)
