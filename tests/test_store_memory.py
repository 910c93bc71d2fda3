"""The store's DuckDB memory settings (issue 13) and the bulk parent's trim of freed pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import DEFAULT_DB_WRITE_MEMORY_MB, SettingError, settings
from dateline.store.duck import DuckDBStore


def _limits(store: DuckDBStore) -> tuple[str, int]:
    return store.con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()


def test_a_store_connection_takes_the_memory_limit_and_threads_of_the_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_DB_MEMORY", "300MB")
    monkeypatch.setenv("DATELINE_DB_THREADS", "1")
    store = DuckDBStore(tmp_path / "bounded.duckdb")
    try:
        limit, threads = _limits(store)
    finally:
        store.close()
    assert limit == "286.1 MiB"  # DuckDB reports 300 MB (10^6 bytes) in MiB
    assert threads == 1
    # reopened read-only by a later call, the file is held with the same limit
    reader = DuckDBStore(tmp_path / "bounded.duckdb", read_only=True)
    try:
        assert _limits(reader) == ("286.1 MiB", 1)
    finally:
        reader.close()


def test_without_the_settings_a_writer_gets_the_default_limit_and_a_reader_duckdbs_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    monkeypatch.delenv("DATELINE_DB_MEMORY", raising=False)
    monkeypatch.delenv("DATELINE_DB_THREADS", raising=False)
    assert (settings().db_memory, settings().db_threads) == (None, None)
    store = DuckDBStore(tmp_path / "default.duckdb")
    try:
        writer = _limits(store)
        assert store.memory_limit_mb == DEFAULT_DB_WRITE_MEMORY_MB == 256
    finally:
        store.close()
    reader = DuckDBStore(tmp_path / "default.duckdb", read_only=True)
    try:
        read = _limits(reader)
    finally:
        reader.close()
    plain = duckdb.connect(str(tmp_path / "plain.duckdb"))
    try:
        own = plain.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
    finally:
        plain.close()
    assert writer == ("244.1 MiB", own[1])  # 256 MB (10^6 bytes) in MiB
    assert read == own


def test_a_write_the_default_limit_is_too_small_for_is_done_under_a_raised_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 40 articles in one transaction need more than 1 MB of DuckDB's memory: under the store's own default limit the
    # write is done again with the limit raised by half until it fits; nothing fails and nothing is stored twice
    from store_worker import numbered_document

    monkeypatch.delenv("DATELINE_DB_MEMORY", raising=False)
    store = DuckDBStore(tmp_path / "lifted.duckdb", write_memory_mb=1)
    try:
        result = store.add([numbered_document(n) for n in range(40)])
        assert (result.added, result.failed) == (40, [])
        assert store.memory_limit_mb > 1
        assert store.counts()["articles"] == 40
        assert _limits(store)[0] != "976.5 KiB"  # the open connection has the raised limit too
    finally:
        store.close()


def test_a_limit_the_user_set_is_kept_and_the_write_that_passes_it_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from store_worker import numbered_document

    monkeypatch.setenv("DATELINE_DB_MEMORY", "1MB")
    store = DuckDBStore(tmp_path / "kept.duckdb")
    try:
        result = store.add([numbered_document(n) for n in range(40)])
        assert result.added == 0
        assert len(result.failed) == 40
        assert all("OutOfMemory" in reason for _, reason in result.failed)
        assert _limits(store)[0] == "976.5 KiB"
    finally:
        store.close()


@pytest.mark.parametrize("value", ["lots", "300", "1.5 XB", "-2GB"])
def test_a_memory_size_duckdb_cannot_read_is_refused_naming_the_variable(value: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_DB_MEMORY", value)
    with pytest.raises(SettingError, match="DATELINE_DB_MEMORY"):
        settings()


def test_trimming_returns_freed_pages_without_a_garbage_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    # The bulk parent frees what a partition's transaction and merge allocated; glibc keeps those pages between the
    # blocks still alive unless asked to give them back. Refcounting frees the blocks here: no gc.collect involved.
    import gc

    from dateline.scale.memory import _malloc_trim, resident_mb, trim_memory

    if _malloc_trim() is None:
        pytest.skip("no malloc_trim in this C library")
    monkeypatch.setattr(gc, "collect", lambda *_: pytest.fail("trim_memory ran a garbage collection"))
    blocks = [bytes(4096) + bytes([n % 256]) for n in range(40_000)]
    survivors = blocks[::10]
    del blocks
    held = resident_mb()
    trim_memory()
    assert held - resident_mb() > 60, "the freed pages between the survivors stayed resident"
    assert len(survivors) == 4_000
