"""Benchmark timeline summarisation on Timeline17 (../shared/corpus/t17), news-tls protocol.

Each reference timeline of a topic folder (`articles.jsonl`, `timelines.jsonl`) is a task: the input
is the folder's articles published within the timeline's first and last date, the summary has L dates
(the reference's number of dates) and K sentences a date (the reference's mean, rounded), and the
summary's dates are kept within that range. dateline reads the articles, runs the pipeline in memory
(`--mode fast`, the default: sentence split and time stage, what `dateline timeline --input --fast`
does; `--mode full`: the whole pipeline, events included) and calls `dateline.timeline.summarise`.

Scores, as tilse computes them (see tilse_rouge.py): date precision/recall, and ROUGE-1 and ROUGE-2
precision/recall under align+ m:1. Precision and recall are averaged over tasks, then F1 is taken of
the averages (news-tls). Per-topic figures are under "by_topic". Seconds per task count reading,
the pipeline and the summary; `--cache DIR` keeps each article's sentence spans and timexes so later
runs skip the pipeline (the JSON says whether a run was cold).

    .venv/bin/python benchmarks/tls.py [--corpus ../shared/corpus/t17] [--topics A,B] [--mode fast|full]
                                       [--cache /tmp/tls-cache] [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from dateline.model import Article, Timex
from dateline.timeline import TimelineQuery, summarise_sources
from dateline.timeline.inputs import processed_documents
from dateline.timeline.sources import SourceArticle, from_document, from_parts
from tilse_rouge import align_m1, date_scores, f1

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "t17"


def read_articles(folder: Path, first: dt.date, last: dt.date) -> list[Article]:
    """The folder's articles published from `first` to `last`."""
    found = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        day = dt.date.fromisoformat(row["time"][:10])
        if first <= day <= last:
            found.append(Article(id=str(row["id"]), date=day, text=row["text"]))
    return found


def material(articles: list[Article], mode: str, cache: Path | None) -> tuple[list[SourceArticle], bool]:
    """Timeline material for the articles (from the cache when it has them all), and whether it was cold."""
    path = cache / f"{mode}-{articles[0].id}-{len(articles)}.json" if cache and articles else None
    if path and path.is_file():
        kept = json.loads(path.read_text(encoding="utf-8"))
        return [from_parts(a, kept[a.id]["spans"], [Timex.from_json(t) for t in kept[a.id]["timexes"]])
                for a in articles], False
    docs = list(processed_documents(articles, fast=mode == "fast"))
    sources = [from_document(d) for d in docs]
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({s.id: {"spans": [(x.start, x.end) for x in s.sentences],
                                           "timexes": [t.to_json() for t in d.timexes]}
                                    for s, d in zip(sources, docs, strict=True)}), encoding="utf-8")
    return sources, True


def run_task(folder: Path, reference: list, mode: str, cache: Path | None, show: int) -> dict:
    """Summarise one task and score it."""
    ref: dict[dt.date, list[str]] = {}
    for day, sentences in reference:  # a date may come twice; its sentences are one summary
        ref.setdefault(dt.date.fromisoformat(day[:10]), []).extend(sentences)
    first, last = min(ref), max(ref)
    k = round(statistics.mean(len(s) for s in ref.values()))
    started = time.perf_counter()
    articles = read_articles(folder, first, last)
    sources, cold = material(articles, mode, cache)
    query = TimelineQuery(since=first.isoformat(), until=last.isoformat(), dates=len(ref), per_date=k,
                          min_confidence=0.0)
    timeline = summarise_sources(sources, query)
    seconds = time.perf_counter() - started
    pred = {dt.date.fromisoformat(d.date): [s.text for s in d.sentences] for d in timeline.dates}
    for day in timeline.dates[:show]:
        print(f"  {day.date} refs={day.references} pubs={day.articles} | {day.sentences[0].text[:110]}",
              file=sys.stderr)
    date_p, date_r = date_scores(pred, ref)
    r1, r2 = align_m1(pred, ref, 1), align_m1(pred, ref, 2)
    return {"topic": folder.name, "articles": len(articles), "L": len(ref), "K": k, "seconds": round(seconds, 2),
            "cold": cold, "date_p": date_p, "date_r": date_r, "r1_p": r1.precision, "r1_r": r1.recall,
            "r2_p": r2.precision, "r2_r": r2.recall}


def averaged(tasks: list[dict]) -> dict:
    """Precision and recall averaged over tasks, F1 of the averages."""
    out = {}
    for name in ("date", "r1", "r2"):
        p = statistics.mean(t[f"{name}_p"] for t in tasks)
        r = statistics.mean(t[f"{name}_r"] for t in tasks)
        out[f"{name}_f1"] = round(f1(p, r), 4)
        out[f"{name}_p"], out[f"{name}_r"] = round(p, 4), round(r, 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--topics", help="comma-separated topic folders (default: all)")
    parser.add_argument("--mode", choices=("fast", "full"), default="fast")
    parser.add_argument("--cache", type=Path, help="keep sentence spans and timexes here between runs")
    parser.add_argument("--show", type=int, default=0, help="print the first N dates of each timeline")
    args = parser.parse_args()
    folders = sorted(p for p in args.corpus.iterdir() if (p / "timelines.jsonl").is_file())
    if args.topics:
        folders = [f for f in folders if f.name in args.topics.split(",")]
    tasks = []
    for folder in folders:
        for line in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
            task = run_task(folder, json.loads(line), args.mode, args.cache, args.show)
            print(json.dumps(task), file=sys.stderr)
            tasks.append(task)
    result = {"benchmark": "tls", "mode": args.mode, "tasks": len(tasks), **averaged(tasks),
              "seconds_per_task": round(statistics.mean(t["seconds"] for t in tasks), 2),
              "max_seconds": max(t["seconds"] for t in tasks), "cold": all(t["cold"] for t in tasks),
              "by_topic": {t["topic"]: {k: round(v, 4) if isinstance(v, float) else v for k, v in t.items()
                                        if k not in ("topic", "cold")} for t in tasks}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
