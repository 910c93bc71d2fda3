"""The offline gazetteer: an indexed SQLite file of GeoNames places, and name lookups.

The index is built at first use into the dateline cache folder (a few seconds, said once
on stderr) and reused afterwards. Lookups go through indexed keys (see `names`) and are
memoised per process, so a toponym costs microseconds. Users with a full GeoNames dump
(`allCountries.zip`, or a country file such as `SY.txt`) add it with `import_geonames`.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import ratio

from dateline.geo import build, names
from dateline.geo.build import PlaceRow, create_index, create_schema, insert_places
from dateline.geo.names import MIN_SKELETON, fold, skeleton, without_compass_word
from dateline.paths import cache_dir, package_data

#: Part of the index name, with a digest of the build code and data (see `index_path`).
BUILD_VERSION = "5"
#: A fuzzy match counts at most this much, so it never outranks a real name match (0.9, 1.0).
FUZZY_CEILING = 0.85
_COLUMNS = ("p.geonameid, p.name, p.lat, p.lon, p.country_code, p.admin1, a.name, "
            "p.feature_code, p.population")
_JOIN = "JOIN places p USING (geonameid) LEFT JOIN admin1 a ON a.code = p.country_code || '.' || p.admin1"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a name may refer to, with how well the name matched."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str  # the admin1 code within the country ("12"), "" for countries
    admin1_name: str | None
    feature_code: str
    population: int
    match: float  # 1.0 main name, 0.9 alternate name, below: fuzzy similarity

    @property
    def admin1_key(self) -> str:
        """The country-qualified admin1 code ("SY.12"), the unit context reasoning uses."""
        return f"{self.country_code}.{self.admin1}" if self.admin1 else ""


def index_path() -> Path:
    """Where the gazetteer index lives: the cache folder, named after what it is built from.

    The name carries a digest of the packaged gazetteer data and of the code that builds
    the index, so a new release builds a fresh index instead of reading a stale one.
    """
    return cache_dir() / f"gazetteer-{_build_digest()}.sqlite"


@lru_cache(maxsize=1)
def _build_digest() -> str:
    digest = hashlib.sha256(BUILD_VERSION.encode())
    data = sorted(f for f in package_data("geo").iterdir() if f.suffix != ".md")
    for source in [Path(build.__file__), Path(names.__file__), *data]:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


class Gazetteer:
    """Read access to the gazetteer index, with memoised lookups."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.lookup = lru_cache(maxsize=100_000)(self._lookup)
        self.fuzzy = lru_cache(maxsize=20_000)(self._fuzzy)
        self.admin1_area = lru_cache(maxsize=5_000)(self._admin1_area)
        self.country = lru_cache(maxsize=1_000)(self._country)

    def _rows(self, where: str, arg: Any) -> list[tuple]:
        return self.con.execute(f"SELECT {_COLUMNS}, n.main, n.key FROM names n {_JOIN} WHERE {where}",
                                (arg,)).fetchall()

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Entries whose main or alternate name folds to the same key as `name`."""
        key = fold(name)
        if not key:
            return ()
        return tuple(_candidate(row[:9], 1.0 if row[9] else 0.9) for row in self._rows("n.key = ?", key))

    def _fuzzy(self, name: str, min_similarity: float = 0.75) -> tuple[Candidate, ...]:
        """Entries spelled like `name` (same skeleton, string similarity >= min_similarity)."""
        key, skel = fold(name), skeleton(name)
        if len(skel) < MIN_SKELETON:
            return ()
        best: dict[int, Candidate] = {}
        for row in self._rows("n.skel = ?", skel):
            similarity = ratio(key, row[10]) / 100.0
            match = similarity * FUZZY_CEILING
            if similarity >= min_similarity and match > getattr(best.get(row[0]), "match", 0):
                best[row[0]] = _candidate(row[:9], match)
        return tuple(best.values())

    def is_name(self, name: str) -> bool:
        """True when some entry bears this name (main or alternate)."""
        return bool(self.lookup(name))

    def knows(self, name: str) -> bool:
        """True when some entry bears this name, a spelling like it, or the area it is part of."""
        rest = without_compass_word(name)
        return self.is_name(name) or bool(self.fuzzy(name)) or (rest is not None and self.is_name(rest))

    def country_of_domain(self, host: str) -> str | None:
        """The country a web host belongs to by its country-code domain ("bbc.co.uk" -> "GB")."""
        tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
        row = self.con.execute("SELECT country_code FROM tlds WHERE tld = ?", (tld,)).fetchone()
        return row[0] if row else None

    def demonym(self, key: str) -> str | None:
        """The ISO alpha-2 country of a folded demonym ("syrian" -> "SY"), if it is one."""
        row = self.con.execute("SELECT country_code FROM demonyms WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _admin1_area(self, admin1_key: str) -> Candidate | None:
        """The first-level area with a country-qualified code such as "SY.12"."""
        row = self.con.execute(
            f"SELECT {_COLUMNS} FROM admin1 a JOIN places p ON p.geonameid = a.geonameid WHERE a.code = ?",
            (admin1_key,)).fetchone()
        return _candidate(row, 0.5) if row else None

    def _country(self, country_code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        row = self.con.execute(
            # countries have no admin1: the join is there to fill the admin1 name column with NULL
            f"SELECT {_COLUMNS} FROM places p LEFT JOIN admin1 a ON a.code = '' "
            "WHERE p.country_code = ? AND p.feature_code = 'PCLI'", (country_code,)).fetchone()
        return _candidate(row, 0.5) if row else None

    def info(self) -> dict[str, Any]:
        """What is loaded: file, size, place counts by feature code, names, sources."""
        by_code = dict(self.con.execute(
            "SELECT feature_code, COUNT(*) FROM places GROUP BY feature_code ORDER BY 2 DESC LIMIT 12"))
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "places": self.con.execute("SELECT COUNT(*) FROM places").fetchone()[0],
            "names": self.con.execute("SELECT COUNT(*) FROM names").fetchone()[0],
            "feature_codes": by_code,
            "sources": [v for (v,) in self.con.execute("SELECT value FROM meta ORDER BY key")],
        }


def _candidate(row: tuple, match: float) -> Candidate:
    gid, name, lat, lon, cc, admin1, admin1_name, fcode, pop = row
    return Candidate(gid, name, lat, lon, cc or "", admin1 or "", admin1_name, fcode or "",
                     int(pop or 0), match)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, building the index first if it does not exist yet."""
    path = index_path()
    if not path.exists():
        print(f"dateline: building the gazetteer index at {path} (once, ~20 s)...", file=sys.stderr)
        started = time.perf_counter()
        counts = create_index(path)
        _remove_stale_indexes(path)
        print(f"dateline: gazetteer ready in {time.perf_counter() - started:.1f} s: {counts}",
              file=sys.stderr)
    return Gazetteer(path)


