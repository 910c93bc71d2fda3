"""Benchmark of the actors stage: accuracy on PLOVER gold sentences, speed against spaCy.

Accuracy: every `source`/`target` actor of ../shared/data/plover/PLOVER_GSR_CAMEO.txt
(322 gold sentences with actor text, country code and often a sector) is looked up
among the actors `tag_actors` finds in its sentence: found when one of our mention
texts contains the gold text or the other way round (case-insensitive); then country
and sector are compared (gold "IGO" accepts our IGO, UNO and EUR). The gold sentences
all carry the placeholder date 2000-01-01, so dated roles are chosen for that day: some
sector "errors" are people whose Phoenix role on that date is ELI (former official).
Gold also codes places as implicit targets ("in central Baghdad" -> IRQ CVL), which the
actors stage leaves to the places stage, and that lowers mention recall.

As in the pipeline, the places stage runs first (untimed): the actors stage reads its places.

Speed: the same sentences plus Timeline17 articles are parsed with spaCy (`nlp.pipe`)
and then run through `tag_actors`; the ratio is actor time / parse time in this run.
The one-off dictionary load is reported apart.

Usage: .venv/bin/python benchmarks/actors.py [--articles N] [--errors]
Prints progress to stderr and one JSON line of figures at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from dateline.actors import tag_actors
from dateline.actors.dictionary import actor_dictionary
from dateline.geo import tag_places
from dateline.model import Article, Document
from dateline.nlp import load_model

SHARED = Path(__file__).resolve().parents[2] / "shared"
GSR = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
T17 = SHARED / "corpus" / "t17"
IGO_LIKE = {"IGO", "UNO", "EUR"}


def gold_sentences() -> list[dict[str, Any]]:
    """Gold records with a text and at least one actor that has text and a code."""
    out = []
    for rec in json.loads(GSR.read_text(encoding="utf-8")):
        parties = [a for key in ("source", "target") if isinstance(rec.get(key), list)
                   for a in rec[key] if isinstance(a, dict) and a.get("actorText") and a.get("code")]
        if rec.get("text") and parties:
            out.append({"text": rec["text"], "date": rec.get("date") or "2000-01-01", "gold": parties})
    return out


def t17_articles(limit: int) -> list[tuple[str, str]]:
    """Up to `limit` (date, text) pairs taken round-robin over the Timeline17 topics."""
    topics = [sorted(p.glob("articles.jsonl")) for p in sorted(T17.iterdir()) if p.is_dir()]
    per_topic = max(1, limit // max(1, len(topics)))
    out: list[tuple[str, str]] = []
    for files in topics:
        for path in files:
            with path.open(encoding="utf-8") as fh:
                for _, line in zip(range(per_topic), fh, strict=False):
                    rec = json.loads(line)
                    out.append((rec["time"][:10], rec["text"]))
    return out[:limit]


def timed_run(items: list[tuple[str, str]]) -> tuple[list[Document], float, float]:
    """Parse (date, text) items with spaCy, tag places (untimed), then tag actors; return docs and the
    parse and actor timings."""
    nlp = load_model()
    start = time.perf_counter()
    parsed = list(nlp.pipe((text for _, text in items), batch_size=32))
    parse_seconds = time.perf_counter() - start
    docs = [Document(article=Article(id=str(i), date=to_date(day), text=text), parsed=p)
            for i, ((day, text), p) in enumerate(zip(items, parsed, strict=True))]
    for doc in docs:
        tag_places(doc)  # the pipeline's order: actors read the places ("in Paris", "the city of Salisbury")
    start = time.perf_counter()
    for doc in docs:
        tag_actors(doc)
    return docs, parse_seconds, time.perf_counter() - start


def to_date(text: str) -> dt.date:
    """An ISO date, or 2000-01-01 (the gold file's own placeholder) when there is none."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return dt.date(2000, 1, 1)


def country_ok(gold: str, ours: str | None) -> bool:
    """Country match; the gold file codes the UN and the EU as plain IGO."""
    return ours == gold or (gold == "IGO" and ours in IGO_LIKE)


def best_mention(doc: Document, want: str) -> Any:
    """Our mention for a gold actor text: one containing it, else the longest inside it."""
    containing = [a for a in doc.actors if want in a.text.lower()]
    if containing:
        return min(containing, key=lambda a: len(a.text))
    inside = [a for a in doc.actors if a.text.lower() in want]
    return max(inside, key=lambda a: len(a.text)) if inside else None


def score(records: list[dict[str, Any]], docs: list[Document], show_errors: bool = False) -> dict[str, Any]:
    """Mention recall, country and sector accuracy over the gold actors; with `show_errors`, every
    found mention whose country or sector differs from the gold is printed on stderr."""
    total = found = country = sector_total = sector = 0
    for rec, doc in zip(records, docs, strict=True):
        for gold in rec["gold"]:
            total += 1
            want = gold["actorText"].lower()
            hit = best_mention(doc, want)
            if hit is None:
                continue
            found += 1
            right_country = country_ok(gold["code"][:3], hit.country)
            country += right_country
            right_sector = not gold.get("sector") or gold["sector"] == hit.sector
            if gold.get("sector"):
                sector_total += 1
                sector += right_sector
            if show_errors and not (right_country and right_sector):
                print(f"{gold['actorText']!r} gold {gold['code'][:3]}/{gold.get('sector') or '-'} ours "
                      f"{hit.text!r} {hit.country or '-'}/{hit.sector or '-'} [{hit.entry}]\n    :: {rec['text']}",
                      file=sys.stderr)
    return {
        "gold_actors": total, "mention_recall": round(found / total, 3),
        "country_accuracy_found": round(country / max(found, 1), 3),
        "country_recall": round(country / total, 3),
        "sector_accuracy_found": round(sector / max(sector_total, 1), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="Timeline17 articles for speed")
    parser.add_argument("--errors", action="store_true", help="print each wrong country or sector on stderr")
    args = parser.parse_args()
    load_model()
    start = time.perf_counter()
    actor_dictionary()
    load_seconds = time.perf_counter() - start
    records = gold_sentences()
    print(f"gold sentences: {len(records)}", file=sys.stderr)
    docs, gsr_parse, gsr_actors = timed_run([(r["date"], r["text"]) for r in records])
    figures = score(records, docs, args.errors)
    articles = t17_articles(args.articles)
    print(f"timeline17 articles: {len(articles)}", file=sys.stderr)
    t17_docs, t17_parse, t17_actors = timed_run(articles)
    mentions = sum(len(d.actors) for d in t17_docs)
    print(json.dumps({
        "benchmark": "actors", **figures,
        "gsr_parse_s": round(gsr_parse, 3), "gsr_actors_s": round(gsr_actors, 3),
        "gsr_ratio": round(gsr_actors / gsr_parse, 4),
        "t17_articles": len(articles), "t17_actor_mentions": mentions,
        "t17_parse_s": round(t17_parse, 3), "t17_actors_s": round(t17_actors, 3),
        "t17_ratio": round(t17_actors / t17_parse, 4),
        "dictionary_load_s": round(load_seconds, 3),
    }))


if __name__ == "__main__":
    main()
