"""The data model as table rows: the columns every SQL backend stores, derived from the model.

An event is stored once, as its JSON form (`Event.to_json()`, column `event`), and read
back with `Event.from_json`; beside it sit a few columns copied from the same object so
that filters can use them (type, date bounds, place, flags, confidence, sentence), and
`event_parties` indexes its parties for the actor and country filters. The mention tables
(timexes, places, actors) and the articles table have one column per field of the model
type, named as in its JSON form.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import typing
from typing import Any

from dateline.jsonform import json_fields
from dateline.merge import merge_span
from dateline.merge.rules import COPY_DAYS
from dateline.merge.text import sentence_fingerprint
from dateline.model import Actor, Article, Document, Event, Party, Place, Timex, content_id
from dateline.store.base import date_bounds
from dateline.store.search import countries, day_number, order_key, party_text
from dateline.timex3 import Interval

# A change to the tables below (a new model field included) needs a new schema version and a
# migration in `dateline.store.schema`; tests/test_store.py checks its layout digest.

#: Mention tables: the model type of each, and the fields stored beyond its JSON form.
MENTION_TABLES: dict[str, tuple[type, tuple[str, ...]]] = {
    "timexes": (Timex, ()), "places": (Place, ()), "actors": (Actor, ("code", "entry")),
}

#: The columns of `events` besides the JSON form, for filtering and ordering.
EVENT_INDEX_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("id", str), ("article_id", str), ("type", str), ("date", str | None), ("date_precision", str | None),
    ("date_mod", str | None), ("date_lo", dt.date | None), ("date_hi", dt.date | None), ("loc_name", str | None),
    ("loc_text", str | None), ("lat", float | None), ("lon", float | None), ("country_code", str | None),
    ("negated", bool), ("hypothetical", bool), ("confidence", float), ("sentence", str),
    ("sent_start", int), ("trigger_start", int | None), ("event", str),
    # cross-article merging (`dateline.store.merged`): the merged event this one belongs to (its own id until
    # merged) and why it joined; the merged event's counts (kept on its first event); the days it may lie on
    ("merged_id", str), ("merge_reason", str | None), ("n_mentions", int), ("n_articles", int),
    ("n_sources", int), ("merge_lo", dt.date | None), ("merge_hi", dt.date | None),
    # what listings order by and the party filters read, without a join (`dateline.store.search`): its own
    # order key, its merged event's (what it is listed under) and that key's day, its parties' names and countries
    ("order_key", str), ("listing_key", str), ("listing_day", int), ("party_text", str), ("countries", str),
)
EVENT_COLUMNS = tuple(name for name, _ in EVENT_INDEX_COLUMNS)


#: Tables derived from the events by cross-article merging (its candidate index and links).
MERGE_TABLES = ("merge_keys", "event_links")


def model_columns(cls: type, extra: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
    """(name, type hint) of the stored fields of a model type: its JSON fields, then `extra`."""
    hints = typing.get_type_hints(cls)
    return [(f.name, f.hint) for f in json_fields(cls)] + [(name, hints.get(name, str)) for name in extra]


@functools.cache
def table_columns() -> dict[str, list[tuple[str, Any]]]:
    """Every table's columns as (name, type hint), in insert order; the DDL of a backend follows from it."""
    tables: dict[str, list[tuple[str, Any]]] = {
        "articles": [*model_columns(Article, ("origin",)), ("digest", str)],
        "events": list(EVENT_INDEX_COLUMNS),
        "event_parties": [("event_id", str), ("role", str), ("position", int), *model_columns(Party)],
        # the candidate index of merging: one row per event and window of days its merge span touches
        # (`window_key`: type and window number), with that span (`merge_key_rows`)
        "merge_keys": [("event_id", str), ("type", str), ("window_key", str), ("lo", dt.date), ("hi", dt.date)],
        # pairs of events of different articles that report one happening (a < b), with why
        "event_links": [("a", str), ("b", str), ("reason", str)],
    }
    for table, (cls, extra) in MENTION_TABLES.items():
        tables[table] = [("article_id", str), *model_columns(cls, extra)]
    return tables


def _values(obj: Any, columns: list[tuple[str, Any]]) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name, _ in columns)


