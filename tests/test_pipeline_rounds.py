"""pipeline_rounds.py's figures over rounds: the spread it prints and the sign test behind "beyond the noise"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from pipeline_rounds import paired, sign_test_p, spread, summarise


def test_sign_test_p_counts_the_tail_of_a_fair_coin() -> None:
    assert sign_test_p(12, 12) == pytest.approx(1 / 4096)
    assert sign_test_p(0, 10) == 1.0
    assert sign_test_p(9, 10) == pytest.approx(11 / 1024)


def test_spread_gives_median_quartiles_and_extremes() -> None:
    assert spread([3.0, 1.0, 2.0, 5.0, 4.0]) == {"median": 3.0, "q1": 2.0, "q3": 4.0, "min": 1.0, "max": 5.0}
    assert spread([2.5]) == {"median": 2.5, "q1": 2.5, "q3": 2.5, "min": 2.5, "max": 2.5}


def test_summary_counts_rounds_at_one_and_pairs_rounds_by_number() -> None:
    rows = [{"ratio": r, "stages": s, "identical": True} for r, s in ((1.1, 2.0), (0.9, 2.2), (1.0, 1.9))]
    other = [{"ratio": 1.0, "stages": s, "identical": False} for s in (2.1, 2.1, 2.1)]
    summary = summarise(rows, ["stages"])
    assert summary["rounds_at_or_above_1"] == 2 and summary["identical"]
    assert not summarise(other, ["stages"])["identical"]
    assert paired(rows, other, "stages") == {"median_diff": -0.1, "rounds_lower": 2, "rounds": 3}
