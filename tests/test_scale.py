"""Ingest at scale (dateline.scale): local workers and a Dask LocalCluster store exactly what one process
stores, an ingest killed part way resumes from its checkpoints without storing anything twice, and the
readers stream what they read.

The articles are a handful of short ones, cut into partitions of two, so that several partitions are in
flight at once and the parallel paths are really taken; each test costs a few worker start-ups.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.model import Actor, Article, Document
from dateline.read import ReadReport, read_articles
from dateline.scale import Progress, estimate_articles, ingest_partitioned
from dateline.scale.parts import (
    Checkpoints,
    Partition,
    PartitionResult,
    cut_partitions,
    result_from_parquet,
    result_to_parquet,
)
from dateline.scale.runners import InProcess, LocalWorkers, ordered_results
from dateline.store import open_store
from store_worker import dump_rows

STORIES = [
    ("2019-03-04", "Turkey and Russia agreed on Monday to open a corridor near Idlib."),
    ("2019-03-05", "Police arrested twelve protesters in Cairo on Tuesday after a march on parliament."),
    ("2019-03-06", "The foreign ministers of France and Germany met in Berlin on Wednesday."),
    ("2019-03-07", "Rebels attacked an army post outside Aleppo on Thursday, killing four soldiers."),
    ("2019-03-08", "Kenya accused Somalia of violating its airspace and recalled its ambassador on Friday."),
    ("2019-03-09", "Thousands of teachers protested in Nairobi on Saturday, demanding higher pay."),
    ("2019-03-10", "The United Nations condemned the shelling of a hospital in Taiz on Sunday."),
]


def write_stories(folder: Path, stories: list[tuple[str, str]] = STORIES) -> Path:
    path = folder / "stories.jsonl"
    path.write_text("".join(json.dumps({"id": f"s{i}", "date": day, "text": text}) + "\n"
                            for i, (day, text) in enumerate(stories)), encoding="utf-8")
    return path


def dump(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, and the events as listed: equal dumps, equal stores."""
    rows = dump_rows(target)
    with open_store(target, read_only=True) as store:
        rows["listed"] = [(e.id, e.type, e.date, e.article_id) for e in store.events()]
    return rows


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> tuple[Path, dict]:
    """The stories ingested by one process: the reference every other runner must match."""
    folder = tmp_path_factory.mktemp("serial")
    source = write_stories(folder)
    with open_store(folder / "serial.duckdb") as store:
        report = ingest_partitioned([source], store, InProcess(), partition_size=2)
    assert report.added == len(STORIES) and report.events > 0
    return source, dump(str(folder / "serial.duckdb"))


def test_two_local_workers_store_what_one_process_stores(one_process, tmp_path):
    source, expected = one_process
    runner = LocalWorkers(2)
    try:
        with open_store(tmp_path / "workers.duckdb") as store:
            report = ingest_partitioned([source], store, runner, partition_size=2)
        assert runner._pool is not None, "the partitions were not sent to worker processes"
    finally:
        runner.close()
    assert report.added == len(STORIES)
    assert dump(str(tmp_path / "workers.duckdb")) == expected


def test_a_first_partition_done_here_is_not_sent_to_the_workers_again():
    """The first partition waits to see whether a second comes; asked for before one does (a resumed run whose next
    partitions come from checkpoints), it runs here, and the pool the second partition starts must not redo it."""
    article = Article(id="a", date=dt.date(2019, 3, 4), text=STORIES[0][1])
    runner = LocalWorkers(2)
    try:
        first = runner.submit(Partition(0, "k0", [article]))
        assert first.result().key == "k0"
        second = runner.submit(Partition(1, "k1", []))
        assert first.moved is None and len(runner._sent) == 1, "the first partition was sent to a worker again"
        assert second.result().key == "k1"
    finally:
        runner.close()


def test_a_dask_local_cluster_stores_what_one_process_stores(one_process, tmp_path):
    from dateline.scale.on_dask import DaskRunner

    source, expected = one_process
    runner = DaskRunner("local:2")
    try:
        assert runner.workers == 2
        profiler = runner.client.run(lambda: __import__("dask").config.get("distributed.worker.profile.enabled"))
        assert set(profiler.values()) == {False}, "a local cluster's workers sample their stacks for nobody"
        # before any task: forked from the fork server with the pipeline and the model loaded, not each loading them
        loaded = runner.client.run(lambda: "dateline.pipeline" in __import__("sys").modules)
        assert set(loaded.values()) == {True}, "a local cluster's workers start without the pipeline loaded"
        # every server's clocks slowed: the workers', the scheduler's and the nannies' (those two in this process)
        ticks = runner.client.run(lambda dask_worker: dask_worker.periodic_callbacks["tick"].callback_time)
        assert set(ticks.values()) == {1000}, "a local cluster's workers check their event loop 50 times a second"
        scheduler = runner._cluster.scheduler
        assert scheduler.periodic_callbacks["monitor"].callback_time == 5000
        nannies = runner._cluster.workers.values()
        assert {n.periodic_callbacks["memory_monitor"].callback_time for n in nannies} == {500}
        assert runner.client.direct_to_workers, "a local cluster's results are relayed by its scheduler"
        with open_store(tmp_path / "dask.duckdb") as store:
            report = ingest_partitioned([source], store, runner, checkpoints=tmp_path / "run", partition_size=2)
    finally:
        runner.close()
    assert report.added == len(STORIES)
    assert dump(str(tmp_path / "dask.duckdb")) == expected
    assert not (tmp_path / "run").exists(), "a completed run leaves no checkpoints behind"


