"""Runs of related-story teasers scraped without their stops: a block of headlines and standfirsts told one after
another on one line, with nothing between one item's last word and the next item's first.

A page's "more on this story" box comes out of some scrapes as one long line (in words of our own: "... water bills
rise again for households this spring Hospital staff vote on a new pay offer after months of talks Farmers fear a dry
summer ..."). The parser reads it as one sentence and the events stage found accusations, warnings and agreements
in it, none of them the story's (the falsealarms samples' `not_story` class: 17 of the 34 such shown events of
samples 120-2121 at ad3350b were in five Guardian pages of these blocks). No cue phrase names the block, but its shape
does: a long stretch with no stop, in which a word that ends a phrase (a noun, an adverb: "spring", "talks") runs
straight into a capitalised word that opens the next item ("Hospital", "Farmers"). A
sentence of prose has such seams too ("told reporters Tuesday", "the former governor Paul Meyer") but one or two in
its length, mostly a title before a name; the block has one every hundred characters or so.

Two more seams of the same kind (the twenty-second session's shown sample, two Guardian pages whose blocks had two
and three of the seams above in a thousand characters): a verb that ends one item's clause ("... the ferry ran two
hours later than planned Local traders say ..."), a capitalised word after it that is no part of the verb's clause nor
above it in the parse (a verb's own object or subject, "told Reuters", "said Obama", is); and an item that opens
with its date stamp and a colon ("... after a long debate 3 March 2009 : Volunteers ..."), which prose never runs into
from a lower-case word.

`find_teaser_runs` marks a sentence unit of at least `MIN_RUN_CHARS` characters with at least `MIN_SEAMS` seams as a
`related` block; once a page holds one, a further unit of `MIN_NEIGHBOUR_CHARS` with `MIN_NEIGHBOUR_SEAMS` seams is
the same box's next line (the page's other lines of teasers, shorter and with fewer seams).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from typing import Any

from dateline.story.shapes import Found
from dateline.words import word_map

#: The shortest unit read as a run of teasers: prose sentences of this length are rare and hold few seams.
MIN_RUN_CHARS = 400
#: Seams that make a long unit a run of teasers (no prose unit of 400 characters or more reached four in the shown
#: samples' 230 articles, events-gold's 28 and 286 other Timeline17 articles of no cold round).
MIN_SEAMS = 4
#: A further unit on a page that has a run: shorter and with fewer seams, but still no sentence of prose.
MIN_NEIGHBOUR_CHARS, MIN_NEIGHBOUR_SEAMS = 300, 2
#: Parts of speech that lead into the capitalised word after them inside one phrase or clause ("in Baghdad",
#: "the Senate", "and Obama", "told Reuters", "his Cabinet", "former President"): no seam after them.
_LEADS_IN = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART", "PRON", "VERB", "ADJ", "PUNCT", "NUM"})
#: Parts of speech that lead into a date inside a clause ("on 7 May 2009 :", "until May 7 , 2009 :"); a noun or
#: verb before an item's date stamp ends the item before it (a tagger reads a teaser's last noun as a verb, too).
_INTO_DATE = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART"})
#: Entity types of a capitalised word that goes on the phrase before it ("protesters Thursday demanded").
_GOES_ON = frozenset({"DATE", "TIME"})


def _dated_item(token: Any) -> bool:
    """Whether `token` opens a teaser's date stamp followed by a colon: "7 May 2009 :" or "May 7 , 2009 :"."""
    words = [t.text.lower() for t in token.doc[token.i:token.i + 5]]
    if len(words) >= 4 and _day(words[0]) and words[1] in _months():
        return _year(words[2]) and words[3] == ":"
    if len(words) < 4 or words[0] not in _months() or not _day(words[1]):
        return False
    rest = words[3:] if words[2] == "," else words[2:]
    return len(rest) >= 2 and _year(rest[0]) and rest[1] == ":"


@cache
def _months() -> frozenset[str]:
    """Month names and their abbreviations, lower-case."""
    return frozenset(word_map("months"))


def _day(word: str) -> bool:
    return word.isdigit() and len(word) <= 2


def _year(word: str) -> bool:
    return word.isdigit() and len(word) == 4


def _verb_ends(before: Any, after: Any) -> bool:
    """Whether the verb `before` ends its clause before `after`: the verb modifies nothing after it (a participle
    before its noun, "the banned Workers Front", does), and `after` is neither in the verb's subtree (its
    object, its clause's subject: "told Reuters", "said Obama") nor above it in the parse."""
    if before.pos_ != "VERB" or before.head.i > before.i:
        return False
    return not before.is_ancestor(after) and not after.is_ancestor(before)


def _seam(before: Any, after: Any) -> bool:
    """Whether one item of a run ends at `before` and the next begins at `after`: a lower-case word that can end a
    phrase (or a verb that ends its clause), one space, then a capitalised word that is not a date, "I" or a person's
    name (a title before a name is the commonest such pair in prose, and a teaser seldom opens with a bare name), or
    an item's date stamp with its colon."""
    if not before.whitespace_ or "\n" in before.whitespace_:
        return False
    if not (before.is_alpha and before.text[0].islower()):
        return False
    if _dated_item(after):
        return before.pos_ not in _INTO_DATE
    if before.pos_ in _LEADS_IN:
        return _capitalised_opening(after) and _verb_ends(before, after)
    return _capitalised_opening(after)


def _capitalised_opening(after: Any) -> bool:
    """Whether `after` can open a teaser: a capitalised word that is not a date, "I" or a person's name."""
    if not (after.is_alpha and after.text[0].isupper()) or after.text == "I" or after.ent_type_ in _GOES_ON:
        return False
    return after.ent_type_ != "PERSON"  # a title before a name: "the governor Paul Meyer", "her adviser Jan"


def seams(span: Any) -> int:
    """How many places in the parsed `span` one teaser's last word runs into the next one's first."""
    return sum(_seam(before, after) for before, after in pairwise(span))


def find_teaser_runs(units: list[tuple[int, int]], parsed: Any) -> Iterator[Found]:
    """Sentence units that are runs of teasers (see the module's docstring), as `related` stretches."""
    if parsed is None:
        return
    counted = []
    for start, end in units:
        if end - start < MIN_NEIGHBOUR_CHARS:
            continue
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 1:
            counted.append((start, end, seams(span)))
    if not any(end - start >= MIN_RUN_CHARS and found >= MIN_SEAMS for start, end, found in counted):
        return
    for start, end, found in counted:
        if found >= MIN_NEIGHBOUR_SEAMS:
            yield "related", start, end, "teasers run together: long, no stop, items' words abutting"


__all__ = ["find_teaser_runs", "seams"]
