"""What one exported event becomes in each export format: the column lists and the row builders.

The formats (see README "Exports" for the documented column lists):

* GDELT 2.0: the event table's columns that dateline can fill, in GDELT's order and under
  GDELT's names, and a mentions table like GDELT's (one row per report of the event);
* POLECAT: the column names of the POLECAT weekly files (PLOVER event type, mode, contexts,
  actor and recipient, place fields, story ids);
* flat: dateline's own columns, one row per event (CSV and Parquet);
* JSON: the contract's event JSON with its article and report counts (JSON Lines, and the
  properties of a GeoJSON feature).

GoldsteinScale is the event's PLOVER conflict-cooperation score (`Event.intensity`, the
ontology's score per type and mode): no CAMEO→Goldstein table is shipped with the
Phoenix/PLOVER data dateline builds from, and the PLOVER scores were made to splice with
Goldstein scores (same -10..+10 scale; PLOVER manual, "Numeric conflict/cooperation scores").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from dateline.model import Event, Evidence, Location, Party
from dateline.store.watch import ZoneRecord


@dataclass(frozen=True)
class Report:
    """A stored article as the exports name it: the report an event's mention comes from."""

    id: str
    date: dt.date
    title: str | None
    url: str | None
    source: str | None
    length: int

    @property
    def source_name(self) -> str:
        """Who published it: the article's source, else its URL's host, else '' (unknown)."""
        return self.source or (urlsplit(self.url).hostname or "" if self.url else "")


@dataclass
class ExportedEvent:
    """A stored event with the articles of its mentions, and the date span its date covers."""

    event: Event
    reports: dict[str, Report]  # by article id: the event's own article and those of its mentions
    date_first: dt.date | None = None
    date_last: dt.date | None = None

    @property
    def report(self) -> Report:
        """The article the event was stored from."""
        return self.reports[self.event.article_id or ""]

    def mentions(self) -> list[tuple[Evidence, Report]]:
        """Every mention with its article: `Event.mentions` (within and across articles), else the evidence."""
        found = self.event.mentions or [self.event.evidence]
        return [(m, self.reports.get(m.article_id or "", self.report)) for m in found]

    @property
    def num_mentions(self) -> int:
        return len(self.event.mentions) or 1

    @property
    def num_articles(self) -> int:
        return len({r.id for _, r in self.mentions()})

    @property
    def num_sources(self) -> int:
        """Distinct publishers; an article whose publisher is unknown counts as one of its own."""
        return len({r.source_name or f"article:{r.id}" for _, r in self.mentions()})


def _first(parties: list[Party], index: int = 0) -> Party | None:
    return parties[index] if len(parties) > index else None


def _gdelt_parties(ev: Event) -> tuple[Party | None, Party | None]:
    """Actor1 and Actor2: the first actor and the first recipient; a reciprocal event (no recipient,
    several actors: a meeting) puts its second actor as Actor2, as GDELT codes 'A met B'."""
    second = _first(ev.recipients) or _first(ev.actors, 1)
    return _first(ev.actors), second


def _actor_columns(party: Party | None) -> list[Any]:
    if party is None:
        return ["", "", "", ""]
    code = (party.country or "") + (party.sector or "")
    return [code, party.name, party.country or "", party.sector or ""]


