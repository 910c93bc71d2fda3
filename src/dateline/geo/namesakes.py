"""Namesakes: a town and an area of one name, of which a bare mention means the town.

News writes "New York" or "Hama" for the big city, not for the state or province around it that bears its name,
and "Washington" for the capital, not for the state of that name across the country. `resolve.score_candidate`
takes the area's reading down by `resolve.NAMESAKE_CITY_PENALTY` when one of the name's other candidates is such a
town; a cue word for the area ("Washington state") outweighs that, and for a capital the text's own saying
(`said_a_state`) lifts it.
"""

from __future__ import annotations

from dateline.geo.gazetteer import Candidate
from dateline.geo.groups import NameGroup, feature_class

__all__ = ["NAMESAKE_CITY_POPULATION", "is_namesake_city", "said_a_state"]

#: The smallest town whose area of the same name it stands for (a big city inside it).
NAMESAKE_CITY_POPULATION = 50_000


def said_a_state(group: NameGroup, code: str) -> bool:
    """Whether the text reads a name as a first-level area (`code` the reading's feature code): listed with states
    ("California or Washington", `NameGroup.peer_share`) or holding a town ("Tacoma, Washington",
    `NameGroup.holds_a_place`)."""
    return group.holds_a_place or (code == "ADM1" and group.peer_share(code) > 0)


def is_namesake_city(city: Candidate, area: Candidate, stated: bool = False) -> bool:
    """A big city inside the area that bears its name (New York in New York, Hama in Hama), or the country's capital
    wherever the area of its name lies (Washington, D.C. beside Washington State): a bare name the news shares
    between its capital and one of its states means the capital, unless the text says the state (`stated`,
    `said_a_state`). Without this the two readings of "Washington" were within a tenth of a point, and one hamlet of
    the state the article seemed to name moved every "Washington" of a story about the capital 4,000 km."""
    if feature_class(city) != "P" or city.match < 0.9:
        return False
    if city.feature_code == "PPLC" and area.feature_code == "ADM1" and city.country_code == area.country_code:
        return not stated
    return city.population >= NAMESAKE_CITY_POPULATION and city.admin1_key == area.admin1_key
