"""`tools/shown_source.py`: the judged shown events as verifier training rows, and which samples they come from."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dateline.model import Event, Evidence
from test_news_candidates import fake_shared

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Rebels attacked the town, the mayor was said to resign, and the team beat its rivals again."


def candidate(start: int, end: int, kind: str, status: str = "fact") -> Event:
    evidence = Evidence(TEXT, 0, len(TEXT), TEXT[start:end], start, end, "test")
    return Event(id=f"e{start}", type=kind, status=status, evidence=evidence)


def judged(span: tuple[int, int], verdict: str, shown: str, shown_status: str = "fact", **more: str) -> dict:
    return {"article": "a", "trigger_span": list(span), "shown_type": shown, "shown_status": shown_status,
            "verdict": verdict, **more}


def test_each_verdict_becomes_the_label_its_class_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """Right: the shown type (a re-typing target for another lexicon type on the same word); status: the shown type
    with the judged status, so a factual candidate of an event that is only said is NONE; the no-event classes NONE;
    wrong type and duplicates, and candidates on no judged trigger, left out."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from shown_source import shown_labeller

    attacked, resign, beat = (7, 15), (48, 54), (69, 73)
    label = shown_labeller([judged(attacked, "right", "ASSAULT"),
                            judged(resign, "status", "CONCEDE", status="hypothetical"),
                            judged(beat, "non_political", "ASSAULT")])
    assert label(candidate(*attacked, "ASSAULT")) == "ASSAULT"
    assert label(candidate(*attacked, "COERCE")) == "ASSAULT"
    assert label(candidate(*resign, "CONCEDE")) == "NONE"
    assert label(candidate(*resign, "CONCEDE", "hypothetical")) == "CONCEDE"
    assert label(candidate(*beat, "ASSAULT")) == "NONE"
    assert label(candidate(0, 6, "PROTEST")) is None
    left_out = shown_labeller([judged(attacked, "wrong_type", "PROTEST"), judged(beat, "duplicate", "ASSAULT")])
    assert left_out(candidate(*attacked, "PROTEST")) is None
    assert left_out(candidate(*beat, "ASSAULT")) is None


def test_a_right_event_judged_as_said_only_teaches_its_factual_candidate_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from shown_source import shown_labeller

    label = shown_labeller([judged((48, 54), "right", "CONCEDE", shown_status="hypothetical")])
    assert label(candidate(48, 54, "CONCEDE")) == "NONE"
    assert label(candidate(48, 54, "CONCEDE", "hypothetical")) == "CONCEDE"


def test_a_verdict_no_rule_decides_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from shown_source import as_news_label

    with pytest.raises(ValueError, match="no training label"):
        as_news_label(judged((7, 15), "misread", "ASSAULT"))


def test_only_the_samples_up_to_the_sources_file_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three samples; the source's path is the second's: the first two samples' articles are read, each once and with
    all its judgements, the third's never; a path of no sample is refused."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import shown_sample
    from shown_source import read_shown

    shared = fake_shared(tmp_path / "shared")
    files = [tmp_path / f"s{n}.jsonl" for n in range(3)]
    owned = [["quake_wire-1", "quake_wire-2"], ["strike_daily-4", "quake_wire-1"], ["strike_daily-5"]]
    for path, ids in zip(files, owned, strict=True):
        path.write_text("".join(json.dumps({**judged((0, 3), "right", "CONSULT"), "article": i}) + "\n" for i in ids),
                        encoding="utf-8")
    monkeypatch.setattr(shown_sample, "SAMPLES", dict(zip((1, 2, 3), files, strict=True)))
    read = list(read_shown(files[1], 0, shared))
    assert [art.id for art, _ in read] == ["quake_wire-1", "quake_wire-2", "strike_daily-4"]
    assert [art.id for art, _ in read_shown(files[1], 2, shared)] == ["quake_wire-1", "quake_wire-2"]
    with pytest.raises(ValueError, match="no sample"):
        list(read_shown(tmp_path / "other.jsonl", 0, shared))


def test_the_source_trains_on_the_samples_up_to_1818_and_keeps_the_later_ones_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The samples judged from the nineteenth session on (1919, 2020, 2121) measure the models, so no row is theirs."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from event_sources import source_file
    from shown_sample import SAMPLES
    from shown_source import samples_up_to

    files = samples_up_to(source_file("shown", ROOT, ROOT))
    assert files == [SAMPLES[s] for s in (120, 1212, 1313, 1414, 1515, 1616, 1717, 1818)]
    assert not {SAMPLES[s] for s in SAMPLES if s >= 1919} & set(files)


def test_the_caches_key_changes_when_an_earlier_sample_is_corrected(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The source reads every sample up to its file, so a correction to an earlier sample's judgements moves the
    time the row and parse caches are keyed by; another source is keyed by its own file alone."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import shown_sample
    from event_sources import source_mtime

    files = [tmp_path / f"s{n}.jsonl" for n in range(3)]
    for path in files:
        path.write_text("{}\n", encoding="utf-8")
        os.utime(path, (1_000_000, 1_000_000))
    monkeypatch.setattr(shown_sample, "SAMPLES", dict(zip((1, 2, 3), files, strict=True)))
    before = source_mtime("shown", files[1])
    os.utime(files[0], (2_000_000, 2_000_000))
    assert source_mtime("shown", files[1]) != before
    assert source_mtime("news", files[1]) == before
    os.utime(files[2], (3_000_000, 3_000_000))  # a later sample is not read: the key stays
    assert source_mtime("shown", files[1]) == 2_000_000


def test_a_recipe_screen_trains_on_the_shown_rows_only_when_it_names_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """`tools/recipe_cv.py`: `shown=1` adds the shown source's rows; a recipe without it screens the shipped sources."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from event_sources import Row
    from recipe_cv import parse_recipe, trained_rows

    rows = [Row(source, f"{source}-doc", 0, "ASSAULT", True, "NONE", ["w=x"]) for source in ("gold", "shown", "news")]
    assert parse_recipe("shown=1,c=0.1") == {"shown": 1.0, "c": 0.1}
    assert [r.source for r in trained_rows(rows, parse_recipe("shown=1"))] == ["gold", "shown", "news"]
    assert [r.source for r in trained_rows(rows, parse_recipe(""))] == ["gold", "news"]
