"""What resolution knows about the names of an article, and the kinds and geometry of places.

`NameGroup` holds all mentions of one name with their candidates and current reading;
`Context` is the article's geography (countries, admin1 areas, towns) that readings build.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from dateline.geo.gazetteer import Candidate
from dateline.geo.mentions import Mention

#: The best-known town of a name (a big city, many times larger than its namesakes) is
#: what news means by the bare name, whatever local towns the article also names.
DOMINANT_POPULATION = 100_000
#: A town within PROXIMITY_KM of another town of the article is more likely the one meant.
PROXIMITY_KM = 150.0


@dataclass
class NameGroup:
    """All mentions of one name in the article, and what is known about the name."""

    key: str
    mentions: list[Mention]
    candidates: tuple[Candidate, ...]
    fuzzy: bool = False
    #: Read through the country, province or big town its unknown name is built on ("Colorado State", "Gulf Coast").
    headed: bool = False
    cues: Counter[str] = field(default_factory=Counter)
    containers: list[tuple[Candidate, ...]] = field(default_factory=list)
    best: Candidate | None = None
    confidence: float = 0.0
    runner_up_population: dict[int, int] = field(default_factory=dict)
    peers: list[NameGroup] = field(default_factory=list)  # other names listed with this one
    #: Some mention of the name holds another place ("Tacoma, Washington"): the text reads it as an area there.
    holds_a_place: bool = False

    def peer_share(self, feature_code: str) -> float:
        """The share of the listed names read as this kind of place (a state among states)."""
        readings = [p.best.feature_code for p in self.peers if p.best is not None and p is not self]
        return readings.count(feature_code) / len(readings) if readings else 0.0

    def has_main_name_town(self) -> bool:
        """True when some town bears this name as its own (main) name."""
        return any(c.match >= 1.0 and feature_class(c) == "P" for c in self.candidates)

    def dominance(self, candidate: Candidate) -> float:
        """How many times (log10) a town outnumbers the most populous other town of its name."""
        if candidate.population < DOMINANT_POPULATION or feature_class(candidate) != "P" \
                or candidate.match < 1.0:
            return 0.0  # an old or foreign name of a big city (Salisbury for Harare) is no claim
        if not self.runner_up_population:
            towns = sorted((c.population for c in self.candidates if feature_class(c) == "P"), reverse=True)
            self.runner_up_population = {0: towns[0] if towns else 0, 1: towns[1] if len(towns) > 1 else 0}
        top, second = self.runner_up_population[0], self.runner_up_population[1]
        if candidate.population < top:
            return 0.0
        return math.log10((top + 1) / (second + 1))


@dataclass
class Context:
    """The article's geography: weights of countries and admin1 areas its places resolve to."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[str] = field(default_factory=Counter)
    anchors: list[Candidate] = field(default_factory=list)  # towns and districts, for proximity
    provinces: Counter[str] = field(default_factory=Counter)  # weight of ADM1 readings by country

    def add(self, place: Candidate, weight: float) -> None:
        if place.country_code:  # seas and regions belong to no country
            self.countries[place.country_code] += weight
        if place.feature_code == "ADM1":
            self.provinces[place.country_code] += weight
        if place.feature_code not in ("PCLI", "CONT") and place.admin1_key:
            self.admin1s[place.admin1_key] += weight
        if weight > 0 and feature_class(place) == "P":
            self.anchors.append(place)

    def without(self, place: Candidate | None, weight: float) -> Context:
        """This context minus one name's own contribution (a name must not support itself)."""
        other = Context(Counter(self.countries), Counter(self.admin1s),
                        [a for a in self.anchors if place is None or a.geonameid != place.geonameid],
                        Counter(self.provinces))
        if place is not None:
            other.add(place, -weight)
        return other

    def supports_country(self, country_code: str) -> bool:
        """True when the article is (also) about this country, or about no country yet."""
        return self.countries.get(country_code, 0.0) > 0.05 or not any(w > 0.05 for w in self.countries.values())

    def near_anchor(self, place: Candidate) -> bool:
        """True when another town of the article lies within PROXIMITY_KM of this place."""
        return any(rough_km(place, anchor) <= PROXIMITY_KM for anchor in self.anchors
                   if anchor.geonameid != place.geonameid)


def feature_class(candidate: Candidate) -> str:
    """The GeoNames class of a candidate: P (town), A (country, admin area), L (continent,
    region) or X (other natural features)."""
    code = candidate.feature_code
    if code.startswith("PPL"):
        return "P"
    if code.startswith("ADM") or code.startswith("PCL"):
        return "A"
    return "L" if code in ("CONT", "RGN") else "X"


def inside(inner: Candidate, outer: Candidate) -> bool:
    """True when `outer` (a country or admin1 area) contains `inner`."""
    if inner.geonameid == outer.geonameid or not outer.country_code:
        return False
    if outer.feature_code == "PCLI":
        return inner.country_code == outer.country_code
    return feature_class(outer) == "A" and bool(outer.admin1_key) and inner.admin1_key == outer.admin1_key


def rough_km(a: Candidate, b: Candidate) -> float:
    """Equirectangular distance: good enough to tell 50 km from 500 km, and cheap."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def alone_abroad(group: NameGroup, groups: dict[str, NameGroup]) -> bool:
    """True when the reading is an area or town of a country (not a country: "Niger" beside "the Niger Delta"; nor a
    sea) and no other name of the article is read as another place of that country."""
    best = group.best
    if best is None or not best.country_code or best.feature_code.startswith("PCL"):
        return False
    others = (g.best for g in groups.values() if g.best is not None and g.best.geonameid != best.geonameid)
    return all(other.country_code != best.country_code for other in others)
