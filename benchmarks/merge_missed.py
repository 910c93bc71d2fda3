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
    .venv/bin/python benchmarks/merge_missed.py --db STORE --refused [--draw 40 --seed 86 --out FILE]

With `--refused`, the population is instead the stored links whose two reports the grouping keeps in different
merged events (`refused_links`), each classed by what kept the two final groups apart (`refusal`): too few links
between them for the join density, or enough links but conflicting pairs of their reports (by the field of the first
conflict), and whether the report alone would have joined the other group (the order of the joins).

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

from dateline.merge import JOIN_DENSITY, conflict_between, groups_of, link_model, report_of
from dateline.merge.grouping import CONFLICT_WEIGHT
from dateline.merge.link import features_between
from dateline.merge.rules import COPY_DAYS, Report, copied
from dateline.merge.text import dice
from dateline.store import open_store
from dateline.store.rows import stored_event
from merge_anchors import AnchorIndex, anchor_of_event, anchored_pairs, read_labels, textless, write_labels

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


def similar_unmerged(reports: dict[str, Report], merged: dict[str, str],
                     min_dice: float = MIN_DICE) -> list[tuple[str, str, float]]:
    """Pairs (in id order) of events of different articles of one topic family, not merged together, sharing two rare
    words, whose sentences' Dice reaches `min_dice`."""
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
                    and (similarity := dice(report.words, second.words)) >= min_dice):
                pairs.append((event_id, other, similarity))
    return pairs


def mechanism(a: Report, b: Report, linked: bool) -> str:
    """Which step of merging kept the two reports apart."""
    if a.type != b.type:
        return "blocking: type"
    if a.reach is None or b.reach is None:
        return "blocking: vague"
    if not a.reach.overlaps(b.reach.first, b.reach.last) and not _copy_candidates(a, b):
        return "blocking: days"
    if conflict := conflict_between(a, b):
        return "conflict: " + conflict.split()[0]
    return "linked, grouped apart" if linked else "low link p"


def _copy_candidates(a: Report, b: Report) -> bool:
    """One sentence printed by two articles at most `COPY_DAYS` apart: candidates by their `copy_key`."""
    days = (a.event.article_date - b.event.article_date).days if a.event.article_date and b.event.article_date else None
    return days is not None and abs(days) <= COPY_DAYS and copied(a, b)


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
                     "place": event.location.name if event.location else None, "sentence": report.sentence,
                     "anchor": anchor_of_event(event)}
    return out


def per_class_sample(kinds: list[tuple[str, str, float, str]], per_class: int,
                     seed: int) -> list[tuple[str, str, float, str, int]]:
    """`per_class` pairs drawn uniformly (seeded) from each class of `mechanism`, other types included, each with its
    class's population: a sample that says how many same pairs each mechanism keeps apart (its same rate times its
    population), where a uniform draw reads mostly the largest class."""
    by_class: dict[str, list[tuple[str, str, float, str]]] = {}
    for item in kinds:
        by_class.setdefault(item[3], []).append(item)
    rng = random.Random(seed)
    return [(*item, len(pool)) for _, pool in sorted(by_class.items())
            for item in rng.sample(pool, min(per_class, len(pool)))]


#: The lowest link probability of the pairs `unsure_pairs` draws (the threshold, the model's, is the highest).
UNSURE_FROM = 0.10


def unsure_pairs(reports: dict[str, Report], merged: dict[str, str]) -> list[tuple[str, str, float]]:
    """Pairs kept apart that merging weighed and found just short of a link: `similar_unmerged` pairs of one type and
    one act (`trigger_stem`), candidates (merge spans overlap) with no conflict, whose link probability lies in
    [`UNSURE_FROM`, the threshold): where a change of the link model moves pairs first (fifteenth session)."""
    model = link_model()
    out = []
    for a, b, similarity in similar_unmerged(reports, merged, 0.2):
        first, second = reports[a], reports[b]
        if (first.type != second.type or first.trigger != second.trigger or first.reach is None
                or second.reach is None or not first.reach.overlaps(second.reach.first, second.reach.last)
                or conflict_between(first, second)):
            continue
        if UNSURE_FROM <= model.probability(features_between(first, second)) < model.threshold:
            out.append((a, b, similarity))
    return out


def refused_links(merged: dict[str, str], links: set[frozenset[str]]) -> list[tuple[str, str]]:
    """The stored links (in id order) whose two reports sit in different merged events."""
    return sorted(tuple(sorted(pair)) for pair in links if len({merged[x] for x in pair}) == 2)  # type: ignore[misc]


