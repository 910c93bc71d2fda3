"""A sample drawn by joins: pairs of merged events that a grouping over the stored links could join, to judge a change
of the grouping by the joins it adds (the pair samples of `merge.py`, drawn by pairs of reports, weigh a large
happening split in two by the square of its size and cannot see small groups chained together).

The population (`linked_groups`) is every pair of merged events of a store that at least one stored link joins:
every join a grouping over those links can make is among them (a grouping joins two merged events only through a
link between them, or through a third one linked to both). It is split into strata by the density of the links
between the two (links over pairs of their reports: where the join density of the grouping cuts) and drawn uniformly
in each (seeded). Each record shows one report of each side, the merged event's representative (what a listing shows
of it), for a reader to label `same` or `different` without seeing any grouping's decision.

    .venv/bin/python benchmarks/merge_joins.py --db STORE --draw 1 --seed 112 --out FILE    # draw, then label
    .venv/bin/python benchmarks/merge_joins.py --db STORE --labelled FILE [--regroup]        # score a store

`--labelled` scores a store (or, with `--regroup`, today's grouping over its stored links) on a labelled sample:
of the labelled joins, how many the grouping makes and how many of those are `same` (precision), and how many of the
`same` ones it makes (recall), plain and weighted by stratum population; and tallies, per class of `refusal`
(`merge_missed.py`: the density rule, or the field of the conflicts), the `same` joins it keeps apart.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.merge import Report
from merge_anchors import AnchorIndex, anchor_of_event, anchored_pairs, read_labels, write_labels
from merge_missed import read_store, refusal, regrouped

#: Strata of the join sample: (name, lowest density of links between the two merged events, below which, drawn).
STRATA = (("density<0.2", 0.0, 0.2, 20), ("density 0.2-0.5", 0.2, 0.5, 20), ("density>=0.5", 0.5, 1.01, 20))


def groups_of_store(merged: dict[str, str]) -> dict[str, list[str]]:
    """Each merged event's reports (ids in order), by merged id."""
    groups: dict[str, list[str]] = {}
    for event_id in sorted(merged):
        groups.setdefault(merged[event_id], []).append(event_id)
    return groups


def linked_groups(merged: dict[str, str], links: set[frozenset[str]]) -> dict[tuple[str, str], int]:
    """Every pair of merged events (ids in order) that stored links join, with how many links join them."""
    between: Counter[tuple[str, str]] = Counter()
    for pair in links:
        first, second = sorted(merged[x] for x in pair)
        if first != second:
            between[(first, second)] += 1
    return dict(sorted(between.items()))


def density_stratum(links: int, first: int, second: int) -> str:
    """The `STRATA` name of a pair of merged events of these sizes joined by `links` links."""
    density = links / (first * second)
    return next(name for name, low, high, _ in STRATA if low <= density < high)


def _side(report: Report, size: int) -> dict[str, object]:
    """What a reader sees of one side: its representative's sentence, type, date, article, and the group's size; and
    the representative's anchor (`merge_anchors`), which finds it in a later store."""
    return {"event": report.id, "article": report.article_id, "published": str(report.article_date),
            "type": report.type, "date": report.date, "date_mod": report.date_mod, "reports": size,
            "sentence": report.sentence, "anchor": anchor_of_event(report.event)}  # read_store keeps each event


def draw_joins(db: Path, draw_per_stratum: float, seed: int) -> tuple[dict[str, int], list[dict[str, object]]]:
    """The population of each stratum and a seeded uniform sample of each (`draw_per_stratum` times its `STRATA`
    count), as unlabelled records."""
    reports, merged, links = read_store(db)
    groups = groups_of_store(merged)
    strata: dict[str, list[tuple[str, str, int]]] = {}
    for (first, second), n in linked_groups(merged, links).items():
        strata.setdefault(density_stratum(n, len(groups[first]), len(groups[second])), []).append((first, second, n))
    rng = random.Random(seed)
    out = []
    for name, _, _, count in STRATA:
        pool = strata.get(name, [])
        for first, second, n in rng.sample(pool, min(round(count * draw_per_stratum), len(pool))):
            out.append({"join": f"{first}:{second}", "stratum": name, "population": len(pool), "links": n,
                        "a": _side(reports[first], len(groups[first])),
                        "b": _side(reports[second], len(groups[second])), "label": None})
    return {name: len(strata.get(name, [])) for name, *_ in STRATA}, out


def join_scores(labelled: list[tuple[dict[str, Any], str, str]], merged: dict[str, str]) -> dict[str, object]:
    """How a grouping (`merged`: each event's merged event) does on labelled joins (each with the events that hold its
    two sides' representatives now: `merge_anchors.anchored_pairs`): the joins it makes, precision and recall among
    them, plain and weighted by stratum population."""
    drawn = Counter(str(r["stratum"]) for r, _, _ in labelled)
    plain: Counter[str] = Counter()
    weighted: Counter[str] = Counter()
    for rec, first, second in labelled:
        joined, same = merged[first] == merged[second], rec["label"] == "same"
        outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[(joined, same)]
        plain[outcome] += 1
        weighted[outcome] += int(rec["population"]) / drawn[str(rec["stratum"])]  # type: ignore[call-overload]

    def rates(c: Counter[str]) -> dict[str, float]:
        return {"precision": round(c["tp"] / max(c["tp"] + c["fp"], 1e-9), 3),
                "recall": round(c["tp"] / max(c["tp"] + c["fn"], 1e-9), 3)}

    return {"labelled_joins": len(labelled), **rates(plain), **{k: plain[k] for k in ("tp", "fp", "fn", "tn")},
            "weighted": rates(weighted)}


def kept_apart(labelled: list[tuple[dict[str, Any], str, str]], reports: dict[str, Report], merged: dict[str, str],
               links: set[frozenset[str]]) -> Counter[str]:
    """Per `refusal` class (the density rule, or the field of the conflicts between the two groups), the labelled
    `same` joins the grouping keeps apart."""
    groups = groups_of_store(merged)
    tally: Counter[str] = Counter()
    for rec, first, second in labelled:
        if rec["label"] != "same" or merged[first] == merged[second]:
            continue
        tally[str(refusal(first, second, reports, groups, merged, links)["class"])] += 1
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a merged store (benchmarks/merge.py --db)")
    ap.add_argument("--draw", type=float, default=0, help="draw this many times each stratum's count, to label")
    ap.add_argument("--seed", type=int, default=112)
    ap.add_argument("--out", type=Path, help="where the drawn joins go (JSON lines)")
    ap.add_argument("--labelled", type=Path, nargs="*", default=[], help="labelled join samples to score")
    ap.add_argument("--regroup", action="store_true", help="score today's grouping over the store's links")
    args = ap.parse_args()
    if args.draw and args.out:
        population, drawn = draw_joins(args.db, args.draw, args.seed)
        write_labels(args.out, drawn)
        print(json.dumps({"population": population, "drawn": len(drawn)}))
        return
    reports, merged, links = read_store(args.db)
    if args.regroup:
        merged = regrouped(args.db)[0]
    result: dict[str, object] = {}
    index = AnchorIndex.of_store(args.db)
    for path in args.labelled:
        labelled = anchored_pairs(index, read_labels(path))
        result[path.name] = {**join_scores(labelled, merged),
                             "same_kept_apart": dict(kept_apart(labelled, reports, merged, links))}
    result["sides_found"] = dict(sorted(index.how.items()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
