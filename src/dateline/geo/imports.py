"""The user's GeoNames imports: their own SQLite file in the data folder, apart from the index.

The gazetteer index in the cache folder is derived data: its name carries a digest of the
code and packaged data, and a new release builds a fresh one and deletes the old. A full
GeoNames dump (`allCountries.zip`, an hour to import) is the user's own data, so it is kept
here instead (`Settings.geonames_imports`, by default `<data folder>/geonames/imports.sqlite`)
and merged into every index at load (see `dateline.geo.gazetteer`). The file holds the
imported places and names in the index's format, each place tagged with the dump it came
from, and one row per import saying what was imported and when.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.geo.build import PLACE_COLUMNS, PlaceRow, Progress, insert_places

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
  geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country_code TEXT,
  admin1 TEXT, admin2 TEXT, feature_class TEXT, feature_code TEXT, population INTEGER,
  source TEXT);
CREATE TABLE IF NOT EXISTS names (
  key TEXT, geonameid INTEGER, main INTEGER, skel TEXT,
  PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS imports (
  file TEXT PRIMARY KEY, path TEXT, places INTEGER, countries TEXT, feature_classes TEXT,
  imported_at TEXT, seconds REAL);
"""
#: Seconds a writer waits for another process's import to finish with the file.
LOCK_TIMEOUT = 600.0


def _connect(imports: Path) -> sqlite3.Connection:
    """Open (creating if needed) the imports file for writing."""
    imports.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(imports, timeout=LOCK_TIMEOUT)
    con.executescript(SCHEMA)
    return con


def add_dump(dump: Path, imports: Path, progress: Progress | None = None,
             feature_classes: str = "APLTHSV") -> dict[str, Any]:
    """Import a GeoNames dump (allCountries.zip, SY.zip or SY.txt) into the imports file.

    A place imported before, from this or another dump, is replaced by the new record.
    Importing a file of the same name again replaces that import. Returns its row of
    `list_imports`.
    """
    if not dump.exists():
        raise FileNotFoundError(f"{dump} does not exist: give a GeoNames dump such as allCountries.zip")
    started = time.perf_counter()
    con = _connect(imports)
    try:
        insert_places(con, _dump_rows(_open_dump(dump), feature_classes), progress)
        # INSERT OR REPLACE leaves `source` NULL on every row it wrote: those are this dump's places
        con.execute("UPDATE places SET source = ? WHERE source IS NULL", (dump.name,))
        count, countries = _places_of(con, dump.name)
        con.execute("INSERT OR REPLACE INTO imports VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (dump.name, str(dump.resolve()), count, ",".join(countries), feature_classes,
                     dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                     round(time.perf_counter() - started, 1)))
        con.commit()
    finally:
        con.close()
    return next(row for row in list_imports(imports) if row["file"] == dump.name)


def _places_of(con: sqlite3.Connection, source: str) -> tuple[int, list[str]]:
    """How many places the import `source` holds, and their countries, most places first."""
    by_country = con.execute("SELECT country_code, COUNT(*) FROM places WHERE source = ? GROUP BY 1 ORDER BY 2 DESC",
                             (source,)).fetchall()
    return sum(n for _, n in by_country), [code for code, _ in by_country if code]


def list_imports(imports: Path) -> list[dict[str, Any]]:
    """The imports in the file, oldest first: file, path, places, countries, classes, when, seconds."""
    if not imports.exists():
        return []
    con = sqlite3.connect(f"file:{imports}?mode=ro", uri=True, timeout=LOCK_TIMEOUT)
    try:
        rows = con.execute("SELECT file, path, places, countries, feature_classes, imported_at, seconds "
                           "FROM imports ORDER BY imported_at, file").fetchall()
    finally:
        con.close()
    keys = ("file", "path", "places", "countries", "feature_classes", "imported_at", "seconds")
    return [dict(zip(keys, row, strict=True)) | {"countries": row[3].split(",") if row[3] else []}
            for row in rows]


def forget_import(file_name: str, imports: Path) -> dict[str, Any]:
    """Remove the import of `file_name` (as `list_imports` names it) and the places it brought.

    A place that a later dump imported again belongs to that later dump and stays.
    Returns the removed import's row; raises KeyError naming the imports there are.
    """
    known = {row["file"]: row for row in list_imports(imports)}
    if file_name not in known:
        listed = ", ".join(known) or "none"
        raise KeyError(f"no GeoNames import named {file_name!r} (imports: {listed}; see `dateline gazetteer info`)")
    con = _connect(imports)
    try:
        con.execute("DELETE FROM names WHERE geonameid IN (SELECT geonameid FROM places WHERE source = ?)",
                    (file_name,))
        con.execute("DELETE FROM places WHERE source = ?", (file_name,))
        con.execute("DELETE FROM imports WHERE file = ?", (file_name,))
        con.commit()
    finally:
        con.close()
    return known[file_name]


def imports_stamp(imports: Path) -> str | None:
    """A short digest of what the imports file holds, None when it holds no import.

    It names the merged index, so any import or removal leads to a fresh merge.
    """
    rows = list_imports(imports)
    if not rows:
        return None
    digest = hashlib.sha256(repr([(r["file"], r["places"], r["imported_at"]) for r in rows]).encode())
    return digest.hexdigest()[:12]


def merge_imports(con: sqlite3.Connection, imports: Path) -> int:
    """Copy every imported place and name into the open index `con`; returns the places merged.

    Imported records replace the index's records of the same place, as importing the
    dump straight into the index would.
    """
    con.execute("ATTACH DATABASE ? AS user_imports", (str(imports),))
    con.execute(f"INSERT OR REPLACE INTO places SELECT {PLACE_COLUMNS} FROM user_imports.places")
    con.execute("INSERT OR REPLACE INTO names SELECT key, geonameid, main, skel FROM user_imports.names")
    for file, places in con.execute("SELECT file, places FROM user_imports.imports").fetchall():
        source = f"{file}: {places} imported places"
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"import:{file}", source))
    merged = con.execute("SELECT COUNT(*) FROM user_imports.places").fetchone()[0]
    con.commit()
    con.execute("DETACH DATABASE user_imports")
    return merged


# GeoNames dump columns: geonameid, name, asciiname, alternatenames, lat, lon, feature class,
# feature code, country code, cc2, admin1, admin2, admin3, admin4, population, ...
def _dump_rows(lines: Iterator[str], feature_classes: str) -> Iterator[tuple[PlaceRow, list[str]]]:
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15 or not cols[0].isdigit() or (feature_classes and cols[6] not in feature_classes):
            continue
        try:
            row = (int(cols[0]), cols[1], float(cols[4]), float(cols[5]), cols[8], cols[10], cols[11],
                   cols[6], cols[7], int(cols[14] or 0))
        except ValueError:
            continue  # a malformed line must not stop a 12-million-line import
        alternates = cols[3].split(",") if cols[3] else []
        yield row, [cols[2], *alternates]


def _open_dump(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            member = next(n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower())
            with archive.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh
