"""Fit the day-salience weights of `dateline.timeline` on Timeline17, cross-validated across topics.

For each topic folder of the corpus, the weights are chosen on the other topics (the grid below, by
mean date F1 of the L days chosen for each reference timeline) and scored on the held-out topic; the
mean held-out date F1 says what the fitted weights are worth on a topic never seen. The weights fitted
on every topic are written, with that cross-validated figure and the per-topic choices, to
`src/dateline/data/models/timeline_weights.json`, which `dateline.timeline` loads.

Reads articles with the fast road (tokeniser + time stage); `--cache` is benchmarks/tls.py's cache.

    .venv/bin/python tools/train_timeline.py CORPUS [--cache /tmp/tls-cache] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import statistics
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from dateline.timeline.dates import SalienceWeights, day_evidence, rank_days
from dateline.timeline.sentences import day_candidates
from dateline.timeline.summarise import WEIGHTS_FILE
from tls import material, read_articles

GRID = [SalienceWeights(r, a, p, 0.5) for r, a, p in itertools.product((0.0, 0.5, 1.0), (0.0, 0.5, 1.0, 2.0),
                                                                        (0.0, 0.5, 1.0))
        if r or a or p]


def tasks(corpus: Path, cache: Path | None) -> dict[str, list[tuple[set[str], list, str, str]]]:
    """Per topic: (reference days, material, first, last) of each reference timeline."""
    found: dict[str, list] = {}
    for folder in sorted(p for p in corpus.iterdir() if (p / "timelines.jsonl").is_file()):
        for line in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
            days = {d[:10] for d, _ in json.loads(line)}
            first, last = min(days), max(days)
            articles = read_articles(folder, dt.date.fromisoformat(first), dt.date.fromisoformat(last))
            found.setdefault(folder.name, []).append((days, material(articles, "fast", cache)[0], first, last))
    return found


def date_f1(task: tuple, weights: SalienceWeights) -> float:
    """Date F1 of the L most salient days (with candidate sentences) against the reference days."""
    days, sources, first, last = task
    candidates = day_candidates(sources)
    ranked = [d for d, _ in rank_days(day_evidence(sources, first, last), weights) if candidates.get(d)]
    chosen = set(ranked[:len(days)])
    hits = len(chosen & days)
    p, r = (hits / len(chosen) if chosen else 0.0), hits / len(days)
    return 2 * p * r / (p + r) if hits else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--write", action="store_true", help="write the fitted weights for dateline to load")
    args = parser.parse_args()
    by_topic = tasks(args.corpus, args.cache)
    scores = {(t, i): [date_f1(task, w) for task in by_topic[t]] for t in by_topic for i, w in enumerate(GRID)}

    def mean_over(topics: list[str], i: int) -> float:
        return statistics.mean(s for t in topics for s in scores[(t, i)])

    held_out = {}
    for topic in by_topic:
        rest = [t for t in by_topic if t != topic]
        best = max(range(len(GRID)), key=lambda i: (mean_over(rest, i), -i))
        held_out[topic] = {"weights": asdict(GRID[best]), "date_f1": round(mean_over([topic], best), 4)}
    best = max(range(len(GRID)), key=lambda i: (mean_over(list(by_topic), i), -i))
    report = {"weights": asdict(GRID[best]), "in_sample_date_f1": round(mean_over(list(by_topic), best), 4),
              "cv_date_f1": round(statistics.mean(h["date_f1"] for h in held_out.values()), 4),
              "default_date_f1": round(mean_over(list(by_topic), GRID.index(SalienceWeights())), 4),
              "held_out": held_out, "trained_on": "Timeline17 (" + ", ".join(by_topic) + ")"}
    print(json.dumps(report))
    if args.write:
        WEIGHTS_FILE.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