def test_results_come_back_in_input_order_whatever_finishes_first():
    from concurrent.futures import Future

    futures = [Future() for _ in range(4)]
    parts = [Partition(i, f"k{i}", []) for i in range(4)]
    for i in (3, 1, 2, 0):  # the last partition finishes first
        futures[i].set_result(PartitionResult(f"k{i}"))
    order = [part.index for part, _, _ in ordered_results(zip(parts, futures, strict=True), window=4)]
    assert order == [0, 1, 2, 3]


def _cli(*args: str) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("dateline")
    return subprocess.Popen([str(exe), "ingest", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_an_ingest_killed_half_way_resumes_and_stores_nothing_twice(one_process, tmp_path):
    source, expected = one_process
    db, run = str(tmp_path / "killed.duckdb"), tmp_path / "run"
    args = (str(source), "--db", db, "--workers", "1", "--partition-size", "2", "--checkpoints", str(run))
    proc = _cli(*args)
    log = run / "stored.log"
    deadline = time.monotonic() + 300
    while not (log.exists() and log.read_text().count("\n") >= 2):
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "no partition was stored in time"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(db, read_only=True) as store:
        stored_before = store.counts()["articles"]
    assert 0 < stored_before < len(STORIES), "the kill came too late to test a resume"

    resumed = _cli(*args)
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, stderr
    added, existing = (int(n) for n in re.search(r"(\d+) articles? added.*?(\d+) already stored", stderr).groups())
    assert (added, existing) == (len(STORIES) - stored_before, stored_before), stderr
    assert dump(db) == expected
    assert not run.exists()


class Refuses:
    """A runner that must not be asked: every partition should come from its checkpoint."""

    workers = 1

    def submit(self, part: Partition) -> None:
        raise AssertionError(f"partition {part.index} was processed again")

    def close(self) -> None:
        """Nothing to release."""


def test_a_partition_processed_before_a_kill_is_loaded_from_its_parquet_file_not_processed_again(tmp_path):
    source = write_stories(tmp_path, STORIES[:2])
    articles = list(read_articles([source]))
    (part,) = cut_partitions(articles, size=2)
    saved = InProcess().run(part)
    Checkpoints(tmp_path / "run").save_result(saved)
    with open_store(tmp_path / "db.duckdb") as store:
        report = ingest_partitioned([source], store, Refuses(), checkpoints=tmp_path / "run", partition_size=2)
        assert report.added == 2 and report.events == len(saved.documents[0].events) + len(saved.documents[1].events)


def test_a_partition_logged_as_stored_is_trusted_only_while_the_store_holds_it(tmp_path):
    source = write_stories(tmp_path, STORIES[:2])
    (part,) = cut_partitions(read_articles([source]), size=2)
    ledger = Checkpoints(tmp_path / "run")
    ledger.mark_stored(part.key, "s0")  # as if an earlier run had stored it, in a store deleted since
    with open_store(tmp_path / "new.duckdb") as store:
        report = ingest_partitioned([source], store, InProcess(), checkpoints=tmp_path / "run", partition_size=2)
    assert report.added == 2


def test_a_document_survives_its_parquet_form_with_the_fields_the_json_leaves_out():
    art = Article(id="a1", date=dt.date(2019, 3, 4), text="Turkey met Russia.", origin="in.jsonl:1")
    actor = Actor("Turkey", 0, 6, "Turkey", "TUR", "GOV", code="TUR", entry="countries: TURKEY", token_start=0,
                  token_end=1)
    result = PartitionResult("k", [Document(article=art, actors=[actor])], [("in.jsonl:2", "bad JSON")])
    back = result_from_parquet(result_to_parquet(result))
    (doc,) = back.documents
    assert doc == result.documents[0] and doc.article.origin == "in.jsonl:1"
    assert (doc.actors[0].code, doc.actors[0].entry, doc.actors[0].token_end) == ("TUR", "countries: TURKEY", 1)
    assert back.key == "k" and back.failures == [("in.jsonl:2", "bad JSON")]


def test_partitions_are_named_by_their_content_so_a_rerun_finds_its_checkpoints():
    arts = [Article(id=f"a{i}", date=dt.date(2019, 3, 4), text=f"Text {i}.") for i in range(5)]
    first, again = list(cut_partitions(arts, 2)), list(cut_partitions(arts, 2))
    assert [len(p.articles) for p in first] == [2, 2, 1]
    assert [p.key for p in first] == [p.key for p in again]
    changed = [*arts[:3], Article(id="a3", date=dt.date(2019, 3, 4), text="Other text."), arts[4]]
    assert [p.key for p in cut_partitions(changed, 2)][1] != first[1].key


def test_progress_gives_the_rate_and_the_time_left():
    progress = Progress(total=100, started=time.monotonic() - 10)
    progress.advance(25)
    assert 2.4 < progress.rate < 2.6
    assert 29 < progress.eta < 31
    assert progress.describe().startswith("2.5 articles/s, ETA 0:00:")
    assert Progress().eta is None


def test_the_size_of_the_input_is_estimated_for_the_eta(tmp_path):
    write_stories(tmp_path)
    (tmp_path / "one.txt").write_text("date 2019-03-04 Talks began.", encoding="utf-8")
    assert estimate_articles([tmp_path]) == len(STORIES) + 1
    assert estimate_articles(["-"]) is None


# -- streaming readers ------------------------------------------------------------------------------


def test_a_jsonl_line_that_is_not_utf8_is_named_and_the_rest_of_the_file_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"date": "2019-03-04", "text": "Talks began."}\n'
                     + '{"date": "2019-03-04", "text": "Troops entered Bogotá."}\n'.encode("latin-1")
                     + b'{"date": "2019-03-05", "text": "Talks ended."}\n')
    report = ReadReport()
    texts = [a.text for a in read_articles([path], report)]
    assert texts == ["Talks began.", "Talks ended."]
    assert report.skipped[0][0] == f"{path}:2" and report.skipped[0][1].startswith("invalid UTF-8")


