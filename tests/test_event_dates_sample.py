"""`benchmarks/event_dates.py --sample --exclude`: the articles of earlier samples, from id lists or label files, are
left out of a new draw (`tools/id_files.excluded_ids`)."""

from __future__ import annotations

import json
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_excluded_ids_come_from_id_lists_and_from_the_article_of_label_rows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from event_dates import excluded_ids

    ids = tmp_path / "draw.txt"
    ids.write_text("quake_wire-3\n\n  strike_daily-7  \n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps({"article": a, "verdict": "right"}) + "\n" for a in ("GWN-12", "GWN-12",
                                                                                              "bpoil-1")),
                      encoding="utf-8")
    assert excluded_ids([ids, labels]) == {"quake_wire-3", "strike_daily-7", "GWN-12", "bpoil-1"}
    assert excluded_ids([]) == set()
