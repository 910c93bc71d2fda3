"""The verifier's training recipe: rows of a source whose labels are selected positives teach types, not
"event or no event"."""

from __future__ import annotations

import argparse
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
    article to another fold; a source labelled otherwise (RAMS) never enters the calibration (`--calibrate-on all`)."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_event_model
    from train_event_model import calibration_pairs, gold_folds, whole_article_folds

    monkeypatch.setattr(train_event_model, "CALIBRATE_ON", "all")

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


def test_the_calibration_can_be_fitted_on_the_news_or_on_its_rounds_kept_out_of_rule_work(monkeypatch) -> None:
    """`--calibrate-on news` fits the map on the hand-labelled news alone, `cold` on the articles of the rounds
    drawn to calibrate on (`news_candidates.cold_articles`); by default on every whole-article row. Here the gold
    rows are all right, the older news half right and the cold news none, so each choice counts its own."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    import train_event_model as tm

    monkeypatch.setattr(news_candidates, "cold_articles", lambda: {f"news-{n}" for n in range(10, 20)})
    gold = [row("gold", n, "PROTEST", ["w=a"]) for n in range(10)]
    news = [row("news", n, "PROTEST" if n < 10 and n % 2 else "NONE", ["w=b"]) for n in range(20)]
    oof = {r.key: {"PROTEST": 0.6, "NONE": 0.4} for r in gold + news}
    got = {}
    for choice in ("all", "news", "cold"):
        monkeypatch.setattr(tm, "CALIBRATE_ON", choice)
        scores, right = tm.calibration_pairs(gold + news, oof)
        got[choice] = (len(scores), sum(right))
    assert got == {"all": (30, 15), "news": (20, 5), "cold": (10, 0)}


def test_the_cold_articles_are_those_of_the_rounds_kept_out_of_rule_work(tmp_path: Path, monkeypatch) -> None:
    import json

    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import cold_articles

    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(x) + "\n" for x in ({"article": "a"}, {"article": "b", "round": 3},
                                                               {"article": "c", "round": 4})), encoding="utf-8")
    assert cold_articles(labels) == {"c"}


def test_a_gold_candidate_beside_a_gold_fact_off_its_words_is_kept_as_beside(monkeypatch) -> None:
    """A candidate of another type in a sentence whose gold fact stands on other words is no gold event there: it is
    kept (BESIDE), not left out, so the calibration sees it wrong; on the fact's own words it is re-typed, and in a
    sentence with no gold fact it is NONE."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from dateline.model import Event, Evidence
    from event_sources import BESIDE, GoldSpan, _gold_labeller

    text = "The envoy praised the talks as officials in the capital arrested two reporters."
    arrested = text.index("arrested")
    label = _gold_labeller([GoldSpan(0, len(text), "COERCE", "fact", (arrested, arrested + 8))])

    def candidate(kind: str, word: str) -> Event:
        at = text.index(word)
        return Event(id=word, type=kind, evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word,
                                                           trigger_start=at, trigger_end=at + len(word)))

    assert label(candidate("SUPPORT", "praised")) == BESIDE
    assert label(candidate("ASSAULT", "arrested")) == "COERCE"
    assert label(candidate("COERCE", "arrested")) == "COERCE"
    assert _gold_labeller([])(candidate("SUPPORT", "praised")) == "NONE"


