"""The verifier as a cascade: the sentence embedding read only where the sparse verifier is unsure.

Embedding every candidate's sentence with MiniLM costs more than the parse (BENCHMARKS.md, Sentence embeddings in
the verifier); most candidates are decided by the sparse verifier alone with a confidence far from any display
threshold, where an embedding could not move them across it. The cascade keeps the sparse verifier (stage 1) and,
for the candidates whose calibrated stage-1 confidence lies in `BAND`, lets a second verifier that reads the
sparse features and the sentence embedding (`train_event_model.fit` with the dense block, the "refiner") decide
type and confidence instead; only those candidates' sentences are embedded (`verify.refine_events`).

Both stages learn from the same rows; each has its own Platt map, fitted on its out-of-fold scores of the
whole-article sources. The evaluation is nested (`nested_cv`): for each outer fold, the band and the maps come
from inner out-of-fold scores of the other folds, and the outer fold's models score its rows, so no row's
confidence comes from a model or a map that saw it. Fits without a set of folds are made once (`FoldFits`).

Tried first and dropped: a small binary refiner over the stage-1 log-odds and the embedding alone, trained on the
band's rows: it lowered the CV ROC AUC of every source (events-gold 0.821 -> 0.753 at embedding weight 0.3) and,
without its own intercept per source, raised every confidence (BENCHMARKS.md, the cascade, tenth session).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.events.linear import LinearModel

#: Calibrated stage-1 confidences in [low, high) go to the refiner: the candidates near the display thresholds (0.35
#: the default view, 0.5 the F0.5 pick) whose side of them the embedding might change.
BAND = (0.2, 0.65)
#: The refiner's embedding block weight (`train_event_model.fit`'s `dense_weight`): 0.3 gave the best unseen-news
#: precision of the joint model in the ninth session, and the weights 1.0 and 0.1 no better events-gold CV.
EMBED_WEIGHT = 0.3


@dataclass
class FoldFits:
    """Models fitted without the rows of some folds, each set of folds fitted once."""

    rows: list[Any]
    folds: list[int]
    fit: Callable[[list[Any]], LinearModel]
    made: dict[frozenset[int], LinearModel] = field(default_factory=dict)

    def without(self, excluded: frozenset[int]) -> LinearModel:
        """The model fitted on the rows outside the folds `excluded`."""
        if excluded not in self.made:
            self.made[excluded] = self.fit([r for r, f in zip(self.rows, self.folds, strict=True)
                                            if f not in excluded])
        return self.made[excluded]


def logit(p: float) -> float:
    """The log-odds of a probability, kept finite."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def calibrated(calibration: tuple[float, float], probability: float) -> float:
    """A probability through a Platt map (a, b) of its log-odds."""
    a, b = calibration
    return 1.0 / (1.0 + math.exp(-(a * logit(probability) + b)))


def in_band(confidence: float, band: tuple[float, float] = BAND) -> bool:
    """Whether a calibrated stage-1 confidence is one the refiner re-decides."""
    return band[0] <= confidence < band[1]


def decided(model: LinearModel, rows: list[Any]) -> list[tuple[str, float]]:
    """A verifier's (final type, uncalibrated probability of it) for each row, as `verify_event` decides."""
    from train_event_model import predict
    from verifier_figures import decide

    return [decide(r, p) for r, p in zip(rows, predict(model, rows), strict=True)]


def whole_article_platt(rows: list[Any], decisions: list[tuple[str, float]]) -> tuple[float, float]:
    """The Platt map fitted on the factual candidates of the whole-article sources, as the verifier's is."""
    from train_event_model import WHOLE_ARTICLE
    from verifier_figures import platt

    pairs = [(p, final == r.label) for r, (final, p) in zip(rows, decisions, strict=True)
             if r.source in WHOLE_ARTICLE and r.factual]
    return platt([p for p, _ in pairs], [ok for _, ok in pairs])


def inner_decisions(fits: FoldFits, k: int) -> tuple[list[int], list[tuple[str, float]]]:
    """The rows outside fold `k` and their decisions, each by a model that saw neither fold `k` nor the row's own
    fold: what fold `k`'s Platt maps are fitted on."""
    inner = [i for i, f in enumerate(fits.folds) if f != k]
    got: dict[int, tuple[str, float]] = {}
    for j in sorted(set(fits.folds) - {k}):
        part = [i for i in inner if fits.folds[i] == j]
        got.update(zip(part, decided(fits.without(frozenset({k, j})), [fits.rows[i] for i in part]), strict=True))
    return inner, [got[i] for i in inner]


def cascade_decision(first: tuple[str, float], second: tuple[str, float], maps: tuple[tuple[float, float], ...],
                     band: tuple[float, float] = BAND) -> tuple[str, float, bool]:
    """(type, confidence, refined) of one candidate: stage 1's calibrated decision, or in the band the refiner's."""
    confidence = calibrated(maps[0], first[1])
    if in_band(confidence, band):
        return second[0], calibrated(maps[1], second[1]), True
    return first[0], confidence, False


