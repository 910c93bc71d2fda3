"""The one trainer of the verifier and the detector (`tools/linear_fit.py`), apart from either trainer's recipe."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_binary_fit_holds_a_row_per_class_and_a_marking_column_comes_back_out(monkeypatch) -> None:
    """Two labels give a model with one weight row per class (the two opposite); a column named by a prefix is taken
    out and the vocabulary numbered again in order; the probabilities come back by class name and sum to one; rows of
    one label give a model that always says NONE; both trainers fit with this one function."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_event_detector
    import train_event_model
    from event_sources import Row
    from linear_fit import fit_linear, predict, without_features

    def row(n: int, label: str, features: list[str]) -> Row:
        return Row("gold", f"doc-{n}", 0, "PROTEST", True, label, features)

    rows = [row(n, "PROTEST" if n % 2 else "NONE", ["w=crowd", "source=x"] if n % 2 else ["w=quiet"])
            for n in range(20)]
    model = fit_linear(rows, 1.0, {"gold": 1.0})
    assert model.classes == ("NONE", "PROTEST") and model.coef.shape == (2, 3)
    assert (model.coef[0] == -model.coef[1]).all()
    plain = without_features(model, "source=")
    assert plain.vocabulary == {"w=crowd": 0, "w=quiet": 1}
    assert (plain.coef[:, 0] == model.coef[:, model.vocabulary["w=crowd"]]).all()
    (crowd, quiet) = predict(plain, [row(0, "NONE", ["w=crowd"]), row(1, "NONE", ["w=quiet"])])
    assert abs(sum(crowd.values()) - 1) < 1e-9 and crowd["PROTEST"] > 0.5 > quiet["PROTEST"]
    assert fit_linear(rows[:1], 1.0, {}).classes == ("NONE",)
    assert train_event_model.fit_linear is fit_linear is train_event_detector.fit_linear
