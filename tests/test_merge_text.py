"""Merge label files keep no corpus text: each sentence and long party is kept as its place in the article and read
back from it (`benchmarks/merge_text.py`, `tools/textless_merge_labels.py`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEXT = ("Flood waters rose in the valley on Sunday. The mayor of the small riverside town of Elm Hollow on the plain "
        "ordered everyone out before dawn, and buses left at six.")
SENTENCE = TEXT[TEXT.index("The mayor"):]
LONG_PARTY = "The mayor of the small riverside town of Elm Hollow on the plain"
OTHER = {"valley/2": "Buses took the last families out of Elm Hollow at six in the morning, the mayor said."}


@pytest.fixture
def merge_text(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import merge_text

    return merge_text


def _record() -> dict:
    start = TEXT.index(SENTENCE)
    party = TEXT.index(LONG_PARTY)
    side = {"event": "e1", "article": "valley/1", "type": "COERCE", "sentence": SENTENCE,
            "actors": [[LONG_PARTY, None], ["mayor", "USA"]],
            "json": {"evidence": {"sentence": SENTENCE, "start": start, "end": len(TEXT), "trigger": "ordered",
                                  "rule": "a rule of ours that is long enough to be eight words or more"},
                     "actors": [{"name": LONG_PARTY, "text": LONG_PARTY, "start": party,
                                 "end": party + len(LONG_PARTY)}]},
            "anchor": {"article": "valley/1", "start": start, "end": len(TEXT), "trigger_start": None,
                       "trigger_end": None, "sentence": SENTENCE}}
    return {"pair": "e1:e2", "label": "same", "note": "two reports of the order", "a": side, "b": dict(side),
            "a_group": ["Buses took the last families out of Elm Hollow at six"]}


def _texts() -> dict[str, str]:
    return {"valley/1": TEXT, **OTHER}


def test_a_record_keeps_places_not_words_and_reads_back_as_it_was(merge_text) -> None:
    rec = _record()
    kept = merge_text.without_text(rec, _texts())
    stored = json.dumps(kept)
    assert "mayor of the small" not in stored and "last families" not in stored and "ordered everyone" not in stored
    assert kept["a"]["sentence"] == {"at": [TEXT.index(SENTENCE), len(TEXT)],
                                     "sha256": merge_text.sentence_digest(SENTENCE)}
    assert "sentence" not in kept["a"]["anchor"] and "sentence_sha256" in kept["a"]["anchor"]
    assert kept["a"]["actors"][1] == ["mayor", "USA"]  # a short name is a name, kept
    assert kept["a"]["json"]["evidence"]["rule"] == rec["a"]["json"]["evidence"]["rule"]  # not the article's words
    assert kept["a_group"][0]["article"] == "valley/2"
    assert json.dumps(merge_text.with_text(kept, _texts())) == json.dumps(rec)  # every key in its place


def test_a_record_that_holds_its_text_reads_back_unchanged_without_the_corpus(merge_text) -> None:
    rec = _record()
    assert merge_text.with_text(rec, {}) == rec


def test_a_changed_article_fails_instead_of_giving_other_words(merge_text) -> None:
    kept = merge_text.without_text(_record(), _texts())
    changed = {**_texts(), "valley/1": TEXT.replace("buses", "boats")}
    with pytest.raises(ValueError, match="digest"):
        merge_text.with_text(kept, changed)


def test_a_sentence_its_article_does_not_hold_is_refused(merge_text) -> None:
    rec = _record()
    rec["a"]["sentence"] = "A sentence of another article."
    with pytest.raises(ValueError):
        merge_text.without_text(rec, _texts())


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the T17 corpus) is not beside the checkout")
def test_every_committed_merge_label_file_reads_back_from_the_articles(merge_text) -> None:
    """Each committed record's places and digests hold against the corpus, and it is already in the kept form (a file
    committed with its sentences fails here: rewrite it with tools/textless_merge_labels.py)."""
    texts = merge_text.article_texts()
    for path in sorted((ROOT / "benchmarks" / "data").glob("merge_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if "_about" in rec:
                continue
            back = merge_text.with_text(rec, texts)
            assert merge_text.without_text(back, texts) == rec, path.name
