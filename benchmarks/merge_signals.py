"""Candidate link signals and grouping variants for the cross-article merge, judged on every labelled pair file.

The reports a store keeps apart are held mostly by the link model's weights (BENCHMARKS.md, twentieth session):
pairs of one type, with no conflict, that the model weighs below its threshold. A new link signal is worth
building only if it tells the same pairs of that class from the different ones at the precision the goal asks
(0.9). This command measures that on one store, so that the next signal is a flag, not a one-off:

* every labelled pair file of `benchmarks/data` (`merge_pairs*.jsonl`, `merge_paraphrases*.jsonl`; a second
  coder's files left out), each pair once, found on the store by its anchors (`merge_anchors`);
* per pair: the link model's probability, the cosine of the two sentences' embeddings (`dateline.embed`,
  all-MiniLM-L6-v2), the cosine of the text around them (`CONTEXT_CHARS` either side, the sentence left out:
  two reports of one happening may tell the same surroundings), and how many merged events the two articles
  share besides the pair's own (their other reports told alike), plain and as a share of the smaller article's;
  the share of the shorter sentence's content words the other holds, where they share `CONTAINED_WORDS` or more (a
  headline or caption inside a fuller sentence, which Dice discounts); whether each report is the other's surest
  candidate in the other's article (`mutual_best`: same type, no conflict, the highest link p there, both ways);
  and the lower of the two reports' confidences (both confident events, not remarks the verifier doubts);
* for the model's class (`below`) and for all candidates of one type (`candidates`), the same and different pairs
  at or above each signal's cut, and their precision.

`--regroup` also groups the store's links again under grouping variants (`variant_groups`) and scores each on every
pair file: `average` is the shipped average linkage (it reproduces the store's merged events), `single` every link's
connected components, `single>=S` the components of the links of p >= S alone, `bound>=S` the shipped grouping
started from those components (links of p >= S bind whatever the density), `strict>=S` the same with a link binding
only groups with no conflicting pair between them, and `retold` the grouping started from the links whose two
reports retell one past day, bound as strictly (what the shipped grouping does since the twenty-first session, so on
a store merged since, `retold` is `average`).

`--cv` runs the link model's trainer (`tools/train_merge_model.py`: its pairs, its grouping of folds by topic family,
its choice of C and threshold) with the sentence cosine added as a feature, beside the shipped features alone: what
the trainer would choose, and the out-of-fold figures it chooses by. It needs no store.

    .venv/bin/python benchmarks/merge_signals.py --db STORE [--regroup]
    .venv/bin/python benchmarks/merge_signals.py --cv

Prints one JSON line. A what-if: nothing is written to the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import dateline.merge.grouping as grouping
from dateline.merge import conflict_between, link_model
from dateline.merge.link import features_between, link_strength
from dateline.merge.rules import Report
from dateline.store import open_store
from merge_anchors import AnchorIndex, anchored_pairs, read_labels
from merge_missed import read_store
from merge_pairs import outcome_rates

DATA = Path(__file__).resolve().parent / "data"
TOOLS = Path(__file__).resolve().parents[1] / "tools"
#: Characters of the article taken on each side of a report's sentence for its context.
CONTEXT_CHARS = 400
#: The cuts tabulated for each signal.
CUTS: dict[str, tuple[float, ...]] = {"cosine": (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85),
                                      "context": (0.5, 0.6, 0.7, 0.8),
                                      "shared_events": (1, 2, 3, 5, 8),
                                      "shared_share": (0.05, 0.1, 0.2, 0.3, 0.5),
                                      "containment": (0.5, 0.6, 0.7, 0.8),
                                      "mutual_best": (1.0,),
                                      "min_confidence": (0.2, 0.35, 0.5, 0.7)}
#: Content words two sentences must share before `containment` counts (fewer say little either way).
CONTAINED_WORDS = 5
#: The p from which a link binds in the `single>=S` and `bound>=S` variants, and in the `strict>=S` ones.
STRONG = (0.5, 0.7, 0.9)
STRICT = (0.25, 0.35, 0.5)
#: How a link's reason says that both reports retell one past day (`dateline.merge.link._explained`).
RETOLD = "both retell"


def pair_files(data: Path = DATA) -> list[Path]:
    """The labelled pair files scored: every merge pair and paraphrase file but a second coder's."""
    files = sorted([*data.glob("merge_pairs*.jsonl"), *data.glob("merge_paraphrases*.jsonl")])
    return [path for path in files if "coder2" not in path.name]


