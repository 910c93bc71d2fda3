"""Toponym resolution: which gazetteer entry each recognised name refers to.

Candidates are ranked by how well the name matches, the kind of place (a country name
is nearly always the country), population, the cue words around the name ("X province"
wants the first-level area), an "X, Y" container, and the article's context: the
countries, admin areas and towns that its other places resolve to. A first pass without
context gives the article's geography; the next pass reads each name within it.

All mentions of one name in an article get one reading (one sense per discourse). A
name the gazetteer does not know resolves to the smallest enclosing area that the
context supports (the admin1 area of the places named near it, else their country), with
that area's coarser feature code and a low confidence: never to a far-away homonym
(see `fallback`; `groups` holds the per-name and per-article state).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from dateline.geo.fallback import Surroundings, place_of, readings_of
from dateline.geo.gazetteer import Candidate, Gazetteer
from dateline.geo.groups import Context, NameGroup, alone_abroad, feature_class, inside
from dateline.geo.mentions import Mention
from dateline.geo.names import COMPASS_WORDS, bare_admin_name, fold, without_compass_word
from dateline.geo.namesakes import is_namesake_city, said_a_state
from dateline.geo.recognize import CUE_NOUNS, GENERIC_WORDS
from dateline.model import Place
from dateline.words import word_class

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
    ("P", "P"): 2.0, ("ADM1", "P"): -1.0, ("ADM2", "P"): -0.5, ("STATE", "ADM1"): 2.0,
}
#: Nouns of bodies that first-level areas have: "a New York court", "the Texas legislature"
#: mean the state, where the name is both a state and a city (cue STATE_BODY_CUE).
STATE_BODY_NOUNS = word_class("place_words", "state-body")
STATE_BODY_CUE = "STATE"
#: Admin areas carry the summed population of their towns: damp it to compare with cities.
#: A district's population only breaks ties between districts of one name (Suffolk County, New
#: York, over Suffolk County, Massachusetts): as a prior it let "Orange" (a county's bare
#: name) outweigh the towns called Orange.
ADMIN_POPULATION_DAMPING = {"A": 0.2, "ADM2": 0.0}
POPULATION_WEIGHT = 0.8
#: Weight of the name match (1.0 main name, 0.9 alternate name, less for fuzzy matches).
MATCH_WEIGHT = 3.0
CONTAINER_BONUS = 4.0
#: The best-known town of a name (a big city, many times larger than its namesakes) is
#: what news means by the bare name, whatever local towns the article also names
#: (towns above groups.DOMINANT_POPULATION).
#: A town known by this name only as an alternate ("Washington" for Watervliet) is a weak
#: reading when another town bears the name as its own.
ALTERNATE_NAME_PENALTY = 1.0
#: Names listed together are of a kind ("California or Washington", "Georgia, Alabama and
#: Texas"): a reading of the kind that the other items have gains up to this much.
PEER_KINDS = frozenset({"PCLI", "ADM1"})
PEER_KIND_BONUS = 3.0
#: An article that names several first-level areas of one country (weight of their
#: readings) reads another name of that kind as one more of them.
SIBLING_PROVINCES_WEIGHT = 3.0
SIBLING_PROVINCE_BONUS = 2.0
#: A reading in a country the article never names, when another reading is where the article is.
UNNAMED_ABROAD_PENALTY = 1.5
DOMINANCE_WEIGHT = 1.0
DOMINANCE_CAP = 2.0
#: A bare name shared by a big city and the area around it (or by the capital and a state) means the city, unless cued.
NAMESAKE_CITY_PENALTY = 1.5
#: Context: a candidate in a country (admin1 area) the article is about gets
#: BASE + SHARE * (that country's share of the article's places).
COUNTRY_BONUS = (0.5, 1.5)
ADMIN1_BONUS = (1.0, 1.5)
#: Weight of the source's own country in the article's geography (one mention's worth).
FOCUS_WEIGHT = 1.0
#: A town below this size, in a country the article does not otherwise name, is taken
#: for a missing local place once the article's other places weigh FOREIGN_CONTEXT_WEIGHT.
FOREIGN_TOWN_POPULATION = 50_000
#: A city up to this size counts as foreign too, but only where its country is not named at all.
FOREIGN_CITY_POPULATION = 150_000
FOREIGN_UNNAMED_WEIGHT = 0.05
FOREIGN_CONTEXT_WEIGHT = 2.0
#: ... "does not otherwise name": at most this share of the article's country weight.
FOREIGN_SHARE = 0.15
#: A story is local when one province holds this share of its places' weight.
LOCAL_STORY_SHARE = 0.6
LOCAL_CONTEXT_WEIGHT = 1.5
#: Besides towns, the kinds of area that count as small here (districts, counties).
FOREIGN_SMALL_CODES = frozenset({"ADM2"})
#: Passes that re-read the article's geography after a first reading without it.
CONTEXT_PASSES = 1
#: A town near another town of the article (groups.PROXIMITY_KM) is more likely the one meant.
PROXIMITY_BONUS = 1.0
COMPASS_MATCH = 0.8
#: Name match of a province read through the town it is named after.
NAMESAKE_PROVINCE_MATCH = 0.8
#: ... a town big enough to be a provincial seat.
NAMESAKE_PROVINCE_TOWN = 20_000
#: Kinds of area that an unknown longer name may be read as ("Nazi Germany", "Colorado State").
HEAD_AREA_CODES = frozenset({"PCLI", "ADM1"})
#: Cue kinds of areas below a province ("X County", "X Township", "X District").
SMALL_UNIT_CUES = frozenset({"ADM2"})
MAX_QUALIFIER_WORDS = 2
#: A town this big may head an unknown longer name ("St. Louis Police").
HEAD_TOWN_POPULATION = 100_000
#: ... and after a qualifier only a country: "North", "Centre" are provinces somewhere too.
QUALIFIED_CODES = frozenset({"PCLI"})
SHORT_FORM_CONFIDENCE = 0.8
#: Last words of names of streets and buildings: such a name is a site, often named after
#: a place far away, and never read as the place its first words name.
SITE_WORDS = word_class("place_words", "site")


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
    for group in groups.values():
        if group.headed and alone_abroad(group, groups):  # "the Gulf Coast" is not Gulf province, Papua New Guinea
            group.best, group.confidence = None, 0.0
    around = Surroundings(groups, mentions)  # indexed once: the fallbacks stay linear in the mentions
    return [place_of(m, groups, gazetteer, mentions, around) for m in mentions]


def _follow_short_forms(groups: dict[str, NameGroup]) -> None:
    """ "the Gulf" after "the Gulf of Mexico": a short form read only through an alternate
    name takes the reading of the longer name that the article spells out. So does one read by
    its own name as an area or town of a country no other place of the article is in, when the
    longer name is a sea, a river or a region ("the Gulf" is not Gulf province, Papua New Guinea)."""
    for key, group in groups.items():
        longer = [g for k, g in groups.items() if k.startswith(key + " ") and g.best is not None]
        if group.best is not None and group.best.match >= 1.0:
            longer = [g for g in longer if feature_class(g.best) in ("L", "X") and alone_abroad(group, groups)]
        if longer:
            source = max(longer, key=lambda g: len(g.mentions))
            group.best, group.confidence = source.best, source.confidence * SHORT_FORM_CONFIDENCE


def _group(mentions: list[Mention], gazetteer: Gazetteer) -> dict[str, NameGroup]:
    groups: dict[str, NameGroup] = {}
    for mention in mentions:
        key = fold(mention.text)
        if key not in groups or mention.area is not None:
            own = readings_of(mention, gazetteer) or _without_compass(mention.text, gazetteer)
            exact = own or _head_area(mention.text, gazetteer)
            candidates = exact or gazetteer.fuzzy(mention.text)
            groups[key] = NameGroup(key, groups[key].mentions if key in groups else [], candidates, fuzzy=not exact,
                                    headed=bool(exact) and not own)
        group = groups[key]
        group.mentions.append(mention)
        if mention.cue:
            group.cues[mention.cue] += 1
        elif mention.modifies in STATE_BODY_NOUNS:
            group.cues[STATE_BODY_CUE] += 1
        if mention.container is not None:
            group.containers.append(readings_of(mentions[mention.container], gazetteer))
    for mention in mentions:
        group = groups[fold(mention.text)]
        group.peers.extend(groups[fold(mentions[j].text)] for j in mention.peers)
        if mention.container is not None:
            groups[fold(mentions[mention.container].text)].holds_a_place = True
    for group in groups.values():
        if 0 < group.cues[STATE_BODY_CUE] * 2 < len(group.mentions):
            del group.cues[STATE_BODY_CUE]  # a state's court once, the city everywhere else
        if _wants_area(group):
            group.candidates += _namesake_provinces(group.candidates, gazetteer)
    return groups


def _namesake_provinces(candidates: tuple[Candidate, ...], gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """ "Kasserine governorate" where the gazetteer spells the province otherwise (Al
    Qasrayn): the first-level areas of the towns that bear the name, as candidates."""
    known = {c.geonameid for c in candidates}
    areas: dict[int, Candidate] = {}
    for town in candidates:
        if feature_class(town) == "P" and town.match >= 1.0 and town.population >= NAMESAKE_PROVINCE_TOWN:
            area = gazetteer.admin1_area(town.admin1_key)
            if area is not None and area.geonameid not in known:
                areas[area.geonameid] = replace(area, match=NAMESAKE_PROVINCE_MATCH)
    return tuple(areas.values())


def _without_compass(name: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """ "North Africa", "southern Hama": the named area itself, with a weaker match."""
    rest = without_compass_word(name)
    if rest is None:
        return ()
    return tuple(replace(c, match=c.match * COMPASS_MATCH) for c in gazetteer.lookup(rest))


def _head_area(name: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """An unknown name built on a country or province: without its generic words
    ("Colorado State" -> Colorado) or a qualifier before it ("Nazi Germany" -> Germany)."""
    bare = bare_admin_name(name)
    words = name.split()
    # "Washington Township", "Pike County": an area below a province is neither the state
    # nor the big town that its bare name also names
    small_unit = CUE_NOUNS.get(fold(words[-1])) in SMALL_UNIT_CUES
    tails = [(bare, HEAD_AREA_CODES)] if bare and bare != fold(name) and not small_unit else []
    tails.extend((" ".join(words[k:]), QUALIFIED_CODES) for k in range(1, min(len(words), MAX_QUALIFIER_WORDS + 1)))
    for tail, codes in tails:
        areas = tuple(replace(c, match=c.match * COMPASS_MATCH) for c in gazetteer.lookup(tail)
                      if c.match >= 1.0 and c.feature_code in codes)
        if areas:
            return areas
    if fold(words[-1]) in SITE_WORDS or small_unit:
        return ()  # "Hampton Avenue", "St. Peter's Basilica": a site named after a place, elsewhere
    for k in range(len(words) - 1, 0, -1):  # "St. Louis Police": a big place's own body
        if fold(words[k - 1]) in COMPASS_WORDS or fold(" ".join(words[:k])) in GENERIC_WORDS:
            continue  # "North Fourth Street", "East of England": no place called North
        heads = tuple(replace(c, match=c.match * COMPASS_MATCH) for c in gazetteer.lookup(" ".join(words[:k]))
                      if c.match >= 1.0 and (c.feature_code in HEAD_AREA_CODES or c.population >= HEAD_TOWN_POPULATION))
        if heads:
            return heads
    return ()


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
    if _wants_area(group) and _coarser_or_town(best, group) and context.admin1s.get(best.admin1_key, 0) <= 0.05:
        return None, 0.0  # "Pike County" with no such county known: not some town or state called Pike
    if _foreign_small_town(best, group, context):
        return None, 0.0  # "Yorkshire" in an English article is not a hamlet in Virginia
    return best, min(1.0, best.match) / mass


def _foreign_small_town(best: Candidate, group: NameGroup, context: Context) -> bool:
    """True when the only reading is a small town abroad while the article is clearly
    elsewhere: the name is then more likely a place the gazetteer lacks (a region, a
    district) near the article's other places than a far-away namesake."""
    small = best.feature_code in FOREIGN_SMALL_CODES or feature_class(best) == "P"
    size = 0 if best.feature_code in FOREIGN_SMALL_CODES else best.population
    if not small or size >= FOREIGN_CITY_POPULATION or (group.containers and not _container_disagrees(best, group)):
        return False
    total = sum(w for w in context.countries.values() if w > 0)
    share = FOREIGN_SHARE if size < FOREIGN_TOWN_POPULATION else 0.0  # a city: country unnamed
    country_weight = context.countries.get(best.country_code, 0.0)
    if total >= FOREIGN_CONTEXT_WEIGHT and country_weight <= max(share * total, FOREIGN_UNNAMED_WEIGHT):
        return True
    return _elsewhere_in_country(best, context)


