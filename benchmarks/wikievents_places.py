"""Event places on WikiEvents (Li et al. 2021): does an event get the Place its annotators gave it?

    .venv/bin/python benchmarks/wikievents_places.py [--errors]

WikiEvents annotates every event of 20 dev news documents (whole articles, unlike RAMS's 5-sentence
windows) with its arguments; some have a `Place`. For each event mention whose Place is a name (it has a
capital letter: "Syria", not "the city"), and where dateline codes an event at the gold trigger (any type),
this counts the event's location as right when its text or place name overlaps the argument's words, a
wrong dot when it names another place, and no dot when it has none (the judge of `rams_places.py`). Neither
set was used to write the location rules; both are one annotator's reading, and a Place may be a
country where dateline gives a town in it (counted wrong). Each miss is put in a class as on RAMS
(`rams_places.miss_kind`: another sentence, not recognised, the parse's link not read, a wrong dot by its basis).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

from dateline.model import Article
from dateline.pipeline import process
from rams_places import PlaceTally

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from dev_texts import wikievents_text  # noqa: E402

WIKIEVENTS = ROOT.parent / "shared" / "data" / "events-dev" / "wikievents_dev.jsonl"


class PlacedMention(NamedTuple):
    """One gold event mention with a named Place: its document, the trigger's character offset, the place and the
    character span of the place's mention (read by `rams_places.miss_kind` to class a miss)."""

    article_id: str
    trigger_start: int
    trigger: str
    place: str
    place_span: tuple[int, int]


def read_documents(path: Path) -> tuple[list[Article], list[PlacedMention]]:
    """The documents as articles, and their event mentions whose Place argument is a name."""
    articles, mentions = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record: dict[str, Any] = json.loads(line)
            aid = f"wiki-{record['doc_id']}"
            articles.append(Article(id=aid, date=dt.date(2019, 6, 1), text=wikievents_text(record)))
            tokens = [(start, end) for words, _ in record["sentences"] for _, start, end in words]
            entities = {entity["id"]: entity for entity in record["entity_mentions"]}
            for mention in record["event_mentions"]:
                for argument in mention["arguments"]:
                    if argument["role"] == "Place" and any(c.isupper() for c in argument["text"]):
                        trigger, entity = mention["trigger"], entities[argument["entity_id"]]
                        span = (tokens[entity["start"]][0], tokens[entity["end"] - 1][1])
                        mentions.append(PlacedMention(aid, tokens[trigger["start"]][0], trigger["text"],
                                                      argument["text"], span))
    return articles, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every wrong or missing place on stderr")
    args = parser.parse_args()
    articles, mentions = read_documents(WIKIEVENTS)
    tally = PlaceTally(args.errors)
    for doc in process(articles):
        events = {e.evidence.trigger_start: e for e in doc.events}
        for mention in (m for m in mentions if m.article_id == doc.article.id):
            event = events.get(mention.trigger_start)
            if event is not None:
                tally.add(doc, event, mention, f"{mention.article_id} {event.type} <{mention.trigger}>")
    print(tally.report("wikievents_places", mentions_with_named_place=len(mentions)))


if __name__ == "__main__":
    main()
