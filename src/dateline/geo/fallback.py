"""Where a mention is when its name has no reading: the place the text puts it in
("X in Y", "X, Y"), the town or area named near it, else nowhere (never a far-away
homonym). Also the points of readings that need the article: one mention's own "X, Y",
and districts that the gazetteer can place only at their province's centre.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import replace

from dateline.geo.gazetteer import Candidate, Gazetteer
from dateline.geo.groups import NameGroup, feature_class, inside
from dateline.geo.mentions import Mention
from dateline.geo.names import fold
from dateline.model import LocationPrecision, Place

#: Feature codes of whole countries (and continents): the coarsest precision.
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "CONT"})
#: Readings that a mention's own "X in Y" never overrides.
KEPT_READINGS = frozenset({"PCLI", "CONT"})
#: Confidence of places that fall back to an enclosing area.
AREA_CONFIDENCE = {"ADM1": 0.35, "PCLI": 0.2}
#: Labels whose unknown names are not located from nearby places (none: a lake or a cape
#: the gazetteer lacks still lies in the area the article is about, at low confidence).
NO_AREA_FALLBACK_LABELS: frozenset[str] = frozenset()
#: How far (in characters) another place may be to locate a name the gazetteer lacks.
NEAR_CHARS = 300
#: Sites (streets, buildings) the gazetteer lacks lie in a town named this close to them.
SITE_LABELS = frozenset({"FAC"})
SITE_NEAR_CHARS = 1500
AREA_CONFIDENCE_TOWN = 0.3
#: A town named this many characters away weighs half as much as one named right beside.
CLOSENESS_CHARS = 200
#: With nothing named near it, a missing place lies in the article's main country (and
#: its main admin1 area) when that country has this share of the article's places.
ARTICLE_CHARS = 1_000_000
ARTICLE_MAJORITY = 0.6
ARTICLE_CERTAINTY = 0.5


def place_of(mention: Mention, groups: dict[str, NameGroup], gazetteer: Gazetteer,
             mentions: list[Mention]) -> Place:
    """The Place of one mention: its name's reading, else the place that the text puts it
    in ("X in Y", "X, Y"), else the area around it, else unresolved. A place found by other
    means than its own name says how in `basis`; every resolved place carries its precision."""
    group = groups[fold(mention.text)]
    best, confidence, basis = group.best, group.confidence, None
    if best is not None and mention.container is not None:
        best = _within_container(best, group, gazetteer.lookup(mentions[mention.container].text))
    if best is None and mention.container is not None:
        best = groups[fold(mentions[mention.container].text)].best
        confidence = AREA_CONFIDENCE_TOWN
        basis = best and f"'{mention.text}' is not in the gazetteer: placed in {best.name}, which the text puts it in"
    if best is None:
        best, certainty = _enclosing_area(mention, groups, gazetteer, mentions)
        confidence = certainty * AREA_CONFIDENCE.get(best.feature_code, AREA_CONFIDENCE_TOWN) if best else 0.0
        basis = best and f"'{mention.text}' is not in the gazetteer: placed in {best.name}, the " + \
            ("town named beside it" if feature_class(best) == "P" else "area the places named near it lie in")
    if best is not None and best.feature_code == "ADM2":
        best = _district_point(best, groups, gazetteer)
    elif best is not None and basis is not None and best.feature_code == "ADM1":
        best = _area_point(best, groups)
        basis += "; its point is where the article's towns in it are"
    if best is None:
        return Place(mention.text, mention.start, mention.end, None, None, None, None, None, None,
                     None, 0.0, mention.token_start, mention.token_end)
    geonameid = best.geonameid if best.geonameid > 0 else None  # packaged regions have no GeoNames id
    return Place(mention.text, mention.start, mention.end, geonameid, best.name, best.lat, best.lon,
                 best.country_code or None, best.admin1_name, best.feature_code, round(confidence, 3),
                 mention.token_start, mention.token_end, precision=precision_of(best), basis=basis)


def precision_of(candidate: Candidate) -> LocationPrecision:
    """How much a gazetteer entry says: a country, an admin area (or region), or a point."""
    if candidate.feature_code in COUNTRY_CODES:
        return "country"
    return "point" if feature_class(candidate) in ("P", "X") else "admin"


def _within_container(best: Candidate, group: NameGroup, outers: tuple[Candidate, ...]) -> Candidate:
    """One mention's own "X, Y" beats the article-wide reading of X: "Washington, D.C."
    is the city even where "Washington" alone is read as the state."""
    if not outers or best.feature_code in KEPT_READINGS or \
            any(inside(best, o) or best.geonameid == o.geonameid for o in outers):
        return best  # "Iran in Syria" is Iran, whatever village of that name Syria has
    fitting = [c for c in group.candidates if any(inside(c, o) or c.geonameid == o.geonameid for o in outers)]
    return max(fitting, key=lambda c: (c.match, c.population)) if fitting else best


def _district_point(district: Candidate, groups: dict[str, NameGroup], gazetteer: Gazetteer) -> Candidate:
    """A second-level area whose point is only its province's centre (no namesake town
    marks it) moves to the middle of the article's towns in that province: a local story
    names a county together with the towns in and around it."""
    province = gazetteer.admin1_area(district.admin1_key)
    if province is None or (province.lat, province.lon) != (district.lat, district.lon):
        return district
    towns = [g.best for g in groups.values() if g.best is not None and not g.fuzzy
             and feature_class(g.best) == "P" and g.best.admin1_key == district.admin1_key]
    if not towns:
        return district
    return replace(district, lat=statistics.median(t.lat for t in towns),
                   lon=statistics.median(t.lon for t in towns))


def _area_point(area: Candidate, groups: dict[str, NameGroup]) -> Candidate:
    """A province that stands in for a place the gazetteer lacks is an area, not a spot; its
    representative point is the middle of the article's towns inside it (where the story is),
    not the province's centre, which can lie hundreds of kilometres from any of them."""
    towns = [g.best for g in groups.values() if g.best is not None and not g.fuzzy
             and feature_class(g.best) == "P" and g.best.admin1_key == area.admin1_key]
    if not towns:
        return area
    return replace(area, lat=statistics.median(t.lat for t in towns), lon=statistics.median(t.lon for t in towns))


