"""The HTTP API: the store's events, timelines, parties, places and articles as JSON, and the web page.

A thin face over the library, as the CLI is: every route opens the store, calls one library
function (`dateline.store.browse`, `Store.event`, `dateline.timeline.summarise`, `dateline.ingest`)
and returns its result in the model's JSON form. No NLP happens here except through
`POST /ingest`, which hands the articles to the ingest library.

* Every listing takes the filters of `dateline events` (`type`, `actor`, `country`, `place`,
  `near`, `since`, `until`, `text`, `article`, `all`, `min_confidence`) and leaves out, like every
  listing, events below the default confidence and negated or hypothetical ones unless asked.
* `/export?format=csv|jsonl|geojson|gdelt|gdelt-mentions|polecat` writes the same events with the
  export library of `dateline export`.
* `/events` pages with an opaque `cursor` (keyset pagination: stable while ingests add events).
* `zone=NAME` keeps the events placed inside a watch zone (`/zones` gives the zones as GeoJSON): which
  events those are is judged once per zone and store version (`dateline.zones.events_inside`).
* Timelines are answered from kept material (`dateline.timeline.stored`), which a server prepares in the
  background when it starts; counts, the chart's, the map's and the parties' aggregates and zone memberships are
  kept until the store changes (`KeptUntilChange`), and so are `/events` pages and each listed event's JSON
  (`KeptListings`); responses are gzipped, and vendored assets may be cached by the browser.
* The store is opened once, read-only; a DuckDB file is let go after 0.2 s without requests,
  so `dateline ingest` in another process is never locked out for long.
* `POST /ingest` exists only when a token is configured (`DATELINE_API_TOKEN`, read by
  `dateline.config`); the token is compared in constant time and bodies are size-limited.
* Clients get clear 4xx messages for bad input and never a stack trace; CORS stays closed
  (no cross-origin headers are sent), and the page's Content-Security-Policy allows this
  origin only, so nothing is fetched from elsewhere.

`create_app(db)` builds the app; `dateline serve` runs `app_from_settings` under uvicorn.
"""

from __future__ import annotations

import hmac
import logging
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import astuple
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi import Query as QueryParam
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask

from dateline.apiforms import PAGE_SIZE, EventQuery, KeptListings, KeptUntilChange, Sent, event_json, posted_articles
from dateline.config import settings
from dateline.store import DuckDBStore, Store, StoreError, browse, is_postgres_url, open_store
from dateline.store.base import EventFilter
from dateline.store.export import export_events
from dateline.timeline import TimelineQuery, summarise
from dateline.timeline.stored import prepare
from dateline.zones import zones_geojson

WEB = Path(__file__).parent / "web"
#: The largest `POST /ingest` body accepted, in bytes.
MAX_INGEST_BYTES = 20_000_000
#: Security headers of every response: the page may load from this origin only.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
#: How long a browser may keep a static file: vendored libraries and outlines a week, the page's own files only
#: after asking again (an upgrade changes them).
CACHE_VENDORED, CACHE_OWN = "public, max-age=604800", "no-cache"
log = logging.getLogger("dateline.api")


class StoreUnavailable(Exception):
    """The configured database cannot be read (missing, foreign, busy); its message says what to do."""


class SharedReader:
    """The app's one read-only store, opened on first use and kept: opening a store per request costs more
    than answering most requests. A DuckDB file is still let go after `LINGER` idle seconds, so an ingest
    in another process waits at most that long; a PostgreSQL connection is simply kept."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._store: Store | None = None
        self._lock = threading.Lock()

    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                try:
                    self._store = (open_store(self.target, read_only=True) if is_postgres_url(self.target) else
                                   DuckDBStore(self.target.removeprefix("duckdb:"), read_only=True,
                                               release_when_idle=True))
                except (StoreError, FileNotFoundError) as exc:
                    raise StoreUnavailable(str(exc)) from None
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def _reading_store(request: Request) -> Store:
    """The app's read-only store (see `SharedReader`)."""
    return request.app.state.reader.store()


#: The timeline the page shows first (app.js asks `/timeline?dates=12&per_date=2` with no filter): made when a
#: server starts, right after the articles are split, so the first visitor finds it kept.
FRONT_PAGE_TIMELINE = TimelineQuery(dates=12, per_date=2)


