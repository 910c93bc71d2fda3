"""Regroup check: does a store hold what clustering all its links from scratch decides?

A write clusters again only the part of a linked group its new links can change (`dateline.store.regroup`). Before
that, every write clustered the whole connected group again, so a store's merge state was, group by group, the
clustering of all its links from scratch. This reads every stored link and the reports of the events they join,
clusters them all at once (`dateline.merge.cluster`: groups apart never interact) and prints one JSON line: the
events linked, the merged events, and how many events' merged event or reason differ from the store's (0: the
store is what the whole-group clustering would have written), with a few of them.

    .venv/bin/python benchmarks/regroup_check.py STORE.duckdb
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import duckdb

from dateline.merge import cluster
from dateline.store.merged import load_reports


def check(db: Path) -> dict[str, object]:
    """The store's merge state against the clustering of all its links from scratch."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        def execute(sql: str, params: object) -> list[tuple]:
            return con.execute(sql, params).fetchall()

        links = {frozenset((a, b)): reason for a, b, reason in execute("SELECT a, b, reason FROM event_links", [])}
        linked = sorted({x for pair in links for x in pair})
        expected = cluster(load_reports(execute, linked).values(), links)
        stored = {event_id: (merged_id, reason) for event_id, merged_id, reason in
                  execute("SELECT id, merged_id, merge_reason FROM events", [])}
    finally:
        con.close()
    unlinked_apart = sum(1 for event_id, (merged_id, _) in stored.items()
                         if event_id not in expected and merged_id != event_id)
    differing = sorted(event_id for event_id, decided in expected.items() if stored.get(event_id) != decided)
    return {"benchmark": "regroup_check", "events": len(stored), "linked_events": len(linked), "links": len(links),
            "merged_events": len({merged_id for merged_id, _ in stored.values()}), "differing": len(differing),
            "unlinked_not_alone": unlinked_apart,
            "examples": [(event_id, stored.get(event_id), expected[event_id]) for event_id in differing[:5]]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="a DuckDB store (opened read-only)")
    print(json.dumps(check(ap.parse_args().store)))


if __name__ == "__main__":
    main()