def context_of(text: str, start: int, length: int, width: int = CONTEXT_CHARS) -> str:
    """The text around a sentence that starts at `start` and runs `length` characters, the sentence left out."""
    return text[max(0, start - width):start] + " " + text[start + length:start + length + width]


def shared_events(first: set[str], second: set[str]) -> tuple[int, float]:
    """How many merged events two articles share (besides a pair's own, taken out by the caller), and that as a
    share of the article with fewer."""
    shared = len(first & second)
    return shared, shared / max(1, min(len(first), len(second)))


def containment(first: frozenset[str], second: frozenset[str], least: int = CONTAINED_WORDS) -> float:
    """The share of the shorter word set the other holds, when they share at least `least` words; else 0."""
    shared = len(first & second)
    return shared / min(len(first), len(second)) if shared >= least else 0.0


def mutual_best(a: Report, b: Report, by_article: dict[str, list[Report]]) -> bool:
    """Whether b is a's surest candidate among the reports of b's article (same type, no conflict, the highest link p;
    ties by id) and a is b's among a's article's: two articles that tell one happening tell it once each, so its two
    reports should be each other's best match, where a like act on another day loses to its own day's report."""
    model = link_model()

    def best(report: Report, article: str) -> str | None:
        scored = [(model.probability(features_between(report, other)), other.id) for other in by_article[article]
                  if other.type == report.type and conflict_between(report, other) is None]
        return max(scored)[1] if scored else None

    return best(a, str(b.article_id)) == b.id and best(b, str(a.article_id)) == a.id


def signal_table(rows: Iterable[dict[str, Any]], cuts: dict[str, tuple[float, ...]] = CUTS) -> dict[str, dict]:
    """For each signal and cut: the same and different pairs at or above it, and their precision."""
    rows = list(rows)
    out: dict[str, dict] = {}
    for name, values in cuts.items():
        for cut in values:
            same = sum(1 for row in rows if row[name] >= cut and row["label"] == "same")
            different = sum(1 for row in rows if row[name] >= cut and row["label"] == "different")
            out[f"{name}>={cut}"] = {"same": same, "different": different,
                                     "precision": round(same / (same + different), 3) if same + different else None}
    return out


def labelled_rows(db: Path, reports: dict[str, Report], merged: dict[str, str]) -> list[dict[str, Any]]:
    """Every labelled pair (each once, of two articles, labelled same or different) found on the store, with what the
    merge knows of it: one type, spans that meet, a conflict, the model's p, merged together."""
    index = AnchorIndex.of_store(db)
    model = link_model()
    rows, seen = [], set()
    for path in pair_files():
        for rec, x, y in anchored_pairs(index, read_labels(path)):
            a, b = reports[x], reports[y]
            if x == y or frozenset((x, y)) in seen or a.article_id == b.article_id:
                continue
            if rec["label"] not in ("same", "different"):
                continue
            seen.add(frozenset((x, y)))
            one_type = a.type == b.type
            rows.append({"file": path.name, "label": rec["label"], "x": x, "y": y, "one_type": one_type,
                         "meet": bool(a.reach and b.reach and a.reach.overlaps(b.reach.first, b.reach.last)),
                         "conflict": conflict_between(a, b) is not None, "merged": merged[x] == merged[y],
                         "p": model.probability(features_between(a, b)) if one_type else 0.0})
    return rows


