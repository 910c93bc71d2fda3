"""Merge precision and recall on hand-labelled pairs of reports, and drawing a new stratified sample of pairs to label
(`benchmarks/merge.py --draw-pairs`, `--missed`): the pair-sample half of the merge benchmark.

A labelled record holds the two events (`a`, `b`: id, article, JSON, and the `anchor` that finds each report in a
store whatever its id is now: `merge_anchors`), its stratum and that stratum's population, and a `label` (`same` /
`different`) given by a reader of the two sentences.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from dateline.merge import conflict_reason, link_probability, sentence_similarity
from dateline.merge.rules import shared_parties
from dateline.merge.spans import past_day
from dateline.model import Event
from dateline.store import open_store
from dateline.store.rows import stored_event
from merge_anchors import AnchorIndex, anchor_of_event, anchored_pairs

#: Strata of the population sample: (name, lowest Dice of the two sentences, below which, pairs drawn). Below 0.1
#: the pairs are also split by whether any party is shared, so the few same pairs there have a smaller haystack.
STRATA = (("dice<0.1,no-shared-party", 0.0, 0.1, 25), ("dice<0.1,shared-party", 0.0, 0.1, 25),
          ("dice 0.1-0.2", 0.1, 0.2, 30), ("dice 0.2-0.3", 0.2, 0.3, 30), ("dice 0.3-0.5", 0.3, 0.5, 30),
          ("dice 0.5-0.8", 0.5, 0.8, 25), ("dice>=0.8", 0.8, 1.01, 20))


def _stratum(first: Event, second: Event) -> str:
    dice = sentence_similarity(first.evidence.sentence, second.evidence.sentence)
    name = next(name for name, low, high, _ in STRATA[1:] if low <= dice < high)
    if name.startswith("dice<0.1"):
        name = "dice<0.1,shared-party" if shared_parties(first, second) else "dice<0.1,no-shared-party"
    return name


#: Strata of the past-day sample (`draw_pairs(past_days=True)`): pairs of reports retelling one past day
#: (`past_day`), by the Dice of their sentences.
PAST_DAY_STRATA = (("past day, dice<0.1", 0.0, 0.1, 8), ("past day, dice 0.1-0.2", 0.1, 0.2, 8),
                   ("past day, dice 0.2-0.4", 0.2, 0.4, 8), ("past day, dice>=0.4", 0.4, 1.01, 6))


def _past_day_stratum(first: Event, second: Event, days: dict[str, int | None]) -> str | None:
    """The `PAST_DAY_STRATA` name of a pair retelling one past day; None for any other pair. `days` keeps each
    event's `past_day`, read once (the population has millions of pairs)."""
    for event in (first, second):
        if event.id not in days:
            days[event.id] = past_day(event)
    if days[first.id] is None or days[first.id] != days[second.id]:
        return None
    dice = sentence_similarity(first.evidence.sentence, second.evidence.sentence)
    return next(name for name, low, high, _ in PAST_DAY_STRATA if low <= dice < high)


def draw_pairs(db: Path, seed: int = 2711, past_days: bool = False) -> list[dict[str, object]]:
    """A stratified random sample of the whole candidate population, for labelling by hand.

    The population is every pair of events of different articles with the same type whose merge spans
    overlap, or that print one sentence up to `COPY_DAYS` apart (what the candidate index offers: pairs sharing a
    key, merged or not). It is split into `STRATA` by the Dice similarity of the two evidence sentences, and each
    stratum is sampled uniformly (seeded); each record keeps its stratum's population, so population-weighted
    figures estimate the whole. With `past_days`, only the pairs retelling one past day (`PAST_DAY_STRATA`): the
    pairs of the class that holds most of the same pairs kept apart, too rare in the population sample to be read there
    (5 of its 185 pairs).
    """
    with open_store(db, read_only=True) as store:
        pairs = store.rows("SELECT DISTINCT x.event_id, y.event_id FROM merge_keys x JOIN merge_keys y "
                           "ON x.window_key = y.window_key AND x.lo <= y.hi AND y.lo <= x.hi "
                           "AND x.event_id < y.event_id "
                           "JOIN events ex ON ex.id = x.event_id JOIN events ey ON ey.id = y.event_id "
                           "WHERE ex.article_id <> ey.article_id ORDER BY x.event_id, y.event_id")
        events = {row[0]: stored_event(*row[1:]) for row in store.rows(
            "SELECT e.id, e.event, e.article_id, a.date, a.title FROM events e JOIN articles a ON a.id = e.article_id")}
    strata: dict[str, list[tuple[str, str]]] = {}
    days: dict[str, int | None] = {}
    for a, b in pairs:
        name = _past_day_stratum(events[a], events[b], days) if past_days else _stratum(events[a], events[b])
        if name is not None:
            strata.setdefault(name, []).append((a, b))
    rng = random.Random(seed)
    out = []
    for name, _, _, n in PAST_DAY_STRATA if past_days else STRATA:
        for a, b in rng.sample(strata.get(name, []), min(n, len(strata.get(name, [])))):
            out.append(unlabelled_pair(events, a, b, name, len(strata[name])))
    return out


