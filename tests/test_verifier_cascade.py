"""The verifier as a cascade: only candidates whose sparse confidence is unsure are embedded and decided again by a
verifier that reads the sentence embedding; trained and evaluated so no row is scored by a model that saw it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np

from dateline.events.linear import LinearModel
from dateline.model import Article

ROOT = Path(__file__).resolve().parents[1]


def cascade_tools(monkeypatch, tmp_path: Path):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))  # for this test only, as the other tests of tools/ do
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    import verifier_cascade

    return verifier_cascade


def test_only_candidates_in_the_band_are_embedded_and_re_decided() -> None:
    """A refiner that calls everything an assault at 0.99 changes the events whose stage-1 confidence is in its band,
    and no other; without a refiner the coder is the sparse verifier alone."""
    from dateline.events.verify import using_verifier
    from dateline.pipeline import process

    text = "Rebels attacked an army base near Kabul on Monday. The minister met the ambassador in Paris on Tuesday."
    article = Article(id="t", date=dt.date(2021, 5, 3), text=text)
    classes = ("ASSAULT", "CONSULT", "NONE")
    # stage 1: an assault is unsure (0.5 before the identity calibration), a meeting sure (0.88)
    stage1 = LinearModel(classes, {"t=ASSAULT": 0, "t=CONSULT": 1},
                         np.array([[0.0, 0.0], [-9.0, 2.0], [0.0, 0.0]]), np.zeros(3))
    refiner = LinearModel(classes, {}, np.zeros((3, 0)), np.array([6.0, 0.0, 0.0]),
                          dense=(np.zeros((3, 384)), np.zeros(384), np.ones(384)), meta={"band": [0.3, 0.7]})
    with using_verifier(stage1):
        (alone,) = process([article])
    with using_verifier(stage1, refiner):
        (cascade,) = process([article])
    before = {e.evidence.trigger: e for e in alone.events}
    after = {e.evidence.trigger: e for e in cascade.events}
    assert 0.3 <= before["attacked"].confidence < 0.7 and after["attacked"].confidence > 0.99
    assert "refined by the sentence embedding" in after["attacked"].evidence.rule
    assert after["met"].confidence == before["met"].confidence >= 0.7
    assert "refined" not in (after["met"].evidence.rule or "")


def rows_of(count: int) -> list:
    """Labelled rows of 10 documents: a trigger lemma that is an event ("attack") or not ("explode")."""
    from event_sources import Row

    rows = []
    for n in range(count):
        event = n % 2 == 0
        rows.append(Row("gold" if n % 3 else "news", f"doc-{n % 10}", n, "ASSAULT", True,
                        "ASSAULT" if event else "NONE", ["t=ASSAULT", "l=attack" if event else "l=explode"],
                        f"sentence {n}", np.full(384, 1.0 if event else -1.0) + np.random.default_rng(n).normal(
                            0, 0.1, 384)))
    return rows


def test_nested_cv_scores_no_row_with_a_model_that_saw_its_document(monkeypatch, tmp_path: Path) -> None:
    vc = cascade_tools(monkeypatch, tmp_path)
    from train_event_model import document_fold, fit

    rows = rows_of(60)
    folds = [document_fold(r.group) for r in rows]
    seen: list[set[str]] = []

    def recording_fit(part: list) -> LinearModel:
        seen.append({r.group for r in part})
        return fit(part, 1.0, use_dense=False)

    sparse = vc.FoldFits(rows, folds, recording_fit)
    joint = vc.FoldFits(rows, folds, lambda part: fit(part, 1.0, use_dense=True, dense_weight=0.3))
    got = vc.nested_cv(sparse, joint, (0.0, 1.01))
    for trained_on, excluded in zip(seen, sparse.made, strict=True):  # each fit in the order it was made
        assert not trained_on & {r.group for r, f in zip(rows, folds, strict=True) if f in excluded}
    assert all(refined for _, _, refined in got["cascade"])  # a band over everything refines every row
    assert len(sparse.made) == len({f for f in folds}) * (len({f for f in folds}) + 1) // 2  # each fold set once


def test_the_refiner_carries_its_band_and_its_own_calibration(monkeypatch, tmp_path: Path) -> None:
    vc = cascade_tools(monkeypatch, tmp_path)
    from train_event_model import document_fold, fit

    rows = rows_of(60)
    joint = vc.FoldFits(rows, [document_fold(r.group) for r in rows],
                        lambda part: fit(part, 1.0, use_dense=True, dense_weight=0.3))
    refiner = vc.train_refiner(joint, (0.25, 0.6))
    assert refiner.meta["band"] == [0.25, 0.6] and refiner.dense is not None
    assert refiner.calibration != (1.0, 0.0)


def test_a_run_without_the_cascade_removes_an_old_refiner(monkeypatch, tmp_path: Path) -> None:
    vc = cascade_tools(monkeypatch, tmp_path)
    from dateline.events import linear
    from dateline.events.verify import FEATURE_VERSION, REFINER_NAME

    model = LinearModel(("ASSAULT", "NONE"), {"t=ASSAULT": 0}, np.zeros((2, 1)), np.zeros(2))
    linear.write_model(replace(model, meta={}), tmp_path, REFINER_NAME, FEATURE_VERSION, {"band": [0.2, 0.6]})
    assert linear.installed_model(tmp_path, REFINER_NAME, FEATURE_VERSION) is not None
    vc.remove_refiner(tmp_path)
    assert linear.installed_model(tmp_path, REFINER_NAME, FEATURE_VERSION) is None


def test_cascade_decision_takes_the_refiners_reading_inside_the_band_only(monkeypatch, tmp_path: Path) -> None:
    vc = cascade_tools(monkeypatch, tmp_path)
    identity = ((1.0, 0.0), (1.0, 0.0))
    kind, confidence, refined = vc.cascade_decision(("ASSAULT", 0.4), ("COERCE", 0.9), identity, (0.2, 0.65))
    assert (kind, round(confidence, 6), refined) == ("COERCE", 0.9, True)
    assert vc.cascade_decision(("ASSAULT", 0.8), ("COERCE", 0.9), identity, (0.2, 0.65))[2] is False
