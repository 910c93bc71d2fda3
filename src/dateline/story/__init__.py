"""The story stage: which stretches of an article's text are not the story.

Scraped news arrives with the page around it: reader comments, share and newsletter lines, photo
captions and credits, bylines, related-story blocks, cookie and paywall notices, menus, timestamps,
the wire dateline. None of it reports an event, and the events stage must not read one from it. This
stage runs right after the parse and records those stretches in `doc.excluded` (kind, offsets, text
and the cue that gave each away); it never rewrites the text, and it works the same on every input
format, since it reads the text and its parse, not the markup.

Evidence comes from cue phrases and line shapes kept as data (`data/words/non_story_cues.tsv`, see
`story.cues`), structural shapes (`story.shapes`: datelines, lone timestamps, pasted posts, menus,
present-tense captions ending in a date), runs of related-story teasers scraped without stops
(`story.teasers`), the lead picture's caption on the first line (`story.lead_caption`), a list of
other stories' headlines opening the page (`story.headline_lists`), a photo gallery's captions (`story.galleries`),
captions beside their credits and on the line above a credit that opens its line (`story.captions_above`), and lines
repeated from earlier in the article. It reads
`doc.article.text` and `doc.parsed` and writes `doc.excluded` only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import Any

from dateline.budget import check_deadline
from dateline.model import Document, ExcludedSpan
from dateline.story.captions_above import find_captions_above
from dateline.story.cues import Cue, load_cues
from dateline.story.galleries import find_gallery
from dateline.story.headline_lists import find_headline_list
from dateline.story.lead_caption import find_lead_caption
from dateline.story.shapes import (
    Found,
    find_dated_captions,
    find_datelines,
    find_navigation,
    find_social_posts,
    find_timestamps,
)
from dateline.story.teasers import find_teaser_runs

Span = tuple[int, int]
#: A line shorter than this (in non-space characters) may repeat without being a copy ("Yes .").
MIN_REPEATED_CHARS = 40
#: A credit cue of one picture: one word, a colon, the credit.
_ONE_PICTURE = re.compile(r"\w+ : <credit>")
#: The longest caption read beside a credit; longer text before a credit is story.
MAX_CAPTION_CHARS = 300


def mark_story(doc: Document) -> Document:
    """Record in `doc.excluded` the stretches of the text that are not the story (the story stage)."""
    text = doc.article.text
    lines = text_lines(text)
    units = sentence_units(doc.parsed, lines, text)
    found: list[Found] = []
    lowered = text.lower()
    for cue in load_cues():
        if cue.may_occur_in(lowered):
            found.extend(_cue_spans(cue, text, lines, units))
    found.extend(find_datelines(text))
    found.extend(find_timestamps(text))
    found.extend(find_social_posts(units, text))
    found.extend(find_navigation(lines, text, doc.parsed))
    found.extend(find_dated_captions(units, text, doc.parsed, doc.article.date))
    found.extend(find_teaser_runs(units, doc.parsed))
    found.extend(find_lead_caption(units, lines, text, doc.parsed))
    found.extend(find_headline_list(lines, text))
    found.extend(find_gallery(text))
    credits = [(start, end) for _kind, start, end, cue in found if cue in _picture_credit_cues()]
    found.extend(find_captions_above(credits, found, lines, units, text))
    kept = _outermost(found, text)
    kept.extend(_repeats(units, kept, text))
    doc.excluded = [ExcludedSpan(kind=kind, start=start, end=end, text=text[start:end], cue=cue)  # type: ignore[arg-type]
                    for kind, start, end, cue in sorted(kept, key=lambda f: (f[1], f[2]))]
    return doc


@cache
def _picture_credit_cues() -> frozenset[str]:
    """The cue phrases of one picture's credit, a word and a colon before the name ("photograph : <credit>"): the
    credit printed under its picture, after its caption. "Picture credit : ..." or "Photo by ..." may credit every
    picture of a page at its end."""
    return frozenset(cue.cue for cue in load_cues() if cue.scope == "credit" and _ONE_PICTURE.fullmatch(cue.cue))


#: Cue scopes that mark everything from the cue to the end of the text (a comment section and its notices).
TAIL_SCOPES = frozenset({"section", "rest"})
_BLANKS = re.compile(r"\s*")


def story_end(text: str) -> int:
    """Where the text that may be story ends, read from the text alone: the start of the next written line
    after the first cue that marks the rest of the text ("Comments", "We welcome comments that ...").

    `mark_story` excludes everything from that cue's sentence to the end whatever the parse says, so no
    stage needs a parse of the text after it, and the parse stage leaves it out (`nlp.parse_until`): reader
    comments were 12 % of the characters of Timeline17's CNN pages, 15 % of its oil-spill Reuters pages and 29 % of
    its H1N1 BBC pages (none in six of its twelve topics). The cue's
    own line stays inside, so the story before it keeps the same neighbours; len(text) when there is no cue.
    """
    lowered = text.lower()
    end = len(text)
    for cue in load_cues():
        if cue.scope not in TAIL_SCOPES or not cue.may_occur_in(lowered):
            continue
        for match in cue.regex.finditer(text):
            start, stop = _strip(text, match.start(), match.end())
            if start >= end:
                break
            if start < stop:
                line_end = text.find("\n", stop)
                end = min(end, len(text) if line_end < 0 else _BLANKS.match(text, line_end).end())
                break
    return end


def text_lines(text: str) -> list[Span]:
    """(start, end) of every non-blank line, without its line end and outer blanks."""
    lines = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            lines.append((start, end))
    return lines


def sentence_units(parsed: Any, lines: list[Span], text: str) -> list[Span]:
    """The sentences of the parse cut at line ends: the smallest stretch a cue marks.

    A line break always ends a unit (scraped paragraphs and corpus sentences are lines); without a
    parse each line is one unit.
    """
    if parsed is None:
        return list(lines)
    units = []
    line_ends = [l_end for _, l_end in lines]  # lines are in text order and do not overlap
    for sent in parsed.sents:
        check_deadline()  # the article's time budget (dateline.budget)
        s_start, s_end = sent.start_char, sent.end_char
        number = bisect_right(line_ends, s_start)  # only the lines the sentence reaches: linear, not S x L
        while number < len(lines) and lines[number][0] < s_end:
            l_start, l_end = lines[number]
            number += 1
            start, end = max(s_start, l_start), min(s_end, l_end)
            if start < end:
                start, end = _strip(text, start, end)
                if start < end:
                    units.append((start, end))
    return units


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _holding(spans: list[Span], offset: int) -> Span | None:
    """The span holding `offset`, by binary search: lines and units are in text order and do not overlap."""
    after = bisect_right(spans, (offset, float("inf")))
    return spans[after - 1] if after and offset < spans[after - 1][1] else None


def _cue_spans(cue: Cue, text: str, lines: list[Span], units: list[Span]) -> Iterator[Found]:
    """The stretches one cue marks, each reaching as far as the cue's scope says."""
    for match in cue.regex.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start >= end:
            continue
        unit = _holding(units, start) or (start, end)
        line = _holding(lines, start) or (start, end)
        last_unit = _holding(units, end - 1) or unit
        reach = {
            "span": (start, end), "credit": (start, end),
            "sentence": (unit[0], max(unit[1], last_unit[1])),
            "line": (unit[0], line[1]),
            "heading": line, "section": (line[0], len(text)), "rest": (unit[0], len(text)),
        }[cue.scope]
        yield cue.kind, *_strip(text, *reach), cue.cue
        if cue.scope == "credit":
            caption = _caption(text, (start, end), line, units)
            if caption is not None:
                yield "caption", *caption, f"caption beside a credit ({cue.cue})"


