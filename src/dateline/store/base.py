"""The store interface every backend implements, and the query filter it takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dateline.model import Article, Document, Event
from dateline.timex3 import interval


@dataclass
class AddResult:
    """What an ingest did: articles added, articles already stored, and failures by origin."""

    added: int = 0
    existing: int = 0
    events: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: events of the added articles that other stored articles report too (merged across articles)
    merged: int = 0


@dataclass
class EventFilter:
    """Filters for `Store.events`; every field is optional and they combine with AND."""

    type: str | None = None
    actor: str | None = None  # name substring or country code of any party
    country: str | None = None  # ISO-3 of a party, or ISO-2 of the location
    place: str | None = None  # location name substring
    near: tuple[float, float, float] | None = None  # lat, lon, km
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None  # substring of the evidence sentence
    article: str | None = None
    include_negated: bool = False
    min_confidence: float = 0.0
    limit: int | None = None


class StoreError(Exception):
    """A database that cannot be used as a dateline store; the message says what to do."""


class StoreLayoutError(StoreError):
    """A database written with another table layout (an older or newer dateline)."""


class StoreBusyError(StoreError):
    """A database another process holds for longer than this one was willing to wait."""


class StoreMissingError(StoreError, FileNotFoundError):
    """A database to read that does not exist (nothing was ingested into it yet)."""


class Store(Protocol):
    """A place where processed articles live and can be queried; it speaks the data model.

    `events` and `event` return `Event`s with `article_id`, `article_date` and
    `article_title` set. A backend refuses, with a `StoreLayoutError`, a database
    written with a table layout it does not read.
    """

    def add(self, docs: Iterable[Document]) -> AddResult: ...

    def has_article(self, article_id: str) -> bool: ...

    def article_digest(self, article_id: str) -> str | None: ...

    def article_with_digest(self, digest: str) -> str | None: ...

    def article_origin(self, article_id: str) -> str | None: ...

    def article(self, article_id: str) -> Article | None: ...

    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    def event(self, event_id: str) -> Event | None: ...

    def counts(self) -> dict[str, int]: ...

    def optimize(self, say: Callable[[str], None] = ...) -> None:
        """Lay the stored events out for fast listings and refresh the planner's statistics (after a bulk load)."""
        ...

    def release(self) -> None:
        """Let go of what the store holds between calls (DuckDB: its connection, with the file and DuckDB's memory);
        the next call opens it again. For a writer that waits between writes (the bulk parent between partitions)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def date_bounds(value: str | None, reference: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a TIMEX3 date value covers (`2017` -> 2017-01-01..2017-12-31).

    Used to filter events by date whatever their precision; the reading of the value is
    `dateline.timex3.interval`, the same one the dater uses. Values that name no calendar
    span (durations; PAST_REF without a `reference` date) give (None, None).
    """
    span = interval(value, reference)
    return (span.first, span.last) if span else (None, None)
