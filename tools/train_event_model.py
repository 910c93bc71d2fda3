"""Train the event verifier (`dateline.events.verify`) from labelled news and report it per source.

    .venv/bin/python tools/train_event_model.py --gold ../shared/data/events-gold \\
        --dev ../shared/data/events-dev [--out src/dateline/data/models] [--limit N] [--refresh] [--embeddings] \\
        [--cascade]

Every source is run through the real pipeline with the verifier switched off; each lexicon
candidate gets its features (`candidate_features`) and a label read from the source's annotation
(`event_sources.py` beside this script says how, per source); with `--embeddings`, also the MiniLM embedding of its
sentence (`verify.sentence_embeddings`, standardised, times `--dense-weight`). The rows are cached under the cache
folder, and the embeddings by sentence, so retraining costs a minute; `--refresh` parses again. The model is a
multinomial logistic regression (scikit-learn, a development dependency only) written as plain numbers: an `.npz` of
coefficients and a JSON of vocabulary, classes, calibration and figures. With `--mark-selected`, rows of a
source whose labels are selected positives (NGEC: only the candidates its story label confirms) carry a mark of
their source while fitting (`SELECTED_SOURCES`), so they teach which type, not whether there is an event.
The sources are `event_sources.TRAINED_ON` unless `--sources` names others; they include the `train` half of the
hand-labelled candidates of unseen news (`news_candidates.jsonl`, since the seventh session: BENCHMARKS.md, Event
models, seventh session).

With `--cascade`, also the refiner (`verifier_cascade.py`): a verifier with the sentence embedding that decides
again only the candidates whose confidence lies in a band, evaluated nested per source and written beside the
verifier (measured and not shipped: BENCHMARKS.md, the verifier as a cascade, tenth session).

Reported on stderr, and stored in the model's metadata: every source under 5-fold cross-validation
grouped by document (ROC AUC and average precision of the verifier's score for right vs wrong
candidates, `cv_by_source`), the gold articles under 5-fold cross-validation grouped by article (the
other folds and every dev source train each fold), each dev source left out in turn (trained on
everything else), and the calibration fitted on the out-of-fold probabilities of the whole-article
sources trained on (`WHOLE_ARTICLE`: the gold articles, and the news candidates when they are a source): Platt
scaling, or the isotonic map of `verifier_figures.isotonic_knots` (`CALIBRATION_MAP`). The default view is chosen
by the same cross-validation (`model_view.py` states the criterion) and stored as the metadata's `view`, which
`extract`, `events` and the API read as their default `--min-confidence`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dateline.events import linear
from dateline.events.linear import LinearModel
from dateline.events.verify import FEATURE_VERSION, MODEL_NAME, NONE
from event_sources import (
    BESIDE,
    DEFAULT_ROWS,
    ROW_KINDS,
    SOURCES,
    TRAINED_ON,
    Row,
    attach_embeddings,
    cache_rows,
    source_file,
)
from linear_fit import SEED, fit_linear, predict, without_features
from model_view import Fold, choose_view, cv_pairs
from verifier_figures import decide, isotonic_knots, platt, ranking, source_report

#: How much one row of each source counts: the gold articles are the target domain, and so are the hand-labelled
#: news candidates (whole articles, every candidate labelled, the same coding guideline: the same weight, not a
#: tuned one); NGEC's labels are document labels put on the lead sentence (noisy); CrisisLex tweets are many and
#: alike. The judged shown events (`shown`, read with `--sources`: `shown_source.py`) are unseen news judged by the
#: same guideline, the shown candidates of whole articles only: the news candidates' weight, not a tuned one.
SOURCE_WEIGHT = {"gold": 3.0, "news": 3.0, "ngec": 0.5, "rams": 1.0, "wikievents": 1.0, "crisislex": 0.5,
                 "gsr": 1.0, "shown": 3.0}
#: The verifier's features must also be seen in this many documents (a source's article, story or tweet): a
#: feature of one document only (a person's name as the subject, a word of one story) can fit that document's
#: labels without moving the weights every text shares, and is never seen again on other news. 1 keeps them all.
MIN_DOCS = 1
#: How much a BESIDE row (a gold candidate of another type beside a gold fact, off the coder's words:
#: `event_sources`) counts, as NONE, against a gold row: 0 leaves it out of the fit (LABEL_VERSION 5's recipe).
#: Not its type there, but perhaps an event the coder left uncoded, so less than a sure label. Measured in the
#: fourteenth session (BENCHMARKS.md, Event verifier and calibrated confidence): at 0.3 (Platt, pairs without them)
#: events-gold CV ECE 0.093 -> 0.060 and 0.35 P/R 0.493/0.507 -> 0.503/0.521, but unseen news found at 0.35
#: 0.424 -> 0.379 and GSR 0.704 -> 0.701; not better everywhere, so off.
BESIDE_WEIGHT = 0.0
BESIDE_SOURCE = "beside"
#: The calibration map: "platt" (a sigmoid of the log-odds) or "isotonic" (`verifier_figures.isotonic_knots`), and
#: whether the BESIDE rows are among the pairs it is fitted on (wrong whatever is decided). Isotonic with them and
#: BESIDE_WEIGHT 0.3 (fourteenth session): events-gold CV ECE 0.071, 0.35 P/R 0.503/0.521, but unseen news found at
#: 0.35 0.364, GSR 0.695, RAMS 0.567: not taken.
CALIBRATION_MAP = "platt"
BESIDE_IN_CALIBRATION = False
#: Sources whose rows are selected positives: NGEC's labeller keeps a candidate only when its lexicon type is the
#: story's label, so every NGEC row says "the lexicon is right" and none says "no event". Without a mark the
#: model explained that selection with whatever is common in NGEC leads and rare in events-gold (the types NGEC has
#: most of, reporting verbs), and its confidence in a type followed NGEC's count of it (GSR: CONCEDE, 312 NGEC
#: rows, shown at a mean 0.75 and right 0.25; REJECT, 65 rows, shown at 0.38 and right 0.85).
SELECTED_SOURCES = frozenset({"ngec"})
#: The mark of such a row while training (`source=ngec`): it takes up the selection, so the other features learn
#: "event or not" from the sources that label both, and the column is dropped from the model written
#: (a candidate at run time comes from no training source).
SOURCE_MARK = "source="
#: The sources `fit` marks: none by default; `SELECTED_SOURCES` with `--mark-selected`. Off by default because,
#: measured against the plain recipe on one tree (BENCHMARKS.md, Event models, sixth session), marking is better
#: on RAMS, WikiEvents, the GSR, MUC-4 and the events-gold calibration, but finds one or two fewer of 42 short
#: reports and the seed reads 6/8 (7/8 plain).
MARKED: set[str] = set()
#: Sources labelled article by article, every candidate right or wrong under the coding guideline: the
#: calibration is fitted on their out-of-fold probabilities (those trained on), so a confidence means the same on
#: them as on the news it is shown on. Fitted on the gold articles alone, adding the news rows (three in four "no
#: event") lowered the raw scores and raised the offset, and everything was shown more (Event models, seventh
#: session).
WHOLE_ARTICLE = ("gold", "news")
#: Which of those rows the calibration map is fitted on (`--calibrate-on`): "all" (every `WHOLE_ARTICLE` source
#: trained on), "news" (the hand-labelled news alone) or "cold" (the news of the rounds drawn to calibrate on and kept
#: out of rule work, `news_candidates.COLD_ROUNDS`). The gold articles and rounds 1-3 are the sources the rules were
#: written from, so code that removes false candidates there raises the share right among their pairs and the map's
#: offset with it (BENCHMARKS.md, Event models, seventeenth and eighteenth sessions). "news" since the eighteenth
#: session: unseen-news ECE 0.101 -> 0.055 and the gold CV's 0.081 -> 0.045, at the price of fewer events shown at
#: the view (a flatter, lower map over the same ranking).
CALIBRATE_ON = "news"
#: Whether the verifier reads the MiniLM embedding of the candidate's sentence (`verify.sentence_embeddings`) beside
#: the sparse features, and how much that block counts: its standardised values are multiplied by the weight, so
#: below 1 the L2 penalty holds the 384 dense weights tighter than the sparse ones.
USE_EMBEDDINGS = False
DENSE_WEIGHT = 1.0
C = 0.3  # inverse L2 strength, chosen by the gold cross-validation (AUC of P(right), 0.3 vs 1.0)
FOLDS = 5
#: `SEED` (from `linear_fit`) deals the folds and seeds the solver; `tools/recipe_cv.py` sets it here for both.


def fit(rows: list[Row], c: float | None = None, use_dense: bool | None = None,
        dense_weight: float | None = None) -> LinearModel:
    """A verifier trained on `rows` (calibration left as identity) with inverse L2 strength `c` (by default `C`,
    read when called, so a recipe option set later holds), the rows of the `MARKED` sources marked with
    their source while fitting and the mark's column left out of the model; with the sentence embeddings when
    `use_dense` (by default `USE_EMBEDDINGS`), their block weighted `dense_weight` (by default `DENSE_WEIGHT`)."""
    marked = [replace(r, features=[*r.features, SOURCE_MARK + r.source]) if r.source in MARKED else r
              for r in as_fitted(rows)]
    dense = USE_EMBEDDINGS if use_dense is None else use_dense
    weight = DENSE_WEIGHT if dense_weight is None else dense_weight
    weights = {**SOURCE_WEIGHT, BESIDE_SOURCE: SOURCE_WEIGHT["gold"] * BESIDE_WEIGHT}
    model = fit_linear(marked, C if c is None else c, weights, dense, dense_weight=weight, min_docs=MIN_DOCS, seed=SEED)
    return without_features(model, SOURCE_MARK)


def as_fitted(rows: list[Row]) -> list[Row]:
    """The rows as the model learns them: a BESIDE row is NONE of its own weight (`BESIDE_WEIGHT`), or left out
    at weight 0; every other row as it is."""
    return [replace(r, label=NONE, source=BESIDE_SOURCE) if r.label == BESIDE else r for r in rows
            if r.label != BESIDE or BESIDE_WEIGHT > 0]


def gold_folds(rows: list[Row], source: str = "gold") -> list[list[str]]:
    """The documents of `source` (by default the gold articles) in `FOLDS` groups, deterministic."""
    docs = sorted({r.group for r in rows if r.source == source})
    rng = np.random.default_rng(SEED)
    rng.shuffle(docs)
    return [docs[i::FOLDS] for i in range(FOLDS)]


def whole_article_folds(rows: list[Row]) -> list[set[tuple[str, str]]]:
    """(source, document) pairs of the `WHOLE_ARTICLE` sources present in `rows`, in `FOLDS` groups: fold k holds
    the gold articles of `gold_folds`'s fold k (unchanged by the other sources) and fold k of each other source."""
    folds: list[set[tuple[str, str]]] = [set() for _ in range(FOLDS)]
    for source in WHOLE_ARTICLE:
        for k, docs in enumerate(gold_folds(rows, source)):
            folds[k].update((source, doc) for doc in docs)
    return folds


