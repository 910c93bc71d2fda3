"""Where a mention is when its name has no reading: the place the text puts it in
("X in Y", "X, Y", "Y's X"), the town or area named near it, else nowhere (never a far-away
homonym). Also the points of readings that need the article: one mention's own "X, Y",
and districts that the gazetteer can place only at their province's centre.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from dateline.budget import check_deadline
from dateline.geo.gazetteer import Candidate, Gazetteer
from dateline.geo.groups import NameGroup, feature_class, inside
from dateline.geo.mentions import Mention
from dateline.geo.names import fold
from dateline.model import NAMED_KIND_NOTE, NEARBY_AREA_BASIS, LocationPrecision, Place

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
             mentions: list[Mention], around: Surroundings | None = None) -> Place:
    """The Place of one mention: its name's reading, else the place that the text puts it
    in ("X in Y", "X, Y", or the area owning it, "Y's X"), else the area around it, else unresolved. A place
    found by other means than its own name says how in `basis`; every resolved place carries its precision.

    `around` is the article's index of placed names (`Surroundings`); build it once per article
    and pass it to every call, so the fallbacks stay linear in the number of mentions."""
    check_deadline()  # the article's time budget (dateline.budget)
    around = around if around is not None else Surroundings(groups, mentions)
    group = groups[fold(mention.text)]
    best, confidence, basis, found_by = group.best, group.confidence, None, None
    if best is not None and mention.container is not None:
        best = _within_container(best, group, readings_of(mentions[mention.container], gazetteer))
    holder = mention.container if mention.container is not None else mention.owner
    if best is None and holder is not None:
        best = groups[fold(mentions[holder].text)].best
        confidence = AREA_CONFIDENCE_TOWN
        basis = best and f"'{mention.text}' is not in the gazetteer: placed in {best.name}, which the text puts it in"
        found_by = "container"
    if best is None:
        best, certainty = _enclosing_area(mention, groups, gazetteer, mentions, around)
        confidence = certainty * AREA_CONFIDENCE.get(best.feature_code, AREA_CONFIDENCE_TOWN) if best else 0.0
        found_by = "town_beside" if best is not None and feature_class(best) == "P" else "nearby_area"
        basis = best and f"'{mention.text}' is not in the gazetteer: placed in {best.name}, " + \
            ("the town named beside it" if found_by == "town_beside" else NEARBY_AREA_BASIS)
        if basis and mention.cue is not None:
            basis += f" ({NAMED_KIND_NOTE})"
    if best is not None and best.feature_code == "ADM2":
        best = _district_point(best, around, gazetteer)
    elif best is not None and basis is not None and best.feature_code == "ADM1":
        best = _area_point(best, around)
        basis += "; its point is where the article's towns in it are"
    if best is None:
        return Place(mention.text, mention.start, mention.end, None, None, None, None, None, None,
                     None, 0.0, mention.token_start, mention.token_end)
    geonameid = best.geonameid if best.geonameid > 0 else None  # packaged regions have no GeoNames id
    return Place(mention.text, mention.start, mention.end, geonameid, best.name, best.lat, best.lon,
                 best.country_code or None, best.admin1_name, best.feature_code, round(confidence, 3),
                 mention.token_start, mention.token_end, precision=precision_of(best), basis=basis,
                 found_by=found_by, kind_named=mention.cue is not None)


def readings_of(mention: Mention, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """What a mention's name may refer to: the area a state abbreviation after a town names
    ("Ill." in "Springfield, Ill.", see `pairs`), else the gazetteer entries of the name."""
    if mention.area is not None:
        area = gazetteer.admin1_area(mention.area)
        return (replace(area, match=1.0),) if area is not None else ()
    return gazetteer.lookup(mention.text)


def precision_of(candidate: Candidate) -> LocationPrecision:
    """How much a gazetteer entry says: a country, an admin area (or region), or a point."""
    if candidate.feature_code in COUNTRY_CODES:
        return "country"
    return "point" if feature_class(candidate) in ("P", "X") else "admin"


def _within_container(best: Candidate, group: NameGroup, outers: tuple[Candidate, ...]) -> Candidate | None:
    """One mention's own "X, Y" beats the article-wide reading of X: "Washington, D.C."
    is the city even where "Washington" alone is read as the state. A town that the text puts
    in a province or state where no town of its name lies ("Estey's Bridge, N.B.") is not a
    namesake abroad: None, and the mention is placed in the area instead. (Not so for a
    country: "Saipan, Guam" is as often a list as a town and its country.)"""
    if not outers or best.feature_code in KEPT_READINGS or \
            any(inside(best, o) or best.geonameid == o.geonameid for o in outers):
        return best  # "Iran in Syria" is Iran, whatever village of that name Syria has
    fitting = [c for c in group.candidates if any(inside(c, o) or c.geonameid == o.geonameid for o in outers)]
    if fitting:
        return max(fitting, key=lambda c: (c.match, c.population))
    return None if feature_class(best) == "P" and all(o.feature_code == "ADM1" for o in outers) else best


def _district_point(district: Candidate, around: Surroundings, gazetteer: Gazetteer) -> Candidate:
    """A second-level area whose point is only its province's centre (no namesake town
    marks it) moves to the middle of the article's towns in that province: a local story
    names a county together with the towns in and around it."""
    province = gazetteer.admin1_area(district.admin1_key)
    if province is None or (province.lat, province.lon) != (district.lat, district.lon):
        return district
    towns = around.towns_by_area.get(district.admin1_key)
    if not towns:
        return district
    return replace(district, lat=statistics.median(t.lat for t in towns),
                   lon=statistics.median(t.lon for t in towns))


def _area_point(area: Candidate, around: Surroundings) -> Candidate:
    """A province that stands in for a place the gazetteer lacks is an area, not a spot; its
    representative point is the middle of the article's towns inside it (where the story is),
    not the province's centre, which can lie hundreds of kilometres from any of them."""
    towns = around.towns_by_area.get(area.admin1_key)
    if not towns:
        return area
    return replace(area, lat=statistics.median(t.lat for t in towns), lon=statistics.median(t.lon for t in towns))


