""""Town, St." pairs: a state or province abbreviation written right after a town and a comma
("Springfield, Ill.", "Wausau, WI", "Charleston, W.Va.") names the area that holds the town.

Alone these abbreviations are ordinary words or titles ("ill", "Miss", "Mass", "IN", "OR"),
so the gazetteer does not list them (data/words/state_abbreviations.tsv holds them); here
they are read only in the slot that news reserves for them. The abbreviation becomes a
mention of its own with `area` set, which the resolver reads as that admin1 area, and which
then contains the town before it, as "Paris, Texas" does. A county or province written out
in that slot ("Knockhill, Fife.") is taken as a place whatever spaCy's label (`area_after_town`).
"""

from __future__ import annotations

from typing import Any

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.mentions import Mention
from dateline.words import word_table

#: Abbreviation as written -> GeoNames admin1 key ("Ill." -> "US.IL").
STATE_ABBREVIATIONS = {key: area for key, (area, *_) in word_table("state_abbreviations").items()}
#: Kinds of area that a name after "Town," is taken for whatever spaCy's label ("Thruxton, Hampshire").
AREA_AFTER_NAME_CODES = frozenset({"ADM1", "ADM2"})
#: Marks that close such a pair ("Thruxton, Hampshire." but not "Surprise, St. Paul & the ...").
AREA_CLOSERS = frozenset({",", ".", ";", ":", ")", "(", "\n", "\n\n"})


def state_after_town(parsed: Any, accepted: list[Mention]) -> list[Mention]:
    """Mark or add the state abbreviations that follow accepted places ("X, Ill."); returns
    the added mentions. An accepted mention that is itself such an abbreviation gets its
    `area`, whatever reading its name had ("Mo." is not the Norwegian town of Mo)."""
    by_start = {m.token_start: m for m in accepted}
    added: list[Mention] = []
    for town in sorted(accepted, key=lambda m: m.token_start):
        if town.area is not None:
            continue
        found = _abbreviation_at(parsed, town.token_end + 1) if _comma_at(parsed, town.token_end) else None
        if found is None:
            continue
        end, area = found
        start = town.token_end + 1
        existing = by_start.get(start)
        if existing is not None:
            existing.area = area
            continue
        span = parsed[start:end]
        mention = Mention(span.text, span.start_char, span.end_char, start, end, strong=True, label="GPE",
                          area=area)
        by_start[start] = mention
        added.append(mention)
    return added


def _comma_at(parsed: Any, i: int) -> bool:
    return i < len(parsed) and parsed[i].text == ","


def _abbreviation_at(parsed: Any, i: int) -> tuple[int, str] | None:
    """(end token, admin1 key) of an abbreviation starting at token i ("W.Va" + "." is one)."""
    if i >= len(parsed):
        return None
    text = parsed[i].text
    if i + 1 < len(parsed) and parsed[i + 1].text == "." and text + "." in STATE_ABBREVIATIONS \
            and parsed[i + 1].idx == parsed[i].idx + len(text):
        return i + 2, STATE_ABBREVIATIONS[text + "."]
    if text in STATE_ABBREVIATIONS and not _runs_on(parsed, i):
        return i + 1, STATE_ABBREVIATIONS[text]
    return None


def _runs_on(parsed: Any, i: int) -> bool:
    """True when a two-letter code runs on into a sentence ("Smith, IN the ..." is no state):
    a postal code after a town ends the phrase (a comma, a stop, a dash or the end)."""
    if parsed[i].text.endswith("."):
        return False
    nxt = parsed[i + 1] if i + 1 < len(parsed) else None
    return nxt is not None and not nxt.is_punct and not nxt.is_space


def area_after_town(parsed: Any, mention: Mention, gazetteer: Gazetteer) -> bool:
    """True for a province or county that closes a "Town, Area" pair ("Oulton Park, Cheshire.",
    "New Quay, Ceredigion, on Wednesday"): the slot news keeps for the area that holds a place.
    The mention gets the area's kind as its cue, so that "Kent" is the county, not a town so named."""
    start, end = mention.token_start, mention.token_end
    if start < 2 or parsed[start - 1].text != "," or not parsed[start - 2].text[:1].isupper():
        return False
    if end < len(parsed) and parsed[end].text not in AREA_CLOSERS:
        return False
    areas = [c for c in gazetteer.lookup(mention.text) if c.feature_code in AREA_AFTER_NAME_CODES and c.match == 1.0]
    if areas:
        mention.cue = max(areas, key=lambda c: c.population).feature_code
    return bool(areas)
