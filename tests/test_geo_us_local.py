"""Places in US local news: "Town, St." pairs, counties named inside other names, county
points, and the passages of benchmarks/data/us_local_places.jsonl as a whole."""

from __future__ import annotations

import json
import math
from pathlib import Path

from dateline.geo import get_gazetteer, tag_places
from dateline.model import Place

LOCAL = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "us_local_places.jsonl"


def places_of(make_doc, text: str) -> list[Place]:
    return tag_places(make_doc(text)).places


def km(place: Place, lat: float, lon: float) -> float:
    """Great-circle distance in km from a place's point to (lat, lon)."""
    p1, p2 = math.radians(place.lat), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - place.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def named(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


def test_ap_abbreviation_after_a_town_names_its_state(make_doc) -> None:
    # Jacksonville, Fla. is the big namesake; "Ill." is read only in the slot after a town
    places = places_of(make_doc, "JACKSONVILLE, Ill. — A gas leak closed the high school on Monday.")
    assert named(places, "Ill.").admin1 == "Illinois"
    town = named(places, "JACKSONVILLE")
    assert (town.admin1, town.country_code) == ("Illinois", "US")


def test_postal_code_after_a_town_names_its_state(make_doc) -> None:
    places = places_of(make_doc, "A storm knocked out power in Columbia, MO, on Sunday night.")
    assert named(places, "Columbia").admin1 == "Missouri"
    assert named(places, "MO").feature_code == "ADM1"


def test_abbreviation_alone_is_not_a_place(make_doc) -> None:
    places = places_of(make_doc, "Miss. Smith fell ill. The Mass was held in Boston.")
    assert {p.text for p in places} == {"Boston"}


def test_county_inside_an_organisation_name_resolves_in_the_articles_state(make_doc) -> None:
    text = "FAYETTEVILLE, Ark. — The Washington County Quorum Court approved a new jail budget on Thursday."
    county = named(places_of(make_doc, text), "Washington County")
    assert (county.feature_code, county.admin1, county.precision) == ("ADM2", "Arkansas", "admin")
    assert km(county, 35.98, -94.22) < 50


def test_county_point_is_the_centre_of_its_towns(make_doc) -> None:
    # GeoNames has a hamlet called Lamar 400 km south of Lamar County, Texas
    county = named(places_of(make_doc, "The Lamar County sheriff in Paris, Texas, said the fire was set."),
                   "Lamar County")
    assert county.admin1 == "Texas" and km(county, 33.67, -95.57) < 50


def test_town_the_text_puts_in_a_state_without_a_town_of_its_name_is_placed_in_the_state(make_doc) -> None:
    gazetteer = get_gazetteer()
    assert not any(c.admin1 == "NB" for c in gazetteer.lookup("Smithers"))  # a town in B.C. only
    place = named(places_of(make_doc, "Two dogs were stolen from a farm in Smithers, N.B., on Sunday."), "Smithers")
    assert place.admin1 == "New Brunswick" and place.country_code == "CA"


def test_explicit_country_beats_the_articles_state(make_doc) -> None:
    places = places_of(make_doc, "A delegation from Austin, Texas, flew to Paris, France, to study bike lanes.")
    assert named(places, "Paris").country_code == "FR"
    assert named(places, "Austin").admin1 == "Texas"


def test_local_news_passages_resolve_within_161_km(make_doc) -> None:
    rows = [json.loads(line) for line in LOCAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = total = 0
    for row in rows:
        places = places_of(make_doc, row["text"])
        for gold in row["places"]:
            end = gold["start"] + len(gold["text"])
            hit = next((p for p in places if p.start < end and gold["start"] < p.end), None)
            total += 1
            right += hit is not None and hit.lat is not None and km(hit, gold["lat"], gold["lon"]) <= 161
    assert right / total >= 0.9
