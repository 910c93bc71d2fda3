"""Partitions on a Dask cluster: an existing one (`tcp://HOST:PORT`) or a `LocalCluster` started here (`local[:N]`).

The task is the ordinary pipeline on a partition (`dask_partition`), as local workers run it; what is Dask's
own is left to Dask (scheduling, transfers, worker restarts). A cluster started here is tuned to cost the
workers little beside their work: its workers are forked from the local workers' fork server (pipeline and
model loaded once), they sample nothing for a dashboard, their servers' clocks tick slowly
(`LOCAL_CLUSTER_CLOCKS`), and results come straight from the worker that holds them.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Article
from dateline.scale.parts import Partition, PartitionResult, partition_with_parquet
from dateline.scale.runners import Pending, default_workers, worker_context

#: Dask settings of a `LocalCluster` started here. No statistical profiler in the workers (it samples the
#: task thread's stack every 10 ms for the dashboard that a local ingest does not show) and no GIL
#: monitor: 24 short articles on 2 local Dask workers, CPU seconds of the whole run: 19.1-19.4 with
#: Dask's defaults, 15.6-18.3 without them. And the clocks of its servers slowed (`LOCAL_CLUSTER_CLOCKS`).
#: A remote cluster keeps its operator's settings.
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False,
                        "distributed.admin.system-monitor.gil.enabled": False,
                        # a worker's memory is bounded by its nanny alone (`LOCAL_WORKER_MEMORY`): no pausing (a
                        # worker paused by what its string store keeps would wait for ever) and nothing to spill
                        "distributed.worker.memory.target": False, "distributed.worker.memory.spill": False,
                        "distributed.worker.memory.pause": False}
#: The periodic callbacks every server of a `LocalCluster` runs (the scheduler and the nannies in the parent, each
#: worker in its own process), slowed for a local ingest. Dask's defaults wake each event loop 50 times a second to
#: check its own health (`tick`), read the process's and the host's CPU, memory, network and disks for a dashboard
#: twice a second (`system-monitor`, in every server), and have each nanny read its worker's memory 10 times a
#: second. Idle, a 2-worker cluster so spent 35-41 ms of CPU a second in the parent and 28 in the workers, which
#: on a machine the workers fill is taken from their parse; with these, 7.5 and 5.0 (`benchmarks/dask_idle.py`,
#: both ways). What stays: a loop blocked past `tick.limit` (3 s) is still reported, and a worker past 95 % of
#: `LOCAL_WORKER_MEMORY` is still restarted, seen within half a second instead of a tenth (a last resort: a
#: worker's parse is bounded by the batch and partition sizes first).
LOCAL_CLUSTER_CLOCKS = {"distributed.admin.tick.interval": "1s",
                        "distributed.admin.system-monitor.interval": "5s",
                        "distributed.admin.system-monitor.disk": False,
                        "distributed.worker.memory.monitor-interval": "500ms"}
#: The memory of each worker of a `LocalCluster` started here: its nanny restarts a worker that passes 95 % of it
#: (Dask's bound on a worker, as `WORKER_RSS_LIMIT_MB` and recycling are for local workers); the partition it was
#: processing is processed again.
LOCAL_WORKER_MEMORY = "1.5GiB"


class DaskRunner:
    """Partitions processed as tasks on a Dask cluster, each returning its result and the result as a Parquet file.

    `address` is a scheduler (`tcp://HOST:PORT`) or `local[:N]` for a `LocalCluster` of N
    single-threaded worker processes started here (N: the cores). The task is
    `dask_partition`, the ordinary pipeline; workers need dateline and the spaCy model
    installed (see the README). A local cluster's workers run with `LOCAL_CLUSTER_CONFIG`, each within
    `LOCAL_WORKER_MEMORY`.
    """

    def __init__(self, address: str, model: str | None = None, batch_size: int = 32) -> None:
        from distributed import Client, LocalCluster

        self.model, self.batch_size = model, batch_size
        self._cluster = None
        if address == "local" or address.startswith("local:"):
            count = int(address.partition(":")[2] or default_workers())
            import dask

            # handed to the workers as their nannies start them
            with dask.config.set({**LOCAL_CLUSTER_CONFIG, **LOCAL_CLUSTER_CLOCKS, **_forked_dask_workers(model)}):
                self._cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                             dashboard_address=None, memory_limit=LOCAL_WORKER_MEMORY)
            # results fetched from the worker that holds them, not relayed by the scheduler (a second copy
            # through the parent's event loop); a remote cluster's workers may not be reachable from here
            self.client = Client(self._cluster, direct_to_workers=True)
        else:
            self.client = Client(address)
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))

    def submit(self, part: Partition) -> Pending:
        future = self.client.submit(dask_partition, part.key, part.articles, self.model, self.batch_size, pure=False)
        return _DaskPartition(future)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _forked_dask_workers(model: str | None) -> dict[str, str]:
    """Dask settings that make a `LocalCluster`'s nannies fork their workers from the fork server that loaded the
    pipeline and the model once (`worker_context`), as local workers are: spawned, each worker imported dateline and
    loaded the model itself (~2.5 s of CPU a worker, paid again by every run). The server is started here, before
    Dask names the modules it would preload, so it holds ours. Nothing where workers are spawned (`worker_context`)."""
    context = worker_context(model)
    if context.get_start_method() != "forkserver":
        return {}
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return {"distributed.worker.multiprocessing-method": "forkserver"}


def dask_partition(key: str, articles: list[Article], model: str | None,
                   batch_size: int) -> tuple[PartitionResult, bytes]:
    """`partition_with_parquet` as a Dask task: the result and its Parquet file, as a local worker sends them. The
    parent stores the result as it comes and keeps the file as the partition's checkpoint; reading the documents
    back from Parquet cost it ~10 times what unpickling them does (16 T17 articles, 810 events: 0.25 s / 0.02 s).
    The BLAS runs on one thread, as the worker's only task thread needs: a worker forked from the fork server keeps
    the server's thread per core, which the nanny's `OPENBLAS_NUM_THREADS=1`, set after the fork, cannot change."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    return partition_with_parquet(key, articles, model, batch_size)


class _DaskPartition:
    """A Dask future of a partition's result and Parquet file."""

    def __init__(self, future: Any) -> None:
        self.future = future
        self.parquet: bytes | None = None  # the file as the worker wrote it, once fetched

    def result(self) -> PartitionResult:
        result, self.parquet = self.future.result()
        self.future.release()
        return result
