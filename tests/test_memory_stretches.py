"""The bulk parent's memory by stretch (`benchmarks/memory_stretches.py`): a slope per stretch, not one over the run,
so growth that stops when density stops shows as stopped; and a write's high water follows its group's size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def stretches(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import memory_stretches

    return memory_stretches


def _rows() -> list[dict]:
    """A dense stretch (0-1,000: 20 MB per 1,000, groups of 500+) then a sparse one (1,000-2,000: flat, groups of 10);
    each write's high water is its group's size in MB over its RSS."""
    rows = []
    for i in range(40):
        articles = i * 50
        dense = articles < 1000
        rss = 600 + (articles * 0.02 if dense else 20)
        group = 500 + 10 * (i % 5) if dense else 10 + (i % 3)
        rows.append({"articles_before": articles, "rss_mb": rss, "peak_mb": rss + group / 10,
                     "pymalloc_arenas": 450 + (articles // 50 if dense else 20), "group_events": group,
                     "candidate_pairs": group * 30})
    return rows


def test_growth_is_fitted_per_stretch(stretches) -> None:
    dense, sparse = stretches.stretches(_rows(), [0, 1000, 2000])
    assert dense["rss_mb"] == pytest.approx(20.0) and dense["pymalloc_arenas"] == pytest.approx(20.0)
    assert sparse["rss_mb"] == 0.0 and sparse["pymalloc_arenas"] == 0.0
    assert (dense["writes"], sparse["writes"]) == (20, 20) and dense["group_events_mean"] > sparse["group_events_mean"]


def test_the_high_water_follows_the_group(stretches) -> None:
    found = stretches.steps(_rows())
    assert found["r_high_water_group_events"] > 0.9 and found["largest_high_water_mb"] == pytest.approx(55.0)


def test_the_command_prints_one_json_line_and_names_a_missing_file(stretches, tmp_path, capsys) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(r) for r in _rows()))
    stretches.main([str(rows), "--bounds", "0,1000,2000"])
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert json.loads(line)["benchmark"] == "memory_stretches"
    with pytest.raises(SystemExit):
        stretches.main([str(tmp_path / "missing.jsonl")])
    assert "missing.jsonl: no such rows file" in capsys.readouterr().err