def _container_disagrees(best: Candidate, group: NameGroup) -> bool:
    """True when the text puts the name only in provinces or states that do not hold this
    reading ("Estey's Bridge, N.B." is no Bridge in England). A country after a name is
    as often the next item of a list ("Saipan, Guam, Alaska") and settles nothing."""
    outers = [outer for outers in group.containers for outer in outers]
    return bool(outers) and all(o.feature_code == "ADM1" and not inside(best, o) for o in outers)


def _elsewhere_in_country(best: Candidate, context: Context) -> bool:
    """True when a small town lies in a province the article never names while the
    article's places crowd into one other province: a local story ("Washington Square"
    in a New Orleans story) names local places, not a namesake hamlet three states away."""
    weights = {k: w for k, w in context.admin1s.items() if w > 0}
    total = sum(weights.values())
    if total < LOCAL_CONTEXT_WEIGHT or not best.admin1_key or best.admin1_key in weights:
        return False
    top = max(weights, key=weights.__getitem__)
    return top.split(".")[0] == best.country_code and weights[top] >= LOCAL_STORY_SHARE * total


def _coarser_or_town(best: Candidate, group: NameGroup) -> bool:
    """True when a reading is a town, or a province where the cue asks for a district
    ("Washington Township" is neither Washington state nor a town outside the article)."""
    return feature_class(best) == "P" or (best.feature_code == "ADM1" and group.cues.most_common(1)[0][0] == "ADM2")


