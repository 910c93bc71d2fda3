"""A bad view stored in the verifier's metadata fails only where the view is used, naming the file and the field
(`events.view.ViewError`, `verify.packaged_view`): importing dateline, `--help` and a command given
`--min-confidence` work."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.events import linear, verify
from dateline.events.view import ViewError, view_of


def broken_verifier(folder: Path, stored: object) -> Path:
    """A verifier's two files in `folder`, its metadata storing `stored` as the view; the metadata's path."""
    folder.mkdir(parents=True, exist_ok=True)
    meta, weights = linear.model_files(folder, verify.MODEL_NAME)
    meta.write_text(json.dumps({"name": verify.MODEL_NAME, "view": {"min_confidence": stored}}), encoding="utf-8")
    weights.write_bytes(b"")
    return meta


@pytest.mark.parametrize("stored", [3.5, -0.1, "high", True, math.nan])
def test_a_view_that_is_no_confidence_is_refused_with_the_file_the_field_and_the_mend(tmp_path: Path,
                                                                                      stored: object) -> None:
    meta = broken_verifier(tmp_path, stored)
    with pytest.raises(ViewError) as refused:
        verify.default_view(tmp_path)
    message = str(refused.value)
    assert str(meta) in message and "view.min_confidence" in message
    assert "retrain the verifier" in message and "--min-confidence" in message and "delete the 'view' field" in message
    assert isinstance(refused.value, ValueError)  # what the check always raised


def test_a_good_or_missing_view_is_read_as_before() -> None:
    assert view_of({"view": {"min_confidence": 0}}) == 0.0 and view_of({"view": {"min_confidence": 1}}) == 1.0
    assert view_of({"view": {"min_confidence": None}}) is None and view_of({}) is None


#: Run in a fresh interpreter on a copy of the package whose verifier metadata stores a bad view (argv[1]: a store
#: path that does not exist).
PROBE = """
import sys
from typer.testing import CliRunner
from dateline import timeline
from dateline.cli import app
from dateline.events import verify
from dateline.events.view import ViewError
runner = CliRunner()
for args in (["--help"], ["events", "--help"], ["events", "--db", sys.argv[1]],
             ["events", "--db", sys.argv[1], "--min-confidence", "0.5"]):
    result = runner.invoke(app, args)
    print("RUN", "_".join(args[:1] + args[3:]), result.exit_code, " ".join(result.output.split()))
for name, use in (("verify", lambda: verify.DEFAULT_MIN_CONFIDENCE), ("timeline", lambda: timeline.build_timeline([])),
                  ("query", lambda: timeline.TimelineQuery())):
    try:
        use()
        print("USED", name, "ok")
    except ViewError as problem:
        print("USED", name, "ViewError", "view.min_confidence" in str(problem))
print("GIVEN", timeline.build_timeline([], min_confidence=0.5), timeline.TimelineQuery(min_confidence=0.5).dates)
print("FROM", verify.__file__)
"""


def test_the_cli_imports_and_helps_with_a_bad_view_and_fails_only_where_it_is_used(tmp_path: Path) -> None:
    """The packaged verifier's metadata (in a copy of the package) stores 7: `dateline --help` and `dateline events
    --help` work, `events` without `--min-confidence` is a usage error naming the file and the field, with it the
    command goes on; the library raises `ViewError` where it needs the default view."""
    package = Path(verify.__file__).resolve().parents[1]
    copy = tmp_path / "src" / "dateline"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    meta = linear.model_files(copy / "data" / "models", verify.MODEL_NAME)[0]
    meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")), "view": {"min_confidence": 7}}),
                    encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src"), "COLUMNS": "2000"}  # Rich's error box wraps
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "none.duckdb")], capture_output=True,
                          text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    assert f"{tmp_path}/src/dateline" in proc.stdout  # the copy was imported, not the checkout
    top, helped, defaulted, given = [line.split(maxsplit=3)[2:] for line in proc.stdout.splitlines()
                                     if line.startswith("RUN")]
    assert top[0] == "0" and helped[0] == "0"  # `dateline --help`, `dateline events --help`
    assert defaulted[0] == "2" and "view.min_confidence" in defaulted[1] and "event_verifier.json" in defaulted[1]
    assert given[0] == "1" and "dateline ingest" in given[1]  # the view given: on to the store (none here)
    assert "USED verify ViewError True" in proc.stdout and "USED timeline ViewError True" in proc.stdout
    assert "USED query ViewError True" in proc.stdout and "GIVEN [] 10" in proc.stdout
