"""The offline gazetteer: an indexed SQLite file of GeoNames places, and name lookups.

The index is built at first use into the dateline cache folder (a few seconds, said once
on stderr; by a child process, whose memory goes with it: `_build_apart`) and reused
afterwards. Lookups go through indexed keys (see `names`) and are memoised per process,
so a toponym costs microseconds. Users with a full GeoNames dump
(`allCountries.zip`, or a country file such as `SY.txt`) add it with `import_geonames`:
it is kept in their data folder (see `dateline.geo.imports`), apart from the index, and
merged into a copy of every index the gazetteer opens, so a new release keeps it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import ratio

from dateline.config import Settings, cache_dir, settings
from dateline.geo import build, names
from dateline.geo.abbreviations import spelled_out
from dateline.geo.build import create_index
from dateline.geo.imports import add_dump, forget_import, imports_stamp, list_imports, merge_imports
from dateline.geo.names import MIN_SKELETON, fold, skeleton, without_compass_word

#: Part of the index name, with a digest of the build code and data (see `index_path`).
BUILD_VERSION = "6"
#: An index of another build is removed once no process has opened it for this long (`_remove_stale_indexes`).
STALE_AFTER_S = 7 * 24 * 3600
#: What the child interpreter that builds a missing index runs (`_build_apart`), given the index's path.
BUILD_CHILD = ("import json, sys; from pathlib import Path; from dateline.geo.build import create_index; "
               "print(json.dumps(create_index(Path(sys.argv[1]))))")
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
    """Where the index built from the packaged sources lives: the cache folder, named after them.

    The name carries a digest of the packaged gazetteer data and of the code that builds
    the index, so a new release builds a fresh index instead of reading a stale one. With
    GeoNames imports, the gazetteer opens a copy beside it with the imports merged in.
    """
    return cache_dir() / f"gazetteer-{_build_digest()}.sqlite"


@lru_cache(maxsize=1)
def _build_digest() -> str:
    digest = hashlib.sha256(BUILD_VERSION.encode())
    data = sorted(f for f in settings().gazetteer_sources.iterdir() if f.suffix != ".md")
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
        self.area_points = lru_cache(maxsize=1_000)(self._area_points)
        # asked once per place mention and per national adjective: the same few hundred keys again and again
        self.demonym = lru_cache(maxsize=20_000)(self._demonym)

    def _rows(self, where: str, arg: Any) -> list[tuple]:
        return self.con.execute(f"SELECT {_COLUMNS}, n.main, n.key FROM names n {_JOIN} WHERE {where}",
                                (arg,)).fetchall()

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Entries whose main or alternate name folds to the same key as `name`; when none does, those of the name
        with its abbreviated first word spelled out ("St. Bernard Parish": GeoNames has "Saint Bernard Parish"),
        as an alternate name matches (0.9)."""
        key = fold(name)
        if not key:
            return ()
        found = tuple(_candidate(row[:9], 1.0 if row[9] else 0.9) for row in self._rows("n.key = ?", key))
        full = spelled_out(name) if not found else None
        return tuple(_candidate(row[:9], 0.9) for row in self._rows("n.key = ?", full)) if full else found

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

    def _demonym(self, key: str) -> str | None:
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

    def _area_points(self, country_code: str, admin1: str = "") -> tuple[tuple[float, float], ...]:
        """The points (latitude, longitude) of the populated places of a country, or of one of its
        first-level areas when `admin1` (its code within the country, "12") is given."""
        query = "SELECT lat, lon FROM places WHERE country_code = ? AND feature_code LIKE 'PPL%'"
        args: tuple[str, ...] = (country_code,)
        if admin1:
            query, args = query + " AND admin1 = ?", (country_code, admin1)
        return tuple((float(lat), float(lon)) for lat, lon in self.con.execute(query, args))

    def place(self, geonameid: int) -> tuple[Candidate, str] | None:
        """The entry with this GeoNames id and its admin2 code ("" if none): which areas hold it (watch zones)."""
        row = self.con.execute(f"SELECT {_COLUMNS}, p.admin2 FROM places p LEFT JOIN admin1 a "
                               "ON a.code = p.country_code || '.' || p.admin1 WHERE p.geonameid = ?",
                               (geonameid,)).fetchone()
        return (_candidate(row[:9], 1.0), row[9] or "") if row else None

    def places_in_box(self, south: float, west: float, north: float, east: float,
                      limit: int = 50_000) -> list[Candidate]:
        """Entries whose point lies in a latitude/longitude box (what a drawn zone covers), most populous first."""
        rows = self.con.execute(
            f"SELECT {_COLUMNS} FROM places p LEFT JOIN admin1 a ON a.code = p.country_code || '.' || p.admin1 "
            "WHERE p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? ORDER BY p.population DESC LIMIT ?",
            (south, north, west, east, limit)).fetchall()
        return [_candidate(row, 1.0) for row in rows]

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


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer of the current settings, with the user's imports merged in.

    The index is built at first use; when the user has imported GeoNames dumps, the index
    opened is a copy of it with the imports merged in, made once per state of the imports.
    """
    return _gazetteer_for(settings())


def forget_gazetteer() -> None:
    """Close the gazetteer of the current settings, if open, and forget it: the next use opens a fresh connection
    (what a process about to fork workers does, as an SQLite connection must not be used across a fork)."""
    if _gazetteer_for.cache_info().currsize:
        get_gazetteer().con.close()
    _gazetteer_for.cache_clear()


@lru_cache(maxsize=2)
def _gazetteer_for(current: Settings) -> Gazetteer:
    base = _ensure_base_index(index_path())
    stamp = imports_stamp(current.geonames_imports)
    if stamp is None:
        return Gazetteer(base)
    merged = base.with_name(f"{base.stem}-user-{stamp}.sqlite")
    if not merged.exists():
        _merge_index(base, current.geonames_imports, merged)
    _mark_used(merged)
    return Gazetteer(merged)


def _ensure_base_index(path: Path) -> Path:
    """Build the index from the packaged sources if this release has not built it yet, one process at a time (the
    others wait for it and open what it built), and mark it used."""
    if not path.exists():
        with _building(path):
            if not path.exists():
                print(f"dateline: building the gazetteer index at {path} (once, ~20 s)...", file=sys.stderr)
                started = time.perf_counter()
                counts = _build_apart(path)
                _remove_stale_indexes(keep={path})
                print(f"dateline: gazetteer ready in {time.perf_counter() - started:.1f} s: {counts}",
                      file=sys.stderr)
    _mark_used(path)
    return path


def _build_apart(path: Path) -> dict[str, int]:
    """Build the index at `path` in a child interpreter (`BUILD_CHILD`) and return its row counts.

    The build reads every packaged source into memory at once; a process that built the index itself kept ~380 MB
    of that for the rest of its life (the allocator does not hand it back), and when that process was the local
    workers' fork server (its warm-up opens the gazetteer), every worker forked from it started with those pages.
    A child's memory goes with it. The child imports the same `dateline` as this process (its folder first on the
    child's `PYTHONPATH`) and reads the same settings (the environment). Where no interpreter can be started (an
    embedded Python), the build runs here as before.
    """
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))}
    try:
        child = subprocess.run([sys.executable, "-c", BUILD_CHILD, str(path)], env=env, capture_output=True,
                               text=True, check=False)
    except OSError:
        return create_index(path)
    if child.returncode != 0:
        raise RuntimeError(f"building the gazetteer index at {path} failed in its child process "
                           f"(exit {child.returncode}):\n{child.stderr.strip()[-4000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


@contextmanager
def _building(path: Path) -> Iterator[None]:
    """Hold the index's build lock (`flock` on a file beside it; none where the platform has no `fcntl`): workers
    that start together on a new release would each build the same index (~3 minutes of a core and ~350 MB each on
    a loaded machine) where one build serves them all."""
    try:
        import fcntl
    except ImportError:  # Windows: parallel builds stay safe (each writes its own file), only wasteful
        yield
        return
    with path.with_name(f"{path.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _mark_used(path: Path) -> None:
    """Set the index's modification time to now: the mark by which `_remove_stale_indexes` tells an index some
    install still opens from one no process has opened for `STALE_AFTER_S`."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache folder: the index is still usable, it only cannot be marked
        pass


