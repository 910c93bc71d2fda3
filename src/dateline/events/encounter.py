"""Words exchanged within an encounter the story has just placed: a threat, a demand or a refusal passed between the
parties of a physical act told in the sentences before happened where that act did.

"Police surrounded a crew of Reuters journalists in Mombasa ... The police threatened to arrest the journalists": a
statement has no place of its own (`events.locate`), but one passed face to face between the two sides of an act the
story has just placed, in the same days, is part of that encounter. The act must be near (its sentence or the three
before), and each side of the statement must be a party of it (the same name, or the same country and sector: a crew's
correspondent for the crew): words of someone else, or words that reach one side only ("the ministry condemned the
raid"), were said anywhere. The act must be physical, neither talks nor a protest (`NO_ENCOUNTER_TYPES`), and placed by
its own sentence at a point, as having happened (no government as a side): an encounter happens at a spot ("protesters
took to the streets in Yemen" says nothing of where they called for the president to go), and a place carried from the
story's scene or the dateline, or given a statement so, is a guess already (no chains). Read by `events.locate`; reads
the events coded so far only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from dateline.events.index import sentences_back
from dateline.events.place_links import LOCATED_TYPES, TALK_TYPES, place_precision
from dateline.events.scene import DATELINE_BASIS, SCENE_BASIS
from dateline.events.scene_fit import same_time
from dateline.model import Document, Event, Location

#: How many sentences before the statement's own the encounter's act may be told in: two of the story, and one more
#: because the parser splits a quotation from its speaker ('" A big struggle began , " he said .' is two).
ENCOUNTER_SENTENCES = 3
#: Acts whose sides need not meet: talks (words between the sides of a meeting may be said at the next one, "on his
#: trip to the coast, said he would press the mine's owners at a meeting in the capital") and protests (the target of
#: "protests against Mubarak in Cairo" is not in the street: the protesters' calls for him to go reach him elsewhere).
NO_ENCOUNTER_TYPES = TALK_TYPES | {"PROTEST"}
#: Sectors of parties that are no side of an encounter: governments and international bodies as a whole.
ABSENT_SECTORS = frozenset({"GOV", "IGO"})
#: How a location read from an encounter begins its basis.
ENCOUNTER_BASIS = "an exchange within an encounter"


def encounter_location(doc: Document, trigger: Any, actors: Iterable[Any], recipients: Iterable[Any],
                       date: str | None) -> Location | None:
    """The place of the nearest act before `trigger` (in its sentence or the `ENCOUNTER_SENTENCES` before) that
    placed both sides of the statement, when it is of days that meet the statement's (`scene_fit.same_time`); None
    when the statement lacks a side, or no such act was placed."""
    actors, recipients = list(actors), list(recipients)
    if not actors or not recipients:
        return None
    earlier = [e for e in _events_in_window(doc, trigger) if e.type in LOCATED_TYPES
               and e.type not in NO_ENCOUNTER_TYPES and not (e.hypothetical or e.negated)
               and e.location is not None and _stated_at_a_spot(e.location)]
    for event in sorted(earlier, key=lambda e: e.evidence.trigger_start, reverse=True):
        parties = [*event.actors, *event.recipients]
        if _takes_part(actors, parties) and _takes_part(recipients, parties) and same_time(doc, event, date):
            return _encounter_location(event)
    return None


def _encounter_location(event: Event) -> Location:
    """The act's location, its basis saying which act placed the encounter and why it was placed there."""
    location = event.location
    assert location is not None
    basis = (f"{ENCOUNTER_BASIS}: both sides are parties of '{event.evidence.trigger}' at "
             f"{event.evidence.trigger_start}, told just before, placed at '{location.name}' ({location.basis})")
    return replace(location, basis=basis)


def _stated_at_a_spot(location: Location) -> bool:
    """True when the act's own sentence placed it at a point (a town, a site): an encounter happens at a spot, and
    an act the story places only in a country or province ("took to the streets in Yemen") says nothing of where
    words were exchanged;
    a place carried from the story's scene or the dateline is a guess already, not to be carried further."""
    if (location.basis or "").startswith((SCENE_BASIS, DATELINE_BASIS)):
        return False
    return (location.precision or place_precision(location)) == "point"  # type: ignore[arg-type]


def _takes_part(side: list[Any], parties: list[Any]) -> bool:
    """True when one party of a side is one of the act's parties: the same name, or the same country and sector
    (a crew's correspondent for the crew)."""
    return any(_same_party(one, other) for one in side for other in parties)


def _same_party(one: Any, other: Any) -> bool:
    """True when two parties stand for the same side: one name, or one country and sector. A government is no side
    of an encounter: it is a party of every act of its state ("Turkey and Russia agreed" after "any regime
    offensive on Idlib"), present at none of them."""
    name, country, sector = (getattr(one, k, None) for k in ("name", "country", "sector"))
    if sector in ABSENT_SECTORS or getattr(other, "sector", None) in ABSENT_SECTORS:
        return False
    if name and name == getattr(other, "name", None):
        return True
    return bool(country and sector and country == getattr(other, "country", None)
                and sector == getattr(other, "sector", None))


def _events_in_window(doc: Document, trigger: Any) -> list[Event]:
    """The events coded so far whose trigger lies in the window before `trigger`. The coder appends events sentence
    by sentence, so the list is walked back only as far as the window: a statement costs the events near it, not
    every event of a long transcript."""
    window_start, found = _window_start(trigger), []
    for event in reversed(doc.events):
        if event.evidence.trigger_start < window_start:
            break
        if event.evidence.trigger_start < trigger.idx:
            found.append(event)
    return found


def _window_start(trigger: Any) -> int:
    """The first character of the sentence `ENCOUNTER_SENTENCES` before the trigger's."""
    return sentences_back(trigger, ENCOUNTER_SENTENCES).start_char
