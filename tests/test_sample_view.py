"""The sample tools judge at the installed verifier's view (`tools/sample_view.py`), an explicit threshold winning."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.events import linear, verify
from dateline.events.view import FALLBACK_VIEW

ROOT = Path(__file__).resolve().parents[1]


def verifier_folder(tmp_path: Path, view: float | None) -> Path:
    """A folder holding a verifier's two files, its metadata storing `view` (none when None)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    meta, weights = linear.model_files(tmp_path, verify.MODEL_NAME)
    stored = {} if view is None else {"view": {"min_confidence": view}}
    meta.write_text(json.dumps({"name": verify.MODEL_NAME, **stored}), encoding="utf-8")
    weights.write_bytes(b"")
    return tmp_path


def test_the_view_is_the_verifiers_unless_a_threshold_is_given(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from sample_view import chosen_view

    stores = verifier_folder(tmp_path / "stores", 0.55)
    assert chosen_view(None, stores) == 0.55
    assert chosen_view(0.2, stores) == 0.2  # an explicit threshold wins
    assert chosen_view(0.0, stores) == 0.0  # even 0, which is falsy
    assert chosen_view(None, verifier_folder(tmp_path / "old", None)) == FALLBACK_VIEW  # trained before views
    assert chosen_view(None, tmp_path / "none") == FALLBACK_VIEW  # no verifier installed


def _tool_calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """Each tool's `main` as a command line runs it, with the function it hands the threshold to replaced by one
    that records it: tool name -> (module, name of that function, argv before the threshold option)."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import grouping_sample
    import party_errors
    import party_sample
    import place_sample
    import shown_sample

    cache, labels = tmp_path / "cache.pkl", tmp_path / "labels.jsonl"
    cache.write_bytes(pickle.dumps([]))
    labels.write_text("", encoding="utf-8")
    return {"shown_sample": (shown_sample, shown_sample, "tally", ["tally", "--seed", "120"]),
            "place_sample": (place_sample, place_sample, "tally", ["tally", "--seed", "183"]),
            "grouping_sample": (grouping_sample, grouping_sample, "tally",
                                ["tally", str(cache), "--labels", str(labels)]),
            "party_errors": (party_errors, party_sample, "tally", ["sample", "--seed", "1819"])}


@pytest.mark.parametrize("tool", ["shown_sample", "place_sample", "grouping_sample", "party_errors"])
def test_each_sample_tool_reads_the_models_view_and_keeps_an_explicit_one(tool: str, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """With an installed verifier storing 0.55 the tool's tally judges at 0.55 (it was fixed at 0.35), and
    `--min-confidence 0.2` still judges at 0.2."""
    module, target, name, argv = _tool_calls(monkeypatch, tmp_path)[tool]
    seen: list[float] = []

    def record(*args: Any) -> Any:
        seen.append(next(a for a in args if isinstance(a, float)))
        return ({}, []) if target is not module else {}

    monkeypatch.setattr(target, name, record)
    monkeypatch.setattr(verify, "MODEL_DIR", verifier_folder(tmp_path / "models", 0.55))
    for extra, expected in (([], 0.55), (["--min-confidence", "0.2"], 0.2)):
        monkeypatch.setattr(sys, "argv", [f"{tool}.py", *argv, *extra])
        module.main()
        assert seen.pop() == expected
