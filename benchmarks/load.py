"""Load test of the HTTP API while an ingest writes into the same store: throughput, latency, errors, lost ingests.

A real `dateline serve` runs on loopback in its own process over a DuckDB store seeded with Timeline17
articles. This process then keeps 1, 8 and 32 clients (threads, one HTTP connection each) asking
`/events` and `/timeline` for `--seconds` each, while a `dateline ingest` of a fresh slice of articles runs
alongside into the same file (DuckDB lets one process hold a file: the API lets it go when idle and the
ingest lets it go between batches, so each waits for the other). Afterwards the same slices are ingested
again with nothing else running: every article that second run has to add was lost the first time.
Prints one JSON line: per level requests/s, p50/p99 ms, errors, and the alongside ingest's outcome.

With `--backend postgresql` the store is a PostgreSQL database on a throwaway server started as the
tests start theirs (`tests/pg.py`), seeded by an ingest of the same articles; there readers and the
writer do not take turns for a file, they run side by side.

    .venv/bin/python benchmarks/load.py [--seconds 10] [--levels 1,8,32] [--per-level 12] [--backend duckdb]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from dateline.config import cache_dir
from dateline.store import open_store

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"
DATELINE = str(Path(sys.executable).with_name("dateline"))
SEED_ARTICLES = 40
#: What the clients ask, in turn: a page of events, a filtered page, and two timelines.
PATHS = ("/events?limit=50", "/events?limit=20&type=PROTEST", "/timeline?dates=10", "/timeline?dates=5&per_date=3")


def corpus_rows(corpus: Path, count: int) -> list[dict[str, Any]]:
    """`count` articles taken in turn from each topic of `corpus`, ids prefixed with their folder (ids repeat)."""
    topics = [[json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
              for path in sorted(corpus.glob("*/articles.jsonl"))]
    names = [path.parent.name for path in sorted(corpus.glob("*/articles.jsonl"))]
    rows: list[dict[str, Any]] = []
    for index in range(max(len(rows) for rows in topics)):
        for name, rows_of_topic in zip(names, topics, strict=True):
            if index < len(rows_of_topic) and len(rows) < count:
                row = dict(rows_of_topic[index], id=f"{name}-{rows_of_topic[index]['id']}")
                rows.append(row)
    return rows


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    """`rows` as a JSON Lines file at `path`."""
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def ingest(paths: list[Path], db: Path | str, batch_size: int = 4) -> subprocess.Popen:
    """`dateline ingest` of `paths` into `db` in another process, in small batches (the file is freed between)."""
    return subprocess.Popen([DATELINE, "ingest", *map(str, paths), "--db", str(db), "--batch-size", str(batch_size)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def seeded_store(rows: list[dict[str, Any]], work: Path) -> Path:
    """A copy of the cached seed store (built on first use from `rows`) in `work`."""
    cached = cache_dir() / "bench" / f"load-seed-{len(rows)}.duckdb"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        building = cached.with_suffix(".building")
        building.unlink(missing_ok=True)
        done = ingest([write_jsonl(work / "seed.jsonl", rows)], building, batch_size=32)
        _, errors = done.communicate()
        if done.returncode not in (0, 1):  # 1: some inputs skipped (a text not in English), each reported
            raise SystemExit(f"seeding failed: {errors[-2000:]}")
        building.rename(cached)
    db = work / "load.duckdb"
    shutil.copyfile(cached, db)
    return db


@contextmanager
def seeded_target(backend: str, rows: list[dict[str, Any]], work: Path) -> Iterator[str]:
    """The store under test, seeded with `rows`: a DuckDB file in `work`, or a database on a PostgreSQL server
    started for the run (and stopped after it)."""
    if backend == "duckdb":
        yield str(seeded_store(rows, work))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pg import running_server

    with running_server() as server:
        target = server.new_database()
        done = ingest([write_jsonl(work / "seed.jsonl", rows)], target, batch_size=32)
        _, errors = done.communicate()
        if done.returncode not in (0, 1):  # 1: some inputs skipped (a text not in English), each reported
            raise SystemExit(f"seeding failed: {errors[-2000:]}")
        yield target


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path | str, port: int) -> subprocess.Popen:
    """`dateline serve` over `db` on loopback, returned once it answers."""
    server = subprocess.Popen([DATELINE, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "DATELINE_API_TOKEN": ""})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/stats", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"dateline serve did not answer within 60 s: {server.stderr.read()[-2000:]}")


def hammer(base: str, clients: int, seconds: float) -> dict[str, Any]:
    """`clients` threads asking `PATHS` in turn for `seconds`: requests/s, p50/p99 ms and errors (non-200s)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        mine, failed = [], []
        with httpx.Client(base_url=base, timeout=60) as http:
            turn = offset
            while time.monotonic() < stop:
                started = time.perf_counter()
                try:
                    status = http.get(PATHS[turn % len(PATHS)]).status_code
                    if status != 200:
                        failed.append(f"{PATHS[turn % len(PATHS)]}: {status}")
                except httpx.HTTPError as exc:
                    failed.append(f"{PATHS[turn % len(PATHS)]}: {type(exc).__name__}")
                mine.append(time.perf_counter() - started)
                turn += 1
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ms = sorted(1000 * value for value in latencies)
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(ms),
            "requests_per_s": round(len(ms) / elapsed, 1), "p50_ms": round(statistics.median(ms), 1),
            "p99_ms": round(ms[min(len(ms) - 1, int(0.99 * len(ms)))], 1), "errors": len(errors),
            "error_examples": sorted(set(errors))[:3]}


