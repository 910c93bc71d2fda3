"""Local worker processes (dateline.scale.runners.LocalWorkers): how they start, what they are given and
what they send back.

Workers are forked from a fork server that imported the pipeline and loaded the settings' spaCy model
once, so none of them pays for that again; a `--model` other than the settings' is loaded by each worker
(spawned) as before. A worker sends back, with its documents, the Parquet file of its partition, so the
parent writes the checkpoint without serialising the documents itself. Partitions are cut by characters
as well as by articles, so a partition of long articles is not several times the work of the others.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
from concurrent.futures import Future

import pytest

from dateline.config import settings
from dateline.model import Article
from dateline.scale.parts import (
    Partition,
    PartitionResult,
    cut_partitions,
    partition_key,
    result_from_parquet,
    to_record,
)
from dateline.scale.runners import PRELOAD, LocalWorkers, worker_context

needs_fork_server = pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                                       reason="this platform has no fork server")

PIECES = [
    "The army shelled a village near Homs on Monday, killing three farmers.",
    "Ministers from Chile and Peru met in Lima on Tuesday to discuss the fishing dispute.",
    "Students marched through Dhaka on Wednesday, demanding safer roads.",
]


def partition(index: int, texts: list[str]) -> Partition:
    articles = [Article(id=f"w{index}-{i}", date=dt.date(2021, 6, 7), text=text) for i, text in enumerate(texts)]
    return Partition(index, partition_key(articles), articles)


def modules_of_worker() -> list[str]:
    """What a worker process had imported when asked (run in the worker)."""
    return sorted(sys.modules)


@needs_fork_server
def test_workers_of_the_settings_model_fork_from_a_server_that_preloaded_it():
    assert worker_context(None).get_start_method() == "forkserver"
    assert worker_context(settings().spacy_model).get_start_method() == "forkserver"


@needs_fork_server
def test_a_model_other_than_the_settings_one_is_loaded_by_each_spawned_worker():
    assert worker_context("some_other_spacy_model").get_start_method() == "spawn"


@needs_fork_server
def test_a_worker_sends_its_partition_with_the_parquet_file_it_made():
    runner = LocalWorkers(2)
    try:
        runner.submit(partition(0, PIECES[:1]))  # the first partition waits here until a second one comes
        pending = runner.submit(partition(1, PIECES[1:]))
        result = pending.result()
        assert runner._pool is not None
        loaded = runner._pool.submit(modules_of_worker).result()
    finally:
        runner.close()
    assert PRELOAD in loaded, "the worker was not forked from the preloaded server"
    assert pending.parquet is not None
    assert [to_record(d) for d in result_from_parquet(pending.parquet).documents] == \
        [to_record(d) for d in result.documents]
    assert [d.article.id for d in result.documents] == ["w1-0", "w1-1"]


def test_a_partition_closes_early_once_its_articles_reach_the_character_limit():
    lengths = [50, 50, 400, 10, 10, 10, 10]
    articles = [Article(id=f"c{i}", date=dt.date(2021, 6, 7), text="x" * n) for i, n in enumerate(lengths)]
    parts = list(cut_partitions(articles, size=4, max_chars=100))
    assert [[a.id for a in p.articles] for p in parts] == [["c0", "c1"], ["c2"], ["c3", "c4", "c5", "c6"]]
    assert [p.index for p in parts] == [0, 1, 2]
    assert len(list(cut_partitions(articles, size=4, max_chars=None))) == 2


@needs_fork_server
def test_a_worker_is_replaced_by_a_fresh_one_after_its_partitions():
    # What a worker gathers and never frees (spaCy's string store grows with every new word) goes with the worker.
    import os

    for per_worker, fresh in ((1, True), (None, False)):
        runner = LocalWorkers(1, partitions_per_worker=per_worker)
        try:
            runner.submit(partition(0, PIECES[:1]))
            runner.submit(partition(1, PIECES[1:])).result()
            assert runner._pool is not None
            pids = [runner._pool.submit(os.getpid).result() for _ in range(3)]
        finally:
            runner.close()
        assert (len(set(pids)) == 3) is fresh


@needs_fork_server
def test_a_pool_whose_worker_passes_the_memory_limit_is_retired_and_the_next_partition_goes_to_a_fresh_one():
    runner = LocalWorkers(2, rss_limit_mb=1)
    try:
        first = runner.submit(partition(0, PIECES[:1]))
        second = runner.submit(partition(1, PIECES[1:2]))
        old_pool = runner._pool
        second.result()  # the worker reports more than 1 MB resident
        assert runner._pool is None and runner.pools_retired == 1
        third = runner.submit(partition(2, PIECES[2:]))
        assert runner._pool is not None and runner._pool is not old_pool
        assert [d.article.id for p in (first, second, third) for d in p.result().documents] == ["w0-0", "w1-0", "w2-0"]
    finally:
        runner.close()


def test_a_worker_multiplies_on_one_blas_thread() -> None:
    """The model multiplies with numpy: a worker's OpenBLAS with a thread per core, in every worker of a pool that
    already uses each core, would put more threads than cores on the machine."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from dateline.scale.runners import _warm_worker

    with threadpool_limits(limits=None):  # this process's thread counts come back afterwards
        threadpool_limits(2, user_api="blas")
        _warm_worker(None)
        assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}


