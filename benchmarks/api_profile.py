"""Where an API request's time goes: SQL statements issued per request, their time, and the request's CPU.

Runs the app in this process (FastAPI's test client, so HTTP parsing is left out) over a store and asks each
route a few times after one warm-up request; every statement the store runs is counted (`SQLStore._fetch` is
wrapped here, for this measurement only). `--cprofile` adds the route's own functions by time, called
directly rather than through the client (the client runs routes in worker threads, which cProfile does not see).

    .venv/bin/python benchmarks/api_profile.py --db STORE.duckdb ["/events?limit=50&actor=Egypt" ...]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import time
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.store.sql import SQLStore

ROUTES = ["/events?limit=50", "/events?limit=50&actor=Egypt", "/events?limit=50&type=PROTEST", "/stats",
          "/places", "/timeline?dates=12&per_date=2", "/timeline?type=PROTEST"]
#: (seconds, statement) of every statement run since the list was last cleared.
STATEMENTS: list[tuple[float, str]] = []


def count_statements() -> None:
    """Record every statement any SQL store runs in STATEMENTS (wraps `SQLStore._fetch` and its overrides)."""
    for cls in (SQLStore, *SQLStore.__subclasses__()):
        if "_fetch" not in vars(cls):
            continue
        plain: Callable[..., Any] = vars(cls)["_fetch"]

        def timed(self: SQLStore, con: Any, sql: str, params: Any = (), _plain: Callable[..., Any] = plain) -> Any:
            started = time.perf_counter()
            try:
                return _plain(self, con, sql, params)
            finally:
                STATEMENTS.append((time.perf_counter() - started, " ".join(sql.split())[:100]))

        cls._fetch = timed  # type: ignore[method-assign]


def profile_route(client: TestClient, url: str, repeats: int) -> dict[str, Any]:
    """Statements per request, their wall time, and the request's CPU (median over `repeats` after a warm-up)."""
    client.get(url)
    cpu, statements, sql_ms = [], [], []
    for _ in range(repeats):
        STATEMENTS.clear()
        started = time.process_time()
        response = client.get(url)
        cpu.append(1000 * (time.process_time() - started))
        statements.append(len(STATEMENTS))
        sql_ms.append(1000 * sum(took for took, _ in STATEMENTS))
    return {"route": url, "status": response.status_code, "bytes": len(response.content),
            "cpu_ms_median": round(statistics.median(cpu), 1), "statements": statistics.median(statements),
            "sql_wall_ms_median": round(statistics.median(sql_ms), 1),
            "last_statements": [f"{1000 * took:.1f} ms {sql}" for took, sql in STATEMENTS]}


def cprofile_events(db: str, query: str, top: int) -> str:
    """cProfile of building one `/events` page in this thread (the route's library calls and its JSON) as for a page
    no one asked yet and whose events no page listed: the costliest case (`apiforms.KeptListings` keeps the rest)."""
    from dateline.apiforms import Sent, with_marks
    from dateline.store import browse, open_store
    from dateline.store.base import EventFilter

    actor = query.partition("actor=")[2] or None
    with open_store(db, read_only=True) as store:
        flt = EventFilter(actor=actor, min_confidence=0.35)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            page = browse.events_page(store, flt, 50)
            Sent({"events": [with_marks(ev, page.mentions.get(ev["article_id"], ())) for ev in page.events]})
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> None:
    """Profile each route of the API on the store named by --db and print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("routes", nargs="*", default=ROUTES)
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--settle", type=float, default=15, help="seconds to let the server prepare timelines first")
    ap.add_argument("--cprofile", metavar="QUERY", help="also profile building an /events page, e.g. actor=Egypt")
    args = ap.parse_args()
    count_statements()
    with TestClient(create_app(args.db)) as client:
        time.sleep(args.settle)
        for url in args.routes:
            print(json.dumps(profile_route(client, url, args.repeats)))
    if args.cprofile is not None:
        print(cprofile_events(args.db, args.cprofile, 20))


if __name__ == "__main__":
    main()
