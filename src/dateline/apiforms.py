"""The HTTP API's forms: query parameters in (validated into an `EventFilter`), JSON out.

Kept apart from the routes (`dateline.api`) so that what a request may say and what a
response holds are read in one place: the filters of `dateline events` as query
parameters with their checks, an event's JSON with the marks a page highlights in its
evidence sentence (trigger, parties, place, date), the timeline library's query, a posted body
turned into input the readers take, and the answers kept until the store changes.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Container, Iterable
from dataclasses import astuple
from decimal import Decimal
from typing import Annotated, Any, get_args

from fastapi import HTTPException, Query
from fastapi.responses import JSONResponse

from dateline.events.explain import explain_event
from dateline.events.verify import option_default, view_or_default
from dateline.model import Article, Event, EventType
from dateline.store import Store, browse
from dateline.store.base import EventFilter
from dateline.store.browse import Mention
from dateline.timeline import TimelineQuery
from dateline.zones import events_inside

#: Events per `/events` page unless `limit` says otherwise.
PAGE_SIZE = 50
EVENT_TYPES = get_args(EventType)
_TEXT = 200  # longest filter text accepted


class EventQuery:
    """The filters of `dateline events`, as query parameters, each checked with a message saying what is wrong."""

    def __init__(
        self,
        type_: Annotated[str | None, Query(alias="type", max_length=20, description="PLOVER type, e.g. "
                                                                                       "ASSAULT.")] = None,
        actor: Annotated[str | None, Query(max_length=_TEXT, description="Party name (substring) or country "
                                           "code.")] = None,
        country: Annotated[str | None, Query(max_length=3, description="Party country (ISO-3) or location "
                                             "(ISO-2).")] = None,
        place: Annotated[str | None, Query(max_length=_TEXT, description="Location name (substring).")] = None,
        near: Annotated[str | None, Query(max_length=60, description="LAT,LON,KM: events within KM of a "
                                          "point.")] = None,
        since: Annotated[dt.date | None, Query(description="From this date (YYYY-MM-DD).")] = None,
        until: Annotated[dt.date | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
        text: Annotated[str | None, Query(max_length=_TEXT, description="Evidence sentence contains this.")] = None,
        article: Annotated[str | None, Query(max_length=_TEXT, description="Events of this article.")] = None,
        zone: Annotated[str | None, Query(max_length=_TEXT, description="Events placed inside this watch zone "
                                          "(point or admin membership, at any date; see `/zones`).")] = None,
        include_all: Annotated[bool, Query(alias="all", description="Include negated and hypothetical "
                                                                    "events.")] = False,
        min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Leave out less certain events.")] = (
            option_default()),
    ) -> None:
        if type_ and type_.upper() not in EVENT_TYPES:
            raise HTTPException(422, f"type {type_!r} is not a PLOVER event type; use one of "
                                     f"{', '.join(EVENT_TYPES)}")
        if since and until and since > until:
            raise HTTPException(422, f"since ({since}) is after until ({until})")
        if any("\x00" in value for value in (actor, country, place, text, article, zone) if value):
            # PostgreSQL refuses NUL in text and no stored text holds one: a clear 422, not a 500
            raise HTTPException(422, "a filter holds a NUL character (\\x00), which no stored text contains")
        self.type = type_.upper() if type_ else None
        self.actor, self.country, self.place, self.text, self.article = actor, country, place, text, article
        self.zone = zone or None
        self.near = parse_near(near) if near else None
        self.since, self.until = since, until
        self.include_all, self.min_confidence = include_all, view_or_default(min_confidence)

    def timeline_query(self, dates: int, per_date: int) -> TimelineQuery:
        """The timeline library's query for these parameters: `dates` days, `per_date` sentences each."""
        return TimelineQuery(text=self.text or None, actor=self.actor or None, country=self.country or None,
                             place=self.place or None, type=self.type, since=_iso(self.since), until=_iso(self.until),
                             dates=dates, per_date=per_date, min_confidence=self.min_confidence)

    def filter(self) -> EventFilter:
        """The store's filter for these parameters."""
        return EventFilter(type=self.type, actor=self.actor or None, country=self.country or None,
                           place=self.place or None, near=self.near, since=self.since, until=self.until,
                           text=self.text or None, article=self.article or None, include_negated=self.include_all,
                           min_confidence=self.min_confidence)


def parse_near(near: str) -> tuple[float, float, float]:
    """`LAT,LON,KM` as numbers, or a 422 saying what the parameter should look like."""
    try:
        lat, lon, km = (float(part) for part in near.split(","))
    except ValueError:
        raise HTTPException(422, f"near={near!r}: expected LAT,LON,KM such as 35.9,36.6,50") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise HTTPException(422, f"near={near!r}: latitude -90..90, longitude -180..180, 0 < KM <= 20000")
    return lat, lon, km


