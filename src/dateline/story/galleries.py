"""A photo gallery: a page whose text, after a short introduction, is its pictures' captions.

A gallery page gives each picture a credit and a caption, and a scrape keeps them as lines, each caption opened by
its credit ("Ana Ruiz/Getty Images A farmer waters ...") and often followed by a second line or two of the same
caption with no credit of its own (in words of our own: "Ana Ruiz/Getty Images Farmers block the ring road on
Monday .\\nThe ministry has promised talks .\\nAna Ruiz/Getty Images ..."). By the guidelines captions are page
furniture, not news; the events stage read the clashes, tolls and blame of five such captions of one CNN gallery as
the page's events (the shown sample 2222's `not_story` class, 5 of its 8).

A single credit opening a line may open a story (a wire photo's credit run into the dateline: "AP/Getty Images
LIMA -- ..."), so one is not enough: `find_gallery` takes a text where at least `MIN_CREDIT_LINES` lines open with a
photo credit (a name, a slash, a picture agency: "Getty Images"), each within `MAX_GAP_LINES` lines of the one before
(a caption runs over a line or two; a story's pictures stand paragraphs apart, and two credits far apart are a story
with two pictures, whose body must stay), and marks everything from the first of them to the end as `caption` (a
gallery's last captions may come without a credit of their own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from dateline.story.cues import placeholders
from dateline.story.shapes import Found

#: The fewest lines opened by a credit that make a page a gallery.
MIN_CREDIT_LINES = 2
#: The most lines without a credit between two credit lines of one gallery (its captions' second and third lines).
MAX_GAP_LINES = 3
#: The last word of a picture agency's name, as `story.cues` reads a credit's agency ("Getty Images").
_PICTURE_AGENCY_WORDS = ("Images", "Photos", "Pictures")


@cache
def _credit_opening() -> re.Pattern[str]:
    """A line's start holding a photo credit: a name, a slash (escaped or not), a picture agency's name ("Getty
    Images"); a bare slash between capitalised words is a place pair, a rank or a role ("HOUSTON/LONDON",
    "L/Cpl", "Presenter/")."""
    return re.compile(rf"^[^\S\n]*{placeholders()['<name>']}[^\S\n]*\\?/[^\S\n]*[A-Z][\w.&-]*[^\S\n]+"
                      rf"(?:{'|'.join(_PICTURE_AGENCY_WORDS)})\b", re.MULTILINE)


def find_gallery(text: str) -> Iterator[Found]:
    """The captions of a gallery page (see the module's docstring), as one `caption` stretch; nothing otherwise."""
    if "/" not in text:
        return
    openings = [match.start() for match in _credit_opening().finditer(text)]
    if len(openings) < MIN_CREDIT_LINES:
        return
    if any(_lines_between(text, start, end) > MAX_GAP_LINES for start, end in pairwise(openings)):
        return
    start = openings[0] + len(text[openings[0]:]) - len(text[openings[0]:].lstrip())
    end = len(text.rstrip())
    if start < end:
        yield "caption", start, end, "a gallery: lines opened by photo credits, and the captions after them"


def _lines_between(text: str, start: int, end: int) -> int:
    """The non-blank lines between the credit line opening at `start` and the one opening at `end`."""
    return sum(1 for line in text[start:end].split("\n")[1:] if line.strip())


__all__ = ["MAX_GAP_LINES", "MIN_CREDIT_LINES", "find_gallery"]
