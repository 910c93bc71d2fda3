"""Store replay: the bulk parent's write (store and merge of one partition) measured as the store grows, no parsing.

The bulk parent is the single DuckDB writer: it stores each partition's documents in one transaction with
`store.add`, which also merges them with the stored events. This replays that write cheaply. The documents are
read back from a store a bulk run filled (`bulk.py --keep DIR` leaves `DIR/whole.duckdb`): each article with its
events (their stored JSON), parties and mentions, in the order they were stored. Past its end the same documents
come again as copies 28·k years later (`copied_record`: the Gregorian calendar repeats every 28 years, so
weekdays and ISO weeks stay; article and event ids get a `#k` suffix): a copy is new to the store and merges with
its own copy's events as the originals did, not with the originals.

Every partition (`--partition-size` documents) is stored by `store.add` into a fresh DuckDB file, as the parent
does (the connection let go after each write), and a JSON line per partition says: the articles and events stored
before it, the write's wall and CPU seconds, DuckDB's memory inside the transaction just before it commits
(`duckdb_memory()`: table pages, ART indexes, transaction-local), and the process's RSS after the partition with
freed memory handed back (`release_memory`), and how crowded its merge was (`Density`: candidate pairs, events
and links of the linked groups clustered again). A summary fits each figure's growth per 1,000 stored articles and
gives the digest of what the store holds and decided (`MERGE_STATE` and the events' rows), so two code versions
are compared on the same input.

    .venv/bin/python benchmarks/store_replay.py SOURCE.duckdb --articles 3000 --out DIR

`--trace` attributes a few partitions' memory to their statements instead: stored onto a copy of `--start`, each
statement's change of DuckDB's ART and table pages is summed by the statement's shape; then the rows a late write
reads as merge candidates are read once by their (hashed) ids and once by `row_seq` (insertion order), each in a
fresh connection, to see which read loads less.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import psutil

from dateline.config import DEFAULT_DB_WRITE_MEMORY_MB
from dateline.model import Document, event_id
from dateline.scale.memory import release_memory, trim_memory
from dateline.scale.memory_log import glibc_mb, jemalloc_mb, mapped_mb, peak_mb, pymalloc_mb, reset_peak
from dateline.scale.parts import from_record, to_record
from dateline.store import merged
from dateline.store.duck import DuckDBStore
from dateline.store.rows import MENTION_TABLES, table_columns
from write_density import Density

#: Years between copies: the calendar (weekdays, ISO weeks, leap days) repeats every 28 years.
COPY_YEARS = 28
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
#: What a digest of the stored state reads: the merge decisions and every event's own row.
STATE = {
    "merge": "SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources, listing_key, listing_day "
             "FROM events ORDER BY id",
    "links": "SELECT a, b, reason FROM event_links ORDER BY a, b",
    "merge_keys": "SELECT event_id, type, window_key, lo, hi FROM merge_keys ORDER BY event_id, window_key",
    "parties": "SELECT event_id, role, position, name, country FROM event_parties ORDER BY event_id, role, position",
    "events": "SELECT id, article_id, event, order_key, party_text, countries FROM events ORDER BY id",
}


def stored_records(source: Path) -> list[dict[str, Any]]:
    """Every document a store holds, as `parts.to_record` records, in the order its articles were stored."""
    con = duckdb.connect(str(source), read_only=True)
    try:
        columns = table_columns()
        article_names = [name for name, _ in columns["articles"][:-1]]  # the digest is derived
        articles = con.execute(f"SELECT {', '.join(article_names)} FROM articles ORDER BY rowid").fetchall()
        events = _by_article(con, "SELECT article_id, event FROM events ORDER BY row_seq")
        mentions = {table: _by_article(con, f"SELECT article_id, {_names(columns[table][1:])} FROM {table} "
                                            "ORDER BY rowid") for table in MENTION_TABLES}
    finally:
        con.close()
    records = []
    for row in articles:
        article = _plain(dict(zip(article_names, row, strict=True)))
        aid = article["id"]
        record = {"article": article, "events": [json.loads(e[0]) for e in events.get(aid, [])]}
        for table in MENTION_TABLES:
            names = [name for name, _ in columns[table][1:]]
            record[table] = [_plain(dict(zip(names, values, strict=True))) for values in mentions[table].get(aid, [])]
        records.append(record)
    return records


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A row's values as JSON values (dates as ISO strings, as `parts.to_record` writes them)."""
    return {name: to_record(value) for name, value in row.items()}