def _caption(text: str, credit: Span, line: Span, units: list[Span]) -> Span | None:
    """The caption a credit belongs to: the short text before it on its line, when the credit closes
    the line or stands in brackets ("Boyd Carney on the shore. Picture: Jonathan Carroll.")."""
    bracketed = text[credit[0]] in "(" or text.startswith("-LRB-", credit[0])
    if not bracketed and text[credit[1]:line[1]].strip(" .)"):
        return None
    unit = _holding(units, credit[0])
    start = unit[0] if unit and unit[0] < credit[0] else None
    if start is None:  # the credit opens its sentence: the caption is the sentence before, on this line
        before = [u for u in units if line[0] <= u[0] and u[1] <= credit[0]]
        start = before[-1][0] if before else None
    if start is None or credit[0] - start > MAX_CAPTION_CHARS:
        return None
    caption = _strip(text, start, credit[0])
    return caption if caption[0] < caption[1] else None


def _outermost(found: list[Found], text: str) -> list[Found]:
    """Drop stretches that lie inside another one (a comment cue inside a comment section)."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f[1], -f[2])):
        if item[1] >= item[2]:
            continue
        if kept and any(k[1] <= item[1] and item[2] <= k[2] for k in kept):
            continue
        kept.append(item)
    return kept


def _normal(piece: str) -> str:
    return " ".join(piece.lower().split())


def _covered(spans: list[Found]) -> tuple[list[int], list[int]]:
    """The excluded text as disjoint (start, end) runs, sorted: their starts and their ends."""
    starts: list[int] = []
    ends: list[int] = []
    for _, start, end, _reason in sorted(spans, key=lambda f: f[1]):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _repeats(units: list[Span], excluded: list[Found], text: str) -> Iterator[Found]:
    """Sentences that repeat one met earlier in the article (a teaser, a pasted second copy).

    A sentence inside text already excluded is passed over; the test is a binary search in the
    excluded runs, so a long article with many excluded spans costs n log n, not n times m."""
    seen: set[str] = set()
    starts, ends = _covered(excluded)
    for start, end in units:
        key = _normal(text[start:end])
        run = bisect_right(starts, start) - 1
        if run >= 0 and end <= ends[run]:
            continue
        if key in seen and len(key.replace(" ", "")) >= MIN_REPEATED_CHARS:
            yield "repeated", start, end, "sentence repeated from earlier in the article"
        seen.add(key)


__all__ = ["mark_story", "sentence_units", "story_end", "text_lines"]
