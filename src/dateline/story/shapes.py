"""Line shapes of non-story text that no single cue phrase names.

* the dateline prefix of a wire story ("BEIRUT (Reuters) -", "RALEIGH, N.C. (AP) -", "Cairo , Egypt
  ( CNN ) --"): only the prefix is left out, the sentence it opens is story;
* a page timestamp standing alone between other text ("Friday 3 June 2005 00.06 BST"), told from a
  time in a story sentence ("ends on May 4 at 9 p.m.") by what stands around it;
* a pasted social-media post: a handle and a clock time in one sentence;
* a navigation line: items between separators ("Home | World | Middle East") with no verb;
* a photo caption with no credit: a sentence told in the simple present ("Protesters hold pictures of the
  activist in Sanaa", "The logo is seen at a station") that ends in a full date of the article's day or before
  ("on Jan. 24, 2011", "Tuesday, July 20, 2010"), the date an adjunct of its verb. News tells what happened in
  the past tense; a picture's line tells it in the present and dates the picture. A timeline's entry opens with
  its date, a schedule's present ("the trial opens on March 3, 2011") is dated ahead, a date inside a noun's
  phrase ("concerns a shooting in Mosul on June 2 2004") is that noun's: none of them is taken.

Each finder takes the text (and, for navigation, the parse) and yields (kind, start, end, cue).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from dateline.story.cues import placeholders
from dateline.words import word_class, word_map, word_set, word_table

Found = tuple[str, int, int, str]

_GAP = r"[^\S\n]"
_OPEN, _CLOSE = r"(?:\(|-LRB-)", r"(?:\)|-RRB-)"
#: The agency in a dateline: all capitals (AP, AFP, CNN, WSAW), one capitalised word (Reuters), or empty.
_AGENCY = rf"{_OPEN}{_GAP}*(?:[A-Z][A-Z&.]+(?:{_GAP}+[A-Z][A-Z&.]+){{0,2}}|[A-Z][a-z]+)?{_GAP}*{_CLOSE}"
_DASH = rf"{_GAP}*(?:--?|–|—)"
#: The time zone that ends a page timestamp is not the first word of a place ("... 4:08 am EDT LONDON").
_ZONE = r"(?:[ECMP][SD]T|GMT|BST|IST|CET|CEST|UTC|ET)\b"
_CAPS_PLACE = rf"\b(?!{_ZONE})[A-Z][A-Z.'’-]+(?:{_GAP}+[A-Z][A-Z.'’-]+){{0,3}}"
_REGION = rf"(?:{_GAP}*,{_GAP}*[A-Z][\w.]*(?:{_GAP}+[A-Z][\w.]*)?)?"
_MIXED_PLACE = rf"[A-Z][a-z]+(?:{_GAP}+[A-Z][a-z]+)?"
#: What follows a dateline: the story's first word or quote.
_OPENS_STORY = rf"(?={_GAP}*[A-Z\"“‘'`])"
DATELINE = re.compile(
    rf"(?:^[^\S\n]*(?:{_CAPS_PLACE}{_REGION}(?:{_DASH})?(?:{_GAP}*{_AGENCY})?|{_MIXED_PLACE}{_REGION}{_GAP}*{_AGENCY})"
    rf"|{_CAPS_PLACE}{_REGION}{_GAP}*{_AGENCY}|{_AGENCY}){_DASH}{_OPENS_STORY}",
    re.MULTILINE,
)

#: Words before a time that make it part of a sentence ("closes at 10 p.m. on June 12").
_TIME_PREPOSITIONS = frozenset(word_table("prepositions")) | {"about", "approximately", "shortly", "and", "or"}
_PREVIOUS_WORD = re.compile(r"([\w']+)[^\S\n]*[,:]?[^\S\n]*$")
_NEXT_OPENS = re.compile(rf"{_GAP}*(?:$|\n|\||[A-Z\"“‘'`(]|-LRB-)")
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_SEPARATOR = re.compile(r"[|»›•]|(?<=\s)>(?=\s)")


def find_datelines(text: str) -> Iterator[Found]:
    """Dateline prefixes: a capitalised place, a bracketed agency, a dash, then the story."""
    for match in DATELINE.finditer(text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        yield "dateline", start, match.end(), "dateline: place (agency) -"


#: Every clock time holds this; a stamp is searched for only in windows around one (most text has none).
_CLOCK_ANCHOR = re.compile(r"\d[:.]\d\d")
#: How far from its clock time a stamp's date may reach (a date is a few words long).
_STAMP_REACH = 120


@cache
def _stamp_regex() -> re.Pattern[str]:
    return re.compile(placeholders()["<stamp>"], re.IGNORECASE)


def _stamp_matches(text: str) -> Iterator[re.Match[str]]:
    """The stamps of a text, searched only in the merged windows around its clock-time anchors."""
    windows: list[list[int]] = []
    for anchor in _CLOCK_ANCHOR.finditer(text):
        lo, hi = max(0, anchor.start() - _STAMP_REACH), min(len(text), anchor.end() + _STAMP_REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        yield from _stamp_regex().finditer(text, lo, hi)


def find_timestamps(text: str) -> Iterator[Found]:
    """Page timestamps (a date with a clock time) that stand between other text, not inside a clause."""
    for match in _stamp_matches(text):
        before = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
        if before and before.group(1).lower() in _TIME_PREPOSITIONS:
            continue
        if not _NEXT_OPENS.match(text, match.end()):
            continue
        yield "timestamp", match.start(), match.end(), "date with a clock time between other text"


def find_social_posts(sentences: list[tuple[int, int]], text: str) -> Iterator[Found]:
    """Sentences holding a handle and a clock time: a post pasted from a social network."""
    clock = re.compile(placeholders()["<time>"], re.IGNORECASE)
    for start, end in sentences:
        piece = text[start:end]
        if _HANDLE.search(piece) and clock.search(piece):
            yield "social", start, end, "handle and clock time"


@cache
def _full_date() -> re.Pattern[str]:
    """A date with day, month and year closing a sentence: "Jan. 24 , 2011 .", "20 July 2010)"."""
    month = rf"(?P<m{{n}}>{'|'.join(sorted(word_map('months'), key=len, reverse=True))})\.?"
    day_first = rf"(?P<d1>\d{{1,2}}){_GAP}+{month.format(n=1)}"
    month_first = rf"{month.format(n=2)}{_GAP}+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    return re.compile(rf"\b(?:{day_first}|{month_first}){_GAP}*,?{_GAP}*(?P<y>\d{{4}})[\s.)]*$", re.IGNORECASE)


#: Verbs a present-tense sentence may be told with in prose: what someone says or thinks now.
_SAYING = word_set("reporting_verbs")
#: Auxiliaries that make a present-tense verb a perfect or future ("has arrested", "will meet"), by lemma.
_NOT_SIMPLE = word_class("auxiliaries", "not-simple")
#: What may stand between a caption's date and its verb: places, names, numbers and the prepositions between them.
_TO_VERB_POS = frozenset({"PROPN", "NUM", "ADP", "PUNCT", "DET"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "DATE"})


def find_dated_captions(sentences: list[tuple[int, int]], text: str, parsed: Any, written: dt.date) -> Iterator[Found]:
    """Sentences told in the simple present that end in a full date on or before `written` (the article's day),
    the date an adjunct of the sentence's verb: a photo's caption."""
    if parsed is None:
        return
    months = word_map("months")
    for start, end in sentences:
        match = _full_date().search(text, start, end)
        if match is None:
            continue
        month, number = match.group("m1") or match.group("m2"), match.group("d1") or match.group("d2")
        try:
            day = dt.date(int(match.group("y")), int(months[month.lower().rstrip(".")]), int(number))
        except (ValueError, KeyError):
            continue
        span = parsed.char_span(start, end, alignment_mode="expand")
        if day > written or span is None or not present_narration(span.root):
            continue
        first = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
        if first is not None and _adjunct_of(first[0], span.root):
            yield "caption", start, end, "a sentence in the simple present ending in a full date"


def present_narration(verb: Any) -> bool:
    """A verb in the simple present, active or passive ("hold", "is seen"), not one of saying."""
    if verb.lemma_.lower() in _SAYING or any(c.dep_ == "aux" and c.lemma_.lower() in _NOT_SIMPLE
                                             for c in verb.children):
        return False
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and _subject_without_aux(verb)):
        return verb.lemma_ != "be"
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _subject_without_aux(verb: Any) -> bool:
    """A base-form verb with a subject and no auxiliary: a plural present the tagger took for a base form
    ("Protesters ... demonstrate in Sanaa")."""
    return any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ in ("aux", "auxpass")
                                                                    for c in verb.children)


def _adjunct_of(token: Any, verb: Any) -> bool:
    """Whether the date starting at `token` hangs on `verb` through places, names and prepositions only, not
    through another verb or a common noun ("a shooting in Mosul on June 2 2004": the shooting's date)."""
    current = token
    for _ in range(12):
        if current.i == verb.i:
            return True
        if current.head.i == current.i or not (current.pos_ in _TO_VERB_POS or current.ent_type_ in _PLACES):
            return False
        current = current.head
    return False


def find_navigation(lines: list[tuple[int, int]], text: str, parsed: Any) -> Iterator[Found]:
    """Lines of menu items: two or more separators and no verb."""
    for start, end in lines:
        if len(_SEPARATOR.findall(text, start, end)) < 2:
            continue
        span = parsed.char_span(start, end, alignment_mode="expand") if parsed is not None else None
        if span is None or len(span) > 20 or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        yield "navigation", start, end, "menu line: items between separators, no verb"
