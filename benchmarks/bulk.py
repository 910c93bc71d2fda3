"""Bulk ingest: a large corpus built from Timeline17 articles, ingested end to end by `dateline ingest`.

The corpus: every T17 article (all topics, ~2,900), cycled until `--size` articles; copy k
of an article gets the id `TOPIC/ID~k` and its date moved k×7 days later (a re-dated copy: the
same text, so the same parsing cost, but a different article to the store). Written as
one JSON Lines file, which the reader streams.

Two runs of `dateline ingest FILE --workers W` into fresh DuckDB stores, each sampled
for the peak resident memory of its whole process tree (the parent and its workers):

1. uninterrupted: wall time, articles/s, peak RSS, CPU seconds of the parent and of the workers (the
   cost of the run whatever else the machine runs, from which the capacity estimate is made);
   and a progress timeline: a row each time a partition is logged as stored (wall and CPU seconds so
   far, articles stored, the RSS of the parent and of each worker at that moment, the PSS of the parent
   and of the whole tree), so that flat memory and a steady rate over the run are shown, not assumed;
   `memory_trend` fits the parent's slope in MB per 1,000 articles over the second half of the run.
   The whole-run goal (2 GB) is read against the tree's PSS at one moment (`tree_peak_pss_mb`): RSS
   counts each page the fork server shares with its workers once per process;
2. killed (SIGKILL to its whole process group, the workers too) once its checkpoint log
   says half the corpus is stored, then run again: the second run's wall time, and whether
   the store ends with exactly the articles and events of run 1 (nothing lost, nothing
   stored twice).

Each run's messages go to a log file beside the stores (`run-NAME.log`), never to a pipe:
the resume phase once stalled here because only the parent was killed, its orphaned
workers kept the stderr pipe open, and reading that pipe to its end waited for ever.

    .venv/bin/python benchmarks/bulk.py [--size 100000] [--workers 2] [--keep DIR]

The full 100,000 take many hours on 2 cores; run a smaller `--size` and extrapolate (see
BENCHMARKS.md), saying the size you ran.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from dateline.store import open_store
from merge import MERGE_STATE
from scale_timing import PeakMemory, resident_and_proportional

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"
DATELINE = Path(sys.executable).with_name("dateline")
PARTITION_SIZE = 64  # `dateline ingest`'s default
#: The sampler's pace (`PeakMemory`): RSS and CPU every half second, PSS at each new high of the tree's RSS and
#: every 10 s besides. Every reading every 0.2 s cost the fourteenth session's runs 201-230 CPU s a half, half of
#: what the workers spent, on the 2 cores they shared.
SAMPLE_EVERY, PSS_EVERY = 0.5, 10.0


def build_corpus(corpus: Path, size: int, out: Path, chars: int | None = None) -> None:
    """Write `size` re-dated copies of the T17 articles to `out` (JSON Lines), streaming the sources; with `chars`,
    each text cut to its lines that end within the first `chars` characters (`lead`)."""
    sources = sorted(corpus.glob("*/articles.jsonl"))
    if not sources:  # else the cycle below never ends: every copy of nothing is nothing
        raise SystemExit(f"no */articles.jsonl under {corpus}: give the T17 folder with --corpus")

    def originals() -> Iterator[tuple[str, dict]]:
        for path in sources:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield path.parent.name, json.loads(line)

    with out.open("w", encoding="utf-8") as fh:
        for copy in itertools.count():
            for topic, record in originals():
                if size <= 0:
                    return
                day = dt.date.fromisoformat(record.get("date") or record["time"]) + dt.timedelta(days=7 * copy)
                text = lead(record["text"], chars) if chars else record["text"]
                fh.write(json.dumps({"id": f"{topic}/{record.get('id')}~{copy}",
                                     "date": day.isoformat(), "text": text}) + "\n")
                size -= 1


def lead(text: str, chars: int) -> str:
    """The lines of `text` that end within its first `chars` characters (at least its first line): a short report
    made of an article's lead, whole sentences (T17 texts hold a sentence a line), so a bulk run can store many
    articles where parsing whole ones would not fit the time at hand."""
    cut = text.rfind("\n", 0, chars + 1)
    if cut < 0:
        cut = text.find("\n")
    return text if cut < 0 else text[:cut + 1]


def ingest(corpus: Path, db: Path, run: Path, workers: int, kill_at: int | None = None,
           partition_size: int = PARTITION_SIZE) -> dict:
    """One `dateline ingest` run; with `kill_at`, SIGKILLed once that many articles are logged as stored.

    The progress timeline is also written line by line to `timeline-NAME.jsonl` beside the stores, so a
    long run's trend survives this benchmark being stopped."""
    command = [str(DATELINE), "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
               "--checkpoints", str(run), "--partition-size", str(partition_size)]
    t0 = time.perf_counter()
    log = run.with_name(f"{run.name}.log")
    with log.open("a", encoding="utf-8") as messages:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=messages, start_new_session=True)
    timeline = Timeline(proc.pid, run / "stored.log", partition_size, t0)
    sampler = PeakMemory(proc.pid, every=SAMPLE_EVERY, pss_every=PSS_EVERY)
    with sampler as memory, run.with_name(f"timeline-{run.name}.jsonl").open("a") as trace:
        while proc.poll() is None:
            row = timeline.poll(memory.cpu)
            if row is not None:
                trace.write(json.dumps(row) + "\n")
                trace.flush()
            if kill_at is not None and timeline.partitions * partition_size >= kill_at:
                os.killpg(proc.pid, signal.SIGKILL)  # the workers too, as a crash of the machine would
                proc.wait()
                break
            time.sleep(0.5)
    stderr = log.read_text(encoding="utf-8")
    seconds = time.perf_counter() - t0
    print(f"{'killed' if kill_at else 'run'} after {seconds:.0f}s: {stderr.strip()[-300:]}", file=sys.stderr)
    return {"seconds": round(seconds, 1), **memory.figures(), **memory.cpu_figures(),
            "load_average": os.getloadavg()[0], "timeline": timeline.rows}


