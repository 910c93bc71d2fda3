"""Train the cross-article link model (`dateline.merge.link`) from hand-labelled event pairs.

    .venv/bin/python tools/train_merge_model.py [--pairs benchmarks/data/merge_pairs_population.jsonl ...]
        [--out src/dateline/data/models/merge_link.json]

Each pairs file holds both events of each pair as JSON (their words kept as places in the T17 articles and read back
from `../shared/corpus/t17`: `benchmarks/merge_text.py`), its label (`same` / `different`), its
stratum and the stratum's population (`benchmarks/merge.py` and the file's first line say how they
were drawn): the population sample of every candidate pair, and the sample of the pairs the background
reach added (`merge_pairs_background.jsonl`; its strata are its own, so each sample weighs its own
population). Each pair's features are `dateline.merge.link_features`; pairs whose events conflict
(`conflict_reason`) are never linked whatever the model says, and count as unlinked in the figures.

The model is a logistic regression (scikit-learn, a development dependency only), chosen by
cross-validation grouped by topic family (EgyptianProtest, bpoil, H1N1: each pair is held out with the
other pairs of its stories, so a model is judged on stories it did not see): its inverse L2 strength
among `C_GRID` and the probability
threshold with the best out-of-fold recall whose precision is at least `MIN_PRECISION` over the labelled
pairs and `MIN_WEIGHTED_PRECISION` weighted by stratum population (the estimate over all candidate pairs;
held higher because a single wrong pair of a large stratum moves it by several points). It is written as plain
numbers (feature names, weights, intercept, threshold) with those cross-validated figures. The shipped file is this
script's output from the repository's labelled pairs, byte for byte (`tests/test_merge_link_model.py`): a change of the
link features is followed by running it again, and judged on the store (`benchmarks/merge.py`, every labelled sample).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from dateline.merge import FEATURES, conflict_reason, link_features
from dateline.merge.link import MODEL_PATH
from dateline.model import Event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from merge_text import with_text  # noqa: E402

PAIRS = (ROOT / "benchmarks" / "data" / "merge_pairs_population.jsonl",
         ROOT / "benchmarks" / "data" / "merge_pairs_background.jsonl")
C_GRID = (0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 19))
MIN_PRECISION = 0.9
MIN_WEIGHTED_PRECISION = 0.95
ABOUT = ("Cross-article link model of dateline.merge.link: a logistic regression over the features of a pair of "
         "article-level events (names in `features`), P(one happening) = 1 / (1 + exp(-(intercept + weights . "
         "features))); a pair is linked when that reaches `threshold` and dateline.merge.conflict_reason finds no "
         "conflict. Written by tools/train_merge_model.py from the hand-labelled pairs named in `trained_on` "
         "(drawn from the Timeline17 corpus: research data, evaluation use; no text is in this file, only numbers). "
         "MIT, like the code.")


def read_pairs(path: Path) -> list[dict]:
    """The labelled pair records (the first line, `_about`, says how they were drawn), each with its words read back
    from the articles (`merge_text.with_text`: the features read the evidence sentences)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [with_text(rec) for rec in map(json.loads, lines)
            if "_about" not in rec and rec.get("label") in ("same", "different")]


def topic_family(rec: dict) -> str:
    """The stories a pair comes from: the topic families of its two articles ("bpoil", "EgyptianProtest+H1N1")."""
    return "+".join(sorted({str(rec[side]["article"]).split("_")[0].split("/")[0] for side in ("a", "b")}))


def pair_events(rec: dict) -> tuple[Event, Event]:
    """The pair's two events, in id order (as the store compares them)."""
    first, second = (Event.from_json(rec[side]["json"]) for side in ("a", "b"))
    return (first, second) if first.id <= second.id else (second, first)


def design(records: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels, hard-conflict flags and population weights of the pairs (strata are told apart by name,
    so every sample's names must be its own)."""
    drawn = Counter(rec["stratum"] for rec in records)
    rows, labels, blocked, weights = [], [], [], []
    for rec in records:
        first, second = pair_events(rec)
        features = link_features(first, second)
        rows.append([features[name] for name in FEATURES])
        labels.append(rec["label"] == "same")
        blocked.append(conflict_reason(first, second) is not None)
        weights.append(rec["population"] / drawn[rec["stratum"]])
    return np.array(rows), np.array(labels), np.array(blocked), np.array(weights)


def out_of_fold(x: np.ndarray, y: np.ndarray, c: float, groups: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities, each topic family held out in turn (pairs across families go with their own)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut

    probabilities = np.zeros(len(y))
    for train, test in LeaveOneGroupOut().split(x, y, groups):
        model = LogisticRegression(C=c, max_iter=2000).fit(x[train], y[train])
        probabilities[test] = model.predict_proba(x[test])[:, 1]
    return probabilities


def rates(linked: np.ndarray, y: np.ndarray, weights: np.ndarray) -> dict[str, float]:
    """Precision and recall of the linked pairs, plain and population-weighted."""
    def ratio(num: float, den: float) -> float:
        return round(float(num / den), 3) if den else 0.0

    tp, fp, fn = linked & y, linked & ~y, ~linked & y
    return {"precision": ratio(tp.sum(), tp.sum() + fp.sum()), "recall": ratio(tp.sum(), tp.sum() + fn.sum()),
            "weighted_precision": ratio(weights[tp].sum(), weights[tp].sum() + weights[fp].sum()),
            "weighted_recall": ratio(weights[tp].sum(), weights[tp].sum() + weights[fn].sum())}


def cross_validated(x: np.ndarray, y: np.ndarray, blocked: np.ndarray, weights: np.ndarray,
                    groups: np.ndarray) -> dict[float, dict]:
    """For each C, the out-of-fold figures of each threshold (folds grouped by topic family)."""
    out: dict[float, dict] = {}
    for c in C_GRID:
        held_out = out_of_fold(x, y, c, groups)
        out[c] = {t: rates((held_out >= t) & ~blocked, y, weights) for t in THRESHOLDS}
    return out


def choose(figures: dict[float, dict]) -> tuple[float, float]:
    """The C and threshold with the best recall whose plain and weighted precision reach their minimums."""
    allowed = [(f["recall"], f["weighted_recall"], -t, c, t) for c, by_t in figures.items() for t, f in by_t.items()
               if f["precision"] >= MIN_PRECISION and f["weighted_precision"] >= MIN_WEIGHTED_PRECISION]
    if not allowed:
        raise SystemExit(f"no C and threshold reach precision {MIN_PRECISION} out of fold")
    _, _, _, c, t = max(allowed)
    return c, t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, nargs="+", default=list(PAIRS))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    records = [rec for path in args.pairs for rec in read_pairs(path)]
    x, y, blocked, weights = design(records)
    groups = np.array([topic_family(rec) for rec in records])
    figures = cross_validated(x, y, blocked, weights, groups)
    c, threshold = choose(figures)
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    result = {"about": ABOUT, "format": 1, "features": list(FEATURES),
              "weights": [round(float(w), 4) for w in model.coef_[0]],
              "intercept": round(float(model.intercept_[0]), 4), "threshold": threshold, "C": c,
              "trained_on": {"pairs": [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)
                                       for p in args.pairs], "labelled": len(y), "same": int(y.sum()),
                             "blocked_by_rules": int(blocked.sum())},
              "cross_validated": {"folds": "leave one topic family out", **figures[c][threshold]},
              "all_in_sample": rates((model.predict_proba(x)[:, 1] >= threshold) & ~blocked, y, weights)}
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("weights", "intercept", "threshold", "C", "cross_validated")}),
          file=sys.stderr)


if __name__ == "__main__":
    main()