def test_beside_rows_are_weak_negatives_in_the_fit_and_wrong_in_the_calibration(monkeypatch) -> None:
    """BESIDE rows teach "no event" at BESIDE_WEIGHT of a gold row (none at 0), and enter the calibration pairs as
    wrong whatever type the verifier decides; `calibrated` leaves them out of its pairs unless BESIDE_IN_CALIBRATION
    (a Platt map fitted with them sits lower)."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_event_model
    from event_sources import BESIDE
    from train_event_model import as_fitted, calibration_pairs, fit

    monkeypatch.setattr(train_event_model, "CALIBRATE_ON", "all")  # the rows are gold's

    rows = [row("gold", n, "PROTEST", ["w=crowd"]) for n in range(20)]
    rows += [row("gold", 20 + n, BESIDE, ["w=crowd", "w=aside"]) for n in range(20)]
    rows += [row("gold", 40 + n, "NONE", ["w=quiet"]) for n in range(20)]
    monkeypatch.setattr(train_event_model, "BESIDE_WEIGHT", 0.3)
    assert {r.label for r in as_fitted(rows)} == {"PROTEST", "NONE"}
    weak = fit(rows)
    monkeypatch.setattr(train_event_model, "BESIDE_WEIGHT", 1.0)
    strong = fit(rows)
    monkeypatch.setattr(train_event_model, "BESIDE_WEIGHT", 0.0)
    none = fit(rows)
    assert len(as_fitted(rows)) == 40 and "w=aside" not in none.vocabulary
    assert pull(strong, "w=aside") < pull(weak, "w=aside") < 0
    oof = {r.key: {"PROTEST": 0.7, "NONE": 0.3} for r in rows}
    scores, right = calibration_pairs(rows, oof)
    assert len(scores) == 60 and sum(right) == 20
    oof = {r.key: {"PROTEST": 0.2 + 0.6 * (n % 2), "NONE": 0.8 - 0.6 * (n % 2)} for n, r in enumerate(rows)}
    monkeypatch.setattr(train_event_model, "CALIBRATION_MAP", "platt")
    monkeypatch.setattr(train_event_model, "BESIDE_IN_CALIBRATION", False)
    without = train_event_model.calibrated(weak, rows, oof)
    monkeypatch.setattr(train_event_model, "BESIDE_IN_CALIBRATION", True)
    with_beside = train_event_model.calibrated(weak, rows, oof)
    assert with_beside.calibrated(0.8) < without.calibrated(0.8)


def test_the_isotonic_calibration_follows_a_flat_middle_band_that_platt_scaling_cannot(monkeypatch,
                                                                                         tmp_path: Path) -> None:
    """Candidates scored 0.2 to 0.6 that are all right about as often (0.4): the isotonic map reads that band at
    about 0.4 at both ends, a sigmoid of the log-odds does not; the map is monotone, written with the model and
    read back the same."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import numpy as np

    from dateline.events import linear
    from dateline.events.linear import LinearModel
    from verifier_figures import isotonic_knots, platt

    rng = np.random.default_rng(7)
    scores = list(rng.uniform(0.0, 0.2, 200)) + list(rng.uniform(0.2, 0.6, 400)) + list(rng.uniform(0.6, 1.0, 200))
    right = [bool(rng.random() < (0.05 if s < 0.2 else 0.4 if s < 0.6 else 0.9)) for s in scores]
    knots = isotonic_knots(scores, right)
    model = LinearModel(("NONE",), {}, np.zeros((1, 0)), np.zeros(1), calibration_knots=knots)
    a, b = platt(scores, right)
    sigmoid = LinearModel(("NONE",), {}, np.zeros((1, 0)), np.zeros(1), calibration=(a, b))
    assert abs(model.calibrated(0.25) - 0.4) < 0.08 and abs(model.calibrated(0.55) - 0.4) < 0.08
    assert abs(sigmoid.calibrated(0.25) - 0.4) > 0.08 or abs(sigmoid.calibrated(0.55) - 0.4) > 0.08
    values = [model.calibrated(x) for x in np.linspace(0, 1, 101)]
    assert values == sorted(values)
    linear.write_model(model, tmp_path, "event_verifier", 1, {})
    again = linear.read_model(tmp_path, "event_verifier", 1)
    assert again.calibration_knots == knots and again.calibrated(0.55) == model.calibrated(0.55)


