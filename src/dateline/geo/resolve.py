"""Toponym resolution: which gazetteer entry each recognised name refers to.

Candidates are ranked by how well the name matches, the kind of place (a country name
is nearly always the country), population, the cue words around the name ("X province"
wants the first-level area), an "X, Y" container, and the article's context: the
countries, admin areas and towns that its other places resolve to. A first pass without
context gives the article's geography; the next pass reads each name within it.

All mentions of one name in an article get one reading (one sense per discourse). A
name the gazetteer does not know resolves to the smallest enclosing area that the
context supports (the admin1 area of the places named near it, else their country), with
that area's coarser feature code and a low confidence: never to a far-away homonym.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dateline.geo.gazetteer import Candidate, Gazetteer
from dateline.geo.names import fold, without_compass_word
from dateline.geo.recognize import Mention
from dateline.model import Place

#: Prior weight of a kind of place: in news a country name means the country.
TYPE_PRIOR: dict[str, float] = {
    "PCLI": 4.0, "CONT": 3.5, "ADM1": 1.2, "PPLC": 1.5, "PPLA": 0.6, "ADM2": 3.0,
    **dict.fromkeys(("RGN", "OCN", "SEA", "GULF", "PEN", "DSRT", "MTS", "STM", "LK", "LKS", "STRT",
                     "CNL", "CHN"), 1.0),
}
#: Prior by GeoNames feature class, for codes not in TYPE_PRIOR (imported dumps).
CLASS_PRIOR: dict[str, float] = {"P": 0.0, "A": 0.1}
OTHER_CLASS_PRIOR = -0.8
#: Bonus when a cue word agrees with the candidate's kind, keyed by (cue, feature class or code).
CUE_BONUS: dict[tuple[str, str], float] = {
    ("ADM1", "ADM1"): 4.0, ("ADM2", "ADM2"): 4.0, ("ADM2", "ADM1"): 1.0,
    ("P", "P"): 2.0, ("ADM1", "P"): -1.0, ("ADM2", "P"): -0.5,
}
#: Admin areas carry the summed population of their towns: damp it to compare with cities.
ADMIN_POPULATION_DAMPING = 0.2
POPULATION_WEIGHT = 0.8
#: Weight of the name match (1.0 main name, 0.9 alternate name, less for fuzzy matches).
MATCH_WEIGHT = 3.0
CONTAINER_BONUS = 4.0
#: A bare name shared by a big city and the area around it means the city, unless cued.
NAMESAKE_CITY_PENALTY = 1.5
NAMESAKE_CITY_POPULATION = 50_000
#: Context: a candidate in a country (admin1 area) the article is about gets
#: BASE + SHARE * (that country's share of the article's places).
COUNTRY_BONUS = (0.5, 1.5)
ADMIN1_BONUS = (1.0, 1.5)
#: Weight of the source's own country in the article's geography (one mention's worth).
FOCUS_WEIGHT = 1.0
#: Passes that re-read the article's geography after a first reading without it.
CONTEXT_PASSES = 1
#: A town within PROXIMITY_KM of another town of the article is more likely the one meant.
PROXIMITY_KM = 150.0
PROXIMITY_BONUS = 1.0
#: Confidence of places that fall back to an enclosing area.
AREA_CONFIDENCE = {"ADM1": 0.35, "PCLI": 0.2}
COMPASS_MATCH = 0.8
SHORT_FORM_CONFIDENCE = 0.8
#: Natural features ("Indian Ocean", "Korean Peninsula") are not located from nearby towns.
NO_AREA_FALLBACK_LABELS = frozenset({"LOC"})
#: How far (in characters) another place may be to locate a name the gazetteer lacks.
NEAR_CHARS = 300
#: Sites (streets, buildings) the gazetteer lacks lie in a town named this close to them.
SITE_LABELS = frozenset({"FAC"})
SITE_NEAR_CHARS = 1500
AREA_CONFIDENCE_TOWN = 0.3


@dataclass
class NameGroup:
    """All mentions of one name in the article, and what is known about the name."""

    key: str
    mentions: list[Mention]
    candidates: tuple[Candidate, ...]
    fuzzy: bool = False
    cues: Counter[str] = field(default_factory=Counter)
    containers: list[tuple[Candidate, ...]] = field(default_factory=list)
    best: Candidate | None = None
    confidence: float = 0.0


@dataclass
class Context:
    """The article's geography: weights of countries and admin1 areas its places resolve to."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[str] = field(default_factory=Counter)
    anchors: list[Candidate] = field(default_factory=list)  # towns and districts, for proximity

    def add(self, place: Candidate, weight: float) -> None:
        if place.country_code:  # seas and regions belong to no country
            self.countries[place.country_code] += weight
        if place.feature_code not in ("PCLI", "CONT") and place.admin1_key:
            self.admin1s[place.admin1_key] += weight
        if weight > 0 and _feature_class(place) == "P":
            self.anchors.append(place)

    def without(self, place: Candidate | None, weight: float) -> Context:
        """This context minus one name's own contribution (a name must not support itself)."""
        other = Context(Counter(self.countries), Counter(self.admin1s),
                        [a for a in self.anchors if place is None or a.geonameid != place.geonameid])
        if place is not None:
            other.add(place, -weight)
        return other

    def near_anchor(self, place: Candidate) -> bool:
        """True when another town of the article lies within PROXIMITY_KM of this place."""
        return any(_rough_km(place, anchor) <= PROXIMITY_KM for anchor in self.anchors
                   if anchor.geonameid != place.geonameid)


