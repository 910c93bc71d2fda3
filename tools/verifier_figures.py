"""Figures of the event verifier's decisions: ranking per source, Platt calibration and the reliability table.

Split from `train_event_model.py` (which uses them; callers import them from here): what judges a verifier's
scores, apart from what trains it.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np

from dateline.events.verify import NONE, RETYPE_MIN
from event_sources import BESIDE, Row


def decide(row: Row, probs: dict[str, float]) -> tuple[str, float]:
    """The verifier's decision for a candidate, as `verify_event` makes it: (final type, P(final type))."""
    coded = probs.get(row.coded, 0.0)
    best = max((c for c in probs if c != NONE), key=lambda c: probs[c], default=row.coded)
    if best != row.coded and probs[best] >= RETYPE_MIN and probs[best] > coded:
        return best, probs[best]
    return row.coded, coded


def ranking(rows: list[Row], probs: list[dict[str, float]]) -> dict[str, Any]:
    """How well the verifier's score orders right above wrong candidates of one source, at every threshold.

    Right = the decided type is the label. ROC AUC and average precision need both kinds; a source
    with one kind only (NGEC all events, CrisisLex all NONE) gets the share kept at 0.3 and 0.5.
    """
    from sklearn.metrics import average_precision_score, roc_auc_score

    decided = [decide(r, p) for r, p in zip(rows, probs, strict=True)]
    right = [final == r.label for (final, _), r in zip(decided, rows, strict=True)]
    scores = [p for _, p in decided]
    out: dict[str, Any] = {"n": len(rows), "right": sum(right)}
    if 0 < sum(right) < len(right):
        out.update(auc=round(float(roc_auc_score(right, scores)), 3),
                   ap=round(float(average_precision_score(right, scores)), 3))
    for t in (0.3, 0.5):
        out[f"kept_{t}"] = round(sum(s >= t for s in scores) / max(len(scores), 1), 3)
    return out

def platt(scores: list[float], right: list[bool]) -> tuple[float, float]:
    """Platt scaling (a, b) of log-odds fitted by Newton steps on (probability, right) pairs.

    Each step is halved until the (lightly penalised) log loss falls: a plain Newton step from (1, 0) can
    overshoot when the scores sit far from the share right (a verifier sure of most candidates), and then
    runs off to a scale of 10^5."""
    z = np.array([math.log(min(max(s, 1e-6), 1 - 1e-6) / (1 - min(max(s, 1e-6), 1 - 1e-6))) for s in scores])
    y = np.array(right, dtype=float)

    def loss(a: float, b: float) -> float:
        m = a * z + b
        return float(np.sum(np.logaddexp(0, m) - y * m) + 5e-4 * ((a - 1) ** 2 + b ** 2))

    a, b = 1.0, 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a * z + b)))
        g = np.array([np.sum((p - y) * z), np.sum(p - y)]) + 1e-3 * np.array([a - 1, b])
        w = p * (1 - p)
        h = np.array([[np.sum(w * z * z), np.sum(w * z)], [np.sum(w * z), np.sum(w)]]) + 1e-3 * np.eye(2)
        step = np.linalg.solve(h, g)
        before, shrink = loss(a, b), 1.0
        while shrink > 1e-4 and loss(a - shrink * step[0], b - shrink * step[1]) > before:
            shrink /= 2
        a, b = a - shrink * step[0], b - shrink * step[1]
        if np.abs(shrink * step).max() < 1e-8:
            break
    return float(a), float(b)

def isotonic_knots(scores: list[float], right: list[bool]) -> tuple[tuple[float, float], ...]:
    """The monotone map from a verifier's probability to the share right, as (probability, share) knots to read
    by straight lines between them (`LinearModel.calibrated`): isotonic regression of the (probability, right)
    pairs, rounded so that the same pairs give the same bytes.

    A monotone map of any shape, not a sigmoid of the log-odds: on events-gold the verifier's middle band
    (calibrated 0.2-0.6) is right about equally often, so Platt scaling puts its lower half too low and its upper
    half too high (nested CV of the candidates, BENCHMARKS.md, Event verifier and calibrated confidence, fourteenth
    session; `train_event_model.CALIBRATION_MAP`, not the default). Needs both kinds of pair; without them, the
    share right everywhere."""
    from sklearn.isotonic import IsotonicRegression

    if not scores or len(set(right)) < 2:
        share = sum(right) / max(len(right), 1)
        return ((0.0, share), (1.0, share))
    fitted = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, [float(r) for r in right])
    knots = [(round(float(x), 6), round(float(y), 6)) for x, y in zip(fitted.X_thresholds_, fitted.y_thresholds_,
                                                                       strict=True)]
    return tuple(knots)

def source_report(rows: list[Row], probs: list[dict[str, float]]) -> dict[str, Any]:
    """How the verifier's decisions on a source's candidates compare with the source's labels.

    `lexicon_right`: share of candidates whose lexicon type is the label; `verified_right`: the same
    after the verifier's decision (a rejected candidate is right when its label is NONE, using 0.5);
    `none_rejected`: share of NONE-labelled candidates the verifier scores below 0.5;
    `event_kept`: share of candidates labelled with a type that stay at or above 0.5 with that type.
    """
    n = len(rows)
    lex = sum(r.coded == r.label for r in rows)
    right = kept = rejected = nones = events = 0
    for r, p in zip(rows, probs, strict=True):
        final, prob = decide(r, p)
        shown = prob >= 0.5
        right += (shown and final == r.label) or (not shown and r.label in (NONE, BESIDE))
        if r.label in (NONE, BESIDE):  # BESIDE: not an event of its type there (`event_sources`)
            nones += 1
            rejected += not shown
        else:
            events += 1
            kept += shown and final == r.label
    return {"candidates": n, "lexicon_right": round(lex / max(n, 1), 3), "verified_right": round(right / max(n, 1), 3),
            "none_rejected": round(rejected / max(nones, 1), 3), "event_kept": round(kept / max(events, 1), 3),
            "labels": dict(Counter(r.label for r in rows).most_common())}

def reliability(pairs: list[tuple[float, bool]], bins: int = 10) -> tuple[list[dict[str, Any]], float]:
    """Reliability table (bin, count, mean confidence, share right) and the expected calibration error."""
    table, ece = [], 0.0
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (i == bins - 1 and c == 1.0)]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        share = sum(ok for _, ok in inside) / len(inside)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "count": len(inside), "mean_confidence": round(mean, 3),
                      "share_right": round(share, 3)})
        ece += len(inside) / max(len(pairs), 1) * abs(mean - share)
    return table, round(ece, 4)