def test_workers_split_the_cores_among_their_blas_threads_and_one_process_keeps_them_all() -> None:
    """As many workers as cores: one BLAS thread each; fewer workers than cores: the cores shared out among them; one
    process alone: a thread per core. Never more BLAS threads on the machine than cores, never an idle core."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from dateline.scale.runners import _warm_worker, blas_threads, default_workers

    cores = default_workers()
    assert blas_threads(cores) == 1
    assert blas_threads(cores * 3) == 1
    assert blas_threads(1) == cores
    assert all(workers * blas_threads(workers) <= max(cores, workers) for workers in range(1, 2 * cores + 1))
    with threadpool_limits(limits=None):
        _warm_worker(None, blas_threads(1))
        assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {cores}


def test_a_dask_task_multiplies_on_one_blas_thread_whatever_its_worker_inherited() -> None:
    """A Dask worker forked from the fork server inherits its thread per core; the task itself sets one."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from dateline.scale.on_dask import dask_partition
    from dateline.scale.parts import result_from_parquet

    with threadpool_limits(limits=None):
        threadpool_limits(2, user_api="blas")
        result, parquet = dask_partition("k0", [], None, 8)
        assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
    assert result.key == result_from_parquet(parquet).key == "k0"


def test_a_worker_reporting_lets_go_of_the_partitions_done_and_keeps_those_on_their_way() -> None:
    # a done future holds its partition's documents and Parquet file: the parent has them, the runner need not
    from concurrent.futures import Future

    runner = LocalWorkers(2)
    finished, on_its_way = Future(), Future()
    finished.set_result((PartitionResult("k0"), b"parquet", 300))
    runner._sent = [finished, on_its_way]
    runner.worker_reported(300)
    assert runner._sent == [on_its_way]


def live_workers(runner: LocalWorkers) -> int:
    """How many worker processes the runner's pool holds now."""
    assert runner._pool is not None
    return sum(process.is_alive() for process in runner._pool._processes.values())


@needs_fork_server
def test_started_workers_are_all_up_before_the_first_partition_and_take_it_from_the_start():
    # A caller timing the work (scale_timing.py) starts the workers first; the first partition then goes straight to
    # the pool instead of waiting here for a second one, and the results are those of a runner started by submit.
    started, lazy = LocalWorkers(2), LocalWorkers(2)
    try:
        started.start()
        assert live_workers(started) == 2
        first = started.submit(partition(0, PIECES[:1]))
        assert isinstance(first.future, Future)  # sent to a worker, not held back for this process
        second = started.submit(partition(1, PIECES[1:]))
        results = [first.result(), second.result()]
        lazy.submit(partition(0, PIECES[:1]))
        expected = [p.result() for p in (lazy._first, lazy.submit(partition(1, PIECES[1:])))]
    finally:
        started.close()
        lazy.close()
    assert [[to_record(d) for d in r.documents] for r in results] == \
        [[to_record(d) for d in r.documents] for r in expected]


@needs_fork_server
def test_starting_workers_sends_a_first_partition_held_back_here_to_them():
    runner = LocalWorkers(2)
    try:
        held = runner.submit(partition(0, PIECES[:1]))
        runner.start()
        assert held.moved is not None and held.ran_here is None
        assert [d.article.id for d in held.result().documents] == ["w0-0"]
    finally:
        runner.close()
