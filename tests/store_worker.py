"""Synthetic documents for the store tests, and a worker process that writes or reads a store.

The concurrency and crash tests need real processes that share a database, so they run
this file:

    python tests/store_worker.py write TARGET COUNT [--batch N] [--pause S] [--first K] [--no-precheck]
    python tests/store_worker.py read TARGET ROUNDS

`write` stores synthetic articles K..K+COUNT-1 in batches (pausing between batches, as an
ingest does while it parses), skipping those already stored, prints a JSON line after each
batch and one of totals at the end; `read` opens the store read-only ROUNDS times, lists its events and prints the
event counts it saw. Storing goes through `open_store` and `Store.add` only, so what is
tested is the store, not the NLP.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from dateline.model import Actor, Article, Document, Event, Evidence, Location, Place, Timex, event_id
from dateline.store import EventFilter, open_store
from dateline.store.rows import table_columns

SENT = "Turkey and Russia on Monday agreed to turn Idlib into a demilitarised zone."
TYPES = ("AGREE", "CONSULT", "ASSAULT", "PROTEST")


def make_document(aid: str, type_: str = "AGREE", date: str = "2018-09-17", negated: bool = False,
                  location: Location | None = None, text: str = SENT, events: int = 1) -> Document:
    """A processed article with `events` events of two parties each, one timex, one place and two actors."""
    art = Article(id=aid, date=dt.date(2018, 9, 19), text=text, origin=f"{aid}.txt")
    turkey = Actor("Turkey", 0, 6, "Turkey", "TUR", "GOV", "TUR", "countries: TURKEY")
    russia = Actor("Russia", 11, 17, "Russia", "RUS", "GOV", "RUS", "countries: RUSSIA")
    found = [Event(
        id=event_id(aid, type_, 28 + n, 0), type=type_, mode=None, contexts=["military"], quad=1, intensity=3.0,
        cameo="057", actors=[turkey.as_party(), russia.as_party()], date=date, date_precision="day",
        location=location or Location("Idlib", 169387, 35.93, 36.63, "SY", "PPLA"),
        negated=negated, evidence=Evidence(text, 0, len(text), "agreed", 28 + n, 34 + n, "verb: AGREE"),
        confidence=0.8, article_id=aid) for n in range(events)]
    return Document(
        article=art, timexes=[Timex("Monday", 21, 27, "DATE", "2018-09-17")],
        places=[Place("Idlib", 46, 51, 169387, "Idlib", 35.93, 36.63, "SY", "12", "PPLA", 0.9)],
        actors=[turkey, russia], events=found)


def numbered_document(number: int) -> Document:
    """Synthetic article `number`: its type, date and number of events vary with the number."""
    day = dt.date(2018, 1, 1) + dt.timedelta(days=number % 300)
    return make_document(f"art{number:05d}", TYPES[number % len(TYPES)], day.isoformat(),
                         text=f"Report {number}: {SENT}", events=1 + number % 3)


def write(target: str, count: int, batch: int, pause: float, first: int, precheck: bool = True) -> dict[str, int]:
    """Store articles first..first+count-1 in batches; the totals of what was added.

    Like an ingest, it leaves out articles already stored before it writes a batch, unless
    `precheck` is off: then every batch goes to `Store.add`, which must see to it alone."""
    totals = {"added": 0, "existing": 0, "events": 0}
    with open_store(target) as store:
        numbers = list(range(first, first + count))
        for start in range(0, len(numbers), batch):
            docs = [numbered_document(n) for n in numbers[start:start + batch]]
            if precheck:
                docs = [d for d in docs if not store.has_article(d.article.id)]
            result = store.add(docs)
            totals["added"] += result.added
            totals["existing"] += result.existing
            totals["events"] += result.events
            print(json.dumps({"batch_written": start // batch}), flush=True)  # a crash test kills after some
            time.sleep(pause)
    return totals


def read(target: str, rounds: int) -> dict[str, list[int]]:
    """Open the store read-only `rounds` times and list its events; the counts seen."""
    seen = []
    for _ in range(rounds):
        with open_store(target, read_only=True) as store:
            seen.append(len(store.events(EventFilter(include_negated=True))))
    return {"events_seen": seen}


def dump_rows(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two stores with equal dumps hold the same data. Only the data
    columns: DuckDB's `row_seq` numbers rows in the order they were written, as rowid does, so a run
    killed and finished numbers them otherwise than an uninterrupted one."""
    with open_store(target, read_only=True) as store:
        rows = {}
        for table, columns in table_columns().items():
            names = ", ".join(f'"{name}"' for name, _ in columns)
            rows[table] = sorted(store.rows(f"SELECT {names} FROM {table}"), key=repr)
        return rows


def worker(*args: object) -> subprocess.Popen:
    """A worker process running this file with these arguments."""
    return subprocess.Popen([sys.executable, str(Path(__file__)), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finished(proc: subprocess.Popen) -> dict:
    """What a worker printed, once it ended; it must end well."""
    out, errors = proc.communicate(timeout=120)
    assert proc.returncode == 0, errors
    return json.loads(out.splitlines()[-1])


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["write", "read"])
    parser.add_argument("target")
    parser.add_argument("count", type=int)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--no-precheck", dest="precheck", action="store_false")
    args = parser.parse_args(argv)
    if args.action == "write":
        out = write(args.target, args.count, args.batch, args.pause, args.first, args.precheck)
    else:
        out = read(args.target, args.count)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
