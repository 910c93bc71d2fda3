"""Where two local workers spent more CPU than one process: what each worker loaded on its first partition
(now loaded once by the fork server, `dateline.scale.preload.warm_up`, the office holders' index included) and what
the benchmark's own memory sampler cost the parent (now counted apart, `scale_timing.PeakMemory.sampler_cpu`).
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from dateline.geo.gazetteer import forget_gazetteer, get_gazetteer

needs_fork_server = pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                                       reason="this platform has no fork server")


def what_a_fresh_worker_holds() -> dict[str, int]:
    """Which first-use resources a worker process holds before it processed anything (run in the worker)."""
    from dateline.actors.dictionary import actor_dictionary
    from dateline.events.lexicon import load_lexicon
    from dateline.geo import gazetteer

    return {"actor dictionary": actor_dictionary.cache_info().currsize,
            "office holders by surname": int(actor_dictionary()._people_by_surname is not None),
            "event lexicon": load_lexicon.cache_info().currsize,
            "gazetteer open": gazetteer._gazetteer_for.cache_info().currsize}


def the_servers_boot() -> dict[str, float]:
    """The fork server's start-up by part, as the worker inherited it (run in the worker)."""
    from dateline.scale.preload import BOOT_CPU

    return BOOT_CPU


@needs_fork_server
def test_a_worker_forked_from_the_server_starts_with_the_stages_resources_but_no_gazetteer_connection() -> None:
    from dateline.scale.runners import worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context(None)) as pool:
        held = pool.submit(what_a_fresh_worker_holds).result()
    assert held == {"actor dictionary": 1, "office holders by surname": 1, "event lexicon": 1, "gazetteer open": 0}


def what_the_server_imported(names: list[str]) -> list[str]:
    """Which of `names` the fork server had imported once ready (run in the worker)."""
    from dateline.scale.preload import SERVER_MODULES

    return [name for name in names if name in SERVER_MODULES]


@needs_fork_server
def test_the_fork_server_leaves_the_parents_store_unimported() -> None:
    from dateline.scale.runners import worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context(None)) as pool:
        imported = pool.submit(what_the_server_imported, ["duckdb", "dateline.store", "dateline.ingest",
                                                          "dateline.pipeline", "spacy"]).result()
    assert imported == ["dateline.pipeline", "spacy"]


@needs_fork_server
def test_a_worker_inherits_the_record_of_what_the_servers_start_up_cost() -> None:
    from dateline.scale.runners import worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context(None)) as pool:
        boot = pool.submit(the_servers_boot).result()
    assert list(boot) == ["imports", "model", "warm_up", "freeze"]
    assert boot["imports"] > 0 and boot["model"] > 0 and boot["warm_up"] > 0


def test_forgetting_the_gazetteer_closes_its_connection_and_the_next_use_opens_a_fresh_one() -> None:
    old = get_gazetteer()
    forget_gazetteer()
    with pytest.raises(sqlite3.ProgrammingError):
        old.con.execute("SELECT 1")
    fresh = get_gazetteer()
    assert fresh is not old
    assert fresh.con.execute("SELECT 1").fetchone() == (1,)


def test_the_samplers_own_cpu_is_not_charged_to_the_process_it_measures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import psutil

    from scale_timing import PeakMemory

    before = sum(psutil.Process().cpu_times()[:2])
    with PeakMemory(every=0.0) as memory:  # sampling without a pause: the sampler is the only thing running
        deadline = time.monotonic() + 30.0  # on a loaded machine the sampler thread needs more wall for its CPU
        while sum(psutil.Process().cpu_times()[:2]) - before < 0.5 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.3)  # a last sample after the sampler's CPU was added up
    figures = memory.cpu_figures(before)
    assert figures["sampler_cpu_s"] > 0.3
    assert figures["parent_cpu_s"] < figures["sampler_cpu_s"] / 3


def busy(seconds: float) -> None:
    """Spend about `seconds` of CPU."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_cpu_spent_before_the_mark_is_the_start_up_not_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import psutil

    from scale_timing import PeakMemory

    own = psutil.Process()
    before = sum(own.cpu_times()[:2])
    with PeakMemory(every=0.5) as memory:
        busy(0.6)  # a runner starting
        memory.mark()
        busy(0.3)  # its work
        # a last sample after the work: waited for, not slept for (a loaded machine may wake the sampler late)
        done, deadline = sum(own.cpu_times()[:2]), time.monotonic() + 20
        while memory.cpu.get(own.pid, 0.0) < done and time.monotonic() < deadline:
            time.sleep(0.05)
    figures = memory.cpu_figures(before)
    assert 0.5 < figures["startup_cpu_s"] < 0.9
    assert 0.2 < figures["parent_cpu_s"] < 0.5


def objects_the_collector_leaves_alone() -> int:
    """How many objects of a worker are frozen, out of its garbage collector's walks (run in the worker)."""
    import gc

    return gc.get_freeze_count()


@needs_fork_server
def test_what_a_worker_inherits_from_the_server_is_left_out_of_its_garbage_collections() -> None:
    from dateline.scale.runners import worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context(None)) as pool:
        frozen = pool.submit(objects_the_collector_leaves_alone).result()
    assert frozen > 50_000  # the model and the stages' resources


def test_dask_is_set_against_the_local_workers_of_its_own_round(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from scale_timing import dask_over_local_workers

    one_round = {"1 process": {"total_cpu_s": 30.0, "seconds": 30.0},
                 "2 workers": {"total_cpu_s": 20.0, "seconds": 12.0},
                 "dask LocalCluster 2 workers": {"total_cpu_s": 21.0, "seconds": 15.0}}
    assert dask_over_local_workers(one_round) == {"cpu": 1.05, "wall": 1.25}
    del one_round["dask LocalCluster 2 workers"]
    assert dask_over_local_workers(one_round) is None, "a round without Dask has nothing to compare"