class Timeline:
    """Progress of one `dateline ingest` process tree, one row per partition logged as stored.

    A row holds the wall seconds since the start, the partitions logged and the articles they hold
    (`partition_size` each, capped by nothing: partitions closed early by their character limit make
    it an over-count, so run with partitions that stay under it), the CPU seconds of the parent and of
    the whole tree so far (from the sampler's `cpu`, which keeps exited processes' last figures), the
    one-minute load average, the current RSS of the parent and of each process below it, the parent's PSS and
    the PSS of the whole tree (`scale_timing.PeakMemory` says why PSS is the figure the whole-run goal reads)."""

    def __init__(self, root: int, stored_log: Path, partition_size: int, started: float) -> None:
        self.root = root
        self.stored_log = stored_log
        self.partition_size = partition_size
        self.started = started
        # what an earlier run logged (a rerun after a kill) is no row of this run's: its first row would be sampled
        # as this process starts, before it stores anything, and bend the parent's slope down to its start-up size
        self.partitions = _logged_partitions(stored_log)
        self.rows: list[dict] = []

    def poll(self, cpu: dict[int, float]) -> dict | None:
        """A new row if more partitions are logged than at the last poll, else None."""
        logged = _logged_partitions(self.stored_log)
        if logged <= self.partitions:
            return None
        self.partitions = logged
        parent_rss, worker_rss = tree_rss_mb(self.root)
        parent_cpu = cpu.get(self.root, 0.0)
        parent_pss, tree_pss = tree_pss_mb(self.root)
        kinds = mappings_mb(self.root)
        row = {"wall_s": round(time.perf_counter() - self.started, 1), "partitions": logged,
               "articles": logged * self.partition_size, "parent_cpu_s": round(parent_cpu, 1),
               "total_cpu_s": round(sum(cpu.values()), 1), "load_average": os.getloadavg()[0],
               "parent_rss_mb": parent_rss, "worker_rss_mb": worker_rss, "parent_pss_mb": parent_pss,
               "tree_pss_mb": tree_pss, **{f"parent_{kind}_mb": mb for kind, mb in kinds.items()}}
        self.rows.append(row)
        return row


def tree_rss_mb(root: int) -> tuple[int, list[int]]:
    """Resident memory now, in MB, of the process `root` and of each process below it (0 for a gone root)."""
    try:
        parent = psutil.Process(root)
        rss = parent.memory_info().rss
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, []
    workers = []
    for child in children:
        try:
            workers.append(round(child.memory_info().rss / 2**20))
        except psutil.NoSuchProcess:
            continue
    return round(rss / 2**20), workers


