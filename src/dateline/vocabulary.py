"""The closed vocabularies of the output contract: the values the data model's fields may take.

`dateline.model` defines the types every stage reads and writes; the words those types are made of (the 16 PLOVER
event types, an event's status, how precise a date or a place is, TIMEX3 types and modifiers, the kinds of text that
are not the story, how a place with no reading of its own was found) are listed here, each once, as `Literal`
types the JSON Schema enumerates (`dateline schema`). `dateline.model` names them all again, so stages import them
from the model; a new value is added here, and to DESIGN.md's contract when it reaches the JSON.
"""

from __future__ import annotations

from typing import Literal

from dateline.timex3 import Precision

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: TIMEX3 `mod` values (TimeML 1.2.1).
TimexMod = Literal["BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                   "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"]
#: The 16 PLOVER event types (data/plover/ontology.json; a test keeps the two equal).
EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"]
#: Whether an event is reported as having happened (`fact`), as not having happened (`negated`), as
#: possible, conditional, demanded or planned (`hypothetical`) or as scheduled or announced (`future`).
EventStatus = Literal["fact", "negated", "hypothetical", "future"]
#: How much an event date is worth: the granularity of its TIMEX3 value (defined with the values).
DatePrecision = Precision
#: How much a place says: a point (a town, a site), an admin area (province, district) or a whole country.
LocationPrecision = Literal["point", "admin", "country"]
#: How a place's `basis` says the places stage put a name the gazetteer lacks in the area of the places named near
#: it: a guess from the article's context, not where the text puts the name (the events stage tells the two apart).
NEARBY_AREA_BASIS = "the area the places named near it lie in"
#: Added to such a basis when the text names the kind of place the name is ("the villages of Foua", "Kefraya
#: village"): the name is a place of the story, so the area around it is the smallest the text supports for an
#: event there (issue 10), where a bare unknown name ("talks to sell assets to Apache") may be no place at all.
NAMED_KIND_NOTE = "the text names its kind"
#: How the places stage found a place whose own name has no reading, kept on the place for the events stage to read
#: (the `basis` text above is for people): put in the place the text puts it in ("X in Y"), in the town named beside
#: it, or in the area the places named near it lie in, a guess from context ("talks to sell assets to Apache"); or a
#: region of no one country put in the country whose demonym the text writes before it ("Iranian Kurdistan").
PlaceFinding = Literal["container", "town_beside", "nearby_area", "national_part"]
#: Why a stretch of text is not the story: reader comments, share/follow/newsletter lines, photo captions
#: and credits, bylines, related-story blocks, legal/cookie/paywall notices, navigation, page timestamps,
#: the dateline prefix ("BEIRUT (Reuters) -"), social-media posts, a line repeated from earlier.
ExclusionKind = Literal["comments", "share", "caption", "byline", "related", "notice", "navigation",
                        "timestamp", "dateline", "social", "repeated"]
