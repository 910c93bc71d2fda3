"""The one model class of the learned event decisions: a sparse-plus-dense linear classifier over classes.

The detector (`events.detect`: which untriggered verb or noun reports a PLOVER event) and the verifier
(`events.verify`: what a candidate really reports, and how sure) are the same kind of model: a
multinomial logistic regression over named binary features (lemmas, syntax, the lexicon's rules) and,
optionally, a few dense numbers per row (the parser's context vectors, standardised with the training
mean and scale). One class reads, checks and scores both, so there is one load path and one hash check.

A model is two plain files, `<name>.npz` (coefficients, float32, read with `allow_pickle=False`) and
`<name>.json` (format, role, feature version, classes, vocabulary, the weights' SHA-256, the decision
settings and the figures of the run that wrote it): no pickle, no scikit-learn at run time.
"""

from __future__ import annotations

import hashlib
import json
import math
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "dateline-linear-model/1"
DENSE_KEYS = ("dense_coef", "dense_mean", "dense_scale")
#: The time stamp of every member of a written `.npz`: a fixed one, so the same weights give the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class LinearModel:
    """Classes, the sparse vocabulary and weights, optional dense weights, and the decision settings.

    `threshold` is the probability a detector proposal needs; `calibration` the Platt scaling (a, b) of a
    verifier's log-odds; `calibration_knots`, when given, a monotone map of the probability instead: (probability,
    share right) points fitted by isotonic regression, read between them by straight lines (a sigmoid of the log-odds
    could not follow a verifier whose middle band is right about equally often); `dense` the dense features'
    weights (classes, width) with their mean and scale.
    """

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    threshold: float = 0.5
    calibration: tuple[float, float] = (1.0, 0.0)
    calibration_knots: tuple[tuple[float, float], ...] = ()
    dense: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def probabilities_of_many(self, feature_lists: list[list[str]],
                              dense_rows: list[np.ndarray | None] | None = None) -> np.ndarray:
        """Class probabilities (in `classes` order) of many rows at once, one gather for all.

        A row whose dense features are missing or of another width (another spaCy pipeline) sits at the
        training mean: its dense part adds nothing.
        """
        # each feature once, in column order: the sums then come out the same whatever order the features were
        # listed in (a set's order follows the hash seed, and so would the last bits of every probability)
        rows = [_columns(fs, self.vocabulary) for fs in feature_lists]
        scores = np.empty((len(rows), len(self.intercept)))
        scores[:] = self.intercept
        present = [n for n, idx in enumerate(rows) if idx]
        if present:
            flat = [i for n in present for i in rows[n]]
            starts = np.cumsum([0] + [len(rows[n]) for n in present[:-1]])
            scores[present] += np.add.reduceat(self._weights_by_feature[flat], starts, axis=0)
        if self.dense is not None and dense_rows is not None:
            scores += self._dense_scores(dense_rows)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    @cached_property
    def _weights_by_feature(self) -> np.ndarray:
        """The weights as (features, classes) in row order: a row's weights are then gathered from one stretch of
        memory, not strided across the classes (the same numbers, so the same sums)."""
        return np.ascontiguousarray(self.coef.T)

    def _dense_scores(self, dense_rows: list[np.ndarray | None]) -> np.ndarray:
        coef, mean, scale = self.dense  # type: ignore[misc]
        standard = np.zeros((len(dense_rows), len(mean)))
        for n, row in enumerate(dense_rows):
            if row is not None and len(row) == len(mean):
                standard[n] = (np.asarray(row, dtype=np.float64) - mean) / scale
        return standard @ coef.T

    def probabilities(self, features: list[str], dense: np.ndarray | None = None) -> dict[str, float]:
        """The probability of each class for one row, by class name."""
        probs = self.probabilities_of_many([features], [dense])[0]
        return dict(zip(self.classes, (float(p) for p in probs), strict=True))

    def calibrated(self, probability: float) -> float:
        """A probability after the model's calibration: its knots when it has them, else its Platt scaling
        (identity when none was fitted)."""
        if self.calibration_knots:
            xs, ys = zip(*self.calibration_knots, strict=True)
            return float(np.interp(probability, xs, ys))
        p = min(max(probability, 1e-6), 1 - 1e-6)
        a, b = self.calibration
        return 1.0 / (1.0 + math.exp(-(a * math.log(p / (1 - p)) + b)))

    def top_features(self, features: list[str], type_name: str, n: int = 3) -> list[tuple[str, float]]:
        """The row's features that pull most towards `type_name` against NONE: what `dateline show` cites."""
        if type_name not in self.classes:
            return []
        weights = self._pulls_towards(self.classes.index(type_name))
        pulls = [(name, weights[i]) for name in sorted(set(features)) if (i := self.vocabulary.get(name)) is not None]
        return sorted(pulls, key=lambda p: (-round(p[1], 6), p[0]))[:n]

    def _pulls_towards(self, row: int) -> list[float]:
        """Every feature's weight for class `row` less its weight for NONE, as Python floats, made once a class: read
        one by one from the arrays, each feature cost a numpy scalar or two (the same differences, so the same
        numbers)."""
        made = self._pulls_by_class
        if row not in made:
            base = self.classes.index("NONE") if "NONE" in self.classes else None
            made[row] = (self.coef[row] - self.coef[base] if base is not None else self.coef[row] - 0.0).tolist()
        return made[row]

    @cached_property
    def _pulls_by_class(self) -> dict[int, list[float]]:
        return {}


