"""Parent replay: the bulk parent's loop (`ingest_partitioned`) fed with results saved by an earlier run, no workers.

The bulk parent reads the corpus, cuts it into partitions, checks every article's identity against the store, writes
each partition's documents in one transaction (with the merge) and trims glibc. Its resident memory grew 45-86 MB per
1,000 short articles (BENCHMARKS.md, issue 13), most of it outside Python. This replays that loop in one process from
the results a run saved (one pickled `PartitionResult` per partition, `NNNNN.pkl` by partition index, unpickled in a
thread of their own as the process pool's manager thread does), so allocator and store settings can be compared on
the same writes at the parent's own speed, with no parsing. A JSON line per stored partition gives the resident and
proportional memory (RSS, PSS), the resident anonymous mappings by size (glibc's main heap; mappings of 8 MB and more,
where DuckDB's jemalloc keeps its extents; the rest) and the bytes Arrow's pool holds. The last line sums it up: the
least-squares slope of each figure per 1,000 articles over the second half of the rows, and a digest of the store.

    .venv/bin/python benchmarks/parent_replay.py CORPUS RESULTS DB --out ROWS.jsonl [--start STORE] [--duck KEY=VALUE]

`--start STORE` begins from a copy of a store an earlier replay of the same corpus and results filled (its
articles are found stored by their identity and skipped), so a second half is replayed by a fresh process, as a
resumed run is. `--duck KEY=VALUE` adds a DuckDB setting to every connection the store opens.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pyarrow as pa

from dateline.scale import Progress, ingest_partitioned
from dateline.scale.memory_log import glibc_mb, jemalloc_mb, mapped_mb, peak_mb, pymalloc_mb, reset_peak
from dateline.scale.parts import Partition, PartitionResult
from dateline.scale.runners import done
from dateline.store import duck_lease, merged
from dateline.store.duck import DuckDBStore
from write_density import Density


class CountingStore(DuckDBStore):
    """A DuckDB store that counts the partitions written through it (the rows sample after each write only)."""

    writes = 0
    let_go = False  # close the connection after each write, in this thread
    pause = 0.0  # seconds to wait after each write, as a real parent waits for its workers
    held_mb: float | None = None  # DuckDB's buffer-managed memory just after the last write, if still open
    peak_mb: float | None = None  # the process's resident high water during the last write

    def add(self, docs: Any) -> Any:
        self.writes += 1
        reset_peak()
        added = super().add(docs)
        self.peak_mb = peak_mb()
        with self._lease._lock:  # the closer thread closes the connection under this lock
            con = self._lease._con
            self.held_mb = None if con is None else round(
                con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0] / 2**20, 1)
        if self.let_go:
            self.close()
        time.sleep(self.pause)
        return added


class SavedResults:
    """A runner that answers each partition with the result an earlier run saved for its index."""

    workers = 2

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def submit(self, part: Partition) -> Any:
        blob = (self.folder / f"{part.index:05d}.pkl").read_bytes()
        box: list[PartitionResult] = []
        thread = threading.Thread(target=lambda: box.append(pickle.loads(blob)))
        thread.start()
        thread.join()
        result = box[0]
        ids = [doc.article.id for doc in result.documents]
        if any(art.id not in ids for art in part.articles if art.text):
            raise SystemExit(f"partition {part.index}: the saved result is of other articles (another corpus?)")
        return done(result)

    def close(self) -> None:
        """Nothing to release."""


def proportional_mb() -> int:
    with open("/proc/self/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return round(int(line.split()[1]) / 1024)
    return 0


def slope(rows: list[dict], figure: str, after: float = 0.5) -> float | None:
    """Least-squares growth of a figure per 1,000 articles over the rows past the first `after` of the articles."""
    start = rows[0]["articles"] + (rows[-1]["articles"] - rows[0]["articles"]) * after
    kept = [row for row in rows if row["articles"] >= start]
    if len(kept) < 3:
        return None
    xs, ys = [row["articles"] for row in kept], [row[figure] for row in kept]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return round(1000 * sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("results", type=Path, help="a folder of NNNNN.pkl, one pickled PartitionResult per partition")
    ap.add_argument("db", type=Path, help="the store to fill (replaced)")
    ap.add_argument("--out", type=Path, required=True, help="a JSON line per stored partition")
    ap.add_argument("--start", type=Path, help="begin from a copy of this store")
    ap.add_argument("--partition-size", type=int, default=16)
    ap.add_argument("--let-go", action="store_true",
                    help="close the store's connection after each write (a real parent's linger expires while it "
                         "waits for its workers; a replay's writes come too fast for that)")
    ap.add_argument("--pause", type=float, default=0.0,
                    help="seconds to wait after each write: past the store's linger, its idle closer thread closes "
                         "the connection, as in a real parent waiting for its workers")
    ap.add_argument("--report-cache-mb", type=int, metavar="MB",
                    help="the merge's report cache bound (default: merge.cache.DEFAULT_CACHE_BYTES)")
    ap.add_argument("--duck", action="append", default=[], metavar="KEY=VALUE", help="a DuckDB setting")
    args = ap.parse_args()
    for item in args.duck:
        key, _, value = item.partition("=")
        duck_lease._CONFIG[key] = value
    if args.report_cache_mb:
        merged.REPORTS.max_bytes = args.report_cache_mb << 20
    args.db.unlink(missing_ok=True)
    if args.start:
        shutil.copyfile(args.start, args.db)
    process = psutil.Process()
    rows: list[dict] = []
    store = CountingStore(args.db)
    store.let_go, store.pause = args.let_go, args.pause
    before = store.counts().get("articles", 0)
    started, cpu = time.perf_counter(), time.process_time()
    density = Density()  # each row: the write's candidate pairs and the linked groups it clustered again
    with args.out.open("w") as out:
        def sample(progress: Progress) -> None:
            if store.writes == (rows[-1]["writes"] if rows else 0):
                return  # articles found stored already: nothing written
            row = {"articles": progress.done, "writes": store.writes,
                   "rss_mb": round(process.memory_info().rss / 2**20),
                   "pss_mb": proportional_mb(), "peak_mb": store.peak_mb, **mapped_mb(), **glibc_mb(), **jemalloc_mb(),
                   **pymalloc_mb(),
                   "arrow_mb": round(pa.total_allocated_bytes() / 2**20, 1), "cpu_s": round(time.process_time(), 1),
                   "opened": store.times_opened, "duckdb_mb": store.held_mb,
                   "reports": len(merged.REPORTS), "reports_mb": round(merged.REPORTS.bytes / 2**20, 1),
                   **density.take()}
            rows.append(row)
            out.write(json.dumps(row) + "\n")
            out.flush()

        with density:
            report = ingest_partitioned([args.corpus], store, SavedResults(args.results),
                                        partition_size=args.partition_size, on_progress=sample)
    stored = store.counts()
    store.close()
    print(json.dumps({"benchmark": "parent_replay", "duck": args.duck, "let_go": args.let_go, "pause": args.pause,
                      "start_articles": before,
                      "articles": stored.get("articles"), "events": stored.get("events"), "added": report.added,
                      "wall_s": round(time.perf_counter() - started, 1), "cpu_s": round(time.process_time() - cpu, 1),
                      "load": [round(x, 1) for x in psutil.getloadavg()], "last": rows[-1] if rows else None,
                      **{f"{figure}_per_1000": slope(rows, figure) for figure in
                         ("rss_mb", "pss_mb", "peak_mb", "heap_mb", "anon_big_mb", "anon_small_mb", "file_mb",
                          "arrow_mb", "glibc_arenas_mb", "glibc_used_mb", "glibc_large_mb", "reports_mb",
                          "pymalloc_used_mb", "pymalloc_free_mb", "pymalloc_empty_pools_mb",
                          "duckdb_je_allocated_mb", "duckdb_je_resident_mb")}}))


if __name__ == "__main__":
    sys.exit(main())