def add_signals(rows: list[dict[str, Any]], reports: dict[str, Report], merged: dict[str, str],
                texts: dict[str, str]) -> None:
    """Each row's cosine, context cosine, shared merged events, containment, mutual best match and lower confidence
    (in place)."""
    from dateline.embed import embed_sentences

    def context(report: Report) -> str:
        _, _, start, _, _ = report.key
        return context_of(texts[str(report.article_id)], start, len(report.sentence))

    wanted = sorted({s for row in rows for r in (reports[row["x"]], reports[row["y"]]) for s in (r.sentence,
                                                                                              context(r))})
    vectors = dict(zip(wanted, embed_sentences(wanted), strict=True))
    by_article: dict[str, set[str]] = defaultdict(set)
    article_reports: dict[str, list[Report]] = defaultdict(list)
    for event_id, report in reports.items():
        by_article[str(report.article_id)].add(merged[event_id])
        article_reports[str(report.article_id)].append(report)
    for row in rows:
        a, b = reports[row["x"]], reports[row["y"]]
        row["containment"] = containment(a.words, b.words)
        row["mutual_best"] = float(mutual_best(a, b, article_reports))
        row["min_confidence"] = min(r.event.confidence if r.event is not None else 0.0 for r in (a, b))
        row["cosine"] = float(vectors[a.sentence] @ vectors[b.sentence])
        row["context"] = float(vectors[context(a)] @ vectors[context(b)])
        row["shared_events"], row["shared_share"] = shared_events(
            by_article[str(a.article_id)] - {merged[row["x"]]}, by_article[str(b.article_id)] - {merged[row["y"]]})


def components(ids: Iterable[str], links: Iterable[frozenset[str]]) -> dict[str, str]:
    """Each id's connected component over the links, named by its least id."""
    parent = {x: x for x in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        a, b = sorted(link)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in parent}


class _Bound(grouping._Linkage):
    """The shipped average linkage, started from the groups that some links bind first: those of p >= `strong`, or
    with `retold` those whose reports both retell one past day (`link._explained`: "both retell ..."). With `strict`,
    a link binds only groups with no conflicting pair of reports between them."""

    def __init__(self, reports: list[Report], links: dict[frozenset[str], str], strong: float,
                 strict: bool = False, retold: bool = False) -> None:
        super().__init__(reports, links)
        index = {report.id: n for n, report in enumerate(reports)}
        owner = {member: n for n, members in self.groups.items() for member in members}
        for pair in sorted(links, key=sorted):
            binds = RETOLD in links[pair] if retold else link_strength(links[pair]) >= strong
            if not binds:
                continue
            i, j = (owner[index[x]] for x in sorted(pair))
            if i == j or (strict and any(self._conflict(x, y) for x in self.groups[i] for y in self.groups[j])):
                continue
            keep, gone = min(i, j), max(i, j)
            for member in self.groups[gone]:
                owner[member] = keep
            self._join(keep, gone)


def variant_groups(reports: dict[str, Report], links: dict[frozenset[str], str],
                   variant: str) -> dict[str, str]:
    """Each report's group under a grouping variant (`average`, `single`, `single>=S`, `bound>=S`, `strict>=S`,
    `retold`), named by an id
    of the group; the average linkages run per connected component of the links, as each gives the same groups."""
    if variant.startswith("single"):
        strong = float(variant.split(">=")[1]) if ">=" in variant else 0.0
        return components(reports, [pair for pair, why in links.items() if link_strength(why) >= strong])
    make: Callable[[list[Report], dict[frozenset[str], str]], grouping._Linkage] = grouping._Linkage
    if variant.startswith(("bound>=", "strict>=", "retold")):
        strong = float(variant.split(">=")[1]) if ">=" in variant else 1.0

        def make(members: list[Report], own: dict[frozenset[str], str]) -> grouping._Linkage:
            return _Bound(members, own, strong, strict=not variant.startswith("bound"),
                          retold=variant == "retold")

    parts: dict[str, list[str]] = defaultdict(list)
    for event_id, part in components(reports, links).items():
        parts[part].append(event_id)
    out: dict[str, str] = {}
    for ids in parts.values():
        members = sorted((reports[x] for x in ids), key=lambda r: r.key)
        own = {pair: why for pair, why in links.items() if pair <= set(ids)} if len(ids) > 1 else {}
        for group in make(members, own).run():
            head = min(members[n].id for n in group)
            out.update({members[n].id: head for n in group})
    return out


