"""The shipped link model (`data/models/merge_link.json`) is what `tools/train_merge_model.py` writes from the labelled
pairs in the repository, byte for byte. A change of the link features (or of the words and rules they read) that is not
followed by retraining the model fails here, instead of leaving a model fitted to features the code no longer computes
(efe9ddc changed three labelled pairs' `shared_number`, and the shipped weights stopped being reproducible until the
thirteenth session retrained them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.merge.link import MODEL_PATH

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not (ROOT.parent / "shared").is_dir(),
                    reason="../shared (the T17 articles the pairs' sentences are read from) is not beside the checkout")
def test_the_trainer_reproduces_the_shipped_link_model(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    out = tmp_path / "merge_link.json"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "train_merge_model.py"), "--out", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == MODEL_PATH.read_bytes()
