"""Timing `dateline.scale` runners with the peak resident memory and the CPU time of their process tree
(used by throughput.py and bulk.py, and alone on a mix of Timeline17 topics, long and short articles):

    .venv/bin/python benchmarks/scale_timing.py [--per-topic 12] [--partition-size 8] [--runners "2 workers"]
        [--rounds 2]

With `--rounds N` every runner runs N times, the runners taking turns, and `dask_over_local_workers` gives, per
round, the Dask runner's CPU seconds and wall seconds of work over the local workers' in that round: on a shared
machine, whose load moves by the minute, the runners of one round met nearly the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import psutil

from dateline.model import Article
from dateline.pipeline import process_one
from dateline.read import ReadReport, read_articles
from dateline.scale import ingest_partitioned
from dateline.scale.on_dask import DaskRunner
from dateline.scale.parts import Partition, PartitionResult
from dateline.scale.runners import InProcess, LocalWorkers, Runner
from dateline.store import open_store

MB = 1024 * 1024
T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"


class PeakMemory:
    """Samples the resident memory and the CPU time of this process and of every process below it until
    stopped. CPU seconds say what a run costs whatever else the machine runs (wall time on a shared machine
    does not); a process's last 0.2 s before it exits may be missed. The sampling thread's own CPU time is counted
    apart (`sampler_cpu_s`) and left out of the root's when the root is this process: reading a process's PSS
    makes the kernel walk its page tables (~3 ms for a 250 MB process), charged to the reader, so with 4 processes
    sampled 5 times a second the root seemed to spend ~1.5 s more than it did (tenth session: the 2 workers' parent
    "4.0 s", 1.6 s of it its own).

    Memory is read two ways. RSS counts every page a process maps, so a page that forked processes share (the
    fork server's model and dictionaries, which its workers inherit copy-on-write) is counted once per process
    in a sum over the tree. PSS (proportional set size, Linux) gives each process its share of such a page, so
    the PSS of the processes alive at one moment adds up to the memory the tree occupies: the figure a
    whole-run goal is read against. Where PSS cannot be read (not Linux) it falls back on RSS.

    What a sample costs: RSS and CPU seconds are read from `/proc/PID/statm` and `stat` (~0.05 ms a process), PSS
    from `smaps` (the page-table walk, ~9 ms for a 650 MB process) and the tree's processes by scanning `/proc`
    (~2 ms). Read every `every` seconds for hours, as `bulk.py` does, that cost half the workers' CPU (fourteenth
    session). With `pss_every`, PSS is read only when the tree's RSS reaches a new high (where the tree's PSS
    peak can be) and otherwise every `pss_every` seconds, and the tree's processes are listed again every
    `pss_every` seconds (a worker started between listings is seen at the next one; CPU seconds are cumulative, so
    none is lost, only its first seconds' memory). Unset (None), every sample reads everything."""

    def __init__(self, root: int | None = None, every: float = 0.2, pss_every: float | None = None) -> None:
        self.root = psutil.Process(root or os.getpid())
        self.every = every
        self.pss_every = pss_every
        self._procs: list[psutil.Process] = []
        self._listed_at = self._pss_at = float("-inf")  # monotonic time of the last listing and PSS reading
        self._rss_high = 0  # the largest tree RSS seen so far: a sample above it reads PSS
        self.peak: dict[int, int] = {}  # each process's largest RSS
        self.peak_pss: dict[int, int] = {}  # each process's largest PSS
        self.tree_peak = 0  # the largest sum of the RSS of the processes alive at one sample
        self.tree_peak_pss = 0  # the largest sum of their PSS at one sample
        self.cpu: dict[int, float] = {}  # user + system seconds of each process, as last sampled
        self.sampler_cpu = 0.0  # CPU seconds of the sampling thread itself, which is in the root's figure
        self.cpu_marked: dict[int, float] = {}  # each process's CPU seconds at `mark` (the start-up's end)
        self.sampler_marked = 0.0
        self._earlier: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        # processes already below the root belong to no run measured here (a fork server that outlives the
        # local workers' run stays a child of this process, its model pages and CPU seconds with it)
        self._earlier = {proc.pid for proc in self.root.children(recursive=True)}
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            started = time.thread_time()
            self._sample_once()
            self.sampler_cpu += time.thread_time() - started
            self._stop.wait(self.every)

    def _sample_once(self) -> None:
        """One reading of every process of the tree (RSS and CPU always; PSS as `pss_every` says)."""
        now = time.monotonic()
        cheap = self.pss_every is not None
        if not cheap or now - self._listed_at >= self.pss_every:
            try:
                below = self.root.children(recursive=True)
                self._procs = [self.root, *(p for p in below if p.pid not in self._earlier)]
            except psutil.NoSuchProcess:
                return
            self._listed_at = now
        readings = []
        for proc in self._procs:
            try:
                rss, times = proc.memory_info().rss, proc.cpu_times()
            except psutil.NoSuchProcess:
                continue
            self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), rss)
            self.cpu[proc.pid] = times.user + times.system
            readings.append((proc, rss))
        alive = sum(rss for _, rss in readings)
        self.tree_peak = max(self.tree_peak, alive)
        if cheap and alive <= self._rss_high and now - self._pss_at < self.pss_every:
            return
        self._rss_high, self._pss_at = max(self._rss_high, alive), now
        alive_pss = 0
        for proc, _ in readings:
            try:
                pss = resident_and_proportional(proc)[1]
            except psutil.NoSuchProcess:
                continue
            self.peak_pss[proc.pid] = max(self.peak_pss.get(proc.pid, 0), pss)
            alive_pss += pss
        self.tree_peak_pss = max(self.tree_peak_pss, alive_pss)

    def mark(self) -> None:
        """Note every process's CPU seconds now (a runner's start-up done): `cpu_figures` then counts what each spent
        after this moment, and `startup_cpu_s` what the tree spent before it."""
        self._sample_once()
        self.cpu_marked, self.sampler_marked = dict(self.cpu), self.sampler_cpu

    def cpu_figures(self, parent_before: float = 0.0) -> dict[str, float]:
        """CPU seconds of the root process (less `parent_before`, what it had spent before the run, and the
        sampler's own, `sampler_cpu_s`), of every other process together and of the busiest, and the wall time
        the run would take on 2 idle cores: the larger of half the total and the busiest process (which cannot be
        split). After `mark`, these count from the mark, and `startup_cpu_s` is what the tree spent up to it."""
        in_root = self.root.pid == os.getpid()  # else the sampler is a process of its own
        root_start = parent_before + (self.sampler_marked if in_root else 0.0)
        root_mark = self.cpu_marked.get(self.root.pid, root_start)
        parent = self.cpu.get(self.root.pid, 0.0) - root_mark - ((self.sampler_cpu - self.sampler_marked) if in_root
                                                                  else 0.0)
        others = [seconds - self.cpu_marked.get(pid, 0.0) for pid, seconds in self.cpu.items() if pid != self.root.pid]
        total = parent + sum(others)
        startup = root_mark - root_start + sum(v for pid, v in self.cpu_marked.items() if pid != self.root.pid)
        return {"parent_cpu_s": round(parent, 2), "sampler_cpu_s": round(self.sampler_cpu, 2),
                "workers_cpu_s": round(sum(others), 2),
                "busiest_worker_cpu_s": round(max(others, default=0.0), 2), "total_cpu_s": round(total, 2),
                "two_idle_cores_s": round(max(total / 2, parent, *others), 2), "startup_cpu_s": round(startup, 2)}

    def figures(self) -> dict[str, float]:
        """Peak RSS and PSS of the root process, of the largest other process, of the whole tree at one moment, and
        the sum of every process's own peak RSS (an upper bound that counts each recycled worker again: with
        workers replaced over a run it says how many came and went, not what the machine held at once). The
        whole-run goal is read against `tree_peak_pss_mb` (see the class doc)."""
        others = [rss for pid, rss in self.peak.items() if pid != self.root.pid]
        others_pss = [pss for pid, pss in self.peak_pss.items() if pid != self.root.pid]
        return {"parent_peak_rss_mb": round(self.peak.get(self.root.pid, 0) / MB),
                "worker_peak_rss_mb": round(max(others, default=0) / MB),
                "tree_peak_rss_mb": round(self.tree_peak / MB),
                "sum_of_peaks_mb": round(sum(self.peak.values()) / MB),
                "parent_peak_pss_mb": round(self.peak_pss.get(self.root.pid, 0) / MB),
                "worker_peak_pss_mb": round(max(others_pss, default=0) / MB),
                "tree_peak_pss_mb": round(self.tree_peak_pss / MB)}


