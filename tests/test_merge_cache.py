"""The reports a merge keeps between steps (`dateline.merge.cache`): small, bounded in bytes, never another result."""

from __future__ import annotations

import datetime as dt

from dateline.merge import cluster, link_between, report_of
from dateline.merge.cache import ReportCache, report_bytes
from dateline.merge.rules import without_event
from dateline.store import merged as store_merged
from test_merge import KYIV, A, B, C, event_of, ingest, party, report, stored_state


def _day_reports(days: int, start: str = "2023-03-01") -> list:
    """One report of a protest a day, each in its own article, dated by its text."""
    first = dt.date.fromisoformat(start)
    out = []
    for n in range(days):
        day = (first + dt.timedelta(days=n)).isoformat()
        doc = report(f"daily-{n}", day, f"Crowds marched through Kyiv for the {n + 1}th day of the protest.",
                     "marched", type_="PROTEST", actors=(party("protesters", "UKR", "CVL"),), location=KYIV)
        out.append(report_of(event_of(doc)))
    return out


def test_a_report_kept_without_its_event_links_and_groups_as_the_whole_report():
    whole = [report_of(event_of(doc)) for doc in (A, B, C)]
    alone = [without_event(r) for r in whole]
    assert all(r.event is None for r in alone)
    assert link_between(alone[0], alone[1]) == link_between(whole[0], whole[1]) is not None
    links = {frozenset((a.id, b.id)): why for a, b in ((whole[0], whole[1]), (whole[1], whole[2]))
             if (why := link_between(a, b))}
    assert cluster(alone, links) == cluster([event_of(doc) for doc in (A, B, C)], links)


def test_the_cache_stays_within_its_bytes_and_lets_go_of_the_earliest_days_first():
    reports = _day_reports(60)
    bound = 20 * report_bytes(without_event(reports[0]))
    cache = ReportCache(max_bytes=bound)
    for n, rep in enumerate(reports):
        cache.put(n, rep)
        assert cache.bytes <= bound
    kept = [n for n, rep in enumerate(reports) if cache.get(rep.id, n) is not None]
    assert kept and kept == list(range(60 - len(kept), 60))  # the latest days stay, in one run


def test_a_report_read_from_a_changed_row_is_not_taken_from_the_cache():
    (rep,) = _day_reports(1)
    cache = ReportCache()
    cache.put(hash(("row", 1)), rep)
    assert cache.get(rep.id, hash(("row", 1))) is not None
    assert cache.get(rep.id, hash(("row", 2))) is None


def test_a_report_too_vague_to_merge_is_not_kept():
    vague = report("memoir", "2023-03-01", "Protesters have long marched in Kyiv.", "marched", type_="PROTEST",
                   date="PAST_REF", precision=None)
    cache = ReportCache()
    cache.put(1, report_of(event_of(vague)))
    assert len(cache) == 0 and cache.bytes == 0


def test_a_store_merges_the_same_whatever_the_cache_keeps(store_target, tmp_path, request, monkeypatch):
    ingest(store_target, [A], [B], [C])
    if store_target.startswith("postgresql"):
        other = request.getfixturevalue("postgres_server").new_database()
    else:
        other = str(tmp_path / "tiny-cache.duckdb")
    monkeypatch.setattr(store_merged, "REPORTS", ReportCache(max_bytes=1))  # keeps nothing: every report read again
    ingest(other, [A], [B], [C])
    assert stored_state(other) == stored_state(store_target)
