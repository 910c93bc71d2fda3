"""The matrices the event trainers fit (`linear_fit.fit_linear`): the rows' binary features as a sparse
matrix over a vocabulary of the features seen often enough, and their dense vectors standardised.

Kept apart from the trainer so that what becomes a column (and why a feature does not) is read in one place."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from event_sources import Row


def feature_matrix(rows: list[Any], min_count: int = 2,
                   min_docs: int = 1) -> tuple[list[str], dict[str, int], Any]:
    """The binary feature matrix of `rows` (each with `.features`): the features seen in at least `min_count`
    rows and, above 1, in at least `min_docs` documents (`.source`, `.group`), sorted, their column index, and a
    sparse matrix with one row per row."""
    from scipy.sparse import csr_matrix

    counts = Counter(f for r in rows for f in set(r.features))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    if min_docs > 1:
        seen: dict[tuple[str, str], set[str]] = {}
        for r in rows:
            seen.setdefault((r.source, r.group), set()).update(r.features)
        docs = Counter(f for fs in seen.values() for f in fs)
        vocab = [f for f in vocab if docs[f] >= min_docs]
    index = {f: i for i, f in enumerate(vocab)}
    cols, ptr = [], [0]
    for r in rows:
        cols += sorted({index[f] for f in r.features if f in index})
        ptr.append(len(cols))
    return vocab, index, csr_matrix((np.ones(len(cols)), cols, ptr), shape=(len(rows), len(vocab)))


def dense_stats(rows: list[Row]) -> tuple[np.ndarray, np.ndarray] | None:
    """Mean and scale of the dense features over the rows that have them (None when none has)."""
    have = np.array([r.dense for r in rows if len(r.dense)], dtype=np.float64)
    if not len(have):
        return None
    return have.mean(axis=0), have.std(axis=0) + 1e-3


def dense_matrix(rows: list[Row], mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """The standardised dense features of the rows; a row without them sits at the mean (zeros)."""
    out = np.zeros((len(rows), len(mean)))
    for i, r in enumerate(rows):
        if len(r.dense) == len(mean):
            out[i] = (np.asarray(r.dense) - mean) / scale
    return out
