"""`tools/id_files.excluded_ids`: the one reader of the id files a sample draw leaves out (`--exclude`)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ids_come_from_id_lines_labelled_lines_and_label_rows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from id_files import excluded_ids

    ids = tmp_path / "draw.txt"
    ids.write_text("# the draw of seed 12\nquake_wire-3\n\n  strike_daily-7  \nL\tGWN-40\n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps({"article": a, "verdict": "right"}) + "\n" for a in ("GWN-12", "GWN-12",
                                                                                              "bpoil-1")),
                      encoding="utf-8")
    assert excluded_ids([ids, labels]) == {"quake_wire-3", "strike_daily-7", "GWN-40", "GWN-12", "bpoil-1"}
    assert excluded_ids([]) == set()


def test_the_committed_exclude_and_earlier_files_hold_ids_only(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from id_files import excluded_ids

    data = ROOT / "benchmarks" / "data"
    found = excluded_ids([data / "place_t17_earlier.txt", data / "party_t17_exclude_1920.txt"])
    assert found and all("-" in aid and not aid.startswith("#") for aid in found)
