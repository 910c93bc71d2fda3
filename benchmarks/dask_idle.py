"""What a 2-worker Dask `LocalCluster` started by dateline costs while it runs nothing: CPU milliseconds per second of
wall time, in the parent (scheduler, nannies, client) and in the workers together.

A cluster's own cost is mostly its servers' periodic callbacks, paid per second whatever the work; on a machine
whose cores the workers fill, every millisecond of it is taken from the parse. Measured idle, the figure is the
cluster's alone (no task, no transfer), so it can be read on a shared machine where a timed ingest cannot.
`--dask-defaults` starts the cluster with Dask's own clocks instead of `LOCAL_CLUSTER_CLOCKS`, for the comparison:

    .venv/bin/python benchmarks/dask_idle.py [--seconds 20] [--dask-defaults]
"""

from __future__ import annotations

import argparse
import json
import os
import time

import psutil

from dateline.scale import on_dask


def tree_cpu() -> dict[int, float]:
    """User and system CPU seconds of this process and of every process below it."""
    me = psutil.Process()
    seconds = {}
    for proc in [me, *me.children(recursive=True)]:
        try:
            seconds[proc.pid] = sum(proc.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return seconds


def idle_cost(seconds: float, settle: float = 3.0) -> dict[str, float]:
    """CPU ms per wall second of an idle `local:2` cluster, after `settle` seconds for its start-up to end."""
    runner = on_dask.DaskRunner("local:2")
    try:
        time.sleep(settle)
        before, t0 = tree_cpu(), time.perf_counter()
        time.sleep(seconds)
        after, wall = tree_cpu(), time.perf_counter() - t0
    finally:
        runner.close()
    parent = os.getpid()
    workers = sum(cpu - before[pid] for pid, cpu in after.items() if pid != parent and pid in before)
    return {"parent_cpu_ms_per_s": round(1000 * (after[parent] - before[parent]) / wall, 1),
            "workers_cpu_ms_per_s": round(1000 * workers / wall, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--dask-defaults", action="store_true", help="Dask's own clocks, not LOCAL_CLUSTER_CLOCKS")
    args = ap.parse_args()
    if args.dask_defaults:
        on_dask.LOCAL_CLUSTER_CLOCKS.clear()
    figures = idle_cost(args.seconds)
    print(json.dumps({"benchmark": "dask_idle", "clocks": "dask defaults" if args.dask_defaults else "dateline",
                      **figures, "load_average": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