def _wants_area(group: NameGroup) -> bool:
    """True when cue words call the name an administrative area ("X province", "X County")."""
    return bool(group.cues) and group.cues.most_common(1)[0][0] in ("ADM1", "ADM2")


def score_candidate(candidate: Candidate, group: NameGroup, context: Context) -> float:
    """How likely this name, with its cues and context, refers to this candidate."""
    code, klass = candidate.feature_code, feature_class(candidate)
    score = MATCH_WEIGHT * candidate.match
    score += TYPE_PRIOR.get(code, CLASS_PRIOR.get(klass, OTHER_CLASS_PRIOR))
    population = candidate.population * (ADMIN_POPULATION_DAMPING.get(code, ADMIN_POPULATION_DAMPING["A"])
                                         if klass == "A" else 1.0)
    score += POPULATION_WEIGHT * math.log10(population + 1)
    cue = group.cues.most_common(1)[0][0] if group.cues else None
    if cue:
        score += CUE_BONUS.get((cue, code), CUE_BONUS.get((cue, klass), 0.0))
    if code in PEER_KINDS and group.peers:
        score += PEER_KIND_BONUS * group.peer_share(code)
    if klass == "P" and candidate.match < 1.0 and group.has_main_name_town():
        score -= ALTERNATE_NAME_PENALTY
    if context.supports_country(candidate.country_code):
        score += DOMINANCE_WEIGHT * min(DOMINANCE_CAP, group.dominance(candidate))
    if code == "ADM1" and _sibling_of_provinces(candidate, group, context):
        score += SIBLING_PROVINCE_BONUS  # among the states of one country, "Georgia" is one more
    stated = said_a_state(group, code)
    if klass == "A" and any(is_namesake_city(other, candidate, stated) for other in group.candidates):
        score -= NAMESAKE_CITY_PENALTY
    score += _context_bonus(candidate, context)
    if _unnamed_abroad(candidate, group, context):
        score -= UNNAMED_ABROAD_PENALTY
    if any(inside(candidate, outer) for outers in group.containers for outer in outers):
        score += CONTAINER_BONUS
    return score


