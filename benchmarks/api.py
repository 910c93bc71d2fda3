"""API speed on a store holding all of Timeline17: p95 of `/events` pages and `/timeline`, and the page's first render.

The first request, a one-day timeline sent as soon as the server answers, waits for the server's start-up
work (splitting every article for timelines) and is reported on its own. Timelines are timed twice over:
every request, and the first time each query is asked (the server keeps a
finished timeline until the store changes, so later asks are answered from it). The server process's CPU per
request comes from its Server-Timing header; on a shared machine it says more than the wall-clock time.

The store is built once (every T17 article, ids prefixed with their folder because the folders
reuse ids) into the cache folder and reused by later runs; an interrupted build goes on where it
stopped; `--rebuild` builds it again from nothing; `--db` measures any other store.

    .venv/bin/python benchmarks/api.py [--corpus ../shared/corpus/t17] [--requests 200] [--no-browser]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from dateline.config import cache_dir

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"


def t17_store(corpus: Path, rebuild: bool = False) -> Path:
    """The cached DuckDB file holding every article of `corpus`, built on first use."""
    from dateline.ingest import ingest
    from dateline.store import open_store

    folder = cache_dir() / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"{corpus.name}.duckdb"
    done = folder / f"{corpus.name}.complete"
    if done.exists() and db.exists() and not rebuild:
        return db
    merged = folder / f"{corpus.name}.jsonl"
    with merged.open("w", encoding="utf-8") as out:
        for path in sorted(corpus.glob("*/articles.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    row["id"] = f"{path.parent.name}-{row['id']}"
                    row.setdefault("source", path.parent.name)
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    done.unlink(missing_ok=True)
    if rebuild:
        db.unlink(missing_ok=True)  # otherwise an interrupted build goes on: stored articles are skipped
    started = time.perf_counter()
    with open_store(db) as store:
        report = ingest([merged], store, on_article=_progress)
    print(f"\nbuilt {db} in {time.perf_counter() - started:.0f} s: {report.summary()}", file=sys.stderr)
    done.write_text(report.summary() + "\n")
    return db


_seen = [0]


def _progress(_article: object) -> None:
    _seen[0] += 1
    if _seen[0] % 50 == 0:
        print(f"\r{_seen[0]} articles", end="", file=sys.stderr, flush=True)


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    """`dateline serve` over `db` on a free loopback port, answering; the process and its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dateline = str(Path(sys.executable).with_name("dateline"))
    proc = subprocess.Popen([dateline, "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/openapi.json", timeout=5).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"dateline serve did not answer: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")


#: The server's CPU seconds per request, by path, from its Server-Timing header.
SERVER_CPU: dict[str, list[float]] = {}


def timed(client: httpx.Client, url: str, params: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """Seconds one GET took (client side, HTTP included) and its JSON; a failed request ends the benchmark."""
    started = time.perf_counter()
    response = client.get(url, params=params)
    took = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"GET {url} {params}: {response.status_code} {response.text[:500]}")
    timing = dict(part.strip().split(";dur=") for part in response.headers["server-timing"].split(","))
    SERVER_CPU.setdefault(url, []).append(float(timing["cpu"]) / 1000)
    return took, response.json()


