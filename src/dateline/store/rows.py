"""The data model flattened into table rows: shared by every SQL backend."""

from __future__ import annotations

from typing import Any

from dateline.model import Document, Event, content_id
from dateline.store.base import date_bounds

EVENT_COLUMNS = (
    "id", "article_id", "type", "mode", "contexts", "quad", "intensity", "cameo",
    "date", "date_precision", "date_lo", "date_hi",
    "loc_name", "loc_text", "geonameid", "lat", "lon", "country_code", "feature_code",
    "negated", "hypothetical", "sentence", "sent_start", "sent_end",
    "trigger", "trigger_start", "trigger_end", "rule", "confidence",
)


def event_row(ev: Event, article_id: str) -> tuple[Any, ...]:
    """One `events` row, in EVENT_COLUMNS order."""
    lo, hi = date_bounds(ev.date)
    loc = ev.location
    e = ev.evidence
    return (
        ev.id, article_id, ev.type, ev.mode, list(ev.contexts), ev.quad, ev.intensity, ev.cameo,
        ev.date, ev.date_precision, lo, hi,
        loc.name if loc else None, loc.text if loc else None, loc.geonameid if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.country_code if loc else None,
        loc.feature_code if loc else None,
        ev.negated, ev.hypothetical, e.sentence, e.start, e.end,
        e.trigger, e.trigger_start, e.trigger_end, e.rule, ev.confidence,
    )


def document_rows(doc: Document) -> dict[str, list[tuple[Any, ...]]]:
    """Every row one processed document adds, by table."""
    a = doc.article
    aid = a.id
    parties = []
    for ev in doc.events:
        for role, group in (("actor", ev.actors), ("recipient", ev.recipients)):
            for pos, p in enumerate(group):
                parties.append((ev.id, role, pos, p.name, p.country, p.sector, p.text, p.start, p.end, p.entry))
    return {
        "articles": [(aid, a.date, a.title, a.source, a.url, a.origin, a.text, content_id(a.text, a.date))],
        "events": [event_row(ev, aid) for ev in doc.events],
        "event_parties": parties,
        "places": [(aid, p.start, p.end, p.text, p.geonameid, p.name, p.lat, p.lon, p.country_code,
                    p.admin1, p.feature_code, p.confidence) for p in doc.places],
        "timexes": [(aid, t.start, t.end, t.text, t.type, t.value, t.mod, t.quant, t.freq)
                    for t in doc.timexes],
        "actors": [(aid, x.start, x.end, x.text, x.name, x.country, x.sector, x.code, x.entry)
                   for x in doc.actors],
    }
