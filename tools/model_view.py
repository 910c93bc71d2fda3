"""Choose the verifier's default view by its cross-validation, and write it beside the weights.

    .venv/bin/python tools/model_view.py --gold ../shared/data/events-gold --dev ../shared/data/events-dev \\
        --models DIR [--sources gold,ngec,...] [--write]

**The criterion, in one sentence:** the view is the lowest threshold (of 0.20, 0.25, ... 0.80) whose F0.5 on the
pooled out-of-fold candidates of the events-gold articles and the hand-labelled news is within 0.01 of the best.

Why so. F0.5 counts precision twice recall: a reader pays for every wrong line and still needs the events (the rule
the fixed 0.35 was chosen by on the events-gold CV, README "The default view"). The lowest threshold near the best
rather than the best itself, because the F0.5 curve is flat near its top and its highest point moves by a step or
two between retrains of the same rows; the lowest of the near-best keeps the recall. The events-gold articles and
the news candidates are the two sources labelled article by article (every candidate right or wrong under the coding
guideline), so both precision and recall can be counted on them; NGEC (selected positives), RAMS and WikiEvents
(partial annotation) cannot say what a wrong line costs. Each candidate is scored as it would be shown: by a fold
verifier that never saw its article, calibrated on the other folds' out-of-fold pairs (as `recipe_cv.py` scores its
folds), so the threshold is read on the same scale as the shipped model's calibrated confidences.

A candidate counts as shown when its calibrated confidence of the decided type is at or above the threshold, right
when that type is its label; recall is the share of the candidates that report a factual event shown right
(candidate rows, not whole readings: an event no candidate found lowers every threshold's recall alike).

`train_event_model.py` writes the view into `event_verifier.json` (key `view`) when it trains; `--models DIR` runs
the same code on a folder already trained (the rows from the trainer's cache, the recipe from the folder's
metadata) and, with `--write`, adds the view to its metadata (the weights and their hash unchanged).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dateline.events.linear import LinearModel
from dateline.events.verify import NONE
from event_sources import BESIDE, DEFAULT_ROWS, Row
from linear_fit import predict
from verifier_figures import decide

#: The thresholds tried: the span a listing could sensibly use, in steps a reader can tell apart.
GRID = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))
#: Precision counts 1/BETA times recall (F0.5: twice).
BETA = 0.5
#: How far below the best F a threshold may be and still be chosen (the lowest such one is).
SLACK = 0.01
#: The sources the view is read on: those labelled article by article (`train_event_model.WHOLE_ARTICLE`).
POOLED = ("gold", "news")
CRITERION = ("the lowest threshold of 0.20-0.80 (steps of 0.05) whose F0.5 on the pooled out-of-fold candidates "
             "of the events-gold articles and the hand-labelled news is within 0.01 of the best")
#: (held-out documents, the verifier of the other folds) of each fold of the whole-article cross-validation.
Fold = tuple[set[tuple[str, str]], LinearModel]


def f_beta(precision: float, recall: float, beta: float = BETA) -> float:
    """The F-measure with precision counted 1/beta times recall; 0 when both are 0."""
    if precision <= 0 and recall <= 0:
        return 0.0
    return (1 + beta * beta) * precision * recall / (beta * beta * precision + recall)


def choose_view(pairs: Sequence[tuple[float, bool]], events: int, grid: Sequence[float] = GRID,
                beta: float = BETA, slack: float = SLACK) -> dict[str, Any]:
    """The view chosen on (calibrated confidence, right) pairs, of which `events` candidates report an event:
    the lowest threshold of `grid` whose F-beta is within `slack` of the best, with its precision, recall and F
    and the whole curve (what the metadata keeps, so a reader can see how flat it was)."""
    if not grid:
        raise ValueError("no threshold to choose from")
    curve = []
    for t in sorted(grid):
        shown = [right for confidence, right in pairs if confidence >= t]
        precision = sum(shown) / len(shown) if shown else 0.0
        recall = sum(shown) / events if events else 0.0
        curve.append({"threshold": t, "shown": len(shown), "right": sum(shown), "precision": round(precision, 4),
                      "recall": round(recall, 4), "f": round(f_beta(precision, recall, beta), 4)})
    best = max(point["f"] for point in curve)
    chosen = next(point for point in curve if point["f"] >= best - slack)
    return {"min_confidence": chosen["threshold"], "criterion": CRITERION, "beta": beta, "slack": slack,
            "pairs": len(pairs), "events": events, "at_view": chosen, "curve": curve}


def cv_pairs(rows: list[Row], folds: list[Fold],
             calibrate: Callable[[LinearModel, set[tuple[str, str]]], LinearModel]) -> tuple[list[tuple[float, bool]],
                                                                                              int]:
    """(calibrated confidence, right) of every factual candidate of the `POOLED` sources, each scored by the fold
    verifier that never saw its document, calibrated by `calibrate` (on the other folds' pairs); and how many of
    those candidates report an event (label not NONE). A BESIDE row (a gold candidate of another type beside a
    gold fact) is left out, as it is of the calibration pairs."""
    pairs: list[tuple[float, bool]] = []
    events = 0
    for held, model in folds:
        scale = calibrate(model, held)
        test = [r for r in rows if (r.source, r.group) in held and r.source in POOLED and r.factual
                and r.label != BESIDE]
        for row, probs in zip(test, predict(model, test), strict=True):
            final, p = decide(row, probs)
            pairs.append((scale.calibrated(p), final == row.label))
            events += row.label != NONE
    return pairs, events


def main() -> None:
    """Print (and with `--write` store) the view of a trained verifier folder, from the trainer's cached rows."""
    import train_event_model as tm
    from dateline.events import linear, verify

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--models", type=Path, required=True, help="a folder with event_verifier.json/.npz")
    parser.add_argument("--sources", default=None,
                        help="the sources it was trained on (default: those its metadata counts rows of)")
    parser.add_argument("--write", action="store_true", help="add the view to the folder's event_verifier.json")
    args = parser.parse_args()
    meta_path = linear.model_files(args.models, verify.MODEL_NAME)[0]
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    tm.C, tm.MIN_DOCS = meta.get("c", tm.C), meta.get("min_docs", tm.MIN_DOCS)
    tm.BESIDE_WEIGHT = meta.get("beside_weight", tm.BESIDE_WEIGHT)
    tm.BESIDE_IN_CALIBRATION = meta.get("beside_in_calibration", tm.BESIDE_IN_CALIBRATION)
    tm.CALIBRATION_MAP, tm.CALIBRATE_ON = meta.get("calibration_map", "platt"), meta.get("calibrate_on", "news")
    tm.MARKED.update(meta.get("marked_sources", ()))
    if meta.get("dense"):
        raise SystemExit("a verifier with a dense block: retrain it with train_event_model.py, which writes the view")
    loaded = argparse.Namespace(gold=args.gold, dev=args.dev, limit=0, refresh=False,
                                sources=args.sources or ",".join(meta["rows"]), rows=meta.get("row_kind", DEFAULT_ROWS))
    rows = tm.load_all(loaded)
    counted = {name: sum(r.source == name for r in rows) for name in meta["rows"]}
    if counted != meta["rows"]:
        print(f"the cached rows {counted} are not those the model was trained on {meta['rows']}: the view is the "
              "recipe's on today's rows, not the model's own", file=sys.stderr)
    view = tm.cv_view(rows, tm.C)
    print(json.dumps({"models": str(args.models), **{k: v for k, v in view.items() if k != "curve"}}))
    if args.write:
        # where the trainer writes it: last before the vocabulary (`linear.write_model` puts that at the end)
        head = {k: v for k, v in meta.items() if k not in ("view", "vocabulary")}
        meta_path.write_text(json.dumps({**head, "view": view, "vocabulary": meta["vocabulary"]}, indent=1,
                                        ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
