"""Throughput of `dateline extract` against spaCy's parse alone, on Timeline17 topics.

Runs, in the same process and alternating to share the machine's noise: (a) spaCy's `nlp.pipe`
over the topic's texts with the model as spaCy ships it (`spacy.load`, none of dateline's
changes: the baseline of issue 13's "≥ 1.0× the parse-only rate"), (b) the whole extract path
(read → parse → every stage → JSON). Prints one JSON line with articles/s for both, their ratio
(`ratio`, from wall time; `ratio_cpu`, from this process's CPU time, which other jobs on a shared
machine disturb less), the time each stage takes as a share of the parse (`stage_cpu_share_of_parse`: by
CPU time), and `parsed_share`, the share of the characters the extract path parses (text after a cue that
ends the story, a reader comment section, is tokenised only: `story.story_end`). `component_seconds` times every
pipeline component alone over the same texts, for spaCy's model and for dateline's (which marks paragraph
starts in one pass, matches the attribute ruler's rules by table look-up, see `dateline.nlp_rules`, and
multiplies matrices with numpy rather than BLIS, see `dateline.nlp.multiply_with_numpy`: same annotations),
so what each change bought is visible. `--topic` takes several topics, comma-separated, for a mix of layouts.

With `--scale`, also ingests the same articles into a fresh DuckDB store with
`dateline.scale` on one process, on 2 local worker processes and on a 2-worker Dask
`LocalCluster`, giving for each articles/s, its ratio to the parse-only rate of this run,
and the peak resident memory of the parent and of the largest worker (sampled every
0.2 s over the process tree). Wall-clock rates need an idle machine: the load average
at the start and end of each run is printed beside them.

    .venv/bin/python benchmarks/throughput.py [--topic EgyptianProtest_cnn[,bpoil_guardian,...]] [--limit 150]
        [--repeat 2] [--scale]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import spacy

from dateline.nlp import load_model, model_name
from dateline.pipeline import STAGES, process
from dateline.read import ReadReport, read_articles
from dateline.story import story_end

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topic", default="EgyptianProtest_cnn",
                    help="a Timeline17 topic, or several separated by commas (a mix of outlets and layouts)")
    ap.add_argument("--limit", type=int, default=150, help="articles to use of each topic (0: all)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=T17)
    ap.add_argument("--scale", action="store_true", help="also time ingest on 1 and 2 workers and on Dask")
    ap.add_argument("--partition-size", type=int, default=16)
    args = ap.parse_args()

    articles = topic_articles(args.corpus, args.topic.split(","), args.limit)
    texts = [a.text for a in articles]
    stock = spacy.load(model_name())  # spaCy's pipeline as shipped: the baseline
    stock.max_length = max([stock.max_length, *(len(t) + 1 for t in texts)])
    # Warm up: load every lazy resource (gazetteer, dictionaries, lexicon) outside the timing.
    list(process(articles[:3]))
    list(stock.pipe(texts[:3]))

    parse_s, full_s, parse_cpu, full_cpu = [], [], [], []
    load_before = os.getloadavg()[0]
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        list(stock.pipe(texts, batch_size=32))
        parse_s.append(time.perf_counter() - t0)
        parse_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        for doc in process(articles, batch_size=32):
            json.dumps(doc.to_json())
        full_s.append(time.perf_counter() - t0)
        full_cpu.append(time.process_time() - c0)
        print(f"parse {parse_s[-1]:.1f}s ({parse_cpu[-1]:.1f} CPU), extract {full_s[-1]:.1f}s "
              f"({full_cpu[-1]:.1f} CPU)", file=sys.stderr)

    parsed = list(load_model().pipe(texts, batch_size=32))
    stage_s, stage_cpu = time_stages(articles, parsed)
    del parsed
    parse, full = min(parse_s), min(full_s)
    figures = {
        "benchmark": "throughput", "topic": args.topic, "articles": len(articles),
        "chars": sum(map(len, texts)),
        # the share of the characters the extract path parses: the rest follows a cue that ends the story
        "parsed_share": round(sum(map(story_end, texts)) / max(1, sum(map(len, texts))), 3),
        "parse_articles_per_s": round(len(articles) / parse, 2),
        "dateline_articles_per_s": round(len(articles) / full, 2), "ratio": round(parse / full, 3),
        "ratio_cpu": round(min(parse_cpu) / min(full_cpu), 3),
        "target_ratio": 1.0, "stage_share_of_parse": {k: round(v / parse, 3) for k, v in stage_s.items()},
        "stage_cpu_share_of_parse": {k: round(v / min(parse_cpu), 3) for k, v in stage_cpu.items()},
        "component_seconds": {"spacy": time_components(stock, texts), "dateline": time_components(load_model(), texts)},
        "load_average": [load_before, os.getloadavg()[0]],
    }
    if args.scale:
        from scale_timing import time_runners

        figures["scale"] = time_runners(articles, len(articles) / parse, args.partition_size)
    print(json.dumps(figures))


def topic_articles(corpus: Path, topics: list[str], limit: int) -> list:
    """The first `limit` articles (0: all) of each topic, topic after topic."""
    articles: list = []
    for topic in topics:
        read = list(read_articles([corpus / topic / "articles.jsonl"], ReadReport()))
        articles += read[:limit] if limit else read
    return articles


def time_components(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Seconds of the tokenizer and of each pipeline component alone over all texts, in pipeline order."""
    t0 = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    out = {"tokenizer": time.perf_counter() - t0}
    for name, component in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        out[name] = time.perf_counter() - t0
    return {name: round(seconds, 2) for name, seconds in out.items()}


def time_stages(articles: list, parsed: list) -> tuple[dict[str, float], dict[str, float]]:
    """Wall and CPU seconds each post-parse stage takes over all documents, run in pipeline order (CPU seconds are
    what a shared machine disturbs less)."""
    from dateline.model import Document

    docs = [Document(article=a, parsed=p) for a, p in zip(articles, parsed, strict=True)]
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for stage in STAGES:
        t0, c0 = time.perf_counter(), time.process_time()
        docs = [stage(d) for d in docs]
        wall[stage.__name__], cpu[stage.__name__] = time.perf_counter() - t0, time.process_time() - c0
    return wall, cpu


if __name__ == "__main__":
    main()
