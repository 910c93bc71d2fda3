"""Tally the judged shown-event samples under several event model pairs, from parses made once.

    .venv/bin/python benchmarks/shown_models.py MODELS [MODELS ...] --seed 1919 [--seed 2020] [--min-confidence 0.35]

`tools/shown_sample.py tally` judges what the shipped pair shows on a sample; this judges what each pair in the
`MODELS` folders (an `event_detector` and an `event_verifier` each, as `benchmarks/event_models.py` takes them)
shows on the same articles, coded as `event_models.py` codes its sets (the lexicon's stages cached once, each pair's
detector and verifier, then the grouping). Each shown event gets the verdict of the labelled trigger one of its
mentions sits on (`shown_sample.judge`); an event on no judged trigger (one the judging pair did not show, or one
on an article of the draw where nothing was shown when it was judged) is `unjudged`. Only the samples no training
run read are honest here: a verifier trained with the `shown` source (`tools/shown_source.py`) saw the samples up to
seed 1818. One JSON line per pair and seed: the counts by verdict,
`right` among them, and the share right of the judged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from dateline.events import detect, linear, verify
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.model import Document
from event_models import cached_documents, coded
from news_candidates import article, default_shared, read_labels
from shown_sample import SAMPLES, judge, sample_articles


def tally(docs: list[Document], labels: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    """The events of `docs` shown at `threshold`, counted by verdict, and the share right of the judged ones."""
    counts: Counter = Counter()
    for doc in docs:
        for event in (e for e in doc.events if e.confidence >= threshold):
            counts[judge(labels, doc.article.id, event) or "unjudged"] += 1
    judged = sum(n for k, n in counts.items() if k != "unjudged")
    return {"shown": sum(counts.values()), "judged": judged, "right": counts["right"],
            "precision": round(counts["right"] / max(judged, 1), 3), **dict(sorted(counts.items()))}


def main() -> None:
    """Print one JSON line per model folder and seed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", type=Path, nargs="+", help="folders with event_detector.* and event_verifier.*")
    parser.add_argument("--seed", type=int, action="append", required=True, help="a sample of shown_sample.SAMPLES")
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE)
    parser.add_argument("--shared", type=Path, default=default_shared())
    args = parser.parse_args()
    for seed in args.seed:
        labels = read_labels(SAMPLES[seed])
        articles = [article(args.shared, i) for i in sample_articles(args.shared, seed, labels)]
        docs = cached_documents(f"shown{seed}-drawn", articles)
        for folder in args.models:
            detector = linear.read_model(folder, detect.MODEL_NAME, detect.FEATURE_VERSION)
            verifier = (linear.read_model(folder, verify.MODEL_NAME, verify.FEATURE_VERSION),
                        linear.installed_model(folder, verify.REFINER_NAME, verify.FEATURE_VERSION))
            figures = tally(coded(docs, detector, verifier), labels, args.min_confidence)
            print(json.dumps({"models": str(folder), "sample": seed, "min_confidence": args.min_confidence,
                              **figures}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
