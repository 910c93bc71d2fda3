"""`benchmarks/regroup_check.py`: a store's merge state read against the clustering of all its links from scratch,
so a write that clusters only part of a group can be checked on any store a run left."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dateline.store import open_store
from test_merge import A, B, C

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_a_store_merged_write_by_write_matches_its_links_clustered_at_once_and_a_changed_row_shows(
        tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import regroup_check

    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        for batch in ([A], [C], [B]):
            store.add(batch)
    found = regroup_check.check(db)
    assert (found["linked_events"], found["merged_events"], found["differing"]) == (3, 1, 0)

    con = duckdb.connect(str(db))
    con.execute("UPDATE events SET merged_id = id, merge_reason = NULL WHERE id = ?", [C.events[0].id])
    con.close()
    found = regroup_check.check(db)
    assert found["differing"] >= 1 and found["merged_events"] == 2
