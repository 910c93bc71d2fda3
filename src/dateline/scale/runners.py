"""Where partitions are processed: in this process, in local worker processes, or on a Dask cluster (the Dask
runner is `dateline.scale.on_dask`, imported only by a run that asks for it).

Every runner does the same thing, `process_partition` on a partition, and hands back a
handle whose `result()` gives the `PartitionResult`; `ordered_results` keeps a bounded
window of partitions in flight and returns results in input order, so what is stored,
and in what order, does not depend on which worker finishes first.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from dateline.config import settings
from dateline.model import Article
from dateline.scale.memory import resident_mb
from dateline.scale.parts import (
    Partition,
    PartitionResult,
    partition_with_parquet,
    process_partition,
)

#: Partitions a local worker processes before a fresh one takes its place (`ProcessPoolExecutor`'s
#: `max_tasks_per_child`): what a worker gathers over a long run and never frees (spaCy's string store and
#: vocabulary take every new word; the stages' caches) goes with it. A fresh worker is forked from the fork
#: server with the model loaded, and reads the gazetteer and dictionaries again on first use.
WORKER_PARTITIONS = 8
#: A local worker whose resident memory passes this at the end of a partition (after `memory.release_memory`) has
#: its pool retired: the pool's partitions in flight finish, and the next ones go to a fresh pool.
WORKER_RSS_LIMIT_MB = 1000


class Pending(Protocol):
    """A partition on its way: `result()` waits for it."""

    def result(self) -> Any: ...


class Runner(Protocol):
    """Processes partitions somewhere; `workers` is how many it processes at once."""

    workers: int

    def submit(self, part: Partition) -> Pending: ...

    def close(self) -> None: ...


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def done(result: PartitionResult) -> Future:
    """A handle on a result already at hand (a partition read back from its checkpoint)."""
    future: Future = Future()
    future.set_result(result)
    return future


class InProcess:
    """Partitions processed here, one after the other, when asked for."""

    workers = 1

    def __init__(self, model: str | None = None, batch_size: int = 32) -> None:
        self.model, self.batch_size = model, batch_size

    def submit(self, part: Partition) -> Pending:
        return _Deferred(self, part)

    def run(self, part: Partition) -> PartitionResult:
        return process_partition(part.key, part.articles, self.model, self.batch_size)

    def close(self) -> None:
        """Nothing to release."""


class _Deferred:
    """A partition to be processed in this process when its result is wanted (unless sent elsewhere first)."""

    def __init__(self, runner: InProcess, part: Partition) -> None:
        self.runner, self.part = runner, part
        self.moved: Pending | None = None
        self.ran_here: PartitionResult | None = None

    def result(self) -> PartitionResult:
        if self.moved is not None:
            return self.moved.result()
        if self.ran_here is None:
            self.ran_here = self.runner.run(self.part)
        return self.ran_here

    @property
    def parquet(self) -> bytes | None:
        """The Parquet file a worker made, when the partition was sent to one."""
        return getattr(self.moved, "parquet", None)


#: The module the fork server imports before forking workers (`dateline.scale.preload`).
PRELOAD = "dateline.scale.preload"


def blas_threads(workers: int) -> int:
    """BLAS threads for each of `workers` processes sharing this machine's cores: the cores split among them, at
    least one. The model multiplies with numpy (`dateline.nlp.multiply_with_numpy`), whose OpenBLAS starts a thread
    per core in every process: as many workers as cores, each with a thread per core, would run more threads than
    cores (Dask's nanny gives its workers one). One process alone keeps a thread per core: its products then use
    the cores the parse leaves idle. The products are the same with one thread or several."""
    return max(1, default_workers() // max(workers, 1))


def _warm_worker(model: str | None, threads: int = 1) -> None:
    """Load the spaCy model once, as a worker process starts (the other resources load on first use);
    a no-op in a worker forked with the model already loaded. The worker's BLAS gets `threads` threads
    (`blas_threads`)."""
    from threadpoolctl import threadpool_limits

    from dateline.nlp import load_model

    threadpool_limits(threads, user_api="blas")
    load_model(model)


def _worker_up(seconds: float) -> int:
    """A worker's process id, `seconds` later: busy that long, so the pool starts another worker for the next call."""
    import time

    time.sleep(seconds)
    return os.getpid()


def worker_context(model: str | None) -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from a fork server that loaded the pipeline and the settings'
    spaCy model once (`dateline.scale.preload`), where the platform has fork servers and `model` is that
    model; else `spawn`, each worker a fresh interpreter loading everything itself. Never a plain `fork`
    of the parent, which holds threads (the store's connection timer) that a fork copies in an unknown
    state; the fork server is a fresh single-threaded process."""
    if model not in (None, settings().spacy_model) or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    return context


def worker_partition(key: str, articles: list[Article], model: str | None,
                     batch_size: int) -> tuple[PartitionResult, bytes, int]:
    """`partition_with_parquet` in a local worker, with the worker's resident MB once the partition's memory is
    released (`process_partition` releases it)."""
    result, parquet = partition_with_parquet(key, articles, model, batch_size)
    return result, parquet, resident_mb()


class LocalWorkers(InProcess):
    """Partitions processed by `workers` local processes, each loading the heavy resources once.

    The processes start only when a second partition comes: an input that fits in one
    partition is processed here, without paying for starting workers. They are forked from a
    fork server that loaded the model once (`worker_context`). A worker sends back its
    partition's documents and their Parquet file, made in the worker, so the parent (which
    writes the store and the checkpoints for all workers, on the same cores) does not spend its
    time serialising them.

    Resident memory stays bounded however long the run: a worker is replaced by a fresh one after
    `partitions_per_worker` partitions, and a pool whose worker ends a partition above `rss_limit_mb` is retired
    (its partitions in flight finish; the next go to a fresh pool). Either way results are the same: a partition's
    result depends only on its articles.
    """

    def __init__(self, workers: int, model: str | None = None, batch_size: int = 32,
                 partitions_per_worker: int | None = WORKER_PARTITIONS,
                 rss_limit_mb: int | None = WORKER_RSS_LIMIT_MB) -> None:
        super().__init__(model, batch_size)
        self.workers = workers
        self.partitions_per_worker, self.rss_limit_mb = partitions_per_worker, rss_limit_mb
        self._pool: ProcessPoolExecutor | None = None
        self._sent: list[Future] = []  # the current pool's partitions not known to be done
        self._retired: list[tuple[ProcessPoolExecutor, list[Future]]] = []  # pools retired, with their partitions
        self._first: _Deferred | None = None
        self._started = False
        self.pools_retired = 0

    def submit(self, part: Partition) -> Pending:
        if not self._started and self._first is None:
            self._first = _Deferred(self, part)
            return self._first
        if self._pool is None:
            self._open_pool()
        return self._send(part)

    def _open_pool(self) -> None:
        """A fresh pool; a first partition held back for this process goes to it, unless already processed here."""
        self._pool = self._new_pool()
        first, self._started, self._first = self._first, True, None  # the caller holds it, not the runner
        if first is not None and first.moved is None and first.ran_here is None:
            first.moved = self._send(first.part)

    def start_soon(self) -> None:
        """Start the fork server now and return at once: it boots (~1.5 CPU s: imports, model, warm-up) while this
        process opens the store and reads and cuts the first partitions, instead of after, when the pool's first
        worker asks for it. For a caller that knows more than one partition will come (`ingest_partitioned`, given
        the input's size): otherwise the server would boot for an input this process handles alone."""
        if self._pool is None and worker_context(self.model).get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()

    def start(self) -> None:
        """Start the pool and wait until each of its worker processes is up, model loaded: what the first
        partitions would otherwise wait for (the fork server's imports, model and warm-up, ~3 s of one core on a
        2-core machine). For a caller whose clock should time the work, not the start-up (`scale_timing.py`,
        whose single process is warm); `submit` starts the pool itself when it is not started. Each worker spends
        one of its `partitions_per_worker` tasks on saying it is up, busy 0.05 s so that the pool starts the next
        worker rather than hand the next call to one already up (0.2 s until the twenty-second session: wall time
        of the measured start-up that a real run, which sends partitions, never spends)."""
        if self._pool is not None:
            return
        self._open_pool()
        assert self._pool is not None
        seen: set[int] = set()
        for _ in range(4 * self.workers):  # a worker done with its first call may take the next before one is added
            calls = [self._pool.submit(_worker_up, 0.05) for _ in range(self.workers)]
            seen.update(call.result() for call in calls)
            if len(seen) >= self.workers:
                break

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=worker_context(self.model), initializer=_warm_worker,
                                   initargs=(self.model, blas_threads(self.workers)),
                                   max_tasks_per_child=self.partitions_per_worker)

    def _send(self, part: Partition) -> Pending:
        assert self._pool is not None
        future = self._pool.submit(worker_partition, part.key, part.articles, self.model, self.batch_size)
        self._sent = [*(sent for sent in self._sent if not sent.done()), future]
        return _WithParquet(future, self)

    def worker_reported(self, rss_mb: int) -> None:
        """A worker's resident memory at the end of a partition: past the limit, its pool is retired (given no more
        partitions; shut down once those it has are done), and the next partition starts a fresh pool. The pool's
        partitions done are let go here too: a done future holds its partition's documents and Parquet file, which
        the parent has stored or is storing (without this, they stayed until the next partition was sent, and at the
        end of the input, when none is, for the rest of the run)."""
        self._sent = [sent for sent in self._sent if not sent.done()]
        if self.rss_limit_mb is not None and rss_mb > self.rss_limit_mb and self._pool is not None:
            self._retired.append((self._pool, self._sent))
            self._pool, self._sent = None, []
            self.pools_retired += 1
        self._shut_done_pools()

    def _shut_done_pools(self) -> None:
        """Shut down the retired pools whose partitions are all done. (Not before: a pool shut down while partitions
        wait in it no longer replaces a worker that leaves after `max_tasks_per_child`, and they would wait for
        ever.)"""
        for pool, sent in [(pool, sent) for pool, sent in self._retired if all(f.done() for f in sent)]:
            pool.shutdown(wait=True)
            self._retired.remove((pool, sent))

    def close(self) -> None:
        for pool, _ in [*self._retired, *([(self._pool, [])] if self._pool is not None else [])]:
            pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._sent, self._retired = None, [], []


class _WithParquet:
    """A worker's future of a partition's result and its Parquet file; `result()` gives the result, and tells the
    runner how much memory the worker held after it."""

    def __init__(self, future: Future, runner: LocalWorkers) -> None:
        self.future, self.runner = future, runner
        self.parquet: bytes | None = None  # the file as the worker wrote it, once the result came

    def result(self) -> PartitionResult:
        result, self.parquet, rss_mb = self.future.result()
        self.runner.worker_reported(rss_mb)
        return result


def make_runner(workers: int | None = None, cluster: str | None = None, model: str | None = None,
                batch_size: int = 32) -> Runner:
    """The runner for `--workers N` (default: the cores) or `--scheduler`/`--cluster ADDRESS` (Dask)."""
    if cluster:
        from dateline.scale.on_dask import DaskRunner  # Dask imported only for a run that asks for it

        return DaskRunner(cluster, model, batch_size)
    count = default_workers() if workers is None else workers
    return LocalWorkers(count, model, batch_size) if count > 1 else InProcess(model, batch_size)


Finished = tuple[Partition, PartitionResult, bytes | None]


def ordered_results(jobs: Iterable[tuple[Partition, Pending]], window: int) -> Iterator[Finished]:
    """Each submitted partition with its result (and its Parquet file when a worker sent one), in input
    order, at most `window` partitions in flight."""
    in_flight: deque[tuple[Partition, Pending]] = deque()
    for job in jobs:
        in_flight.append(job)
        if len(in_flight) >= window:
            yield _finish(*in_flight.popleft())
    while in_flight:
        yield _finish(*in_flight.popleft())


def _finish(part: Partition, pending: Pending) -> Finished:
    result = pending.result()
    return part, result, getattr(pending, "parquet", None)