def _names(columns: list[tuple[str, Any]]) -> str:
    return ", ".join(f'"{name}"' for name, _ in columns)


def _by_article(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for article_id, *values in con.execute(sql).fetchall():
        rows.setdefault(article_id, []).append(tuple(values))
    return rows


def as_document(record: dict[str, Any]) -> Document:
    """A `Document` from a stored record: events from their JSON form, mentions from their columns."""
    from dateline.model import Event

    doc = from_record(Document, {key: value for key, value in record.items() if key != "events"})
    doc.events = [Event.from_json(event) for event in record["events"]]
    return doc


def copied_record(record: dict[str, Any], copy: int) -> dict[str, Any]:
    """Copy `copy` of a stored record: every year moved `COPY_YEARS`·copy later, the article's id and its events'
    ids given the suffix `#copy` (the event ids computed as the pipeline does, from the new article id)."""
    if copy == 0:
        return record
    old_id = record["article"]["id"]
    new_id = f"{old_id}#{copy}"
    text = json.dumps(record, ensure_ascii=False)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + COPY_YEARS * copy), text)
    renamed = {}
    for event in record["events"]:
        evidence = event.get("evidence") or {}
        renamed[event["id"]] = event_id(new_id, event["type"], evidence.get("trigger_start"), evidence.get("start", 0))
    for old, new in renamed.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    text = text.replace(json.dumps(old_id), json.dumps(new_id))
    return json.loads(text)