def test_the_beside_recipe_options_are_flags_and_a_negative_weight_is_refused() -> None:
    import subprocess
    import sys

    script = str(Path(__file__).resolve().parents[1] / "tools" / "train_event_model.py")
    run = subprocess.run([sys.executable, script, "--gold", "g", "--dev", "d", "--beside-weight", "-0.5"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "--beside-weight must be 0 or more (got -0.5)" in run.stderr
    run = subprocess.run([sys.executable, script, "--help"], capture_output=True, text=True, check=True)
    assert "--beside-in-calibration" in run.stdout and "{platt,isotonic}" in run.stdout


def test_the_events_benchmark_cross_validates_the_recipe_its_flags_name(monkeypatch) -> None:
    """`benchmarks/events.py` takes the trainer's recipe flags and puts them in force for its per-fold verifiers
    (the same module constants `fit` and `calibrated` read): with `--beside-weight 0.3 --beside-in-calibration
    --calibration-map isotonic`, BESIDE rows are fitted as weak NONE and each fold's calibration is an isotonic map
    with them among its pairs; the recipe is printed with the figures, and a negative weight is refused."""
    import pytest

    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import train_event_model
    from event_sources import BESIDE

    for name in ("BESIDE_WEIGHT", "BESIDE_IN_CALIBRATION", "CALIBRATION_MAP", "CALIBRATE_ON", "C", "MIN_DOCS"):
        monkeypatch.setattr(train_event_model, name, getattr(train_event_model, name))  # restored afterwards
    import events

    parser, trainer = events.build_parser()
    assert trainer is train_event_model
    args = parser.parse_args(["--beside-weight", "0.3", "--beside-in-calibration", "--calibration-map", "isotonic",
                              "--calibrate-on", "all", "--news", "0"])
    assert trainer.set_recipe(parser, args) == {"beside_weight": 0.3, "beside_in_calibration": True,
                                                "calibration_map": "isotonic", "calibrate_on": "all", "c": 0.3,
                                                "min_docs": 1, "row_kind": "groups"}
    rows = [row("gold", n, "PROTEST", ["w=crowd"]) for n in range(20)]
    rows += [row("gold", 20 + n, BESIDE, ["w=crowd", "w=aside"]) for n in range(20)]
    rows += [row("gold", 40 + n, "NONE", ["w=quiet"]) for n in range(20)]
    assert len(train_event_model.as_fitted(rows)) == 60
    model = train_event_model.fit(rows)
    assert pull(model, "w=aside") < 0
    oof = {r.key: {"PROTEST": 0.2 + 0.6 * (n % 2), "NONE": 0.8 - 0.6 * (n % 2)} for n, r in enumerate(rows)}
    cal = train_event_model.calibrated(model, rows, oof)
    assert cal.calibration_knots and abs(cal.calibrated(0.8) - 1 / 3) < 0.05  # 10 right of 30, BESIDE counted
    with pytest.raises(SystemExit):
        trainer.set_recipe(parser, parser.parse_args(["--beside-weight", "-1"]))


def test_a_feature_seen_in_one_document_only_is_left_out_at_min_docs_two(monkeypatch) -> None:
    """A word of one story (here the subject's name, in four candidates of one article) passes the row count but
    fits only that article's labels; with `--min-docs 2` it is no column, while a word of two articles stays."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from fit_matrix import feature_matrix

    rows = [row("gold", 0, "PROTEST", ["subj=marta", "w=crowd"]) for _ in range(4)]
    rows += [row("gold", 1, "NONE", ["w=crowd"]), row("news", 1, "NONE", ["w=quiet"])]
    every, _, _ = feature_matrix(rows, 2)
    kept, index, x = feature_matrix(rows, 2, min_docs=2)
    assert "subj=marta" in every and "subj=marta" not in kept
    assert "w=crowd" in kept and x.shape == (6, len(kept))
    assert x[4, index["w=crowd"]] == 1


def test_the_l2_strength_and_document_count_flags_reach_every_fit(monkeypatch) -> None:
    """`--c` and `--min-docs` are recipe flags like the BESIDE ones: set once, every later `fit` (the fold
    verifiers of `benchmarks/events.py` call it with no C) uses them, so the CV judges the recipe that ships."""
    import pytest

    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_event_model

    for name in ("C", "MIN_DOCS"):
        monkeypatch.setattr(train_event_model, name, getattr(train_event_model, name))
    parser = argparse.ArgumentParser()
    train_event_model.add_recipe_options(parser)
    rows = [row("gold", n // 3, "PROTEST" if n % 2 else "NONE", ["w=crowd"] if n % 2 else ["w=street"])
            for n in range(30)]
    rows += [row("gold", 100, "PROTEST", ["subj=marta"]), row("gold", 100, "PROTEST", ["subj=marta"])]
    loose = train_event_model.fit(rows)
    recipe = train_event_model.set_recipe(parser, parser.parse_args(["--c", "0.05", "--min-docs", "2"]))
    assert recipe["c"] == 0.05 and recipe["min_docs"] == 2
    tight = train_event_model.fit(rows)
    assert "subj=marta" in loose.vocabulary and "subj=marta" not in tight.vocabulary
    assert 0 < pull(tight, "w=crowd") < pull(loose, "w=crowd")
    with pytest.raises(SystemExit):
        train_event_model.set_recipe(parser, parser.parse_args(["--c", "0"]))


def test_the_recipe_screen_reads_its_recipes_and_counts_what_the_default_view_shows(monkeypatch) -> None:
    """`tools/recipe_cv.py` takes recipes as `key=value` lists (an unknown key is refused, not ignored) and counts,
    of (confidence, right) pairs, those at or above the default view and how many of them are right."""
    import pytest

    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from recipe_cv import figures, parse_recipe

    assert parse_recipe("c=0.1,min_docs=3") == {"c": 0.1, "min_docs": 3.0}
    assert parse_recipe("") == {}
    with pytest.raises(SystemExit):
        parse_recipe("alpha=2")
    assert parse_recipe("calibrate_on=cold,c=0.1") == {"calibrate_on": "cold", "c": 0.1}
    with pytest.raises(SystemExit):
        parse_recipe("calibrate_on=gold")
    got = figures([(0.9, True), (0.5, False), (0.36, True), (0.2, False), (0.1, True)])
    assert (got["shown"], got["shown_right"], got["precision"]) == (3, 2, 0.667)
    assert got["right"] == 3 and 0 < got["auc"] < 1


def test_the_recipe_screen_gives_the_held_out_figures_by_round_and_for_the_earlier_rounds_together(
        monkeypatch) -> None:
    """Round 4's held-out rows are judged alone and with every round; rounds 1-3 together stay comparable."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import recipe_cv

    monkeypatch.setattr(recipe_cv, "read_labels", lambda: [{"article": "news-0"}, {"article": "news-1", "round": 3},
                                                           {"article": "news-2", "round": 4}])
    monkeypatch.setattr(recipe_cv, "scored", lambda model, rows: [(0.9, r.label == "PROTEST") for r in rows])
    held = [row("news", n % 3, "PROTEST" if n < 4 else "NONE", []) for n in range(9)]
    got = recipe_cv.heldout_figures(None, held)
    assert {k: (v["n"], v["right"]) for k, v in got.items()} == {
        "news_heldout": (9, 4), "news_heldout_rounds1to3": (6, 3), "news_heldout_round1": (3, 2),
        "news_heldout_round3": (3, 1), "news_heldout_round4": (3, 1)}


def test_the_shipped_recipe_fits_its_map_on_the_news_alone(monkeypatch) -> None:
    """The default the shipped verifier was trained with (eighteenth session): the map is fitted on the hand-labelled
    news, not on the gold articles the rules were written from; the shipped model's metadata says so too."""
    import argparse
    import json

    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_event_model

    parser = argparse.ArgumentParser()
    train_event_model.add_recipe_options(parser)
    assert parser.parse_args([]).calibrate_on == "news"
    shipped = json.loads((ROOT / "src/dateline/data/models/event_verifier.json").read_text())
    assert shipped["calibrate_on"] == "news"
