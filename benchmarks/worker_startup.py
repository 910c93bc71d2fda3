"""Where a local worker's start-up goes, in CPU seconds (what a loaded machine cannot distort):

    .venv/bin/python benchmarks/worker_startup.py [--rounds 3] [--per-partition 3]

Each round runs in a fresh interpreter, so its fork server starts cold, as the first `dateline ingest --workers N` of
a process does. In it a one-worker pool is made exactly as `LocalWorkers` makes its pools, and given two partitions
of short T17 articles, A then B; then a second pool from the same server (a worker that replaces a recycled one)
gets B then A. Reported, as medians over the rounds (each round's figures under `rounds`):

* `server_boot_cpu_s`: the fork server's start-up by part, as it recorded it (`dateline.scale.preload.BOOT_CPU`):
  the interpreter, the imports, the spaCy model, the warm-up run of the pipeline, the collector's freeze;
  `server_cpu_s` is the server's whole CPU (`psutil`), forks included.
* `parent_first_submit`: the wall and CPU seconds the parent spent in its first `submit`, which returns only once
  the server is up and has forked the worker (the parent waits for the boot, it does not do it).
* `worker_entry_cpu_s`: a worker's CPU from its fork to the start of its first task (the fork's page-table copy,
  `_warm_worker`, unpickling the task).
* `first_partition_extra_cpu_s`: what a worker's first partition costs beyond the same partition processed second
  (A first and B second, then B first and A second: the mean of the two differences), with `first_minor_faults` and
  `second_minor_faults` (copy-on-write page copies, mostly) and `worker_new_modules` (what the worker imported
  that the server had not).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"


def probe_partition(key: str, articles: list[Any]) -> dict[str, Any]:
    """Run in a worker: its CPU so far, then the ordinary partition's CPU and page faults, and its own imports."""
    import resource

    entry = time.process_time()
    from dateline.scale import preload
    from dateline.scale.parts import process_partition

    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    started = time.process_time()
    result = process_partition(key, articles, None, 32)
    return {"entry_cpu_s": round(entry, 3), "partition_cpu_s": round(time.process_time() - started, 3),
            "minor_faults": resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults,
            "events": sum(len(d.events) for d in result.documents),
            "boot": preload.BOOT_CPU, "new_modules": sorted(set(sys.modules) - preload.SERVER_MODULES)}


def _server_cpu() -> float:
    """CPU seconds of this process's fork server (the child running `multiprocessing.forkserver`)."""
    import psutil

    for child in psutil.Process().children():
        if "forkserver" in " ".join(child.cmdline()):
            times = child.cpu_times()
            return round(times.user + times.system, 3)
    return 0.0


def one_round(corpus: Path, per_partition: int) -> dict[str, Any]:
    """One cold fork server: a pool given A then B, a second pool B then A (see the module's doc)."""
    from dateline.read import ReadReport, read_articles
    from dateline.scale.parts import partition_key
    from dateline.scale.runners import LocalWorkers

    found = list(read_articles([corpus / "H1N1_reuters" / "articles.jsonl"], ReadReport()))
    parts = {"A": found[:per_partition], "B": found[per_partition:2 * per_partition]}
    keys = {name: partition_key(arts) for name, arts in parts.items()}
    out: dict[str, Any] = {}
    for order in ("AB", "BA"):
        pool = LocalWorkers(1)._new_pool()
        wall, cpu = time.perf_counter(), time.process_time()
        first = pool.submit(probe_partition, keys[order[0]], parts[order[0]])
        if order == "AB":
            out["parent_first_submit"] = {"wall_s": round(time.perf_counter() - wall, 3),
                                          "cpu_s": round(time.process_time() - cpu, 3)}
        out[order] = [first.result(), pool.submit(probe_partition, keys[order[1]], parts[order[1]]).result()]
        pool.shutdown(wait=True)
    first, second = {o: out[o][0] for o in ("AB", "BA")}, {o: out[o][1] for o in ("AB", "BA")}
    extra = [first[o]["partition_cpu_s"] - second[o[::-1]]["partition_cpu_s"] for o in ("AB", "BA")]
    return {"server_boot_cpu_s": first["AB"]["boot"], "server_cpu_s": _server_cpu(),
            "parent_first_submit": out["parent_first_submit"],
            "worker_entry_cpu_s": [first[o]["entry_cpu_s"] for o in ("AB", "BA")],
            "first_partition_extra_cpu_s": round(statistics.mean(extra), 3),
            "partition_cpu_s": {o: [r["partition_cpu_s"] for r in out[o]] for o in ("AB", "BA")},
            "first_minor_faults": [first[o]["minor_faults"] for o in ("AB", "BA")],
            "second_minor_faults": [second[o]["minor_faults"] for o in ("AB", "BA")],
            "events": {o: [r["events"] for r in out[o]] for o in ("AB", "BA")},
            "worker_new_modules": first["AB"]["new_modules"]}


def _median_of(rounds: list[dict[str, Any]], *path: str) -> float:
    values = []
    for figures in rounds:
        value: Any = figures
        for step in path:
            value = value[step]
        values.append(statistics.median(value) if isinstance(value, list) else value)
    return round(statistics.median(values), 3)


def main() -> None:
    ap = argparse.ArgumentParser(description="Where a local worker's start-up goes, in CPU seconds")
    ap.add_argument("--corpus", type=Path, default=T17)
    ap.add_argument("--rounds", type=int, default=3, help="fresh interpreters, one after the other")
    ap.add_argument("--per-partition", type=int, default=3, help="articles in each of the two partitions")
    ap.add_argument("--one-round", action="store_true", help=argparse.SUPPRESS)  # what each fresh interpreter runs
    args = ap.parse_args()
    if args.one_round:
        print(json.dumps(one_round(args.corpus, args.per_partition)))
        return
    rounds = []
    for _ in range(args.rounds):
        done = subprocess.run([sys.executable, __file__, "--one-round", "--corpus", str(args.corpus),
                               "--per-partition", str(args.per_partition)],
                              check=True, capture_output=True, text=True)
        rounds.append(json.loads(done.stdout.strip().splitlines()[-1]))
    boot_parts = rounds[0]["server_boot_cpu_s"]
    print(json.dumps({
        "benchmark": "worker_startup", "rounds_run": args.rounds, "per_partition": args.per_partition,
        "server_boot_cpu_s": {part: _median_of(rounds, "server_boot_cpu_s", part) for part in boot_parts},
        "server_cpu_s": _median_of(rounds, "server_cpu_s"),
        "parent_first_submit_wall_s": _median_of(rounds, "parent_first_submit", "wall_s"),
        "parent_first_submit_cpu_s": _median_of(rounds, "parent_first_submit", "cpu_s"),
        "worker_entry_cpu_s": _median_of(rounds, "worker_entry_cpu_s"),
        "first_partition_extra_cpu_s": _median_of(rounds, "first_partition_extra_cpu_s"),
        "first_minor_faults": _median_of(rounds, "first_minor_faults"),
        "second_minor_faults": _median_of(rounds, "second_minor_faults"),
        "rounds": rounds}))


if __name__ == "__main__":
    main()