def refusal(a: str, b: str, reports: dict[str, Report], groups: dict[str, list[str]], merged: dict[str, str],
            links: set[frozenset[str]]) -> dict[str, object]:
    """Why the final groups of a linked pair stayed apart: their links against the join density, the conflicting
    pairs between them (by field, as the grouping counts them), and whether `a` alone would join `b`'s group."""
    first, second = groups[merged[a]], groups[merged[b]]
    between = sum(frozenset((x, y)) in links for x in first for y in second)
    fields = Counter((conflict_between(reports[x], reports[y], lent=False, one_article=False) or "").split(" ")[0]
                     for x in first for y in second)
    conflicts = sum(n for field, n in fields.items() if field)
    need = JOIN_DENSITY * len(first) * len(second)
    alone = sum(frozenset((a, y)) in links for y in second) >= JOIN_DENSITY * len(second)
    if between < need:
        kind = "sparse"
    elif between - CONFLICT_WEIGHT * conflicts < need:
        kind = "conflict: " + max((f for f in fields if f), key=lambda f: (fields[f], f))
    else:
        kind = "joinable now"  # dense and without enough conflicts: an order effect of the surest-first joins
    return {"class": kind, "sizes": [len(first), len(second)], "links_between": between,
            "conflicts": {f: n for f, n in sorted(fields.items()) if f}, "a_alone_joins": alone}


def refused_sample(db: Path, draw: int, seed: int) -> tuple[dict[str, object], list[dict[str, object]]]:
    """Class counts of every refused link, and `draw` of them drawn uniformly (seeded) as records to label, each
    with a few other reports of both groups for context."""
    reports, merged, links = read_store(db)
    groups: dict[str, list[str]] = {}
    for event_id in sorted(merged):
        groups.setdefault(merged[event_id], []).append(event_id)
    refused = refused_links(merged, links)
    classes = {pair: refusal(*pair, reports, groups, merged, links) for pair in refused}
    counts = Counter(str(c["class"]) + (" (a alone joins)" if c["a_alone_joins"] else "") for c in classes.values())
    summary = {"links": len(links), "refused": len(refused), "by_class": dict(sorted(counts.items()))}
    out = []
    for a, b in random.Random(seed).sample(refused, min(draw, len(refused))):
        rec = record(reports[a], reports[b], "refused: " + str(classes[(a, b)]["class"]), dice(reports[a].words,
                                                                                              reports[b].words))
        rec["refusal"] = classes[(a, b)]
        for side, event_id in (("a_group", a), ("b_group", b)):
            rec[side] = [reports[x].sentence[:160] for x in groups[merged[event_id]] if x != event_id][:4]
        out.append(rec)
    return summary, out


def regrouped(db: Path) -> tuple[dict[str, str], dict[str, Report]]:
    """The store's reports grouped again by today's `groups_of` over its stored links (the links unchanged: what a
    change of the grouping alone does, in seconds instead of a re-ingest): each event's group, named by its first."""
    with open_store(db, read_only=True) as store:
        rows = store.rows("SELECT e.id, e.event, e.article_id, a.date, a.title FROM events e "
                          "JOIN articles a ON a.id = e.article_id")
        links = {frozenset((a, b)): reason for a, b, reason in store.rows("SELECT a, b, reason FROM event_links")}
    reports = {row[0]: report_of(stored_event(*row[1:5])) for row in rows}
    linked = {x for pair in links for x in pair}
    merged = {event_id: event_id for event_id in reports}
    for members in groups_of([reports[x] for x in sorted(linked)], links):
        merged |= {event.id: members[0].id for event in members}
    return merged, reports


