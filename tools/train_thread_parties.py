"""Train the thread-party model of `events/thread_parties`: which country of the story so far fills a role the
event's clause leaves empty.

    .venv/bin/python tools/train_thread_parties.py [--gold-dir DIR] [--samples 1819,1920,...] [--write]

Labelled rows come from events-gold (28 whole articles, every event's parties hand-coded): the articles are
run through the pipeline, the parties the thread stage filled are stripped (`thread_parties.unfilled`), and
each reading the shared scorer matches to a gold fact (`tools/party_errors._matched`) gives one row per
(empty role, country named so far): right when the gold role's countries are exactly that country. A role
the gold leaves empty has only wrong rows, so a fill there costs as it costs in the scorer. `--samples` adds the
judged political events of the party samples named (`thread_party_samples`, sources `s<seed>`) the same way.

Cross-validation leaves one article out: the model is fitted on the other 27, and the fill threshold is chosen
inside those 27 by a second leave-one-article-out (the lowest of `THRESHOLDS` with the most events whose
parties come out right there, ties to the higher threshold). Printed per source (GWN, t17, s<seed>), out of fold: the
matched events whose parties are right before (no fill) and after, and the fills right and wrong. `--write`
fits on every article, chooses the threshold the same way and writes `data/models/thread_parties.json` with the
cross-validated figures. Deterministic: liblinear-free lbfgs on fixed rows in article order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT / "tools"), str(SHARED / "tools"), str(ROOT / "src")]

from dateline.events import thread_parties  # noqa: E402
from dateline.events.thread_parties import FEATURE_VERSION, FEATURES, thread_candidates, unfilled  # noqa: E402

#: Fill thresholds the inner cross-validation chooses among.
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
#: A threshold is eligible only if its fills, out of fold, are right at least this often: a country a reader did not
#: write, shown as a party, is worse than a role left empty (as a wrong dot is worse than none). With no eligible
#: threshold the model fills nothing (`NEVER`).
MIN_FILL_PRECISION = 0.5
NEVER = 1.01
#: Inverse regularisation of the logistic regression (few rows: weights kept small).
C = 1.0


@dataclass
class Slot:
    """One matched event's empty role: its candidates' rows and what the scorer needs to judge a fill."""

    article: str
    source: str
    event: int  # index among the article's matched events
    role: str
    rows: list[int]  # indexes into the row table
    countries: list[str]


@dataclass
class Matched:
    """One matched event: its reading's parties and the gold's, as the scorer judges them."""

    article: str
    source: str
    reading: dict
    gold: dict


def read_rows(gold_dir: Path, seeds: list[int] | None = None) -> tuple[np.ndarray, np.ndarray, list[Slot],
                                                                       list[Matched], dict]:
    """Rows (features, labels), the empty-role slots and the matched events of events-gold, and of the judged
    party samples `seeds` (`thread_party_samples`, sources `s<seed>`) when given."""
    import event_score

    import party_errors
    from dateline.model import Article
    from dateline.pipeline import process
    from thread_party_samples import add_sample_rows, add_slots

    gold = {str(g["id"]): g["events"] for g in json.loads((gold_dir / "gold.json").read_text(encoding="utf-8"))}
    lines = (gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = {str(a["id"]): a for a in map(json.loads, lines) if a}
    with thread_parties.using_model(None):  # rows read the events unfilled, whatever model is shipped (or stale)
        docs = process([Article.from_json({"id": a["id"], "date": a["date"], "text": a["text"]})
                        for a in articles.values()], article_seconds=0)
    features: list[tuple[float, ...]] = []
    labels: list[bool] = []
    slots: list[Slot] = []
    matched: list[Matched] = []
    for doc in docs:
        aid = str(doc.article.id)
        doc.events = [unfilled(e) for e in doc.events]
        by_id = {e.id: n for n, e in enumerate(doc.events)}
        readings = [e.to_json() for e in doc.events]
        source = "GWN" if aid.startswith("GWN") else "t17"
        candidates = thread_candidates(doc)
        for reading, g in party_errors._matched(articles[aid], gold.get(aid, []), readings, event_score):
            matched.append(Matched(aid, source, reading, g))
            wants = {role: event_score.countries(g.get(role)) for role in ("actors", "recipients")}
            add_slots(candidates, by_id[reading["id"]], wants, (features, labels, slots),
                      Slot(aid, source, len(matched) - 1, "", [], []))
    if seeds:
        add_sample_rows(seeds, features, labels, slots, matched, Slot, Matched)
    return np.array(features, dtype=float), np.array(labels), slots, matched, {"event_score": event_score}


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=5000).fit(x, y)


def fills_at(p: np.ndarray, slots: list[Slot], threshold: float) -> dict[tuple[int, str], str]:
    """The country each slot is filled with at `threshold` (its best row), by (matched event, role)."""
    out = {}
    for slot in slots:
        best = max(range(len(slot.rows)), key=lambda n: p[slot.rows[n]])
        if p[slot.rows[best]] >= threshold:
            out[slot.event, slot.role] = slot.countries[best]
    return out


def judge(matched: list[Matched], fills: dict[tuple[int, str], str], event_score: Any,
          keep: set[str] | None = None) -> Counter:
    """Matched events whose parties are right, per source, with `fills` applied (only of articles in `keep`)."""
    right: Counter = Counter()
    for n, m in enumerate(matched):
        if keep is not None and m.article not in keep:
            continue
        reading = dict(m.reading)
        for role in ("actors", "recipients"):
            if (n, role) in fills:
                reading[role] = [{"country": fills[n, role]}]
        right[m.source] += event_score.judge(reading, m.gold, {"date": "1900-01-01"})["parties_ok"]
        right[m.source, "matched"] += 1
    return right


def choose_threshold(x: np.ndarray, y: np.ndarray, slots: list[Slot], matched: list[Matched], articles: list[str],
                     event_score: Any) -> float:
    """The threshold with the most right parties out of fold over `articles` (leave one article out), among those
    whose fills are right at least `MIN_FILL_PRECISION` of the time; `NEVER` when none is."""
    p = out_of_fold(x, y, slots, articles)
    keep = set(articles)
    scores = {}
    for t in THRESHOLDS:
        fills = fills_at(p, [s for s in slots if s.article in keep], t)
        if fills and fill_precision(fills, matched, event_score) < MIN_FILL_PRECISION:
            continue
        scores[t] = sum(v for k, v in judge(matched, fills, event_score, keep).items() if isinstance(k, str))
    if not scores:
        return NEVER
    top = max(scores.values())
    return max(t for t, s in scores.items() if s == top)


def fill_precision(fills: dict[tuple[int, str], str], matched: list[Matched], event_score: Any) -> float:
    """The share of `fills` whose country is exactly the gold role's."""
    right = sum(event_score.countries(matched[n].gold.get(role)) == {country.upper()}
                for (n, role), country in fills.items())
    return right / len(fills)