def fold_models(rows: list[Row], c: float | None = None, use_dense: bool | None = None) -> list[Fold]:
    """The verifier of each fold of the whole-article cross-validation (`whole_article_folds`), trained on every
    row outside the fold's documents, with its held-out (source, document) pairs."""
    return [(held, fit([r for r in rows if (r.source, r.group) not in held], c, use_dense))
            for held in whole_article_folds(rows)]


def cross_validate_gold(rows: list[Row], c: float | None = None, use_dense: bool | None = None,
                        folds: list[Fold] | None = None) -> dict[tuple[str, int, str], dict[str, float]]:
    """Out-of-fold probabilities for every candidate of a whole-article source (the gold articles, and the
    hand-labelled news when it is trained on), keyed by (article, trigger start, coded type); by the verifiers of
    `folds` when given (`fold_models` of the same rows), else of folds trained here."""
    out = {}
    for held, model in folds if folds is not None else fold_models(rows, c, use_dense):
        test = [r for r in rows if (r.source, r.group) in held]
        out.update({r.key: p for r, p in zip(test, predict(model, test), strict=True)})
    return out


def chosen_view(rows: list[Row], folds: list[Fold], oof: dict[tuple[str, int, str], dict[str, float]]
                ) -> dict[str, Any]:
    """The default view the model is shipped with (`model_view.choose_view`, whose docstring states the
    criterion): read on the whole-article candidates each scored by its fold's verifier calibrated on the other
    folds' out-of-fold pairs, so on the scale the shipped model's calibrated confidences are on."""
    pairs, events = cv_pairs(rows, folds, lambda model, held: calibrated(model, rows, oof, held))
    return choose_view(pairs, events)


