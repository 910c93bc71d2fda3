"""The store road to a timeline: the stored articles of the query's period, their timexes and their events.

Articles are read by publication date, from the query's first day to a week after its last (reports
of a day keep coming for some days); the text is re-split into sentences without a parse. Events come
through `Store.events`, merged across articles, so their mention counts reach the day's salience.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from dateline.model import Article, Event, Timex
from dateline.store import EventFilter, Store
from dateline.timeline.model import TimelineQuery
from dateline.timeline.sources import SourceArticle, from_parts

#: Days after the query's last day whose articles may still report it.
LATE_REPORTS = dt.timedelta(days=7)
_ARTICLE_COLUMNS = ("id", "date", "text", "title", "url")
_TIMEX_COLUMNS = ("article_id", "text", "start", "end", "type", "value", "mod")


def _period(query: TimelineQuery) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters selecting articles published in the query's period."""
    clauses, params = [], []
    if query.since:
        clauses.append("date >= ?")
        params.append(dt.date.fromisoformat(query.since))
    if query.until:
        clauses.append("date <= ?")
        params.append(dt.date.fromisoformat(query.until) + LATE_REPORTS)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def stored_sources(store: Store, query: TimelineQuery) -> list[SourceArticle]:
    """Timeline material for `query` from `store`: articles of its period with their timexes and events."""
    where, params = _period(query)
    quoted = ", ".join(f'"{c}"' for c in _ARTICLE_COLUMNS)
    articles = [Article(**dict(zip(_ARTICLE_COLUMNS, row, strict=True)))
                for row in store.rows(f"SELECT {quoted} FROM articles{where} ORDER BY date, id", params)]
    timexes: dict[str, list[Timex]] = defaultdict(list)
    timex_columns = ", ".join(f't."{c}"' for c in _TIMEX_COLUMNS)
    article_where = where.replace("date", "a.date")
    for row in store.rows(f"SELECT {timex_columns} FROM timexes t JOIN articles a ON a.id = t.article_id"
                          f"{article_where}", params):
        article_id, *fields = row
        timexes[article_id].append(Timex(**dict(zip(_TIMEX_COLUMNS[1:], fields, strict=True))))
    since = dt.date.fromisoformat(query.since) if query.since else None
    until = dt.date.fromisoformat(query.until) if query.until else None
    events: dict[str, list[Event]] = defaultdict(list)
    for event in store.events(EventFilter(since=since, until=until, min_confidence=query.min_confidence)):
        events[event.article_id or ""].append(event)
    return [from_parts(art, None, timexes[art.id], events[art.id]) for art in articles]
