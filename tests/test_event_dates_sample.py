"""`benchmarks/event_dates.py --sample --exclude`: the articles of earlier samples, from id lists or label files, are
left out of a new draw, read by the one reader of exclude files (`tools/id_files.excluded_ids`, tested in
`test_id_files`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_sample_draw_reads_excluded_ids_with_the_shared_reader(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import event_dates
    import id_files

    assert event_dates.excluded_ids is id_files.excluded_ids