def _prepare_front_page(app: FastAPI) -> None:
    """Make what the page asks first, with no filter, ahead of the first visitor (run in the background when a
    server starts): its first `/events` page, `/stats` and `/places`, kept until the store changes, then the
    newest articles' dates, titles and mentions that `/events` pages show and mark (`KeptListings`), then the
    articles split for timelines and the page's first timeline."""
    try:
        took = time.perf_counter()
        store, kept, query = app.state.reader.store(), app.state.kept, EventQuery()
        app.state.listings.body(store, query.filter(), PAGE_SIZE, None, None, None, kept)
        _stats(kept, store, query, None)
        _places(kept, store, query, None, PLACES)
        app.state.listings.read_articles_ahead(store)
        count = prepare(store)
        summarise(FRONT_PAGE_TIMELINE, store=store)
        log.info("the page's first answers and the timeline material of %d articles ready in %.1f s", count,
                 time.perf_counter() - took)
    except Exception as exc:  # noqa: BLE001 - only a head start: the first requests do it otherwise
        log.warning("the page's first answers and timeline material not prepared at start (the first requests "
                    "will make them): %s: %s", type(exc).__name__, exc)


Reading = Annotated[Store, Depends(_reading_store)]
Filters = Annotated[EventQuery, Depends()]


def create_app(db: str | None = None, token: str | None = None, max_body: int = MAX_INGEST_BYTES) -> FastAPI:
    """The API over the store at `db` (default: the settings' database); `POST /ingest` only with a `token`."""
    target = db or settings().db
    reader = SharedReader(target)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_prepare_front_page, args=(app,), name="dateline-front-page", daemon=True).start()
        yield
        reader.close()

    app = FastAPI(title="dateline", version="0.1.0", lifespan=lifespan, summary="Cited political events: who did "
                  "what to whom, where and when, with the sentence that says so.")
    app.state.db, app.state.reader, app.state.kept = target, reader, KeptUntilChange()
    app.state.listings = KeptListings()
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    _error_handlers(app)
    _read_routes(app)
    _export_route(app)
    if token:
        _ingest_route(app, token, max_body)
    _page_routes(app)
    return app