def cv_view(rows: list[Row], c: float | None = None) -> dict[str, Any]:
    """`chosen_view` of `rows` under the recipe in force, its folds and out-of-fold probabilities made here."""
    folds = fold_models(rows, c)
    return chosen_view(rows, folds, cross_validate_gold(rows, folds=folds))


def calibration_pairs(rows: list[Row], oof: dict[tuple[str, int, str], dict[str, float]],
                      leave_out: set[tuple[str, str]] = frozenset()) -> tuple[list[float], list[bool]]:
    """(probability shown, right) of every factual candidate of a whole-article source outside `leave_out`, from
    its out-of-fold probabilities: what the calibration is fitted on. A BESIDE row is among them, wrong whatever
    the verifier decides (no class is BESIDE): shown, it is no gold event of its sentence."""
    pairs = [(decide(r, oof[r.key]), r) for r in calibration_rows(rows) if r.factual
             and (r.source, r.group) not in leave_out]
    return [p for (_, p), _ in pairs], [final == r.label for (final, _), r in pairs]


def calibration_rows(rows: list[Row]) -> list[Row]:
    """The rows of the whole-article sources `CALIBRATE_ON` names, in order."""
    if CALIBRATE_ON == "all":
        return [r for r in rows if r.source in WHOLE_ARTICLE]
    news = [r for r in rows if r.source == "news"]
    if CALIBRATE_ON == "news":
        return news
    from news_candidates import cold_articles

    cold = cold_articles()
    return [r for r in news if r.group in cold]


