"""The verifier's labels on the events-gold articles (`tools/event_sources.read_gold`): a candidate of another type
than its sentence's gold event is a re-typing target only when it stands on that event's own words; beside them it
is kept apart as BESIDE (which training leaves out by default, `train_event_model.BESIDE_WEIGHT`), and where the
sentence holds no gold fact it is no event."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

TEXT = ("The governor's guards arrived at the square at dawn. Riot police detained two organisers of the sit-in "
        "after a long search of the market, the mayor said.")


def candidate(text: str, word: str, kind: str, **status: bool) -> Any:
    from dateline.model import Event, Evidence

    at = text.index(word)
    evidence = Evidence(article_id="a1", sentence=text, start=0, end=len(text), trigger=word,
                        trigger_start=at, trigger_end=at + len(word))
    return Event(id=f"e-{at}", type=kind, evidence=evidence, **status)


def labeller(tmp_path: Path, monkeypatch: Any, events: list[dict[str, Any]]) -> Any:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from event_sources import read_gold

    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "a1", "date": "2024-05-02", "text": TEXT}) + "\n",
                                             encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps([{"id": "a1", "events": events}]), encoding="utf-8")
    [(_, label)] = list(read_gold(tmp_path, 0))
    return label


def gold(sentence_start: str, trigger: str, kind: str, status: str = "fact") -> dict[str, Any]:
    start = TEXT.index(sentence_start)
    end = TEXT.index(".", start) + 1 if sentence_start.startswith("The") else len(TEXT)
    return {"sentence": TEXT[start:end], "trigger": trigger, "type": kind, "status": status}


def test_a_candidate_on_the_gold_words_is_labelled_with_the_gold_type(tmp_path: Path, monkeypatch: Any) -> None:
    label = labeller(tmp_path, monkeypatch, [gold("Riot", "Detained two organisers", "COERCE")])
    assert label(candidate(TEXT, "detained", "ASSAULT")) == "COERCE"  # case aside, the coder's words
    assert label(candidate(TEXT, "detained", "COERCE")) == "COERCE"


def test_another_word_beside_a_gold_event_is_left_out_not_given_its_type(tmp_path: Path, monkeypatch: Any) -> None:
    """"search" (coded ACCUSE, a probe) does not report the detention beside it: labelled with the detention's
    type it taught the verifier that a search is a detention. The coder marked one word per event, so the row
    says nothing sure and is kept apart as BESIDE; a sentence with no gold fact still says NONE."""
    label = labeller(tmp_path, monkeypatch, [gold("Riot", "detained", "COERCE")])
    assert label(candidate(TEXT, "search", "ACCUSE")) == "BESIDE"
    assert label(candidate(TEXT, "arrived", "CONSULT")) == "NONE"  # another sentence, no gold event there


def test_a_candidate_of_the_gold_type_anywhere_in_the_sentence_stays_right(tmp_path: Path, monkeypatch: Any) -> None:
    """The scorer judges an event by the sentence holding its trigger; the labels keep that rule for the type."""
    label = labeller(tmp_path, monkeypatch, [gold("Riot", "detained", "COERCE")])
    assert label(candidate(TEXT, "search", "COERCE")) == "COERCE"


def test_trigger_words_missing_from_the_sentence_give_no_target(tmp_path: Path, monkeypatch: Any) -> None:
    label = labeller(tmp_path, monkeypatch, [gold("Riot", "took into custody", "COERCE"),
                                              gold("The", "arrived", "MOBILIZE", "future")])
    assert label(candidate(TEXT, "detained", "ASSAULT")) == "BESIDE"  # no words to stand on: beside the fact
    assert label(candidate(TEXT, "arrived", "CONSULT")) == "NONE"  # on the words of an event that is no fact