def evidence_marks(event: dict[str, Any], mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """What to highlight in the evidence sentence of an event (its JSON form), as offsets into the sentence,
    each with its kind.

    The trigger and the parties carry their own offsets; the place is the article's mention
    of the event's location inside the sentence, and the date the sentence's timex whose
    value is the event's date.
    """
    e = event["evidence"]
    spans: list[tuple[str, int | None, int | None]] = [("trigger", e.get("trigger_start"), e.get("trigger_end"))]
    for role, key in (("actor", "actors"), ("recipient", "recipients")):
        spans += [(role, party.get("start"), party.get("end")) for party in event.get(key) or ()]
    day, loc = event.get("date"), event.get("location")
    for mention in mentions:
        if mention.kind == "date" and day and mention.value == day:
            spans.append(("date", mention.start, mention.end))
        elif mention.kind == "place" and loc and (mention.value == str(loc.get("geonameid"))
                                                  or mention.text == loc.get("text")):
            spans.append(("place", mention.start, mention.end))
    first, last = e["start"], e["end"]
    marks = [{"kind": kind, "start": start - first, "end": end - first} for kind, start, end in spans
             if start is not None and end is not None and first <= start < end <= last]
    return sorted(marks, key=lambda mark: (mark["start"], -mark["end"]))


def with_marks(listed: dict[str, Any], mentions: Iterable[Mention]) -> dict[str, Any]:
    """A listed event's JSON form with the marks of its evidence sentence added (`marks`)."""
    listed["marks"] = evidence_marks(listed, mentions)
    return listed


def event_json(ev: Event, mentions: Iterable[Mention], article: Article | None = None,
               explain: bool = False) -> dict[str, Any]:
    """An event's JSON form (with its article's id, date and title) and the marks of its evidence sentence."""
    out = with_marks(ev.to_json(with_article=True), mentions)
    if article is not None:
        out["article"] = {key: value for key, value in article.to_json().items() if key != "text"}
    if explain:
        out["explanation"] = explain_event(ev, article)
    return out


class Sent(JSONResponse):
    """A route's JSON body sent as built, dumped once: returned as a plain dict it would be validated against
    `dict[str, Any]` and walked again by FastAPI's encoder (a third of an `/events` page's CPU). Dates and
    database numbers (PostgreSQL's decimals) are written as that encoder writes them."""

    def render(self, content: Any) -> bytes:
        return _dumped(content)


def _plain(value: Any) -> Any:
    """A value `json` cannot write as the JSON FastAPI's encoder would make of it (ISO dates, numbers)."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class KeptUntilChange:
    """Results computed from the store (the events inside a zone, a listing's count), kept until its change mark
    (`browse.store_version`: one cheap statement) moves, so asking again costs that statement, not the work:
    judging a zone reads every located event, counting a filter costs as much as its page."""

    def __init__(self, most: int = 512) -> None:
        self.most = most
        self._version: Any = None
        self._kept: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Any, make: Callable[[], Any]) -> Any:
        """The result kept under `key` for what the store holds now, made and kept when there is none."""
        version = browse.store_version(store)
        found = self.peek(version, [key])
        if found:
            return found[key]
        made = make()
        self.keep(version, {key: made})
        return made

    def peek(self, version: Any, keys: Iterable[Any]) -> dict[Any, Any]:
        """Those of `keys` with a result kept for the store at `version` (its `browse.store_version`), and those
        results; a new version forgets everything kept before."""
        with self._lock:
            if version != self._version:
                self._version, self._kept = version, OrderedDict()
            found = {key: self._kept[key] for key in keys if key in self._kept}
            for key in found:
                self._kept.move_to_end(key)
            return found

    def known(self, version: Any) -> Container[Any]:
        """The keys with a result kept for the store at `version`, live (asking costs no copy); none if the
        store has changed since."""
        with self._lock:
            return self._kept.keys() if version == self._version else frozenset()

    def keep(self, version: Any, made: dict[Any, Any]) -> None:
        """Keep these results, made from the store at `version` (dropped if the store has changed since)."""
        with self._lock:
            if version == self._version:
                self._kept.update(made)
                while len(self._kept) > self.most:
                    self._kept.popitem(last=False)

    def zone_members(self, store: Store, name: str) -> frozenset[str]:
        """Ids of the events inside the zone called `name`; a 404 naming `/zones` when there is none."""
        def judged() -> frozenset[str]:
            zone = store.zone(name)  # type: ignore[attr-defined]  # every SQL store keeps zones
            if zone is None:
                raise HTTPException(404, f"no zone called {name!r}: `/zones` lists the zones of this store")
            return frozenset(events_inside(store, zone))

        return self.get(store, ("zone", name), judged)

    def count(self, store: Store, flt: EventFilter, zone: str | None, within: frozenset[str] | None) -> int:
        """How many events a listing of `flt` (inside `zone`, whose events are `within`) shows."""
        return self.get(store, count_key(flt, zone), lambda: browse.count_events(store, flt, within))


def count_key(flt: EventFilter, zone: str | None) -> tuple[Any, ...]:
    """The key a listing's count is kept under (`KeptUntilChange.count`, or counted with its first page)."""
    return ("count", astuple(flt), zone)


class KeptListings:
    """`/events` pages kept until the store changes, at three grains: each page's event ids and next cursor (a page
    asked again costs no statement), each listed event's JSON, marks included, already dumped (a page reaching an
    event an earlier page of any query listed reads, parses and marks nothing more for it), and each article's date,
    title, timexes and places (`browse.ArticleMarks`: a page of events from articles read before reads no article).

    Pages of the same query overlap those of others (everything, a type, a party, a month), and their events come
    from the same articles, so these save work on pages never asked before; the body is joined from the dumped
    events, never dumped whole. A first page's count is read with the page (one statement) when none is kept."""

    def __init__(self, pages: int = 4096, events: int = 20_000, articles: int = 5_000) -> None:
        """Keep at most `pages` pages (ids only), `events` events' JSON (about 2 KB each on T17: 40 MB) and
        `articles` articles' marks (about 60 timexes and places each on T17: some 5 KB an article)."""
        self.pages, self.events = KeptUntilChange(pages), KeptUntilChange(events)
        self.articles = KeptUntilChange(articles)

    def read_articles_ahead(self, store: Store) -> int:
        """Read and keep the marks of the newest articles, as many as are kept (all of a store this size or
        smaller), so that pages of events from them read no article; how many were read."""
        version = browse.store_version(store)
        self.articles.peek(version, ())  # forgets what an older version of the store left
        read = browse.newest_article_marks(store.rows, self.articles.most)
        self.articles.keep(version, read)
        return len(read)

    def body(self, store: Store, flt: EventFilter, limit: int, cursor: str | None, within: frozenset[str] | None,
             zone: str | None, counts: KeptUntilChange) -> bytes:
        """The JSON body of one `/events` page: `total` (on a first page, kept in `counts`), `next_cursor` and the
        page's events with their marks."""
        version = browse.store_version(store)
        key, counted = (astuple(flt), zone, limit, cursor), count_key(flt, zone)
        total = None if cursor else counts.peek(version, [counted]).get(counted)
        page = self.pages.peek(version, [key]).get(key)
        dumped = self.events.peek(version, page[0]) if page else {}
        if page is None or len(dumped) < len(page[0]) or (total is None and not cursor):
            page, dumped, total = self._read(store, version, (flt, limit, cursor, within), total, cursor is None)
            self.pages.keep(version, {key: page})
            if total is not None:
                counts.keep(version, {counted: total})
        ids, next_cursor = page
        return b"".join((b'{"total":', _dumped(total), b',"next_cursor":', _dumped(next_cursor), b',"events":[',
                         b",".join(dumped[event_id] for event_id in ids), b"]}"))

    def _read(self, store: Store, version: Any, asked: tuple[Any, ...], total: int | None, first: bool,
              ) -> tuple[tuple[list[str], str | None], dict[str, bytes], int | None]:
        """Read a page from the store, (ids, next cursor), its events' dumped JSON by id and the listing's total
        (counted in the page's statement on a first page when `total` is None), keeping what was read."""
        flt, limit, cursor, within = asked

        def kept_articles(ids: Iterable[str]) -> dict[str, browse.ArticleMarks]:
            return self.articles.peek(version, ids)

        for known in (self.events.known(version), {}):  # {}: a kept event was dropped meanwhile; read them all
            fresh = browse.events_page(store, flt, limit, cursor, within, known=known, kept_articles=kept_articles,
                                       counted=first and total is None)
            self.articles.keep(version, fresh.articles)
            total = fresh.total if fresh.total is not None else total
            made = {ev["id"]: _dumped(with_marks(ev, fresh.mentions.get(ev["article_id"], ())))
                    for ev in fresh.events}
            dumped = {**self.events.peek(version, [i for i in fresh.ids if i not in made]), **made}
            if len(dumped) == len(fresh.ids):
                break
        self.events.keep(version, made)
        return (fresh.ids, fresh.next_cursor), dumped, total


def _dumped(value: Any) -> bytes:
    """`value` as `Sent` writes it."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=_plain).encode("utf-8")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def posted_articles(payload: bytes) -> bytes:
    """A posted body as input the readers take: a JSON array becomes JSON Lines; any other form passes as is."""
    text = payload.decode("utf-8", errors="strict") if payload.strip() else ""
    if not text:
        raise ValueError("empty body: post JSON Lines (or a JSON array) of objects with `text` and `date`")
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"the body is not valid JSON: {exc}") from None
        if not all(isinstance(item, dict) for item in items):
            raise ValueError("a JSON array body must hold objects with `text` and `date`")
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode()
    return payload


__all__ = [
    "EVENT_TYPES",
    "PAGE_SIZE",
    "EventQuery",
    "KeptListings",
    "Sent",
    "event_json",
    "evidence_marks",
    "parse_near",
    "posted_articles",
    "with_marks",
]
