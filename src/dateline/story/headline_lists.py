"""A list of other stories' headlines opening a page, run into the story with no stop.

Some pages open with a promotion line of the outlet's other stories, their headlines parted by semicolons, and a
scrape runs its last headline into the story's first sentence (in words of our own: "Storm floods Dhaka suburbs ;
rail strike ends ; summer salads The minister said on Monday ..."). Each headline is a short clause, often with a
verb ("Storm floods ...", "bombs target ..."), so the events stage read fights and attacks from them that belong to
other stories (the shown samples' `not_story` class: three shown events of one such line, met on pages of two
Timeline17 folders). A story's own sentence with semicolons ends in a stop; a headline list runs into the next
text at a seam: a lower-case word, one space, a capitalised word.

`find_headline_list` takes the text's first line when it opens with at least `MIN_HEADLINES` stretches parted by
semicolons, each of at most `MAX_HEADLINE_WORDS` words and none holding a stop, the last of which ends at such a seam
within `MAX_HEADLINE_WORDS` words: the stretch from the line's start to the seam is a `related` stretch. A last
stretch opened by a conjunction of a series (`series_conjunctions`: "... ; a nurse ; and a driver from Boston") is the
last item of one sentence's list, parted by semicolons as its items hold commas or are long: a story's lede, not
headlines (no headline opens with "and").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dateline.story.shapes import Found
from dateline.words import word_set

#: The fewest headlines of a list: two semicolons (a story's sentence seldom parts three short stretches with them).
MIN_HEADLINES = 3
#: The most words of one headline of a list (the ones seen: 2-7).
MAX_HEADLINE_WORDS = 12
_STOPS = re.compile(r"[.!?]")
_WORD = re.compile(r"\S+")
#: A seam: a lower-case word, one space, a capitalised word (one headline's end runs into the next text).
_SEAM = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*(?= [A-Z])")
#: The words that open the last item of a sentence's series ("and a driver"), never a headline.
_SERIES_CLOSERS = word_set("series_conjunctions")


def find_headline_list(lines: list[tuple[int, int]], text: str) -> Iterator[Found]:
    """The headline list opening the text (see the module's docstring), as a `related` stretch; nothing otherwise."""
    if not lines:
        return
    start, end = lines[0]
    line = text[start:end]
    pieces = line.split(";")
    if len(pieces) < MIN_HEADLINES:
        return
    headlines = pieces[:-1]
    if any(not 0 < len(piece.split()) <= MAX_HEADLINE_WORDS or _STOPS.search(piece) for piece in headlines):
        return
    last_start = start + sum(len(piece) + 1 for piece in headlines)
    last = text[last_start:end]
    words = list(_WORD.finditer(last))[:MAX_HEADLINE_WORDS + 1]
    if words and words[0].group().lower() in _SERIES_CLOSERS:
        return  # the last item of one sentence's list
    reach = words[-1].end() if words else 0
    seam = _SEAM.search(last, 0, reach)
    if seam is None or _STOPS.search(last, 0, seam.end()):
        return
    yield "related", start, last_start + seam.end(), "headlines parted by semicolons run into the story"


__all__ = ["MAX_HEADLINE_WORDS", "MIN_HEADLINES", "find_headline_list"]
