"""The store road to a timeline: the stored articles of the query's period, their timexes and their events.

Articles are read by publication date, from the query's first day to a week after its last (reports
of a day keep coming for some days); the text is re-split into sentences without a parse. Events are
the merged events `Store.events` lists, read from their columns (no JSON to parse), so their mention
counts reach the day's salience.

Splitting and tokenising the articles costs seconds for a thousand of them and gives the same answer
until the store changes, so it is done once per article and kept (`StoredMaterial`) under the store's
change mark (`dateline.store.browse.store_version`); finished timelines are kept the same way. A query
reads only the articles that can answer it: those of its period, holding its text, and (when it filters
on parties, places or types) reporting a matching event; `narrow` then applies the exact test.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from bisect import bisect_right
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from dateline.model import Article, Timex
from dateline.store import EventFilter, Store
from dateline.store.browse import listed_condition, store_version
from dateline.store.sql import like_pattern
from dateline.timeline.model import Timeline, TimelineQuery
from dateline.timeline.sources import EventFacts, IndexedFrequencies, SourceArticle, from_parts, words

#: Days after the query's last day whose articles may still report it.
LATE_REPORTS = dt.timedelta(days=7)
#: Finished timelines kept per store (the most recently asked).
KEPT_TIMELINES = 64
_ARTICLE_COLUMNS = ("id", "date", "text", "title", "url")
_TIMEX_COLUMNS = ("article_id", "text", "start", "end", "type", "value", "mod")
_EVENT_COLUMNS = ("id", "article_id", "type", "date", "date_mod", "date_precision", "confidence", "n_mentions",
                  "sent_start", "negated", "hypothetical", "loc_name", "country_code")
#: The order `Store.events` lists events in (a sentence's events keep it).
_EVENT_ORDER = "ORDER BY r.date_lo NULLS LAST, r.date, a.date, r.sent_start, r.trigger_start, r.id"
_CHUNK = 500  # articles read per statement


@dataclass(frozen=True)
class ArticleMaterial:
    """An article cut into sentences once (each with its span, text, named days and word count), and the
    sentence frequencies of its words. Shared by every query: never changed after it is made."""

    article: SourceArticle  # holds the sentences; its events stay empty
    frequencies: IndexedFrequencies

    @classmethod
    def of(cls, source: SourceArticle, vocabulary: dict[str, int]) -> ArticleMaterial:
        """The material of a freshly split article (each sentence tokenised once, here)."""
        frequencies: Counter[str] = Counter()
        for sentence in source.sentences:
            found = words(sentence.text)
            sentence.word_count = len(found)
            frequencies.update(set(found))
        return cls(source, IndexedFrequencies.of(frequencies, vocabulary))  # kept as arrays only, not also as a dict

    def source(self, events: list[EventFacts]) -> SourceArticle:
        """The article for one query, with these events: a new article and new objects for the sentences that
        tell an event; the others are the kept ones (the summariser only reads a sentence without events)."""
        kept = self.article
        art = SourceArticle(kept.id, kept.date, kept.title, kept.url, list(kept.sentences),
                            indexed_frequencies=self.frequencies)
        if events:
            starts = [s.start for s in kept.sentences]
            for event in events:
                at = bisect_right(starts, event.evidence_start) - 1
                if at >= 0 and event.evidence_start < art.sentences[at].end:
                    if art.sentences[at] is kept.sentences[at]:
                        art.sentences[at] = replace(kept.sentences[at], events=[])
                    art.sentences[at].events.append(event)
            art.events = list(events)
        return art


class StoredMaterial:
    """What one version of a store gives every timeline: its articles' material and finished timelines."""

    def __init__(self, version: tuple[Any, ...]) -> None:
        self.version = version
        self.articles: dict[str, ArticleMaterial] = {}
        self.vocabulary: dict[str, int] = {}  # the word ids of the articles' frequencies
        self.timelines: OrderedDict[Any, Timeline] = OrderedDict()
        self._kept_lock = threading.Lock()

    def material(self, store: Store, ids: list[str]) -> list[ArticleMaterial]:
        """The material of these articles, reading and splitting those not seen yet."""
        with _BUILDING:  # one builder at a time: the vocabulary hands out word ids
            missing = [i for i in ids if i not in self.articles]
            for start in range(0, len(missing), _CHUNK):
                for source in _read_articles(store, missing[start:start + _CHUNK]):
                    self.articles[source.id] = ArticleMaterial.of(source, self.vocabulary)
        return [self.articles[i] for i in ids]

    def timeline(self, key: Any, make: Callable[[], Timeline]) -> Timeline:
        """The timeline kept under `key`, made (and kept) when not there yet; requests in other threads may
        read and add timelines meanwhile."""
        with self._kept_lock:
            found = self.timelines.get(key)
            if found is not None:
                self.timelines.move_to_end(key)
                return found
        made = make()
        with self._kept_lock:
            self.timelines[key] = made
            while len(self.timelines) > KEPT_TIMELINES:
                self.timelines.popitem(last=False)
        return made


_KEPT: weakref.WeakKeyDictionary[Any, StoredMaterial] = weakref.WeakKeyDictionary()
_BUILDING = threading.Lock()


