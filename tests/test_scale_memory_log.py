"""The bulk parent's memory read from inside the partitioned ingest (`DATELINE_MEMORY_LOG`, issue 13)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.model import Document
from dateline.scale import ingest_partitioned
from dateline.scale.parts import Partition, PartitionResult
from dateline.scale.runners import done
from dateline.store.duck import DuckDBStore


class _Ready:
    """A runner whose partitions come back at once as plain documents (no NLP)."""

    workers = 1

    def submit(self, part: Partition):
        return done(PartitionResult(part.key, [Document(article=art) for art in part.articles]))

    def close(self) -> None:
        """Nothing to release."""


def _ingest(tmp_path: Path, notes: int, partition_size: int) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text("".join(json.dumps({"id": f"memo-{n}", "date": dt.date(2023, 5, 1 + n).isoformat(),
                                          "text": f"Memo {n}: the ferry to the northern isles left at {n} o'clock."})
                              + "\n" for n in range(notes)))
    store = DuckDBStore(tmp_path / "memos.duckdb")
    try:
        ingest_partitioned([source], store, _Ready(), partition_size=partition_size)
    finally:
        store.close()


def test_a_line_per_stored_partition_says_what_the_parent_holds(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "memory.jsonl"
    monkeypatch.setenv("DATELINE_MEMORY_LOG", str(log))
    monkeypatch.delenv("DATELINE_TRACEMALLOC", raising=False)
    _ingest(tmp_path, notes=5, partition_size=2)
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    assert [row["articles_done"] for row in rows] == [2, 4, 5]
    for row in rows:
        assert row["rss_mb"] > 0 and row["pss_mb"] > 0
        assert row["glibc_arenas_mb"] > 0 and row["duckdb_je_resident_mb"] >= 0
        assert {"reports", "reports_mb", "reader_sentences", "python_blocks"} <= row.keys()
        assert row["file_mb"] > 0 and {"heap_mb", "anon_big_mb", "anon_small_mb"} <= row.keys()
        assert "grew" not in row


def test_traced_rows_name_the_lines_whose_memory_grew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "memory.jsonl"
    monkeypatch.setenv("DATELINE_MEMORY_LOG", str(log))
    monkeypatch.setenv("DATELINE_TRACEMALLOC", "2")
    import tracemalloc

    try:
        _ingest(tmp_path, notes=8, partition_size=2)
    finally:
        tracemalloc.stop()
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    assert ["grew" in row for row in rows] == [False, True, False, True]
    assert rows[1]["grew"] == []  # the first traced row is the baseline
    assert rows[3]["grew"] and all(len(entry) == 3 for entry in rows[3]["grew"])


def test_nothing_is_written_without_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_MEMORY_LOG", raising=False)
    monkeypatch.chdir(tmp_path)
    _ingest(tmp_path, notes=3, partition_size=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memos.duckdb", "notes.jsonl"]


def test_the_memory_is_told_apart_by_mapping() -> None:
    import mmap

    from dateline.scale.memory_log import mapped_mb

    before = mapped_mb()
    assert set(before) == {"heap_mb", "anon_big_mb", "anon_small_mb", "file_mb"}
    assert before["file_mb"] > 0  # the interpreter and its libraries
    block = mmap.mmap(-1, 32 << 20, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)  # 32 MB of address space: big
    try:
        for offset in range(0, 24 << 20, mmap.PAGESIZE):  # 24 MB of it touched page by page, so resident; no 24 MB
            block[offset] = 1  # bytes object, which glibc may put on the heap once its mmap threshold has grown
        grown = mapped_mb()
    finally:
        block.close()
    assert grown["anon_big_mb"] - before["anon_big_mb"] >= 20
    assert abs(grown["heap_mb"] - before["heap_mb"]) < 8


def test_the_peak_read_after_a_reset_is_the_high_water_since() -> None:
    import mmap

    from dateline.scale.memory_log import peak_mb, reset_peak, resident_mb

    block = mmap.mmap(-1, 96 << 20, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    block.write(b"\x01" * (96 << 20))
    block.close()  # gone, but the peak remembers it
    high = peak_mb()
    now = resident_mb()["rss_mb"]
    if high is None:
        pytest.skip("no /proc/self/status here")
    assert high >= now + 80
    reset_peak()
    assert peak_mb() < high - 80  # the 96 MB are no longer the high water


def test_python_s_arenas_keep_what_a_sparse_survivor_pins() -> None:
    from dateline.scale.memory_log import pymalloc_mb

    before = pymalloc_mb()
    if not before:
        pytest.skip("no sys._debugmallocstats here")
    made = [[n] for n in range(400_000)]  # small lists: Python's own allocator, ~30 MB
    full = pymalloc_mb()
    assert full["pymalloc_used_mb"] - before["pymalloc_used_mb"] > 20
    kept = made[::64]  # one survivor in 64: every pool keeps a block, so no arena can go back
    del made
    thinned = pymalloc_mb()
    assert thinned["pymalloc_arenas"] >= full["pymalloc_arenas"] - 2
    assert thinned["pymalloc_free_mb"] - full["pymalloc_free_mb"] > 20
    assert len(kept) == 6250
