"""Ingest at scale: the ordinary pipeline on partitions, in worker processes or on Dask, resumable.

    read (streamed) -> partitions -> runner (here | local workers | Dask) -> in input order:
        [Parquet checkpoint] -> store (one transaction per partition) -> checkpoint logged

The parent process reads, cuts the input into partitions of consecutive articles, sends
each to the runner with a bounded number in flight, and writes results to the store in
input order, so the store ends the same whatever the number of workers and whichever
finishes first. Memory stays bounded: the input is streamed, and a partition's
documents are released once written. With a checkpoint folder, an interrupted run
resumes: partitions logged as stored are skipped unread by the pipeline, a partition
processed but not stored is loaded from its Parquet file, and the store's idempotent
writes make sure nothing is stored twice in any case.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.config import settings
from dateline.model import Article
from dateline.read import DEFAULT_LANG_POLICY, DEFAULT_MAX_CHARS, DateOrder, LangPolicy, read_articles
from dateline.scale.memory import trim_memory
from dateline.scale.memory_log import MemoryLog
from dateline.scale.parts import (
    DEFAULT_PARTITION_CHARS,
    DEFAULT_PARTITION_SIZE,
    Checkpoints,
    Partition,
    PartitionResult,
    cut_partitions,
)
from dateline.scale.runners import InProcess, Pending, Runner, default_workers, done, make_runner, ordered_results

if TYPE_CHECKING:  # the store, DuckDB and `dateline.ingest` are the parent's: imported where the parent uses them, so
    # the workers' fork server, which imports this package to reach `runners`, does not (0.09 CPU s of its start-up)
    from dateline.ingest import IngestReport
    from dateline.store import Store

__all__ = ["DEFAULT_PARTITION_SIZE", "Progress", "default_checkpoint_folder", "default_workers", "estimate_articles",
           "ingest_partitioned", "ingest_with", "make_runner"]


@dataclass
class Progress:
    """Articles done so far, their rate and, when the input's size is known, the time left."""

    total: int | None = None
    done: int = 0
    started: float = field(default_factory=time.monotonic)

    def advance(self, n: int) -> None:
        self.done += n

    @property
    def rate(self) -> float:
        """Articles per second since the start."""
        return self.done / max(time.monotonic() - self.started, 1e-6)

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far; None while unknown."""
        if self.total is None or not self.done:
            return None
        return max(self.total - self.done, 0) / self.rate

    def describe(self) -> str:
        eta = f", ETA {_clock(self.eta)}" if self.eta is not None else ""
        return f"{self.rate:.1f} articles/s{eta}"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def estimate_articles(paths: Iterable[str | Path], more_than: int | None = None) -> int | None:
    """About how many articles the inputs hold (JSON Lines: non-blank lines; other files: one), for an ETA.

    Reads JSONL files once in large blocks (fast next to parsing them); None when an input
    is standard input. With `more_than`, reading stops as soon as the count passes it (the
    number returned is then only a lower bound): enough to tell whether more than one
    partition will come (`scale.early`), without reading a large input through.
    """
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        path = Path(raw)
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            if file.is_file() and not file.name.startswith("."):
                total += _records_in(file, None if more_than is None else more_than - total)
                if more_than is not None and total > more_than:
                    return total
    return total


def _records_in(file: Path, more_than: int | None = None) -> int:
    """The non-blank lines of a JSON Lines file (1 for any other file), counted until they pass `more_than`."""
    with file.open("rb") as fh:
        head = fh.read(1 << 16)
        if not head.lstrip().startswith(b"{"):
            return 1
        lines, last = 0, b"\n"
        block = head
        while block:
            lines += sum(1 for line in block.split(b"\n")[:-1] if line.strip())
            if more_than is not None and lines > more_than:
                return lines
            last = block.rsplit(b"\n", 1)[-1]
            block = fh.read(1 << 20)
            block = last + block if block else b""
        return lines + (1 if last.strip() else 0)


#: With N workers, no partition near the end takes more than 1/(this x N) of the articles left, nor fewer than
#: `parts.TAIL_MIN_ARTICLES` (`cut_partitions`). 2 workers, 200 articles in the CLI's partitions of 64: 64, 64, 36,
#: 18, 9, 8, 1 rather than 64, 64, 64, 8 (one worker idle for nearly half the run). 1 (guided scheduling's
#: usual share) rather than 2: on a model of 2 idle cores with the fixed costs measured (~0.1 CPU s a partition in a
#: worker, as much in the parent), 200 T17 articles of equal length take 20.8 s as 64, 64, 64, 8, 18.2 s with a
#: share of 1/4 (11 partitions) and 18.0 s with 1/2 (7); the mix of `scale_timing.py`, whose long articles already
#: close partitions early (35, 64, 64, 37), 17.95 s as it was, 18.2 with 1/4 and 17.97 with 1/2.
TAIL_SHARE_PER_WORKER = 1


def default_checkpoint_folder(db: str) -> Path:
    """Where a run into `db` keeps its checkpoints: the cache folder, one subfolder per database."""
    return settings().cache_dir / "ingest" / hashlib.sha256(str(db).encode()).hexdigest()[:16]


class _Run:
    """The parent's side of one partitioned ingest: what to send, what to skip, what to store."""

    def __init__(self, store: Store, runner: Runner, ledger: Checkpoints | None, report: IngestReport,
                 progress: Progress, on_progress: Callable[[Progress], None] | None) -> None:
        self.store, self.runner, self.ledger, self.report = store, runner, ledger, report
        self.progress, self.on_progress = progress, on_progress
        from dateline.store.identity import ArticleIdentity

        self.identity = ArticleIdentity(store)  # knows the articles sent but not stored yet
        self.memory_log = MemoryLog.from_environment()  # `DATELINE_MEMORY_LOG`: what the parent holds, per partition

    def tick(self, n: int) -> None:
        if n:
            self.progress.advance(n)
            if self.on_progress:
                self.on_progress(self.progress)

    def jobs(self, parts: Iterable[Partition]) -> Iterator[tuple[Partition, Pending]]:
        """Partitions to process (or read back from their checkpoint), leaving out what is stored already."""
        for part in parts:
            if self.ledger and self._logged(part.key):
                self.report.existing += len(part.articles)
                self.tick(len(part.articles))
                continue
            fresh = self._unseen(part.articles)
            self.tick(len(part.articles) - len(fresh))
            if not fresh:
                continue
            saved = self.ledger.saved_result(part.key) if self.ledger else None
            todo = Partition(part.index, part.key, fresh)
            yield todo, (done(saved) if saved is not None else self.runner.submit(todo))

    def _logged(self, key: str) -> bool:
        """Logged as stored by an earlier run, and the store still holds the article the log names."""
        assert self.ledger is not None
        witness = self.ledger.stored.get(key)
        return witness not in (None, "-") and self.store.has_article(witness)

    def _unseen(self, articles: list[Article]) -> list[Article]:
        """Articles not stored or on their way, by content (`store.identity`, as `ingest` decides)."""
        fresh = []
        for art in articles:
            placement = self.identity.place(art)
            if placement.clash:
                self.report.failed.append((art.origin or art.id, placement.clash))
            elif placement.article is None:
                self.report.existing += 1
            else:
                fresh.append(placement.article)
        return fresh

    def store_result(self, part: Partition, result: PartitionResult, parquet: bytes | None) -> None:
        """Write one partition's documents in one transaction, checkpointing around it."""
        if self.ledger and not self.ledger.part_path(part.key).exists():
            self.ledger.save_result(result, parquet)
        added = self.store.add(result.documents)
        self.report.added += added.added
        self.report.existing += added.existing
        self.report.events += added.events
        self.report.failed += added.failed + result.failures
        if self.ledger:
            self.ledger.mark_stored(part.key, result.documents[0].article.id if result.documents else None)
        self.identity.forget(part.articles)
        self.store.release()  # DuckDB's memory for the write goes now, not only once the writes pause for its linger
        trim_memory()  # what the transaction and the merge freed goes back to the system, not kept as high water
        self.tick(len(part.articles))
        if self.memory_log:
            self.memory_log.row(self.progress.done)