def mappings_mb(pid: int) -> dict[str, int]:
    """Resident MB of a process by kind of mapping (`/proc/PID/smaps`): `heap` (glibc's main arena), `anon`
    (anonymous mappings: Python's arenas, glibc's thread arenas and large blocks, DuckDB's jemalloc) and `file`
    (libraries, the model files): which allocator's memory grows, read from outside the process ({} where unread)."""
    kinds = {"heap": 0, "anon": 0, "file": 0}
    kind = None
    try:
        with open(f"/proc/{pid}/smaps", encoding="utf-8") as fh:
            for line in fh:
                head = line.split(None, 6)
                if head and "-" in head[0] and len(head) >= 5:  # a mapping's first line: range perms offset dev inode
                    path = head[5].strip() if len(head) > 5 else ""
                    kind = "heap" if path == "[heap]" else "file" if path.startswith("/") else "anon"
                elif head and head[0] == "Rss:" and kind is not None:
                    kinds[kind] += int(head[1])
    except OSError:
        return {}
    return {kind: round(kb / 1024) for kind, kb in kinds.items()}


def tree_pss_mb(root: int) -> tuple[int, int]:
    """PSS now, in MB, of the process `root` and of it and every process below it together (0, 0 for a gone root):
    each page shared by forked processes counted once over the tree, not once per process as a sum of RSS is."""
    try:
        parent = psutil.Process(root)
        own = resident_and_proportional(parent)[1]
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    total = own
    for child in children:
        try:
            total += resident_and_proportional(child)[1]
        except psutil.NoSuchProcess:
            continue
    return round(own / 2**20), round(total / 2**20)


def _logged_partitions(log: Path) -> int:
    """Complete lines of a run's `stored.log` (a line cut short by a kill has no newline yet)."""
    return log.read_text(encoding="utf-8").count("\n") if log.exists() else 0


def counts(db: Path) -> dict[str, int]:
    """Rows per table of a store (`Store.counts`): what a resumed store must share with an uninterrupted one."""
    with open_store(db, read_only=True) as store:
        return store.counts()


def merge_digest(db: Path) -> str:
    """A digest of what merging decided in a store (`merge.MERGE_STATE`: every event's merged event, reason and
    counts, and every link; equal counts could hide events merged otherwise after a resume)."""
    digest = hashlib.sha256()
    with open_store(db, read_only=True) as store:
        for sql in MERGE_STATE:
            for row in store.rows(sql):
                digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


#: What "stored twice" means per table: rows beyond the first with the same key. An article by its id and by its
#: content's digest (the identity that decides whether an article is new); an event by its id and by the mention it
#: was coded from (article, sentence, trigger, type); a time, place or actor mention by its article and offsets; a
#: party, merge key or link by the key the schema gives it.
DUPLICATE_KEYS = {
    "articles by id": ("articles", "id"), "articles by content": ("articles", "digest"),
    "events by id": ("events", "id"),
    "events by mention": ("events", "article_id, sent_start, trigger_start, type, negated, hypothetical"),
    "timexes": ("timexes", "article_id, start, \"end\", value"), "places": ("places", "article_id, start, \"end\""),
    "actors": ("actors", "article_id, start, \"end\""), "parties": ("event_parties", "event_id, role, position"),
    "merge keys": ("merge_keys", "event_id, window_key"), "links": ("event_links", "a, b"),
}


def duplicates(db: Path) -> dict[str, int]:
    """Rows stored more than once in a store, by `DUPLICATE_KEYS` (all 0 after a resume that stored nothing twice):
    a check of the store on its own, where an uninterrupted store of the same corpus is not at hand to compare."""
    found = {}
    with open_store(db, read_only=True) as store:
        for name, (table, key) in DUPLICATE_KEYS.items():
            (extra,), = store.rows(f"SELECT count(*) - count(DISTINCT ({key})) FROM {table}")
            found[name] = int(extra)
    return found