def queries(client: httpx.Client) -> list[dict[str, Any]]:
    """What an analyst asks of this store: everything, its top types, parties and countries, words, months."""
    _, stats = timed(client, "/stats", {})
    _, actors = timed(client, "/actors", {"limit": 6})
    asked: list[dict[str, Any]] = [{}]
    asked += [{"type": kind} for kind in list(stats["store"]["event_types"])[:4]]
    asked += [{"actor": party["name"]} for party in actors["actors"][:4]]
    asked += [{"country": party["country"]} for party in actors["actors"][:4] if party["country"]][:2]
    asked += [{"text": word} for word in ("protest", "oil", "police", "government")]
    days = sorted({day["date"][:7] for day in stats["days"]})
    months = days[len(days) // 8::max(1, len(days) // 4)][:4]  # four months spread over the store's span
    asked += [{"since": f"{month}-01", "until": f"{month}-28"} for month in months]
    return asked


def quantile_ms(seconds: list[float], share: float) -> float:
    """The `share` quantile of `seconds`, in milliseconds."""
    ordered = sorted(seconds)
    return round(1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


def event_pages(client: httpx.Client, asked: list[dict[str, Any]], pages: int, rounds: int) -> list[list[float]]:
    """Latencies of walking the first `pages` pages (50 events each) of every query, `rounds` times (a list per
    round: the first walk asks every page for the first time, later ones may be answered from kept pages)."""
    walks = []
    for _ in range(rounds):
        took: list[float] = []
        walks.append(took)
        for params in asked:
            cursor = None
            for _ in range(pages):
                seconds, body = timed(client, "/events", {**params, "limit": 50, **({"cursor": cursor} if cursor
                                                                                     else {})})
                took.append(seconds)
                cursor = body["next_cursor"]
                if not cursor:
                    break
    return walks


def first_render(base: str, runs: int) -> list[float]:
    """Seconds from navigation to every panel drawn (`body[data-ready=yes]`) in headless Chromium, per run."""
    from playwright.sync_api import sync_playwright

    took = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            started = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready=yes]", timeout=60_000)
            took.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=T17)
    ap.add_argument("--db", type=Path, help="measure this store instead of building the corpus's")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--rounds", type=int, default=3, help="times each query's pages are walked")
    ap.add_argument("--renders", type=int, default=5, help="page loads timed in Chromium")
    args = ap.parse_args()
    db = args.db or t17_store(args.corpus, args.rebuild)
    if args.build_only:
        print(db)
        return
    from dateline.store import open_store

    with open_store(db, read_only=True) as store:
        counts = store.counts()
    proc, base = serve(db)
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            # the server splits the store's articles for timelines when it starts, in the background: the first
            # timeline waits for that (the cold start), and what is measured after it is the server at work
            warmed, _ = timed(client, "/timeline", {"dates": 1, "per_date": 1})
            # the first visitor: the page loaded before anyone asked the server anything else
            first_visitor = first_render(base, 1) if args.renders else []
            asked = queries(client)
            walks = event_pages(client, asked, pages=5, rounds=args.rounds)
            pages, first_walk_cpu = [took for walk in walks for took in walk], SERVER_CPU["/events"][:len(walks[0])]
            rounds = [[timed(client, "/timeline", params)[0] for params in asked] for _ in range(args.rounds)]
            timelines = [took for one in rounds for took in one]
        renders = first_render(base, args.renders) if args.renders else []
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(json.dumps({
        "benchmark": "api", "store": str(db), "articles": counts["articles"], "events": counts["events"],
        "queries": len(asked), "first_timeline_after_start_ms": round(1000 * warmed, 1),
        "events_pages": len(pages), "events_page_p50_ms": quantile_ms(pages, 0.5),
        "events_page_p95_ms": quantile_ms(pages, 0.95),
        # the first walk: each page asked for the first time (no kept page; events other queries listed may be kept)
        "events_page_first_walk_p95_ms": quantile_ms(walks[0], 0.95),
        "events_page_first_walk_server_cpu_p95_ms": quantile_ms(first_walk_cpu, 0.95),
        "events_page_first_walk_server_cpu_p50_ms": quantile_ms(first_walk_cpu, 0.5),
        "timeline_requests": len(timelines),
        "timeline_p50_ms": quantile_ms(timelines, 0.5), "timeline_p95_ms": quantile_ms(timelines, 0.95),
        # the first time each query is asked (no finished timeline kept for it yet): the honest figure for new queries
        "timeline_first_ask_p95_ms": quantile_ms(rounds[0], 0.95),
        "timeline_first_ask_max_ms": quantile_ms(rounds[0], 1),
        "events_page_server_cpu_p95_ms": quantile_ms(SERVER_CPU["/events"], 0.95),
        "timeline_server_cpu_p95_ms": quantile_ms(SERVER_CPU["/timeline"], 0.95),
        "load_average": round(os.getloadavg()[0], 1), "cores": os.cpu_count(),
        "first_visitor_render_s": round(first_visitor[0], 2) if first_visitor else None,
        "first_render_s": [round(x, 2) for x in renders], "first_render_max_s": round(max(renders), 2) if renders
        else None, "goals": {"events_page_p95_ms": 50, "timeline_p95_ms": 1000, "first_render_s": 2},
    }))


if __name__ == "__main__":
    main()