def unlabelled_pair(events: dict[str, Event], a: str, b: str, stratum: str, population: int) -> dict[str, object]:
    """A drawn pair as a record to label (`draw_pairs`, `merge_disputed.draw_disputed`): `pair`, `stratum`, its
    `population`, each side's `event`, `article`, `json` (without its mentions) and `anchor`, and `label` None."""
    rec: dict[str, object] = {"pair": f"{a}:{b}", "stratum": stratum, "population": population}
    for side, key in (("a", a), ("b", b)):
        event = events[key].to_json(with_article=True)
        event.pop("mentions", None)
        rec[side] = {"event": key, "article": events[key].article_id, "json": event,
                     "anchor": anchor_of_event(events[key])}
    rec["label"] = None
    return rec


def pair_scores(db: Path, pairs: list[dict[str, object]]) -> dict[str, object]:
    """Merge precision and recall on the labelled pairs (label `same` or `different`).

    Plain figures count each labelled pair once; `weighted` ones weight each pair by its stratum's
    population over the pairs labelled in it, estimating the figures over all candidate pairs.
    """
    with open_store(db, read_only=True) as store:
        merged_of = dict(store.rows("SELECT id, merged_id FROM events"))
    index = AnchorIndex.of_store(db)
    labelled = anchored_pairs(index, pairs)
    return {"labelled_pairs": len(labelled), "sides_found": dict(sorted(index.how.items())),
            **outcome_rates(labelled, merged_of)}


def outcome_rates(labelled: list[tuple[dict[str, object], str, str]],
                  merged_of: dict[str, object]) -> dict[str, object]:
    """`pair_scores`' figures from the anchored pairs and each event's merged event. A file drawn without strata
    (the kept-apart and missed samples) counts as one stratum, `unstratified`, each of its pairs weighing one."""
    def stratum(rec: dict[str, object]) -> str:
        return str(rec.get("stratum", "unstratified"))

    drawn = Counter(stratum(r) for r, _, _ in labelled)
    plain: Counter[str] = Counter()
    weighted: Counter[str] = Counter()
    for rec, a, b in labelled:
        predicted = merged_of[a] == merged_of[b]
        outcome = ("tp" if rec["label"] == "same" else "fp") if predicted else (
            "fn" if rec["label"] == "same" else "tn")
        plain[outcome] += 1
        population = rec.get("population", drawn[stratum(rec)])
        weighted[outcome] += int(population) / drawn[stratum(rec)]  # type: ignore[call-overload]

    def rates(c: Counter[str]) -> dict[str, float]:
        return {"precision": round(c["tp"] / max(c["tp"] + c["fp"], 1e-9), 3),
                "recall": round(c["tp"] / max(c["tp"] + c["fn"], 1e-9), 3)}

    return {**rates(plain), **{k: plain[k] for k in ("tp", "fp", "fn", "tn")},
            "weighted": rates(weighted), "by_stratum": dict(drawn)}


def missed_pairs(db: Path, pairs: list[dict[str, object]]) -> Counter[str]:
    """The pairs labelled `same` that the merge kept apart, each with why (on stderr), and their count per class:
    a rule's conflict (`conflict_reason`: parties, places, dates ...), a link too weak (`low link p`), or linked
    but kept apart by the grouping (`linked, grouped apart`: the average linkage over the group's other reports)."""
    with open_store(db, read_only=True) as store:
        merged_of = dict(store.rows("SELECT id, merged_id FROM events"))
        linked = {frozenset(row) for row in store.rows("SELECT a, b FROM event_links")}
        events = {row[0]: stored_event(*row[1:]) for row in store.rows(
            "SELECT e.id, e.event, e.article_id, a.date, a.title FROM events e JOIN articles a ON a.id = e.article_id")}
    classes: Counter[str] = Counter()
    for rec, a, b in anchored_pairs(AnchorIndex.of_store(db), pairs):
        if rec["label"] != "same" or merged_of[a] == merged_of[b]:
            continue
        why = conflict_reason(events[a], events[b])
        kind = f"conflict: {why.split()[0]}" if why else (
            "linked, grouped apart" if frozenset((a, b)) in linked else "low link p")
        classes[kind] += 1
        print(f"missed ({kind}; p={link_probability(events[a], events[b]) or 0:.2f}) {why or ''}\n"
              f"    {events[a].evidence.sentence[:140]}\n    {events[b].evidence.sentence[:140]}", file=sys.stderr)
    return classes
