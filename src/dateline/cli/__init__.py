"""The `dateline` command: a thin face over the library (read, pipeline, store, render).

Exit status: 0 when every input was used, 1 when some inputs were skipped (each is
named on stderr with the reason; the rest were processed), 2 on usage errors. The shared
options and helpers are in `cli.options`, the gazetteer commands in `cli.gazetteer`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dateline import render
from dateline.cli.gazetteer import gazetteer_app
from dateline.cli.options import (
    ArticleSeconds,
    BatchChars,
    BatchSize,
    DayFirst,
    Db,
    EventsFormat,
    ExtractFormat,
    LangChoice,
    LangOption,
    MaxChars,
    Model,
    count_of,
    date_order,
    err,
    filtered,
    json_text,
    open_or_exit,
    out,
    report_skips,
    set_budget,
    view_or_exit,
)
from dateline.config import SettingError
from dateline.events.verify import option_default
from dateline.feeds.commands import feed_app, ingest_feeds, watch_command, zone_app
from dateline.read import DEFAULT_MAX_CHARS, DateOrder, ReadReport, read_articles
from dateline.store import DEFAULT_DB, EventFilter, Store, StoreError, is_postgres_url
from dateline.timeline import Timeline, TimelineQuery, build_timeline, summarise

__all__ = ["app", "main"]


class _Command(typer.Typer):
    """The `dateline` command. A store that cannot be used (locked, missing, not a database) or a
    setting that cannot be read, met at any point of any command, is a message and exit 1, not a traceback."""

    def __call__(self, *args: object, **kwargs: object) -> object:
        try:
            return super().__call__(*args, **kwargs)
        except (StoreError, SettingError) as exc:
            err.print(str(exc), highlight=False)
            sys.exit(1)


app = _Command(help="Dated news articles in, cited political events out: who did what to whom, where and when.",
               no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(feed_app, name="feed")
app.add_typer(zone_app, name="zone")
app.command("watch")(watch_command)

EXAMPLES = Path(__file__).parent.parent / "data" / "examples"


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="jsonl: one object per article.")] = (
        ExtractFormat.jsonl),
    model: Model = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    batch_size: BatchSize = 32,
    dayfirst: DayFirst = None,
    with_text: Annotated[bool, typer.Option("--text/--no-text", help="Include each article's text, which the "
                                            "offsets point into, in its JSON.")] = True,
    article_seconds: ArticleSeconds = None,
    batch_chars: BatchChars = None,
    lang: LangOption = LangChoice.skip,
    min_confidence: Annotated[float | None, typer.Option(min=0, max=1, help="Leave out less certain events (0: all); "
                                                         "negated, hypothetical and future events stay, flagged.")] = (
        option_default()),
) -> None:
    """Read articles and print their timexes, places, actors and events (stateless).

    Events below `--min-confidence` (the documented default view) are left out, as in every listing;
    `--min-confidence 0` prints them all."""
    from dateline.pipeline import process

    min_confidence = view_or_exit(min_confidence)
    set_budget(article_seconds, batch_chars)

    report = ReadReport()
    failures: list[tuple[str, str]] = []
    articles = read_articles(files, report, max_chars, date_order=date_order(dayfirst), lang=lang.value)
    docs = process(articles, model=model, batch_size=batch_size,
                   on_failure=lambda f: failures.append((f.origin, f.reason)))
    for doc in docs:
        indent = 2 if fmt is ExtractFormat.json else None
        shown = doc.with_events_at_least(min_confidence)
        sys.stdout.write(json_text(shown.to_json(with_text=with_text), indent) + "\n")
        sys.stdout.flush()
    report_skips(report.skipped + failures, report.warnings)
    if report.skipped or failures:
        err.print(report.summary() + (f", {len(failures)} failed in processing" if failures else ""))
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders, or - for standard input.")] = None,
    db: Db = DEFAULT_DB,
    model: Model = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    batch_size: BatchSize = 32,
    dayfirst: DayFirst = None,
    feeds: Annotated[bool, typer.Option("--feeds", help="Also fetch the followed feeds' new articles "
                                        "(`dateline feed add URL`).")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes (default: the "
                                                "number of cores).")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Run on this Dask cluster "
                                                  "(tcp://HOST:PORT).")] = None,
    cluster: Annotated[str | None, typer.Option("--cluster", help="Run on a Dask LocalCluster started here: "
                                                "local or local:N workers.")] = None,
    checkpoints: Annotated[Path | None, typer.Option("--checkpoints", help="Folder of the run's checkpoints, "
                                                     "from which an interrupted run resumes (default: in the "
                                                     "cache folder, one per database).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Articles per partition: the "
                                                "unit sent to a worker, stored and checkpointed.")] = 64,
    article_seconds: ArticleSeconds = None,
    batch_chars: BatchChars = None,
    lang: LangOption = LangChoice.skip,
) -> None:
    """Process articles and store them; articles already stored are left as they are."""
    set_budget(article_seconds, batch_chars)
    if scheduler and cluster:
        raise typer.BadParameter("give --scheduler or --cluster, not both", param_hint="--cluster")
    if not paths and not feeds:
        raise typer.BadParameter("give files or folders to ingest, or --feeds", param_hint="PATHS")
    problems = ingest_feeds(db, model, batch_size) if feeds else 0
    report = _ingest(paths, db, model, max_chars, batch_size, date_order(dayfirst),
                     workers=workers, cluster=scheduler or cluster, checkpoints=checkpoints,
                     partition_size=partition_size, lang=lang) if paths else None
    if problems or (report and report.skipped):
        raise typer.Exit(1)


def _ingest(paths: list[str], db: str, model: str | None, max_chars: int, batch_size: int,
            date_order: DateOrder | None = None, workers: int | None = None, cluster: str | None = None,
            checkpoints: Path | None = None, partition_size: int = 64, lang: LangChoice = LangChoice.skip):
    from dateline.scale import Progress as RunProgress
    from dateline.scale import ingest_with

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    # A progress bar is for a person watching; in a log or a pipe it would be noise with timings in it.
    with open_or_exit(db) as store, Progress(*columns, console=err, transient=False,
                                      disable=not err.is_terminal) as progress:
        task = progress.add_task("processing articles", total=None, rate="")

        def tick(state: RunProgress) -> None:
            progress.update(task, completed=state.done, total=state.total, rate=state.describe())

        report = ingest_with(paths, store, db, model=model, batch_size=batch_size, workers=workers,
                             cluster=cluster, checkpoints=checkpoints, partition_size=partition_size,
                             max_chars=max_chars, date_order=date_order, on_progress=tick if err.is_terminal else None,
                             lang=lang.value)
        progress.update(task, total=progress.tasks[0].completed)
    report_skips(report.skipped, report.read.warnings)
    err.print(f"{db}: {report.summary()}", highlight=False)
    return report


@app.command()
@filtered
def events(flt: EventFilter, db: Db = DEFAULT_DB,
           fmt: Annotated[EventsFormat, typer.Option("--format")] = EventsFormat.table) -> None:
    """List stored events, filtered; oldest first."""
    with open_or_exit(db, read_only=True) as store:
        found = store.events(flt)
    if fmt is EventsFormat.json:
        sys.stdout.write(render.events_jsonl(found))
    elif fmt is EventsFormat.csv:
        sys.stdout.write(render.events_csv(found))
    else:
        out.print(render.events_table(found, title=count_of(len(found), "event") + f" in {db}"))


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    polecat = "polecat"
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    geojson = "geojson"


@app.command()
@filtered
def export(
    flt: EventFilter,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="gdelt and polecat: tab-separated; parquet: a folder "
                                              "partitioned by year and month.")],
    output: Annotated[Path | None, typer.Option("--output", help="File to write (a folder for parquet; gdelt also "
                                                "writes NAME.mentions.EXT beside it); else standard output.")] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Write stored events, filtered as `events` filters them, as GDELT, POLECAT, JSON Lines, Parquet, CSV or
    GeoJSON; oldest first."""
    from dateline.store.export import ExportError, export_events

    with open_or_exit(db, read_only=True) as store:
        try:
            summary = export_events(store, fmt.value, flt, output)
        except ExportError as exc:
            err.print(str(exc), highlight=False)
            raise typer.Exit(2) from None
    if summary.files:
        err.print(f"{count_of(summary.events, 'event')} written to {', '.join(map(str, summary.files))}",
                  highlight=False)


