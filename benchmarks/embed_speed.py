"""What the verifier's sentence embeddings cost: MiniLM (numpy) sentences/s and its time against the parse.

In one process, over Timeline17 articles: the whole extract path with the verifier off (`unverified`: the
lexicon's and the detector's candidates, what the verifier would judge), timed as dateline's parse and as the
whole pipeline; then the MiniLM embedding of the candidates' distinct sentences (what
`verify.sentence_embeddings` computes for a verifier with a dense block), of each article on its own, as the
verifier does it. Prints one JSON line: sentences/s, embedded sentences per article, the embedding time as a
share of the parse and of the whole pipeline, by wall time and by this process's CPU time (which other jobs on a
shared machine disturb less; the load average is printed too).

    .venv/bin/python benchmarks/embed_speed.py [--topic EgyptianProtest_cnn] [--limit 40] [--models DIR]

With `--models DIR` (a folder with `event_verifier` and the cascade's `event_refiner`, `train_event_model.py
--cascade`), the cascade is timed too: the whole pipeline with the verifier alone and with its refiner (which embeds
only the sentences of candidates whose confidence lies in the refiner's band), by CPU time; printed are the share of
the shown events' sentences that hold an event in the band (`cascade_embedded_share`) and each pipeline's rate as a
share of the parse's (`*_rate_over_parse_cpu`: the parse's CPU time over the pipeline's, the issue's ratio).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dateline.embed import embed_sentences, load_encoder
from dateline.events import linear, verify
from dateline.events.verify import unverified, using_verifier
from dateline.nlp import load_model
from dateline.pipeline import process
from throughput import T17, topic_articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topic", default="EgyptianProtest_cnn")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--models", type=Path, help="a folder with a verifier and its refiner: time the cascade too")
    args = ap.parse_args()
    articles = topic_articles(T17, [args.topic], args.limit)
    nlp, load_before = load_model(), os.getloadavg()[0]
    load_encoder()
    started, cpu = time.perf_counter(), time.process_time()
    list(nlp.pipe([a.text for a in articles]))
    parse_s, parse_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    with unverified():
        docs = list(process(articles))
    pipeline_s, pipeline_cpu = time.perf_counter() - started, time.process_time() - cpu
    per_article = [sorted({e.evidence.sentence for e in doc.events}) for doc in docs]
    started, cpu = time.perf_counter(), time.process_time()
    for sentences in per_article:
        embed_sentences(sentences)
    embed_s, embed_cpu = time.perf_counter() - started, time.process_time() - cpu
    count = sum(map(len, per_article))
    print(json.dumps({"articles": len(articles), "candidate_sentences": count,
                      "sentences_per_article": round(count / max(len(articles), 1), 1),
                      "sentences_per_s": round(count / max(embed_s, 1e-9), 1), "embed_s": round(embed_s, 2),
                      "parse_s": round(parse_s, 2), "pipeline_s": round(pipeline_s, 2),
                      "embed_over_parse": round(embed_s / parse_s, 3),
                      "embed_over_pipeline": round(embed_s / pipeline_s, 3),
                      "sentences_per_cpu_s": round(count / max(embed_cpu, 1e-9), 1),
                      "embed_over_parse_cpu": round(embed_cpu / parse_cpu, 3),
                      "embed_over_pipeline_cpu": round(embed_cpu / pipeline_cpu, 3),
                      "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                      **(cascade_figures(args.models, articles, parse_cpu) if args.models else {})}))


def cascade_figures(folder: Path, articles: list, parse_cpu: float) -> dict[str, float]:
    """CPU time of the whole pipeline with the verifier of `folder` alone and with its refiner, as rates over the
    parse's, and the share of shown events' sentences the refiner's band holds (the sentences it embeds)."""
    verifier = linear.read_model(folder, verify.MODEL_NAME, verify.FEATURE_VERSION)
    refiner = linear.read_model(folder, verify.REFINER_NAME, verify.FEATURE_VERSION)
    low, high = refiner.meta["band"]
    timed = {}
    for name, pair in (("verifier", (verifier, None)), ("cascade", (verifier, refiner))):
        cpu = time.process_time()
        with using_verifier(*pair):
            docs = list(process(articles))
        timed[name] = time.process_time() - cpu
        if name == "verifier":
            sentences = {(d.article.id, e.evidence.sentence) for d in docs for e in d.events}
            unsure = {(d.article.id, e.evidence.sentence) for d in docs for e in d.events if low <= e.confidence < high}
    return {"verifier_rate_over_parse_cpu": round(parse_cpu / timed["verifier"], 3),
            "cascade_rate_over_parse_cpu": round(parse_cpu / timed["cascade"], 3),
            "cascade_embedded_share": round(len(unsure) / max(len(sentences), 1), 3)}


if __name__ == "__main__":
    main()