def calibrated(model: LinearModel, rows: list[Row], oof: dict[tuple[str, int, str], dict[str, float]],
               leave_out: set[tuple[str, str]] = frozenset()) -> LinearModel:
    """`model` with its calibration fitted on the out-of-fold calibration pairs outside `leave_out` (a fold's
    articles, when the model is one fold's): the map `CALIBRATION_MAP` names, BESIDE rows among the pairs when
    `BESIDE_IN_CALIBRATION`."""
    kept = rows if BESIDE_IN_CALIBRATION else [r for r in rows if r.label != BESIDE]
    pairs = calibration_pairs(kept, oof, leave_out)
    if CALIBRATION_MAP == "isotonic":
        return replace(model, calibration_knots=isotonic_knots(*pairs))
    return replace(model, calibration=platt(*pairs), calibration_knots=())


def document_fold(group: str) -> int:
    """The fold of a document in the all-source cross-validation: a stable hash of its id."""
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % FOLDS


def cross_validate_all(rows: list[Row], c: float | None = None,
                       use_dense: bool | None = None) -> list[dict[str, float]]:
    """Out-of-fold probabilities of every row, each source's documents spread over `FOLDS` folds."""
    out: list[dict[str, float]] = [{} for _ in rows]
    folds = [document_fold(r.group) for r in rows]
    for k in range(FOLDS):
        model = fit([r for r, f in zip(rows, folds, strict=True) if f != k], c, use_dense)
        test = [i for i, f in enumerate(folds) if f == k]
        for i, p in zip(test, predict(model, [rows[i] for i in test]), strict=True):
            out[i] = p
    return out


def per_source_cv(rows: list[Row], c: float | None = None, use_dense: bool | None = None) -> dict[str, dict[str, Any]]:
    """`ranking` of each source under the all-source cross-validation grouped by document."""
    probs = cross_validate_all(rows, c, use_dense)
    return {name: ranking([r for r in rows if r.source == name], [p for r, p in zip(rows, probs, strict=True)
                                                                  if r.source == name])
            for name in sorted({r.source for r in rows})}