@app.command()
def show(event_id: Annotated[str, typer.Argument(help="Event id (a unique prefix will do).")],
         db: Db = DEFAULT_DB) -> None:
    """Explain one event: its sentence, trigger, lexicon rule, parties and their dictionary entries; for a
    happening several articles report, every report and why it was joined."""
    with open_or_exit(db, read_only=True) as store:
        ev = store.event(event_id)
        article = store.article(ev.article_id) if ev and ev.article_id else None
    if ev is None:
        err.print(f"no single event with id {event_id!r} in {db} (list ids with `dateline events`)")
        raise typer.Exit(1)
    render.show_event(out, ev, article)


class TimelineFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    events = "events"


@app.command()
def timeline(
    query: Annotated[str | None, typer.Argument(help="Words the articles must contain (e.g. Idlib).")] = None,
    db: Db = DEFAULT_DB,
    inputs: Annotated[list[str] | None, typer.Option("--input", help="Read these files or folders instead of "
                                                     "a store (the pipeline runs in memory).")] = None,
    actor: Annotated[str | None, typer.Option(help="Party name (substring) or country code.")] = None,
    country: Annotated[str | None, typer.Option(help="Party country (ISO-3) or location (ISO-2).")] = None,
    place: Annotated[str | None, typer.Option(help="Location name (substring).")] = None,
    zone: Annotated[str | None, typer.Option(help="Only events placed inside this watch zone (see `dateline "
                                             "zone list`); needs a store.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[dt.datetime | None, typer.Option("--from", "--since", formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option("--to", "--until", formats=["%Y-%m-%d"])] = None,
    dates: Annotated[int, typer.Option("--dates", min=1, help="How many dates (L).")] = 10,
    per_date: Annotated[int, typer.Option("--per-date", min=1, help="Sentences for each date (K).")] = 2,
    fast: Annotated[bool, typer.Option("--fast", help="With --input: dates and sentences only, no events "
                                       "(about ten times faster).")] = False,
    min_confidence: Annotated[float | None, typer.Option(min=0, max=1, help="Leave out less certain events.")] = (
        option_default()),
    fmt: Annotated[TimelineFormat, typer.Option("--format", help="table, json or markdown: the summarised "
                                                "timeline; events: every stored event folded by date.")] = (
        TimelineFormat.table),
    model: Model = None,
) -> None:
    """The most important dates for a query, each told by a few sentences that cite their articles; with
    `--zone`, only what happened inside one watch zone (`--format events`: its events day by day)."""
    if zone and inputs:
        err.print("--zone reads the zones of a store; leave out --input (or ingest the files first)")
        raise typer.Exit(2)
    min_confidence = view_or_exit(min_confidence)
    if fmt is TimelineFormat.events:
        flt = EventFilter(type=type_, actor=actor, country=country, place=place, text=query,
                          since=since.date() if since else None, until=until.date() if until else None)
        with open_or_exit(db, read_only=True) as store:
            within = _zone_events(store, zone, db)
            found = [ev for ev in store.events(flt) if within is None or ev.id in within]
        out.print(render.timeline_table(build_timeline(found, min_confidence=min_confidence)))
        return
    wanted = TimelineQuery(text=query, actor=actor, country=country, place=place, type=type_,
                           since=since.date().isoformat() if since else None,
                           until=until.date().isoformat() if until else None,
                           dates=dates, per_date=per_date, min_confidence=min_confidence)
    if inputs:
        result = _timeline_of_files(inputs, wanted, fast, model)
    else:
        with open_or_exit(db, read_only=True) as store:
            result = summarise(wanted, store=store, within=_zone_events(store, zone, db))
    if fmt is TimelineFormat.json:
        sys.stdout.write(json_text(result.to_json(), 2) + "\n")
    elif fmt is TimelineFormat.markdown:
        sys.stdout.write(render.timeline_markdown(result))
    else:
        out.print(render.summary_table(result))


def _zone_events(store: Store, name: str | None, db: str) -> frozenset[str] | None:
    """Ids of the events inside the watch zone `name` (None when no zone is asked); exits naming the zones
    command when the store has no such zone."""
    if name is None:
        return None
    from dateline.zones import events_inside

    zone = store.zone(name)  # type: ignore[attr-defined]  # every SQL store keeps zones
    if zone is None:
        err.print(f"no zone {name!r} in {db} (see `dateline zone list`)", highlight=False)
        raise typer.Exit(1)
    return frozenset(events_inside(store, zone))


def _timeline_of_files(paths: list[str], query: TimelineQuery, fast: bool, model: str | None) -> Timeline:
    """Summarise a timeline straight from files, skipped inputs named on stderr."""
    from dateline.timeline.inputs import processed_documents

    report = ReadReport()
    failures: list[tuple[str, str]] = []
    articles = read_articles(paths, report, DEFAULT_MAX_CHARS)
    docs = processed_documents(articles, fast=fast, model=model,
                               on_failure=lambda f: failures.append((f.origin, f.reason)))
    result = summarise(query, documents=docs)
    report_skips(report.skipped + failures)
    return result


@app.command()
def demo(db: Db = DEFAULT_DB, model: Model = None) -> None:
    """Ingest the bundled example articles, then print their events and a timeline."""
    err.print(f"Ingesting the example articles in {EXAMPLES} into {db} …")
    _ingest([str(EXAMPLES)], db, model, DEFAULT_MAX_CHARS, 32)
    with open_or_exit(db, read_only=True) as store:
        found = store.events(EventFilter())
        entries = build_timeline(found)
    out.print(render.events_table(found, title=count_of(len(found), "event") + f" in {db}"))
    out.print(render.timeline_table(entries[:25], title="Timeline (first 25 dates)"))
    err.print("Next: `dateline events --type AGREE`, `dateline show ID`, `dateline timeline --actor TUR`.")
    out.print(f"Web page: `dateline serve --db {db}`, then open http://{SERVE_HOST}:{SERVE_PORT}/",
              highlight=False, soft_wrap=True)


@app.command()
def optimize(db: Db = DEFAULT_DB) -> None:
    """Put a store in shape for fast listings after a bulk ingest (DuckDB: events rewritten in listing order)."""
    if not is_postgres_url(db) and not Path(db.removeprefix("duckdb:")).exists():
        err.print(f"no database at {db}: nothing to optimize", highlight=False)
        raise typer.Exit(1)
    with open_or_exit(db) as store:
        store.optimize(say=lambda message: err.print(f"{db}: {message}", highlight=False))
    err.print(f"{db}: optimized", highlight=False)


SERVE_HOST, SERVE_PORT = "127.0.0.1", 8000


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")] = SERVE_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = SERVE_PORT,
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) and the web page over a store; Ctrl-C stops it."""
    import os

    import uvicorn

    if not is_postgres_url(db) and not Path(db.removeprefix("duckdb:")).exists():
        err.print(f"no database at {db}: ingest articles first (`dateline ingest FILE --db {db}`, or `dateline demo "
                  f"--db {db}`)", highlight=False)
        raise typer.Exit(1)
    open_or_exit(db, read_only=True).close()  # a foreign or newer database is reported now, not on the first request
    os.environ["DATELINE_DB"] = db  # the app factory reads the database from the settings, as every face does
    err.print(f"dateline: serving {db} at http://{host}:{port}/ (API docs at /docs)", highlight=False)
    uvicorn.run("dateline.api:app_from_settings", factory=True, host=host, port=port, log_level="warning")


@app.command()
def schema() -> None:
    """Print the JSON Schema of `dateline extract`'s output (one object per article), generated from the model."""
    from dateline.model import extract_schema

    sys.stdout.write(json.dumps(extract_schema(), ensure_ascii=False, indent=2) + "\n")


def main() -> None:  # pragma: no cover - console entry
    app()