def event_row(ev: Event, article: Article) -> tuple[Any, ...]:
    """One `events` row, in EVENT_COLUMNS order: index columns, then the event's JSON."""
    lo, hi = date_bounds(ev.date, article.date)
    loc = ev.location
    e = ev.evidence
    key = order_key(lo, ev.date, article.date, e.start, e.trigger_start, ev.id)
    parties = [*ev.actors, *ev.recipients]
    return (
        ev.id, article.id, ev.type, ev.date, ev.date_precision, ev.date_mod, lo, hi,
        loc.name if loc else None, loc.text if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        loc.country_code if loc else None, ev.negated, ev.hypothetical, ev.confidence,
        e.sentence, e.start, e.trigger_start, json.dumps(ev.to_json(), ensure_ascii=False),
        ev.id, None, max(len(ev.mentions), 1), 1, 1, *merge_bounds(ev, article.date),
        key, key, day_number(lo), party_text(x for p in parties for x in (p.name, p.text)),
        countries((p.country for p in parties), loc.country_code if loc else None),
    )


def merge_bounds(ev: Event, reference: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an event may lie on, for merging; (None, None) when too vague to merge."""
    span = merge_span(ev, reference)
    return (span.first, span.last) if span else (None, None)


#: Days of one candidate window: merging looks a new event's candidates up by the windows its span touches (an
#: equality on an indexed key, answered without reading the rest of the table), then keeps those whose span
#: overlaps its own. Most spans (a day with its open week, or the background reach) touch one to three windows.
MERGE_WINDOW_DAYS = 30


def window_keys(type_: str, first: dt.date, last: dt.date) -> list[str]:
    """The candidate windows of a merge span of an event of this type ("ASSAULT:24512")."""
    return [f"{type_}:{n}" for n in range(first.toordinal() // MERGE_WINDOW_DAYS,
                                          last.toordinal() // MERGE_WINDOW_DAYS + 1)]


def copy_key(type_: str, sentence: str) -> str | None:
    """The candidate key of a sentence printed again ("ASSAULT=3f9a..."): its type and `sentence_fingerprint`; None
    for a sentence too short to have one."""
    fingerprint = sentence_fingerprint(sentence)
    return f"{type_}={fingerprint}" if fingerprint else None


def copy_span(published: dt.date) -> tuple[dt.date, dt.date]:
    """The days a `copy_key` row spans: the `COPY_DAYS` up to its article's day, so two articles printing one
    sentence up to that many days apart meet."""
    return published - dt.timedelta(days=COPY_DAYS), published


def candidate_keys(type_: str, reach: Interval | None, published: dt.date | None,
                   sentence: str) -> list[tuple[str, dt.date, dt.date]]:
    """(key, first day, last day) of each `merge_keys` row of an event of this type, merge span (`reach`), article
    day and sentence: one per window its merge span touches (`window_keys`), and its `copy_key` with the `COPY_DAYS`
    up to its article's day, so the same sentence printed by another article up to that many days apart is a
    candidate whatever dates the two pages gave it (`merge.rules.copied`). None when too vague to merge."""
    if reach is None or published is None:
        return []
    keys = [(key, reach.first, reach.last) for key in window_keys(type_, reach.first, reach.last)]
    if copy := copy_key(type_, sentence):
        keys.append((copy, *copy_span(published)))
    return keys


def merge_key_rows(ev: Event, reference: dt.date) -> list[tuple[Any, ...]]:
    """The `merge_keys` rows of an event reported on `reference` (`candidate_keys`); none when too vague."""
    return [(ev.id, ev.type, key, first, last)
            for key, first, last in candidate_keys(ev.type, merge_span(ev, reference), reference, ev.evidence.sentence)]


def stored_event(event_json: str, article_id: str, article_date: dt.date, article_title: str | None) -> Event:
    """An event read back from its stored JSON, with the article that reported it."""
    ev = Event.from_json(json.loads(event_json))
    ev.article_id, ev.article_date, ev.article_title = article_id, article_date, article_title
    return ev


def document_rows(doc: Document) -> dict[str, list[tuple[Any, ...]]]:
    """Every row one processed document adds, by table (columns as in `table_columns()`)."""
    columns = table_columns()
    a = doc.article
    article_row = (*_values(a, columns["articles"][:-1]), content_id(a.text, a.date))
    party_columns = columns["event_parties"][3:]
    parties = [(ev.id, role, pos, *_values(p, party_columns))
               for ev in doc.events
               for role, group in (("actor", ev.actors), ("recipient", ev.recipients))
               for pos, p in enumerate(group)]
    rows = {"articles": [article_row], "events": [event_row(ev, a) for ev in doc.events],
            "event_parties": parties, "merge_keys": [key for ev in doc.events for key in merge_key_rows(ev, a.date)],
            "event_links": []}
    for table, items in (("timexes", doc.timexes), ("places", doc.places), ("actors", doc.actors)):
        rows[table] = [(a.id, *_values(x, columns[table][1:])) for x in items]
    return rows