def geo_type(loc: Location | None) -> int:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (0: no place)."""
    if loc is None or loc.lat is None or loc.lon is None:
        return 0
    feature = loc.feature_code or ""
    kind = loc.precision or ("country" if feature.startswith("PCL") else "admin" if feature.startswith("ADM")
                             else "point")
    us = (loc.country_code or "").upper() == "US"
    return {"country": 1, "admin": 2 if us else 5}.get(kind, 3 if us else 4)


def _day_number(day: dt.date | None) -> str:
    return day.strftime("%Y%m%d") if day else ""


GDELT_COLUMNS = (
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)


def gdelt_row(item: ExportedEvent) -> list[Any]:
    """One row of the GDELT event table (GDELT_COLUMNS order); SQLDATE is the first day the event date covers."""
    ev, day = item.event, item.date_first
    actor1, actor2 = _gdelt_parties(ev)
    cameo = ev.cameo or ""
    loc = ev.location if geo_type(ev.location) else None
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    return [
        ev.id, _day_number(day), day.strftime("%Y%m") if day else "", day.year if day else "", fraction,
        *_actor_columns(actor1), *_actor_columns(actor2),
        cameo, cameo[:3], cameo[:2], ev.quad if ev.quad is not None else "",
        ev.intensity if ev.intensity is not None else "",
        item.num_mentions, item.num_sources, item.num_articles,
        geo_type(loc), loc.name or "" if loc else "", loc.country_code or "" if loc else "",
        loc.lat if loc else "", loc.lon if loc else "", loc.geonameid or "" if loc else "",
        _day_number(item.report.date) + "000000", item.report.url or "",
    ]


GDELT_MENTION_COLUMNS = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen",
    "ArticleID", "SentenceCharStart", "SentenceCharEnd", "Trigger", "Sentence",
)


def gdelt_mention_rows(item: ExportedEvent) -> list[list[Any]]:
    """The rows of the GDELT mentions table for one event (GDELT_MENTION_COLUMNS order), one per mention.

    Actor offsets are known for the mention the parties were read from (the event's evidence); -1
    elsewhere, as GDELT writes for an actor not found in a mention."""
    ev = item.event
    actor1, actor2 = _gdelt_parties(ev)
    rows = []
    for mention, report in item.mentions():
        own = report.id == item.report.id and mention.start == ev.evidence.start
        offsets = [p.start if own and p and p.start is not None else -1 for p in (actor1, actor2)]
        rows.append([
            ev.id, _day_number(item.report.date) + "000000", _day_number(report.date) + "000000",
            1 if report.url else 0, report.source_name, report.url or report.id, *offsets,
            mention.trigger_start if mention.trigger_start is not None else -1, 1, round(ev.confidence * 100),
            report.length, report.id, mention.start, mention.end, mention.trigger, mention.sentence,
        ])
    return rows


POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Date Precision", "Event Type", "Event Mode", "Contexts", "Quad Code", "Intensity",
    "Actor Name", "Actor Country", "Primary Actor Sector", "Actor Name Raw",
    "Recipient Name", "Recipient Country", "Primary Recipient Sector", "Recipient Name Raw",
    "Placename", "Country", "GeoNames ID", "Latitude", "Longitude", "Location Precision",
    "Story IDs", "Publication Date", "Headline", "Source", "URL", "Event Text",
)


def _joined(values: list[str | None]) -> str:
    """Several values in one cell, as POLECAT writes them: separated by '; '."""
    return "; ".join(v or "" for v in values)


def polecat_row(item: ExportedEvent) -> list[Any]:
    """One POLECAT-style row (POLECAT_COLUMNS order); several parties or stories share a cell, '; '-separated."""
    ev, loc, report = item.event, item.event.location, item.report
    parties = []
    for group in (ev.actors, ev.recipients):
        parties += [_joined([p.name for p in group]), _joined([p.country for p in group]),
                    _joined([p.sector for p in group]), _joined([p.text or p.name for p in group])]
    return [
        ev.id, ev.date or "", ev.date_precision or "", ev.type, ev.mode or "", _joined(ev.contexts),
        ev.quad if ev.quad is not None else "", ev.intensity if ev.intensity is not None else "", *parties,
        loc.name or "" if loc else "", loc.country_code or "" if loc else "", loc.geonameid or "" if loc else "",
        loc.lat if loc and loc.lat is not None else "", loc.lon if loc and loc.lon is not None else "",
        loc.precision or "" if loc else "",
        _joined(sorted({r.id for _, r in item.mentions()})), report.date.isoformat(), report.title or "",
        report.source_name, report.url or "", ev.evidence.sentence,
    ]


#: The flat columns (CSV, Parquet) and their DuckDB types; list columns are '; '-joined in CSV.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"), ("date", "VARCHAR"), ("date_precision", "VARCHAR"), ("date_mod", "VARCHAR"),
    ("date_first", "DATE"), ("date_last", "DATE"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
    ("contexts", "VARCHAR[]"), ("cameo", "VARCHAR"), ("quad", "INTEGER"), ("intensity", "DOUBLE"),
    ("actor_names", "VARCHAR[]"), ("actor_countries", "VARCHAR[]"), ("actor_sectors", "VARCHAR[]"),
    ("recipient_names", "VARCHAR[]"), ("recipient_countries", "VARCHAR[]"), ("recipient_sectors", "VARCHAR[]"),
    ("place", "VARCHAR"), ("geonameid", "BIGINT"), ("place_country", "VARCHAR"), ("lat", "DOUBLE"),
    ("lon", "DOUBLE"), ("place_precision", "VARCHAR"), ("negated", "BOOLEAN"), ("hypothetical", "BOOLEAN"),
    ("confidence", "DOUBLE"), ("trigger", "VARCHAR"), ("sentence", "VARCHAR"), ("sentence_start", "BIGINT"),
    ("sentence_end", "BIGINT"), ("article_id", "VARCHAR"), ("article_date", "DATE"), ("article_title", "VARCHAR"),
    ("url", "VARCHAR"), ("source", "VARCHAR"), ("num_mentions", "INTEGER"), ("num_articles", "INTEGER"),
    ("num_sources", "INTEGER"),
)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def flat_record(item: ExportedEvent) -> dict[str, Any]:
    """One event as dateline's flat record (FLAT_COLUMNS): lists stay lists, dates are ISO strings."""
    ev, loc, report = item.event, item.event.location, item.report
    values: list[Any] = [
        ev.id, ev.date, ev.date_precision, ev.date_mod, _iso(item.date_first), _iso(item.date_last), ev.type,
        ev.mode, list(ev.contexts), ev.cameo, ev.quad, ev.intensity,
        [p.name for p in ev.actors], [p.country for p in ev.actors], [p.sector for p in ev.actors],
        [p.name for p in ev.recipients], [p.country for p in ev.recipients], [p.sector for p in ev.recipients],
    ]
    values += [getattr(loc, name) if loc else None for name in ("name", "geonameid", "country_code", "lat", "lon",
                                                                   "precision")]
    values += [ev.negated, ev.hypothetical, ev.confidence, ev.evidence.trigger, ev.evidence.sentence,
               ev.evidence.start, ev.evidence.end, report.id, _iso(report.date), report.title, report.url,
               report.source_name or None, item.num_mentions, item.num_articles, item.num_sources]
    return dict(zip((name for name, _ in FLAT_COLUMNS), values, strict=True))


def csv_row(item: ExportedEvent) -> list[Any]:
    """The flat record as a CSV row: lists '; '-joined, missing values empty."""
    row = []
    for value in flat_record(item).values():
        if isinstance(value, list):
            value = _joined(value)
        row.append("" if value is None else value)
    return row


def json_record(item: ExportedEvent) -> dict[str, Any]:
    """The contract's event JSON with its article (id, date, title, url, source) and its report counts."""
    out = item.event.to_json(with_article=True)
    out.update(article_url=item.report.url, article_source=item.report.source_name or None,
               num_mentions=item.num_mentions, num_articles=item.num_articles, num_sources=item.num_sources)
    return out


def geojson_feature(item: ExportedEvent) -> dict[str, Any] | None:
    """A GeoJSON Feature (RFC 7946: a Point at [longitude, latitude]) with the event's JSON record, evidence
    included, as its properties; None for an event without coordinates."""
    loc = item.event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return {"type": "Feature", "id": item.event.id,
            "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
            "properties": json_record(item)}


def zone_feature(zone: ZoneRecord) -> dict[str, Any]:
    """A watch zone as a GeoJSON Feature: its stored geometry, and as properties `feature: "zone"` (events have
    none), its name, kind (geojson, around or admin), validity, note, and the admin areas and countries it covers."""
    return {"type": "Feature", "id": f"zone:{zone.name}", "geometry": zone.geometry,
            "properties": {"feature": "zone", "name": zone.name, "kind": zone.kind,
                           "valid_from": zone.valid_from.isoformat(),
                           "valid_to": zone.valid_to.isoformat() if zone.valid_to else None, "note": zone.note,
                           "admin_areas": zone.admin_areas, "countries": zone.countries}}


RowBuilder = Callable[[ExportedEvent], list[Any]]

__all__ = ["FLAT_COLUMNS", "GDELT_COLUMNS", "GDELT_MENTION_COLUMNS", "POLECAT_COLUMNS", "ExportedEvent", "Report",
           "csv_row", "flat_record", "gdelt_mention_rows", "gdelt_row", "geo_type", "geojson_feature",
           "json_record", "polecat_row", "zone_feature"]
