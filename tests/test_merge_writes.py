"""A merge writes only the merge rows it changes (issue 13: the bulk writer's cost per article not growing with the
size of the linked group a new report joins)."""

from __future__ import annotations

from dateline.store import open_store
from dateline.store.merged import merge_new_events
from test_merge import A, B, C, stored_state


def test_clustering_a_group_again_with_nothing_new_writes_no_row(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([A, C])
        store.add([B])
        before = store.rows("SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources, listing_key "
                            "FROM events ORDER BY id")
        statements = []

        def recorded(sql: str, params):
            statements.append(sql)
            return store.rows(sql, params)

        assert merge_new_events(recorded, [A.events[0].id]) >= 1  # its links are found and its group clustered again
        assert not [sql for sql in statements if sql.startswith("UPDATE events")]
        assert store.rows("SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources, listing_key "
                          "FROM events ORDER BY id") == before


def test_the_store_ends_the_same_whichever_report_of_a_group_comes_last(tmp_path):
    states = []
    for name, batches in (("first", [[A], [C], [B]]), ("last", [[B], [C], [A]]), ("together", [[C, A, B]])):
        with open_store(tmp_path / f"{name}.duckdb") as store:
            for batch in batches:
                store.add(batch)
            listing = store.rows("SELECT id, listing_key, listing_day FROM events ORDER BY id")
        states.append((stored_state(str(tmp_path / f"{name}.duckdb")), listing))
    assert states[0] == states[1] == states[2]
    assert len({row[1] for row in states[0][0][1]}) == 1  # one merged event