def _enclosing_area(mention: Mention, groups: dict[str, NameGroup], gazetteer: Gazetteer,
                    mentions: list[Mention]) -> tuple[Candidate | None, float]:
    """The smallest area the text supports around a name the gazetteer lacks, with how sure
    that is (1.0 from places named near it, ARTICLE_CERTAINTY from the whole article).

    A site (a street, a building) lies in the town named near it. Any other name is placed
    in the admin1 area that the places named near it point to (a province lies only in its
    country), else in their country; with nothing named near it, in the article's area or
    country when the article is clearly about one. Never in another town: a village the gazetteer
    lacks is not the nearest big city, and a wrong dot is worse than a coarse one.
    """
    own = groups[fold(mention.text)].mentions
    if mention.label in NO_AREA_FALLBACK_LABELS:
        return None, 0.0
    if mention.label in SITE_LABELS:
        town = _nearby_town(own, groups)
        if town is not None:
            return town, 1.0
    certainty = 1.0
    nearby, near_countries = _areas_near(own, groups, NEAR_CHARS)
    if not near_countries:  # nothing named close by: the article's own area, when it is clearly about one
        nearby, near_countries = _areas_near(own, groups, ARTICLE_CHARS)
        certainty = ARTICLE_CERTAINTY
        total = sum(near_countries.values())
        if total <= 0 or max(near_countries.values()) < ARTICLE_MAJORITY * total:
            return None, 0.0
    if nearby and mention.cue != "ADM1" and not _holds_others(own, mentions):
        area = gazetteer.admin1_area(max(nearby, key=nearby.__getitem__))
        if area is not None:
            return area, certainty
    return gazetteer.country(max(near_countries, key=near_countries.__getitem__)), certainty


def _holds_others(own: list[Mention], mentions: list[Mention]) -> bool:
    """True when the text puts another place inside this name ("Croft, Yorkshire"): the
    name is then an area, not a spot in some town."""
    ids = {id(m) for m in own}
    return any(m.container is not None and id(mentions[m.container]) in ids for m in mentions)


def _areas_near(own: list[Mention], groups: dict[str, NameGroup],
                within: int) -> tuple[dict[str, float], dict[str, float]]:
    """Weights of the admin1 areas and countries of the places named within `within`
    characters of these mentions."""
    nearby: dict[str, float] = defaultdict(float)
    near_countries: dict[str, float] = defaultdict(float)
    for group in groups.values():
        best = group.best
        if best is None or group.fuzzy:
            continue
        close = sum(1 for other in group.mentions for mine in own if _near(other, mine, within))
        if not close:
            continue
        if best.country_code:
            near_countries[best.country_code] += close * group.confidence
        if best.admin1_key and best.feature_code not in ("PCLI", "CONT"):
            nearby[best.admin1_key] += close * group.confidence
    return nearby, near_countries


def _nearby_town(own: list[Mention], groups: dict[str, NameGroup],
                 within: int = SITE_NEAR_CHARS) -> Candidate | None:
    """The town named most, and most closely, near these mentions (a street or a venue
    lies in it): each mention counts more the closer it stands to one of ours."""
    towns: dict[int, tuple[float, Candidate]] = {}
    for group in groups.values():
        best = group.best
        if best is None or group.fuzzy or feature_class(best) != "P":
            continue
        close = sum(1 / (1 + abs(other.start - mine.start) / CLOSENESS_CHARS)
                    for other in group.mentions for mine in own if _near(other, mine, within))
        if close:
            towns[best.geonameid] = (close * group.confidence, best)
    return max(towns.values(), key=lambda wc: wc[0])[1] if towns else None


def _near(a: Mention, b: Mention, within: int | None = None) -> bool:
    """Two mentions close enough for one to say where the other is: same sentence or next to it."""
    return a is not b and abs(a.start - b.start) <= (within or NEAR_CHARS)