def load_all(args: argparse.Namespace) -> list[Row]:
    """The cached (or freshly extracted) candidate rows of every training source: the lexicon's candidates
    and those of the event detector, each document's proposed by a fold detector that never saw it; rows of the
    kind `args.rows` names (`event_sources.ROW_KINDS`)."""
    from train_event_detector import cross_fitted_detectors

    detectors = cross_fitted_detectors(args.gold, args.dev, args.limit, args.refresh)
    rows: list[Row] = []
    for name in args.sources.split(","):
        reader = SOURCES[name][0]
        path = source_file(name, args.gold, args.dev)
        if not path.exists():
            print(f"{name}: {path} missing, skipped", file=sys.stderr)
            continue
        got = cache_rows(name, path, reader, args.limit, args.refresh, detectors, args.rows)
        print(f"{name}: {len(got)} labelled candidates", file=sys.stderr)
        rows += got
    return attach_embeddings(rows) if USE_EMBEDDINGS else rows


def add_recipe_options(parser: argparse.ArgumentParser) -> None:
    """The options that change how the verifier is fitted and calibrated (the BESIDE rows, the calibration map,
    the L2 strength, the documents a feature needs).
    Both this trainer and `benchmarks/events.py`'s cross-validation take them, so a variant's CV figures and the
    model it would ship come from the same flags, not from an edited constant."""
    parser.add_argument("--beside-weight", type=float, default=None,
                        help=f"weight of a BESIDE row as NONE against a gold row (default {BESIDE_WEIGHT}: left out)")
    parser.add_argument("--beside-in-calibration", action="store_true",
                        help="fit the calibration map with the BESIDE rows among its pairs, as wrong")
    parser.add_argument("--calibration-map", choices=("platt", "isotonic"), default=CALIBRATION_MAP)
    parser.add_argument("--calibrate-on", choices=("all", "news", "cold"), default=CALIBRATE_ON,
                        help="the rows the calibration map is fitted on: every whole-article source (default), the "
                             "hand-labelled news, or its rounds kept out of rule work (CALIBRATE_ON)")
    parser.add_argument("--c", type=float, default=C, help=f"inverse L2 strength of the verifier (default {C})")
    parser.add_argument("--min-docs", type=int, default=MIN_DOCS,
                        help=f"documents a verifier feature must be seen in (default {MIN_DOCS}: MIN_COUNT rows only)")
    parser.add_argument("--rows", choices=ROW_KINDS, default=DEFAULT_ROWS,
                        help="a row per mention as extract verifies it, or per group as before (the default, "
                             "event_sources.DEFAULT_ROWS)")


def set_recipe(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, Any]:
    """Put the parsed `add_recipe_options` in force for this process (the module constants `fit` and `calibrated`
    read), refusing a negative weight, a C not above 0 or a document count below 1 through `parser`; the recipe in
    force, to print beside the figures. The row kind is not put in force: it is returned (`row_kind`) for the
    caller to hand to `cache_rows`, as `args.rows` is handed to `load_all`."""
    global BESIDE_WEIGHT, BESIDE_IN_CALIBRATION, CALIBRATION_MAP, CALIBRATE_ON, C, MIN_DOCS
    if args.beside_weight is not None and args.beside_weight < 0:
        parser.error(f"--beside-weight must be 0 or more (got {args.beside_weight})")
    if args.c <= 0 or args.min_docs < 1:
        parser.error(f"--c must be above 0 and --min-docs 1 or more (got {args.c}, {args.min_docs})")
    C, MIN_DOCS = args.c, args.min_docs
    BESIDE_WEIGHT = BESIDE_WEIGHT if args.beside_weight is None else args.beside_weight
    BESIDE_IN_CALIBRATION = BESIDE_IN_CALIBRATION or args.beside_in_calibration
    CALIBRATION_MAP, CALIBRATE_ON = args.calibration_map, args.calibrate_on
    return {"beside_weight": BESIDE_WEIGHT, "beside_in_calibration": BESIDE_IN_CALIBRATION, "c": C,
            "min_docs": MIN_DOCS, "calibration_map": CALIBRATION_MAP, "calibrate_on": CALIBRATE_ON,
            "row_kind": args.rows}