def _enclosing_area(mention: Mention, groups: dict[str, NameGroup], gazetteer: Gazetteer,
                    mentions: list[Mention], around: Surroundings) -> tuple[Candidate | None, float]:
    """The smallest area the text supports around a name the gazetteer lacks, with how sure
    that is (1.0 from places named near it, ARTICLE_CERTAINTY from the whole article).

    A site (a street, a building) lies in the town named near it: near this mention when one is (a venue of one
    name, "the Egyptian Embassy", stands in each town a story visits), else near any of its mentions. Any other
    name is placed
    in the admin1 area that the places named near it point to (a province lies only in its
    country), else in their country; with nothing named near it, in the article's area or
    country when the article is clearly about one. Never in another town: a village the gazetteer
    lacks is not the nearest big city, and a wrong dot is worse than a coarse one.

    The answer depends on the name, not on which of its mentions asks, so it is worked out once
    per name, label and cue (`around.cache`): a name repeated N times costs N, not N squared.
    """
    own = groups[fold(mention.text)].mentions
    if any(m.label in SITE_LABELS for m in own):  # a site wherever one of its mentions says so
        town = _nearby_town([mention], around, NEAR_CHARS)
        if town is not None:  # "outside the Egyptian Embassy" in London, and in Washington two paragraphs on
            return town, 1.0
    key = (fold(mention.text), mention.label, mention.cue)
    if key not in around.cache:
        around.cache[key] = _enclosing_area_of(mention, own, gazetteer, around)
    return around.cache[key]


def _enclosing_area_of(mention: Mention, own: list[Mention], gazetteer: Gazetteer,
                       around: Surroundings) -> tuple[Candidate | None, float]:
    if mention.label in NO_AREA_FALLBACK_LABELS:
        return None, 0.0
    if mention.label in SITE_LABELS:
        town = _nearby_town(own, around)
        if town is not None:
            return town, 1.0
    certainty = 1.0
    nearby, near_countries = _areas_near(own, around, NEAR_CHARS)
    if not near_countries:  # nothing named close by: the article's own area, when it is clearly about one
        nearby, near_countries = _areas_near(own, around, ARTICLE_CHARS)
        certainty = ARTICLE_CERTAINTY
        total = sum(near_countries.values())
        if total <= 0 or max(near_countries.values()) < ARTICLE_MAJORITY * total:
            return None, 0.0
    if nearby and mention.cue != "ADM1" and not around.holds_others(own):
        area = gazetteer.admin1_area(max(nearby, key=nearby.__getitem__))
        if area is not None:
            return area, certainty
    return gazetteer.country(max(near_countries, key=near_countries.__getitem__)), certainty


