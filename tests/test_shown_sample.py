"""`tools/shown_sample.py`: samples named by their seed, a later draw never taking an earlier sample's articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_news_candidates import fake_shared

ROOT = Path(__file__).resolve().parents[1]


def test_a_later_sample_never_draws_an_earlier_samples_articles(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import shown_sample

    shared = fake_shared(tmp_path / "shared")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    monkeypatch.setattr(shown_sample, "SAMPLES", {120: first, 1212: second})
    earlier = shown_sample.draw(shared, 120)
    assert len(earlier) == 2 * shown_sample.PER_FOLDER  # two topics; the one held for grouping is left out
    first.write_text("".join(json.dumps({"article": a}) + "\n" for a in earlier), encoding="utf-8")
    later = shown_sample.draw(shared, 1212)
    assert len(later) == len(earlier) and not set(later) & set(earlier)
    assert shown_sample.draw(shared, 120) == earlier  # a sample drawn first is drawn again as it was
    second.write_text("".join(json.dumps({"article": a}) + "\n" for a in later), encoding="utf-8")
    assert not set(shown_sample.draw(shared, 7)) & (set(earlier) | set(later))  # a new seed: after every sample


def test_a_seed_drawn_with_more_articles_a_folder_draws_that_many(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import shown_sample

    shared = fake_shared(tmp_path / "shared")
    assert len(shown_sample.draw(shared, 1313)) == 2 * shown_sample.PER_FOLDER_BY_SEED[1313] == 6  # two topics
    assert len(shown_sample.draw(shared, 7)) == 2 * shown_sample.PER_FOLDER


def test_a_tally_runs_every_article_of_the_draw_not_only_the_labelled_ones(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """An article where nothing was shown when the sample was judged is still run, so an event a later change shows
    there is counted (`unjudged`); a labelled article the draw no longer gives keeps its judgements."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import shown_sample

    shared = fake_shared(tmp_path / "shared")
    monkeypatch.setattr(shown_sample, "SAMPLES", {120: tmp_path / "labels.jsonl"})
    drawn = shown_sample.draw(shared, 120)
    labels = [{"article": drawn[0]}, {"article": "gone_topic-9"}]
    assert shown_sample.sample_articles(shared, 120, labels) == sorted([*drawn, "gone_topic-9"])
