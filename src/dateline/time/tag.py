"""The time stage: find temporal expressions and normalise them to TIMEX3 values.

`tag_timexes(doc)` fills `doc.timexes` for a parsed Document; `normalize(text, dct)`
reads one expression on its own. Both run the same grammar (`rules` and
`relative`): every rule's precompiled regex is run over the text, the longest
non-overlapping matches win, and each winner is normalised against the article date
(the document creation time, DCT). The parse is used for two things only: the tense of
the clause that governs an expression (past tense reads "Monday" backwards, future
tense forwards) and vetoing numbers that are counts, not years ("2000 people": `parse_vetoes`).

Absolute dates with numbers go through python-dateutil where it helps; relative
references ("last year", "two days ago", "earlier this month") are rules written here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dateline.budget import check_deadline
from dateline.model import Document, Timex
from dateline.time.anchored import ANCHORED_RULES, counted_from
from dateline.time.calendar import Point, safe_date
from dateline.time.chronology import ENTRY_RULES, entry_direction, heads_entry
from dateline.time.clock import CLOCK_RULES
from dateline.time.coordination import coordinated_days
from dateline.time.generic import GENERIC_RULES
from dateline.time.lexicon import POINT_MODS, QUANTITY_MODS
from dateline.time.narrated_year import NarratedYear
from dateline.time.page_stamps import entries, read_stamp_days, stamped_writing_day
from dateline.time.parse_vetoes import PARSE_VETOES
from dateline.time.patterns import POINT_MOD_BEFORE, QUANTITY_MOD_BEFORE, REQUIRED_WORDS
from dateline.time.periods import PERIOD_RULES
from dateline.time.relative import RELATIVE_RULES
from dateline.time.rule_filter import FOLDED_TO_ASCII, RuleFilter
from dateline.time.rules import ABSOLUTE_RULES, IMPOSSIBLE, MONTH_DAY_RULES, Context, Reading, Rule, date_reading
from dateline.time.tense import clause_direction, past_act_in
from dateline.time.writing_day import narrated_writing_day
from dateline.words import word_class

#: Every rule, in tie-break order (earlier wins between equally long matches), each
#: with the words it needs so texts without them skip its scan.
RULES: tuple[Rule, ...] = tuple(
    dataclasses.replace(rule, needs=REQUIRED_WORDS.get(rule.name, ()))
    for rule in ABSOLUTE_RULES + PERIOD_RULES + RELATIVE_RULES + CLOCK_RULES + GENERIC_RULES + ANCHORED_RULES
)
_RULE_FILTER = RuleFilter(RULES)

#: Anything a rule could be built around: digits, calendar words, time adverbs. Rules
#: only run near these (see temporal_windows); _REACH is the longest way from one to
#: the edge of an expression.
_ANCHOR_WORDS = (
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|quarter|decade|"
    r"centur|hour|minute|second|fortnight|night|morning|evening|noon|time|now|recent|current|"
    r"past|present|future|ahead|term|moment|lately|former|spring|summer|fall|autumn|winter|"
    r"christmas|easter|halloween|thanksgiving|valentine|labou?r|memorial|independence|bastille|armistice|"
    r"veterans|patrick|half|period|a\.m|p\.m|ago|tomorrow|tues|thurs|ly\b|'\d|nineteen|eighteen|thousand|ties\b"
)
_ANCHOR = re.compile(_ANCHOR_WORDS, re.IGNORECASE)
#: The same words matched with case on a copy of the text whose ASCII capitals are lowered: the same hits (the copy has
#: the same length, and the words are ASCII) six times as fast, since `re` tries each alternative at every position and
#: a case-insensitive try is slower (0.42 -> 0.07 CPU s on 311 k characters of news).
_ANCHOR_LOWERED = re.compile(_ANCHOR_WORDS)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_REACH = 48
_WHITESPACE = re.compile(r"\s")
_POINT_MOD = re.compile(POINT_MOD_BEFORE, re.IGNORECASE)
_QUANTITY_MOD = re.compile(QUANTITY_MOD_BEFORE, re.IGNORECASE)
_APPROXIMATIONS = frozenset({"about", "around", "nearly", "almost", "approximately", "roughly", "some"})
#: Reading type -> (left-context pattern, word -> mod table, words allowed or None for all).
_MODIFIERS: dict[str, tuple[tuple[re.Pattern, dict[str, str], frozenset[str] | None], ...]] = {
    "DATE": ((_POINT_MOD, POINT_MODS, None), (_QUANTITY_MOD, QUANTITY_MODS, _APPROXIMATIONS)),
    "TIME": ((_POINT_MOD, POINT_MODS, None), (_QUANTITY_MOD, QUANTITY_MODS, _APPROXIMATIONS)),
    "DURATION": ((_QUANTITY_MOD, QUANTITY_MODS, None),),
}
_TENSES = {"past": -1, "present": 0, "future": 1, None: 0}
#: Words that make a time the bound of another ("after a flat second quarter"), not the time under discussion.
_BOUNDARY_WORDS = word_class("prepositions", "time-bound")
#: Granularities an expression can leave as the reference for "a year earlier".
_REFERENCE_GRANULARITIES = frozenset({"day", "month", "quarter", "half", "year"})
#: Spans of months that are parts of a year ("the first nine months", "the six months").
_PART_OF_YEAR = re.compile(r"P([2-9]|1[01])M")


@dataclass
class Candidate:
    """A rule's match in the text, before it is normalised."""

    start: int
    end: int
    order: int
    rule: Rule
    match: re.Match