def app_from_settings() -> FastAPI:
    """The app over the settings' database and token (uvicorn's factory for `dateline serve`)."""
    current = settings()
    return create_app(current.db, current.api_token)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreUnavailable)
    async def unavailable(_request: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error; the server's log has the details"}, status_code=500)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        """Security headers on every response, and a Server-Timing header with the request's wall-clock and CPU
        milliseconds (the CPU figure, all of the server's threads, stays meaningful on a busy machine)."""
        wall, cpu = time.perf_counter(), time.process_time()
        response = await call_next(request)
        response.headers.update(PAGE_HEADERS)
        if request.url.path.startswith("/static/"):
            vendored = request.url.path.startswith("/static/vendor/")
            response.headers["Cache-Control"] = CACHE_VENDORED if vendored else CACHE_OWN
        response.headers["Server-Timing"] = (f"app;dur={1000 * (time.perf_counter() - wall):.1f}, "
                                             f"cpu;dur={1000 * (time.process_time() - cpu):.1f}")
        return response


def _within(request: Request, store: Store, query: EventQuery) -> frozenset[str] | None:
    """The ids of the events inside the query's zone (None: no zone asked)."""
    return request.app.state.kept.zone_members(store, query.zone) if query.zone else None


def _read_routes(app: FastAPI) -> None:
    @app.get("/events", summary="Events matching the filters, oldest first, a page at a time; `total` is counted "
             "on the first page (no cursor) only")
    def list_events(request: Request, store: Reading, query: Filters, limit: Annotated[int, _page_size()] = PAGE_SIZE,
                    cursor: str | None = None) -> Response:
        flt, within, kept = query.filter(), _within(request, store, query), request.app.state.kept
        try:
            body = request.app.state.listings.body(store, flt, limit, cursor, within, query.zone, kept)
        except browse.CursorError as exc:
            raise HTTPException(400, str(exc)) from None
        return Response(body, media_type="application/json")

    @app.get("/events/{event_id}", summary="One event (a unique id prefix will do) with its mentions and evidence")
    def one_event(store: Reading, event_id: str) -> Sent:
        ev = store.event(event_id) if "\x00" not in event_id else None  # no id holds NUL (PostgreSQL refuses it)
        if ev is None:
            raise HTTPException(404, f"no single event with id {event_id!r}: give more of its id")
        article = store.article(ev.article_id) if ev.article_id else None
        marks = browse.article_marks(store.rows, [ev.article_id] if ev.article_id else []).get(ev.article_id or "")
        return Sent(event_json(ev, marks.mentions if marks else (), article, explain=True))

    @app.get("/timeline", summary="The summarised timeline of a query: its most important days, each told by "
             "a few sentences that cite their articles")
    def timeline(request: Request, store: Reading, query: Filters, dates: Annotated[int, _page_size(100, "days")] = 10,
                 per_date: Annotated[int, _page_size(10, "sentences a day")] = 2) -> Sent:
        within = _within(request, store, query)
        return Sent(summarise(query.timeline_query(dates, per_date), store=store, within=within).to_json())

    @app.get("/actors", summary="The parties of the matching events, most events first")
    def actors(request: Request, store: Reading, query: Filters,
               limit: Annotated[int, _page_size(1000, "parties")] = 50) -> Sent:
        flt, within = query.filter(), _within(request, store, query)
        return Sent(request.app.state.kept.get(store, ("actors", astuple(flt), query.zone, limit), lambda: {
            "actors": browse.party_counts(store, flt, limit, within)}))

    @app.get("/places", summary="The places the matching events happened at, most events first")
    def places(request: Request, store: Reading, query: Filters,
               limit: Annotated[int, _page_size(5000, "places")] = PLACES) -> Sent:
        return Sent(_places(request.app.state.kept, store, query, _within(request, store, query), limit))

    @app.get("/zones", summary="The store's watch zones as GeoJSON: geometry, kind, validity and note of each")
    def zones(store: Reading) -> Sent:
        return Sent(zones_geojson(store.zones()))  # type: ignore[attr-defined]  # every SQL store keeps zones

    @app.get("/articles/{article_id}", summary="One stored article, its text and its events")
    def article(store: Reading, article_id: str) -> Sent:
        found = store.article(article_id) if "\x00" not in article_id else None
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        events = store.events(EventFilter(article=article_id, include_negated=True))
        return Sent({"article": found.to_json(), "events": [ev.to_json(with_article=True) for ev in events]})

    @app.get("/stats", summary="Events per day and type for the filters, and what the store holds")
    def stats(request: Request, store: Reading, query: Filters) -> Sent:
        return Sent(_stats(request.app.state.kept, store, query, _within(request, store, query)))


#: The places a `/places` answer holds unless `limit` says otherwise.
PLACES = 2000


def _places(kept: KeptUntilChange, store: Store, query: EventQuery, within: frozenset[str] | None,
            limit: int) -> dict[str, Any]:
    """The body of `/places` (kept until the store changes)."""
    flt = query.filter()
    return kept.get(store, ("places", astuple(flt), query.zone, limit), lambda: {
        "places": [{"name": p.name, "country_code": p.country_code, "lat": p.lat, "lon": p.lon,
                    "events": p.events, "type": p.main_type, "types": p.types}
                   for p in browse.place_counts(store, flt, limit, within)]})


def _stats(kept: KeptUntilChange, store: Store, query: EventQuery, within: frozenset[str] | None) -> dict[str, Any]:
    """The body of `/stats` (kept until the store changes)."""
    from dateline.events.ontology import load_ontology

    flt = query.filter()
    return kept.get(store, ("stats", astuple(flt), query.zone), lambda: {
        "total": kept.count(store, flt, query.zone, within),
        "days": [{"date": day.isoformat(), "type": kind, "events": n}
                 for day, kind, n in browse.day_counts(store, flt, within)],
        "quads": {name: spec.quad for name, spec in load_ontology().types.items()},
        "store": browse.store_summary(store)})


#: The export formats the API serves (Parquet is a folder of files: `dateline export --format parquet`), their
#: media types and file suffixes.
EXPORTS = {"jsonl": ("application/x-ndjson", "jsonl"), "csv": ("text/csv", "csv"),
           "geojson": ("application/geo+json", "geojson"), "gdelt": ("text/tab-separated-values", "tsv"),
           "gdelt-mentions": ("text/tab-separated-values", "tsv"), "polecat": ("text/tab-separated-values", "tsv")}
ExportFormat = Literal["jsonl", "csv", "geojson", "gdelt", "gdelt-mentions", "polecat"]


def _export_route(app: FastAPI) -> None:
    @app.get("/export", summary="The matching events as a file: JSON Lines, CSV, GeoJSON, GDELT events or mentions, "
             "or POLECAT (the export library of `dateline export`)")
    def export(store: Reading, query: Filters, fmt: Annotated[ExportFormat, QueryParam(alias="format")]) -> Response:
        if query.zone:
            raise HTTPException(422, "exports are not narrowed by zone yet: leave out `zone`, or use "
                                     "`dateline zone report NAME --format json`")
        media, suffix = EXPORTS[fmt]
        spool = tempfile.NamedTemporaryFile("w+", encoding="utf-8", newline="", suffix=f".{suffix}", delete=False)
        with spool:  # written to disk a page of events at a time, so memory stays flat whatever the store holds
            export_events(store, fmt, query.filter(), stdout=spool)
        return FileResponse(spool.name, media_type=media, filename=f"dateline-events.{suffix}",
                            background=BackgroundTask(Path(spool.name).unlink, missing_ok=True))


def _page_size(most: int = 500, noun: str = "events") -> Any:
    return QueryParam(ge=1, le=most, description=f"At most this many {noun} (1–{most}).")


async def _authorised(request: Request) -> None:
    """Let a request through only with the app's token, compared in constant time."""
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret:
        raise HTTPException(401, "send the API token as `Authorization: Bearer TOKEN`",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(secret.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "wrong API token")


async def _posted_body(request: Request) -> bytes:
    """The request body, refused with a 413 as soon as it is over the app's limit (declared or streamed)."""
    most = request.app.state.max_body
    too_big = HTTPException(413, f"body over {most} bytes: send fewer articles per request")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > most:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > most:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


Posted = Annotated[bytes, Depends(_posted_body)]
#: What `POST /ingest` takes, for the schema (the route reads the raw body itself, so FastAPI cannot infer it).
INGEST_BODY = {"required": True, "content": {
    "application/json": {"schema": {"type": "array", "items": {
        "type": "object", "required": ["text", "date"], "properties": {
            "id": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"},
            "title": {"type": "string"}, "url": {"type": "string"}, "source": {"type": "string"}}}}},
    "application/x-ndjson": {"schema": {"type": "string", "description": "JSON Lines, one article a line"}}}}


def _ingest_route(app: FastAPI, token: str, max_body: int) -> None:
    app.state.token, app.state.max_body = token, max_body
    app.state.ingesting = threading.Lock()  # one ingest at a time: they would only queue in the store

    @app.post("/ingest", dependencies=[Depends(_authorised)], summary="Process and store articles: JSON Lines, a "
              "JSON array of objects with `text` and `date`, or any other form `dateline ingest` reads",
              openapi_extra={"requestBody": INGEST_BODY})
    def ingest(payload: Posted) -> dict[str, Any]:
        from dateline.ingest import ingest as ingest_paths

        try:
            articles = posted_articles(payload)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        with app.state.ingesting, tempfile.TemporaryDirectory(prefix="dateline-ingest-") as folder:
            path = Path(folder) / "body"  # no suffix: the readers tell JSON Lines, dateline text and HTML apart
            path.write_bytes(articles)
            try:
                opened = open_store(app.state.db)
            except StoreError as exc:
                raise StoreUnavailable(str(exc)) from None
            with opened:
                report = ingest_paths([path], opened)
        return {"read": report.read.read, "added": report.added, "existing": report.existing,
                "events": report.events, "skipped": [{"input": where.replace(str(path), "body"), "reason": why}
                                                     for where, why in report.skipped],
                "summary": report.summary()}


def _page_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")


__all__ = ["MAX_INGEST_BYTES", "app_from_settings", "create_app"]