def resolve_mentions(mentions: list[Mention], gazetteer: Gazetteer,
                     focus_country: str | None = None) -> list[Place]:
    """Resolve recognised toponyms to Places, in text order.

    `focus_country` (ISO alpha-2) is where the source writes from, if known: it weighs
    like one more mention of that country.
    """
    groups = _group(mentions, gazetteer)
    first = _context((), focus_country)
    for group in groups.values():
        group.best, group.confidence = _choose(group, first)
    context = _context(groups.values(), focus_country)
    for _ in range(CONTEXT_PASSES):
        # the surest names first, and each new reading feeds the next (no see-saw between
        # two towns that would each pull the other's namesake abroad)
        for group in sorted(groups.values(), key=lambda g: -g.confidence):
            context = context.without(group.best if not group.fuzzy else None, _weight(group))
            group.best, group.confidence = _choose(group, context)
            if group.best is not None and not group.fuzzy:
                context.add(group.best, _weight(group))
    _follow_short_forms(groups)
    return [_place(m, groups, gazetteer) for m in mentions]


def _follow_short_forms(groups: dict[str, NameGroup]) -> None:
    """ "the Gulf" after "the Gulf of Mexico": a short form read only through an alternate
    name takes the reading of the longer name that the article spells out."""
    for key, group in groups.items():
        if group.best is not None and group.best.match >= 1.0:
            continue
        longer = [g for k, g in groups.items() if k.startswith(key + " ") and g.best is not None]
        if longer:
            source = max(longer, key=lambda g: len(g.mentions))
            group.best, group.confidence = source.best, source.confidence * SHORT_FORM_CONFIDENCE


def _group(mentions: list[Mention], gazetteer: Gazetteer) -> dict[str, NameGroup]:
    groups: dict[str, NameGroup] = {}
    for mention in mentions:
        key = fold(mention.text)
        if key not in groups:
            exact = gazetteer.lookup(mention.text) or _without_compass(mention.text, gazetteer)
            candidates = exact or gazetteer.fuzzy(mention.text)
            groups[key] = NameGroup(key, [], candidates, fuzzy=not exact)
        group = groups[key]
        group.mentions.append(mention)
        if mention.cue:
            group.cues[mention.cue] += 1
        if mention.container is not None:
            group.containers.append(gazetteer.lookup(mentions[mention.container].text))
    return groups


