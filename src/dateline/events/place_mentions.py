"""The same happening placed finer in another sentence: an act the sentence places only in a country ("a former spy
and his daughter were poisoned in Britain") takes the town the article gives the same happening elsewhere ("the
poisoning of a former double agent and his daughter in the English city of Salisbury").

News names a country in a summary and the town where it tells the story, or the other way round. The mentions
are those the dater reads for a day (`dating_mentions.same_happening_mentions`: the same noun, one definite, not
"another attack"); each is placed as the act itself would be (`place_links.place_choice`). The finer place is
taken only for one happening (singular nouns: "the protests in Egypt" are many, of which "the Cairo protests" are
some), when it is unambiguous (every mention placed finer names the same place) and lies inside the country the
act's own sentence gives: it can only sharpen a dot, never move it to another country. Read by `events.locate`.
"""

from __future__ import annotations

from typing import Any

from dateline.events.dating_mentions import same_happening_mentions
from dateline.events.index import ArticleIndex
from dateline.events.place_links import SPREAD_CODES, Choice, place_choice, place_precision
from dateline.model import Document, Location

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
