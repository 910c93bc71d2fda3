"""A write clusters again only the part of a linked group its new links can change (`store.regroup`): the merged
events they touch, widened one ring of linked neighbours at a time while the clustering changes. What the part
decides is what clustering the whole group from scratch decides, and the part does not grow with the group."""

from __future__ import annotations

import duckdb
import pytest

from dateline.merge import cluster
from dateline.store import open_store
from dateline.store.merged import _write_clusters, load_reports
from dateline.store.regroup import regroup
from test_merge import KYIV, LVIV, report

#: Links as the link model states them (`link_strength` reads the probability back).
PAIR, NEIGHBOUR, SUREST = "p=0.90", "p=0.80", "p=0.99"


def _meeting(aid: str, place=None, where: str = ""):
    """A meeting reported by one article, dated as all the others, so that only places can set two apart."""
    return report(aid, "2022-05-02", f"Officials met{where} to talk about grain exports.", "met", type_="CONSULT",
                  location=place)


def _chain(n: int):
    """Pairs (a_k, b_k) of one meeting each, each b_k linked more weakly to the next pair's a_k: a story told again
    and again, its merged events a chain of linked groups. a_5 is placed in Lviv, the late report x in Kyiv."""
    docs = {}
    for k in range(n):
        docs[f"a{k:02}"] = _meeting(f"a{k:02}", LVIV, " in Lviv") if k == 5 else _meeting(f"a{k:02}")
        docs[f"b{k:02}"] = _meeting(f"b{k:02}")
    docs["x"] = _meeting("x", KYIV, " in Kyiv")
    ids = {name: doc.events[0].id for name, doc in docs.items()}
    links = [(f"a{k:02}", f"b{k:02}", PAIR) for k in range(n)] + [
        (f"b{k:02}", f"a{k + 1:02}", NEIGHBOUR) for k in range(n - 1)]
    return docs, ids, links


def _merge_state(execute):
    return execute("SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources FROM events ORDER BY id", [])


@pytest.mark.parametrize("n", [8, 30])
def test_a_late_report_reclusters_its_neighbours_only_and_as_the_whole_group_would(tmp_path, n):
    docs, ids, links = _chain(n)
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.add(list(docs.values()))
    con = duckdb.connect(str(path))
    try:
        def execute(sql, params):
            return con.execute(sql, params).fetchall()

        def load(event_ids):
            return load_reports(execute, event_ids)

        def add_links(rows):
            for a, b, reason in rows:
                execute("INSERT INTO event_links (a, b, reason) VALUES (?, ?, ?)", [*sorted((ids[a], ids[b])), reason])

        # the stored state of the chain without x: every event its own merged event, then the chain's links grouped
        execute("DELETE FROM event_links", [])
        execute("UPDATE events SET merged_id = id, merge_reason = NULL, n_mentions = 1, n_articles = 1, "
                "n_sources = 1", [])
        add_links(links)
        whole = regroup(execute, {ids[name] for name in ids if name != "x"}, load)
        _write_clusters(execute, whole.members, whole.assigned)
        assert len({merged for merged, _ in whole.assigned.values()}) == n  # the pairs, kept apart

        # x is surest with b_5 and is in another town than a_5: a_5 leaves b_5 for b_4's group (a change of the
        # neighbour's group too), so the part widens twice and then stops, however long the chain
        add_links([("x", "b05", SUREST)])
        part = regroup(execute, {ids["x"], ids["b05"]}, load)
        _write_clusters(execute, part.members, part.assigned)
        assert {name for name, event in ids.items() if event in part.members} == {
            "a03", "b03", "a04", "b04", "a05", "b05", "a06", "b06", "x"}
        assert part.assigned[ids["a05"]][0] == part.assigned[ids["a04"]][0]
        assert part.assigned[ids["x"]][0] == part.assigned[ids["b05"]][0]

        every_link = {frozenset((ids[a], ids[b])): reason for a, b, reason in [*links, ("x", "b05", SUREST)]}
        from_scratch = cluster(load(sorted(ids.values())).values(), every_link)
        stored = {row[0]: (row[1], row[2]) for row in _merge_state(execute)}
        assert stored == from_scratch
    finally:
        con.close()
