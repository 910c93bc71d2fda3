"""Event location: where the act happened, decided from the parse, with the evidence for it.

A place named in a sentence is not for that the place of its event. The event is placed

1. at a place the trigger itself takes with a locative preposition ("met in Geneva",
   "protests in Cairo"), or that the verb governing a nominal trigger takes ("held talks
   in Geneva"), or that saw it ("Amara saw fierce fighting"): the act is said to happen there; a country or
   state the sentence also gives gives way to a town inside it ("clashed with protesters in Lyon, in eastern France");
   "the capital" counts as the capital the article names of the country it refers to ("protests in the Jordanian
   capital" when the article names Amman: `events.capitals`); a statement or decision is also placed where its
   subject is said to be ("the Lutheran Church in Norway has advised"), unless the subject's country is another, and at
   a place that opens its sentence ("In Nepal, the king began to yield power": `events.doer_place`);
2. for physical acts only (`located_event_types`: fighting, arrests, protests, meetings ...):
   at a place that names the act ("the Orlando attack") or is stated for the noun the act names ("a rape charge
   in Sweden"), where its participants (or the subject
   of the verb it continues) are said to be ("militias in the villages of Foua were evacuated",
   "Police in Santiago ... arrested 30", "leaders in Brussels are expected to ... negotiate"), where a
   participant was by what it was doing ("a crew filming the riots in Quito was beaten"), where the act's
   purpose was to be done ("convene to nominate him in Cleveland"), at a town the act is aimed at ("shelled Homs"),
   at the place of the occasion it was told in, talks aside ("during the invasion of Normandy", "wounded in a
   raid on a camp near Aleppo"), at a place it filled ("protests swept Egypt", "demonstrations roiling Egypt":
   `events.swept_places`), at a place closing a coordination of acts it shares a subject with ("blocked the
   highway and burned tyres in Lagos"), or
   at a place that opens its sentence ("In Mosul, men detained by the militia were seen ..."),
   or at the place its "there" refers to ("protests there"); a country so stated gives way to the one town
   other sentences give the same happening ("shot in France", "the shooting ... in Lyon":
   `events.place_mentions`);
   A country or a capital aimed at stands for its state ("sanctions on Damascus"): a party, unless the act is a
   visit there or what a journey there was for ("visited Ethiopia", "flew to Pakistan for talks": where it went);
3. for physical acts with no place of their own: at the story's scene, the place the
   article last gave an event ("Clashes erupted in Deraa. ... Rockets were exchanged") or the town an armed push
   was last aimed at ("their onslaught on Baghdad"), or,
   before the article has placed any act anywhere but in the town's own country, at its dateline
   town ("CAIRO, Egypt (CNN) --"), where the reporter saw it, when all its parties are of that
   town's country. A scene is taken for an
   act aimed across a border only when it lies in one of its parties' countries: a story about
   Yemen does not place Ben Ali's flight from Tunisia in Yemen; aid, given where it arrives, takes a scene only in
   its recipient's country ("UK aid to Haiti" is not where a British story stands). A scene whose time is unknown
   serves only acts of the story's present; a town-level scene is not taken for an act whose own sentence names a
   town outside it (`events.story_moves`: a page of several stories, "Los Angeles detectives ... homicides");
4. for a domestic physical act that the text places nowhere: its parties' one country, at
   country precision, when the article names it ("protests against the Algerian government"), unless a company
   did it (its country is its seat);
5. for a statement or decision that states no place of its own: the dateline town, when the act is of
   the story's present and every party is of the town's country ("TACLOBAN CITY, Leyte -- Mayor Reyes
   praised ..."): a domestic official's words reported from his town were said there. The coders of the
   events gold place such acts so (statements of the week of a dateline article: 7 of 9 rows, the second
   coder 8 of 10); a foreign party's words may have been said anywhere, and so may those a sentence naming a town or
   state outside the dateline town's tells, or a figure of the state (the actor dictionary's "Barack Obama", "the
   Environmental Protection Agency") filed from a town that is not its capital (`events.seats`);
6. for an act its own clause tells as part of a trial ("prosecutors", "the jury", "if convicted"), of the story's
   present, that its sentence does not place: the town of the court the article names for the trial, before or
   after the act ("outside the Los Angeles court", "a court in Houston"; `events.court`), ahead of the dateline
   town (a trial moved away from the reporter's town sat where its court is); likewise an act its clause tells as
   part of a hearing ("under questioning from lawmakers"), reported from a capital: that capital, whatever the
   parties' countries (`events.hearing`: a foreign witness came to the hearing);
7. for a statement passed between the two sides of a physical act (not talks nor a protest) that its own sentence
   placed at a spot, in the statement's sentence or the three before, of the same days: that act's place ("Police
   surrounded the crew in Mombasa ... the police threatened to arrest the journalists"; `events.encounter`).

Never at a place the act is reported from ("said in Cairo"), a place in another clause
(a relative clause, "who lives in X"), a place merely mentioned, a town in the name of a
newspaper or body ("in the New York Times"), a state holding people ("in US military custody"), a subject
("Turkey agreed"), a river's middle, or a name the gazetteer lacks that only the places named near it put in an
area (`text_supports`): no location is better than a wrong one. Every choice carries its `basis` (shown by
`dateline show`) and the place's precision (point, admin area, country).

This module makes the decision; `events.place_links` reads how the parse relates a place to an act,
`events.scene` keeps the story's scene and finds the dateline town. They read `doc.places`,
`doc.events` (the scene) and the parse; they import no other stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from dateline.events.act_places import iso3_codes
from dateline.events.capitals import capital_places
from dateline.events.court import court_location
from dateline.events.doer_place import posted_abroad
from dateline.events.encounter import encounter_location
from dateline.events.hearing import hearing_location
from dateline.events.index import ArticleIndex, sentences_back
from dateline.events.occasion import occasion_choice, occasion_noun, told_in_choice
from dateline.events.place_links import (
    LOCATED_TYPES,
    SPREAD_CODES,
    TALK_TYPES,
    Choice,
    place_choice,
    place_precision,
)
from dateline.events.place_mentions import finer_place_elsewhere
from dateline.events.scene import (
    SCENE_BASIS,
    WIDE_AREA_CODES,
    area_holds,
    dateline_location,
    dateline_place,
    scene_location,
)
from dateline.events.scene_fit import of_the_present
from dateline.events.senses import BUSINESS_SECTORS
from dateline.events.sentence_frame import names_a_holder
from dateline.events.swept_places import swept_choice
from dateline.events.visitors import VISITING_SECTORS, dateline_countries
from dateline.events.where_clauses import where_clause_choice
from dateline.model import Document, Location, LocationPrecision, Place
from dateline.words import word_set

__all__ = ["dateline_place", "locate_event", "location_for_type", "party_countries", "text_supports"]

#: Finer places win ties: a town says more than the country around it.
FINENESS: dict[LocationPrecision, float] = {"country": 0.0, "admin": 0.1, "point": 0.2}
#: How the actors stage says it lent a party a country (`actors.candidate.set_country`'s reasons) without
#: the party's own words naming it: from another name nearby, the article's focus, or all its places.
LENT_COUNTRY_MARKS = word_set("merge_lent_countries")
#: Sectors of armed forces (PLOVER/Phoenix): military, rebels, unidentified armed forces, spies; and the
#: event type of attacks. Their acts may cross a border, so a country lent by context does not place them.
ARMED_SECTORS, FORCE_TYPES = frozenset({"MIL", "REB", "UAF", "SPY"}), frozenset({"ASSAULT"})
#: How a location taken from the country of a domestic act's parties begins its basis.
HOME_BASIS = "the country of a domestic act"
#: Event types whose act is done where its recipient is: aid is given where it arrives, so a scene in the giver's
#: country does not place "UK aid to Haiti" (the scene, from a place stated earlier, must lie in a recipient's country).
DELIVERED_TYPES = frozenset({"AID"})
#: PLOVER modes of a seizure (COERCE "seize": of property or of land); a state may seize land abroad, so a seizure, like
#: an attack, may take a story scene outside its party's country.
SEIZING_MODES = frozenset({"seize"})
#: Event types a lone country's party does abroad as often as at home: talks a visitor holds, forces or teams sent
#: ("the UK team's longest overseas deployment" in a story of Haiti).
SENT_ABROAD_TYPES = TALK_TYPES | {"MOBILIZE"}


def locate_event(doc: Document, trigger_i: int, event_type: str | None = None, actors: Iterable[Any] = (),
                 recipients: Iterable[Any] = (), date: str | None = None, mode: str | None = None) -> Location | None:
    """The place where the event triggered at token `trigger_i` happened, or None when the text
    does not say (see the module docstring for the order of evidence). `actors` and `recipients`
    are the event's parties (anything with a `country`, ISO alpha-3): a place the sentence does
    not state must lie in one of their countries. `date` is the event's TIMEX3 date: the dateline
    town is only for acts of the story's present. `mode` is the event's PLOVER mode (a seizure may cross a border)."""
    if doc.parsed is None or not doc.places or not 0 <= trigger_i < len(doc.parsed):
        return None
    trigger = doc.parsed[trigger_i]
    actors, recipients = list(actors), list(recipients)
    physical = event_type is None or event_type in LOCATED_TYPES
    occasion = occasion_noun(doc, trigger)
    places = [p for p in _sentence_places(doc, trigger) if p.feature_code not in SPREAD_CODES and text_supports(doc, p)
              and not names_a_holder(doc.parsed, p)]
    talks = event_type in TALK_TYPES
    choices = [c for place in places if (c := place_choice(place, trigger, physical, occasion, talks)
                                         or where_clause_choice(place, trigger))
               and not (c.doer and posted_abroad(c.place.country_code, actors))]
    if not choices and physical and event_type not in TALK_TYPES:
        choices = [c for place in places if (c := swept_choice(place, trigger) or occasion_choice(place, trigger)
                                             or told_in_choice(place, trigger))]
    if choices:
        best = _finest_within(max(choices, key=lambda c: _weight(c, trigger)), choices, trigger)
        stated = best.place.as_location(best.basis)
        return (finer_place_elsewhere(doc, trigger, stated) if physical else None) or stated
    if event_type is None:
        return None
    if not physical:
        countries, _ = party_countries(actors, recipients)
        home = dateline_countries([*actors, *recipients], countries, _may_cross(event_type, actors, recipients))
        here = (court_location(doc, trigger) or dateline_location(doc, trigger, home, [*actors, *recipients],
                                                                  words=True) or hearing_location(doc, trigger)) \
            if of_the_present(doc, date) else None
        return here or encounter_location(doc, trigger, actors, recipients, date)
    referred = place_referred_to(doc, trigger)
    if referred is not None:
        return referred
    countries, across = party_countries(actors, recipients)
    held = countries if across or _stays_home(event_type, mode, actors, recipients) else None
    scene = scene_location(doc, trigger, _scene_countries(event_type, held, recipients), date, event_type)
    present = of_the_present(doc, date)
    home = dateline_countries([*actors, *recipients], countries, _may_cross(event_type, actors, recipients))
    here = (court_location(doc, trigger) or dateline_location(doc, trigger, home, [*actors, *recipients])) \
        if present else None
    return here or scene or (hearing_location(doc, trigger) if present else None) \
        or home_country_location(doc, trigger, event_type, actors, recipients)


def home_country_location(doc: Document, trigger: Any, event_type: str, actors: Iterable[Any],
                          recipients: Iterable[Any]) -> Location | None:
    """The country of a domestic act that states no place: every party with a country is of one
    country, and the act is aimed at someone of it ("protests against the Algerian government",
    "Haiti's government is getting aid to its people"). For an attack, or an act of an armed force,
    which may cross a border, only the parties' own words count (`_own_country`): "US troops killed
    ten civilians" lends the civilians the troops' country, which says nothing of where they were. An act a company
    does is placed nowhere so (`BUSINESS_SECTORS`): its country is its seat, not where it works. It is given at
    country precision, and only
    when the article names that country as a place: the text supports no finer dot. A state acting
    with no recipient of its own country may act abroad ("US troops fought"): no place; nor when
    the sentence or the one before names a place of another country ("Britain says the Russian
    ex-spy was poisoned", "the airliner flying from Amsterdam ... was destroyed by a Russian-made missile").
    """
    actors, recipients = list(actors), list(recipients)
    if any(getattr(p, "sector", None) in BUSINESS_SECTORS for p in actors):
        return None  # a company acts where its business is, and lends what it owns its own country
    armed = event_type in FORCE_TYPES or any(getattr(p, "sector", None) in ARMED_SECTORS for p in actors)
    country_of = _own_country if armed else (lambda p: getattr(p, "country", None))
    targets = {country_of(p) for p in recipients} - {None}
    countries = targets | ({country_of(p) for p in actors} - {None})
    if len(countries) != 1 or not targets:
        return None
    (country,) = countries
    codes = iso3_codes()
    first, end = sentences_back(trigger, 1).start, trigger.sent.end
    if any(codes.get(p.country_code or "", country) != country
           for p in ArticleIndex.of(doc).places_in_tokens(first, end)):
        return None
    place = next((p for p in doc.places if (p.feature_code or "").startswith("PCL") and p.found_by is None
                  and codes.get(p.country_code or "") == country and not names_a_holder(doc.parsed, p)),
                 None)  # named as a place: not an unknown name's area, nor the state holding someone
    if place is None:
        return None  # the whole country, not the compass part one mention of it names ("storms hit southern Iraq")
    return replace(place, part=None).as_location(f"{HOME_BASIS}: '{place.text}', the country of its parties")


def _own_country(party: Any) -> str | None:
    """A party's country when its own words give it ("the Algerian government", "Haiti's police"), not
    when the actors stage lent it one from a name nearby or the article's focus."""
    entry = getattr(party, "entry", None) or ""
    return None if any(mark in entry for mark in LENT_COUNTRY_MARKS) else getattr(party, "country", None)


def party_countries(actors: Iterable[Any], recipients: Iterable[Any]) -> tuple[frozenset[str], bool]:
    """The countries of an act's parties, and whether the act reaches across a border: it has a
    recipient with a country, or parties of two countries. Such an act happens in one of their
    countries ("expulsions of Chinese envoys", "the assault on America"); a lone state's act
    may happen abroad ("Britain fought and governed" at the story's scene in Basra)."""
    targets = {c for c in (getattr(p, "country", None) for p in recipients) if c}
    countries = targets | {c for c in (getattr(p, "country", None) for p in actors) if c}
    return frozenset(countries), bool(targets) or len(countries) > 1


def _stays_home(event_type: str | None, mode: str | None, actors: Iterable[Any], recipients: Iterable[Any]) -> bool:
    """True when a lone country's act is done at home, so the story's scene must lie in that country. A government
    resigning, police detaining, protesters marching are of their own country: a story of clashes in Amman does not
    put "the Egyptian government resigned" in Amman. Not so for an attack, an armed party's act or aid, which may
    cross a border (`_may_cross`: "Britain fought" at a scene in Basra), a seizure ("America has fought and
    occupied" at a scene in Iraq), talks a visitor holds abroad ("Obama arrived in Cairo. He met students"), nor a
    deployment (`SENT_ABROAD_TYPES`); nor when only visitors (`VISITING_SECTORS`: journalists, civilians) hold a
    country: they are met where the story is ("four French journalists arrested" in a story of Cairo)."""
    parties = [*actors, *recipients]
    homed = any(getattr(p, "country", None) and getattr(p, "sector", None) not in VISITING_SECTORS for p in parties)
    return homed and event_type not in SENT_ABROAD_TYPES and mode not in SEIZING_MODES \
        and not _may_cross(event_type, actors, recipients)


def _may_cross(event_type: str | None, actors: Iterable[Any], recipients: Iterable[Any]) -> bool:
    """True when an act may have crossed a border or been done where it arrived, so a foreign visitor's country is
    no less telling than any party's (`events.visitors`): an attack, an armed party's act, aid."""
    return event_type in FORCE_TYPES or event_type in DELIVERED_TYPES \
        or any(getattr(p, "sector", None) in ARMED_SECTORS for p in [*actors, *recipients])


def _scene_countries(event_type: str | None, countries: frozenset[str] | None,
                     recipients: Iterable[Any]) -> frozenset[str] | None:
    """The countries a scene must lie in for an act (None: any): for aid, its recipients' when they have one (the aid
    was given where it arrived: "UK aid to Haiti" after a scene in Britain is not in Britain); for any other act
    reaching across a border, any party's (`party_countries`)."""
    if event_type not in DELIVERED_TYPES:
        return countries
    received = frozenset(c for c in (getattr(p, "country", None) for p in recipients) if c)
    return received or countries


def location_for_type(location: Location | None, event_type: str) -> Location | None:
    """The location an event keeps when it is re-typed: a place taken from the story's scene or
    the parties' country is only for physical acts, so a statement or decision loses it; a place the
    sentence states for the act, and the dateline town (which places domestic acts of every type), stay."""
    if location is None or event_type in LOCATED_TYPES:
        return location
    return None if (location.basis or "").startswith((SCENE_BASIS, HOME_BASIS)) else location


def place_referred_to(doc: Document, trigger: Any) -> Location | None:
    """The place an act's "there" refers to ("The king of Jordan dismissed his cabinet after
    weeks of marches there", "Rebels seized Idlib. Fighting there has killed hundreds"): the last
    place named before it in its sentence or the one before. "There" as the subject of "there
    were" (expl) refers to nothing."""
    there = next((t for t in trigger.children if t.lower_ == "there" and t.dep_ == "advmod"), None)
    if there is None:
        return None
    start = sentences_back(there, 1).start
    before = [p for p in ArticleIndex.of(doc).places_in_tokens(start, there.i)
              if p.name is not None and p.feature_code not in WIDE_AREA_CODES]
    if not before:
        return None
    place = before[-1]
    return place.as_location(f"'{there.text}' after '{trigger.text}': '{place.text}', named just before")


def text_supports(doc: Document, place: Place) -> bool:
    """False for a name the gazetteer lacks that the places stage put in the area of the places named near it
    ("talks to sell assets to Apache" beside "its Alaska oil production": Alaska; "summoned to the White House"
    beside London: England): the text does not say the name lies there, so no event is placed by it, unless
    the article is filed from a town in that area, whose story it is ("budget hearings at the City Hall"
    under a TACLOBAN CITY dateline). A name the text puts in a place ("X in Y", "X, Y") keeps its place, and so
    does a name the text calls a village, town or province ("the villages of Foua and Kefraya"): a place of the
    story the gazetteer lacks, whose area is the smallest the text supports. A site put in a town named beside it
    keeps it only when the town is named in the site's sentence or the one before or after (`_town_named_near`):
    the places stage looks for that town over 1,500 characters, and "the talks in the East Wing" were put in
    Chicago by "a columnist at the Chicago Tribune" eight sentences on."""
    if place.kind_named or place.found_by not in ("nearby_area", "town_beside"):
        return True
    home = dateline_place(doc)
    if place.found_by == "town_beside":
        return _town_named_near(doc, place) or (home is not None and home.geonameid == place.geonameid)
    return home is not None and home.country_code == place.country_code and \
        (place_precision(place) == "country" or home.admin1 == place.admin1)


def _town_named_near(doc: Document, site: Place) -> bool:
    """True when the town a site was put in is named as a place of its own in the site's sentence, the one before
    or the one after ("guards stopped a train at the Gare du Nord station" after "the talks in Paris")."""
    if doc.parsed is None or site.token_start is None or site.geonameid is None:
        return False
    sent = doc.parsed[site.token_start].sent
    end = doc.parsed[sent.end].sent.end if sent.end < len(doc.parsed) else sent.end
    return any(p.geonameid == site.geonameid and p.found_by is None and p.start != site.start
               for p in ArticleIndex.of(doc).places_in_tokens(sentences_back(sent.root, 1).start, end))


def _weight(choice: Choice, trigger: Any) -> float:
    return choice.rank + FINENESS[place_precision(choice.place)] - _distance(choice, trigger)


def _finest_within(best: Choice, choices: list[Choice], trigger: Any) -> Choice:
    """The best choice, or a finer place the sentence also gives the act that lies in it: "clashed with protesters in
    Lyon, in eastern France" ties the country to the verb and the town only to the protesters, but the town is where
    the country's part of the act was."""
    level = FINENESS[place_precision(best.place)]
    finer = [c for c in choices if FINENESS[place_precision(c.place)] > level and area_holds(best.place, c.place)]
    return max(finer, key=lambda c: _weight(c, trigger)) if finer else best


def _sentence_places(doc: Document, trigger: Any) -> list[Place]:
    """The places the trigger's sentence names, with the capitals its "the capital" phrases stand for."""
    sent = trigger.sent
    return ArticleIndex.of(doc).places_in_tokens(sent.start, sent.end) + capital_places(doc, sent.start, sent.end)


def _distance(choice: Choice, trigger: Any) -> float:
    return abs((choice.place.token_start or 0) - trigger.i) / 1000.0