def resident_and_proportional(proc: psutil.Process) -> tuple[int, int]:
    """A process's RSS and PSS in bytes (PSS from /proc/PID/smaps_rollup; RSS again where there is no PSS)."""
    try:
        full = proc.memory_full_info()
    except psutil.AccessDenied:
        rss = proc.memory_info().rss
        return rss, rss
    return full.rss, getattr(full, "pss", full.rss)


class OneBlasThread(InProcess):
    """One process whose matrix products run on one core (BLAS limited to one thread while it processes): the
    one-core baseline that N workers, each with one BLAS thread, are N times as fast as at best."""

    def run(self, part: Partition) -> PartitionResult:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1, user_api="blas"):
            return super().run(part)


RUNNERS: dict[str, Callable[[], Runner]] = {
    "1 process": InProcess,
    "1 process, one BLAS thread": OneBlasThread,
    "2 workers": lambda: LocalWorkers(2),
    "dask LocalCluster 2 workers": lambda: DaskRunner("local:2"),
}


def time_runners(articles: list[Article], parse_rate: float | None, partition_size: int) -> dict[str, Any]:
    """Ingest `articles` with each runner into a fresh store, checkpointing as `dateline ingest` does: wall
    seconds, articles/s (and the ratio to `parse_rate` when given), memory, and CPU seconds of every
    process. `cpu_speedup` is the 1-process run's CPU over the runner's `two_idle_cores_s`: what the runner
    would gain on 2 idle cores, measured on a machine that is not idle. The 1-process runs are the warm
    benchmark process itself (no start-up). The runner is made (a Dask cluster started, local workers started and
    up with the model, `LocalWorkers.start`) inside the memory measurement but before the clock: `startup_s` and
    `startup_cpu_s` say what that took, `seconds` and the CPU figures time the work alone, so every runner is timed
    warm; `seconds_with_startup` is the whole. The input's size is given (`total`), as `dateline ingest` gives its
    estimate (since the twenty-third session: with workers, the last partitions are cut smaller). `vs_one_core` and
    `vs_one_process` are the ratio of the 1-process runs' wall time to the runner's, measured in the same run (at the
    same load); `..._with_startup` the same with the runner's start-up counted (until the twelfth session, the only
    figure). `one_process_cold_start` is what a single process started cold spends before its first article
    (`cold_start`), and `vs_one_process_cold_with_startup` the ratio with both start-ups counted."""
    out: dict[str, Any] = {"articles": len(articles), "chars": sum(len(a.text) for a in articles),
                           "partition_size": partition_size, "load_average_before": os.getloadavg()[0],
                           "one_process_cold_start": cold_start()}
    for name, make in RUNNERS.items():
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "in.jsonl"
            source.write_text("".join(json.dumps({"id": a.id, "date": a.date.isoformat(), "text": a.text}) + "\n"
                                      for a in articles), encoding="utf-8")
            before = sum(psutil.Process().cpu_times()[:2])
            with PeakMemory() as memory, open_store(Path(folder) / "db.duckdb") as store:
                t0 = time.perf_counter()
                runner = make()
                if isinstance(runner, LocalWorkers):
                    runner.start()  # workers up before the clock, as the warm single process is
                startup = time.perf_counter() - t0
                memory.mark()
                t1 = time.perf_counter()
                report = ingest_partitioned([source], store, runner, checkpoints=Path(folder) / "run",
                                            partition_size=partition_size, total=len(articles))
                seconds = time.perf_counter() - t1
                runner.close()
        rate = report.added / seconds
        out[name] = {"seconds": round(seconds, 1), "startup_s": round(startup, 2),
                     "seconds_with_startup": round(seconds + startup, 1), "articles_per_s": round(rate, 3),
                     "events": report.events, "load_average": os.getloadavg()[0], **memory.figures(),
                     **memory.cpu_figures(before)}
        for baseline, ratio in (("1 process, one BLAS thread", "vs_one_core"), ("1 process", "vs_one_process")):
            if baseline in out and name != baseline:
                out[name][ratio] = round(out[baseline]["seconds"] / seconds, 2)
                out[name][f"{ratio}_with_startup"] = round(out[baseline]["seconds"] / (seconds + startup), 2)
        if "1 process" in out and name != "1 process":  # both counting their start-up, each at its own load
            cold = out["1 process"]["seconds"] + out["one_process_cold_start"]["wall_s"]
            out[name]["vs_one_process_cold_with_startup"] = round(cold / (seconds + startup), 2)
        if parse_rate:
            out[name]["ratio_to_parse"] = round(rate / parse_rate, 3)
        serial = out[next(iter(RUNNERS))]["total_cpu_s"]
        out[name]["cpu_speedup"] = round(serial / out[name]["two_idle_cores_s"], 2)
        print(f"{name}: {out[name]}", file=sys.stderr)
    return out