def ingest_partitioned(paths: Iterable[str | Path], store: Store, runner: Runner | None = None,
                       checkpoints: Path | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
                       max_chars: int = DEFAULT_MAX_CHARS, date_order: DateOrder | None = None,
                       on_progress: Callable[[Progress], None] | None = None,
                       total: int | None = None, lang: LangPolicy = DEFAULT_LANG_POLICY,
                       partition_chars: int | None = DEFAULT_PARTITION_CHARS) -> IngestReport:
    """Read, process (with `runner`: here, local workers or Dask) and store every article under `paths`.

    The store ends the same as with `dateline.ingest.ingest`, whatever the runner. With
    `checkpoints` (a folder), an interrupted run resumes where it stopped; the folder is
    emptied when the run completes. `on_progress` gets the `Progress` after every step; `lang` says
    what to do with articles that are not English (`dateline.read.lang`). A partition holds
    `partition_size` articles, fewer when they reach `partition_chars` characters.

    `total`, the input's size in articles as estimated (`estimate_articles`), gives the ETA, and with more than
    one worker two things that shorten the run's wall: the workers' fork server is started before the input is
    read, when more than one partition will come (`LocalWorkers.start_soon`); and partitions near the end get
    smaller, none taking more than a `TAIL_SHARE_PER_WORKER` x workers share of the articles left
    (`cut_partitions`), so the workers finish together.
    """
    runner = runner or InProcess()
    if total is not None and total > partition_size and hasattr(runner, "start_soon"):
        runner.start_soon()  # local workers: their fork server boots while this process reads
    from dateline.ingest import IngestReport

    report = IngestReport()
    ledger = Checkpoints(checkpoints) if checkpoints else None
    run = _Run(store, runner, ledger, report, Progress(total=total), on_progress)
    articles = read_articles(paths, report.read, max_chars, date_order, lang)
    parts = cut_partitions(articles, partition_size, partition_chars, total,
                           tail_share=TAIL_SHARE_PER_WORKER * runner.workers if runner.workers > 1 else None)
    for part, result, parquet in ordered_results(run.jobs(parts), window=2 * runner.workers):
        run.store_result(part, result, parquet)
        # written: its documents and Parquet bytes go now, not once the next partition has come (the loop's names
        # would hold them while the parent waits for it, and its objects would be made among theirs)
        del part, result, parquet
    if ledger:
        ledger.finish()
    return report


def ingest_with(paths: Iterable[str | Path], store: Store, db: str, model: str | None = None, batch_size: int = 32,
                workers: int | None = None, cluster: str | None = None, checkpoints: Path | None = None,
                partition_size: int = DEFAULT_PARTITION_SIZE, max_chars: int = DEFAULT_MAX_CHARS,
                date_order: DateOrder | None = None,
                on_progress: Callable[[Progress], None] | None = None,
                lang: LangPolicy = DEFAULT_LANG_POLICY) -> IngestReport:
    """`dateline ingest`: `workers` local processes (default: the cores) or a Dask `cluster` (a scheduler
    address or `local[:N]`), checkpoints in `checkpoints` (default: a folder for `db` in the cache folder)."""
    paths = list(paths)
    runner = make_runner(workers, cluster, model, batch_size)
    try:
        return ingest_partitioned(paths, store, runner, checkpoints or default_checkpoint_folder(db),
                                  partition_size=partition_size, max_chars=max_chars, date_order=date_order,
                                  on_progress=on_progress, lang=lang,
                                  total=estimate_articles(paths) if on_progress or runner.workers > 1 else None)
    finally:
        runner.close()
