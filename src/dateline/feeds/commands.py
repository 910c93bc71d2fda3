"""The commands of watching: `dateline feed ...`, `dateline zone ...` and `dateline watch`.

A thin face over `dateline.feeds` and `dateline.zones`, mounted on the main command by
`dateline.cli` (as sub-apps, like `gazetteer`). Heavy imports (httpx, feedparser, shapely, the
gazetteer) happen inside the commands, so `dateline --help` stays quick.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.store import DEFAULT_DB, Store, StoreError, open_store

feed_app = typer.Typer(help="The RSS and Atom feeds `dateline watch` and `ingest --feeds` follow.",
                       no_args_is_help=True)
zone_app = typer.Typer(help="Watch zones: named areas with a validity period, and their violations.",
                       no_args_is_help=True)

# Article text, titles, paths and party names are data, never Rich markup ("[/bold]" in a title, "[video]")
out = Console(soft_wrap=False, markup=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)
Db = Annotated[str, typer.Option("--db", envvar="DATELINE_DB", help="DuckDB file, or postgresql:// URL, to use.")]
Day = Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])]
Types = Annotated[str | None, typer.Option("--types", help="Conflict types, comma-separated "
                                           "(default ASSAULT,COERCE,MOBILIZE,THREATEN).")]
_DURATION = re.compile(r"\A\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*\Z")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _open(db: str) -> Store:
    try:
        return open_store(db)
    except StoreError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(1) from None


def parse_every(text: str) -> float:
    """Seconds in a schedule such as 15m, 30s, 1h or 900 (seconds)."""
    match = _DURATION.match(text)
    if not match or float(match[1]) <= 0:
        raise typer.BadParameter(f"{text!r}: give a duration such as 15m, 30s or 1h", param_hint="--every")
    return float(match[1]) * _SECONDS[match[2]]


def _types(text: str | None) -> tuple[str, ...]:
    from dateline.zones import CONFLICT_TYPES

    return tuple(t.strip().upper() for t in text.split(",") if t.strip()) if text else CONFLICT_TYPES


def _min_confidence() -> float:
    from dateline.timeline import DEFAULT_MIN_CONFIDENCE

    return DEFAULT_MIN_CONFIDENCE


# -- feeds ---------------------------------------------------------------------------------------

@feed_app.command("add")
def feed_add(url: Annotated[str, typer.Argument(help="The feed's URL (RSS or Atom).")],
             name: Annotated[str | None, typer.Option(help="A short name for listings and `feed remove`.")] = None,
             db: Db = DEFAULT_DB) -> None:
    """Follow a feed: `dateline watch` and `dateline ingest --feeds` fetch it and the articles it links to."""
    if not url.startswith(("http://", "https://")):
        raise typer.BadParameter(f"{url!r}: give an http:// or https:// URL", param_hint="URL")
    with _open(db) as store:
        added = store.add_feed(url, name)
    err.print(f"{'following' if added else 'already following'} {url}", highlight=False)


@feed_app.command("list")
def feed_list(db: Db = DEFAULT_DB) -> None:
    """The feeds followed, with when each was last checked and how that went."""
    with _open(db) as store:
        feeds = store.feeds()
    table = Table(title=f"{len(feeds)} feed{'s' if len(feeds) != 1 else ''} in {db}")
    for column in ("name", "url", "last checked", "status"):
        table.add_column(column, overflow="fold")
    for feed in feeds:
        table.add_row(feed.name or "", feed.url, feed.checked_at or "never", feed.status or "")
    out.print(table)


@feed_app.command("remove")
def feed_remove(feed: Annotated[str, typer.Argument(help="The feed's URL or name.")], db: Db = DEFAULT_DB) -> None:
    """Stop following a feed (its articles stay stored)."""
    with _open(db) as store:
        removed = store.remove_feed(feed)
    if not removed:
        err.print(f"no feed {feed!r} in {db} (see `dateline feed list`)", highlight=False)
        raise typer.Exit(1)
    err.print(f"stopped following {feed}", highlight=False)


# -- zones ---------------------------------------------------------------------------------------

def _around(text: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(x) for x in text.split(","))
    except ValueError:
        raise typer.BadParameter(f"{text!r}: expected LAT,LON,KM such as 35.9,36.6,20", param_hint="--around") from None
    return lat, lon, km


@zone_app.command("add")
def zone_add(
    name: Annotated[str, typer.Argument(help="The zone's name.")],
    valid_from: Annotated[dt.datetime, typer.Option("--from", formats=["%Y-%m-%d"], help="In force from.")],
    geojson: Annotated[Path | None, typer.Option(exists=True, dir_okay=False, help="GeoJSON polygon, multipolygon "
                                                 "(or a line or point with --buffer).")] = None,
    buffer: Annotated[float | None, typer.Option(help="KM around the --geojson shape (a contact line).")] = None,
    around: Annotated[str | None, typer.Option(help="LAT,LON,KM: a circle around a point.")] = None,
    admin: Annotated[str | None, typer.Option(help="GeoNames ids of admin areas, comma-separated "
                                              "(169387: Idlib governorate).")] = None,
    valid_to: Annotated[dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="In force until.")] = None,
    note: Annotated[str | None, typer.Option(help="What the zone is (the agreement, its terms).")] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Add a watch zone: a GeoJSON area, a circle around a point, or admin areas, in force from a date."""
    from dateline.zones import ZoneError, admin_zone, around_zone, geojson_zone

    if sum(x is not None for x in (geojson, around, admin)) != 1:
        raise typer.BadParameter("give exactly one of --geojson FILE, --around LAT,LON,KM, --admin GEONAMEID")
    start, end = valid_from.date(), valid_to.date() if valid_to else None
    try:
        if geojson is not None:
            zone = geojson_zone(name, geojson, start, end, note, buffer)
        elif around is not None:
            zone = around_zone(name, *_around(around), start, end, note)
        else:
            zone = admin_zone(name, [int(x) for x in (admin or "").split(",") if x.strip()], start, end, note)
    except (ZoneError, ValueError) as exc:
        err.print(f"zone {name!r} not added: {exc}", highlight=False)
        raise typer.Exit(1) from None
    with _open(db) as store:
        if not store.add_zone(zone):
            err.print(f"a zone named {name!r} is already in {db}: remove it first (`dateline zone remove {name}`)",
                      highlight=False)
            raise typer.Exit(1)
    err.print(f"zone {name}: {zone.kind}, covering {', '.join(zone.admin_areas) or 'no known admin area'} "
              f"in {', '.join(zone.countries) or '?'}, from {start}" + (f" to {end}" if end else ""), highlight=False)