def memory_trend(timeline: list[dict]) -> dict[str, list]:
    """Resident MB of the parent and of the workers at the first, middle and last partition stored (the fork
    server, ~200 MB, and the resource tracker, ~12 MB, are left out of the workers: neither grows)."""
    rows = [timeline[0], timeline[len(timeline) // 2], timeline[-1]] if timeline else []
    return {"articles": [row["articles"] for row in rows], "parent_mb": [row["parent_rss_mb"] for row in rows],
            "workers_mb": [sorted(mb for mb in row["worker_rss_mb"] if mb > 250) for row in rows],
            "largest_worker_mb": max((mb for row in timeline for mb in row["worker_rss_mb"]), default=0),
            "tree_pss_mb": [row.get("tree_pss_mb") for row in rows],
            "parent_mb_per_1000_articles": parent_slope(timeline)}


def parent_slope(timeline: list[dict], after: float = 0.5) -> float | None:
    """The parent's RSS growth in MB per 1,000 articles over the rows past the first `after` of the run (by
    articles), fitted by least squares: how it grows once its merge cache is full (None with under 3 rows)."""
    if not timeline:
        return None
    start = timeline[-1]["articles"] * after
    rows = [row for row in timeline if row["articles"] >= start]
    if len(rows) < 3:
        return None
    xs, ys = [row["articles"] for row in rows], [row["parent_rss_mb"] for row in rows]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if not spread:
        return None
    return round(1000 * sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread, 1)


def uninterrupted(corpus: Path, db: Path, run: Path, workers: int, size: int, partition_size: int) -> dict:
    """The uninterrupted run with its rates and memory trend."""
    whole = ingest(corpus, db, run, workers, partition_size=partition_size)
    whole["articles_per_s"] = round(size / whole["seconds"], 3)
    whole["cpu_s_per_article"] = round(whole["total_cpu_s"] / size, 3)
    whole["memory_trend"] = memory_trend(whole["timeline"])
    return whole


def main() -> None:
    """Build the corpus, ingest it (uninterrupted, then killed at 50 % and resumed, as the options say) and print
    one JSON line of times, memory and the stores' comparison."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--corpus", type=Path, default=T17)
    ap.add_argument("--partition-size", type=int, default=PARTITION_SIZE, help="articles per partition")
    ap.add_argument("--chars", type=int, help="cut each article to its lines within this many characters "
                    "(a cheaper corpus: the parse dominates a run, the parent's growth is per stored event)")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    ap.add_argument("--resume-only", action="store_true",
                    help="no uninterrupted run and no store to compare with: the kill at 50 %% and the resumed run "
                    "only, the resumed store checked for rows stored twice (its parents cover a half each)")
    ap.add_argument("--no-resume", action="store_true",
                    help="the uninterrupted run only (no kill at 50 %% and resumed run)")
    ap.add_argument("--uninterrupted", type=Path, metavar="DB",
                    help="skip the uninterrupted run: compare the resumed store with DB, a store of the same corpus "
                    "and partition size ingested whole by the same code or code that stores the same (halves the "
                    "benchmark's time)")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dateline-bulk-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    build_corpus(args.corpus, args.size, corpus, args.chars)

    head = {"benchmark": "bulk", "size": args.size, "chars": args.chars, "workers": args.workers,
            "partition_size": args.partition_size,
            "corpus_mb": round(corpus.stat().st_size / 2**20), "peak_goal_mb": 2048,
            "peak_goal_reads": "tree_peak_pss_mb"}
    whole_db = args.uninterrupted or folder / "whole.duckdb"
    if args.resume_only:
        whole = {"not_run": "the resumed store is checked for rows stored twice"}
    elif args.uninterrupted:
        whole = {"not_run": f"the resumed store is compared with {whole_db}"}
    else:
        whole = uninterrupted(corpus, whole_db, folder / "run-whole", args.workers, args.size, args.partition_size)
    # kept beside the stores at once: the resume phase takes as long again, and a run cut short keeps this half
    (folder / "uninterrupted.json").write_text(json.dumps({**head, "uninterrupted": whole}), encoding="utf-8")
    if args.no_resume:
        print(json.dumps({**head, "uninterrupted": whole}))
        return
    killed = ingest(corpus, folder / "resumed.duckdb", folder / "run-resumed", args.workers, kill_at=args.size // 2,
                    partition_size=args.partition_size)
    stored_at_kill = counts(folder / "resumed.duckdb")["articles"]
    resumed = ingest(corpus, folder / "resumed.duckdb", folder / "run-resumed", args.workers,
                     partition_size=args.partition_size)
    resumed["memory_trend"] = memory_trend(resumed["timeline"])  # its parent from the kill on: the second half
    killed["memory_trend"] = memory_trend(killed["timeline"])
    got, twice = counts(folder / "resumed.duckdb"), duplicates(folder / "resumed.duckdb")
    if args.resume_only:
        print(json.dumps({**head, "uninterrupted": whole, "killed": {**killed, "articles_stored": stored_at_kill},
                          "resumed": resumed, "counts": got, "stored_twice": twice, "merge_digest":
                          merge_digest(folder / "resumed.duckdb")}))
        return
    expected = counts(whole_db)
    digests = merge_digest(whole_db), merge_digest(folder / "resumed.duckdb")
    print(json.dumps({
        **head, "uninterrupted": whole, "killed": {**killed, "articles_stored": stored_at_kill}, "resumed": resumed,
        "resumed_store_equals_uninterrupted": expected == got, "counts": got, "stored_twice": twice,
        "resumed_merge_equals_uninterrupted": digests[0] == digests[1], "merge_digest": digests[0],
    }))


if __name__ == "__main__":
    main()