def _columns(features: list[str], vocabulary: dict[str, int]) -> list[int]:
    """The vocabulary columns of a row's known features, each once, in ascending order."""
    columns = set(map(vocabulary.get, features))
    columns.discard(None)
    return sorted(columns)  # type: ignore[type-var]


def model_files(folder: Path, name: str) -> tuple[Path, Path]:
    """The metadata (JSON) and weights (npz) files of model `name` in `folder`."""
    return folder / f"{name}.json", folder / f"{name}.npz"


def installed_model(folder: Path, name: str, feature_version: int) -> LinearModel | None:
    """Model `name` of `folder`, read and checked; None when its files are not installed (a shipped model is
    optional: without it the coder falls back to the lexicon)."""
    if not all(p.exists() for p in model_files(folder, name)):
        return None
    return read_model(folder, name, feature_version)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, recorded in the metadata so a stale weights file is noticed."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_model(folder: Path, name: str, feature_version: int) -> LinearModel:
    """Read and check a model: format, role (its name), feature version and the weights' hash must match."""
    meta_path, weights_path = model_files(folder, name)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if (meta.get("format"), meta.get("name"), meta.get("feature_version")) != (FORMAT, name, feature_version):
        raise ValueError(f"{meta_path}: not a {name} model for feature version {feature_version}; retrain it "
                         "(data/models/SOURCE.md says how)")
    if file_sha256(weights_path) != meta["weights_sha256"]:
        raise ValueError(f"{weights_path}: hash differs from {meta_path.name}; retrain or restore both files")
    with np.load(weights_path, allow_pickle=False) as weights:
        coef, intercept = weights["coef"].astype(np.float64), weights["intercept"].astype(np.float64)
        dense = (tuple(weights[k].astype(np.float64) for k in DENSE_KEYS)
                 if DENSE_KEYS[0] in weights.files else None)
    vocabulary = {feature: i for i, feature in enumerate(meta["vocabulary"])}
    if coef.shape != (len(meta["classes"]), len(vocabulary)):
        raise ValueError(f"{weights_path}: weights of shape {coef.shape} do not fit the vocabulary of "
                         f"{meta_path.name}; retrain or restore both files")
    a, b = meta.get("calibration", (1.0, 0.0))
    knots = tuple((float(x), float(y)) for x, y in meta.get("calibration_knots", ()))
    return LinearModel(tuple(meta["classes"]), vocabulary, coef, intercept, float(meta.get("threshold", 0.5)),
                       (float(a), float(b)), knots, dense, meta)  # type: ignore[arg-type]


def write_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Arrays as an `.npz` that `numpy.load` reads, byte for byte the same for the same arrays.

    `numpy.savez_compressed` stamps each member with the time of writing, so two runs of a training script
    that learn the same weights would still write different files (and hashes); here every member has
    the zip format's first date and the members come in the order given."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(member, "w", force_zip64=True) as fh:
                np.lib.format.write_array(fh, np.ascontiguousarray(array), allow_pickle=False)


def write_model(model: LinearModel, folder: Path, name: str, feature_version: int, meta: dict[str, Any]) -> None:
    """Write the weights (npz, float32) and the metadata (JSON) with the weights' hash."""
    folder.mkdir(parents=True, exist_ok=True)
    meta_path, weights_path = model_files(folder, name)
    vocab = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    dense = {} if model.dense is None else {k: a.astype(np.float32) for k, a in zip(DENSE_KEYS, model.dense,
                                                                                    strict=True)}
    write_arrays(weights_path, {"coef": model.coef.astype(np.float32),
                                "intercept": model.intercept.astype(np.float32), **dense})
    head = {"format": FORMAT, "name": name, "feature_version": feature_version, "classes": list(model.classes),
            "threshold": model.threshold, "calibration": list(model.calibration),
            **({"calibration_knots": [list(k) for k in model.calibration_knots]} if model.calibration_knots else {}),
            "weights_sha256": file_sha256(weights_path)}
    meta_path.write_text(json.dumps({**head, **meta, "vocabulary": vocab}, indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
