"""`tools/cv_losses.py`: each gold happening missed out of fold is put in the class of the step that lost it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Customs officers seized a ship of the rebels. The ministry later denied it."


def event(word: str, kind: str, confidence: float = 0.5, **status: bool) -> Any:
    from dateline.model import Event, Evidence

    at = TEXT.index(word)
    evidence = Evidence(sentence=TEXT, start=0, end=len(TEXT), trigger=word, trigger_start=at,
                        trigger_end=at + len(word))
    return Event(id=f"{kind}-{at}", type=kind, confidence=confidence, evidence=evidence, **status)


def classify(monkeypatch: Any, judged: list[Any], shown: list[Any]) -> dict[str, Any]:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from cv_losses import classify as tool_classify

    case = {"type": "COERCE", "spans": [(0, TEXT.index(".") + 1)], "triggers": ["seized"]}
    return tool_classify(case, judged, shown, 0.35)


def test_each_step_that_loses_a_happening_names_its_class(monkeypatch: Any) -> None:
    seized = event("seized", "COERCE")
    kept = replace(seized, confidence=0.6)
    low = replace(seized, confidence=0.2)
    assert classify(monkeypatch, [(seized, [], {"COERCE": 0.8}, kept)], [kept])["class"] == "shown"
    assert classify(monkeypatch, [], [])["class"] == "no_candidate"
    denied = event("denied", "REJECT")  # another sentence
    assert classify(monkeypatch, [(denied, [], {"REJECT": 0.9}, denied)], [])["class"] == "no_candidate"
    other = classify(monkeypatch, [(event("seized", "ASSAULT"), [], {"ASSAULT": 0.7, "COERCE": 0.1}, None)], [])
    assert (other["class"], other["on_trigger"], other["p_gold_type"]) == ("other_type", True, 0.1)
    negated = event("seized", "COERCE", negated=True)
    assert classify(monkeypatch, [(negated, [], {"COERCE": 0.8}, negated)], [])["class"] == "modality"
    assert classify(monkeypatch, [(seized, [], {"COERCE": 0.02}, None)], [])["class"] == "rejected"
    retyped = replace(seized, type="ASSAULT")
    assert classify(monkeypatch, [(seized, [], {"ASSAULT": 0.6}, retyped)], [])["class"] == "retyped"
    assert classify(monkeypatch, [(seized, [], {"COERCE": 0.4, "NONE": 0.5}, low)], [])["class"] == "none_wins"
    assert classify(monkeypatch, [(seized, [], {"COERCE": 0.6, "NONE": 0.3}, low)], [])["class"] == "below_view"
    # verified at its type above the view, yet no shown event of the type cites the sentence after the grouping
    folded = replace(kept, type="ASSAULT")
    assert classify(monkeypatch, [(seized, [], {"COERCE": 0.8}, kept)], [folded])["class"] == "grouping"
