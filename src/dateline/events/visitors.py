"""The countries that decide whether the dateline town places an act: its parties', less foreign visitors'.

`events.scene.dateline_location` places an act of the story's present at the dateline town only when every party
is of the town's country: a foreign party may have acted from elsewhere ("the US urged Egypt", filed from Cairo, was
said in Washington). A foreign journalist, civilian, refugee or medical worker (`visiting_sectors`) is different:
the story meets them where it is reported, so an act between them and a party of the town's country ("Kenyan
police threatened to arrest a BBC camera team", filed from Nairobi) was done there. Their countries are left out,
provided some other party keeps a country (a story of visitors alone says nothing of where they were). Not for an
attack, an act of an armed force, or aid (`locate`'s FORCE_TYPES, ARMED_SECTORS, DELIVERED_TYPES): those cross
borders, and aid is placed where it arrives ("Israeli jets killed Palestinian civilians" filed from Jerusalem was not
in Jerusalem).
Read by `events.locate`; pure, no stage state.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline.words import word_set

#: Sectors of parties met where the story is reported (`visiting_sectors`).
VISITING_SECTORS = word_set("visiting_sectors")


def dateline_countries(parties: Iterable[Any], countries: frozenset[str], crossing: bool) -> frozenset[str]:
    """`countries` (the parties' countries) without those only visitors hold, unless the act may cross a border
    (`crossing`: an attack, an armed party, aid) or no party but visitors has a country."""
    if crossing:
        return countries
    parties = list(parties)
    kept = {getattr(p, "country", None) for p in parties if getattr(p, "sector", None) not in VISITING_SECTORS}
    kept.discard(None)
    return frozenset(kept) if kept else countries
