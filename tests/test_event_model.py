"""The event verifier: non-political happenings give no shown event, political acts keep their type,
the shipped model is plain data that is checked when read, and the training script still runs."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dateline import cli, timeline
from dateline.events import linear
from dateline.events.linear import LinearModel
from dateline.events.verify import (
    DEFAULT_MIN_CONFIDENCE,
    MODEL_DIR,
    MODEL_NAME,
    candidate_features,
    load_model,
    read_model,
    unverified,
)
from dateline.model import Article
from dateline.pipeline import process

ROOT = Path(__file__).resolve().parents[1]


def shown(text: str) -> list[tuple[str, float]]:
    """The factual events of a one-paragraph article shown by default (at or above the default view's threshold)."""
    (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3), text=text)])
    return [(e.type, e.confidence) for e in doc.events
            if not e.negated and not e.hypothetical and e.confidence >= DEFAULT_MIN_CONFIDENCE]


@pytest.mark.parametrize("text", [
    "A storage tank at the chemical plant outside the town exploded on Sunday, killing three workers "
    "and injuring dozens, the fire department said.",
    "A magnitude 6.8 earthquake struck the coastal province on Tuesday, destroying hundreds of homes "
    "and killing at least 27 people.",
    "Barcelona beat Real Madrid 3-1 on Saturday, with the striker scoring twice in the second half "
    "to crush their rivals.",
    "The carmaker said quarterly profit rose 12 percent as sales in China recovered, and its shares "
    "jumped 4 percent in early trading.",
])
def test_non_political_happenings_give_no_event(text: str) -> None:
    assert shown(text) == []


def test_police_arrest_is_coerce() -> None:
    got = shown("Police in Lagos arrested twelve opposition activists on Monday during a rally "
                "against the government, a police spokesman said.")
    assert "COERCE" in {t for t, _ in got}


def test_rebel_attack_is_assault() -> None:
    got = shown("Taliban fighters attacked an army checkpoint in Helmand province on Friday, killing "
                "five Afghan soldiers, the defence ministry said.")
    assert "ASSAULT" in {t for t, _ in got}


def test_confidence_is_the_verifiers_probability() -> None:
    (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3),
                              text="Taliban fighters attacked an army checkpoint in Helmand province on Friday.")])
    assert doc.events and all("verifier: P(" in e.evidence.rule for e in doc.events)
    assert all(0.0 < e.confidence < 1.0 for e in doc.events)


def test_shipped_model_is_plain_checked_data() -> None:
    meta_path, weights_path = linear.model_files(MODEL_DIR, MODEL_NAME)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["format"] == linear.FORMAT and meta["name"] == MODEL_NAME
    assert meta["weights_sha256"] == linear.file_sha256(weights_path)
    assert "NONE" in meta["classes"] and "ASSAULT" in meta["classes"]
    model = load_model()
    assert model is not None and model.coef.shape == (len(meta["classes"]), len(meta["vocabulary"]))
    assert (MODEL_DIR / "SOURCE.md").exists()


def test_a_changed_weights_file_is_refused(tmp_path: Path) -> None:
    meta_path, weights_path = linear.model_files(MODEL_DIR, MODEL_NAME)
    shutil.copy(meta_path, tmp_path / meta_path.name)
    (tmp_path / weights_path.name).write_bytes(weights_path.read_bytes() + b"\0")
    with pytest.raises(ValueError, match="hash"):
        read_model(tmp_path)


ARTICLES = [
    ("a1", "Rebels attacked a police station in the north on Monday, killing two officers. "
           "A man shot his neighbour in a row over parking on Monday, injuring him."),
    ("a2", "Police arrested ten protesters in the capital on Tuesday. "
           "Thieves attacked a jewellery shop in the mountain villages on Tuesday."),
]


def _tiny_gold(folder: Path) -> None:
    folder.mkdir()
    lines, gold = [], []
    for aid, text in ARTICLES:
        lines.append(json.dumps({"id": aid, "date": "2020-03-02", "text": text, "source": "test"}))
        first = text.split(". ")[0] + "."
        kind = "ASSAULT" if aid == "a1" else "COERCE"
        gold.append({"id": aid, "events": [{"sentence": first, "type": kind, "status": "fact"}]})
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


def _train_tiny(tmp_path: Path, run_name: str, hash_seed: str, *options: str) -> Path:
    """Run the training script on the tiny sample under a hash seed, in the test's cache; the model folder."""
    env = {**os.environ, "DATELINE_CACHE": str(tmp_path / "cache"), "PYTHONHASHSEED": hash_seed}
    out = tmp_path / f"model-{run_name}"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "train_event_model.py"), "--gold",
                          str(tmp_path / "gold"), "--dev", str(tmp_path / "dev"), "--out", str(out), *options],
                         capture_output=True, text=True, env=env, check=False)
    assert run.returncode == 0, run.stderr
    return out


