"""The DuckDB store: one file, no server, the default for a laptop.

Ingest is idempotent (an article already stored, by id, is left as is and counted as
`existing`) and atomic per batch: a batch is written in one transaction; if any article
in it fails, the batch is rolled back and its articles are written one by one, so only
the failing article is lost and nothing is half-written.

The tables follow `dateline.store.rows` (derived from the model); the file records the
layout version it was written with, and a file of another layout is refused with what
to do, never read wrongly.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import duckdb

from dateline.model import Article, Document, Event
from dateline.store.base import AddResult, EventFilter, StoreError, StoreLayoutError
from dateline.store.rows import LAYOUT, document_rows, stored_event, table_columns

_SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}
_PRIMARY_KEYS = {"articles": "id", "events": "id"}
_EVENT_SELECT = ("SELECT e.event, e.article_id, a.date, a.title FROM events e "
                 "JOIN articles a ON a.id = e.article_id")


def _sql_type(hint: Any) -> tuple[str, bool]:
    """The DuckDB type of a model type hint, and whether the column may be NULL."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return _sql_type(inner)[0], True
    if origin is Literal:
        return "VARCHAR", False
    if origin is list:
        return _sql_type(args[0])[0] + "[]", False
    return _SQL_TYPES[hint], False


def schema_sql() -> str:
    """The DDL of every table, and of the layout mark."""
    statements = ["CREATE TABLE dateline_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)"]
    for table, columns in table_columns().items():
        defs = []
        for name, hint in columns:
            sql_type, nullable = _sql_type(hint)
            key = " PRIMARY KEY" if _PRIMARY_KEYS.get(table) == name else ""
            defs.append(f'"{name}" {sql_type}{"" if nullable else " NOT NULL"}{key}')
        statements.append(f"CREATE TABLE {table} ({', '.join(defs)})")
    return ";\n".join(statements) + ";"


def _inserts() -> dict[str, str]:
    """One INSERT per table, columns in `table_columns()` order."""
    out = {}
    for table, columns in table_columns().items():
        names = ", ".join(f'"{name}"' for name, _ in columns)
        out[table] = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    return out


