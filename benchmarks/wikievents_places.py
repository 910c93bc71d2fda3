"""Event places on WikiEvents (Li et al. 2021): does an event get the Place its annotators gave it?

    .venv/bin/python benchmarks/wikievents_places.py [--errors]

WikiEvents annotates every event of 20 dev news documents (whole articles, unlike RAMS's 5-sentence
windows) with its arguments; some have a `Place`. For each event mention whose Place is a name (it has a
capital letter: "Syria", not "the city"), and where dateline codes an event at the gold trigger (any type),
this counts the event's location as right when its text or place name overlaps the argument's words, a
wrong dot when it names another place, and no dot when it has none (the judge of `rams_places.py`). Neither
set was used to write the location rules; both are one annotator's reading, and a Place may be a
country where dateline gives a town in it (counted wrong). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

from dateline.model import Article
from dateline.pipeline import process
from rams_places import judge

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from event_sources import wikievents_text  # noqa: E402

WIKIEVENTS = ROOT.parent / "shared" / "data" / "events-dev" / "wikievents_dev.jsonl"


class PlacedMention(NamedTuple):
    """One gold event mention with a named Place: its document, the trigger's character offset, the place."""

    article_id: str
    trigger_start: int
    trigger: str
    place: str


def read_documents(path: Path) -> tuple[list[Article], list[PlacedMention]]:
    """The documents as articles, and their event mentions whose Place argument is a name."""
    articles, mentions = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record: dict[str, Any] = json.loads(line)
            aid = f"wiki-{record['doc_id']}"
            articles.append(Article(id=aid, date=dt.date(2019, 6, 1), text=wikievents_text(record)))
            starts = [start for tokens, _ in record["sentences"] for _, start, _ in tokens]
            for mention in record["event_mentions"]:
                for argument in mention["arguments"]:
                    if argument["role"] == "Place" and any(c.isupper() for c in argument["text"]):
                        trigger = mention["trigger"]
                        mentions.append(PlacedMention(aid, starts[trigger["start"]], trigger["text"],
                                                      argument["text"]))
    return articles, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every wrong or missing place on stderr")
    args = parser.parse_args()
    articles, mentions = read_documents(WIKIEVENTS)
    events = {(doc.article.id, e.evidence.trigger_start): e for doc in process(articles) for e in doc.events}
    counts: collections.Counter = collections.Counter()
    for mention in mentions:
        event = events.get((mention.article_id, mention.trigger_start))
        if event is None:
            continue
        verdict = judge(event.location, mention.place)
        counts.update(coded=1, **{verdict: 1})
        if args.errors and verdict != "right":
            where = event.location
            print(f"{mention.article_id} {event.type} <{mention.trigger}> gold '{mention.place}' system "
                  f"{where and where.name} ({where and where.basis})", file=sys.stderr)
    coded = max(counts["coded"], 1)
    print(json.dumps({"benchmark": "wikievents_places", "mentions_with_named_place": len(mentions),
                      "coded": counts["coded"], "right": round(counts["right"] / coded, 4),
                      "wrong_dot": round(counts["wrong"] / coded, 4), "no_dot": round(counts["none"] / coded, 4)}))


if __name__ == "__main__":
    main()
