"""The WikiEvents place benchmark's reading of a document (`benchmarks/wikievents_places.read_documents`): each gold
Place is kept with the character span of its entity mention, so that a miss can be classed as on RAMS."""

from __future__ import annotations

import json
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_a_named_place_is_read_with_the_span_of_its_mention(tmp_path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import wikievents_places

    words = [["Gunmen", 0, 6], ["attacked", 7, 15], ["a", 16, 17], ["bus", 18, 21], ["in", 22, 24],
             ["Kano", 25, 29], ["and", 30, 33], ["Zaria", 34, 39], [".", 39, 40]]
    record = {"doc_id": "d1", "sentences": [[words, "Gunmen attacked a bus in Kano and Zaria."]],
              "entity_mentions": [{"id": "d1-T1", "start": 5, "end": 6, "text": "Kano"},
                                  {"id": "d1-T2", "start": 7, "end": 8, "text": "Zaria"}],
              "event_mentions": [{"trigger": {"start": 1, "end": 2, "text": "attacked"},
                                  "arguments": [{"entity_id": "d1-T2", "role": "Place", "text": "Zaria"}]}]}
    path = tmp_path / "wikievents.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    articles, mentions = wikievents_places.read_documents(path)
    (mention,) = mentions
    start, end = mention.place_span
    assert articles[0].text[start:end] == "Zaria" and mention.trigger_start == 7
