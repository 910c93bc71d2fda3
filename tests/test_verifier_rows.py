"""The verifier's training rows are the candidates `dateline extract` scores: one per trigger mention, coded as the
verifier sees them, not one per group of mentions (nineteenth session)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Written for this test: a verb and its object noun of one act (grouped into one event), and a later retelling.
TEXT = ("Norway expelled two Iranian diplomats on Tuesday. Officials in Oslo said the expulsion "
        "followed a court ruling. Iran condemned the expulsion of its diplomats on Wednesday.")


def parsed() -> Any:
    from dateline.events.verify import unverified
    from dateline.model import Article
    from dateline.pipeline import process

    with unverified():
        (doc,) = process([Article(id="rows-test", date=dt.date(2024, 3, 5), text=TEXT)])
    return doc


def scored_by_extract(doc: Any) -> list[tuple[int, str, list[str]]]:
    """(trigger start, type, features) of every candidate `verify_events` is handed in the events stage."""
    from dataclasses import replace

    import dateline.events.verify as verify
    from dateline.events.coder import code_events

    seen: list[tuple[int, str, list[str]]] = []

    def recording(d: Any) -> Any:
        seen.extend((e.evidence.trigger_start, e.type, verify.candidate_features(e, d.parsed)) for e in d.events)
        return d

    kept, verify.verify_events = verify.verify_events, recording
    try:
        code_events(replace(doc, events=[]))
    finally:
        verify.verify_events = kept
    return seen


def test_the_rows_are_the_mentions_extract_verifies_not_the_grouped_events(monkeypatch) -> None:
    """Every candidate the verifier scores in the events stage is a row, with the features it is scored on; the
    grouped events (the rows before) are fewer: the mentions a group absorbed were never learnt from."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from dataclasses import replace

    from dateline.events.verify import unverified
    from detector_sources import recode
    from event_sources import labelled_rows

    doc = parsed()
    expected = scored_by_extract(doc)
    everything = {"rows-test": lambda event: event.type}
    with unverified():
        mentions = list(labelled_rows("gold", recode([replace(doc, events=[])], [], mentions=True), everything))
        groups = list(labelled_rows("gold", recode([replace(doc, events=[])], [], mentions=False), everything))
    assert [(r.trigger_start, r.coded, r.features) for r in mentions] == expected
    assert len(groups) < len(mentions)
    assert {r.key for r in groups} < {r.key for r in mentions}


def recording_recoder(monkeypatch) -> list[bool]:
    """Put a stand-in for `detector_sources.recoded` that codes nothing and records, per call, whether it was asked
    for mentions (True) or groups (False): `cache_rows` calls it only when it does not read the rows cached."""
    import detector_sources

    asked: list[bool] = []

    def recoded(name: str, path: Path, detectors: list[Any], limit: int, refresh: bool,
                mentions: bool = False) -> list[Any]:
        asked.append(mentions)
        return []

    monkeypatch.setattr(detector_sources, "recoded", recoded)
    return asked


def test_the_rows_kind_is_a_recipe_flag_and_keys_the_row_cache(monkeypatch, tmp_path: Path) -> None:
    """`--rows` is returned in the recipe (groups by default, the shipped recipe) and handed to `cache_rows`, and rows
    of one kind are never read back from the cache as the other's."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    import argparse

    import event_sources
    import train_event_model

    parser = argparse.ArgumentParser()
    train_event_model.add_recipe_options(parser)
    assert train_event_model.set_recipe(parser, parser.parse_args([]))["row_kind"] == "groups"
    mentions = train_event_model.set_recipe(parser, parser.parse_args(["--rows", "mentions"]))["row_kind"]
    asked = recording_recoder(monkeypatch)
    source = tmp_path / "source.txt"
    source.write_text("x", encoding="utf-8")
    event_sources.cache_rows("gold", source, lambda path, limit: iter(()), 0, False, [], mentions)
    event_sources.cache_rows("gold", source, lambda path, limit: iter(()), 0, False, [], "groups")
    event_sources.cache_rows("gold", source, lambda path, limit: iter(()), 0, False, [], "groups")
    assert asked == [True, False]  # the third call read the groups' rows back from their own cache entry
    with pytest.raises(ValueError, match="row kind"):
        event_sources.cache_rows("gold", source, lambda path, limit: iter(()), 0, False, [], "sentences")


def test_two_runs_in_one_process_do_not_see_each_others_row_kind(monkeypatch, tmp_path: Path) -> None:
    """The row kind is a value handed on, not a module setting: after one run's recipe asks for mentions, a second
    run that asks for nothing gets groups (the default), and `load_all` hands each run's own `--rows` to every
    source's `cache_rows`, whatever another recipe set before it."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    import argparse

    import event_sources
    import train_event_detector
    import train_event_model

    parser = argparse.ArgumentParser()
    train_event_model.add_recipe_options(parser)
    for name in ("C", "MIN_DOCS"):
        monkeypatch.setattr(train_event_model, name, getattr(train_event_model, name))
    train_event_model.set_recipe(parser, parser.parse_args(["--rows", "mentions"]))  # the first run
    asked = recording_recoder(monkeypatch)
    source = tmp_path / "source.txt"
    source.write_text("x", encoding="utf-8")
    event_sources.cache_rows("gold", source, lambda path, limit: iter(()), 0, False, [])  # the second, no kind
    assert asked == [False]
    monkeypatch.setattr(train_event_detector, "cross_fitted_detectors", lambda gold, dev, limit, refresh: [])
    monkeypatch.setattr(train_event_model, "source_file", lambda name, gold, dev: source)
    handed: list[str] = []
    monkeypatch.setattr(train_event_model, "cache_rows",
                        lambda name, path, reader, limit, refresh, detectors, kind: handed.append(kind) or [])
    for rows in (["--rows", "mentions"], [], ["--rows", "groups"], ["--rows", "mentions"]):
        args = parser.parse_args(rows)
        args.gold = args.dev = tmp_path
        args.limit, args.refresh, args.sources = 0, False, "gold,news"
        train_event_model.load_all(args)
    assert handed == ["mentions", "mentions", "groups", "groups", "groups", "groups", "mentions", "mentions"]


def test_the_row_kinds_are_compared_by_key_and_features(monkeypatch) -> None:
    """`tools/verifier_rows.py` counts a group's absorbed mention as a mention-only row, and a leader whose parties
    the grouping changed as a shared key with other features."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from event_sources import Row
    from verifier_rows import compare

    def row(at: int, label: str, features: list[str]) -> Row:
        return Row("gold", "a", at, "SANCTION", True, label, ["t=SANCTION", *features])

    mentions = [row(0, "SANCTION", ["a_n=0"]), row(40, "SANCTION", ["a_n=1", "frame_agent=private"])]
    groups = [row(0, "SANCTION", ["a_n=1"])]
    got = compare(mentions, groups, "frame_agent=private")
    assert (got["shared"], got["mentions_only"], got["groups_only"], got["shared_other_features"]) == (1, 1, 0, 1)
    assert got["mentions_only_labels"] == {"SANCTION": 1}
    assert got["frame_agent=private:mentions"] == {"SANCTION->SANCTION": 1} and not got["frame_agent=private:groups"]