def _merge_index(base: Path, imports: Path, merged: Path) -> None:
    """Write `merged`: a copy of the `base` index with the user's GeoNames imports merged in."""
    print(f"dateline: adding your GeoNames imports ({imports}) to the gazetteer index...", file=sys.stderr)
    started = time.perf_counter()
    tmp = merged.with_suffix(f".{os.getpid()}.tmp")  # parallel first uses must not share a file
    shutil.copyfile(base, tmp)
    con = sqlite3.connect(tmp)
    try:
        places = merge_imports(con, imports)
    finally:
        con.close()
    tmp.replace(merged)
    _remove_stale_indexes(keep={base, merged})
    print(f"dateline: {places} imported places added in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


def _remove_stale_indexes(keep: set[Path], now: float | None = None, grace: float = STALE_AFTER_S) -> None:
    """Indexes of older releases or older imports are dead weight (60 MB and up): remove those no process has opened
    for `grace` seconds.

    Only derived files in the cache folder go; the user's imports live in the data folder. An index opened lately
    may belong to another install sharing the cache folder (two virtual environments, two checkouts, workers of a
    cluster mid-upgrade): removed at once, each install's build removed the other's, and each then rebuilt its own
    whenever a fresh worker opened it, without end.
    """
    folder = next(iter(keep)).parent
    now = time.time() if now is None else now
    for stale in folder.glob("gazetteer-*.sqlite"):
        if stale not in keep and _unused_for(stale, now) > grace:
            try:
                stale.unlink(missing_ok=True)
            except OSError:  # another process still has it open on a system that forbids removal
                continue


def _unused_for(path: Path, now: float) -> float:
    """Seconds since the index was last built or opened (`_mark_used`); 0 for a file gone meanwhile."""
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def gazetteer_info() -> dict[str, Any]:
    """Say what the gazetteer holds and which GeoNames imports the user added (`gazetteer info`)."""
    imports = settings().geonames_imports
    return get_gazetteer().info() | {"imports_file": str(imports), "imports": list_imports(imports)}


def import_geonames(path: str | Path, progress: Callable[[int], None] | None = None,
                    feature_classes: str = "APLTHSV") -> dict[str, Any]:
    """Add a GeoNames dump (allCountries.zip, SY.zip or SY.txt) to the user's gazetteer imports.

    The dump goes into the imports file of the data folder (it survives upgrades and index
    rebuilds) and is merged into the index at once. Places already present are replaced
    by the dump's richer records (real feature codes, admin coordinates). `progress` is
    called with the number of places imported so far; `feature_classes` keeps only those
    GeoNames classes (A, P, L, T, H, S, V). Returns what was imported and the index used.
    """
    source = Path(path)
    imported = add_dump(source, settings().geonames_imports, progress, feature_classes)
    _gazetteer_for.cache_clear()
    gazetteer = get_gazetteer()
    total = gazetteer.con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    return {"path": str(source), "imported": imported["places"], "countries": _short_list(imported["countries"]),
            "seconds": imported["seconds"], "imports_file": str(settings().geonames_imports),
            "index": str(gazetteer.path), "places": total}


def forget_geonames(file_name: str) -> dict[str, Any]:
    """Remove a GeoNames import (by file name, as `gazetteer info` lists it) and its places."""
    removed = forget_import(file_name, settings().geonames_imports)
    _gazetteer_for.cache_clear()
    _remove_stale_indexes(keep={index_path()}, grace=0)  # every merged copy holds the forgotten places: all go now
    return removed


def describe_import(row: dict[str, Any]) -> str:
    """One line on an import: `SY.txt: 2 places in SY, imported 2025-01-31T10:00:00+00:00`."""
    where = f" in {_short_list(row['countries'])}" if row["countries"] else ""
    places = f"{row['places']} place{'' if row['places'] == 1 else 's'}"
    return f"{row['file']}: {places}{where}, imported {row['imported_at']}"


def _short_list(items: list[str], limit: int = 10) -> str:
    """`SY, IQ` for a few items; the first ones and a count for many (allCountries has 250)."""
    shown = ", ".join(items[:limit])
    return shown if len(items) <= limit else f"{shown} … ({len(items)} in all)"