def out_of_fold(x: np.ndarray, y: np.ndarray, slots: list[Slot], articles: list[str]) -> np.ndarray:
    """Each row's probability from a model fitted on the other articles of `articles`."""
    row_article = _row_articles(slots, len(y))
    p = np.zeros(len(y))
    for held in articles:
        train = np.isin(row_article, [a for a in articles if a != held])
        test = row_article == held
        if test.any() and y[train].any():
            p[test] = fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return p


def cross_validate(x: np.ndarray, y: np.ndarray, slots: list[Slot], matched: list[Matched],
                   event_score: Any) -> dict[str, Any]:
    """Leave one article out, the threshold chosen inside the training articles; figures per source."""
    articles = sorted({m.article for m in matched})
    p = np.zeros(len(y))
    fills: dict[tuple[int, str], str] = {}
    chosen = []
    for held in articles:
        rest = [a for a in articles if a != held]
        threshold = choose_threshold(x, y, slots, matched, rest, event_score)
        chosen.append(threshold)
        train = np.isin(_row_articles(slots, len(y)), rest)
        model = fit(x[train], y[train])
        mine = [s for s in slots if s.article == held]
        for s in mine:
            p[s.rows] = model.predict_proba(x[s.rows])[:, 1]
        fills.update(fills_at(p, mine, threshold))
    before, after = judge(matched, {}, event_score), judge(matched, fills, event_score)
    fill_counts: Counter = Counter()
    for (n, role), country in fills.items():
        want = event_score.countries(matched[n].gold.get(role))
        fill_counts[matched[n].source, role, want == {country.upper()}] += 1
    return {src: {"matched": before[src, "matched"], "right_before": before[src], "right_after": after[src],
                  **{f"{role}_filled_right": fill_counts[src, role, True] for role in ("actors", "recipients")},
                  **{f"{role}_filled_wrong": fill_counts[src, role, False] for role in ("actors", "recipients")}}
            for src in sorted({m.source for m in matched})} | {"thresholds_chosen": sorted(Counter(chosen).items())}


