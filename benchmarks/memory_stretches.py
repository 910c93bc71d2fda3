"""The bulk parent's memory by stretch of a run: growth per 1,000 articles, and what a write's step follows.

`store_replay.py` and `parent_replay.py` write one JSON row per write (articles stored so far, RSS, the memory by
mapping, glibc's and Python's own arenas, the write's high water, its candidate pairs and linked group size). A run
crosses stretches of different density (sparse stories, dense re-dated copies), and a slope over the whole run hides
whether the parent keeps growing once density stops rising. This reads the rows, fits a least-squares slope (MB per
1,000 articles) of each figure within each stretch given by `--bounds`, and correlates each write's step (its RSS
change; its high water over the RSS before it) with the write's candidate pairs and group events. One JSON line.

    .venv/bin/python benchmarks/memory_stretches.py ROWS.jsonl --bounds 0,1134,2603,4024,5494,5933,99999
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from collections.abc import Sequence
from pathlib import Path

FIGURES = ("rss_mb", "heap_mb", "anon_big_mb", "anon_small_mb", "glibc_used_mb", "glibc_free_mb",
           "pymalloc_arenas", "pymalloc_used_mb", "pymalloc_free_mb", "reports_mb")
DENSITY = ("candidate_pairs", "group_events")


def articles_of(row: dict) -> float:
    """The articles stored when the row was taken (`store_replay` and `parent_replay` name it differently)."""
    return row["articles_before"] if "articles_before" in row else row["articles"]


def slope_per_1000(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of ys over xs, times 1,000; None with fewer than three points or no spread in xs."""
    if len(xs) < 3:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    if not spread:
        return None
    return round(1000 * sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread, 1)


def correlation(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Pearson's r of two equal-length series; None when either is constant or too short."""
    if len(a) < 3:
        return None
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    sa = math.sqrt(sum((x - ma) ** 2 for x in a))
    sb = math.sqrt(sum((y - mb) ** 2 for y in b))
    if not sa or not sb:
        return None
    return round(sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True)) / (sa * sb), 3)


def stretches(rows: list[dict], bounds: Sequence[int]) -> list[dict]:
    """Per stretch [lo, hi) of articles: its rows, mean density a write, and each figure's slope per 1,000."""
    out = []
    for lo, hi in itertools.pairwise(bounds):
        kept = [r for r in rows if lo <= articles_of(r) < hi]
        if len(kept) < 3:
            continue
        xs = [articles_of(r) for r in kept]
        out.append({"from": lo, "to": hi, "writes": len(kept),
                    **{f"{d}_mean": round(sum(r.get(d) or 0 for r in kept) / len(kept)) for d in DENSITY},
                    **{f: slope_per_1000(xs, [r.get(f) or 0 for r in kept]) for f in FIGURES if f in kept[0]}})
    return out


def steps(rows: list[dict]) -> dict:
    """How each write's RSS step and its high water over the RSS before it follow the write's density."""
    pairs = list(itertools.pairwise(rows))
    if not pairs:
        return {}
    rss_step = [(row.get("rss_mb") or 0) - (prev.get("rss_mb") or 0) for prev, row in pairs]
    over = [(row.get("peak_mb") or 0) - (prev.get("rss_mb") or 0) for prev, row in pairs]
    out = {}
    for d in DENSITY:
        density = [row.get(d) or 0 for _, row in pairs]
        out[f"r_rss_step_{d}"] = correlation(density, rss_step)
        out[f"r_high_water_{d}"] = correlation(density, over)
    out["largest_high_water_mb"] = round(max(over), 1)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", type=Path, help="JSONL rows of store_replay.py or parent_replay.py")
    parser.add_argument("--bounds", default="0,99999999",
                        help="comma-separated article counts where stretches start and end")
    args = parser.parse_args(argv)
    if not args.rows.is_file():
        parser.error(f"{args.rows}: no such rows file (run store_replay.py or parent_replay.py with --out first)")
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    if not rows:
        parser.error(f"{args.rows}: no rows")
    bounds = [int(b) for b in args.bounds.split(",")]
    print(json.dumps({"benchmark": "memory_stretches", "rows": len(rows), "stretches": stretches(rows, bounds),
                      **steps(rows)}))


if __name__ == "__main__":
    main()
