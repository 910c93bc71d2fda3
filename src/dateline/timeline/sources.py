"""The material a timeline is made of: articles cut into sentences, each sentence with the days it refers to
and the events it reports.

Two roads lead here and the summariser does not care which was taken: `from_document` reads a
processed `Document` (sentences from its parse, day references from its timexes), `from_parts`
reads an article as the store keeps it (its text, its timexes and its events; the text is re-split
into sentences by a cheap rule, so no parse and no spaCy on the store road).

Events enter as `EventFacts`: the few fields a timeline weighs and filters on, which the store road
reads from columns (no JSON to parse for thousands of events) and the files road takes from `Event`s.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from dateline.model import Article, Document, Event, Timex
from dateline.timex3 import precision

#: A sentence end in stored text: a full stop, question or exclamation mark (and any closing quote or
#: bracket) before white space, or a line break; the sentence split of the store road.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\s*\n\s*")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The lower-cased words of a text (letters and digits)."""
    return _WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What a timeline needs of an event: its date, weight, what the query filters on, and its sentence."""

    id: str
    type: str
    date: str | None
    date_mod: str | None
    date_precision: str | None
    confidence: float
    mentions: int  # reports of it (a merged event counts every article's)
    evidence_start: int
    negated: bool = False
    hypothetical: bool = False
    parties: tuple[tuple[str | None, str | None], ...] = ()  # (name, country) of actors and recipients
    place: str | None = None  # the location's name
    place_country: str | None = None  # the location's ISO-2 code

    @classmethod
    def of(cls, event: Event) -> EventFacts:
        """The facts of a model event."""
        loc = event.location
        return cls(event.id, event.type, event.date, event.date_mod, event.date_precision, event.confidence,
                   max(1, len(event.mentions)), event.evidence.start, event.negated, event.hypothetical,
                   tuple((p.name, p.country) for p in event.actors + event.recipients),
                   loc.name if loc else None, loc.country_code if loc else None)


@dataclass
class SourceSentence:
    """One sentence of an input article: where it is, what days it names and which events it reports."""

    article: SourceArticle
    start: int
    end: int
    text: str
    position: int  # 0 for the article's first sentence
    days: list[str] = field(default_factory=list)  # ISO days named by its DATE expressions
    events: list[EventFacts] = field(default_factory=list)  # events whose evidence sentence this is
    word_count: int = -1  # its number of words (-1: not counted yet; see `n_words`)

    @property
    def n_words(self) -> int:
        """How many words the sentence has (counted once)."""
        if self.word_count < 0:
            self.word_count = len(words(self.text))
        return self.word_count


@dataclass(frozen=True)
class IndexedFrequencies:
    """An article's word frequencies as arrays over a vocabulary shared by many articles (the store road's
    form: a thousand articles' counts sum in one call)."""

    vocabulary: dict[str, int]  # word -> id, shared and only ever added to
    ids: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, frequencies: Counter[str], vocabulary: dict[str, int]) -> IndexedFrequencies:
        ids = [vocabulary.setdefault(word, len(vocabulary)) for word in frequencies]
        return cls(vocabulary, np.array(ids, dtype=np.int64), np.array(list(frequencies.values()), dtype=np.int64))


@dataclass
class SourceArticle:
    """An input article with its sentences and its events."""

    id: str
    date: dt.date
    title: str | None = None
    url: str | None = None
    sentences: list[SourceSentence] = field(default_factory=list)
    events: list[EventFacts] = field(default_factory=list)
    #: in how many of its sentences each word occurs (the article's share of document frequencies)
    sentence_frequencies: Counter[str] | None = None
    indexed_frequencies: IndexedFrequencies | None = None  # the same, as arrays (store road)

    def word_frequencies(self) -> Counter[str]:
        """In how many of the article's sentences each word occurs (counted once, then kept)."""
        if self.sentence_frequencies is None:
            self.sentence_frequencies = Counter(w for s in self.sentences for w in set(words(s.text)))
        return self.sentence_frequencies


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


def _sentence_at(article: SourceArticle, starts: list[int], offset: int) -> SourceSentence | None:
    """The article's sentence holding `offset` (`starts`: its sentences' starts), or None between sentences."""
    at = bisect_right(starts, offset)  # the last sentence starting at or before the offset
    found = article.sentences[at - 1] if at else None
    return found if found is not None and offset < found.end else None


def _attach(article: SourceArticle, spans: Iterable[tuple[int, int]], text: str, timexes: Iterable[Timex],
            events: Iterable[Event | EventFacts]) -> SourceArticle:
    """Fill `article` with sentences over `spans`, each given the days its timexes name and its events."""
    for position, (start, end) in enumerate(spans):
        article.sentences.append(SourceSentence(article, start, end, text[start:end], position))
    starts = [s.start for s in article.sentences]
    for timex in timexes:
        day = day_value(timex)
        sentence = _sentence_at(article, starts, timex.start) if day else None
        if sentence is not None and day not in sentence.days:
            sentence.days.append(day)
    attach_events(article, events)
    return article


def attach_events(article: SourceArticle, events: Iterable[Event | EventFacts]) -> None:
    """Add events to an article and to the sentence each is told in (by its evidence's start)."""
    starts = [s.start for s in article.sentences]
    for given in events:
        event = given if isinstance(given, EventFacts) else EventFacts.of(given)
        article.events.append(event)
        sentence = _sentence_at(article, starts, event.evidence_start)
        if sentence is not None:
            sentence.events.append(event)


def from_document(doc: Document) -> SourceArticle:
    """A processed article as timeline material: sentences from its parse (or the cheap split without one)."""
    art = doc.article
    if doc.parsed is not None and doc.parsed.has_annotation("SENT_START"):
        spans = [(s.start_char, s.end_char) for s in doc.parsed.sents if s.text.strip()]
    else:
        spans = split_sentences(art.text)
    return _attach(SourceArticle(art.id, art.date, art.title, art.url), spans, art.text, doc.timexes, doc.events)


def from_parts(article: Article, spans: Iterable[tuple[int, int]] | None, timexes: Iterable[Timex],
               events: Iterable[Event | EventFacts] = ()) -> SourceArticle:
    """Timeline material from an article's parts: sentence spans (None: split the text cheaply), timexes, events.

    The store road uses it (no parse is stored) and so can any caller that kept an earlier run's timexes.
    """
    source = SourceArticle(article.id, article.date, article.title, article.url)
    return _attach(source, split_sentences(article.text) if spans is None else spans, article.text, timexes, events)