def regrouped(db: Path, reports: dict[str, Report], mentions: int) -> dict[str, dict]:
    """Each grouping variant's merged events, reduction, and precision / recall (tp, fp, fn) on every pair file."""
    with open_store(db, read_only=True) as store:
        links = {frozenset((a, b)): why for a, b, why in store.rows("SELECT a, b, reason FROM event_links")}
    index = AnchorIndex.of_store(db)
    labelled = {path.name: anchored_pairs(index, read_labels(path)) for path in pair_files()}
    out = {}
    variants = ("average", "single", *(f"{kind}>={s}" for kind in ("single", "bound") for s in STRONG),
                *(f"strict>={s}" for s in STRICT), "retold")
    for variant in variants:
        groups = variant_groups(reports, links, variant)
        merged_events = len(set(groups.values()))
        row: dict[str, Any] = {"merged_events": merged_events, "reduction": round(1 - merged_events / mentions, 4)}
        for name, pairs in labelled.items():
            rates = outcome_rates(pairs, groups)
            row[name.removesuffix(".jsonl")] = [rates[k] for k in ("precision", "recall", "tp", "fp", "fn")]
        out[variant] = row
    return out


def trainer_with_cosine() -> dict[str, dict]:
    """The trainer's recipe on its own pairs, with and without the sentence cosine as one more feature: the C and
    threshold it would choose and their out-of-fold figures."""
    import numpy as np

    from dateline.embed import embed_sentences

    sys.path.insert(0, str(TOOLS))
    import train_merge_model as trainer

    records = [rec for path in trainer.PAIRS for rec in trainer.read_pairs(path)]
    x, y, blocked, weights = trainer.design(records)
    groups = np.array([trainer.topic_family(rec) for rec in records])
    sides = [event.evidence.sentence for rec in records for event in trainer.pair_events(rec)
             if event.evidence is not None]
    if len(sides) != 2 * len(records):
        raise SystemExit("a training pair's event has no evidence sentence")
    vectors = embed_sentences(sides)
    cosine = np.einsum("ij,ij->i", vectors[0::2], vectors[1::2])
    out = {}
    for name, design in (("shipped features", x), ("+ sentence cosine", np.column_stack([x, cosine]))):
        figures = trainer.cross_validated(design, y, blocked, weights, groups)
        c, threshold = trainer.choose(figures)
        out[name] = {"C": c, "threshold": threshold, **figures[c][threshold]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--regroup", action="store_true", help="also score the grouping variants on the store's links")
    ap.add_argument("--cv", action="store_true", help="the trainer's cross-validation with the sentence cosine added")
    args = ap.parse_args()
    if args.cv:
        print(json.dumps({"benchmark": "merge_signals", "trainer_with_cosine": trainer_with_cosine()}))
        return
    if args.db is None:
        ap.error("--db STORE is needed unless --cv")
    reports, merged, _ = read_store(args.db)
    with open_store(args.db, read_only=True) as store:
        texts = dict(store.rows("SELECT id, text FROM articles"))
    rows = labelled_rows(args.db, reports, merged)
    add_signals(rows, reports, merged, texts)
    threshold = link_model().threshold
    candidates = [r for r in rows if r["one_type"] and r["meet"] and not r["conflict"]]
    below = [r for r in candidates if r["p"] < threshold and not r["merged"]]
    result: dict[str, Any] = {"benchmark": "merge_signals", "db": str(args.db), "labelled_pairs": len(rows)}
    for name, part in (("below", below), ("candidates", candidates)):
        result[name] = {"same": sum(r["label"] == "same" for r in part),
                        "different": sum(r["label"] == "different" for r in part), **signal_table(part)}
    if args.regroup:
        result["regroup"] = regrouped(args.db, reports, sum(r.mentions for r in reports.values()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