@zone_app.command("list")
def zone_list(db: Db = DEFAULT_DB) -> None:
    """The zones, with their kind, validity and the admin areas they cover."""
    with _open(db) as store:
        zones = store.zones()
    table = Table(title=f"{len(zones)} zone{'s' if len(zones) != 1 else ''} in {db}")
    for column in ("name", "kind", "from", "to", "areas", "note"):
        table.add_column(column, overflow="fold")
    for z in zones:
        table.add_row(z.name, z.kind, str(z.valid_from), str(z.valid_to or ""), ", ".join(z.admin_areas), z.note or "")
    out.print(table)


@zone_app.command("show")
def zone_show(name: Annotated[str, typer.Argument(help="The zone's name.")], db: Db = DEFAULT_DB) -> None:
    """One zone as a GeoJSON Feature (geometry, validity, covered areas)."""
    from dateline.zones import zones_geojson

    with _open(db) as store:
        zone = store.zone(name)
    if zone is None:
        err.print(f"no zone {name!r} in {db} (see `dateline zone list`)", highlight=False)
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(zones_geojson([zone])["features"][0], indent=2) + "\n")


@zone_app.command("remove")
def zone_remove(name: Annotated[str, typer.Argument(help="The zone's name.")], db: Db = DEFAULT_DB) -> None:
    """Remove a zone and the record of the violations reported for it."""
    with _open(db) as store:
        removed = store.remove_zone(name)
    if not removed:
        err.print(f"no zone {name!r} in {db} (see `dateline zone list`)", highlight=False)
        raise typer.Exit(1)
    err.print(f"removed zone {name}", highlight=False)


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@zone_app.command("report")
def zone_report_command(
    name: Annotated[str, typer.Argument(help="The zone's name.")],
    since: Day = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="table, json, or a markdown brief.")] = (
        ReportFormat.table),
    types: Types = None,
    top: Annotated[int, typer.Option(min=1, help="How many events to list.")] = 10,
    min_confidence: Annotated[float | None, typer.Option(min=0, max=1, help="Leave out less certain events "
                                                         "(default: the listings' threshold).")] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """What happened inside a zone since a date: violations per day and type, the top events and their sources."""
    from dateline.zones import report_markdown, report_table, zone_report

    with _open(db) as store:
        zone = store.zone(name)
        if zone is None:
            err.print(f"no zone {name!r} in {db} (see `dateline zone list`)", highlight=False)
            raise typer.Exit(1)
        report = zone_report(store, zone, since.date() if since else None, _types(types),
                             _min_confidence() if min_confidence is None else min_confidence)
    if fmt is ReportFormat.json:
        sys.stdout.write(json.dumps(report.to_json(top), ensure_ascii=False, indent=2) + "\n")
    elif fmt is ReportFormat.markdown:
        sys.stdout.write(report_markdown(report, top))
    else:
        out.print(report_table(report, top))