def _remove_stale_indexes(current: Path) -> None:
    """Indexes built from older data are dead weight (60 MB each): remove them."""
    for stale in current.parent.glob("gazetteer-*.sqlite"):
        if stale != current:
            stale.unlink(missing_ok=True)


def gazetteer_info() -> dict[str, Any]:
    """Say what the gazetteer holds (for `dateline gazetteer info`)."""
    return get_gazetteer().info()


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


def import_geonames(path: str | Path, progress: Callable[[int], None] | None = None,
                    feature_classes: str = "APLTHSV", index: Path | None = None) -> dict[str, Any]:
    """Add a GeoNames dump (allCountries.zip, SY.zip or SY.txt) to the gazetteer index.

    Places already present are replaced by the dump's richer records (real feature codes,
    admin coordinates). `progress` is called with the number of places imported so far;
    `feature_classes` keeps only those GeoNames classes (A, P, L, T, H, S, V); `index`
    names another gazetteer file (created empty if missing) instead of the cached one.
    Returns what was imported: {"path", "index", "imported", "seconds", "places"}.
    """
    source = Path(path)
    if not source.exists():
        raise FileNotFoundError(f"{source} does not exist: give a GeoNames dump such as allCountries.zip")
    if index is None:
        get_gazetteer()  # the base index must exist before a dump goes on top
    target = index or index_path()
    started = time.perf_counter()
    con = sqlite3.connect(target) if target.exists() else create_schema(target)
    imported = insert_places(con, _dump_rows(_open_dump(source), feature_classes), progress)
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"import:{source.name}", f"{imported} places"))
    con.commit()
    total = con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    con.close()
    get_gazetteer.cache_clear()
    return {"path": str(source), "index": str(target), "imported": imported,
            "seconds": round(time.perf_counter() - started, 1), "places": total}
