"""Where the merges a store misses sit: unmerged pairs of similar reports, each classed by the mechanism that kept it
apart, and how many of a hand-labelled sample of them a store now joins.

The population is every pair of events of different articles of one topic family (the part of the article id before
`_`) that a merged store (`benchmarks/merge.py --db FILE`) keeps in different merged events, whose sentences share
at least two words of document frequency at most `RARE_DF` and have a Dice of at least `MIN_DICE` (pairs of sentences
this alike are where same happenings are found; below it, the labelled population sample of `merge.py` speaks). Each
pair is classed as merging decides it: no candidate (`blocking: type`, `blocking: days` — merge spans apart —, or
`blocking: vague`), a rule's conflict (`conflict: dates`, `parties` ...), `low link p` (a candidate below the link
threshold), or `linked, grouped apart` (linked, but the average linkage kept the groups apart).

    .venv/bin/python benchmarks/merge_missed.py --db STORE [--draw 40 --seed 71 --out FILE] [--labelled FILE]

Prints the class counts by Dice band; `--draw` writes a seeded uniform sample (other types left out: the third
session read them, 0-1 same of 8 per band) for labelling; `--labelled` counts, per class, the sample's pairs labelled
`same` or `different` that the store now joins.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from dateline.merge import conflict_between, link_model, report_of
from dateline.merge.link import features_between
from dateline.merge.rules import Report
from dateline.merge.text import dice
from dateline.store import open_store
from dateline.store.rows import stored_event

#: Words in more sentences than this say nothing about which happening two sentences tell.
RARE_DF = 300
#: Sentences less alike than this are left to the labelled population sample of `benchmarks/merge.py`.
MIN_DICE = 0.3
BANDS = ((0.8, ">=0.8"), (0.5, "0.5-0.8"), (0.0, "0.3-0.5"))


def read_store(db: Path) -> tuple[dict[str, Report], dict[str, str], set[frozenset[str]]]:
    """The stored events' reports, their merged event, and the stored links."""
    with open_store(db, read_only=True) as store:
        rows = store.rows("SELECT e.id, e.event, e.article_id, a.date, a.title, e.merged_id FROM events e "
                          "JOIN articles a ON a.id = e.article_id")
        links = {frozenset(row) for row in store.rows("SELECT a, b FROM event_links")}
    return ({row[0]: report_of(stored_event(*row[1:5])) for row in rows}, {row[0]: row[5] for row in rows}, links)


def similar_unmerged(reports: dict[str, Report], merged: dict[str, str]) -> list[tuple[str, str, float]]:
    """Pairs (in id order) of events of different articles of one topic family, not merged together, sharing two rare
    words, whose sentences' Dice reaches `MIN_DICE`."""
    frequency = Counter(word for report in reports.values() for word in report.words)
    postings: dict[str, list[str]] = {}
    for event_id, report in sorted(reports.items()):
        for word in report.words:
            if frequency[word] <= RARE_DF:
                postings.setdefault(word, []).append(event_id)
    family = {event_id: (report.article_id or "").split("_")[0] for event_id, report in reports.items()}
    pairs = []
    for event_id, report in sorted(reports.items()):
        shared = Counter(other for word in report.words if frequency[word] <= RARE_DF
                         for other in postings[word] if other > event_id)
        for other, count in sorted(shared.items()):
            second = reports[other]
            if (count >= 2 and family[event_id] == family[other] and report.article_id != second.article_id
                    and merged[event_id] != merged[other]
                    and (similarity := dice(report.words, second.words)) >= MIN_DICE):
                pairs.append((event_id, other, similarity))
    return pairs


def mechanism(a: Report, b: Report, linked: bool) -> str:
    """Which step of merging kept the two reports apart."""
    if a.type != b.type:
        return "blocking: type"
    if a.reach is None or b.reach is None:
        return "blocking: vague"
    if not a.reach.overlaps(b.reach.first, b.reach.last):
        return "blocking: days"
    if conflict := conflict_between(a, b):
        return "conflict: " + conflict.split()[0]
    return "linked, grouped apart" if linked else "low link p"


def band(similarity: float) -> str:
    """The name of the `BANDS` band a pair's sentence similarity falls in."""
    return next(name for low, name in BANDS if similarity >= low)


def record(a: Report, b: Report, kind: str, similarity: float) -> dict[str, object]:
    """A sample record for labelling: the pair, its class, and what a reader needs of each side."""
    probability = None if kind.startswith(("blocking", "conflict")) else round(
        link_model().probability(features_between(a, b)), 2)
    out: dict[str, object] = {"pair": f"{a.id}:{b.id}", "class": kind, "dice": round(similarity, 2),
                              "p": probability, "label": None}
    for side, report in (("a", a), ("b", b)):
        event = report.event
        out[side] = {"event": report.id, "article": report.article_id, "published": str(event.article_date),
                     "type": report.type, "date": report.date, "date_mod": event.date_mod, "status": report.status,
                     "actors": [[p.name, p.country] for p in event.actors],
                     "recipients": [[p.name, p.country] for p in event.recipients],
                     "place": event.location.name if event.location else None, "sentence": report.sentence}
    return out


def joined_by_class(labelled: Path, merged: dict[str, str]) -> dict[str, dict[str, int]]:
    """Per class and label, how many of a labelled sample's pairs the store joins, of how many."""
    counts: dict[str, Counter[str]] = {}
    for line in labelled.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("label") not in ("same", "different"):
            continue
        a, b = str(rec["pair"]).split(":")
        tally = counts.setdefault(str(rec["class"]), Counter())
        tally[str(rec["label"])] += 1
        tally[f"{rec['label']} joined"] += merged.get(a, a) == merged.get(b, b)
    return {kind: dict(sorted(tally.items())) for kind, tally in sorted(counts.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a merged store (benchmarks/merge.py --db)")
    ap.add_argument("--draw", type=int, default=0, help="draw this many pairs (other types left out) for labelling")
    ap.add_argument("--seed", type=int, default=71)
    ap.add_argument("--out", type=Path, help="where the drawn pairs go (JSON lines)")
    ap.add_argument("--labelled", type=Path, help="a labelled sample: count its pairs the store joins, per class")
    args = ap.parse_args()
    reports, merged, links = read_store(args.db)
    pairs = similar_unmerged(reports, merged)
    kinds = [(a, b, s, mechanism(reports[a], reports[b], frozenset((a, b)) in links)) for a, b, s in pairs]
    result: dict[str, object] = {"pairs": len(kinds),
                                 "by_class": dict(sorted(Counter(f"{k} | {band(s)}" for _, _, s, k in kinds).items()))}
    if args.draw and args.out:
        pool = [item for item in kinds if item[3] != "blocking: type"]
        drawn = random.Random(args.seed).sample(pool, min(args.draw, len(pool)))
        args.out.write_text("".join(json.dumps(record(reports[a], reports[b], k, s), ensure_ascii=False) + "\n"
                                    for a, b, s, k in drawn), encoding="utf-8")
        result["drawn"] = len(drawn)
    if args.labelled:
        result["labelled_joined"] = joined_by_class(args.labelled, merged)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