# -- watching ------------------------------------------------------------------------------------

def _emit(violation: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(violation, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def watch_command(
    every: Annotated[str, typer.Option(help="How often to poll: 15m, 30s, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron).")] = False,
    post: Annotated[str | None, typer.Option(help="POST each new violation as JSON to this URL.")] = None,
    since: Day = None,
    types: Types = None,
    min_confidence: Annotated[float | None, typer.Option(min=0, max=1, help="Leave out less certain events.")] = None,
    pace: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a server.")] = 20.0,
    db: Db = DEFAULT_DB,
) -> None:
    """Poll the feeds, ingest new articles, and print each new zone violation once as a JSON line."""
    from dateline.feeds import WatchSettings, watch

    settings = WatchSettings(types=_types(types), since=since.date() if since else None, post_url=post, pace=pace,
                             timeout=timeout,
                             min_confidence=_min_confidence() if min_confidence is None else min_confidence)
    interval = None if once else parse_every(every)
    try:
        watch(lambda: _open(db), settings, _emit, interval,
              on_pass=lambda report: err.print(f"{dt.datetime.now():%H:%M:%S} {report.summary()}", highlight=False))
    except KeyboardInterrupt:
        err.print("stopped; the next `dateline watch` goes on from here")


def ingest_feeds(db: str, model: str | None, batch_size: int, pace: float = 1.0) -> int:
    """`dateline ingest --feeds`: one pass over the feeds, no violations; the number of problems."""
    from dateline.feeds.watch import WatchReport, WatchSettings, ingest_new_entries

    report = WatchReport()
    with _open(db) as store:
        ingest_new_entries(store, WatchSettings(model=model, batch_size=batch_size, pace=pace), report)
    for where, reason in report.feeds.problems + report.ingest.failed:
        err.print(Text.assemble(("skipped", "yellow"), f" {where}: {reason}"), highlight=False)
    err.print(f"{db}: {report.feeds.summary()}; {report.ingest.summary()}", highlight=False)
    return len(report.feeds.problems) + len(report.ingest.failed)


__all__ = ["feed_app", "ingest_feeds", "parse_every", "watch_command", "zone_app"]
