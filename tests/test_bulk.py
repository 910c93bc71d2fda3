"""The bulk benchmark's progress timeline: a row per partition logged as stored, with the RSS of every process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.fixture()
def bulk(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bulk as module

    return module


def test_tree_rss_names_the_parent_and_each_process_below_it(bulk) -> None:
    # read once the child runs: just after fork and exec its RSS can round to 0 MB (seen in a suite run)
    child = subprocess.Popen([sys.executable, "-c", "import time; print('up', flush=True); time.sleep(30)"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "up"
        parent_mb, worker_mb = bulk.tree_rss_mb(os.getpid())
        assert parent_mb > 0
        assert len(worker_mb) >= 1 and all(mb > 0 for mb in worker_mb)
    finally:
        child.kill()
        child.wait()


def test_tree_rss_of_a_gone_process_is_empty(bulk) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert bulk.tree_rss_mb(gone.pid) == (0, [])


def test_timeline_adds_a_row_only_when_a_partition_is_logged(bulk, tmp_path: Path) -> None:
    log = tmp_path / "stored.log"
    timeline = bulk.Timeline(os.getpid(), log, partition_size=16, started=time.perf_counter())
    assert timeline.poll({}) is None  # no log yet: nothing stored
    log.write_text("p0\tart-1\n", encoding="utf-8")
    row = timeline.poll({os.getpid(): 3.0, 1: 2.0})
    assert row is not None
    assert (row["partitions"], row["articles"]) == (1, 16)
    assert (row["parent_cpu_s"], row["total_cpu_s"]) == (3.0, 5.0)
    assert row["parent_rss_mb"] > 0
    assert timeline.poll({}) is None  # the same log: no new row
    with log.open("a", encoding="utf-8") as fh:
        fh.write("p1\tart-17\np2")  # the third line is cut short, as a kill leaves it
    assert timeline.poll({})["partitions"] == 2
    assert len(timeline.rows) == 2


def test_the_memory_trend_reads_the_first_middle_and_last_partition_and_leaves_the_fork_server_out(bulk) -> None:
    rows = [{"articles": 16 * n, "parent_rss_mb": 300 + n, "worker_rss_mb": [12, 201, 600 + n, 500 + n]}
            for n in range(1, 6)]
    trend = bulk.memory_trend(rows)
    assert trend["articles"] == [16, 48, 80]
    assert trend["parent_mb"] == [301, 303, 305]
    assert trend["workers_mb"] == [[501, 601], [503, 603], [505, 605]]
    assert trend["largest_worker_mb"] == 605


def test_the_merge_digest_tells_stores_merged_otherwise_apart(bulk, tmp_path: Path) -> None:
    from dateline.store import open_store
    from test_merge import A, B, C

    for name, batches in (("one", [[A], [B], [C]]), ("two", [[C, A], [B]]), ("apart", [[A], [C]])):
        with open_store(tmp_path / f"{name}.duckdb") as store:
            for batch in batches:
                store.add(batch)
    one, two, apart = (bulk.merge_digest(tmp_path / f"{name}.duckdb") for name in ("one", "two", "apart"))
    assert one == two != apart


def test_the_tree_peak_counts_what_is_alive_at_once_not_every_recycled_worker(bulk) -> None:
    """Workers replaced one after another each hold memory for a while: the tree's peak is what was resident at
    one moment (parent and the worker alive then), below the sum of every process's own peak.

    The workers are started by a small launcher, not by the test process: a child is a copy of its parent between
    fork and exec, so a sample caught in that moment counts the parent twice; with the test process (500 MB late
    in the suite) as the parent that one reading broke the bound (CI, fifteenth session)."""
    from scale_timing import PeakMemory

    hold = "x = bytearray(80 * 1024 * 1024); import time; time.sleep(1.0)"
    launcher = ("import subprocess, sys, time; time.sleep(0.3)\n"
                f"for _ in range(3): subprocess.run([sys.executable, '-c', {hold!r}], check=True)")
    process = subprocess.Popen([sys.executable, "-c", launcher])
    try:
        with PeakMemory(root=process.pid, every=0.05) as memory:
            assert process.wait(timeout=60) == 0  # three 80 MB workers, never two at once
    finally:
        process.kill()
    figures = memory.figures()
    assert figures["worker_peak_rss_mb"] >= 80
    assert figures["sum_of_peaks_mb"] >= figures["parent_peak_rss_mb"] + 3 * 80
    assert figures["tree_peak_rss_mb"] < figures["parent_peak_rss_mb"] + 2 * 80


def test_the_tree_pss_counts_a_page_shared_by_a_forked_child_once_where_rss_counts_it_twice(bulk) -> None:
    """A forked worker shares its parent's pages until either writes them: summed over the tree, RSS counts such a
    page in each process, PSS gives each its share, so the PSS sum is what the tree occupies."""
    from scale_timing import PeakMemory

    script = ("import os, time; held = bytearray(b'x') * (96 * 1024 * 1024)\n"
              "child = os.fork()\ntime.sleep(1.5)\nif child: os.waitpid(child, 0)")
    proc = subprocess.Popen([sys.executable, "-c", script])
    with PeakMemory(proc.pid, every=0.1) as memory:
        proc.wait()
    figures = memory.figures()
    assert figures["tree_peak_rss_mb"] >= 2 * 96
    assert figures["tree_peak_pss_mb"] < figures["tree_peak_rss_mb"] - 70
    assert figures["tree_peak_pss_mb"] >= 96


def test_tree_pss_of_a_gone_process_is_zero(bulk) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert bulk.tree_pss_mb(gone.pid) == (0, 0)
    own, total = bulk.tree_pss_mb(os.getpid())
    assert 0 < own <= total


def test_the_parent_slope_is_fitted_over_the_second_half_of_the_run(bulk) -> None:
    # fills its cache over the first half (steep), then flat with noise: the slope is that of the flat part
    rows = [{"articles": 100 * n, "parent_rss_mb": 300 + 40 * min(n, 5) + (n % 2)} for n in range(1, 11)]
    assert abs(bulk.parent_slope(rows)) < 2.0
    rising = [{"articles": 100 * n, "parent_rss_mb": 300 + 22 * n} for n in range(1, 11)]
    assert bulk.parent_slope(rising) == 220.0
    assert bulk.parent_slope(rising[:2]) is None


def test_a_cut_article_keeps_its_whole_lines_within_the_characters_given(bulk) -> None:
    text = "Troops entered the town on Monday . \nResidents fled north . \nTalks resumed in Geneva . \n"
    assert bulk.lead(text, 60) == "Troops entered the town on Monday . \nResidents fled north . \n"
    assert bulk.lead(text, 10) == "Troops entered the town on Monday . \n"  # never empty: the first line at least
    assert bulk.lead(text, 1000) == text
    assert bulk.lead("One line without an end", 5) == "One line without an end"


def test_the_corpus_cut_to_leads_keeps_every_article_with_a_shorter_text(bulk, tmp_path: Path) -> None:
    topic = tmp_path / "t17" / "quake_test"
    topic.mkdir(parents=True)
    long_text = "".join(f"Rescuers reached village number {n} after the quake . \n" for n in range(40))
    (topic / "articles.jsonl").write_text(json.dumps({"id": "7", "time": "2010-01-13", "text": long_text}) + "\n",
                                          encoding="utf-8")
    out = tmp_path / "corpus.jsonl"
    bulk.build_corpus(tmp_path / "t17", 3, out, chars=200)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["quake_test/7~0", "quake_test/7~1", "quake_test/7~2"]
    assert all(len(row["text"]) <= 200 and row["text"].endswith(" . \n") for row in rows)
    assert [row["date"] for row in rows] == ["2010-01-13", "2010-01-20", "2010-01-27"]


def _one_article_corpus(folder: Path) -> None:
    """A Timeline17-shaped corpus folder of one topic holding one short article."""
    topic = folder / "flood_test"
    topic.mkdir(parents=True)
    (topic / "articles.jsonl").write_text(json.dumps({"id": "3", "time": "2011-05-02",
                                                      "text": "The river burst its banks . \n"}) + "\n",
                                          encoding="utf-8")


def test_a_store_given_as_the_uninterrupted_run_is_compared_with_instead_of_ingesting_again(
        bulk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _one_article_corpus(tmp_path / "t17")

    def no_ingest(*args, **kwargs):
        raise AssertionError("the uninterrupted run was made although a store was given for it")

    monkeypatch.setattr(bulk, "ingest", no_ingest)
    given = tmp_path / "earlier.duckdb"
    monkeypatch.setattr(sys, "argv", ["bulk.py", "--size", "2", "--corpus", str(tmp_path / "t17"), "--keep",
                                      str(tmp_path / "run"), "--uninterrupted", str(given), "--no-resume"])
    bulk.main()
    printed = json.loads(capsys.readouterr().out)
    assert printed["uninterrupted"] == {"not_run": f"the resumed store is compared with {given}"}
    assert not (tmp_path / "run" / "whole.duckdb").exists()


def test_a_rerun_s_timeline_starts_with_the_first_partition_it_stores_not_with_what_the_killed_run_logged(
        bulk, tmp_path: Path) -> None:
    log = tmp_path / "stored.log"
    log.write_text("p0\tart-1\np1\tart-17\n", encoding="utf-8")  # stored before the kill
    timeline = bulk.Timeline(os.getpid(), log, partition_size=16, started=time.perf_counter())
    assert timeline.poll({}) is None
    with log.open("a", encoding="utf-8") as fh:
        fh.write("p2\tart-33\n")
    row = timeline.poll({})
    assert (row["partitions"], row["articles"]) == (3, 48)
    assert len(timeline.rows) == 1


def test_the_mappings_of_a_process_are_split_by_kind_and_a_large_block_shows_as_anonymous(bulk) -> None:
    script = ("import sys, time; sys.stdout.write('up\\n'); sys.stdout.flush(); time.sleep(0.5); "
              "held = bytearray(b'x') * (64 * 1024 * 1024); sys.stdout.write('held\\n'); sys.stdout.flush(); "
              "time.sleep(30)")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        proc.stdout.readline()
        before = bulk.mappings_mb(proc.pid)
        proc.stdout.readline()
        after = bulk.mappings_mb(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    assert set(before) == {"heap", "anon", "file"} and before["file"] > 0
    assert after["anon"] - before["anon"] >= 60  # glibc gives a block this large its own anonymous mapping
    assert abs(after["file"] - before["file"]) < 8
    assert bulk.mappings_mb(proc.pid) == {}  # gone


def test_rows_stored_twice_are_counted_per_key_and_a_store_written_once_has_none(bulk, tmp_path: Path) -> None:
    import duckdb

    from dateline.store import open_store
    from test_merge import A, B

    db = tmp_path / "once.duckdb"
    with open_store(db) as store:
        store.add([A, B])
        store.add([A])  # stored already: the store's identity keeps it once
    twice = bulk.duplicates(db)
    assert set(twice) == set(bulk.DUPLICATE_KEYS) and not any(twice.values())
    con = duckdb.connect(str(db))  # as a writer that forgot its keys would: a party again, a mention under a new id
    con.execute("INSERT INTO event_parties SELECT * FROM event_parties LIMIT 1")
    con.execute("INSERT INTO events SELECT * REPLACE (id || '-again' AS id) FROM events LIMIT 1")
    con.close()
    twice = bulk.duplicates(db)
    assert (twice["parties"], twice["events by mention"]) == (1, 1)
    assert (twice["events by id"], twice["articles by id"]) == (0, 0)


def test_the_resume_only_run_skips_the_whole_run_and_reports_rows_stored_twice(
        bulk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _one_article_corpus(tmp_path / "t17")
    runs = []

    def fake_ingest(corpus, db, run, workers, kill_at=None, partition_size=16):
        from dateline.store import open_store

        runs.append((db.name, kill_at))
        with open_store(db):
            pass
        return {"seconds": 1.0, "timeline": []}

    monkeypatch.setattr(bulk, "ingest", fake_ingest)
    monkeypatch.setattr(sys, "argv", ["bulk.py", "--size", "2", "--corpus", str(tmp_path / "t17"), "--keep",
                                      str(tmp_path / "run"), "--resume-only"])
    bulk.main()
    printed = json.loads(capsys.readouterr().out)
    assert runs == [("resumed.duckdb", 1), ("resumed.duckdb", None)]
    assert "resumed_store_equals_uninterrupted" not in printed
    assert printed["stored_twice"]["events by id"] == 0
    assert not (tmp_path / "run" / "whole.duckdb").exists()


def test_a_cheap_sampler_reads_pss_at_a_new_rss_high_and_not_at_every_sample(bulk, monkeypatch) -> None:
    """With `pss_every`, the costly PSS reading is made when the tree's RSS climbs past its high and not at every
    sample, so a child that grows while the sampler runs still sets the tree's PSS peak."""
    import scale_timing

    reads = []

    def counted(proc):
        reads.append(proc.pid)
        return real(proc)

    real = scale_timing.resident_and_proportional
    monkeypatch.setattr(scale_timing, "resident_and_proportional", counted)
    class Counted(scale_timing.PeakMemory):
        samples = 0

        def _sample_once(self) -> None:
            Counted.samples += 1
            super()._sample_once()

    # steady, then 96 MB more, then steady again: the costly reading follows the climbs, not the clock
    grow = "import time; time.sleep(1.0); held = bytearray(b'x') * (96 * 1024 * 1024); time.sleep(1.5)"
    proc = subprocess.Popen([sys.executable, "-c", grow])
    with Counted(proc.pid, every=0.02, pss_every=60.0) as memory:
        proc.wait()
    figures = memory.figures()
    assert figures["tree_peak_pss_mb"] >= 96
    assert figures["tree_peak_rss_mb"] >= 96
    assert 0 < len(reads) < Counted.samples / 2


def test_a_corpus_folder_without_articles_is_refused_instead_of_cycled_for_ever(bulk, tmp_path: Path) -> None:
    # a snapshot of the repository run from elsewhere looked for the T17 articles beside it and found none
    with pytest.raises(SystemExit, match=r"articles\.jsonl"):
        bulk.build_corpus(tmp_path / "no-such-t17", 10, tmp_path / "corpus.jsonl")
