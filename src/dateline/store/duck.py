"""The DuckDB store: one file, no server, the default for a laptop.

Ingest is idempotent (an article already stored, by id, is left as is and counted as
`existing`) and atomic per batch: a batch is written in one transaction; if any article
in it fails, the batch is rolled back and its articles are written one by one, so only
the failing article is lost and nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from dateline.model import Document
from dateline.store.base import AddResult, EventFilter
from dateline.store.rows import EVENT_COLUMNS, document_rows

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, source VARCHAR, url VARCHAR,
    origin VARCHAR, text VARCHAR NOT NULL, digest VARCHAR NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    contexts VARCHAR[], quad INTEGER, intensity DOUBLE, cameo VARCHAR,
    date VARCHAR, date_precision VARCHAR, date_lo DATE, date_hi DATE,
    loc_name VARCHAR, loc_text VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
    country_code VARCHAR, feature_code VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, sentence VARCHAR, sent_start INTEGER, sent_end INTEGER,
    trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER, rule VARCHAR, confidence DOUBLE);
CREATE TABLE IF NOT EXISTS event_parties (
    event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER NOT NULL, name VARCHAR,
    country VARCHAR, sector VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, entry VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, geonameid BIGINT,
    name VARCHAR, lat DOUBLE, lon DOUBLE, country_code VARCHAR, admin1 VARCHAR,
    feature_code VARCHAR, confidence DOUBLE);
CREATE TABLE IF NOT EXISTS timexes (
    article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR,
    value VARCHAR, mod VARCHAR, quant VARCHAR, freq VARCHAR);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR,
    country VARCHAR, sector VARCHAR, code VARCHAR, entry VARCHAR);
"""

INSERTS = {
    "articles": (
        "INSERT INTO articles (id, date, title, source, url, origin, text, digest) VALUES (?,?,?,?,?,?,?,?)"),
    "events": f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
    "event_parties": "INSERT INTO event_parties VALUES (?,?,?,?,?,?,?,?,?,?)",
    "places": "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "timexes": "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?)",
    "actors": "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?)",
}


class DuckDBStore:
    """Processed articles in a DuckDB file."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(
                f"no database at {self.path}: ingest articles first (`dateline ingest FILE --db {self.path}`)"
            )
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA)

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
        rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in INSERTS}
        for doc in docs:
            for table, table_rows in document_rows(doc).items():
                rows[table].extend(table_rows)
        self.con.begin()
        try:
            for table, sql in INSERTS.items():
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

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching the filter, oldest first, each in the contract's JSON form."""
        where, params = _where(flt or EventFilter())
        limit = f" LIMIT {int(flt.limit)}" if flt and flt.limit else ""
        sql = (
            "SELECT e.*, a.date AS article_date, a.title AS article_title FROM events e "
            f"JOIN articles a ON a.id = e.article_id {where} "
            "ORDER BY e.date_lo NULLS LAST, e.date, a.date, e.sent_start, e.trigger_start" + limit
        )
        return self._hydrate(self.con.execute(sql, params))

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id (a unique prefix is enough), with its article's text."""
        cur = self.con.execute(
            "SELECT e.*, a.date AS article_date, a.title AS article_title FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.id LIKE ? || '%' LIMIT 2", [event_id])
        found = self._hydrate(cur)
        return found[0] if len(found) == 1 else None

    def actors_of(self, article_id: str) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM actors WHERE article_id = ? ORDER BY start", [article_id])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _hydrate(self, cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        if not rows:
            return []
        parties = self._parties([r["id"] for r in rows])
        return [_event_json(r, parties.get(r["id"], {})) for r in rows]

    def _parties(self, ids: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        out: dict[str, dict[str, list[dict[str, Any]]]] = {}
        cur = self.con.execute(
            "SELECT * FROM event_parties WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, role, position",
            [ids])
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            p = dict(zip(names, row, strict=True))
            party = {k: p[k] for k in ("name", "country", "sector", "text", "start", "end", "entry")}
            out.setdefault(p["event_id"], {}).setdefault(p["role"], []).append(party)
        return out


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


def _event_json(r: dict[str, Any], parties: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    location = None
    if r["loc_name"] is not None or r["geonameid"] is not None:
        location = {"name": r["loc_name"], "geonameid": r["geonameid"], "lat": r["lat"], "lon": r["lon"],
                    "country_code": r["country_code"], "feature_code": r["feature_code"], "text": r["loc_text"]}
    return {
        "id": r["id"], "type": r["type"], "mode": r["mode"], "contexts": list(r["contexts"] or []),
        "quad": r["quad"], "intensity": r["intensity"], "cameo": r["cameo"],
        "actors": parties.get("actor", []), "recipients": parties.get("recipient", []),
        "date": r["date"], "date_precision": r["date_precision"], "location": location,
        "negated": r["negated"], "hypothetical": r["hypothetical"],
        "evidence": {"sentence": r["sentence"], "start": r["sent_start"], "end": r["sent_end"],
                     "trigger": r["trigger"], "trigger_start": r["trigger_start"],
                     "trigger_end": r["trigger_end"], "rule": r["rule"]},
        "confidence": r["confidence"], "article_id": r["article_id"],
        "article_date": r["article_date"].isoformat(), "article_title": r["article_title"],
    }


__all__ = ["DuckDBStore"]
