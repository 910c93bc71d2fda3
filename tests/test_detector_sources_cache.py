"""The detector's and verifier's source cache: a parse kept by its file, the staged documents by the code too."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.model import Article

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["Rebel fighters attacked an army post near the river town on Monday, officials said.",
         "The two foreign ministers met in the capital on Friday to discuss the border."]


def probe_reader(path: Path, limit: int) -> Iterator[tuple[Article, list[Any], str]]:
    for i, text in enumerate(path.read_text(encoding="utf-8").splitlines()):
        yield Article(id=f"p{i}", date=dt.date(2021, 3, 1), text=text), [], "all"


def test_a_changed_stage_restages_the_kept_parses_and_a_changed_file_parses_again(tmp_path: Path,
                                                                                    monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import detector_sources as ds

    source = tmp_path / "probe.txt"
    source.write_text("\n".join(TEXTS), encoding="utf-8")
    monkeypatch.setattr(ds, "cache_folder", lambda: tmp_path / "event-train")
    monkeypatch.setitem(ds.SOURCES, "probe", (probe_reader, "probe.txt"))
    calls = {"parse": 0, "stages": 0}
    real_process, real_stages = ds.process, ds.run_stages

    def counted_process(*args: Any, **kwargs: Any) -> Iterator[Any]:
        calls["parse"] += 1
        yield from real_process(*args, **kwargs)

    def counted_stages(*args: Any, **kwargs: Any) -> Any:
        calls["stages"] += 1
        return real_stages(*args, **kwargs)

    monkeypatch.setattr(ds, "process", counted_process)
    monkeypatch.setattr(ds, "run_stages", counted_stages)

    first = ds.parsed_source("probe", source)
    assert calls == {"parse": 1, "stages": 0}
    again = ds.parsed_source("probe", source)
    assert calls == {"parse": 1, "stages": 0}  # both caches fresh: read back
    assert [d.to_json() for d, _, _ in again] == [d.to_json() for d, _, _ in first]

    monkeypatch.setattr(ds, "pipeline_fingerprint", lambda: "another-stage-code")
    restaged = ds.parsed_source("probe", source)
    assert calls == {"parse": 1, "stages": 2}  # the stages ran again on the kept parses, nothing parsed
    assert [d.to_json() for d, _, _ in restaged] == [d.to_json() for d, _, _ in first]
    assert [d.article.id for d, _, _ in restaged] == ["p0", "p1"]

    before = source.stat().st_mtime_ns
    source.write_text("\n".join(reversed(TEXTS)), encoding="utf-8")
    os.utime(source, ns=(before + 10**9, before + 10**9))
    ds.parsed_source("probe", source)
    assert calls["parse"] == 2  # a changed source file is parsed again