def documents(records: list[dict[str, Any]], total: int, first: int = 0) -> Iterator[Document]:
    """Documents `first` to `total` - 1: the records, then their copies (`copied_record`) until there are enough."""
    for n in range(first, total):
        yield as_document(copied_record(records[n % len(records)], n // len(records)))


class MeasuredStore(DuckDBStore):
    """A DuckDB store that reads DuckDB's memory inside each write transaction, just before it commits."""

    last_memory: dict[str, float]

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with super()._writing() as con:
            yield con
            rows = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall()
            self.last_memory = {tag: round(used / 2**20, 1) for tag, used in rows if used}


class TracedStore(MeasuredStore):
    """A measured store that sums, by statement shape, how much each statement changed DuckDB's ART and table pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.loaded: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        super().__init__(*args, **kwargs)

    def _fetch(self, con: duckdb.DuckDBPyConnection, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self._counted(con, _shape(sql)):
            return super()._fetch(con, sql, params)

    def _insert(self, con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        if table == "articles" or not rows:
            return super()._insert(con, table, rows)  # goes through _fetch
        with self._counted(con, f"INSERT INTO {table} (Arrow)"):
            return super()._insert(con, table, rows)

    @contextmanager
    def _counted(self, con: duckdb.DuckDBPyConnection, shape: str) -> Iterator[None]:
        before = index_and_table_mb(con)
        yield
        after = index_and_table_mb(con)
        sums = self.loaded[shape]
        sums[0], sums[1], sums[2] = sums[0] + after[0] - before[0], sums[1] + after[1] - before[1], sums[2] + 1


def index_and_table_mb(con: duckdb.DuckDBPyConnection) -> tuple[float, float]:
    """DuckDB's ART index and table pages in memory now, MB."""
    used = dict(con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall())
    return used.get("ART_INDEX", 0) / 2**20, used.get("BASE_TABLE", 0) / 2**20


def _shape(sql: str) -> str:
    """A statement with its literals and repeated placeholders folded, so statements of one kind sum together."""
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"(WHEN \? THEN \? )+", "WHEN .. ", sql)
    sql = re.sub(r"\(\?(, \?)*\)", "(..)", sql)  # an IN list or a VALUES row, of one key or many
    return re.sub(r"(\(\.\.\), )+", "", sql)[:120]


def trace(source: Path, start: Path, partitions: int, db: Path, partition_size: int) -> dict:
    """Store `partitions` partitions onto a copy of `start`, summing each statement shape's loads (`TracedStore`),
    then compare reading the last write's candidates by id and by `row_seq` (`read_candidates`)."""
    records = stored_records(source)
    shutil.copyfile(start, db)
    store = TracedStore(db)
    try:
        stored = store.counts()["articles"]
        docs = list(documents(records, stored + partitions * partition_size, first=stored))
        for first in range(0, len(docs), partition_size):
            store.add(docs[first:first + partition_size])
    finally:
        store.close()
    shapes = sorted(store.loaded.items(), key=lambda item: -item[1][0] - item[1][1])
    per_partition = [{"statement": shape, "art": round(art / partitions, 2), "table": round(table / partitions, 2),
                      "calls": calls} for shape, (art, table, calls) in shapes if abs(art) + abs(table) > 0.05]
    return {"articles_before": stored, "partitions": partitions, "per_partition_mb": per_partition,
            "candidate_reads": read_candidates(db, events=partition_size * 27)}


def read_candidates(db: Path, events: int) -> dict:
    """The stored events that share a merge window with the last `events` events (what their merge reads, up to
    2,000), read with their JSON by id and by `row_seq`, each in a fresh connection: ART and table MB loaded."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT DISTINCT m.event_id, e.row_seq FROM merge_keys m JOIN events e ON e.id = m.event_id "
            "WHERE m.window_key IN (SELECT window_key FROM merge_keys WHERE event_id IN "
            f"(SELECT id FROM events ORDER BY row_seq DESC LIMIT {events})) "
            "ORDER BY m.event_id LIMIT 2000").fetchall()  # ids are hashes: a sample across the store
    finally:
        con.close()
    if not rows:  # a store with no merge windows: nothing to read
        return {"candidates": 0}
    out: dict[str, Any] = {"candidates": len(rows), "row_seq_span": [min(r[1] for r in rows), max(r[1] for r in rows)]}
    for key, listed in (("id", ", ".join(f"'{r[0]}'" for r in rows)), ("row_seq", ", ".join(str(r[1]) for r in rows))):
        con = duckdb.connect(str(db), read_only=True)
        try:
            before = index_and_table_mb(con)
            con.execute(f"SELECT event, article_id, merged_id FROM events WHERE {key} IN ({listed})").fetchall()
            after = index_and_table_mb(con)
        finally:
            con.close()
        out[f"by_{key}_mb"] = {"art": round(after[0] - before[0], 2), "table": round(after[1] - before[1], 2)}
    return out


def replay(source: Path, total: int, db: Path, partition_size: int, out: Any, start: Path | None = None,
           write_memory_mb: int | None = DEFAULT_DB_WRITE_MEMORY_MB, as_parent: bool = False) -> list[dict]:
    """Store `total` documents from `source` into a fresh store at `db`, a partition at a time; a row each. With
    `start` (a store an earlier replay of the same source filled), `db` begins as a copy of it (upgraded to this
    schema when older, before any partition is measured) and the documents after those it holds are stored.
    `write_memory_mb`: the store's default memory limit (`DuckDBStore`), raised by the store when a write needs
    more; each row gives the limit after its write (`limit_mb`). `as_parent`: after each write, do what the bulk
    parent does (`scale._Run.store_result`: the connection let go, glibc trimmed, no garbage collection) instead of
    `release_memory`, and read the process's memory by mapping (`mapped_mb`)."""
    records = stored_records(source)
    process = psutil.Process()
    rows: list[dict] = []
    if start is not None:
        shutil.copyfile(start, db)
    store = MeasuredStore(db, write_memory_mb=write_memory_mb)
    counts = store.counts()
    stored, events = counts["articles"], counts["events"]
    batch: list[Document] = []
    density = Density()
    try:
        for doc in documents(records, stored + total, first=stored):
            batch.append(doc)
            if len(batch) < partition_size:
                continue
            with density:
                rows.append({**_store_partition(store, batch, stored, events, process, as_parent), **density.take()})
            out.write(json.dumps(rows[-1]) + "\n")
            out.flush()
            stored += len(batch)
            events += sum(len(d.events) for d in batch)
            batch = []
    finally:
        store.close()
    return rows


def _store_partition(store: MeasuredStore, batch: list[Document], stored: int, events: int,
                     process: psutil.Process, as_parent: bool = False) -> dict:
    """Store one partition and measure the write."""
    if as_parent:
        reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    result = store.add(batch)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mapped = {}
    if as_parent:
        mapped["peak_mb"] = peak_mb()  # the write's high water (the peak was reset before it), before anything goes
        store.release()
        trim_memory()
        mapped.update({**mapped_mb(), **glibc_mb(), **pymalloc_mb(), **jemalloc_mb(), "reports": len(merged.REPORTS),
                       "reports_mb": round(merged.REPORTS.bytes / 2**20, 1)})
    else:
        release_memory()
    memory = store.last_memory
    return {**mapped, "articles_before": stored, "events_before": events, "added": result.added,
            "merged": result.merged,
            "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "duckdb_mb": round(sum(memory.values()), 1),
            "table_mb": memory.get("BASE_TABLE", 0.0), "index_mb": memory.get("ART_INDEX", 0.0),
            "transaction_mb": memory.get("TRANSACTION", 0.0), "rss_mb": round(process.memory_info().rss / 2**20),
            "limit_mb": store.memory_limit_mb}


def slope(rows: list[dict], figure: str) -> float | None:
    """Least-squares growth of a figure per 1,000 stored articles."""
    xs, ys = [r["articles_before"] for r in rows], [r[figure] for r in rows]
    if len(xs) < 3:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    return round(1000 * sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread, 3) if spread else None


def state_digest(db: Path) -> dict[str, str]:
    """A digest of each `STATE` query over the store: equal digests, equal rows and merge decisions."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        digests = {}
        for name, sql in STATE.items():
            digest = hashlib.sha256()
            for row in con.execute(sql).fetchall():
                digest.update(repr(row).encode())
            digests[name] = digest.hexdigest()[:16]
        return digests
    finally:
        con.close()


def summary(rows: list[dict], at: tuple[int, ...]) -> dict:
    """The rows nearest each size in `at` (mean of the partitions within 5 % of it), and the slopes."""
    near = {}
    for size in at:
        close = [r for r in rows if abs(r["articles_before"] - size) <= max(48, size * 0.05)]
        if close:
            near[size] = {key: round(sum(r[key] for r in close) / len(close), 2)
                          for key in ("wall_s", "cpu_s", "duckdb_mb", "table_mb", "index_mb", "rss_mb")}
    return {"at": near, **{f"{key}_per_1000": slope(rows, key) for key in ("cpu_s", "duckdb_mb", "index_mb", "rss_mb")}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="a store a bulk run filled")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--partition-size", type=int, default=16)
    ap.add_argument("--out", type=Path, required=True, help="a folder for the store and the rows")
    ap.add_argument("--start", type=Path, help="begin from a copy of this store (filled by a replay of SOURCE)")
    ap.add_argument("--write-memory", type=int, default=DEFAULT_DB_WRITE_MEMORY_MB, metavar="MB",
                    help="the store's default memory limit, raised when a write needs more (0: DuckDB's own)")
    ap.add_argument("--as-parent", action="store_true",
                    help="after each write, let the connection go and trim as the bulk parent does, and read the "
                         "memory by mapping (heap, anonymous, files) and the write's high water")
    ap.add_argument("--report-cache-mb", type=int, metavar="MB",
                    help="the merge's report cache bound (default: merge.cache.DEFAULT_CACHE_BYTES)")
    ap.add_argument("--trace", type=int, metavar="PARTITIONS",
                    help="attribute this many partitions' memory to their statements, stored onto --start")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "replay.duckdb"
    db.unlink(missing_ok=True)
    if args.trace:
        if args.start is None:
            ap.error("--trace needs --start")
        print(json.dumps({"benchmark": "store_replay_trace",
                          **trace(args.source, args.start, args.trace, db, args.partition_size)}))
        return
    if args.report_cache_mb:
        merged.REPORTS.max_bytes = args.report_cache_mb << 20
    with (args.out / "partitions.jsonl").open("w") as out:
        rows = replay(args.source, args.articles, db, args.partition_size, out, args.start, args.write_memory or None,
                      as_parent=args.as_parent)
    print(json.dumps({"benchmark": "store_replay", "articles": args.articles, "partition_size": args.partition_size,
                      **summary(rows, (300, 1000, 3000)), "limits_mb": sorted({r["limit_mb"] or 0 for r in rows}),
                      "state": state_digest(db)}), file=sys.stdout)


if __name__ == "__main__":
    main()
