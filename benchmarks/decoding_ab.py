"""The held-GIL decoding (`dateline.nlp_transitions`) against spaCy's own, in one process (issue 13).

Rounds of four timed passes over the same articles, CPU seconds each: spaCy's stock parse (the throughput
baseline), dateline's full pipeline with the parser's and NER's decoding stepped with the GIL held (as shipped: a
batch's quarters decoded in one step loop), the same with each quarter in its own loop (`--no-quarters` leaves this
arm out; the held decoding as the sixteenth session shipped it), and the same pipeline with spaCy's own decoding
swapped back into the same loaded model. One process and alternating
passes, because on a shared machine a single `throughput.py` run cannot resolve a step of this size (its stock parse
moved 15.0 -> 11.3 CPU s between its own passes in the sixteenth session). Each round also checks that every
decoding gives byte-identical output. Rounds go to stderr; the last line on stdout is one JSON summary (best and
median `ratio_cpu`, parse ÷ pipeline, for each decoding).

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/decoding_ab.py --rounds 3
    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/decoding_ab.py --rounds 6 --parse-only   # the parse alone
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy

from dateline.nlp import load_model, model_name
from dateline.nlp_transitions import HeldGilTransitions
from dateline.pipeline import process
from throughput import topic_articles

TOPICS = "EgyptianProtest_cnn,bpoil_guardian,H1N1_reuters,IraqWar_guardian"


def _use_held(nlp: spacy.Language, held: dict[str, HeldGilTransitions], on: bool) -> None:
    """Put the held-GIL wrappers (on) or the components they wrap (off) in the loaded pipeline."""
    for i, (name, _) in enumerate(nlp._components):
        if name in held:
            nlp._components[i] = (name, held[name] if on else held[name].component)


def _timed(work) -> tuple[float, object]:
    started = time.process_time()
    result = work()
    return time.process_time() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/t17")
    parser.add_argument("--topic", default=TOPICS, help="comma-separated T17 topics")
    parser.add_argument("--limit", type=int, default=8, help="articles per topic")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-quarters", action="store_true", help="leave out the arm decoding quarter by quarter")
    parser.add_argument("--parse-only", action="store_true",
                        help="time dateline's parse (nlp.pipe) in each arm instead of the whole extract: the arms "
                             "differ only there, so a small step is resolved in fewer rounds")
    args = parser.parse_args()
    articles = topic_articles(args.corpus, args.topic.split(","), args.limit)
    texts = [a.text for a in articles]
    stock, nlp = spacy.load(model_name()), load_model()
    held = {name: c for name, c in nlp._components if isinstance(c, HeldGilTransitions)}
    if not held:
        sys.exit("decoding_ab: the loaded model has no held-GIL component to compare")

    def extract() -> list[str] | list[bytes]:
        if args.parse_only:
            return [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=32)]
        return [json.dumps(doc.to_json()) for doc in process(articles, batch_size=32)]

    # Warm both paths over every text: lazy resources, first-call costs, and the words' first sight (new lexemes,
    # the lemmatizer's and the ruler's caches), which would otherwise fall on the first arm of the first round.
    extract()
    list(stock.pipe(texts, batch_size=32))
    arms = ["held", *([] if args.no_quarters else ["quarters"]), "spacy_decoding"]
    ratios: dict[str, list[float]] = {arm: [] for arm in arms}
    identical = True
    for round_no in range(args.rounds):
        parse_s, _ = _timed(lambda: list(stock.pipe(texts, batch_size=32)))
        seconds, outputs = {}, {}
        for arm in arms[round_no % len(arms):] + arms[:round_no % len(arms)]:  # each round starts elsewhere
            _use_held(nlp, held, arm != "spacy_decoding")
            for component in held.values():
                component.joined = arm != "quarters"
            seconds[arm], outputs[arm] = _timed(extract)
            ratios[arm].append(parse_s / seconds[arm])
        _use_held(nlp, held, True)
        for component in held.values():
            component.joined = True
        same = all(outputs[arm] == outputs["held"] for arm in arms)
        identical &= same
        print(json.dumps({"round": round_no, "parse_cpu_s": round(parse_s, 2),
                          **{f"{arm}_cpu_s": round(seconds[arm], 2) for arm in arms},
                          **{f"ratio_cpu_{arm}": round(ratios[arm][-1], 3) for arm in arms}, "identical": same,
                          "load": round(os.getloadavg()[0], 1)}), file=sys.stderr, flush=True)
    summary = {"benchmark": "decoding_ab", "articles": len(articles), "rounds": args.rounds,
               "timed": "parse" if args.parse_only else "extract"}
    for arm in arms:
        summary[f"ratio_cpu_{arm}_best"] = round(max(ratios[arm]), 3)
        summary[f"ratio_cpu_{arm}_median"] = round(statistics.median(ratios[arm]), 3)
    print(json.dumps({**summary, "identical": identical}))


if __name__ == "__main__":
    main()
