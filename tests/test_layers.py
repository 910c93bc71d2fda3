"""The layering of DESIGN.md is checked, not hoped for: `lint-imports` runs the contracts in pyproject.toml.

Faces (CLI) sit on top; ingest and rendering below them; then the pipeline and the store; then the
stages, which never import each other; then spaCy loading; the model at the bottom. The store never
imports spaCy or a stage.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout
