"""Incremental ingest time per article at a given number of stored events (`benchmarks/merge.py --sizes`): a store is
filled with synthetic events written as an ingest writes them, then real articles are added one at a time and timed.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from dateline.model import Article, Document, Event, Evidence, Location, Party, event_id
from dateline.store import open_store
from dateline.store.rows import document_rows, table_columns
from dateline.store.sql import SQLStore

TYPES = ("ASSAULT", "CONSULT", "PROTEST", "ACCUSE", "AGREE", "COERCE", "REQUEST", "SUPPORT", "MOBILIZE", "AID")
COUNTRIES = ("USA", "RUS", "CHN", "GBR", "FRA", "SYR", "IRQ", "IRN", "TUR", "ISR", "EGY", "UKR", "IND", "PAK",
             "AFG", "NGA", "MEX", "BRA", "DEU", "JPN")


#: Where the synthetic events near the T17 articles timed lie (2008-2010); the others lie in `far_from` them.
NEAR_PROBES = (dt.date(2008, 1, 1), 3 * 365)


def far_from(docs: list[Document], years: int = 15) -> tuple[dt.date, int]:
    """`years` of days (first day, number of days) ending before the earliest year the documents or any of their
    events is dated in. A background event dated by its year alone ("in 1990") has a merge span of that whole
    year, so every same-type synthetic event of that year is its candidate: synthetic events in years a timed
    article mentions make its work grow with their density there, not with the store's size."""
    stated = [doc.article.date.year for doc in docs if doc.article.date]
    stated += [int(ev.date[:4]) for doc in docs for ev in doc.events if ev.date and ev.date[:4].isdigit()]
    return dt.date(min(stated) - years - 1, 1, 1), years * 365


def synthetic_document(n: int, rng: random.Random, days: tuple[dt.date, int] = NEAR_PROBES) -> Document:
    """A synthetic stored article with two events: types, countries and dates drawn from skewed distributions
    (a few types and countries dominate, as in news), dates spread over `days` (first day, number of days),
    sentences of random words (so they are candidates for real events of their type, days and countries, but
    not the same)."""
    day = days[0] + dt.timedelta(days=rng.randrange(days[1]))
    aid = f"synthetic/{n}"
    events = []
    for k in range(2):
        type_ = TYPES[min(int(rng.expovariate(0.4)), len(TYPES) - 1)]
        first, second = (COUNTRIES[min(int(rng.expovariate(0.2)), len(COUNTRIES) - 1)] for _ in range(2))
        words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(10))
        sentence = f"Synthetic report: {words}."  # its own words: other happenings, as most stored events are
        events.append(Event(id=event_id(aid, type_, k, k * 100), type=type_,
                            actors=[Party(first, first, "GOV")], recipients=[Party(second, second, "GOV")],
                            date=(day - dt.timedelta(days=rng.randrange(3))).isoformat(), date_precision="day",
                            location=Location("Somewhere", None, rng.uniform(-40, 60), rng.uniform(-100, 120), None),
                            evidence=Evidence(sentence, k * 100, k * 100 + len(sentence), "event", k, k + 5),
                            confidence=0.7))
    return Document(article=Article(id=aid, date=day, text=f"synthetic article {n}", source="synthetic"),
                    events=events)


def fill_unmerged(store: SQLStore, docs: list[Document]) -> None:
    """Write the documents' rows exactly as an ingest writes them, without merging them with each other (the
    synthetic events have their own random words, so they would stay apart; merging each batch of them against
    100k others made the fill itself take over an hour)."""
    rows = [document_rows(doc) for doc in docs]
    with store._writing() as con:  # a benchmark's bulk fill: private on purpose
        for table in table_columns():
            store._insert(con, table, [row for doc in rows for row in doc[table]])


def incremental(sizes: list[int], docs: list[Document], probes: int, near: int | None = None) -> dict[str, object]:
    """Seconds per real article added one at a time to stores already holding `size` synthetic events.

    The same articles (after one warm-up article) are timed at every size, each size on a copy of the filled store
    (`_time_articles`).
    With `near`, only that many of the synthetic events lie in the years of the articles timed, the rest in years
    none of them or their events is dated in (`far_from`): the store grows, the events a new article may merge
    with do not. Without, every synthetic event lies in those years, so their density grows with the store, and so
    do the candidates of each new event."""
    rng = random.Random(17)
    out: dict[str, object] = {}
    sample = random.Random(3).sample(docs, min(probes + 1, len(docs)))
    far = far_from(sample)
    with tempfile.TemporaryDirectory() as tmp:
        db, probed = Path(tmp) / "grow.duckdb", Path(tmp) / "probed.duckdb"
        stored = 0
        for size in sorted(sizes):
            with open_store(db) as store:
                while stored < size:
                    days = NEAR_PROBES if near is None or stored < near else far
                    batch = [synthetic_document(stored // 2 + i, rng, days)
                             for i in range(min(1000, (size - stored) // 2))]
                    fill_unmerged(store, batch)
                    stored += 2 * len(batch)
            shutil.copyfile(db, probed)  # the articles timed at one size are not stored at the next (they would link)
            out[str(size)] = _time_articles(probed, sample, f"@{size}")
            probed.unlink()
    return out


def _time_articles(db: Path, docs: list[Document], suffix: str) -> dict[str, float]:
    """Add the documents one at a time (their ids suffixed) and time each; the first only warms the caches. Median
    and mean wall time, and median CPU time of this process (DuckDB's threads included), per article."""
    wall, cpu = [], []
    with open_store(db) as store:
        for doc in docs:
            doc.article.id = doc.article.id.split("@")[0] + suffix
            start, start_cpu = time.perf_counter(), time.process_time()
            store.add([renamed_again(doc)])
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    wall, cpu = wall[1:], cpu[1:]
    return {"median": round(statistics.median(wall), 4), "mean": round(statistics.fmean(wall), 4),
            "cpu_median": round(statistics.median(cpu), 4)}


def renamed_again(doc: Document) -> Document:
    """The document's events re-identified after its article id changed."""
    for ev in doc.events:
        ev.id = event_id(doc.article.id, ev.type, ev.evidence.trigger_start, ev.evidence.start)
        ev.article_id = doc.article.id
    return doc