def test_training_script_runs_on_a_tiny_sample_and_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    """One command writes both models; a second run under another hash seed (set orders differ) that parses and
    labels everything again (`--refresh`) builds the same rows and fits the same weights: every file is the
    same, byte for byte."""
    _tiny_gold(tmp_path / "gold")
    (tmp_path / "dev").mkdir()
    first, second = _train_tiny(tmp_path, "a", "1"), _train_tiny(tmp_path, "b", "2", "--refresh")
    model = read_model(first)
    assert "NONE" in model.classes and len(model.vocabulary) > 5
    assert model.dense is None  # sentence embeddings only with --embeddings
    assert "gold" in model.meta["report"]["cv_by_source"]
    view = model.meta["view"]  # the default view, chosen by the same run's cross-validation (tools/model_view.py)
    assert view["min_confidence"] == view["at_view"]["threshold"] and 0 < view["min_confidence"] < 1
    names = sorted(p.name for p in first.iterdir())
    assert names == ["event_detector.json", "event_detector.npz", "event_verifier.json", "event_verifier.npz"]
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def _raw_events(text: str) -> tuple[Any, list[Any]]:
    """The lexicon's candidate events of a one-sentence article (verifier off), with the parse."""
    with unverified():
        (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3), text=text)])
    return doc.parsed, doc.events


def test_parties_are_placed_in_the_parse_and_the_lexicon_prior_is_a_feature() -> None:
    parsed, events = _raw_events("Israel may attack Hamas positions in Gaza, the minister said.")
    features = candidate_features(events[0], parsed)
    assert "a_path=nsubj" in features
    assert "status=hypothetical" in features
    assert any(f.startswith("lexconf=") for f in features)


def test_a_dense_verifier_reads_the_embedding_of_each_candidates_sentence() -> None:
    """Candidates of one sentence share its embedding; a verifier with a dense block scores them by it."""
    from dateline.events.verify import sentence_embeddings, using_verifier

    text = "Rebels attacked an army base near Kabul on Monday and seized its commander."
    _, events = _raw_events(text)
    vectors = sentence_embeddings(events)
    assert len(vectors) == len(events) >= 2 and vectors[0].shape == (384,)
    assert all(np.array_equal(v, vectors[0]) for v in vectors)
    model = LinearModel(("ASSAULT", "NONE"), {}, np.zeros((2, 0)), np.zeros(2),
                        dense=(np.vstack([vectors[0] * 5, np.zeros(384)]), np.zeros(384), np.ones(384)))
    with using_verifier(model):
        (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3), text=text)])
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults and all(e.confidence > 0.9 for e in assaults)  # zero weights alone give 0.5


def test_missing_parser_vectors_count_as_the_training_mean() -> None:
    mean = np.array([0.5, -1.0])
    model = LinearModel(("ASSAULT", "NONE"), {"l=attack": 0}, np.array([[1.0], [0.0]]), np.zeros(2),
                        dense=(np.array([[2.0, 0.0], [0.0, 0.0]]), mean, np.ones(2)))
    at_mean = model.probabilities(["l=attack"], mean)
    assert model.probabilities(["l=attack"]) == at_mean
    assert model.probabilities(["l=attack"], np.ones(5)) == at_mean  # another pipeline's width: ignored
    assert model.probabilities(["l=attack"], mean + 1)["ASSAULT"] > at_mean["ASSAULT"]


def test_the_evidence_names_the_features_that_weigh_most_for_the_type() -> None:
    model = LinearModel(("ASSAULT", "NONE"), {"l=attack": 0, "subj=rebel": 1, "w=match": 2},
                        np.array([[2.0, 1.0, -1.0], [0.0, 0.0, 0.0]]), np.zeros(2))
    assert model.top_features(["l=attack", "w=match", "subj=rebel", "unseen"], "ASSAULT", 2) == [
        ("l=attack", 2.0), ("subj=rebel", 1.0)]
    assert model.top_features(["l=attack"], "PROTEST") == []


def test_one_default_view_for_listings_and_timelines() -> None:
    assert timeline.DEFAULT_MIN_CONFIDENCE == DEFAULT_MIN_CONFIDENCE
    assert inspect.signature(cli.events).parameters["min_confidence"].default == DEFAULT_MIN_CONFIDENCE
    assert inspect.signature(cli.timeline).parameters["min_confidence"].default == DEFAULT_MIN_CONFIDENCE
    (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3),
                              text="Taliban fighters attacked an army checkpoint in Helmand province on Friday.")])
    doubtful = [replace(e, confidence=DEFAULT_MIN_CONFIDENCE / 2) for e in doc.events if e.date]
    assert doubtful and timeline.build_timeline(doubtful) == []
    assert timeline.build_timeline(doubtful, min_confidence=0)