def nested_cv(sparse: FoldFits, joint: FoldFits, band: tuple[float, float] = BAND) -> dict[str, list[Any]]:
    """Nested out-of-fold decisions of every row: `plain` (stage 1 alone: type, confidence) and `cascade` (type,
    confidence, refined), each fold's Platt maps fitted on the inner out-of-fold decisions of the other folds."""
    rows, folds = sparse.rows, sparse.folds
    plain: list[Any] = [None] * len(rows)
    cascade: list[Any] = [None] * len(rows)
    for k in sorted(set(folds)):
        inner, first = inner_decisions(sparse, k)
        _, second = inner_decisions(joint, k)
        inner_rows = [rows[i] for i in inner]
        maps = (whole_article_platt(inner_rows, first), whole_article_platt(inner_rows, second))
        test = [i for i, f in enumerate(folds) if f == k]
        held = [rows[i] for i in test]
        for i, a, b in zip(test, decided(sparse.without(frozenset({k})), held),
                           decided(joint.without(frozenset({k})), held), strict=True):
            plain[i] = (a[0], calibrated(maps[0], a[1]))
            cascade[i] = cascade_decision(a, b, maps, band)
    return {"plain": plain, "cascade": cascade}


def train_refiner(joint: FoldFits, band: tuple[float, float] = BAND) -> LinearModel:
    """The refiner shipped beside the verifier: the joint model (`joint.fit`) on every row, its Platt map fitted on
    its out-of-fold decisions of the whole-article sources, the band in its metadata (what `verify` reads)."""
    rows, folds = joint.rows, joint.folds
    oof: list[Any] = [None] * len(rows)
    for k in sorted(set(folds)):
        part = [i for i, f in enumerate(folds) if f == k]
        for i, d in zip(part, decided(joint.without(frozenset({k})), [rows[i] for i in part]), strict=True):
            oof[i] = d
    model = joint.fit(rows)
    return replace(model, calibration=whole_article_platt(rows, oof), meta={**model.meta, "band": list(band)})


def cascade_report(rows: list[Any], nested: dict[str, list[Any]]) -> dict[str, dict[str, Any]]:
    """Per source, stage 1 alone against the cascade under `nested_cv`: ROC AUC of the confidence for right vs wrong
    decisions, the share kept at 0.35 and 0.5, the calibration error (whole-article sources), and the share of the
    source's candidate sentences the cascade embeds."""
    from sklearn.metrics import roc_auc_score

    from train_event_model import WHOLE_ARTICLE
    from verifier_figures import reliability

    out: dict[str, dict[str, Any]] = {}
    for source in sorted({r.source for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        sentences = {(rows[i].group, rows[i].sentence) for i in idx}
        refined = {(rows[i].group, rows[i].sentence) for i in idx if nested["cascade"][i][2]}
        figures: dict[str, Any] = {"n": len(idx), "embedded_sentences": round(len(refined) / max(len(sentences), 1), 3)}
        for name in ("plain", "cascade"):
            right = [nested[name][i][0] == rows[i].label for i in idx]
            scores = [nested[name][i][1] for i in idx]
            if 0 < sum(right) < len(right):
                figures[f"{name}_auc"] = round(float(roc_auc_score(right, scores)), 3)
            for t in (0.35, 0.5):
                figures[f"{name}_kept_{t}"] = round(sum(s >= t for s in scores) / max(len(scores), 1), 3)
            if source in WHOLE_ARTICLE:
                factual = [i for i in idx if rows[i].factual]
                figures[f"{name}_ece"] = reliability([(nested[name][i][1], nested[name][i][0] == rows[i].label)
                                                      for i in factual])[1]
        out[source] = figures
    return out


def write_cascade(rows: list[Any], out: Any, c: float, dense_weight: float | None = None,
                  band: tuple[float, float] = BAND) -> dict[str, Any]:
    """Evaluate the cascade on `rows` (nested CV, `cascade_report`), then train the refiner on them all and write it
    into the folder `out` beside the verifier (`verify.REFINER_NAME`); the rows must carry their embeddings."""
    from dateline.events import linear
    from dateline.events.verify import FEATURE_VERSION, REFINER_NAME
    from train_event_model import document_fold, fit

    weight = EMBED_WEIGHT if dense_weight is None else dense_weight
    folds = [document_fold(r.group) for r in rows]
    sparse = FoldFits(rows, folds, lambda part: fit(part, c, use_dense=False))
    joint = FoldFits(rows, folds, lambda part: fit(part, c, use_dense=True, dense_weight=weight))
    report = cascade_report(rows, nested_cv(sparse, joint, band))
    refiner = train_refiner(joint, band)
    linear.write_model(refiner, out, REFINER_NAME, FEATURE_VERSION,
                       {"c": c, "dense": "minilm-sentence", "dense_weight": weight, "band": list(band),
                        "report": {"cascade_cv": report}})
    return report


def remove_refiner(out: Any) -> None:
    """Remove a refiner left in `out` by an earlier cascade run, so the folder holds one consistent pair."""
    from dateline.events import linear
    from dateline.events.verify import REFINER_NAME

    for path in linear.model_files(out, REFINER_NAME):
        path.unlink(missing_ok=True)