def _unnamed_abroad(candidate: Candidate, group: NameGroup, context: Context) -> bool:
    """True when a province or town lies in a country the article never names, while
    another reading of the name lies in a country the article is about ("Virginia" among
    Irish towns is the Irish town, not the American state)."""
    if candidate.feature_code in ("PCLI", "CONT") or not candidate.country_code:
        return False
    if context.countries.get(candidate.country_code, 0.0) > FOREIGN_UNNAMED_WEIGHT:
        return False
    total = sum(w for w in context.countries.values() if w > 0)
    return total >= FOREIGN_CONTEXT_WEIGHT and any(
        context.countries.get(c.country_code, 0.0) > FOREIGN_SHARE * total for c in group.candidates)


def _sibling_of_provinces(province: Candidate, group: NameGroup, context: Context) -> bool:
    """True when a province shares its name with a country the article does not otherwise
    name, while the article names several provinces of the province's own country."""
    rivals = [c for c in group.candidates if c.feature_code == "PCLI" and c.country_code != province.country_code]
    return bool(rivals) and context.provinces.get(province.country_code, 0.0) >= SIBLING_PROVINCES_WEIGHT \
        and all(context.countries.get(r.country_code, 0.0) <= FOREIGN_UNNAMED_WEIGHT for r in rivals)


def _context_bonus(candidate: Candidate, context: Context) -> float:
    bonus = PROXIMITY_BONUS if feature_class(candidate) == "P" and context.near_anchor(candidate) else 0.0
    total = sum(w for w in context.countries.values() if w > 0)
    weight = context.countries.get(candidate.country_code, 0.0)
    if total > 0 and weight > 0.05:
        bonus += COUNTRY_BONUS[0] + COUNTRY_BONUS[1] * weight / total
    admin_total = sum(w for w in context.admin1s.values() if w > 0)
    admin_weight = context.admin1s.get(candidate.admin1_key, 0.0)
    if admin_total > 0 and admin_weight > 0.05:
        bonus += ADMIN1_BONUS[0] + ADMIN1_BONUS[1] * admin_weight / admin_total
    return bonus


def _supported(candidate: Candidate, context: Context) -> bool:
    """A fuzzy match is kept only where the article's geography already is."""
    return context.admin1s.get(candidate.admin1_key, 0) > 0.05 or (
        candidate.match >= 0.75 and context.countries.get(candidate.country_code, 0) > 0.05)