def test_wikievents_text_puts_each_sentence_at_its_tokens_offsets(monkeypatch):
    """The WikiEvents records' `text` glues sentences together while their token offsets leave one character
    between them; the training and benchmark readers rebuild the text so every token span reads its token."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from dev_texts import wikievents_text

    record = {"text": "Rebels attacked Homs.Police arrested two men.",
              "sentences": [[[["Rebels", 0, 6], ["attacked", 7, 15], ["Homs", 16, 20], [".", 20, 21]],
                             "Rebels attacked Homs."],
                            [[["Police", 22, 28], ["arrested", 29, 37], ["two", 38, 41], ["men", 42, 45],
                              [".", 45, 46]], "Police arrested two men."]]}
    text = wikievents_text(record)
    assert text == "Rebels attacked Homs.\nPolice arrested two men."
    assert all(text[start:end] == token for tokens, _ in record["sentences"] for token, start, end in tokens)


def test_a_verifier_in_force_decides_instead_of_the_shipped_one() -> None:
    """Cross-validation codes each held-out text with its fold's verifier (`using_verifier`)."""
    from dateline.events.verify import using_verifier

    text = "Taliban fighters attacked an army checkpoint in Helmand province on Friday."
    refuses = LinearModel(("ASSAULT", "NONE"), {}, np.zeros((2, 0)), np.array([-9.0, 9.0]))
    with using_verifier(refuses):
        (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3), text=text)])
    assert doc.events == []
    (doc,) = process([Article(id="t", date=dt.date(2021, 5, 3), text=text)])
    assert "ASSAULT" in {e.type for e in doc.events}


def test_gsr_candidates_are_labelled_by_the_sentence_types_and_its_marked_words(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from dateline.model import Event, Evidence
    from event_sources import _gsr_labeller

    def candidate(kind: str, trigger: str) -> Event:
        return Event(id="x", type=kind, evidence=Evidence(sentence="s", start=0, end=1, trigger=trigger))

    label = _gsr_labeller({"AGREE"}, {"signed", "pact"})
    assert label(candidate("AGREE", "agreed")) == "AGREE"  # the sentence's type
    assert label(candidate("COOPERATE", "signed")) == "AGREE"  # on the marked word: re-typed
    assert label(candidate("ASSAULT", "war")) == "NONE"  # anything else the sentence does not report


def test_one_threshold_for_all_sources_is_the_lowest_near_the_best_mean(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from event_sets import THRESHOLDS, joint_threshold

    def curve(peak: float) -> list[dict[str, float]]:
        return [{"min_confidence": t, "f0.5": 1 - abs(t - peak)} for t in THRESHOLDS]

    t, parts = joint_threshold({"a": curve(0.3), "b": curve(0.5)})
    assert t == 0.3 and parts["a"] == 1.0 and parts["mean_f0.5"] == 0.9


def test_wikievents_candidates_off_the_annotated_triggers_are_left_out(monkeypatch):
    """WikiEvents marks one mention per event: an attack candidate on no annotated trigger ("the Taliban
    claimed the attack") is no evidence of no event, so it gets no label; one on a trigger gets its type."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from dateline.model import Event, Evidence
    from event_sources import _wiki_labeller

    text = "Gunmen attacked a checkpoint. The Taliban claimed the attack."
    at = text.index("attacked")
    label = _wiki_labeller([(at, at + len("attacked"), "ASSAULT")])

    def candidate(word: str) -> Event:
        start = text.index(word)
        return Event(id="x", type="ASSAULT", evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word,
                                                               trigger_start=start, trigger_end=start + len(word)))

    assert label(candidate("attacked")) == "ASSAULT"
    assert label(candidate("attack.")) is None


def test_platt_scaling_stays_finite_when_the_scores_sit_far_above_the_share_right(monkeypatch):
    """A verifier sure of most candidates (scores 0.98-0.999, half of them right): an undamped Newton step
    from (1, 0) overshoots and ran off to a ~ 10^5; halving the step keeps the fit where the loss is least."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from verifier_figures import platt

    scores = [0.999] * 40 + [0.98] * 40 + [0.3] * 20
    right = [i % 2 == 0 for i in range(80)] + [False] * 20
    a, b = platt(scores, right)
    assert 0 < a < 5 and abs(b) < 5
    model = LinearModel(("NONE",), {}, np.zeros((1, 0)), np.zeros(1), calibration=(a, b))
    assert abs(np.mean([model.calibrated(s) for s in scores]) - sum(right) / len(right)) < 0.05