def trained_model(x: np.ndarray, y: np.ndarray, slots: list[Slot], matched: list[Matched], articles: list[str],
                  event_score: Any) -> thread_parties.ThreadModel:
    """The model fitted on the rows of `articles` only, its threshold chosen out of fold among them: what `--write`
    ships (every article) and what a cross-validation fold of the whole coder puts in force (`event_sets`)."""
    train = np.isin(_row_articles(slots, len(y)), articles)
    model = fit(x[train], y[train])
    threshold = choose_threshold(x, y, slots, matched, articles, event_score)
    if held_out_fill_precision(x, y, slots, matched, articles, event_score) < MIN_FILL_PRECISION:
        threshold = NEVER  # the recipe's fills, each article held out in turn, are wrong more often than right
    return thread_parties.ThreadModel(tuple(map(float, model.coef_[0])), float(model.intercept_[0]), threshold)


def held_out_fill_precision(x: np.ndarray, y: np.ndarray, slots: list[Slot], matched: list[Matched],
                            articles: list[str], event_score: Any) -> float:
    """How often the recipe's fills are right on an article it did not see: each of `articles` held out in turn,
    the model fitted and its threshold chosen on the others (1.0 when it fills nothing)."""
    fills: dict[tuple[int, str], str] = {}
    rows = _row_articles(slots, len(y))
    for held in articles:
        rest = [a for a in articles if a != held]
        mine = [s for s in slots if s.article == held]
        train = np.isin(rows, rest)
        if not mine or not y[train].any():
            continue
        threshold = choose_threshold(x, y, slots, matched, rest, event_score)
        model = fit(x[train], y[train])
        p = np.zeros(len(y))
        for s in mine:
            p[s.rows] = model.predict_proba(x[s.rows])[:, 1]
        fills.update(fills_at(p, mine, threshold))
    return fill_precision(fills, matched, event_score) if fills else 1.0


def _row_articles(slots: list[Slot], n: int) -> np.ndarray:
    """The article of each of the `n` rows, by the slots that hold them."""
    out = np.empty(n, dtype=object)
    for slot in slots:
        out[slot.rows] = slot.article
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=SHARED / "data" / "events-gold")
    parser.add_argument("--write", action="store_true", help="write data/models/thread_parties.json")
    parser.add_argument("--samples", default="", help="party samples whose judged events add rows, e.g. 1819,1920")
    args = parser.parse_args()
    seeds = [int(s) for s in args.samples.split(",") if s]
    x, y, slots, matched, mods = read_rows(args.gold_dir, seeds)
    event_score = mods["event_score"]
    cv = cross_validate(x, y, slots, matched, event_score)
    print(json.dumps({"rows": len(y), "positive": int(y.sum()), "slots": len(slots), "cv": cv}))
    if args.write:
        model = trained_model(x, y, slots, matched, sorted({m.article for m in matched}), event_score)
        out = {"feature_version": FEATURE_VERSION, "features": list(FEATURES),
               "weights": dict(zip(FEATURES, model.weights, strict=True)),
               "intercept": model.intercept, "threshold": model.threshold, "C": C,
               "trained_by": "tools/train_thread_parties.py",
               "trained_on": "events-gold (28 articles, the project's annotations): matched readings' empty roles"
                             + (f"; party samples {args.samples} (judged political events shown)" if seeds else ""),
               "rows": len(y), "cv": cv}
        thread_parties.MODEL_PATH.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {thread_parties.MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