def article_count(db: Path | str) -> int:
    """How many articles the store holds."""
    with open_store(str(db), read_only=True) as store:
        return store.counts()["articles"]


def run(levels: list[int], seconds: float, per_level: int, corpus: Path, backend: str = "duckdb") -> dict[str, Any]:
    """The whole test: seed, serve, one level at a time with an ingest alongside, then the lost-ingest check."""
    rows = corpus_rows(corpus, SEED_ARTICLES + per_level * len(levels))
    with tempfile.TemporaryDirectory(prefix="dateline-load-") as folder, \
            seeded_target(backend, rows[:SEED_ARTICLES], Path(folder)) as db:
        work = Path(folder)
        seeded = article_count(db)
        slices = [write_jsonl(work / f"slice-{n}.jsonl", rows[SEED_ARTICLES + n * per_level:][:per_level])
                  for n in range(len(levels))]
        port = free_port()
        server = start_server(db, port)
        results = []
        try:
            for clients, part in zip(levels, slices, strict=True):
                writer, began = ingest([part], db), time.perf_counter()
                level = hammer(f"http://127.0.0.1:{port}", clients, seconds)
                _, ingest_errors = writer.communicate()
                level["ingest"] = {"articles": per_level, "exit": writer.returncode,
                                   "seconds": round(time.perf_counter() - began, 1),
                                   "message": ingest_errors.strip().splitlines()[-1:] if writer.returncode else []}
                results.append(level)
        finally:
            server.terminate()
            server.wait(timeout=30)
        after_load = article_count(db)
        rerun = ingest(slices, db, batch_size=32)
        rerun.communicate()
        lost = article_count(db) - after_load
    return {"benchmark": "api-load", "backend": backend, "seed_articles": seeded, "levels": results,
            "articles_after_load": after_load, "lost_ingests": lost,
            "errors": sum(level["errors"] for level in results)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="Seconds of load at each level.")
    parser.add_argument("--levels", default="1,8,32", help="Concurrent clients at each level, comma-separated.")
    parser.add_argument("--per-level", type=int, default=12, help="Articles ingested alongside each level.")
    parser.add_argument("--corpus", type=Path, default=T17, help="Timeline17-style corpus folder.")
    parser.add_argument("--backend", choices=["duckdb", "postgresql"], default="duckdb", help="The store to load.")
    args = parser.parse_args()
    levels = [int(part) for part in args.levels.split(",")]
    print(json.dumps(run(levels, args.seconds, args.per_level, args.corpus, args.backend)))


if __name__ == "__main__":
    main()
