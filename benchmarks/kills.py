"""Data integrity under SIGKILL: 50 kills at random points of an ingest, on DuckDB and PostgreSQL.

Each kill gets a fresh store (a DuckDB file, or a PostgreSQL schema on a throwaway server started
as `tests/pg.py` does); a writer process stores synthetic articles in batches of two through
`open_store`/`Store.add` (the store's write path of `dateline ingest`, without the NLP, as
`tests/test_crash.py` does: the same `tests/store_worker.py`), and is killed with SIGKILL after a
random number of batches and a random extra delay. The store is then checked for half-written
articles (every stored article has all its rows, no orphan events), a rerun finishes the ingest, and
every table (articles, events, mentions, parties, places, timexes ...) is compared row by row with
a clean, uninterrupted run. Prints one JSON line:

    .venv/bin/python benchmarks/kills.py [--kills 50] [--articles 40] [--backends duckdb,postgresql]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from dateline.store import open_store
from dateline.store.rows import table_columns
from store_worker import finished, worker

BATCH = 2


def dump(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two stores with equal dumps hold the same data."""
    with open_store(target, read_only=True) as store:
        return {table: sorted(store.rows(f"SELECT * FROM {table}"), key=repr) for table in table_columns()}


def half_written(target: str) -> str | None:
    """What is wrong with a store left by a killed writer (None: every article whole or absent)."""
    from test_crash import assert_consistent

    try:
        assert_consistent(target)
    except AssertionError as exc:
        return str(exc)[:200]
    return None


def kill_and_rerun(target: str, articles: int, rng: random.Random) -> dict:
    """Kill a writer at a random point, check the store, finish the ingest; what happened."""
    open_store(target).close()
    proc = worker("write", target, articles, "--batch", BATCH, "--pause", 0.01)
    for _ in range(rng.randrange(articles // BATCH)):
        if not proc.stdout.readline():
            break
    time.sleep(rng.uniform(0, 0.05))
    interrupted = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    broken = half_written(target)
    finished(worker("write", target, articles, "--batch", BATCH))
    return {"interrupted": interrupted, "broken": broken, "dump": dump(target)}


def run_backend(new_target, kills: int, articles: int, seed: int) -> dict:
    """`kills` kill-and-rerun rounds on fresh stores from `new_target()`, each compared with a clean run."""
    clean = new_target()
    finished(worker("write", clean, articles, "--batch", BATCH))
    reference = dump(clean)
    rng = random.Random(seed)
    survived, interrupted, mismatches, broken = 0, 0, [], []
    started = time.perf_counter()
    for n in range(kills):
        result = kill_and_rerun(new_target(), articles, rng)
        interrupted += result["interrupted"]
        if result["broken"]:
            broken.append({"kill": n, "why": result["broken"]})
        differing = [t for t in reference if reference[t] != result["dump"][t]]
        if differing:
            mismatches.append({"kill": n, "tables": differing})
        survived += not differing and not result["broken"]
    return {"kills": kills, "killed_mid_ingest": interrupted, "survived": survived, "mismatches": mismatches,
            "half_written": broken, "rows_per_clean_store": sum(map(len, reference.values())),
            "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--backends", default="duckdb,postgresql")
    parser.add_argument("--seed", type=int, default=20181917)
    args = parser.parse_args(argv)
    out: dict[str, object] = {"articles": args.articles, "batch": BATCH}
    folder = Path(tempfile.mkdtemp(prefix="dateline-kills-"))
    names = iter(range(10**6))
    for backend in args.backends.split(","):
        if backend == "duckdb":
            out["duckdb"] = run_backend(lambda: str(folder / f"s{next(names)}.duckdb"), args.kills,
                                        args.articles, args.seed)
            continue
        from pg import running_server

        with running_server() as server:
            out["postgresql"] = run_backend(server.new_database, args.kills, args.articles, args.seed)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
