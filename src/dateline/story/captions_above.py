"""The caption above a photo credit that opens its line.

Some pages print a picture's caption on its own line and the credit on the next, where the story goes on after
it; a scrape keeps both (in words of our own: "... Tuesday 4 May 2010 09.12 BST Divers inspect the hull of the
ferry off Brindisi .\\nPhotograph : Ana Ruiz/AP The inquiry heard ..."). The credit cue (`story.cues`, scope
`credit`) takes a caption only before a credit on the same line, so this caption, told in the present or as a
phrase with no verb, was read as story: its meetings, offensives and protests were shown as the page's events
(the shown samples' `not_story` class: three such captions over samples 1515-2222 at 741b5c6, all Guardian pages).

`find_captions_above` takes, for each credit that opens its line, the caption it belongs to: from the end of a page
stamp found on the lines just above (`story.shapes`: the caption follows the page's stamp, over one to
three short lines) to the end of the line before the credit, at most `MAX_CAPTION_CHARS`; with no such stamp, the last
sentence of the line before, at most `MAX_SENTENCE_CHARS` (a longer one has a headline or standfirst run into it, or
is a story's paragraph above a picture with no caption). Nothing is taken when the stretch holds another excluded
stretch (a teaser run, a byline), nor when the last opener on the lines above is a dateline ("LONDON ( Reuters ) -"):
a dateline opens the story, so what follows it is the lede, not a caption (a wire story with a credit line after its
first paragraphs would otherwise lose them).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from dateline.story.shapes import Found

Span = tuple[int, int]
#: The longest caption read above a credit (the Guardian's run to about 250 characters over three lines).
MAX_CAPTION_CHARS = 300
#: The longest last sentence of the line above read as the caption when no stamp opens it: the captions seen ran to
#: 170 characters; a longer unit is a headline or standfirst the parse ran into the caption (as `story.lead_caption`).
MAX_SENTENCE_CHARS = 220
#: The found stretches that open what follows them: the page's stamp (a caption above a credit starts after it) or
#: the story's dateline (the lede follows it, so no caption does).
_OPENERS = frozenset({"timestamp", "dateline"})


def find_captions_above(credits: list[Span], found: list[Found], lines: list[Span], units: list[Span],
                        text: str) -> Iterator[Found]:
    """The caption above each credit of `credits` (offsets of credit cue matches) that opens its line; `found`
    holds the stretches other finders marked, `lines` and `units` are in text order."""
    starts = [start for start, _ in lines]
    for credit_start, _credit_end in credits:
        number = bisect_right(starts, credit_start) - 1
        if number < 1 or lines[number][0] != credit_start:
            continue  # the credit does not open its line, or no line is above it
        above = lines[number - 1]
        caption = _caption_span(credit_start, above, found, units)
        if caption is None:
            continue
        start = caption[0] + len(text[caption[0]:caption[1]]) - len(text[caption[0]:caption[1]].lstrip())
        if start < caption[1]:
            yield "caption", start, caption[1], "caption on the line above a credit that opens its line"


def _caption_span(credit_start: int, above: Span, found: list[Found], units: list[Span]) -> Span | None:
    """Where the caption above a credit lies (see the module's docstring), or None."""
    bound = credit_start - MAX_CAPTION_CHARS
    reach = min(bound, above[0])
    openers = sorted((end, kind) for kind, _start, end, _cue in found if kind in _OPENERS and reach <= end <= above[1])
    if openers and openers[-1][1] == "dateline":
        return None  # the story opens on the lines above: they are its lede
    if openers and openers[-1][0] >= bound:
        start, most = openers[-1][0], MAX_CAPTION_CHARS
    else:
        last = [unit for unit in units if above[0] <= unit[0] < above[1]]
        if not last:
            return None
        start, most = last[-1][0], MAX_SENTENCE_CHARS
    if start >= above[1] or above[1] - start > most:
        return None
    if any(kind not in _OPENERS and start < end and begin < above[1] for kind, begin, end, _cue in found):
        return None  # the stretch is (partly) something else already: a teaser run, a byline
    return start, above[1]


__all__ = ["MAX_CAPTION_CHARS", "find_captions_above"]
