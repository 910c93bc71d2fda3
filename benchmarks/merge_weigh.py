"""What each block of the merge is worth in merged events: the similar pairs a store keeps apart, by mechanism, and
how many merged events the store would lose if each class's pairs were linked.

The reduction (fewer events than mentions) moves by one for each merged event that joins another, so a class of
missed pairs is weighed by the merged events it holds apart, not by its pairs: a happening split in two parts of ten
reports is a hundred pairs and one merged event. The population is `merge_missed.similar_unmerged` (pairs of one
topic family, other articles, kept in different merged events, sharing two rare words, Dice at least `--min-dice`),
classed by `merge_missed.mechanism` (pairs of two types left out). For each class, its pairs are added to the store's
links (each with the probability the link model gives it) and the store's reports grouped again (`groups_of`), with
each added pair's own conflict lifted for the grouping (the class's conflict is what a change would lift): the merged
events that go are an upper bound of what a change to that block can gain, before precision. The same is done for the
class's pairs that the model weighs at its threshold or above (a conflict or a block alone keeps them apart).

With `--shown`, each class is also weighed in the default view (`shown`): the merged events `dateline events` lists
without options (those holding a report at or above the default confidence that is neither negated nor hypothetical),
against the mentions of the reports it shows. Most stored reports are below that confidence, so a class can hold many
merged events no user is shown, or few.

    .venv/bin/python benchmarks/merge_weigh.py --db STORE [--min-dice 0.3] [--shown]

Prints one JSON line: the store's merged events and reduction, and per class its pairs, those at the threshold, and
the merged events removed by linking all of them and those at the threshold. A what-if, not a merge: nothing written.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import dateline.merge.grouping as grouping
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.merge import groups_of, link_model
from dateline.merge.link import features_between
from dateline.merge.rules import Report
from dateline.store import open_store
from merge_missed import MIN_DICE, mechanism, read_store, similar_unmerged

Pair = tuple[str, str, float]  # two event ids and the link model's probability


@contextmanager
def conflicts_lifted(pairs: list[Pair]) -> Iterator[None]:
    """The grouping's conflict rule, with these pairs taken as not conflicting (for the what-if only)."""
    lifted = {frozenset((a, b)) for a, b, _ in pairs}
    rule = grouping.conflict_between

    def lifting(first: Report, second: Report, **options: bool) -> str | None:
        return None if frozenset((first.id, second.id)) in lifted else rule(first, second, **options)

    grouping.conflict_between = lifting  # type: ignore[assignment]
    try:
        yield
    finally:
        grouping.conflict_between = rule


def shown(report: Report) -> bool:
    """Whether `dateline events` lists the report without options: at or above the default confidence and a fact
    (neither negated, hypothetical nor future: DESIGN.md's one default view; a merged event is listed when one of its
    reports is)."""
    event = report.event
    return event is not None and event.confidence >= DEFAULT_MIN_CONFIDENCE and event.status == "fact"


def merged_events(reports: dict[str, Report], links: dict[frozenset[str], str], extra: list[Pair],
                  counted: Callable[[Report], bool] | None = None) -> int:
    """How many merged events the reports make with the stored links and these pairs linked too; with `counted`, only
    the merged events holding a report it accepts (`shown`: the default view)."""
    joined = dict(links)
    for a, b, probability in extra:
        joined.setdefault(frozenset((a, b)), f"what-if, p={probability:.2f}")
    linked = sorted({x for pair in joined for x in pair})
    with conflicts_lifted(extra):
        groups = groups_of([reports[x] for x in linked], joined)
    if counted is None:
        return len(reports) - len(linked) + len(groups)
    held = set(linked)
    alone = sum(counted(report) for x, report in reports.items() if x not in held)
    return alone + sum(any(counted(reports[event.id]) for event in group) for group in groups)


def weigh(db: Path, min_dice: float, with_shown: bool = False) -> dict[str, object]:
    """The store's merged events, and per class of similar unmerged pairs what linking them would remove (with
    `with_shown`, in the default view too)."""
    reports, merged, _ = read_store(db)
    with open_store(db, read_only=True) as store:
        links = {frozenset((a, b)): reason for a, b, reason in store.rows("SELECT a, b, reason FROM event_links")}
    model = link_model()
    classes: dict[str, list[Pair]] = {}
    for a, b, _ in similar_unmerged(reports, merged, min_dice):
        kind = mechanism(reports[a], reports[b], frozenset((a, b)) in links)
        if kind != "blocking: type":
            probability = model.probability(features_between(reports[a], reports[b]))
            classes.setdefault(kind, []).append((a, b, probability))
    base = merged_events(reports, links, [])
    mentions = sum(max(len(r.event.mentions), 1) for r in reports.values() if r.event is not None)
    out: dict[str, object] = {"merged_events": base, "mentions": mentions, "reduction": round(1 - base / mentions, 4),
                              "min_dice": min_dice, "threshold": model.threshold}
    shown_base = merged_events(reports, links, [], shown) if with_shown else 0
    if with_shown:
        shown_mentions = sum(r.mentions for r in reports.values() if shown(r))
        out.update({"shown_merged_events": shown_base, "shown_mentions": shown_mentions,
                    "shown_reduction": round(1 - shown_base / max(shown_mentions, 1), 4)})
    for kind, pairs in sorted(classes.items(), key=lambda item: -len(item[1])):
        sure = [pair for pair in pairs if pair[2] >= model.threshold]
        row: dict[str, object] = {"pairs": len(pairs), "pairs_at_threshold": len(sure),
                                  "removed_if_all_linked": base - merged_events(reports, links, pairs),
                                  "removed_if_those_at_threshold_linked": base - merged_events(reports, links, sure)}
        if with_shown:
            row["shown_pairs"] = sum(shown(reports[a]) and shown(reports[b]) for a, b, _ in pairs)
            row["shown_removed_if_all_linked"] = shown_base - merged_events(reports, links, pairs, shown)
            row["shown_removed_if_those_at_threshold_linked"] = shown_base - merged_events(reports, links, sure, shown)
        out[kind] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a merged store (benchmarks/merge.py --db)")
    ap.add_argument("--min-dice", type=float, default=MIN_DICE, help="the population's least sentence Dice")
    ap.add_argument("--shown", action="store_true", help="also weigh each class in the default view (`shown`)")
    args = ap.parse_args()
    print(json.dumps(weigh(args.db, args.min_dice, args.shown)))


if __name__ == "__main__":
    main()
