"""Gazetteer lookup latency and memory: exact, ASCII-folded, alternate-name and fuzzy lookups.

Samples names from the index itself (fixed seed), then times uncached lookups one by one.
Prints one JSON line: median and 95th-percentile microseconds per lookup of each kind and
the process's resident memory with the gazetteer open (no spaCy loaded).

    .venv/bin/python benchmarks/gazetteer.py [--names 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from anyascii import anyascii

from dateline.geo import get_gazetteer

# Spellings of one transliterated village name, as news writes them (issue 4).
TRANSLITERATIONS = ("Kefraya", "Kafriya", "Kfraya", "Kafrayā", "Kefriya")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def time_calls(fn, names: list[str]) -> list[float]:
    out = []
    for name in names:
        t0 = time.perf_counter()
        fn(name)
        out.append((time.perf_counter() - t0) * 1e6)
    return out


def summary(us: list[float]) -> dict[str, float]:
    us = sorted(us)
    return {"median_us": round(statistics.median(us), 1), "p95_us": round(us[int(0.95 * (len(us) - 1))], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=2000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    gaz = get_gazetteer()
    open_s = time.perf_counter() - t0
    rows = gaz.con.execute("SELECT name FROM places ORDER BY geonameid").fetchall()
    rng = random.Random(17)
    names = [r[0] for r in rng.sample(rows, min(args.names, len(rows)))]
    folded = [anyascii(n).upper() for n in names]
    misspelt = [n[:-2] + n[-1] + n[-2] if len(n) > 5 else n for n in names]  # swap the last two letters
    found_fuzzy = sum(bool(gaz._fuzzy(n)) for n in misspelt) / len(misspelt)
    translit = {t: sorted({c.name for c in gaz._lookup(t) + gaz._fuzzy(t)})[:3] for t in TRANSLITERATIONS}
    print(json.dumps({
        "benchmark": "gazetteer", "index": str(gaz.path), "places": gaz.info().get("places"),
        "open_s": round(open_s, 2), "names": len(names),
        "exact": summary(time_calls(gaz._lookup, names)),
        "folded_upper": summary(time_calls(gaz._lookup, folded)),
        "fuzzy": summary(time_calls(gaz._fuzzy, misspelt)), "fuzzy_found_share": round(found_fuzzy, 3),
        "transliterations": translit, "rss_mb": round(rss_mb(), 1),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
