"""Crash safety, on both backends: an ingest killed with SIGKILL at random points leaves a consistent
store (every article whole or absent), and a rerun ends with exactly what an uninterrupted run gives."""

from __future__ import annotations

import random
import signal
import time

from dateline.store import open_store
from store_worker import dump_rows as dump
from store_worker import finished, numbered_document, worker

ARTICLES = 40
KILLS = 5


def assert_consistent(target: str) -> int:
    """Every stored article has all its rows and nothing else is stored; the number of articles stored."""
    with open_store(target, read_only=True) as store:
        articles = [aid for (aid,) in store.rows("SELECT id FROM articles")]
        expected = {"events": 0, "event_parties": 0, "places": 0, "timexes": 0, "actors": 0}
        for aid in articles:
            doc = numbered_document(int(aid.removeprefix("art")))
            expected["events"] += len(doc.events)
            expected["event_parties"] += 2 * len(doc.events)
            expected["places"] += 1
            expected["timexes"] += 1
            expected["actors"] += 2
        counts = store.counts()
        assert counts == {"articles": len(articles), **expected}, f"half-written articles: {counts}"
        orphans = store.rows("SELECT count(*) FROM events e WHERE NOT EXISTS "
                             "(SELECT 1 FROM articles a WHERE a.id = e.article_id)")
        assert orphans == [(0,)]
    return len(articles)


def reference(target_factory) -> dict[str, list[tuple]]:
    target = target_factory()
    assert finished(worker("write", target, ARTICLES, "--batch", 2))["added"] == ARTICLES
    return dump(target)


def test_an_ingest_killed_at_random_points_is_finished_by_a_rerun(store_target, tmp_path, request):
    if store_target.startswith("postgresql://"):
        other = request.getfixturevalue("postgres_server").new_database
    else:
        other = lambda: str(tmp_path / "reference.duckdb")  # noqa: E731
    rng = random.Random(20181917)
    open_store(store_target).close()
    stored, interrupted = [], 0
    for _ in range(KILLS):
        # A short pause per batch keeps the run longer than the longest wait below however fast the machine,
        # so every kill lands during the ingest (an idle machine could otherwise finish first).
        proc = worker("write", store_target, ARTICLES, "--batch", 2, "--pause", 0.02)
        for _ in range(rng.randrange(ARTICLES // 4)):  # let it write some batches, then kill it at a random moment
            proc.stdout.readline()
        time.sleep(rng.uniform(0, 0.1))
        interrupted += proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        stored.append(assert_consistent(store_target))
    assert interrupted == KILLS, "a kill came after the ingest ended"
    assert stored == sorted(stored)
    finished(worker("write", store_target, ARTICLES, "--batch", 2))
    assert assert_consistent(store_target) == ARTICLES
    assert dump(store_target) == reference(other)