def cold_start() -> dict[str, float]:
    """What a fresh single process spends before its first article (a `dateline extract` or `ingest --workers 1`
    started cold): a new interpreter importing the pipeline, loading the model and running the pipeline once on the
    fork server's warm-up article (`dateline.scale.preload`'s steps, so the same first-use resources), in wall and CPU
    seconds at the load of the moment. The 1-process runs here are warm; this is the start-up they leave out, to set
    against the workers' `startup_s` (`vs_one_process_cold_with_startup`). Not by importing `preload` (until the
    twenty-third session): since then the fork server imports with the collector off and frozen after, which a single
    process does not do, and the figure would have been its start-up less ~0.2 CPU s."""
    import subprocess

    code = ("import time, datetime as dt; from dateline.model import Article; from dateline.nlp import load_model; "
            "from dateline.pipeline import process_one; load_model(); "
            f"process_one(Article('cold-start', dt.date(2011, 1, 25), {warm_up_text()!r})); print(time.process_time())")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return {"wall_s": round(time.perf_counter() - started, 2), "cpu_s": round(float(done.stdout.split()[-1]), 2)}


def warm_up_text() -> str:
    """The fork server's warm-up article (`preload.WARM_UP_TEXT`), read from its source: importing `preload` here
    would boot a fork server's worth of resources in this process and freeze its objects."""
    import ast
    import importlib.util

    origin = importlib.util.find_spec("dateline.scale.preload").origin  # type: ignore[union-attr]
    for node in ast.parse(Path(str(origin)).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "WARM_UP_TEXT" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError("no WARM_UP_TEXT in dateline.scale.preload")


def dask_over_local_workers(round_figures: dict[str, Any]) -> dict[str, float] | None:
    """The Dask runner's total CPU and wall seconds of work over the 2 local workers' in one round (the issue's
    "Dask within 10 % of local workers"); None when the round ran only one of them."""
    local, dask = round_figures.get("2 workers"), round_figures.get("dask LocalCluster 2 workers")
    if not local or not dask:
        return None
    return {"cpu": round(dask["total_cpu_s"] / local["total_cpu_s"], 3),
            "wall": round(dask["seconds"] / local["seconds"], 3)}


def mixed_articles(corpus: Path, topics: list[str], per_topic: int) -> list[Article]:
    """The first `per_topic` articles with text of each topic, in topic order: long and short news together. Each
    id is prefixed with its topic ("bpoil_bbc-237"): Timeline17 numbers the articles of each topic from 1, so the bare
    ids of two topics clash, and the store refused the second article of each clash (14 of the 200 of
    `--per-topic 40` went unstored, the same in every runner, until the twenty-third session)."""
    articles: list[Article] = []
    for topic in topics:
        found = list(read_articles([corpus / topic / "articles.jsonl"], ReadReport()))
        articles += [replace(article, id=f"{topic}-{article.id}") for article in found[:per_topic]]
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description="Time 1 process, 2 local workers and a 2-worker Dask LocalCluster")
    ap.add_argument("--corpus", type=Path, default=T17)
    ap.add_argument("--topics", default="EgyptianProtest_cnn,H1N1_reuters,IraqWar_guardian,bpoil_bbc,haiti_bbc",
                    help="comma-separated Timeline17 topics")
    ap.add_argument("--per-topic", type=int, default=12)
    ap.add_argument("--partition-size", type=int, default=8)
    ap.add_argument("--runners", default=",".join(RUNNERS), help="comma-separated, from: " + ", ".join(RUNNERS))
    ap.add_argument("--rounds", type=int, default=1, help="run the runners this many times, taking turns")
    args = ap.parse_args()
    wanted = args.runners.split(",")
    for name in [n for n in RUNNERS if n not in wanted and not n.startswith("1 process")]:
        del RUNNERS[name]
    articles = mixed_articles(args.corpus, args.topics.split(","), args.per_topic)
    process_one(articles[0])  # the 1-process run starts warm: model and resources loaded
    rounds = [time_runners(articles, None, args.partition_size) for _ in range(args.rounds)]
    figures = {"benchmark": "scale_timing", **rounds[0]}
    if args.rounds > 1:
        figures["later_rounds"] = rounds[1:]
        figures["dask_over_local_workers"] = [dask_over_local_workers(r) for r in rounds]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
