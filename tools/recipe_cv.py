"""Screen verifier recipes on the cached candidate rows: nested grouped CV on the whole-article sources, and the
held-out news half, per source, for several recipes in one process.

    .venv/bin/python tools/recipe_cv.py --gold ../shared/data/events-gold --dev ../shared/data/events-dev \\
        --recipe c=0.3 --recipe c=0.1 --recipe c=0.3,min_docs=3

A recipe sets `train_event_model`'s `C` and `MIN_DOCS` (the `--c` and `--min-docs` options of the trainer and of
`benchmarks/events.py`) and `SEED` (which articles share a calibration fold): recipes that differ in the seed alone
show how far a retrain of the same rows moves the figures, the noise any other change must clear. For each, one
JSON line: for events-gold and the news `train` half, the candidates of each
article scored by a verifier that never saw the article and calibrated on the other folds' out-of-fold pairs (as
`benchmarks/events.py` verifies its folds), and for the news `heldout` half (never trained on; its candidates from the
fold detectors, as the trained-on sources' are) by the verifier of all
rows with its calibration (as it would ship): ROC AUC of right against wrong, the reliability's ECE in five bands,
and the rows shown at the default view (0.35) with the share of them right. With `news_all=1` the heldout half is
trained on as well (as the news source) and scored out of fold by article like the train half (`cv_news_heldout`):
no longer held out from the recipe, but still from every model that scores it, so comparable with `news_heldout`.

With `--models DIR ...`, the held-out rows are first scored by each folder's verifier as it is (weights and
calibration), so a shipped verifier and a retrain can be compared on the same candidates at every threshold (AUC)
as well as at the default view.

`shown=1` trains on the judged shown events too (the `shown` source, `tools/shown_source.py`: the samples up to seed
1818), in every fold and in the final model, as `train_event_model.py --sources ...,shown` does; they are no
whole-article source, so no fold holds them out and no calibration pair is theirs.

`calibrate_on=news` or `calibrate_on=cold` fits the calibration map on the news rows alone or on those of the rounds
kept out of rule work (the trainer's `--calibrate-on`); the held-out figures are given for every round together, for
rounds 1-3 together (comparable with earlier sessions) and for each round alone.

`--without PREFIX` screens a feature family's ablation (`--without w=`: no words of the sentence), for every recipe.

Candidate rows, not whole readings: no grouping, no parties scored, so this only screens; a recipe worth keeping is
then judged by `benchmarks/events.py --news 0` (which retrains per fold on readings) and `benchmarks/event_models.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import event_models as em
import train_event_model as tm
from dateline.events import linear, verify
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE, unverified
from detector_sources import recode
from event_sources import SOURCES, TRAINED_ON, Row, cache_rows, labelled_rows, read_news, source_file
from news_candidates import label_round, read_labels
from train_event_detector import cross_fitted_detectors
from verifier_figures import decide, reliability

SHOWN_AT = DEFAULT_MIN_CONFIDENCE
#: The trainer's recipe as shipped: what a key a recipe leaves out stays at.
DEFAULTS = (tm.C, tm.MIN_DOCS, tm.SEED, tm.CALIBRATE_ON)
BANDS = 5


#: Sources read beside `TRAINED_ON`, trained on only by the recipes that name them (`shown=1`).
OPTIONAL_SOURCES = ("shown",)


def read_rows(gold: Path, dev: Path) -> tuple[list[Row], list[Row]]:
    """The rows of the sources trained on (`TRAINED_ON`, and `OPTIONAL_SOURCES` for the recipes that ask) and the
    news `heldout` half's, from the trainer's row cache."""
    detectors = cross_fitted_detectors(gold, dev)
    train = [r for name in (*TRAINED_ON, *OPTIONAL_SOURCES)
             for r in cache_rows(name, source_file(name, gold, dev), SOURCES[name][0], 0, False, detectors)]
    labelled = list(read_news(source_file("news", gold, dev), 0, split="heldout"))  # by article id, as benchmarked
    docs = em.cached_documents("news-heldout", [art for art, _ in labelled])
    with unverified():
        coded = recode([replace(d, events=[]) for d in docs], detectors)
    return train, list(labelled_rows("newsheld", coded, {art.id: label for art, label in labelled}))


def parse_recipe(text: str) -> dict[str, Any]:
    """"c=0.3,min_docs=3" as {"c": 0.3, "min_docs": 3}; `calibrate_on` keeps its word (all, news, cold: the
    trainer's `--calibrate-on`)."""
    out: dict[str, Any] = {}
    for part in filter(None, text.split(",")):
        key, value = part.split("=")
        if key not in ("c", "min_docs", "seed", "news_all", "calibrate_on", "shown"):
            raise SystemExit(f"unknown recipe key {key!r} (c, min_docs, seed, news_all, calibrate_on, shown)")
        if key == "calibrate_on" and value not in ("all", "news", "cold"):
            raise SystemExit(f"calibrate_on is all, news or cold (got {value!r})")
        out[key] = value if key == "calibrate_on" else float(value)
    return out


def heldout_figures(model: Any, held: list[Row]) -> dict[str, Any]:
    """`figures` of the held-out rows scored by `model`: all rounds together (`news_heldout`), rounds 1-3 together
    (`news_heldout_rounds1to3`, the figure of every session before round 4) and each round alone."""
    rounds = {item["article"]: label_round(item) for item in read_labels()}
    out = {"news_heldout": figures(scored(model, held))}
    early = [r for r in held if rounds[r.group] <= em.EARLIER_ROUNDS]
    if len(early) < len(held):
        out["news_heldout_rounds1to3"] = figures(scored(model, early))
    for n in sorted({rounds[r.group] for r in held}):
        out[f"news_heldout_round{n}"] = figures(scored(model, [r for r in held if rounds[r.group] == n]))
    return out


def figures(pairs: list[tuple[float, bool]]) -> dict[str, Any]:
    """AUC, ECE, shown at `SHOWN_AT` and its share right, of (confidence, right) pairs."""
    from sklearn.metrics import roc_auc_score

    scores, right = [p for p, _ in pairs], [ok for _, ok in pairs]
    shown = [ok for p, ok in pairs if p >= SHOWN_AT]
    out: dict[str, Any] = {"n": len(pairs), "right": sum(right), "shown": len(shown),
                           "shown_right": sum(shown), "precision": round(sum(shown) / max(len(shown), 1), 3),
                           "ece": reliability(pairs, BANDS)[1]}
    if 0 < sum(right) < len(right):
        out["auc"] = round(float(roc_auc_score(right, scores)), 3)
    return out


def scored(model: Any, rows: list[Row]) -> list[tuple[float, bool]]:
    """(calibrated confidence of the decided type, right) of each factual, labelled row."""
    rows = [r for r in rows if r.factual and r.label != tm.BESIDE]
    out = []
    for r, probs in zip(rows, tm.predict(model, rows), strict=True):
        final, p = decide(r, probs)
        out.append((model.calibrated(p), final == r.label))
    return out


def trained_rows(rows: list[Row], recipe: dict[str, Any]) -> list[Row]:
    """The rows a recipe trains on: those of `OPTIONAL_SOURCES` only when it names them (`shown=1`)."""
    return rows if recipe.get("shown") else [r for r in rows if r.source not in OPTIONAL_SOURCES]


def screen(train: list[Row], held: list[Row], recipe: dict[str, float]) -> dict[str, Any]:
    """One recipe's figures: nested CV on events-gold and the news train half, and the held-out news: scored by
    the model of every row, or, with `news_all`, trained on as news too and scored out of fold like the others."""
    tm.C, tm.MIN_DOCS = recipe.get("c", DEFAULTS[0]), int(recipe.get("min_docs", DEFAULTS[1]))
    tm.SEED = int(recipe.get("seed", DEFAULTS[2]))
    tm.CALIBRATE_ON = recipe.get("calibrate_on", DEFAULTS[3])
    held_ids = {r.group for r in held}
    train = trained_rows(train, recipe)
    if recipe.get("news_all"):
        train = train + [replace(r, source="news") for r in held]
    oof = tm.cross_validate_gold(train)
    parts: dict[str, list[tuple[float, bool]]] = {"cv_gold": [], "cv_news": [], "cv_news_heldout": []}
    for fold in tm.whole_article_folds(train):
        model = tm.calibrated(tm.fit([r for r in train if (r.source, r.group) not in fold]), train, oof, fold)
        for r in (r for r in train if (r.source, r.group) in fold):
            part = "cv_gold" if r.source == "gold" else "cv_news_heldout" if r.group in held_ids else "cv_news"
            parts[part] += scored(model, [r])
    final = tm.calibrated(tm.fit(train), train, oof)
    out: dict[str, Any] = {"c": tm.C, "min_docs": tm.MIN_DOCS, "seed": tm.SEED, "calibrate_on": tm.CALIBRATE_ON,
                           "news_all": bool(recipe.get("news_all")), "shown": bool(recipe.get("shown")),
                           "features": len(final.vocabulary)}
    out.update({name: figures(pairs) for name, pairs in parts.items() if pairs})
    if not recipe.get("news_all"):
        out.update(heldout_figures(final, held))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--recipe", action="append", default=[], help="c=..,min_docs=.. (repeatable)")
    parser.add_argument("--without", action="append", default=[], metavar="PREFIX",
                        help="leave out of every row the features whose names start with PREFIX (a family's ablation)")
    parser.add_argument("--models", type=Path, nargs="*", default=[],
                        help="verifier folders whose own weights and calibration score the held-out rows too")
    args = parser.parse_args()
    train, held = read_rows(args.gold, args.dev)
    if args.without:
        cut = tuple(args.without)
        train, held = ([replace(r, features=[f for f in r.features if not f.startswith(cut)]) for r in rows]
                       for rows in (train, held))
    for folder in args.models:
        model = linear.read_model(folder, verify.MODEL_NAME, verify.FEATURE_VERSION)
        print(json.dumps({"models": str(folder), **heldout_figures(model, held)}), flush=True)
    for text in args.recipe or ([] if args.models else [""]):
        print(json.dumps({**screen(train, held, parse_recipe(text)), "without": args.without}), flush=True)


if __name__ == "__main__":
    main()
