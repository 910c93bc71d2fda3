"""The verifier's training recipe: rows of a source whose labels are selected positives teach types, not
"event or no event"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def row(source: str, n: int, label: str, features: list[str]) -> Any:
    from event_sources import Row

    return Row(source, f"{source}-{n}", 0, "PROTEST", True, label, ["t=PROTEST", *features])


def pull(model, feature: str) -> float:
    """How much `feature` moves a candidate towards PROTEST against no event."""
    i = model.vocabulary[feature]
    return float(model.coef[model.classes.index("PROTEST"), i] - model.coef[model.classes.index("NONE"), i])


def test_a_word_common_only_in_selected_positives_does_not_pass_for_evidence_of_an_event(monkeypatch) -> None:
    """NGEC keeps only the candidates its story label confirms, so all its rows are events; a word in a third of
    its leads ("rally") and never in the gold articles looks like proof of an event. Within the gold articles,
    where both labels occur, "crowd" decides. Marked by source while fitting, the selection is taken up by the
    mark: "rally" pulls far less towards an event than unmarked (the default), "crowd" no less, and no mark
    reaches the model."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))  # for this test only, as the other tests of tools/ do
    import train_event_model
    from train_event_model import SELECTED_SOURCES, SOURCE_MARK, fit

    rows = [row("ngec", n, "PROTEST", [["w=rally"], ["w=crowd"], []][n % 3]) for n in range(90)]
    rows += [row("gold", n, "PROTEST" if n % 2 else "NONE", ["w=crowd"] if n % 2 else ["w=street"])
             for n in range(40)]
    unmarked = fit(rows)
    monkeypatch.setattr(train_event_model, "MARKED", set(SELECTED_SOURCES))
    marked = fit(rows)
    assert pull(marked, "w=rally") < 0.75 * pull(unmarked, "w=rally")
    assert pull(marked, "w=crowd") >= pull(unmarked, "w=crowd")
    assert not any(f.startswith(SOURCE_MARK) for f in marked.vocabulary)


def test_the_calibration_is_fitted_on_every_whole_article_source_trained_on(monkeypatch) -> None:
    """Hand-labelled news joins the gold articles in the calibration and in its folds, without moving any gold
    article to another fold; a source labelled otherwise (RAMS) never enters the calibration."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from train_event_model import calibration_pairs, gold_folds, whole_article_folds

    gold = [row("gold", n, "PROTEST" if n % 2 else "NONE", ["w=a"]) for n in range(10)]
    news = [row("news", n, "NONE", ["w=b"]) for n in range(10)]
    rams = [row("rams", n, "PROTEST", ["w=c"]) for n in range(10)]
    alone = whole_article_folds(gold + rams)
    both = whole_article_folds(gold + news + rams)
    assert [{d for s, d in fold if s == "gold"} for fold in both] == [set(f) for f in gold_folds(gold)]
    assert all({s for s, _ in fold} == {"gold"} for fold in alone)
    assert sorted(d for fold in both for s, d in fold if s == "news") == sorted(r.group for r in news)
    oof = {r.key: {"PROTEST": 0.6, "NONE": 0.4} for r in gold + news + rams}
    scores, right = calibration_pairs(gold + news + rams, oof)
    assert len(scores) == 20 and sum(right) == 5  # gold's five protests right; news and gold NONEs wrong
    held = both[0]
    kept, _ = calibration_pairs(gold + news + rams, oof, held)
    assert len(kept) == 20 - len(held)
