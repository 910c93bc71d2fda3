"""A program that exits without closing its DuckDB store exits cleanly and leaves the file checkpointed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dateline.store.duck import LINGER

SCRIPT = """
import sys, time
from dateline.store.duck import DuckDBStore
store = DuckDBStore(sys.argv[1])
store.counts()
time.sleep(float(sys.argv[2]))
"""


def run(db: Path, pause: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(db), str(pause)], capture_output=True, text=True,
                          timeout=120)


def test_an_exit_right_after_a_write_leaves_no_unmerged_log(tmp_path: Path) -> None:
    db = tmp_path / "left-open.duckdb"
    done = run(db, 0.0)
    assert done.returncode == 0, done.stderr
    assert db.exists()
    assert not Path(f"{db}.wal").exists()  # the connection was closed (checkpointed), not dropped


def test_an_exit_while_the_idle_closer_closes_does_not_abort(tmp_path: Path) -> None:
    """Before the exit hook, exits about LINGER seconds after the last call aborted in DuckDB (status 134)
    in about two runs of three."""
    for i, pause in enumerate([LINGER * f for f in (0.98, 1.0, 1.0, 1.01, 1.02, 1.05)]):
        done = run(tmp_path / f"closer-{i}.duckdb", pause)
        assert done.returncode == 0, (pause, done.returncode, done.stderr[-300:])
        assert "terminate called" not in done.stderr
