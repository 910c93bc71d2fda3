"""The start and the end of a run with workers (dateline.scale, twenty-third session): the last partitions are cut
smaller when the input's size is known, so the workers run out of work together; the fork server is started before
the input is read; and neither changes what is stored."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from dateline.model import Article
from dateline.scale import ingest_partitioned
from dateline.scale.parts import TAIL_MIN_ARTICLES, cut_partitions
from dateline.scale.runners import InProcess, LocalWorkers
from dateline.store import open_store
from test_scale import STORIES, dump, write_stories


def _articles(n: int) -> list[Article]:
    return [Article(f"a{i}", dt.date(2020, 1, 1), f"Story number {i} happened today.") for i in range(n)]


def test_partitions_near_the_end_get_smaller_when_the_size_of_the_input_is_known():
    articles = _articles(80)
    sizes = [len(p.articles) for p in cut_partitions(articles, size=16, max_chars=None, total=80, tail_share=4)]
    assert sizes == [16, 16, 12, 9, 8, 8, 8, 3]
    assert [a.id for p in cut_partitions(articles, 16, None, total=80, tail_share=4) for a in p.articles] == [
        a.id for a in articles]
    assert min(sizes[:-1]) >= TAIL_MIN_ARTICLES


def test_without_the_size_of_the_input_or_a_share_partitions_are_cut_as_before():
    articles = _articles(20)
    assert [len(p.articles) for p in cut_partitions(articles, size=8, max_chars=None)] == [8, 8, 4]
    assert [len(p.articles) for p in cut_partitions(articles, 8, None, total=20)] == [8, 8, 4]


def test_an_input_that_fits_in_one_partition_stays_in_one_and_small_partitions_are_not_cut():
    assert [len(p.articles) for p in cut_partitions(_articles(20), 32, None, total=20, tail_share=4)] == [20]
    assert [len(p.articles) for p in cut_partitions(_articles(20), 8, None, total=20, tail_share=4)] == [8, 8, 4]


def test_an_estimate_short_of_the_input_gives_full_partitions_past_it():
    sizes = [len(p.articles) for p in cut_partitions(_articles(40), size=16, max_chars=None, total=20, tail_share=4)]
    assert sizes == [8, 8, 8, 16]


def test_a_cut_by_the_size_of_the_input_stores_what_one_partition_in_one_process_stores(tmp_path):
    """Partition boundaries may not change the store: one process with every story in one partition against two
    workers whose partitions shrink towards the end (4 stories asked, 2, 2, 2 and 1 cut)."""
    source = write_stories(tmp_path)
    with open_store(tmp_path / "whole.duckdb") as store:
        ingest_partitioned([source], store, InProcess(), partition_size=len(STORIES))
    runner = LocalWorkers(2)
    try:
        with open_store(tmp_path / "tail.duckdb") as store:
            report = ingest_partitioned([source], store, runner, partition_size=4, total=len(STORIES))
        assert runner._pool is not None, "the partitions were not sent to worker processes"
    finally:
        runner.close()
    assert report.added == len(STORIES)
    assert dump(str(tmp_path / "tail.duckdb")) == dump(str(tmp_path / "whole.duckdb"))


def test_start_soon_starts_the_fork_server_before_any_partition_is_sent():
    """In a fresh interpreter (a test process may have a fork server already): `start_soon` returns at once, with
    the server started and no worker yet."""
    code = ("import psutil; from dateline.scale.runners import LocalWorkers; runner = LocalWorkers(2); "
            "runner.start_soon(); kids = psutil.Process().children(); "
            "print(sum('forkserver' in ' '.join(k.cmdline()) for k in kids), runner._pool is None)")
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["1", "True"]


def test_start_workers_early_starts_the_fork_server_for_an_ingest_with_workers_only(tmp_path):
    """In fresh interpreters: the command line of an ingest with 2 workers of an input of more than one partition
    starts the server, one with 1 worker does not (which command lines do: tests/test_scale_early.py)."""
    source = write_stories(tmp_path)
    code = ("import sys, psutil; from dateline.scale.early import start_workers_early; "
            "started = start_workers_early(sys.argv[1:]); kids = psutil.Process().children(); "
            "print(started, sum('forkserver' in ' '.join(k.cmdline()) for k in kids))")
    for workers, expected in (("2", ["True", "1"]), ("1", ["False", "0"])):
        argv = ["ingest", str(source), "--workers", workers, "--partition-size", "1"]
        done = subprocess.run([sys.executable, "-c", code, *argv], check=True, capture_output=True, text=True,
                              timeout=120)
        assert done.stdout.split() == expected