def stored_material(store: Store) -> StoredMaterial:
    """The kept material of `store` for what it holds now: when the store changed since, its timelines are let
    go and its articles' material is kept (a stored article's text and timexes never change)."""
    version = store_version(store)
    kept = _KEPT.get(store)
    if kept is None or kept.version != version:
        fresh = StoredMaterial(version)
        if kept is not None:
            fresh.articles, fresh.vocabulary = kept.articles, kept.vocabulary
        kept = _KEPT[store] = fresh
    return kept


def prepare(store: Store) -> int:
    """Split every stored article ahead of the first timeline (a server does it when it starts); how many."""
    ids = [row[0] for row in store.rows("SELECT id FROM articles ORDER BY date, id")]
    return len(stored_material(store).material(store, ids))


def _read_articles(store: Store, ids: list[str]) -> list[SourceArticle]:
    """These stored articles split into sentences, each sentence with the days its timexes name."""
    quoted = ", ".join(f'"{c}"' for c in _ARTICLE_COLUMNS)  # a list parameter: DuckDB plans long IN lists badly
    articles = [Article(**dict(zip(_ARTICLE_COLUMNS, row, strict=True)))
                for row in store.rows(f"SELECT {quoted} FROM articles WHERE id = ANY(?)", [ids])]
    timexes: dict[str, list[Timex]] = defaultdict(list)
    timex_columns = ", ".join(f'"{c}"' for c in _TIMEX_COLUMNS)
    for article_id, *fields in store.rows(f"SELECT {timex_columns} FROM timexes WHERE article_id = ANY(?)", [ids]):
        timexes[article_id].append(Timex(**dict(zip(_TIMEX_COLUMNS[1:], fields, strict=True))))
    return [from_parts(art, None, timexes[art.id]) for art in articles]


def _event_filter(query: TimelineQuery) -> EventFilter:
    """The store filter of the query's event filters and dates (its words are matched in sentences, not here)."""
    since = dt.date.fromisoformat(query.since) if query.since else None
    until = dt.date.fromisoformat(query.until) if query.until else None
    return EventFilter(type=query.type, actor=query.actor, country=query.country, place=query.place, since=since,
                       until=until, min_confidence=query.min_confidence)


def _article_ids(store: Store, query: TimelineQuery, within: Collection[str] | None = None) -> list[str]:
    """Ids of the articles that can answer the query, by date: published in its period, holding its words and,
    when it filters events, reporting one that matches (in SQL, which may keep more than `narrow` will).
    `within`: only events with a report among these ids count (a zone's events), and only their articles."""
    clauses, params = [], []
    if query.since:
        clauses.append("a.date >= ?")
        params.append(dt.date.fromisoformat(query.since))
    if query.until:
        clauses.append("a.date <= ?")
        params.append(dt.date.fromisoformat(query.until) + LATE_REPORTS)
    if query.text:
        clauses.append("a.text ILIKE ? ESCAPE '!'")
        params.append(like_pattern(query.text))
    if query.filters_events or within is not None:
        condition, more = listed_condition(store, _event_filter(query), within=within)
        clauses.append(f"a.id IN (SELECT r.article_id FROM events r WHERE {condition})")
        params += more
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return [row[0] for row in store.rows(f"SELECT a.id FROM articles a{where} ORDER BY a.date, a.id", params)]


def _event_facts(store: Store, query: TimelineQuery,
                 within: Collection[str] | None = None) -> dict[str, list[EventFacts]]:
    """The listed events of the query's filter and dates (and `within`), by article, as timeline facts."""
    condition, params = listed_condition(store, _event_filter(query), within=within)
    columns = ", ".join(f"r.{c}" for c in _EVENT_COLUMNS)
    rows = store.rows(f"SELECT {columns} FROM events r JOIN articles a ON a.id = r.article_id WHERE {condition} "
                      f"{_EVENT_ORDER}", params)
    parties: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for event_id, name, country in store.rows(
            f"SELECT p.event_id, p.name, p.country FROM event_parties p WHERE p.event_id IN "
            f"(SELECT r.id FROM events r WHERE {condition}) ORDER BY p.event_id, p.role, p.position", params):
        parties[event_id].append((name, country))
    found: dict[str, list[EventFacts]] = defaultdict(list)
    for (event_id, article_id, kind, date, date_mod, date_precision, confidence, mentions, start, negated,
         hypothetical, place, place_country) in rows:
        found[article_id].append(EventFacts(event_id, kind, date, date_mod, date_precision, confidence,
                                            int(mentions or 1), int(start), bool(negated), bool(hypothetical),
                                            tuple(parties.get(event_id, ())), place, place_country))
    return found


def stored_sources(store: Store, query: TimelineQuery, material: StoredMaterial | None = None,
                   within: Collection[str] | None = None) -> list[SourceArticle]:
    """Timeline material for `query` from `store`: articles that can answer it, with their timexes and events;
    `within`: only the events with a report among these ids (a zone's) and the articles that report them."""
    kept = material or stored_material(store)
    events = _event_facts(store, query, within)
    chosen = kept.material(store, _article_ids(store, query, within))
    return [art.source(events.get(art.article.id, [])) for art in chosen]
