"""Exports: stored events, filtered like `dateline events`, written in the formats analysts load.

`export_events(store, fmt, flt, output)` is what `dateline export` calls. Events are streamed
from the store a page at a time (keyset pagination over the shared filters, so memory stays
flat however large the store), in the order `dateline events` lists them: oldest first, by the
first day their date covers; undated events come last. Each format is one writer over that stream:

* `gdelt` (tab-separated, header row) and `gdelt-mentions`; with an output file, the mentions
  table is written beside it as `NAME.mentions.EXT` in the same pass;
* `polecat` (tab-separated, header row), `csv` (comma-separated, header row), `jsonl`;
* `geojson`: a FeatureCollection of the stored watch zones (their geometry, name, kind and validity),
  then the events that have coordinates;
* `parquet`: a folder of Parquet files partitioned by the event's year and month
  (`year=2018/month=9/…`), written by DuckDB from a spooled JSON Lines file.

What each row holds is in `dateline.store.export_rows`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import duckdb

from dateline.model import Event, Evidence
from dateline.store.base import EventFilter
from dateline.store.export_rows import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    POLECAT_COLUMNS,
    ExportedEvent,
    Report,
    csv_row,
    flat_record,
    gdelt_mention_rows,
    gdelt_row,
    geojson_feature,
    json_record,
    polecat_row,
    zone_feature,
)
from dateline.store.sql import SQLStore, check_filter, listed_ids
from dateline.store.watch import ZoneRecord

#: Events read from the store per query.
PAGE = 5000
FORMATS = ("gdelt", "gdelt-mentions", "polecat", "jsonl", "parquet", "csv", "geojson")
_REPORT_SELECT = 'SELECT id, date, title, url, source, length("text") FROM articles WHERE id IN ({})'


class ExportError(Exception):
    """An export that cannot be written as asked; the message says what to do."""


@dataclass
class ExportSummary:
    """What an export wrote: events, and the files (none for standard output)."""

    events: int = 0
    files: list[Path] = field(default_factory=list)


def _pages(store: SQLStore, flt: EventFilter, page: int) -> Iterator[list[tuple[Any, ...]]]:
    """The matching events' rows (event JSON, article id, date bounds, id), a page at a time, in listing order.

    These are merged events (the row of each one's first report) with a report that matches, as `Store.events`
    lists them, read in keyset pages of the listing key (`dateline.store.sql.listed_ids`), so no page rescans
    what was written (OFFSET would) and no cursor stays open."""
    check_filter(flt)  # a negative limit is refused by name
    listed = (merged_id for merged_id, _ in listed_ids(store.rows, flt, store.dialect, page=page))
    stream = listed if flt.limit is None else islice(listed, flt.limit)  # 0 means none, as in `Store.events`
    while ids := list(islice(stream, page)):
        found: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            found |= {row[4]: row for row in store.rows(
                "SELECT event, article_id, date_lo, date_hi, id FROM events WHERE id IN "
                f"({', '.join('?' * len(chunk))})", chunk)}
        yield [found[i] for i in ids if i in found]


def _later_reports(store: SQLStore, ids: list[str]) -> dict[str, list[Event]]:
    """The other reports (events of other articles) merged into each of these merged events, by merged id."""
    found: dict[str, list[Event]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        sql = (f"SELECT e.merged_id, e.event, e.article_id FROM events e WHERE e.merged_id IN "
               f"({', '.join('?' * len(chunk))}) AND e.merged_id <> e.id ORDER BY e.merged_id, e.id")
        for merged_id, event_json, article_id in store.rows(sql, chunk):
            member = Event.from_json(json.loads(event_json))
            member.article_id = article_id
            found.setdefault(merged_id, []).append(member)
    return found


def _reports(store: SQLStore, ids: set[str]) -> dict[str, Report]:
    """The articles with these ids, as reports."""
    found: dict[str, Report] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        for row in store.rows(_REPORT_SELECT.format(", ".join("?" * len(chunk))), chunk):
            found[row[0]] = Report(*row)
    return found


def _with_article(mentions: list[Evidence], article_id: str | None) -> list[Evidence]:
    for mention in mentions:
        mention.article_id = mention.article_id or article_id
    return mentions


def _gather_mentions(event: Event, others: list[Event], reports: dict[str, Report]) -> None:
    """Give a merged event the mentions of all its reports, earliest article first (its own mentions, or its
    evidence, stand for a report that has none)."""
    mentions = [m for e in (event, *others) for m in _with_article(e.mentions or [e.evidence], e.article_id)]
    day = {aid: r.date for aid, r in reports.items()}
    mentions.sort(key=lambda m: (day.get(m.article_id or "", dt.date.min), m.article_id or "", m.start))
    event.mentions = mentions


def stream_events(store: SQLStore, flt: EventFilter | None = None, page: int = PAGE) -> Iterator[ExportedEvent]:
    """Every event matching `flt`, oldest first, with the articles of its mentions; one page in memory.

    In a store that merges events across articles, each is a merged event with every report's mentions."""
    for rows in _pages(store, flt or EventFilter(), page):
        events = []
        for event_json, article_id, date_lo, date_hi, _ in rows:
            ev = Event.from_json(json.loads(event_json))
            ev.article_id = article_id
            events.append((ev, date_lo, date_hi))
        others = _later_reports(store, [ev.id for ev, _, _ in events])
        ids = {e.article_id for ev, _, _ in events for e in (ev, *others.get(ev.id, []))}
        ids |= {m.article_id for ev, _, _ in events for m in ev.mentions if m.article_id}
        reports = _reports(store, {i for i in ids if i})
        for ev, date_lo, date_hi in events:
            if ev.id in others:
                _gather_mentions(ev, others[ev.id], reports)
            own = reports[ev.article_id or ""]
            ev.article_date, ev.article_title = own.date, own.title
            mine = {aid: reports[aid] for aid in {ev.article_id, *(m.article_id for m in ev.mentions)}
                    if aid in reports}
            yield ExportedEvent(ev, mine, date_lo, date_hi)


def _cell(value: Any) -> str:
    """A tab-separated cell: missing values empty; tabs and line breaks become spaces, so every row is one
    line of tab-split fields (no quoting: GDELT and POLECAT readers split on tabs)."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines())


def _tsv_line(row: list[Any]) -> str:
    return "\t".join(_cell(v) for v in row) + "\n"


def write_gdelt(items: Iterable[ExportedEvent], out: TextIO | None, mentions: TextIO | None = None) -> int:
    """GDELT 2.0 events (and, given `mentions`, the mentions table) as tab-separated text with a header row."""
    if out:
        out.write(_tsv_line(list(GDELT_COLUMNS)))
    if mentions:
        mentions.write(_tsv_line(list(GDELT_MENTION_COLUMNS)))
    count = 0
    for item in items:
        count += 1
        if out:
            out.write(_tsv_line(gdelt_row(item)))
        if mentions:
            mentions.writelines(_tsv_line(row) for row in gdelt_mention_rows(item))
    return count


def write_polecat(items: Iterable[ExportedEvent], out: TextIO) -> int:
    """POLECAT-style events as tab-separated text with a header row."""
    out.write(_tsv_line(list(POLECAT_COLUMNS)))
    count = 0
    for item in items:
        out.write(_tsv_line(polecat_row(item)))
        count += 1
    return count


def write_csv(items: Iterable[ExportedEvent], out: TextIO) -> int:
    """dateline's flat columns as CSV (RFC 4180 quoting) with a header row."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in FLAT_COLUMNS])
    count = 0
    for item in items:
        writer.writerow(csv_row(item))
        count += 1
    return count


def _json_line(record: dict[str, Any]) -> str:
    """One JSON line; U+2028/2029 escaped so line splitters keep the record whole."""
    text = json.dumps(record, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def write_jsonl(items: Iterable[ExportedEvent], out: TextIO) -> int:
    """One event JSON per line: the contract's event with its article and report counts."""
    count = 0
    for item in items:
        out.write(_json_line(json_record(item)))
        count += 1
    return count


def write_geojson(items: Iterable[ExportedEvent], out: TextIO, zones: Iterable[ZoneRecord] = ()) -> int:
    """A GeoJSON FeatureCollection (RFC 7946) of the zones, then the events that have coordinates; returns the
    event features written. Zones come whatever the event filter: a map of the events draws them."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    separator = ""
    for zone in zones:
        out.write(separator + _json_line(zone_feature(zone)).rstrip("\n"))
        separator = ",\n"
    count = 0
    for item in items:
        feature = geojson_feature(item)
        if feature is not None:
            out.write(separator + _json_line(feature).rstrip("\n"))
            separator = ",\n"
            count += 1
    out.write("\n]}\n")
    return count


def write_parquet(items: Iterable[ExportedEvent], folder: Path) -> int:
    """Parquet files in `folder`, partitioned by the event's year and month (the first day its date covers,
    or its article's date when undated): `folder/year=2018/month=9/data_0.parquet`."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ExportError(f"{folder} exists and is not an empty folder: give a new folder for the Parquet files")
    columns = {name: kind for name, kind in FLAT_COLUMNS} | {"year": "INTEGER", "month": "INTEGER"}
    with tempfile.TemporaryDirectory(prefix="dateline-export-") as scratch:
        spool = Path(scratch) / "events.jsonl"
        count = 0
        with spool.open("w", encoding="utf-8") as out:
            for item in items:
                day = item.date_first or item.report.date
                out.write(_json_line(flat_record(item) | {"year": day.year, "month": day.month}))
                count += 1
        folder.mkdir(parents=True, exist_ok=True)
        if not count:
            return 0
        con = duckdb.connect()
        try:
            spec = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items()) + "}"
            source = f"read_json(?, format = 'newline_delimited', columns = {spec})"
            con.execute(f"COPY (SELECT * FROM {source}) TO '{_quoted(folder)}' "
                        "(FORMAT PARQUET, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)", [str(spool)])
        finally:
            con.close()
    return count


def _quoted(path: Path) -> str:
    """A path inside a single-quoted SQL literal (COPY takes no parameter for its target)."""
    return str(path).replace("'", "''")


def mentions_path(output: Path) -> Path:
    """Where the GDELT mentions table goes beside the events file: `events.tsv` -> `events.mentions.tsv`."""
    return output.with_name(f"{output.stem}.mentions{output.suffix or '.tsv'}")


_TEXT_WRITERS: dict[str, Callable[[Iterable[ExportedEvent], TextIO], int]] = {
    "polecat": write_polecat, "csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson,
    "gdelt-mentions": lambda items, out: write_gdelt(items, None, out),
}


def export_events(store: SQLStore, fmt: str, flt: EventFilter | None = None, output: Path | None = None,
                  stdout: TextIO | None = None) -> ExportSummary:
    """Write the events matching `flt` in format `fmt` to `output` (a file; a folder for Parquet) or `stdout`."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    items = stream_events(store, flt)
    if fmt == "parquet":
        if output is None:
            raise ExportError("Parquet is written as a folder of partitioned files: give one with --output FOLDER")
        return ExportSummary(write_parquet(items, output), [output])
    writers = _TEXT_WRITERS | {"geojson": lambda events, out: write_geojson(events, out, store.zones())}
    if output is None:
        target = stdout or sys.stdout
        count = write_gdelt(items, target) if fmt == "gdelt" else writers[fmt](items, target)
        return ExportSummary(count)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as out:
        if fmt != "gdelt":
            return ExportSummary(writers[fmt](items, out), [output])
        with mentions_path(output).open("w", encoding="utf-8", newline="") as mentions:
            return ExportSummary(write_gdelt(items, out, mentions), [output, mentions_path(output)])


__all__ = ["FORMATS", "PAGE", "ExportError", "ExportSummary", "export_events", "mentions_path", "stream_events",
           "write_csv", "write_gdelt", "write_geojson", "write_jsonl", "write_parquet", "write_polecat"]
