"""The one trainer of dateline's learned decisions, and how its models are read while training.

The event verifier (`train_event_model.py`) and the event detector (`train_event_detector.py`) are both a
multinomial logistic regression over binary features (`fit_matrix`), written as plain numbers
(`dateline.events.linear.LinearModel`). What is fitted, from which rows and with what recipe is each trainer's
own; fitting the rows into a model, taking a marking column back out of it and reading its probabilities back are
the same for both, and live here, apart from either trainer's recipe.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from dateline.events.linear import LinearModel
from dateline.events.verify import NONE
from fit_matrix import dense_matrix, dense_stats, feature_matrix

MIN_COUNT = 2  # features seen fewer times are left out of the vocabulary
#: The solver's seed: the trainers pass their own (`train_event_model.SEED`, which also deals the folds).
SEED = 13


def fit_linear(rows: list[Any], c: float, weights: dict[str, float], use_dense: bool = False,
               min_count: int = MIN_COUNT, dense_weight: float = 1.0, min_docs: int = 1,
               seed: int = SEED) -> LinearModel:
    """The one trainer of the learned decisions (verifier and detector): a multinomial logistic regression over
    the rows' binary features (`feature_matrix`: seen in `min_count` rows and `min_docs` documents) and, with
    `use_dense`, their standardised dense vectors times `dense_weight` (kept
    in the model as a smaller scale, so reading it needs nothing new); each row weighted by its source. Rows
    with fewer than two labels give a model that always says NONE."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    if len({r.label for r in rows}) < 2:
        return LinearModel((NONE,), {}, np.zeros((1, 0)), np.zeros(1))
    vocab, index, x = feature_matrix(rows, min_count, min_docs)
    stats = dense_stats(rows) if use_dense else None
    if stats is not None:
        stats = (stats[0], stats[1] / dense_weight)
        x = hstack([x, csr_matrix(dense_matrix(rows, *stats))], format="csr")
    from threadpoolctl import threadpool_limits

    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    with threadpool_limits(1):  # one BLAS thread: sums in one order, so the same rows give the same weights
        clf.fit(x, [r.label for r in rows], sample_weight=[weights.get(r.source, 1.0) for r in rows])
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # binary problems come back as one row; the model always holds one per class
        coef, intercept = np.vstack([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
    dense = None if stats is None else (coef[:, len(vocab):], *stats)
    return LinearModel(tuple(str(k) for k in clf.classes_), index, coef[:, : len(vocab)], intercept, dense=dense)


def without_features(model: LinearModel, prefix: str) -> LinearModel:
    """The model without the sparse features whose names start with `prefix` (their columns removed, the
    vocabulary numbered again in the same order)."""
    kept = sorted((i, f) for f, i in model.vocabulary.items() if not f.startswith(prefix))
    columns = [i for i, _ in kept]
    return replace(model, vocabulary={f: n for n, (_, f) in enumerate(kept)}, coef=model.coef[:, columns])


def predict(model: LinearModel, rows: list[Any]) -> list[dict[str, float]]:
    """The model's class probabilities of each row, by class name, dense features included."""
    probs = model.probabilities_of_many([r.features for r in rows],
                                        [np.asarray(r.dense) if len(r.dense) else None for r in rows])
    return [dict(zip(model.classes, map(float, p), strict=True)) for p in probs]
