"""The material a timeline is made of: articles cut into sentences, each sentence with the days it refers to
and the events it reports.

Two roads lead here and the summariser does not care which was taken: `from_document` reads a
processed `Document` (sentences from its parse, day references from its timexes), `from_stored`
reads an article as the store keeps it (its text, its timexes and its events; the text is re-split
into sentences by a cheap rule, so no parse and no spaCy on the store road).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.model import Article, Document, Event, Timex
from dateline.timex3 import precision

#: A sentence end in stored text: a full stop, question or exclamation mark (and any closing quote or
#: bracket) before white space, or a line break; the sentence split of the store road.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\s*\n\s*")


@dataclass
class SourceSentence:
    """One sentence of an input article: where it is, what days it names and which events it reports."""

    article: SourceArticle
    start: int
    end: int
    text: str
    position: int  # 0 for the article's first sentence
    days: list[str] = field(default_factory=list)  # ISO days named by its DATE expressions
    events: list[Event] = field(default_factory=list)  # events whose evidence sentence this is


@dataclass
class SourceArticle:
    """An input article with its sentences and its events."""

    id: str
    date: dt.date
    title: str | None = None
    url: str | None = None
    sentences: list[SourceSentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def day_value(timex: Timex) -> str | None:
    """The ISO day a DATE (or TIME) expression names, or None when it names no single day ("last year")."""
    if timex.type not in ("DATE", "TIME") or timex.mod in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
        return None
    if precision(timex.value) not in ("day", "part_of_day", "time"):
        return None
    return timex.value[:10]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a text, by punctuation and line breaks, trimmed of white space."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start() + len(m.group(0).rstrip()) if m.group(0).strip() else m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _attach(article: SourceArticle, spans: Iterable[tuple[int, int]], text: str, timexes: Iterable[Timex],
            events: Iterable[Event]) -> SourceArticle:
    """Fill `article` with sentences over `spans`, each given the days its timexes name and its events."""
    for position, (start, end) in enumerate(spans):
        article.sentences.append(SourceSentence(article, start, end, text[start:end], position))
    starts = [s.start for s in article.sentences]

    def sentence_at(offset: int) -> SourceSentence | None:
        lo, hi = 0, len(starts)
        while lo < hi:  # the last sentence starting at or before the offset
            mid = (lo + hi) // 2
            lo, hi = (mid + 1, hi) if starts[mid] <= offset else (lo, mid)
        found = article.sentences[lo - 1] if lo else None
        return found if found is not None and offset < found.end else None

    for timex in timexes:
        day = day_value(timex)
        sentence = sentence_at(timex.start) if day else None
        if sentence is not None and day not in sentence.days:
            sentence.days.append(day)
    for event in events:
        article.events.append(event)
        sentence = sentence_at(event.evidence.start)
        if sentence is not None:
            sentence.events.append(event)
    return article


def from_document(doc: Document) -> SourceArticle:
    """A processed article as timeline material: sentences from its parse (or the cheap split without one)."""
    art = doc.article
    if doc.parsed is not None and doc.parsed.has_annotation("SENT_START"):
        spans = [(s.start_char, s.end_char) for s in doc.parsed.sents if s.text.strip()]
    else:
        spans = split_sentences(art.text)
    return _attach(SourceArticle(art.id, art.date, art.title, art.url), spans, art.text, doc.timexes, doc.events)


def from_parts(article: Article, spans: Iterable[tuple[int, int]] | None, timexes: Iterable[Timex],
               events: Iterable[Event] = ()) -> SourceArticle:
    """Timeline material from an article's parts: sentence spans (None: split the text cheaply), timexes, events.

    The store road uses it (no parse is stored) and so can any caller that kept an earlier run's timexes.
    """
    source = SourceArticle(article.id, article.date, article.title, article.url)
    return _attach(source, split_sentences(article.text) if spans is None else spans, article.text, timexes, events)