def _without_compass(name: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """ "North Africa", "southern Hama": the named area itself, with a weaker match."""
    rest = without_compass_word(name)
    if rest is None:
        return ()
    return tuple(replace(c, match=c.match * COMPASS_MATCH) for c in gazetteer.lookup(rest))


def _weight(group: NameGroup) -> float:
    return len(group.mentions) * group.confidence


def _context(groups: Iterable[NameGroup], focus_country: str | None) -> Context:
    context = Context()
    if focus_country:
        context.countries[focus_country] += FOCUS_WEIGHT
    for group in groups:
        if group.best is not None and not group.fuzzy:
            context.add(group.best, _weight(group))
    return context


def _choose(group: NameGroup, context: Context) -> tuple[Candidate | None, float]:
    """The best candidate of a name and a confidence (its share of the score mass)."""
    if not group.candidates:
        return None, 0.0
    scores = [(score_candidate(c, group, context), c) for c in group.candidates]
    top = max(s for s, _ in scores)
    mass = sum(math.exp(s - top) for s, _ in scores)
    best = max(scores, key=lambda sc: (sc[0], sc[1].population))[1]
    if group.fuzzy and not _supported(best, context):
        return None, 0.0
    if _wants_area(group) and _feature_class(best) != "A" and context.admin1s.get(best.admin1_key, 0) <= 0.05:
        return None, 0.0  # "Pike County" with no such county known: not some town called Pike
    return best, min(1.0, best.match) / mass


def _wants_area(group: NameGroup) -> bool:
    """True when cue words call the name an administrative area ("X province", "X County")."""
    return bool(group.cues) and group.cues.most_common(1)[0][0] in ("ADM1", "ADM2")


def score_candidate(candidate: Candidate, group: NameGroup, context: Context) -> float:
    """How likely this name, with its cues and context, refers to this candidate."""
    code, klass = candidate.feature_code, _feature_class(candidate)
    score = MATCH_WEIGHT * candidate.match
    score += TYPE_PRIOR.get(code, CLASS_PRIOR.get(klass, OTHER_CLASS_PRIOR))
    population = candidate.population * (ADMIN_POPULATION_DAMPING if klass == "A" else 1.0)
    score += POPULATION_WEIGHT * math.log10(population + 1)
    cue = group.cues.most_common(1)[0][0] if group.cues else None
    if cue:
        score += CUE_BONUS.get((cue, code), CUE_BONUS.get((cue, klass), 0.0))
    if klass == "A" and any(_is_namesake_city(other, candidate) for other in group.candidates):
        score -= NAMESAKE_CITY_PENALTY
    score += _context_bonus(candidate, context)
    if any(_inside(candidate, outer) for outers in group.containers for outer in outers):
        score += CONTAINER_BONUS
    return score


def _is_namesake_city(city: Candidate, area: Candidate) -> bool:
    """A big city inside the area that bears its name (New York in New York, Hama in Hama)."""
    return (_feature_class(city) == "P" and city.population >= NAMESAKE_CITY_POPULATION
            and city.admin1_key == area.admin1_key and city.match >= 0.9)


def _rough_km(a: Candidate, b: Candidate) -> float:
    """Equirectangular distance: good enough to tell 50 km from 500 km, and cheap."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def _context_bonus(candidate: Candidate, context: Context) -> float:
    bonus = PROXIMITY_BONUS if _feature_class(candidate) == "P" and context.near_anchor(candidate) else 0.0
    total = sum(w for w in context.countries.values() if w > 0)
    weight = context.countries.get(candidate.country_code, 0.0)
    if total > 0 and weight > 0.05:
        bonus += COUNTRY_BONUS[0] + COUNTRY_BONUS[1] * weight / total
    admin_total = sum(w for w in context.admin1s.values() if w > 0)
    admin_weight = context.admin1s.get(candidate.admin1_key, 0.0)
    if admin_total > 0 and admin_weight > 0.05:
        bonus += ADMIN1_BONUS[0] + ADMIN1_BONUS[1] * admin_weight / admin_total
    return bonus


def _inside(inner: Candidate, outer: Candidate) -> bool:
    """True when `outer` (a country or admin1 area) contains `inner`."""
    if inner.geonameid == outer.geonameid or not outer.country_code:
        return False
    if outer.feature_code == "PCLI":
        return inner.country_code == outer.country_code
    return _feature_class(outer) == "A" and bool(outer.admin1_key) and inner.admin1_key == outer.admin1_key


def _supported(candidate: Candidate, context: Context) -> bool:
    """A fuzzy match is kept only where the article's geography already is."""
    return context.admin1s.get(candidate.admin1_key, 0) > 0.05 or (
        candidate.match >= 0.75 and context.countries.get(candidate.country_code, 0) > 0.05)


def _feature_class(candidate: Candidate) -> str:
    code = candidate.feature_code
    if code.startswith("PPL"):
        return "P"
    if code.startswith("ADM") or code.startswith("PCL"):
        return "A"
    return "L" if code in ("CONT", "RGN") else "X"


def _place(mention: Mention, groups: dict[str, NameGroup], gazetteer: Gazetteer) -> Place:
    """The Place of one mention: its name's reading, else the area around it, else unresolved."""
    group = groups[fold(mention.text)]
    best, confidence = group.best, group.confidence
    if best is None:
        best = _enclosing_area(mention, groups, gazetteer)
        confidence = AREA_CONFIDENCE.get(best.feature_code, AREA_CONFIDENCE_TOWN) if best else 0.0
    if best is None:
        return Place(mention.text, mention.start, mention.end, None, None, None, None, None, None,
                     None, 0.0, mention.token_start, mention.token_end)
    geonameid = best.geonameid if best.geonameid > 0 else None  # packaged regions have no GeoNames id
    return Place(mention.text, mention.start, mention.end, geonameid, best.name, best.lat, best.lon,
                 best.country_code or None, best.admin1_name, best.feature_code, round(confidence, 3),
                 mention.token_start, mention.token_end)


def _enclosing_area(mention: Mention, groups: dict[str, NameGroup],
                    gazetteer: Gazetteer) -> Candidate | None:
    """The admin1 area of the places named near the mention, else their country, else None."""
    own = groups[fold(mention.text)].mentions
    if mention.label in NO_AREA_FALLBACK_LABELS:
        return None
    if mention.label in SITE_LABELS:
        town = _nearby_town(own, groups)
        if town is not None:
            return town
    nearby: dict[str, float] = defaultdict(float)
    near_countries: dict[str, float] = defaultdict(float)
    for group in groups.values():
        best = group.best
        if best is None or group.fuzzy:
            continue
        close = sum(1 for other in group.mentions for mine in own if _near(other, mine))
        if not close:
            continue
        if best.country_code:
            near_countries[best.country_code] += close * group.confidence
        if best.admin1_key and best.feature_code not in ("PCLI", "CONT"):
            nearby[best.admin1_key] += close * group.confidence
    if nearby:
        area = gazetteer.admin1_area(max(nearby, key=nearby.__getitem__))
        if area is not None:
            return area
    if near_countries:
        return gazetteer.country(max(near_countries, key=near_countries.__getitem__))
    return None


def _nearby_town(own: list[Mention], groups: dict[str, NameGroup]) -> Candidate | None:
    """The town named most often near these mentions (a street or a venue lies in it)."""
    towns: dict[int, tuple[float, Candidate]] = {}
    for group in groups.values():
        best = group.best
        if best is None or group.fuzzy or _feature_class(best) != "P":
            continue
        close = sum(1 for other in group.mentions for mine in own if _near(other, mine, SITE_NEAR_CHARS))
        if close:
            towns[best.geonameid] = (close * group.confidence, best)
    return max(towns.values(), key=lambda wc: wc[0])[1] if towns else None


def _near(a: Mention, b: Mention, within: int | None = None) -> bool:
    """Two mentions close enough for one to say where the other is: same sentence or next to it."""
    return a is not b and abs(a.start - b.start) <= (within or NEAR_CHARS)
