"""benchmarks/store_replay.py: what its trace attributes to each statement, on a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest

from store_worker import numbered_document


@pytest.fixture()
def replay(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import store_replay as module

    return module


def test_statements_of_one_kind_are_summed_under_one_shape(replay) -> None:
    first = replay._shape("SELECT a FROM t WHERE id IN ('x1', 'x2', 'x3')")
    second = replay._shape("SELECT a FROM t WHERE id IN ('y1')")
    assert first == second == "SELECT a FROM t WHERE id IN (..)"
    assert replay._shape("UPDATE t SET c = CASE id WHEN ? THEN ? WHEN ? THEN ? END WHERE id IN (?, ?)") == \
        "UPDATE t SET c = CASE id WHEN .. END WHERE id IN (..)"


def test_a_traced_write_names_the_inserts_and_reads_that_loaded_memory(replay, tmp_path: Path) -> None:
    store = replay.TracedStore(tmp_path / "traced.duckdb")
    try:
        store.add([numbered_document(n) for n in range(12)])
        store.add([numbered_document(n) for n in range(12, 24)])
    finally:
        store.close()
    assert store.loaded["INSERT INTO events (Arrow)"][2] == 2  # one Arrow insert of events per write
    assert any(shape.startswith("INSERT INTO articles") for shape in store.loaded)
    assert any("FROM merge_keys WHERE window_key IN" in shape for shape in store.loaded)
    assert all(calls >= 1 for _, _, calls in store.loaded.values())


def test_the_density_of_a_write_counts_its_candidates_and_the_linked_group_it_clusters_again(replay,
                                                                                               tmp_path: Path) -> None:
    from dateline.store import merged
    from test_merge import A, B, C

    plain = merged._candidates
    store = replay.MeasuredStore(tmp_path / "dense.duckdb")
    try:
        with replay.Density() as density:
            store.add([A])
            alone = density.take()
            store.add([B, C])
            crowded = density.take()
    finally:
        store.close()
    assert merged._candidates is plain  # let go on leaving
    assert alone == {"candidate_pairs": 0, "group_events": 0, "group_links": 0}
    assert crowded["candidate_pairs"] >= 2  # B and C each weighed against A at least
    assert crowded["group_events"] == 3 and crowded["group_links"] >= 2


@pytest.mark.parametrize("as_parent", [False, True])
def test_as_parent_lets_the_connection_go_trims_and_reads_memory_by_mapping(replay, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           as_parent: bool) -> None:
    """`--as-parent`: after the write, the connection let go and glibc trimmed as the bulk parent does
    (`scale._Run.store_result`), no `release_memory`, and the row gains the memory by mapping and the write's peak;
    without it, `release_memory` and the plain row."""
    import psutil

    calls: list[str] = []
    monkeypatch.setattr(replay, "trim_memory", lambda: calls.append("trim"))
    monkeypatch.setattr(replay, "release_memory", lambda: calls.append("release_memory"))
    store = replay.MeasuredStore(tmp_path / "parent.duckdb")
    monkeypatch.setattr(store, "release", lambda: calls.append("release"))
    try:
        row = replay._store_partition(store, [numbered_document(n) for n in range(4)], 0, 0, psutil.Process(),
                                      as_parent=as_parent)
    finally:
        store.close()
    assert row["added"] == 4 and row["articles_before"] == 0 and "limit_mb" in row
    if as_parent:
        assert calls == ["release", "trim"]
        assert {"peak_mb", "heap_mb", "anon_big_mb", "anon_small_mb", "file_mb", "reports", "reports_mb"} <= row.keys()
    else:
        assert calls == ["release_memory"]
        assert "peak_mb" not in row and "heap_mb" not in row