def grouping_scores(merged: dict[str, str], reports: dict[str, Report], pair_files: list[Path],
                    index: AnchorIndex | None = None) -> dict[str, object]:
    """Fewer events than mentions (overall, per topic family, and per topic: one minus the merged events a topic's
    reports belong to over its mentions, so a topic's reports joined to another outlet's count for both) and
    precision / recall on labelled pair files (`label` same / different; each side found through `index`, an
    `AnchorIndex` of the store, which pair files need; pairs whose reports no stored event holds are left out) for one
    assignment of events to merged events."""
    mentions: Counter[str] = Counter()
    groups: dict[str, set[str]] = {}
    for event_id, report in reports.items():
        topic = (report.article_id or "?").split("/")[0]
        for name in {topic.split("_")[0], topic}:  # its family, and its topic (a family of one topic is both)
            mentions[name] += max(len(report.event.mentions), 1)
            groups.setdefault(name, set()).add(merged[event_id])
    families = sorted(name for name in mentions if "_" not in name)
    out: dict[str, object] = {"reduction": round(1 - len(set(merged.values())) / sum(mentions[f] for f in families), 4),
                              "by_family": {f: round(1 - len(groups[f]) / mentions[f], 4) for f in families},
                              "by_topic": {t: round(1 - len(groups[t]) / n, 4) for t, n in sorted(mentions.items())
                                           if "_" in t}}
    for path in pair_files:
        tally: Counter[str] = Counter()
        assert index is not None, "labelled pairs are found through an AnchorIndex of the store"
        for rec, a, b in anchored_pairs(index, read_labels(path)):
            joined, same = merged[a] == merged[b], rec["label"] == "same"
            tally[{(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[
                (joined, same)]] += 1
        out[path.name] = {"precision": round(tally["tp"] / max(tally["tp"] + tally["fp"], 1), 3),
                          "recall": round(tally["tp"] / max(tally["tp"] + tally["fn"], 1), 3), **tally}
    return out


def joined_by_class(labelled: Path, merged: dict[str, str], index: AnchorIndex,
                    reports: dict[str, Report] | None = None) -> dict[str, dict[str, int]]:
    """Per class and label, how many of a labelled sample's pairs the store joins, of how many (pairs whose reports
    the store no longer holds left out: `merge_anchors`). Given the store's `reports`, also how many of each label
    the link model weighs below its threshold whatever blocks them (`below link threshold`: of one type, the model's
    probability with no rule asked): a pair of that count would stay apart if its class's block were lifted, so the
    link model, not the class's rule, is what holds it (twentieth session)."""
    counts: dict[str, Counter[str]] = {}
    model = link_model()
    for rec, a, b in anchored_pairs(index, read_labels(labelled)):
        tally = counts.setdefault(str(rec["class"]), Counter())
        tally[str(rec["label"])] += 1
        tally[f"{rec['label']} joined"] += merged[a] == merged[b]
        if reports is not None and merged[a] != merged[b]:
            first, second = reports[a], reports[b]
            tally[f"{rec['label']} below link threshold"] += (first.type == second.type and model.probability(
                features_between(first, second)) < model.threshold)
    return {kind: dict(sorted(tally.items())) for kind, tally in sorted(counts.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a merged store (benchmarks/merge.py --db)")
    ap.add_argument("--draw", type=int, default=0, help="draw this many pairs (other types left out) for labelling")
    ap.add_argument("--seed", type=int, default=71)
    ap.add_argument("--per-class", type=int, default=0,
                    help="instead of --draw, draw this many pairs of each class (other types included)")
    ap.add_argument("--min-dice", type=float, default=MIN_DICE, help="the population's least sentence Dice")
    ap.add_argument("--out", type=Path, help="where the drawn pairs go (JSON lines)")
    ap.add_argument("--textless", action="store_true", help="with --per-class: write the drawn pairs without corpus "
                    "text (ids, offsets, codes: `merge_anchors.textless`), as a label file in benchmarks/data keeps "
                    "them; the same seed without it writes the sentences to read")
    ap.add_argument("--labelled", type=Path, help="a labelled sample: count its pairs the store joins, per class")
    ap.add_argument("--refused", action="store_true", help="the links the grouping refuses, classed (`refusal`)")
    ap.add_argument("--unsure", action="store_true", help="with --draw: pairs of one act just short of a link "
                    "(`unsure_pairs`) instead")
    ap.add_argument("--regroup", type=Path, nargs="*", help="group the stored links again with today's grouping and "
                    "score it: reduction, and precision / recall on these labelled pair files")
    args = ap.parse_args()
    if args.regroup is not None:
        print(json.dumps(grouping_scores(*regrouped(args.db), args.regroup, AnchorIndex.of_store(args.db))))
        return
    if args.refused:
        summary, drawn = refused_sample(args.db, args.draw, args.seed)
        if args.out:
            write_labels(args.out, drawn)
        print(json.dumps(summary))
        return
    reports, merged, links = read_store(args.db)
    if args.unsure and args.draw and args.out:
        pool = unsure_pairs(reports, merged)
        drawn_unsure = random.Random(args.seed).sample(pool, min(args.draw, len(pool)))
        args.out.write_text("".join(json.dumps({**record(reports[a], reports[b], "unsure", s), "stratum": "unsure",
                                                "population": len(pool)}, ensure_ascii=False) + "\n"
                                    for a, b, s in drawn_unsure), encoding="utf-8")
        print(json.dumps({"unsure_pairs": len(pool), "drawn": len(drawn_unsure)}))
        return
    pairs = similar_unmerged(reports, merged, args.min_dice)
    kinds = [(a, b, s, mechanism(reports[a], reports[b], frozenset((a, b)) in links)) for a, b, s in pairs]
    result: dict[str, object] = {"pairs": len(kinds),
                                 "by_class": dict(sorted(Counter(f"{k} | {band(s)}" for _, _, s, k in kinds).items()))}
    if args.per_class and args.out:
        drawn_by_class = per_class_sample(kinds, args.per_class, args.seed)
        shown = textless if args.textless else (lambda rec: rec)
        args.out.write_text("".join(json.dumps(shown({**record(reports[a], reports[b], k, s), "population": n}),
                                               ensure_ascii=False) + "\n" for a, b, s, k, n in drawn_by_class),
                            encoding="utf-8")
        result["drawn"] = len(drawn_by_class)
    elif args.draw and args.out:
        pool = [item for item in kinds if item[3] != "blocking: type"]
        drawn = random.Random(args.seed).sample(pool, min(args.draw, len(pool)))
        args.out.write_text("".join(json.dumps(record(reports[a], reports[b], k, s), ensure_ascii=False) + "\n"
                                    for a, b, s, k in drawn), encoding="utf-8")
        result["drawn"] = len(drawn)
    if args.labelled:
        index = AnchorIndex.of_store(args.db)
        result["labelled_joined"] = joined_by_class(args.labelled, merged, index, reports)
        result["sides_found"] = dict(sorted(index.how.items()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
