"""The gazetteer index in a cache folder shared by installs of different builds, and by workers starting at once."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from dateline.geo import gazetteer

DAY = 24 * 3600


def _index(folder: Path, digest: str, age_s: float, now: float) -> Path:
    path = folder / f"gazetteer-{digest}.sqlite"
    path.write_bytes(b"an index")
    os.utime(path, (now - age_s, now - age_s))
    return path


def test_an_index_another_install_opened_lately_is_kept_when_this_one_builds_its_own(tmp_path: Path) -> None:
    now = time.time()
    ours = _index(tmp_path, "aaaa", 0, now)
    theirs = _index(tmp_path, "bbbb", 2 * 3600, now)  # another checkout's, opened two hours ago
    gazetteer._remove_stale_indexes(keep={ours}, now=now)
    assert theirs.exists()


def test_an_index_no_process_opened_for_longer_than_the_grace_is_removed(tmp_path: Path) -> None:
    now = time.time()
    ours = _index(tmp_path, "aaaa", 0, now)
    old = _index(tmp_path, "cccc", gazetteer.STALE_AFTER_S + DAY, now)
    gazetteer._remove_stale_indexes(keep={ours}, now=now)
    assert ours.exists() and not old.exists()


def test_opening_an_existing_index_marks_it_used(tmp_path: Path) -> None:
    now = time.time()
    path = _index(tmp_path, "dddd", 3 * DAY, now)
    assert gazetteer._ensure_base_index(path) == path
    assert now - path.stat().st_mtime < 60


def test_processes_that_start_together_build_a_missing_index_once(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    builds = []

    def slow_build(path: Path) -> dict[str, int]:
        builds.append(path)
        time.sleep(0.3)  # long enough that the other caller finds the index missing and asks for the lock
        path.write_bytes(b"an index")
        return {"places": 1}

    monkeypatch.setattr(gazetteer, "_build_apart", slow_build)
    path = tmp_path / "gazetteer-eeee.sqlite"
    callers = [threading.Thread(target=gazetteer._ensure_base_index, args=(path,)) for _ in range(3)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    assert builds == [path] and path.exists()


def test_a_missing_index_is_built_by_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The build's memory must not stay in the process that asked for the index (a fork server passes it on to every
    worker): a child builds it, and what it reports comes back."""
    def built_here(path: Path) -> dict[str, int]:
        raise AssertionError("the index was built in the process that opened it")

    monkeypatch.setattr(gazetteer, "create_index", built_here)
    child = "import json, os, sys; open(sys.argv[1], 'w').write(str(os.getpid())); print(json.dumps({'places': 7}))"
    monkeypatch.setattr(gazetteer, "BUILD_CHILD", child)
    path = tmp_path / "gazetteer-ffff.sqlite"
    assert gazetteer._ensure_base_index(path) == path
    builder = int(path.read_text())
    assert builder != os.getpid() and builder > 0
    assert "{'places': 7}" in capsys.readouterr().err  # the child's counts, said as an in-process build said them


def test_the_child_runs_the_real_build_and_its_failure_is_reported(tmp_path: Path) -> None:
    """The child imports this `dateline`'s builder and runs it on the path given; a build that fails there (no such
    folder) fails here with the child's error, not in silence and not with a missing index."""
    with pytest.raises(RuntimeError, match="unable to open database file"):
        gazetteer._build_apart(tmp_path / "no-such-folder" / "gazetteer-0000.sqlite")
