"""The event dater on its own: the date `events.dating.date_event` gives each hand-coded event of the
whole-article gold (../shared/data/events-gold), at the gold's own trigger, judged as the shared scorer
judges a date.

`where_when.py` scores the dates of the events the detector found and matched, after the grouping
stage merged mentions; this scores the dater alone on every factual gold mention (about 200, not
about 120), so a change to the dater is measured on more cases and apart from detection and grouping.
The trigger token is the first word of the gold trigger inside the gold sentence (the coder's trigger
is sometimes a phrase: "threatened to slap tariffs"). Per source (GWN, t17) and by the path the dater
took (`how`: the governing timex, a timex of an embedding clause, a day carried from an earlier
sentence, or the article-date fallback). `--errors` lists every wrong date on stderr.

    .venv/bin/python benchmarks/event_dates.py [--gold-dir DIR] [--errors]

Prints one JSON line. Each article is parsed and run through the pipeline once (about a minute).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from dateline.events.dating import event_dating
from dateline.model import Article, Document
from dateline.pipeline import process_one

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD_DIR = SHARED / "data" / "events-gold"


#: Words of a date's basis (`events.dating`) and the path they name, first match wins.
_PATHS = (("occasion", "occasion"), ("no calendar point", "not_a_point"), ("would put", "ahead"),
          ("earlier one", "previous"), ("same happening", "named_elsewhere"), ("earlier sentence", "carried"),
          ("governs the clause", "governing"), ("dates a clause", "clause_above"), ("no time in the text", "fallback"))


def date_path(basis: str | None) -> str:
    """The path the dater took, read off the start of a date's basis (`where_when.py` counts by it too)."""
    return next((name for cue, name in _PATHS if cue in (basis or "")), "other")


def gold_date_ok(value: str, gold: dict, article_date: str) -> bool:
    """The shared scorer's date rule: the gold's prefix, or for an on-or-before gold its day or the article's."""
    wanted = str(gold.get("date") or article_date)
    if gold.get("date_precision") == "on_or_before":
        return value[:10] in (wanted[:10], article_date[:10])
    return value[:len(wanted)] == wanted


def trigger_token(doc: Document, sentence: tuple[int, int], trigger: str) -> Any | None:
    """The token where the gold trigger starts inside its sentence, or None."""
    words = trigger.split()
    at = doc.article.text.find(words[0], sentence[0], sentence[1]) if words else -1
    if at < 0:
        return None
    return next((t for t in doc.parsed if t.idx <= at < t.idx + max(len(t), 1)), None)


def score_article(art: dict, gold_events: list[dict], counts: dict, errors: bool) -> None:
    """Date every factual gold mention of one article and count the right ones per source and path."""
    doc = process_one(Article(id=art["id"], date=dt.date.fromisoformat(art["date"]), text=art["text"]))
    source = art.get("source", "?").split("/")[0]
    for gold in gold_events:
        if gold.get("status", "fact") != "fact" or not gold.get("trigger"):
            continue
        at = art["text"].find(gold["sentence"])
        token = trigger_token(doc, (at, at + len(gold["sentence"])), gold["trigger"]) if at >= 0 else None
        if token is None:
            counts["unfound"]["all"] += 1
            continue
        date = event_dating(doc, token.i)
        how = date_path(date.basis)
        ok = gold_date_ok(date.value, gold, art["date"])
        for key in ("all", source, f"how={how}"):
            counts["dated"][key] += 1
            counts["right"][key] += ok
        if errors and not ok:
            print(f"{art['id']} {gold['type']} <{token.text}> {how}: system {date.value} {date.mod or ''}; "
                  f"gold {gold.get('date')} {gold.get('date_precision')}\n    {gold['sentence'][:160]}",
                  file=sys.stderr)


def main() -> None:
    """Score the dater on every factual gold mention; one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--errors", action="store_true", help="print wrong dates on stderr")
    args = parser.parse_args()
    gold = {g["id"]: g["events"] for g in json.loads((args.gold_dir / "gold.json").read_text(encoding="utf-8"))}
    lines = (args.gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = {a["id"]: a for a in map(json.loads, lines)}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for aid, gold_events in gold.items():
        score_article(articles[aid], gold_events, counts, args.errors)
    share = {key: round(counts["right"][key] / counts["dated"][key], 4) for key in sorted(counts["dated"])}
    print(json.dumps({"benchmark": "event_dates", "dated": counts["dated"]["all"], "unfound": counts["unfound"]["all"],
                      "date_acc": share.pop("all"), "by": share, "count": dict(sorted(counts["dated"].items()))}))


if __name__ == "__main__":
    main()
