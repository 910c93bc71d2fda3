"""Draw a held-out sample of within-article mention pairs for `train_same_happening.py`, ready to label.

    python tools/train_same_happening_draw.py T17_DIR TOPIC [TOPIC ...] --per-topic 8 --seed 108 \
        --sample t17-heldout-3 [--exclude ARTICLES.jsonl ...] > /tmp/pairs.jsonl

Articles are drawn at random (`--seed`) per Timeline17 topic among those of 1,500-5,000 characters that name
Obama, Congress, the administration, the government, a minister or a president, leaving out articles already
labelled (`train_same_happening_pairs.jsonl`) or named in `--exclude` files (events-gold, news candidates).
Each is run through the pipeline one event per mention (grouping off); every pair of fact mentions of one
type that share a sentence, a trigger's first four letters, or a confidence of at least 0.3 on both sides
(the pairs a grouping can get wrong; the rest are plainly apart) is printed as a row with `"same": null` (with
`--sample`, `"heldout": true` and the sample's name: never fitted; without it, a row to train on), followed on
stderr by the two sentences to read. Nothing the pair
model says about the pair is printed: the labeller decides from the two sentences alone, before any model
is run on them (the held-out figure is only blind if the labels are).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

from dateline.events.group import ungrouped
from dateline.model import Article
from dateline.pipeline import process

HAND_PAIRS = Path(__file__).resolve().parent / "train_same_happening_pairs.jsonl"
#: Words an article must hold to be drawn: news about government, where political events are told.
GOVERNMENT = re.compile(r"\b(Obama|Congress|administration|government|minister|president)\b", re.I)
MIN_CHARS, MAX_CHARS = 1500, 5000
#: Both mentions at least this confident make a pair worth labelling even with nothing else shared.
BOTH_CONFIDENT = 0.3


def candidates(t17: Path, topic: str, excluded: set[str]) -> list[dict[str, Any]]:
    """The topic's articles that may be drawn, in file order."""
    out = []
    for line in (t17 / topic / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        key = f"{topic}-{record['id']}"
        text = record["text"]
        if key not in excluded and MIN_CHARS <= len(text) <= MAX_CHARS and GOVERNMENT.search(text):
            out.append(record | {"key": key})
    return out


def excluded_articles(files: list[Path]) -> set[str]:
    """Article ids already labelled or used elsewhere (`article` or `id` field of JSON lines)."""
    ids = set()
    for path in [HAND_PAIRS, *files]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                ids.add(str(record.get("article") or record.get("id")))
    return ids


def worth_labelling(first: Any, second: Any) -> bool:
    """Whether a pair of same-type fact mentions is one a grouping could get wrong."""
    return (first.evidence.start == second.evidence.start
            or first.evidence.trigger.lower()[:4] == second.evidence.trigger.lower()[:4]
            or min(first.confidence, second.confidence) >= BOTH_CONFIDENT)


def pairs_of(article: Article, sample: str | None) -> list[dict[str, Any]]:
    """The rows to label for one article (mentions one event each, grouping off)."""
    with ungrouped():
        doc = next(iter(process([article])))
    facts = sorted((e for e in doc.events if e.status == "fact"), key=lambda e: e.evidence.trigger_start or 0)
    rows = []
    for first, second in itertools.combinations(facts, 2):
        if first.type == second.type and worth_labelling(first, second):
            rows.append({"article": article.id, "type": first.type, "a": first.evidence.trigger_start,
                         "b": second.evidence.trigger_start,
                         "triggers": [first.evidence.trigger, second.evidence.trigger], "same": None,
                         **({"heldout": True, "sample": sample} if sample else {}),
                         "sentences": [first.evidence.sentence, second.evidence.sentence]})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("t17", type=Path)
    ap.add_argument("topics", nargs="+")
    ap.add_argument("--per-topic", type=int, default=8)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--sample", help="a held-out sample's name, starting t17-heldout (none: pairs to train on)")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = ap.parse_args()
    excluded = excluded_articles(args.exclude)
    rng = random.Random(args.seed)
    for topic in args.topics:
        pool = candidates(args.t17, topic, excluded)
        for record in rng.sample(pool, min(args.per_topic, len(pool))):
            article = Article(id=record["key"], date=dt.date.fromisoformat(record["time"][:10]), text=record["text"])
            for row in pairs_of(article, args.sample):
                sentences = row.pop("sentences")
                print(json.dumps(row), flush=True)
                print(f"\n{row['article']} {row['type']} {row['triggers']}\n  A: {sentences[0]}\n  B: {sentences[1]}",
                      file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