def temporal_windows(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of `text` around words any rule needs, merged and cut at spaces.

    Most of a news text says nothing about time; the rules only scan these windows.
    Each search for a space starts where the last one ended, never again from a hit: a token
    of 200,000 digits (every digit a hit) is walked once, not once per digit.
    """
    end_of_last = -1
    start = end = 0
    space_after = -1  # the first whitespace at or after the last position asked for (len(text): none)
    for hit in _anchors(text):
        if hit.start() - _REACH > end_of_last:
            if end_of_last >= 0:
                yield start, end
            start = _space_before(text, hit.start() - _REACH, floor=start)
        end_of_last = hit.end()
        if hit.end() + _REACH > space_after:
            space_after = _space_after(text, hit.end() + _REACH)
        end = space_after
    if end_of_last >= 0:
        yield start, end


def _anchors(text: str) -> Iterator[re.Match]:
    """The hits of `_ANCHOR` in `text`, found the fast way where that gives the same hits."""
    if any(char in text for char in FOLDED_TO_ASCII):
        return _ANCHOR.finditer(text)
    return _ANCHOR_LOWERED.finditer(text.translate(_ASCII_LOWER))


def _space_before(text: str, pos: int, floor: int = 0) -> int:
    """Just after the last space before `pos`, looking no further back than `floor` (the start of
    the previous window: a window never reaches back past the one before it)."""
    if pos <= floor:
        return floor
    found = text.rfind(" ", floor, pos)
    return found + 1 if found >= 0 else floor


def _space_after(text: str, pos: int) -> int:
    found = _WHITESPACE.search(text, pos)
    return len(text) if found is None else found.start()


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches in `text`, longest first (ties: earlier rule first)."""
    found: list[Candidate] = []
    for start, end in temporal_windows(text):
        check_deadline()  # the article's time budget (dateline.budget)
        found.extend(Candidate(m.start(), m.end(), order, rule, m)
                     for order, rule in _RULE_FILTER.rules_for(text[start:end])
                     for m in rule.pattern.finditer(text, start, end))
    found.sort(key=lambda c: (c.start - c.end, c.order, c.start))
    return found


def select_candidates(candidates: list[Candidate],
                      accept: Callable[[Candidate], Reading | None]) -> list[Candidate]:
    """The longest non-overlapping candidates that `accept` reads, in text order.

    An impossible date ("February 30") blocks its words, so "February" alone is not
    taken instead, but is not returned. Taken and blocked spans never overlap one another, so kept
    sorted they are tested by binary search: only the last one starting before a candidate ends can
    overlap it (a test against every span made long texts quadratic: 30 s of 50 at 1M characters).
    """
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []  # (start, end) of the taken and blocked spans, sorted
    for cand in candidates:
        before = bisect_left(occupied, (cand.end,)) - 1
        if before >= 0 and occupied[before][1] > cand.start:
            continue
        reading = accept(cand)
        if reading is not None:
            insort(occupied, (cand.start, cand.end))
            if reading is not IMPOSSIBLE:
                taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def extend_with_modifier(text: str, start: int, reading: Reading, floor: int) -> tuple[int, str | None]:
    """Grow a span leftwards over a modifier ("early", "about") and return its TIMEX3 mod.

    DATEs and TIMEs take point modifiers ("early 2017", "the end of May") and
    approximations ("about two years ago"); DURATIONs take quantity modifiers
    ("more than three months"), but not before "the" ("over the past year" is a span
    preceded by a preposition). `floor` is where the previous expression ends.
    """
    if reading.value.endswith("_REF"):
        return start, reading.mod
    window_start = max(floor, start - 24)
    left = text[window_start:start]
    for pattern, table, allowed in _MODIFIERS.get(reading.type, ()):
        found = pattern.search(left)
        if found is None:
            continue
        word = " ".join(found["mod"].lower().split())
        if (allowed is None or word in allowed) and not (table is QUANTITY_MODS and text.startswith("the", start)):
            return window_start + found.start(), table[word]
    return start, reading.mod



def _with_year_of(reading: Reading, borrowed: list[Timex], cand: Candidate) -> Reading:
    """A date written without a year takes the one written after the day that borrows its
    month: "April 24 and 25, 1999" is April 24 of 1999 however the tense leans."""
    later = [t for t in borrowed if t.start >= cand.end]
    if not later or cand.match.groupdict().get("year") or reading.point is None:
        return reading
    year = int(later[0].value[:4])
    if year == reading.point.day.year:
        return reading
    day = safe_date(year, reading.point.day.month, reading.point.day.day)
    return date_reading(Point(day, "day")) if day else reading


def read_safely(cand: Candidate, ctx: Context) -> Reading | None:
    """A rule's reading of a match, or None when calendar arithmetic runs out of range.

    "125,000 years ago" is a fine phrase but not a date Python can hold: skip it.
    """
    try:
        return cand.rule.normalise(cand.match, ctx)
    except (ValueError, OverflowError):
        return None


class TimexTagger:
    """Finds and normalises the timexes of one text, optionally with its parse."""

    def __init__(self, text: str, dct: dt.date, parsed: Any = None, tense: int = 0) -> None:
        self.text, self.dct, self.parsed, self.tense = text, dct, parsed, tense
        self.reference: Point | None = None
        self.past_reference: Point | None = None  # the last reference not after the article date
        self.quarter: Point | None = None
        self.narration = NarratedYear(dct, parsed)  # days without a year that go on with a dated story

    def span_of(self, cand: Candidate) -> Any | None:
        if self.parsed is None:
            return None
        return self.parsed.char_span(cand.start, cand.end, alignment_mode="expand")

    def context(self, cand: Candidate) -> Context:
        """What the rule may know: the clause's tense and the reference for anaphora. A clause told
        in the past counts "a day earlier" from the last time named that is not after the article
        date: a day the story plans ("protests set for Thursday") is no anchor for a past act."""
        span = self.span_of(cand)
        direction = clause_direction(span) if span is not None else self.tense
        if span is not None and cand.rule.name in ENTRY_RULES and heads_entry(self.text, cand.start, cand.end):
            direction = entry_direction(span)  # "June 2 - The union signs a deal": a chronology's past
        reference = self.reference
        if direction < 0 and reference is not None and reference.day > self.dct:
            reference = self.past_reference
        return Context(self.dct, direction, reference, self.quarter, span is not None and past_act_in(span))

    def vetoed(self, cand: Candidate) -> bool:
        veto = PARSE_VETOES.get(cand.rule.name)
        span = self.span_of(cand) if veto else None
        return bool(span is not None and veto(span))

    def accept(self, cand: Candidate) -> Reading | None:
        """First pass: can the rule read this match at all? (the article day stands in
        for the reference, which is only known in text order, in the second pass)."""
        if self.vetoed(cand):
            return None
        return read_safely(cand, Context(self.dct, self.tense, Point(self.dct, "day"), Point(self.dct, "quarter")))

    def timexes(self) -> Iterator[Timex]:
        chosen = select_candidates(find_candidates(self.text), self.accept)
        floor = 0
        for i, cand in enumerate(chosen):
            ctx = self.context(cand)
            reading = read_safely(cand, ctx)
            if reading is None or reading is IMPOSSIBLE:
                continue
            reading = self.narration.read(cand, reading, self.span_of(cand), ctx.direction)
            start, reading = counted_from(self.text, cand.start, floor, reading)
            start, mod = extend_with_modifier(self.text, start, reading, floor)
            ceiling = chosen[i + 1].start if i + 1 < len(chosen) else len(self.text)
            borrowed = self.borrowed_days(cand, reading, floor, ceiling)
            reading = _with_year_of(reading, borrowed, cand)
            yield from (t for t in borrowed if t.end <= start)
            floor = cand.end
            if not self.background(cand):
                self.remember(reading, self.text[cand.start:cand.end])
            yield self.build(start, cand.end, reading, mod)
            yield from (t for t in borrowed if t.start >= cand.end)

    def borrowed_days(self, cand: Candidate, reading: Reading, floor: int, ceiling: int) -> list[Timex]:
        """Bare days that share this date's month ("April 24 and 25"), between `floor` and `ceiling`."""
        if cand.rule.name not in MONTH_DAY_RULES or reading.point is None or reading.point.granularity != "day":
            return []
        return [self.build(start, end, date_reading(Point(day, "day")), None)
                for start, end, day in coordinated_days(self.text, cand.start, cand.end, reading.point.day,
                                                        cand.rule.name == "day_month")
                if floor <= start and end <= ceiling]

    def background(self, cand: Candidate) -> bool:
        """A time that only bounds the story's time ("After a flat second quarter, the company posted a
        gain"; "since March"): the time under discussion stays the one named before it."""
        span = self.span_of(cand)
        if span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in _BOUNDARY_WORDS

    def remember(self, reading: Reading, text: str) -> None:
        """Make a reading the reference for later anaphora ("a year earlier", "the quarter").

        Readings derived from the reference never replace it, and neither does a day
        inside the quarter under discussion ("the quarter ended Sept. 30"): the story
        is still about the quarter. A part of the year named as a span ("for the nine
        months") makes the year the reference: "a year earlier" is then last year.
        """
        if reading.type == "DURATION" and _PART_OF_YEAR.fullmatch(reading.value) and text.lower().startswith("the "):
            self.reference = Point(self.dct, "year")  # "for the nine months": the year's results
            return
        point = reading.point
        if point is None or reading.derived or point.granularity not in _REFERENCE_GRANULARITIES:
            return
        if point.granularity == "quarter":
            self.quarter = point
        ref = self.reference
        if point.granularity == "day" and ref is not None and ref.granularity == "quarter" and ref.value == Point(
                point.day, "quarter").value:
            return
        self.reference = point
        if point.day <= self.dct:
            self.past_reference = point

    def build(self, start: int, end: int, reading: Reading, mod: str | None) -> Timex:
        token_start = token_end = None
        if self.parsed is not None:
            span = self.parsed.char_span(start, end, alignment_mode="expand")
            if span is not None:
                token_start, token_end = span.start, span.end
        return Timex(text=self.text[start:end], start=start, end=end, type=reading.type,
                     value=reading.value, mod=mod, quant=reading.quant, freq=reading.freq,
                     token_start=token_start, token_end=token_end)


def tag_timexes(doc: Document) -> Document:
    """Fill `doc.timexes` with every temporal expression of the article, normalised.

    Values are relative to the article date, or to the later day the text shows it was written
    (`writing_day`: a narrated day; `page_stamps`: a live page's entry stamps; the later is kept as
    `doc.written`); token offsets point into `doc.parsed` so the event dater can walk the dependency
    tree from a trigger to its timex.
    """
    date, excluded = doc.article.date, doc.excluded
    doc.timexes = read_stamp_days(find_timexes(doc.article.text, date, doc.parsed), doc)
    later = [day for day in (narrated_writing_day(doc.timexes, doc.parsed, date, excluded),
                             stamped_writing_day(doc.timexes, excluded, date)) if day is not None]
    doc.written = max(later, default=None)
    if doc.written is not None:
        doc.timexes = read_stamp_days(find_timexes(doc.article.text, doc.written, doc.parsed), doc, doc.written)
    doc.timexes = _entries_read_from_their_days(doc, doc.written or date)
    return doc


def _entries_read_from_their_days(doc: Document, read_from: dt.date) -> list[Timex]:
    """The timexes with each entry of a live page read from the day its stamp says it was written
    (`page_stamps.entries`), where that is not the day the whole text was read from."""
    pieces = [piece for piece in entries(doc) if piece[2] != read_from]
    if not pieces:
        return doc.timexes
    kept = [t for t in doc.timexes if not any(start <= t.start < end for start, end, _ in pieces)]
    for day in sorted({day for _, _, day in pieces}):
        spans = [(start, end) for start, end, on in pieces if on == day]
        kept += [t for t in find_timexes(doc.article.text, day, doc.parsed) if any(a <= t.start < b for a, b in spans)]
    return read_stamp_days(sorted(kept, key=lambda t: t.start), doc, read_from)


def find_timexes(text: str, dct: dt.date, parsed: Any = None, tense: str | None = None) -> list[Timex]:
    """Every temporal expression of `text`, normalised against `dct`, in text order.

    With `parsed` (the spaCy Doc of `text`) each expression takes the tense of its own
    clause and gets token offsets; without it, `tense` applies to all of them.
    """
    return list(TimexTagger(text, dct, parsed, _TENSES.get(tense, 0)).timexes())


def normalize(text: str, dct: dt.date, tense: str | None = None) -> Timex | None:
    """Read `text` as one temporal expression seen from date `dct`; None if it is not one.

    `tense` ("past", "present", "future") sets the direction of weekdays and bare
    months: normalize("Monday", date(2018, 9, 19), "past") is 2018-09-17. When the text
    holds more than an expression, the longest one found is returned, with offsets
    into `text`.
    """
    found = find_timexes(text, dct, None, tense)
    return max(found, key=lambda t: t.end - t.start) if found else None