def _holds_others(own: list[Mention], mentions: list[Mention]) -> bool:
    """True when the text puts another place inside this name ("Croft, Yorkshire"): the
    name is then an area, not a spot in some town."""
    ids = {id(m) for m in own}
    return any(m.container is not None and id(mentions[m.container]) in ids for m in mentions)


class Surroundings:
    """What the fallbacks ask of an article's other places, indexed once per article.

    The placed names' mentions sorted by position, so "the places within N characters" is a
    binary search and a walk over only those (a window holds a bounded number of names); the
    article-wide weights of areas and countries summed once; the mentions that contain
    another; and the answers already worked out. Without this index every unknown mention
    scanned every pair of mentions, and a story repeating one unknown name took cubic time.
    """

    def __init__(self, groups: dict[str, NameGroup], mentions: list[Mention]) -> None:
        self.placed = [g for g in groups.values() if g.best is not None and not g.fuzzy]
        marks = sorted((m.start, n) for n, g in enumerate(self.placed) for m in g.mentions)
        self.starts = [start for start, _ in marks]
        self.owners = [n for _, n in marks]
        self.containers = {id(mentions[m.container]) for m in mentions if m.container is not None}
        self.cache: dict[tuple[str, str, str | None], tuple[Candidate | None, float]] = {}
        self.towns_by_area: dict[str, list[Candidate]] = defaultdict(list)
        for group in self.placed:
            if feature_class(group.best) == "P":
                self.towns_by_area[group.best.admin1_key].append(group.best)

    def holds_others(self, own: list[Mention]) -> bool:
        """True when the text puts another place inside one of these mentions (see `_holds_others`)."""
        return any(id(m) in self.containers for m in own)

    def closeness(self, own: list[Mention], within: int,
                  weigh: Callable[[Mention, int], float] = lambda _mine, _other: 1.0) -> dict[int, float]:
        """For each placed name (by index in `placed`), the summed weight of its mentions within
        `within` characters of one of `own`; `weigh(mine, other_start)` weighs one pair."""
        close: dict[int, float] = defaultdict(float)
        if within >= ARTICLE_CHARS:  # the whole article: every pair counts once
            for n, group in enumerate(self.placed):
                close[n] = float(len(group.mentions) * len(own))
            return close
        for mine in own:
            first = bisect_left(self.starts, mine.start - within)
            last = bisect_right(self.starts, mine.start + within)
            for index in range(first, last):
                close[self.owners[index]] += weigh(mine, self.starts[index])
        return close


def _areas_near(own: list[Mention], around: Surroundings,
                within: int) -> tuple[dict[str, float], dict[str, float]]:
    """Weights of the admin1 areas and countries of the places named within `within`
    characters of these mentions (`ARTICLE_CHARS`: anywhere in the article)."""
    nearby: dict[str, float] = defaultdict(float)
    near_countries: dict[str, float] = defaultdict(float)
    closeness = around.closeness(own, within)
    for n in sorted(closeness):  # in the order of the names, as ties were always broken
        close = closeness[n]
        group = around.placed[n]
        best = group.best
        if not close or best is None:
            continue
        if best.country_code:
            near_countries[best.country_code] += close * group.confidence
        if best.admin1_key and best.feature_code not in ("PCLI", "CONT"):
            nearby[best.admin1_key] += close * group.confidence
    return nearby, near_countries


def _nearby_town(own: list[Mention], around: Surroundings, within: int = SITE_NEAR_CHARS) -> Candidate | None:
    """The town named most, and most closely, near these mentions (a street or a venue
    lies in it): each mention counts more the closer it stands to one of ours."""
    towns: dict[int, tuple[float, Candidate]] = {}
    closeness = around.closeness(own, within, lambda mine, other: 1 / (1 + abs(other - mine.start) / CLOSENESS_CHARS))
    for n in sorted(closeness):
        group, close = around.placed[n], closeness[n]
        best = group.best
        if close and best is not None and feature_class(best) == "P":
            towns[best.geonameid] = (close * group.confidence, best)
    return max(towns.values(), key=lambda wc: wc[0])[1] if towns else None
