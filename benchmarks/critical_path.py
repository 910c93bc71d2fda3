"""The wall a user waits for: `dateline ingest --workers N` started cold, from the command's start to its end, with
what every process of its tree did meanwhile (CPU seconds by phase, and the core-seconds no process of the tree used):

    .venv/bin/python benchmarks/critical_path.py [--per-topic 12] [--partition-size 8] [--workers 1,2] [--rounds 1]

Each run is a fresh interpreter running the `dateline` command (`dateline.cli.app`, as the console script does) on
the mix of Timeline17 topics `scale_timing.py` uses, written as one JSON Lines file, into a fresh DuckDB store with
its own checkpoint folder. This process samples the run's process tree every `--every` seconds (`psutil`: each
process's user + system CPU, its role: the parent, the fork server, a worker, the resource tracker), and the run
notes, in wall time, when its imports were done, when each partition was sent and stored and when its last row was
stored. The phases of a run with workers:

* `parent_alone`: from the command's start (its process's creation) until the fork server is started;
* `boot`: until the first worker is forked (the fork server importing, loading the model, warming up);
* `work`: until the last partition is stored;
* `exit`: until the command ends.

A 1-process run has `parent_alone` (until its first partition is sent), `work` and `exit`. For each phase:
seconds, CPU seconds of each role, and `idle_core_s`, `cores` x seconds less the tree's CPU: time a core could have
given the run and did not (on a machine shared with other work, some of it went to that work, so on a loaded machine
read the CPU seconds, not the idle). `vs_1_worker` is the 1-process run's wall over the run's, in the same round.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

#: The marks a run writes on its standard output, one JSON object on its last line.
_MARK_PREFIX = "critical-path-marks "


def traced_run(argv: list[str]) -> None:
    """Run the `dateline` command with `argv` here, noting when things happen (the run's side of the benchmark).

    The marks are taken by wrapping, in this process only, the functions the parent calls: `LocalWorkers._new_pool`
    (the fork server is started by the pool's first process), the runners' `submit` and `_Run.store_result`."""
    marks: dict[str, Any] = {"sent": [], "stored": []}
    sys.argv = [str(Path(sys.executable).with_name("dateline")), *argv]  # as the console script runs it
    from dateline.scale.early import start_workers_early

    start_workers_early(argv)  # as the console entry (`dateline.launch`) does, before the command's imports
    from dateline.cli import app

    marks["imports_done"] = time.time()
    from dateline.scale import _Run
    from dateline.scale.runners import InProcess, LocalWorkers

    def wrap(owner: type, name: str, before: Any = None, after: Any = None) -> None:
        original = getattr(owner, name)

        def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
            if before:
                before(*args)
            value = original(self, *args, **kwargs)
            if after:
                after(*args)
            return value

        setattr(owner, name, wrapped)

    wrap(LocalWorkers, "_new_pool", before=lambda: marks.setdefault("pool_opened", time.time()))
    for runner in (InProcess, LocalWorkers):  # LocalWorkers has its own `submit`
        wrap(runner, "submit", before=lambda part: marks["sent"].append((part.index, time.time())))
    wrap(_Run, "store_result", after=lambda part, *_: marks["stored"].append((part.index, time.time())))
    try:
        app(argv, standalone_mode=False)
    finally:
        marks["done"] = time.time()
        print(_MARK_PREFIX + json.dumps(marks), flush=True)


def _role(proc: psutil.Process, root: int, server: int | None) -> str:
    """The fork server is the parent's child running `multiprocessing.forkserver`; its children (whose command line
    is the server's, forked) are the workers."""
    if proc.pid == root:
        return "parent"
    if server is not None and proc.ppid() == server:
        return "worker"
    cmdline = " ".join(proc.cmdline())
    if "forkserver" in cmdline:
        return "server"
    return "tracker" if "resource_tracker" in cmdline else "other"


def sample_tree(proc: subprocess.Popen, every: float, started: float) -> dict[int, dict[str, Any]]:
    """Every process of `proc`'s tree until it ends: role, creation time and (time, CPU seconds, seconds waiting to
    run) samples. Creation times are put on this process's clock (`time.time`, as the samples and the run's marks):
    `psutil` reckons them from the boot time, which Linux gives in whole seconds, so they are shifted by the root's
    (`started`, taken just before it was started) less its reckoned creation."""
    root = psutil.Process(proc.pid)
    shift = started - root.create_time()
    seen: dict[int, dict[str, Any]] = {}
    handles: dict[int, psutil.Process] = {}
    while proc.poll() is None:
        now = time.time()
        try:
            found = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        server = next((pid for pid, info in seen.items() if info["role"] == "server"), None)
        for child in found:
            handles.setdefault(child.pid, child)
            try:
                if child.pid not in seen:
                    seen[child.pid] = {"role": _role(child, root.pid, server), "created": child.create_time() + shift,
                                       "samples": []}
                times = handles[child.pid].cpu_times()
            except psutil.NoSuchProcess:
                continue
            seen[child.pid]["samples"].append((now, times.user + times.system, _run_queue_wait(child.pid)))
        time.sleep(every)
    return seen


def _run_queue_wait(pid: int) -> float:
    """Seconds the process's main thread has waited to run while runnable (`/proc/PID/schedstat`; 0 off Linux): on a
    machine shared with other work, time lost to that work, not to the run's own gaps."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _cpu_between(samples: list[tuple[float, ...]], start: float, end: float, column: int = 1) -> float:
    """CPU seconds (`column` 1; 2: seconds waiting to run) spent between `start` and `end`, read off the samples
    (taken as spent at the sample's time)."""
    def at(moment: float) -> float:
        before = [sample[column] for sample in samples if sample[0] <= moment]
        return before[-1] if before else 0.0

    return max(at(end) - at(start), 0.0)


def analyse(tree: dict[int, dict[str, Any]], marks: dict[str, Any], cores: int, bucket: float = 0.5) -> dict[str, Any]:
    """The run's phases (see the module's doc) with seconds, CPU by role and the idle core-seconds of each; and
    `cores_busy`, each role's cores in use (CPU seconds per second) over every `bucket` seconds of the run."""
    parent = next(info for info in tree.values() if info["role"] == "parent")
    start, end = parent["created"], marks["done"]
    server = [info for info in tree.values() if info["role"] == "server"]
    workers = [info for info in tree.values() if info["role"] == "worker"]
    last_stored = max((when for _, when in marks["stored"]), default=end)
    if server and workers:
        edges = [("parent_alone", start), ("boot", server[0]["created"]),
                 ("work", min(w["created"] for w in workers)), ("exit", last_stored)]
    else:
        first_sent = min((when for _, when in marks["sent"]), default=start)
        edges = [("parent_alone", start), ("work", first_sent), ("exit", last_stored)]
    phases: dict[str, Any] = {}
    for (name, begin), (_, finish) in zip(edges, [*edges[1:], ("", end)], strict=True):
        by_role: dict[str, float] = {}
        waited: dict[str, float] = {}
        slept: dict[str, float] = {}  # alive, neither running nor waiting to run: waiting for work or for the others
        busiest = 0.0
        for info in tree.values():
            samples = [(info["created"], 0.0, 0.0), *info["samples"]]
            spent = _cpu_between(samples, begin, finish)
            by_role[info["role"]] = round(by_role.get(info["role"], 0.0) + spent, 2)
            wait = _cpu_between(samples, begin, finish, 2)
            waited[info["role"]] = round(waited.get(info["role"], 0.0) + wait, 2)
            alive = max(min(finish, samples[-1][0]) - max(begin, info["created"]), 0.0)
            slept[info["role"]] = round(slept.get(info["role"], 0.0) + max(alive - spent - wait, 0.0), 2)
            busiest = max(busiest, spent)
        seconds, spent = finish - begin, sum(by_role.values())
        phases[name] = {"seconds": round(seconds, 2), "cpu_s": by_role, "run_queue_wait_s": waited, "sleeping_s": slept,
                        "idle_core_s": round(max(cores * seconds - spent, 0.0), 2),
                        "on_idle_cores_s": round(max(spent / cores, busiest), 2)}
    totals: dict[str, float] = {}
    buckets = int((end - start) / bucket) + 1
    timeline: dict[str, list[float]] = {}
    for info in tree.values():
        row = timeline.setdefault(info["role"], [0.0] * buckets)
        for i in range(buckets):
            row[i] += _cpu_between([(info["created"], 0.0, 0.0), *info["samples"]], start + i * bucket,
                                   start + (i + 1) * bucket) / bucket
    for info in tree.values():
        last = info["samples"][-1][1] if info["samples"] else 0.0
        totals[info["role"]] = round(totals.get(info["role"], 0.0) + last, 2)
    return {"wall_s": round(end - start, 2), "imports_s": round(marks["imports_done"] - start, 2),
            "last_row_stored_s": round(last_stored - start, 2), "workers_seen": len(workers),
            "cpu_s": totals, "idle_core_s": round(sum(p["idle_core_s"] for p in phases.values()), 2),
            "on_idle_cores_s": round(sum(p["on_idle_cores_s"] for p in phases.values()), 2),
            "phases": phases, "partitions": len(marks["stored"]),
            "first_sent_s": round(min((w for _, w in marks["sent"]), default=end) - start, 2),
            "first_stored_s": round(min((w for _, w in marks["stored"]), default=end) - start, 2),
            "cores_busy_every_s": bucket,
            "cores_busy": {role: " ".join(f"{v:.1f}" for v in row) for role, row in timeline.items()}}


def one_run(source: Path, workers: int, partition_size: int, every: float, cores: int) -> dict[str, Any]:
    """`dateline ingest SOURCE --workers N` in a fresh interpreter, sampled; its figures."""
    with tempfile.TemporaryDirectory() as folder:
        argv = ["ingest", str(source), "--db", str(Path(folder) / "db.duckdb"), "--workers", str(workers),
                "--partition-size", str(partition_size), "--checkpoints", str(Path(folder) / "run")]
        code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import critical_path; " \
               f"critical_path.traced_run({argv!r})"
        started = time.time()
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        sampler = time.process_time()
        try:
            tree = sample_tree(proc, every, started)
        except BaseException:  # an interrupted or failed sampling leaves no ingest running on behind it
            proc.kill()
            proc.communicate()
            raise
        sampler = time.process_time() - sampler
        out, err = proc.communicate()
        if proc.returncode:
            raise SystemExit(f"the run failed ({proc.returncode}):\n{err[-3000:]}")
        line = next(line for line in reversed(out.splitlines()) if line.startswith(_MARK_PREFIX))
        figures = analyse(tree, json.loads(line[len(_MARK_PREFIX):]), cores)
        figures["summary"] = err.strip().splitlines()[-1] if err.strip() else ""
        figures["load_average"] = round(os.getloadavg()[0], 2)
        figures["sampler_cpu_s"] = round(sampler, 2)  # this process's, on the same cores: not in the tree's
        return figures


def main() -> None:
    # here, not at the top: the run's interpreter imports this module for `traced_run`, and scale_timing's imports
    # (the pipeline, Dask) would be counted as the command's own start-up
    from scale_timing import T17, mixed_articles  # the benchmarks folder is on the path of a script run from it

    ap = argparse.ArgumentParser(description="The wall of a cold `dateline ingest --workers N`, phase by phase")
    ap.add_argument("--corpus", type=Path, default=T17)
    ap.add_argument("--topics", default="EgyptianProtest_cnn,H1N1_reuters,IraqWar_guardian,bpoil_bbc,haiti_bbc")
    ap.add_argument("--per-topic", type=int, default=12)
    ap.add_argument("--partition-size", type=int, default=8)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts, run in this order each round")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--every", type=float, default=0.05, help="seconds between samples of the process tree")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0))
    articles = mixed_articles(args.corpus, args.topics.split(","), args.per_topic)
    rounds = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.jsonl"
        source.write_text("".join(json.dumps({"id": a.id, "date": a.date.isoformat(), "text": a.text}) + "\n"
                                  for a in articles), encoding="utf-8")
        for _ in range(args.rounds):
            runs = {f"{n} workers": one_run(source, int(n), args.partition_size, args.every, cores)
                    for n in args.workers.split(",")}
            if "1 workers" in runs:
                for run in runs.values():
                    run["vs_1_worker"] = round(runs["1 workers"]["wall_s"] / run["wall_s"], 3)
            print(json.dumps(runs), file=sys.stderr)
            rounds.append(runs)
    print(json.dumps({"benchmark": "critical_path", "articles": len(articles), "partition_size": args.partition_size,
                      "cores": cores, "rounds": rounds}))


if __name__ == "__main__":
    main()
