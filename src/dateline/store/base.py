"""The store interface every backend implements, and the query filter it takes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from dateline.model import Document


@dataclass
class AddResult:
    """What an ingest did: articles added, articles already stored, and failures by origin."""

    added: int = 0
    existing: int = 0
    events: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


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


class Store(Protocol):
    """A place where processed articles live and can be queried."""

    def add(self, docs: Iterable[Document]) -> AddResult: ...

    def has_article(self, article_id: str) -> bool: ...

    def article_digest(self, article_id: str) -> str | None: ...

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]: ...

    def event(self, event_id: str) -> dict[str, Any] | None: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def date_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a TIMEX3 date value covers (`2017` -> 2017-01-01..2017-12-31).

    Used to filter events by date whatever their precision. Values that name no calendar
    span (PAST_REF, durations) give (None, None).
    """
    if not value:
        return None, None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m and m[3]:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None, None
        return d, d
    if m and m[2]:
        return _month_span(int(m[1]), int(m[2]), int(m[2]))
    if m:
        year = int(m[1])
        rest = value[4:]
        if q := re.match(r"^-Q([1-4])", rest):
            first = 3 * int(q[1]) - 2
            return _month_span(year, first, first + 2)
        if s := re.match(r"^-(SP|SU|FA|AU|WI)", rest):
            lo, hi = _SEASON_MONTHS[s[1]]
            return _month_span(year, lo, hi)
        if w := re.match(r"^-W(\d{2})", rest):
            try:
                start = dt.date.fromisocalendar(year, int(w[1]), 1)
            except ValueError:
                return None, None
            return start, start + dt.timedelta(days=6)
        if re.match(r"^-H1", rest):
            return _month_span(year, 1, 6)
        if re.match(r"^-H2", rest):
            return _month_span(year, 7, 12)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if d := re.match(r"^(\d{3})$", value):
        decade = int(d[1]) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    if c := re.match(r"^(\d{2})$", value):
        century = int(c[1]) * 100
        return dt.date(max(century, 1), 1, 1), dt.date(century + 99, 12, 31)
    return None, None


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first, 1)
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    nxt = dt.date(end_year + (end_month == 12), end_month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)
