"""The same happening placed finer in another sentence: an act the sentence places only in a country ("a retired
judge and her driver were shot in Kenya") takes the town the article gives the same happening elsewhere ("the
shooting of the judge and her driver in the Kenyan port town of Malindi").

News names a country in a summary and the town where it tells the story, or the other way round. The mentions
are those the dater reads for a day (`dating_mentions.same_happening_mentions`: the same noun, one definite, not
"another attack"); each is placed as the act itself would be (`place_links.place_choice`). The finer place is
taken only for one happening (singular nouns: "the protests in Egypt" are many, of which "the Cairo protests" are
some), when it is unambiguous (every mention placed finer names the same place) and lies inside the country the
act's own sentence gives: it can only sharpen a dot, never move it to another country. Read by `events.locate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from dateline.events.court import COURT_BASIS
from dateline.events.dating_mentions import same_happening_mentions
from dateline.events.hearing import HEARING_BASIS
from dateline.events.index import ArticleIndex
from dateline.events.place_links import SPREAD_CODES, Choice, place_choice, place_precision
from dateline.events.scene import DATELINE_BASIS, SCENE_BASIS
from dateline.model import Document, Event, Location, Place

#: Plural nouns: "the protests in Egypt" are many happenings across the country, and "the Cairo protests" some of
#: them, so a town named for the plural is no finer place of the whole; one poisoning or one attack has one place.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def finer_place_elsewhere(doc: Document, trigger: Any, location: Location | None) -> Location | None:
    """A town or area inside the country `location` names that another sentence gives the same happening, or None
    (the act is placed finer than a country already, no mention places it finer, or the mentions disagree)."""
    if location is None or location.precision != "country" or not location.country_code:
        return None
    if trigger.tag_ in PLURAL_TAGS:
        return None
    found: dict[str, tuple[Choice, Any]] = {}
    for mention in (m for m in same_happening_mentions(doc, trigger) if m.tag_ not in PLURAL_TAGS):
        sent = mention.sent
        choices = [c for place in ArticleIndex.of(doc).places_in_tokens(sent.start, sent.end)
                   if place.feature_code not in SPREAD_CODES and place_precision(place) != "country"
                   and place.country_code == location.country_code and (c := place_choice(place, mention, True))]
        for choice in choices:
            found.setdefault(choice.place.name or choice.place.text, (choice, mention))
    if len(found) != 1:
        return None
    ((choice, mention),) = found.values()
    words = choice.basis.split(":")[0].split(" attached")[0]
    return choice.place.as_location(f"{words} on '{mention.text}': the same happening, placed there in another "
                                    f"sentence (its own sentence says '{location.text or location.name}')")


def happening_location(mentions: Sequence[Event], leader: int, places: Iterable[Place] = ()) -> Location | None:
    """The place of one happening told by `mentions` (those that may lend a place; `leader` is the index of the one
    that leads the grouped event): the finest place any of them gives the act, when every place they give holds it
    ("Kenya" and "the Kenyan port town of Malindi": Malindi); when two of them disagree (two towns, two
    countries), the leader's, and its basis says so. The result does not depend on which mention leads, so long as
    they agree: the verifier's choice of leader is a ranking of confidence, not of where the act was. `places` (the
    article's) give the admin area of each point, so "Cairo" lies in an Egyptian governorate named elsewhere. A place
    only guessed for a mention (the story's scene, the dateline town: `guessed`) is not asked when another mention's
    sentence states one: "Farmers all over Peru marched in protest" is not moved to Lima because a later
    "rallies" with no place of its own took the scene of an earlier clash there."""
    given = [(k, m.location) for k, m in enumerate(mentions) if m.location is not None]
    stated = [(k, location) for k, location in given if not guessed(location)]
    given = stated or given  # a guess yields to a place a mention's own sentence gives the happening
    own = mentions[leader].location if any(k == leader for k, _ in given) else None
    if not given or (len(given) == 1 and own is not None):
        return own
    areas = any(location.feature_code == "ADM1" for _, location in given)  # only a first-level area holds by admin1
    admin_of = {p.geonameid: p.admin1 for p in places if p.geonameid is not None} if areas else {}
    finest = max(given, key=lambda kl: (_FINENESS[_precision(kl[1])], kl[0] == leader, -kl[0]))
    k, location = finest
    if all(_holds(other, location, admin_of) for _, other in given):
        if k == leader:
            return own
        mention = mentions[k].evidence
        return replace(location, basis=f"the mention '{mention.trigger}' at {mention.trigger_start} places this "
                                       f"happening finest, inside every place its other mentions give: "
                                       f"{location.basis}")
    if own is None:
        return None
    others = ", ".join(sorted({f"'{other.name}'" for k, other in given if k != leader and other.name != own.name}))
    return replace(own, basis=f"{own.basis}; the other mentions of this happening give {others}, places that do not "
                              f"lie one inside another, so the leading mention's place is kept")


def guessed(location: Location) -> bool:
    """True for a place the text does not state for the act, only lends it: the story's scene or the dateline town
    (`events.scene`), the court of the article's trial (`events.court`) or the capital a hearing is reported from
    (`events.hearing`), which a place stated for the same happening outweighs ("on Capitol Hill")."""
    return (location.basis or "").startswith((SCENE_BASIS, DATELINE_BASIS, COURT_BASIS, HEARING_BASIS))


#: Precisions from the coarsest.
_FINENESS = {"country": 0, "admin": 1, "point": 2}


def _precision(location: Location) -> str:
    """A location's precision, read off its feature code when the places stage gave none."""
    return location.precision or place_precision(location)  # type: ignore[arg-type]


def _holds(outer: Location, inner: Location, admin_of: dict[int, str | None]) -> bool:
    """Whether `outer` is `inner` or contains it: a country every place of its country code, a first-level area
    (its own admin1) every finer place whose admin1 it is; anything else only itself."""
    if outer.geonameid == inner.geonameid and _precision(outer) == _precision(inner) and outer.name == inner.name:
        return True
    if not outer.country_code or outer.country_code != inner.country_code:
        return False
    outer_level, inner_level = _FINENESS[_precision(outer)], _FINENESS[_precision(inner)]
    if outer_level >= inner_level:
        return False
    if outer_level == _FINENESS["country"]:
        return True
    area = admin_of.get(outer.geonameid or -1)
    return outer.feature_code == "ADM1" and area is not None and admin_of.get(inner.geonameid or -1) == area
