"""`tools/grouping_sample.py tally`: shown events that repeat a happening a surer shown event tells, and the share of
joined mention pairs that tell one happening, on mentions labelled with a happening key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.events.group import Cues
from dateline.model import Event, Evidence

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2018, 9, 19)


def _mention(at: int, sentence: int, trigger: str, confidence: float) -> tuple[Event, Cues]:
    event = Event(id=f"e{at}", type="ASSAULT", confidence=confidence,
                  evidence=Evidence(sentence=f"sentence {at}", start=at, end=at + 10, trigger=trigger,
                                    trigger_start=at, trigger_end=at + 2))
    return event, Cues(sentence=sentence, stems=frozenset({trigger}), trigger=trigger, ordinal=sentence)


@pytest.fixture
def grouping_sample(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import grouping_sample

    return grouping_sample


def _item(*mentions: tuple[Event, Cues]) -> dict:
    return {"id": "a", "date": DAY, "lead": None, "places": [], "events": [e for e, _ in mentions],
            "cues": [c for _, c in mentions]}


def _label(at: int, happening: str | None) -> dict:
    return {"article": "a", "trigger_span": [at, at + 2], "happening": happening}


def test_a_shown_event_retelling_a_surer_ones_happening_is_a_duplicate(grouping_sample) -> None:
    # two tellings of one bombing the grouping keeps apart (other words, far apart), and a third happening
    item = _item(_mention(0, 0, "bombing", 0.9), _mention(200, 15, "blast", 0.5), _mention(400, 30, "raid", 0.6))
    labels = [_label(0, "bombing"), _label(200, "bombing"), _label(400, "raid")]
    counts = grouping_sample.tally([item], labels, threshold=0.35)
    assert (counts["shown"], counts["duplicates"], counts["duplicates_same_type"]) == (3, 1, 1)
    assert counts["joined_pairs"] == 0


def test_joins_are_judged_by_their_labels_and_unlabelled_ones_listed(grouping_sample) -> None:
    # one sentence's verb and its own noun, tied in the parse: joined; one labelled the other happening
    first, second = _mention(0, 0, "attack", 0.8), _mention(5, 0, "attack", 0.7)
    chained = [(e, Cues(sentence=0, stems=c.stems, trigger=c.trigger, ordinal=0, token=k, chain=frozenset({0, 1})))
               for k, (e, c) in enumerate((first, second))]
    wrong = grouping_sample.tally([_item(*chained)], [_label(0, "attack"), _label(5, "other")], threshold=0.35)
    assert (wrong["joined_pairs"], wrong["link_precision"]) == (1, 0.0)
    unlabelled = grouping_sample.tally([_item(*chained)], [_label(0, "attack")], threshold=0.35)
    assert (unlabelled["joined_pairs"], unlabelled["unlabelled_joins"]) == (0, 1)


def test_a_draw_leaves_out_the_samples_of_every_lower_seed_and_no_other(grouping_sample) -> None:
    def names(seed: int) -> set[str]:
        return {path.name for path in grouping_sample.earlier_samples(seed)}

    # 1414's draw was made leaving out the shown samples 120, 1212 and 1313: it must stay that draw
    assert names(1414) == {"shown_t17_labels.jsonl", "shown_t17_labels_1212.jsonl", "shown_t17_labels_1313.jsonl"}
    assert names(1515) == names(1414) | {"shown_t17_labels_1414.jsonl", "grouping_t17_1414.jsonl"}


SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "corpus" / "t17").exists(), reason="needs the shared Timeline17 corpus")
def test_a_news_round_labelled_later_moves_no_draw(grouping_sample, monkeypatch) -> None:
    # a round-5 label on an article seed 1717 drew: 1717 was drawn before that round existed, so it keeps the article
    drawn = grouping_sample.draw(SHARED, 1717)
    read = grouping_sample.read_labels

    def with_a_later_round(path=None):
        return [*read(), {"article": drawn[0], "round": 5}] if path is None else read(path)

    monkeypatch.setattr(grouping_sample, "read_labels", with_a_later_round)
    assert grouping_sample.draw(SHARED, 1717) == drawn


@pytest.mark.skipif(not (SHARED / "corpus" / "t17").exists(), reason="needs the shared Timeline17 corpus")
def test_the_round_drawn_before_a_seed_is_left_out_whole(grouping_sample) -> None:
    # round 4 of the news candidates was drawn before grouping sample 1818 and is kept unread: none of its articles
    round_4 = {pick["article"] for pick in grouping_sample.news_draw(SHARED, 4)}
    assert round_4 and not round_4 & set(grouping_sample.draw(SHARED, 1818))


@pytest.mark.skipif(not (SHARED / "corpus" / "t17").exists(), reason="needs the shared Timeline17 corpus")
def test_round_five_is_left_out_after_sample_1919_and_not_before(grouping_sample) -> None:
    # round 5 was drawn after grouping sample 1919 and is labelled cold: a later seed never reads its articles,
    # while 1919's draw (labelled before) stays the one it was, whatever round 5 holds
    round_5 = {pick["article"] for pick in grouping_sample.news_draw(SHARED, 5)}
    assert round_5 and not round_5 & set(grouping_sample.draw(SHARED, 2020))
    labelled = {item["article"] for item in grouping_sample.read_labels(grouping_sample.labels_path(1919))}
    assert labelled and labelled <= set(grouping_sample.draw(SHARED, 1919))


@pytest.mark.skipif(not (SHARED / "corpus" / "t17").exists(), reason="needs the shared Timeline17 corpus")
def test_round_six_is_left_out_after_sample_1919_and_not_before(grouping_sample) -> None:
    # round 6 was drawn after round 5 and is labelled cold: a later seed never reads its articles (seed 2121 would
    # draw three of them otherwise), while 1919's draw stays the one it was
    round_6 = {pick["article"] for pick in grouping_sample.news_draw(SHARED, 6)}
    assert round_6 and not round_6 & set(grouping_sample.draw(SHARED, 2121))
    labelled = {item["article"] for item in grouping_sample.read_labels(grouping_sample.labels_path(1919))}
    assert labelled and labelled <= set(grouping_sample.draw(SHARED, 1919))
