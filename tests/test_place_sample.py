"""`tools/place_sample.py`: a place sample's draw is fixed by its seed, and its tally judges a place as labelled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_news_candidates import fake_shared

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def place_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The module, with its labelled files and BENCHMARKS.md read from an empty folder of my own."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import place_sample

    data = tmp_path / "data"
    data.mkdir()
    (data / "place_t17_earlier.txt").write_text("# earlier\nL quake_wire-1\n", encoding="utf-8")
    (tmp_path / "BENCHMARKS.md").write_text("looked at strike_daily-2 once\n", encoding="utf-8")
    monkeypatch.setattr(place_sample, "DATA", data)
    monkeypatch.setattr(place_sample, "EARLIER", data / "place_t17_earlier.txt")
    monkeypatch.setattr(place_sample, "ROOT", tmp_path)
    monkeypatch.setattr(place_sample, "MIN_CHARS", 100)
    return place_sample


def test_the_draw_leaves_out_earlier_articles_and_stays_when_others_take_more(place_sample, tmp_path: Path) -> None:
    shared = fake_shared(tmp_path / "shared")
    first = place_sample.draw(shared, 183, 6)
    assert len(set(first)) == 6 and not {"quake_wire-1", "strike_daily-2"} & set(first)
    assert any(a.startswith("bpoil_foxnews") for a in place_sample.draw(shared, 183, 40))  # every folder
    # another engineer labels two articles the draw did not pick: the draw is unchanged
    others = [a for a in place_sample.draw(shared, 183, 12) if a not in first][:2]
    (tmp_path / "data" / "party_labels.jsonl").write_text(
        "".join(json.dumps({"article": a}) + "\n" for a in others), encoding="utf-8")
    assert place_sample.draw(shared, 183, 6) == first
    excluded = tmp_path / "ids.txt"
    excluded.write_text(first[0] + "\n", encoding="utf-8")
    again = place_sample.draw(shared, 183, 6, [excluded])
    assert first[0] not in again and again[:5] == first[1:]


def test_a_labelled_sample_is_read_from_its_head_line(place_sample, tmp_path: Path) -> None:
    shared = fake_shared(tmp_path / "shared")
    head = {"sample": 183, "drawn": "by hand", "articles": ["quake_wire-1", "quake_wire-2"]}
    place_sample.labels_path(183).write_text(json.dumps(head) + "\n", encoding="utf-8")
    assert place_sample.draw(shared, 183) == ["quake_wire-1", "quake_wire-2"]


def test_a_new_place_is_judged_against_the_places_the_text_gives(place_sample) -> None:
    item = {"shown_place": "Houston", "verdict": "wrong", "places": ["Gulf of Mexico"], "areas": ["United States"]}
    assert place_sample.judge(item, "Houston") == "wrong"
    assert place_sample.judge(item, "Gulf of Mexico") == "right"
    assert place_sample.judge(item, "United States") == "area"
    assert place_sample.judge(item, "Mobile") == "changed"
    assert place_sample.judge(item, None) == "missing"
    assert place_sample.judge({"shown_place": "Egypt", "verdict": "wrong", "places": []}, None) == "none"
    assert place_sample.judge({"shown_place": None, "verdict": "knowledge", "places": []}, None) == "knowledge"


def test_a_judged_dot_named_by_its_id_tells_apart_a_namesake(place_sample) -> None:
    item = {"shown_place": "Springfield", "shown_geonameid": 1, "verdict": "wrong", "places": ["Springfield"]}
    assert place_sample.judge(item, "Springfield", 1) == "wrong"
    assert place_sample.judge(item, "Springfield", 2) == "right"  # the other Springfield, the one the text means
    assert place_sample.judge({**item, "shown_geonameid": None}, "Springfield", 2) == "wrong"
