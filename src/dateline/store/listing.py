"""The listing: which merged events a filter lists, in listing order, a keyset page at a time; and loading them.

One table, one order (`events.listing_day`, then `listing_key`; `dateline.store.search`), read by
`Store.events`, exports and the API alike.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateline.model import Event
from dateline.store.base import EventFilter
from dateline.store.filters import event_where
from dateline.store.rows import stored_event
from dateline.store.schema import Dialect
from dateline.store.search import key_day

#: Rows read per listing query when no limit is given (keyset pages: each starts after the last key).
LISTING_PAGE = 5000

Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def listed_ids(fetch: Fetch, flt: EventFilter, dialect: Dialect | None = None, after: str | None = None,
               page: int = LISTING_PAGE) -> Iterator[tuple[str, str]]:
    """(merged id, listing key) of each merged event with a report matching `flt`, in listing order, once each,
    from the first after the key `after`; `flt.limit` is not applied (take what you need: it stops there).

    One table, one order: reports matching the filter, ordered by the merged event each belongs to
    (`events.listing_day`, then `listing_key`; `dateline.store.search`). The database orders the day
    numbers, a top-N scan of integers (DuckDB) or an ordered index walk (PostgreSQL), never a sort of every match
    behind a join; a page cut inside a day is completed with that day's rows, and those are ordered by
    their key here. The reports of one merged event share its key, so they are adjacent, listed once."""
    where, params = event_where(flt, dialect)
    base = f"SELECT e.merged_id, e.listing_key, e.listing_day FROM events e {where}{' AND' if where else 'WHERE'}"
    in_key_order = f"e.listing_key{dialect.bytewise if dialect else ''}"
    day = key_day(after) - 1 if after else 0
    shown: list[str | None] = [None]  # the merged event listed last

    def listed(rows: list[tuple[Any, ...]]) -> Iterator[tuple[str, str]]:
        for merged_id, key, _ in sorted(rows, key=lambda row: (row[2], row[1])):
            if merged_id != shown[0] and (after is None or key > after):
                shown[0] = merged_id
                yield merged_id, key

    windows = _windows(fetch, None if flt.since or flt.until else dialect, day)
    start = next(windows)
    day, width = (day, None) if start is None else (start, next(windows))
    while True:
        bound = [day + width] if width else []
        rows = sorted(_first_days(fetch, where, dialect, [*params, day, *bound, page], bounded=bool(bound)),
                      key=lambda row: row[2])
        full = len(rows) == page
        if not full:
            yield from listed(rows)
            if not bound:
                return
            day, width = bound[0], next(windows)  # the window held fewer: on to the next, wider one
            continue
        day = rows[-1][2]
        yield from listed([row for row in rows if row[2] < day])
        # the page may have cut the last day: read it in key order, a page at a time, while the caller wants more
        since = [after] if after and key_day(after) == day else []
        while True:
            rows = fetch(f"{base} e.listing_day = ?{f' AND {in_key_order} > ?' if since else ''} "
                         f"ORDER BY {in_key_order} LIMIT ?",
                         [*params, day, *since, page])
            yield from listed(rows)
            if len(rows) < page:
                break
            since = [rows[-1][1]]


#: The first window of listing days a DuckDB listing reads, and how much wider each next one is; after
#: `WINDOWS` windows (some 15 years of days) the rest is read unbounded.
FIRST_WINDOW, WIDENING, WINDOWS = 64, 8, 3


def _windows(fetch: Fetch, dialect: Dialect | None, day: int) -> Iterator[Any]:
    """Where the first window starts (None: no windows), then the widths of the windows of listing days read
    one after the other, None for the unbounded rest.

    DuckDB has no ordered index to stop a walk after a page: its top-N reads every matching row. In a store
    in listing order (`dateline optimize`), its zone maps skip the row groups outside a window of days, so
    a first page is found in the first few weeks' rows, and a rare filter reads about the whole table once
    over the widening windows. PostgreSQL walks its index and stops: no windows. Nor for a filter of dates
    (the caller passes no dialect): in listing order its own date columns are pruned by the zone maps
    already, and windows only added queries (1M benchmark store: a 90-day zone 83 -> 100 ms p50)."""
    if dialect is None or dialect.row_number is None:
        yield None
        return
    first = day if day else fetch("SELECT min(listing_day) FROM events", [])[0][0]
    if first is None:
        yield None
        return
    yield max(day, first - 1)
    for step in range(WINDOWS):
        yield FIRST_WINDOW * WIDENING**step
    while True:
        yield None


def _first_days(fetch: Fetch, where: str, dialect: Dialect | None, params: list[Any], bounded: bool
                ) -> list[tuple[Any, ...]]:
    """(merged id, listing key, listing day) of the first `page` matching rows after a day (parameters: the
    filter's, the day, the last day when bounded, the page).

    Where the dialect numbers its rows (`Dialect.row_number`, DuckDB), the top-N orders (day, row number) pairs
    and only the rows it keeps are read for their strings: carried through the top-N, the ids and keys of
    every match are decompressed (a type filter at a million events: 76 ms that way, 11 ms this way). The kept
    rows are then read by their numbers as an IN list of constants, the query's only condition, which DuckDB
    answers through the number's index; a semi-join to the top-N (or `rowid IN`) scanned the table, and a page
    whose rows lay in many row groups (a date filter's page: merged reports listed far from their own dates)
    took 100-130 ms for 110 rows, ~10-40 ms by the index."""
    matching = (f"FROM events e {where}{' AND' if where else 'WHERE'} e.listing_day > ?"
                f"{' AND e.listing_day <= ?' if bounded else ''} ORDER BY e.listing_day LIMIT ?")
    if dialect is None or dialect.row_number is None:
        return fetch(f"SELECT e.merged_id, e.listing_key, e.listing_day {matching}", params)
    number = dialect.row_number
    numbers = [row[0] for row in fetch(f"SELECT e.{number} {matching}", params)]
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(numbers), 1000):
        chunk = numbers[start:start + 1000]
        found += fetch(f"SELECT merged_id, listing_key, listing_day FROM events WHERE {number} IN "
                       f"({', '.join('?' * len(chunk))})", chunk)
    return found


def load_events(fetch: Fetch, ids: Sequence[str], several: set[str] | None = None) -> list[Event]:
    """The stored events with these ids, in this order, with their article's id, date and title; `several`, when
    given, receives the ids among them that are merged events of several articles (for `with_mentions`).

    Two lookups by key (events, then their articles), not a join, each with the IN list as its only condition:
    DuckDB plans a join, or another condition beside the list, as a scan of the whole events table (seconds at
    a million events), and reads an IN list alone through the key."""
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 1000):
        chunk = list(ids[start:start + 1000])
        found |= {row[0]: row[1:] for row in fetch(
            "SELECT id, event, article_id, merged_id, n_articles FROM events "
            f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    if several is not None:
        several |= {event_id for event_id, (_, _, merged_id, articles) in found.items()
                    if articles > 1 and merged_id == event_id}
    article_ids = sorted({row[1] for row in found.values()})
    articles: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(article_ids), 1000):
        chunk = article_ids[start:start + 1000]
        articles |= {row[0]: row[1:] for row in fetch(
            f"SELECT id, date, title FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    return [stored_event(found[i][0], found[i][1], *articles[found[i][1]]) for i in ids if i in found]


@dataclass(frozen=True, slots=True)
class Mention:
    """A timex or place mention of an article: where it is, and its value (a TIMEX3 value or a geonameid)."""

    kind: str  # "date" or "place"
    start: int
    end: int
    value: str | None
    text: str


@dataclass(frozen=True)
class ArticleMarks:
    """An article's date, title and source, and every timex and place of it: what a listed event shows of its
    article (and its reports' of theirs) and what its evidence sentence may mark (`apiforms.evidence_marks`)."""

    date: dt.date | None
    title: str | None
    source: str | None
    mentions: tuple[Mention, ...]


#: A caller's kept `ArticleMarks` of those of the given article ids it holds.
KeptArticles = Callable[[Collection[str]], Mapping[str, ArticleMarks]]


def article_marks(fetch: Fetch, article_ids: Collection[str]) -> dict[str, ArticleMarks]:
    """The `ArticleMarks` of these articles (ids not stored are left out), in one statement. Every timex and place
    is read, not only those some event of a page can mark, so what is read serves any event of the article and
    can be kept per article (the same statement costs as much either way: the IN lists decide its cost)."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return {}
    return _marks_where(fetch, f"IN ({', '.join('?' * len(wanted))})", wanted)


def newest_article_marks(fetch: Fetch, most: int) -> dict[str, ArticleMarks]:
    """The `ArticleMarks` of the `most` newest articles (by date, then id), in one statement: what a server reads
    ahead when it starts, so that pages of events from these articles read no article."""
    return _marks_where(fetch, "IN (SELECT id FROM articles ORDER BY date DESC NULLS LAST, id LIMIT ?)", [most])


def _marks_where(fetch: Fetch, which: str, params: list[Any]) -> dict[str, ArticleMarks]:
    """The `ArticleMarks` of the articles whose id is `which` (an IN list or subquery taking `params`)."""
    rows = fetch(
        f"SELECT 'article', id, 0, 0, CAST(date AS VARCHAR), title, source FROM articles WHERE id {which} UNION ALL "
        f"SELECT 'date', article_id, \"start\", \"end\", value, \"text\", NULL FROM timexes WHERE article_id {which} "
        f"UNION ALL SELECT 'place', article_id, \"start\", \"end\", CAST(geonameid AS VARCHAR), \"text\", NULL "
        f"FROM places WHERE article_id {which}", [*params, *params, *params])
    heads: dict[str, tuple[dt.date | None, str | None, str | None]] = {}
    found: dict[str, list[Mention]] = defaultdict(list)
    for kind, article_id, start, end, value, text, source in rows:
        if kind == "article":
            heads[article_id] = (dt.date.fromisoformat(value) if value else None, text, source)
        else:
            found[article_id].append(Mention(kind, int(start), int(end), value, text))
    return {article_id: ArticleMarks(*head, tuple(found.get(article_id, ()))) for article_id, head in heads.items()}


def report_rows(fetch: Fetch, merged_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The reports of these merged events (event JSON, article id, merged id, merge reason, then the canonical
    order's columns: sentence start, trigger start, id), in one statement (the IN list its only condition)."""
    if not merged_ids:
        return []
    return fetch("SELECT event, article_id, merged_id, merge_reason, sent_start, trigger_start, id FROM events "
                 f"WHERE merged_id IN ({', '.join('?' * len(merged_ids))})", list(merged_ids))


def with_every_report(listed: list[dict[str, Any]], reports: list[tuple[Any, ...]],
                      articles: Mapping[str, ArticleMarks]) -> None:
    """Give these merged events (listing JSON) the mentions of every report (`report_rows`), as
    `merged.with_mentions` gives them to decoded events, without decoding an event: the reports' own mentions in
    canonical order (earliest article first), each with its article's id, source and date (from `articles`), the
    first of a joined report saying why; the event's evidence is the mention it is."""
    ordered = sorted(reports, key=lambda row: (articles[row[1]].date, (row[1], row[4], row[5] is not None,
                                                                         row[5] or 0, row[6])))
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event_json, article_id, merged_id, reason, *_ in ordered:
        stored = json.loads(event_json)
        head = articles[article_id]
        own = [_reported(m, article_id, head) for m in stored.get("mentions") or [stored["evidence"]]]
        if reason and own[0].get("joined") is None:
            own[0] = _reported(own[0], article_id, head, reason)
        mentions[merged_id] += own
    for event in listed:
        event["mentions"] = mentions.get(event["id"], event["mentions"])
        evidence = event["evidence"]
        at = (event["article_id"], evidence["start"], evidence.get("trigger_start"))
        event["evidence"] = next((m for m in event["mentions"]
                                  if (m.get("article_id"), m["start"], m.get("trigger_start")) == at), evidence)


#: The keys of a mention (`model.Evidence`) left out when None, in the order its JSON form writes them.
_REPORT_KEYS = ("joined", "article_id", "source", "article_date")


def _reported(mention: dict[str, Any], article_id: str, head: ArticleMarks, joined: str | None = None,
              ) -> dict[str, Any]:
    """A mention's JSON form as one of a merged event's reports: its article's id, source and date set (and
    `joined` when given), keys in `Evidence`'s order."""
    out = {key: value for key, value in mention.items() if key not in _REPORT_KEYS}
    tail = {"joined": joined or mention.get("joined"), "article_id": article_id, "source": head.source,
            "article_date": head.date.isoformat() if head.date else None}
    return {**out, **{key: value for key, value in tail.items() if value is not None}}


__all__ = ["LISTING_PAGE", "ArticleMarks", "Fetch", "KeptArticles", "Mention", "article_marks", "listed_ids",
           "load_events", "newest_article_marks", "report_rows", "with_every_report"]
