"""Timing `dateline.scale` runners with the peak resident memory of their process tree (used by
throughput.py and bulk.py)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from dateline.model import Article
from dateline.scale import ingest_partitioned
from dateline.scale.runners import DaskRunner, InProcess, LocalWorkers, Runner
from dateline.store import open_store

MB = 1024 * 1024


class PeakMemory:
    """Samples the resident memory of this process and of every process below it until stopped."""

    def __init__(self, root: int | None = None, every: float = 0.2) -> None:
        self.root = psutil.Process(root or os.getpid())
        self.every = every
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for proc in procs:
                try:
                    self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), proc.memory_info().rss)
                except psutil.NoSuchProcess:
                    continue
            self._stop.wait(self.every)

    def figures(self) -> dict[str, float]:
        """Peak RSS of the root process, of the largest other process, and of the tree's sum of peaks."""
        others = [rss for pid, rss in self.peak.items() if pid != self.root.pid]
        return {"parent_peak_rss_mb": round(self.peak.get(self.root.pid, 0) / MB),
                "worker_peak_rss_mb": round(max(others, default=0) / MB),
                "sum_of_peaks_mb": round(sum(self.peak.values()) / MB)}


RUNNERS: dict[str, Callable[[], Runner]] = {
    "1 process": InProcess,
    "2 workers": lambda: LocalWorkers(2),
    "dask LocalCluster 2 workers": lambda: DaskRunner("local:2"),
}


def time_runners(articles: list[Article], parse_rate: float, partition_size: int) -> dict[str, Any]:
    """Ingest `articles` with each runner into a fresh store; articles/s, ratio to `parse_rate`, memory."""
    out: dict[str, Any] = {"load_average_before": os.getloadavg()[0]}
    for name, make in RUNNERS.items():
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "in.jsonl"
            source.write_text("".join(json.dumps({"id": a.id, "date": a.date.isoformat(), "text": a.text}) + "\n"
                                      for a in articles), encoding="utf-8")
            runner = make()
            with PeakMemory() as memory, open_store(Path(folder) / "db.duckdb") as store:
                t0 = time.perf_counter()
                report = ingest_partitioned([source], store, runner, partition_size=partition_size)
                seconds = time.perf_counter() - t0
                runner.close()
        rate = report.added / seconds
        out[name] = {"seconds": round(seconds, 1), "articles_per_s": round(rate, 2),
                     "ratio_to_parse": round(rate / parse_rate, 3), "load_average": os.getloadavg()[0],
                     **memory.figures()}
        print(f"{name}: {out[name]}", file=sys.stderr)
    return out
