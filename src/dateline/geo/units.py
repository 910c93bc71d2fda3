"""Counties, parishes and townships named inside other names: "the Walker County Sheriff's
Office", "Daviess County Public Schools", "706 Orange County residents".

Local news names its county mostly through the county's institutions, and spaCy tags those
as organisations (or as people, or not at all), so ordinary recognition never sees the
county. Here a run of capitalised words closed by a capitalised unit noun ("County",
"Parish", "Township": class `unit` of data/words/place_words.tsv) is a mention when
the gazetteer knows the whole name, wherever it stands.
"""

from __future__ import annotations

from typing import Any

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.groups import feature_class
from dateline.geo.mentions import Mention
from dateline.words import word_class

#: Unit nouns that close a county-like name ("county", "parish", "township", ...).
UNIT_NOUNS = word_class("place_words", "unit")
#: Longest name before the unit noun, in tokens ("Miami - Dade", "Prince George 's").
MAX_NAME_TOKENS = 3


def named_units(parsed: Any, taken: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Mentions of the counties and townships that no accepted mention covers yet."""
    covered = {i for m in taken for i in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for i, token in enumerate(parsed):
        if i in covered or not token.text[:1].isupper() or token.lower_ not in UNIT_NOUNS:
            continue
        start = _name_start(parsed, i, covered, gazetteer)
        if start is not None:
            span = parsed[start:i + 1]
            found.append(Mention(span.text, span.start_char, span.end_char, start, i + 1, strong=True, label="GPE"))
            covered.update(range(start, i + 1))
    return found


def _name_start(parsed: Any, unit: int, covered: set[int], gazetteer: Gazetteer) -> int | None:
    """The first token of the longest known "X County" that ends at token `unit`."""
    for size in range(MAX_NAME_TOKENS, 0, -1):
        start = unit - size
        if start < 0 or any(i in covered for i in range(start, unit)):
            continue
        words = parsed[start:unit]
        if not words[0].text[:1].isupper() or words[0].is_punct or words[-1].is_punct:
            continue
        if any(c.match >= 1.0 and feature_class(c) in ("A", "P")
               for c in gazetteer.lookup(parsed[start:unit + 1].text)):
            return start
    return None