def main() -> None:
    global USE_EMBEDDINGS, DENSE_WEIGHT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="events-gold folder (articles.jsonl, gold.json)")
    parser.add_argument("--dev", type=Path, required=True, help="events-dev folder (NGEC, RAMS, WikiEvents, CrisisLex)")
    parser.add_argument("--out", type=Path, default=Path("src/dateline/data/models"))
    parser.add_argument("--limit", type=int, default=0, help="at most N documents per source (0: all)")
    parser.add_argument("--refresh", action="store_true", help="parse the sources again, ignoring the cache")
    parser.add_argument("--sources", default=",".join(TRAINED_ON),
                        help=f"comma-separated sources to train on, of {', '.join(SOURCES)}")
    parser.add_argument("--embeddings", action="store_true",
                        help="add the MiniLM embedding of each candidate's sentence (USE_EMBEDDINGS)")
    parser.add_argument("--dense-weight", type=float, default=None,
                        help="how much the embedding block counts against the L2 penalty (default DENSE_WEIGHT; "
                             "the cascade's refiner: verifier_cascade.EMBED_WEIGHT)")
    parser.add_argument("--cascade", action="store_true",
                        help="also train the refiner: the embedding verifier for unsure candidates (verifier_cascade)")
    parser.add_argument("--no-detector", action="store_true",
                        help="train the verifier only (by default the detector is trained first, into --out too)")
    parser.add_argument("--mark-selected", action="store_true",
                        help="mark the rows of sources whose labels are selected positives (SELECTED_SOURCES)")
    add_recipe_options(parser)
    args = parser.parse_args()
    recipe = set_recipe(parser, args)
    if args.dense_weight is not None and args.dense_weight <= 0:
        parser.error(f"--dense-weight must be above 0 (got {args.dense_weight}); leave out --embeddings for no block")
    if args.mark_selected:
        MARKED.update(SELECTED_SOURCES)
    USE_EMBEDDINGS = USE_EMBEDDINGS or args.embeddings
    DENSE_WEIGHT = DENSE_WEIGHT if args.dense_weight is None else args.dense_weight
    if not args.no_detector:
        from train_event_detector import train as train_detector

        train_detector(args.gold, args.dev, args.out, limit=args.limit, refresh=args.refresh)
    rows = load_all(args)
    if args.cascade and not USE_EMBEDDINGS:
        rows = attach_embeddings(rows)
    report: dict[str, Any] = {}
    for name in sorted({r.source for r in rows} - {"gold"}):
        held = [r for r in rows if r.source == name]
        model = fit([r for r in rows if r.source != name], args.c)
        report[name] = source_report(held, predict(model, held))
        print(f"left out {name}: {report[name]}", file=sys.stderr)
    report["cv_by_source"] = per_source_cv(rows, args.c)
    print(f"all sources, 5-fold CV by document: {report['cv_by_source']}", file=sys.stderr)
    folds = fold_models(rows, args.c)
    oof = cross_validate_gold(rows, folds=folds)
    gold = [r for r in rows if r.source == "gold"]
    report["gold_cv"] = source_report(gold, [oof[r.key] for r in gold])
    print(f"gold, 5-fold CV by article: {report['gold_cv']}", file=sys.stderr)
    model = calibrated(fit(rows, args.c), rows, oof)
    view = chosen_view(rows, folds, oof)
    print(f"default view, chosen by the CV: {view['min_confidence']} ({view['at_view']})", file=sys.stderr)
    sources = dict(Counter(r.source for r in rows))
    linear.write_model(model, args.out, MODEL_NAME, FEATURE_VERSION,
                       {"dense": "minilm-sentence" if USE_EMBEDDINGS else None,
                        "dense_weight": DENSE_WEIGHT, "rows": sources, "source_weight": SOURCE_WEIGHT,
                        **recipe,
                        "marked_sources": sorted(MARKED), "report": report, "view": view})
    print(f"wrote {linear.model_files(args.out, MODEL_NAME)[0]} ({len(model.vocabulary)} features, "
          f"classes {len(model.classes)}, "
          f"calibration: {len(model.calibration_knots)} knots)", file=sys.stderr)
    from verifier_cascade import remove_refiner, write_cascade
    if args.cascade:
        print(f"cascade, nested 5-fold CV by document: {write_cascade(rows, args.out, args.c, args.dense_weight)}",
              file=sys.stderr)
    else:
        remove_refiner(args.out)


if __name__ == "__main__":
    main()