def test_jsonl_on_standard_input_is_read_as_it_comes(monkeypatch):
    lines = [json.dumps({"date": "2019-03-04", "text": f"Talks began in city {i}."}) + "\n" for i in range(2000)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("".join(lines).encode())))
    found = read_articles(["-"])
    assert next(found).text == "Talks began in city 0."
    assert sum(1 for _ in found) == 1999


def test_a_folder_is_walked_in_the_order_of_its_sorted_paths(tmp_path):
    for name in ("b/c.txt", "a-b/y.txt", "a/z.txt", "a.txt", ".hidden/q.txt", "B.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"date 2019-03-04 File {name}.", encoding="utf-8")
    origins = [Path(a.origin).relative_to(tmp_path).as_posix() for a in read_articles([tmp_path])]
    assert origins == ["B.txt", "a/z.txt", "a-b/y.txt", "a.txt", "b/c.txt"]


def test_workers_recycled_after_every_partition_store_what_one_process_stores(one_process, tmp_path):
    source, expected = one_process
    runner = LocalWorkers(2, partitions_per_worker=1, rss_limit_mb=1)  # a fresh worker, and pool, again and again
    try:
        with open_store(tmp_path / "recycled.duckdb") as store:
            ingest_partitioned([source], store, runner, partition_size=2)
        assert runner.pools_retired > 0
    finally:
        runner.close()
    assert dump(str(tmp_path / "recycled.duckdb")) == expected


class HandsOverDocuments:
    """A runner whose partitions come back at once with plain documents (no NLP), each document watched by a weak
    reference; asked for a partition's result, it records which documents of partitions stored before it are
    still alive."""

    workers = 1

    def __init__(self) -> None:
        self.watched: dict[int, list] = {}
        self.alive_when_asked: dict[int, int] = {}

    def submit(self, part: Partition):
        import weakref

        docs = [Document(article=art) for art in part.articles]
        self.watched[part.index] = [weakref.ref(doc) for doc in docs]
        return _Asked(self, part.index, PartitionResult(part.key, docs))

    def close(self) -> None:
        """Nothing to release."""


class _Asked:
    def __init__(self, runner: HandsOverDocuments, index: int, result: PartitionResult) -> None:
        self.runner, self.index, self._result = runner, index, result

    def result(self) -> PartitionResult:
        import gc

        gc.collect()
        earlier = [ref for index, refs in self.runner.watched.items() if index < self.index for ref in refs]
        self.runner.alive_when_asked[self.index] = sum(ref() is not None for ref in earlier)
        result, self._result = self._result, None  # handed over: the caller holds it from here on
        return result


def test_a_stored_partitions_documents_are_let_go_before_the_next_partition_is_waited_for(tmp_path):
    source = write_stories(tmp_path)
    runner = HandsOverDocuments()
    with open_store(tmp_path / "db.duckdb") as store:
        report = ingest_partitioned([source], store, runner, partition_size=2)
    assert report.added == len(STORIES)
    assert sorted(runner.alive_when_asked) == [0, 1, 2, 3]
    assert all(alive == 0 for alive in runner.alive_when_asked.values()), runner.alive_when_asked
