"""A sample drawn by merged events: events of a store that should have joined another, judged by hand, to weigh what
blocks joins by the events they would remove rather than by pairs of reports.

The fewer-events-than-mentions figure moves by one for each merged event that joins another; the pair samples
(`merge.py`, `merge_missed.py`) weigh a happening told n times by n² and the joins sample (`merge_joins.py`) sees only
joins that a stored link already offers. Here the unit is the merged event itself. The population is every merged
event of a store, split into strata by how alike its nearest other merged event of its topic family is (the best
sentence Dice between a report of each, from different articles, any type: `nearest_dice`), and drawn uniformly in
each (seeded). Each drawn event is shown by its representative with the `CANDIDATES` other merged events of its family
whose reports (articles at most `WINDOW_DAYS` apart) are most alike it, any type, each by its closest report, with the
mechanism that keeps that pair apart (`merge_missed.mechanism`). A reader marks the candidate it should have joined
(`same_as`, its index) or none (`same_as` null, `label` "alone") without being told which mechanism is right.

    .venv/bin/python benchmarks/merge_events.py --db STORE --draw 12 --seed 1515 --out FILE   # draw, then label
    .venv/bin/python benchmarks/merge_events.py --db STORE --labelled FILE                   # score a store

`--labelled` scores a store on a labelled sample: of the drawn events that should have joined another, how many the
store now holds in one merged event with it (found by anchors: `merge_anchors`), tallied by the mechanism the labeller
saw, and the estimated number of merged events still to remove (each stratum's rate times its population).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.merge import Report
from merge_anchors import AnchorIndex, anchor_of_event, read_labels, write_labels
from merge_joins import groups_of_store
from merge_missed import mechanism, read_store, similar_unmerged

#: Strata by the nearest other merged event's sentence Dice: (name, lowest, below which, drawn per `--draw` unit).
STRATA = (("nearest<0.2", 0.0, 0.2), ("nearest 0.2-0.4", 0.2, 0.4), ("nearest>=0.4", 0.4, 1.01))
#: Other merged events shown beside each drawn one.
CANDIDATES = 6
#: Candidates' articles lie at most this many days from the drawn event's article (the background reach, 42, and slack).
WINDOW_DAYS = 45


def family(report: Report) -> str:
    """The topic family of a report's article (`EgyptianProtest`, `bpoil`, `H1N1`: the id's part before `_`)."""
    return (report.article_id or "").split("_")[0]


def nearest_dice(reports: dict[str, Report], merged: dict[str, str]) -> dict[str, float]:
    """Each merged event's best sentence Dice with a report of another merged event of its family (0.0 when no pair
    of its reports shares two rare words and reaches 0.2: `merge_missed.similar_unmerged`)."""
    best = dict.fromkeys(set(merged.values()), 0.0)
    for a, b, similarity in similar_unmerged(reports, merged, 0.2):
        for side in (a, b):
            best[merged[side]] = max(best[merged[side]], similarity)
    return best


def _closeness(a: Report, b: Report) -> float:
    """How alike two reports look to a reader looking for one happening: their sentences' Dice, a little more for one
    type or one act named (`trigger_stem`), so a retelling in other words still shows among the candidates."""
    from dateline.merge.text import dice

    return dice(a.words, b.words) + 0.1 * (a.type == b.type) + 0.1 * (a.trigger == b.trigger)


def candidates(head: Report, reports: dict[str, Report], merged: dict[str, str],
               links: set[frozenset[str]]) -> list[dict[str, object]]:
    """The `CANDIDATES` other merged events of the head's family most alike it (by their closest report), each as a
    side for a reader, with the mechanism that keeps that pair of reports apart."""
    day = head.article_date or dt.date.min
    best: dict[str, tuple[float, str]] = {}
    for event_id, report in reports.items():
        if (merged[event_id] == merged[head.id] or report.article_id == head.article_id
                or family(report) != family(head) or report.article_date is None
                or abs((report.article_date - day).days) > WINDOW_DAYS):
            continue
        score = _closeness(head, report)
        if score > best.get(merged[event_id], (-1.0, ""))[0]:
            best[merged[event_id]] = (score, event_id)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:CANDIDATES]
    return [{**side(reports[event_id], merged), "closeness": round(score, 2),
             "mechanism": mechanism(head, reports[event_id], frozenset((head.id, event_id)) in links)}
            for _, (score, event_id) in ranked]


def side(report: Report, merged: dict[str, str]) -> dict[str, object]:
    """What a reader sees of one report: its sentence, type, mode, date, parties, place, article; and its anchor."""
    event = report.event
    assert event is not None, "read_store keeps each report's event"
    return {"event": report.id, "merged": merged[report.id], "article": report.article_id,
            "published": str(report.article_date), "type": report.type, "mode": report.mode, "date": report.date,
            "date_mod": report.date_mod, "status": report.status,
            "actors": [[p.name, p.country] for p in event.actors],
            "recipients": [[p.name, p.country] for p in event.recipients],
            "place": event.location.name if event.location else None, "sentence": report.sentence,
            "anchor": anchor_of_event(event)}


#: Other reports of a drawn event's merged event shown with it.
MEMBERS_SHOWN = 4


def members(head: str, group: list[str], reports: dict[str, Report]) -> list[dict[str, object]]:
    """Up to `MEMBERS_SHOWN` other reports the drawn event already holds (article, type, trigger, sentence): a copy
    of its sentence in another article is already joined to it, and a reader who does not see so takes another
    type's event of that copy for a missed join (three such in the fifteenth session's first reading)."""
    return [{"article": reports[x].article_id, "type": reports[x].type, "trigger": reports[x].trigger,
             "sentence": reports[x].sentence} for x in group if x != head][:MEMBERS_SHOWN]


def draw_events(db: Path, per_stratum: int, seed: int) -> tuple[dict[str, int], list[dict[str, object]]]:
    """Each stratum's population of merged events and a seeded uniform draw of `per_stratum` from each, as records
    to label."""
    reports, merged, links = read_store(db)
    groups = groups_of_store(merged)
    nearest = nearest_dice(reports, merged)
    strata: dict[str, list[str]] = {}
    for head, similarity in sorted(nearest.items()):
        strata.setdefault(next(n for n, low, high in STRATA if low <= similarity < high), []).append(head)
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for name, _, _ in STRATA:
        pool = strata.get(name, [])
        for head in rng.sample(pool, min(per_stratum, len(pool))):
            out.append({"merged": head, "stratum": name, "population": len(pool), "reports": len(groups[head]),
                        "nearest_dice": round(nearest[head], 2), "a": side(reports[head], merged),
                        "members": members(head, groups[head], reports),
                        "candidates": candidates(reports[head], reports, merged, links),
                        "same_as": None, "label": None})
    return {name: len(strata.get(name, [])) for name, _, _ in STRATA}, out


def event_scores(records: list[dict[str, Any]], db: Path) -> dict[str, object]:
    """How a store does on a labelled event sample: of the drawn events that should have joined another (`label`
    "joins"), how many it now holds with that one, by the mechanism the labeller saw; the estimated merged events of
    the sample's store still to remove (per stratum, the share labelled "joins" and not joined, times its
    population); and how many drawn events it joins to a candidate labelled other (judged "alone" or another index)."""
    _, merged, _ = read_store(db)
    index = AnchorIndex.of_store(db)
    drawn = Counter(str(r["stratum"]) for r in records if r.get("label") in ("joins", "alone"))
    found: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    other_joins = 0
    estimate = 0.0
    for rec in records:
        if rec.get("label") not in ("joins", "alone"):
            continue
        head = index.event_of(rec["a"])
        sides = [index.event_of(c) for c in rec["candidates"]]
        same = rec["same_as"] if rec["label"] == "joins" else None
        other_joins += sum(1 for n, s in enumerate(sides) if n != same and head and s and merged[s] == merged[head])
        if same is None:
            continue
        kind = str(rec["candidates"][same]["mechanism"])
        found[kind] += 1
        now = head is not None and sides[same] is not None and merged[head] == merged[sides[same]]
        joined[kind] += now
        estimate += 0 if now else int(rec["population"]) / drawn[str(rec["stratum"])]
    return {"labelled": sum(drawn.values()), "should_join": sum(found.values()), "joined": sum(joined.values()),
            "by_mechanism": {k: f"{joined[k]} of {n}" for k, n in sorted(found.items())},
            "joined_to_another_candidate": other_joins, "estimated_merged_events_to_remove": round(estimate)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a merged store (benchmarks/merge.py --db)")
    ap.add_argument("--draw", type=int, default=0, help="draw this many merged events per stratum, to label")
    ap.add_argument("--seed", type=int, default=1515)
    ap.add_argument("--out", type=Path, help="where the drawn events go (JSON lines)")
    ap.add_argument("--labelled", type=Path, nargs="*", default=[], help="labelled event samples to score")
    args = ap.parse_args()
    if args.draw and args.out:
        population, drawn = draw_events(args.db, args.draw, args.seed)
        write_labels(args.out, drawn)
        print(json.dumps({"population": population, "drawn": len(drawn)}))
        return
    print(json.dumps({path.name: event_scores(read_labels(path), args.db) for path in args.labelled}))


if __name__ == "__main__":
    main()