class DuckDBStore:
    """Processed articles in a DuckDB file."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(
                f"no database at {self.path}: ingest articles first (`dateline ingest FILE --db {self.path}`)"
            )
        self.con = duckdb.connect(self.path, read_only=read_only)
        try:
            self._check_layout(create=not read_only)
        except BaseException:
            self.con.close()
            raise
        self._inserts = _inserts()

    def _check_layout(self, create: bool) -> None:
        """Create the tables in a new file; refuse a file written with another layout."""
        tables = {row[0] for row in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if not tables:
            if not create:
                raise StoreError(f"{self.path} holds no dateline data: ingest articles first "
                                 f"(`dateline ingest FILE --db {self.path}`)")
            self.con.execute(schema_sql())
            self.con.execute("INSERT INTO dateline_meta VALUES ('layout', ?)", [str(LAYOUT)])
            return
        if "dateline_meta" in tables:
            row = self.con.execute("SELECT value FROM dateline_meta WHERE key = 'layout'").fetchone()
            found = int(row[0]) if row else 0
        elif "articles" in tables and "events" in tables:
            found = 1  # dateline before 0.2 wrote no layout mark
        else:
            raise StoreError(f"{self.path} is a DuckDB file without dateline's tables (it has "
                             f"{', '.join(sorted(tables))}): give a new file with --db")
        if found < LAYOUT:
            raise StoreLayoutError(
                f"{self.path} was written by an older dateline (store layout {found}; this version reads layout "
                f"{LAYOUT}). Re-ingest your articles into a new file: `dateline ingest ARTICLES... --db NEW.duckdb`")
        if found > LAYOUT:
            raise StoreLayoutError(
                f"{self.path} was written by a newer dateline (store layout {found}; this version reads layout "
                f"{LAYOUT}). Upgrade dateline to read it, or ingest into a new file with --db NEW.duckdb")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_digest(self, article_id: str) -> str | None:
        """The content digest of a stored article (None if not stored), to tell re-ingests from id clashes."""
        row = self.con.execute("SELECT digest FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def add(self, docs: Iterable[Document]) -> AddResult:
        """Store a batch of processed documents atomically; see the module docstring."""
        result = AddResult()
        fresh: list[Document] = []
        seen: set[str] = set()
        for doc in docs:
            if doc.article.id in seen or self.has_article(doc.article.id):
                result.existing += 1
            else:
                seen.add(doc.article.id)
                fresh.append(doc)
        if not fresh:
            return result
        try:
            self._write(fresh)
        except duckdb.Error:
            for doc in fresh:  # isolate the article that broke the batch
                try:
                    self._write([doc])
                except duckdb.Error as exc:
                    result.failed.append((doc.article.origin or doc.article.id, f"store error: {exc}"))
                    continue
                result.added += 1
                result.events += len(doc.events)
            return result
        result.added += len(fresh)
        result.events += sum(len(d.events) for d in fresh)
        return result

    def _write(self, docs: list[Document]) -> None:
        rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in self._inserts}
        for doc in docs:
            for table, table_rows in document_rows(doc).items():
                rows[table].extend(table_rows)
        self.con.begin()
        try:
            for table, sql in self._inserts.items():
                if rows[table]:
                    self.con.executemany(sql, rows[table])
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    # -- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return {
            table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "event_parties", "places", "timexes", "actors")
        }

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Events matching the filter, oldest first, each with its article's id, date and title."""
        where, params = _where(flt or EventFilter())
        limit = f" LIMIT {int(flt.limit)}" if flt and flt.limit else ""
        sql = (f"{_EVENT_SELECT} {where} "
               "ORDER BY e.date_lo NULLS LAST, e.date, a.date, e.sent_start, e.trigger_start" + limit)
        return [stored_event(*row) for row in self.con.execute(sql, params).fetchall()]

    def event(self, event_id: str) -> Event | None:
        """One event by id (a unique prefix is enough); None when no event or several match."""
        found = self.con.execute(f"{_EVENT_SELECT} WHERE e.id LIKE ? || '%' LIMIT 2", [event_id]).fetchall()
        return stored_event(*found[0]) if len(found) == 1 else None

    def article(self, article_id: str) -> Article | None:
        """One stored article (with its text) by id, or None."""
        names = [name for name, _ in table_columns()["articles"] if name != "digest"]
        row = self.con.execute(f"SELECT {', '.join(names)} FROM articles WHERE id = ?", [article_id]).fetchone()
        return Article(**dict(zip(names, row, strict=True))) if row else None


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    party = "EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = e.id AND ({}))"
    if not f.include_negated:
        clauses.append("NOT e.negated AND NOT e.hypothetical")
    if f.min_confidence:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.type:
        clauses.append("e.type = ?")
        params.append(f.type.upper())
    if f.actor:
        clauses.append(party.format("p.name ILIKE ? OR p.text ILIKE ? OR upper(p.country) = upper(?)"))
        params += [f"%{f.actor}%", f"%{f.actor}%", f.actor]
    if f.country:
        clauses.append("(" + party.format("upper(p.country) = upper(?)") + " OR upper(e.country_code) = upper(?))")
        params += [f.country, f.country]
    if f.place:
        clauses.append("(e.loc_name ILIKE ? OR e.loc_text ILIKE ?)")
        params += [f"%{f.place}%", f"%{f.place}%"]
    if f.near:
        lat, lon, km = f.near
        clauses.append(
            "e.lat IS NOT NULL AND 2 * 6371 * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + "
            "cos(radians(?)) * cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2))) <= ?")
        params += [lat, lat, lon, km]
    if f.since:
        clauses.append("e.date_hi >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.date_lo <= ?")
        params.append(f.until)
    if f.text:
        clauses.append("e.sentence ILIKE ?")
        params.append(f"%{f.text}%")
    if f.article:
        clauses.append("e.article_id = ?")
        params.append(f.article)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


__all__ = ["DuckDBStore", "schema_sql"]
