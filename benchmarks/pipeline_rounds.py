"""Many rounds of the full pipeline against spaCy's stock parse, the stages timed apart from the parse (issue 13).

Each round times, in one process and by CPU time (what a machine shared with other jobs disturbs least), spaCy's
stock parse of the articles (the baseline of "the full pipeline at >= 1.0x the parse-only rate") and dateline's
whole extract path (`pipeline.process`, then each document's JSON), the two passes in alternating order. Inside the
extract pass every post-parse stage is timed on its own, and so is the JSON, so a round splits into dateline's parse
(the rest of the pass: batching, `parse_until`, `Document`), each stage, and the JSON: a slow pass shows where it
was slow. Over `--rounds` (>= 10 to tell a tree's figure from the noise) it reports the median, the quartiles and the
extremes of each part, the per-round ratio stock ÷ extract, how many rounds reach 1.0, and the sign test's
one-sided p of that count (could a tree at exactly 1.0 give it by chance?). Every round's output must be the same
(`identical`); its digest lets two runs be compared.

With `--tree DIR` given twice or more, each tree (a checkout or `git archive`: DIR/src on PYTHONPATH) runs in its own
worker process, loaded once, and the rounds alternate between the workers (one busy at a time, the order rotating
each round), so both trees see the same drift of the host; the summary adds, per tree, the paired difference of its
stage and extract CPU to the first tree's, and whether every tree printed the same output (`same_output`). The stock
parse is the same code in every worker, so its paired difference is the workers' own bias (in the twentieth session
the second worker's was about 3 % higher in both runs: median paired +0.21 and +0.23 CPU s of ~6.9), and a smaller
difference of the stages is not resolved; each worker's ratio, stock ÷ extract in one process, is free of it.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/pipeline_rounds.py --rounds 10
    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/pipeline_rounds.py --rounds 12 --tree /tmp/base --tree .

Rounds go to stderr, one JSON line each; the last line on stdout is one JSON summary.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
TOPICS = "EgyptianProtest_cnn,bpoil_guardian,H1N1_reuters,IraqWar_guardian"


class Rounds:
    """The loaded models and articles of one tree, and one timed round over them."""

    def __init__(self, corpus: Path, topics: list[str], limit: int) -> None:
        import spacy

        from dateline.nlp import load_model, model_name
        from dateline.pipeline import STAGES
        from throughput import topic_articles

        self.articles = topic_articles(corpus, topics, limit)
        self.texts = [a.text for a in self.articles]
        self.stock = spacy.load(model_name())
        self.stock.max_length = max([self.stock.max_length, *(len(t) + 1 for t in self.texts)])
        load_model()
        self.stages = STAGES
        # Warm both paths over every text: lazy resources and the first sight of each word (new lexemes, the
        # lemmatizer's and the ruler's caches) would otherwise fall on the first pass of the first round.
        self.digest = self._extract()[1]
        list(self.stock.pipe(self.texts, batch_size=32))

    def _extract(self) -> tuple[dict[str, float], str]:
        """One pass of the extract path: CPU seconds of each stage, of the JSON and of the whole; the output's
        digest."""
        from dateline.pipeline import process

        cpu: dict[str, float] = {stage.__name__: 0.0 for stage in self.stages}

        def timed(stage: Callable[[Any], Any]) -> Callable[[Any], Any]:
            def run(doc: Any) -> Any:
                started = time.process_time()
                try:
                    return stage(doc)
                finally:
                    cpu[stage.__name__] += time.process_time() - started
            run.__name__ = stage.__name__  # the article budget names the stage by it
            return run

        digest, json_cpu = hashlib.sha256(), 0.0
        started = time.process_time()
        for doc in process(self.articles, batch_size=32, stages=[timed(s) for s in self.stages]):
            before = time.process_time()
            digest.update(json.dumps(doc.to_json()).encode() + b"\n")
            json_cpu += time.process_time() - before
        cpu["extract"] = time.process_time() - started
        cpu["json"] = json_cpu
        return cpu, digest.hexdigest()

    def round(self, number: int) -> dict[str, Any]:
        """One round: the stock parse and the extract pass, the first of them alternating with the round."""
        row: dict[str, Any] = {}
        for part in (("stock", "extract") if number % 2 == 0 else ("extract", "stock")):
            if part == "stock":
                started = time.process_time()
                list(self.stock.pipe(self.texts, batch_size=32))
                row["stock_parse"] = time.process_time() - started
            else:
                cpu, digest = self._extract()
                stages = sum(cpu[s.__name__] for s in self.stages)
                row.update({"extract": cpu["extract"], "stages": stages, "json": cpu["json"],
                            "parse": cpu["extract"] - stages - cpu["json"],
                            **{s.__name__: cpu[s.__name__] for s in self.stages}})
                row["identical"] = digest == self.digest
        row["ratio"] = row["stock_parse"] / row["extract"]
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}


def _worker(args: argparse.Namespace) -> None:
    """Serve rounds over stdin/stdout: one line "N" in, one JSON row out; anything else the tree prints goes to
    stderr."""
    reply = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    import dateline

    rounds = Rounds(args.corpus, args.topic.split(","), args.limit)
    print(json.dumps({"ready": True, "dateline": str(Path(dateline.__file__).parent), "digest": rounds.digest,
                      "articles": len(rounds.articles)}), file=reply, flush=True)
    for line in sys.stdin:
        print(json.dumps(rounds.round(int(line))), file=reply, flush=True)


class _Tree:
    """A worker process running one tree's pipeline."""

    def __init__(self, tree: Path, args: argparse.Namespace) -> None:
        self.tree = tree
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree / "src"), str(HERE)])}
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--corpus", str(args.corpus),
                   "--topic", args.topic, "--limit", str(args.limit)]
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.meta = self._reply()

    def _reply(self) -> dict[str, Any]:
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        if not line:
            sys.exit(f"pipeline_rounds: the worker of {self.tree} ended (its stderr says why)")
        return json.loads(line)

    def round(self, number: int) -> dict[str, Any]:
        print(number, file=self.process.stdin, flush=True)
        return self._reply()

    def close(self) -> None:
        self.process.stdin.close()  # type: ignore[union-attr]
        self.process.wait()


def spread(values: list[float]) -> dict[str, float]:
    """Median, quartiles and extremes of a part's CPU seconds (or ratios) over the rounds."""
    quartiles = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"median": round(statistics.median(values), 3), "q1": round(quartiles[0], 3),
            "q3": round(quartiles[2], 3), "min": round(min(values), 3), "max": round(max(values), 3)}


def sign_test_p(successes: int, trials: int) -> float:
    """One-sided p of at least `successes` of `trials` under a fair coin: how often a tree whose true ratio is
    exactly 1.0 (each round as likely above as below) would reach 1.0 this often."""
    return sum(math.comb(trials, k) for k in range(successes, trials + 1)) / 2 ** trials


def summarise(rows: list[dict[str, Any]], parts: list[str]) -> dict[str, Any]:
    """One tree's figures over its rounds."""
    ratios = [row["ratio"] for row in rows]
    above = sum(r >= 1.0 for r in ratios)
    return {**{part: spread([row[part] for row in rows]) for part in parts},
            "ratio": spread(ratios), "rounds_at_or_above_1": above,
            "sign_test_p": round(sign_test_p(above, len(ratios)), 5),
            "identical": all(row["identical"] for row in rows)}


def paired(rows: list[dict[str, Any]], base: list[dict[str, Any]], part: str) -> dict[str, Any]:
    """A tree's CPU of `part` against the first tree's, round by round: the median difference and how many rounds
    it was the lower."""
    diffs = [row[part] - other[part] for row, other in zip(rows, base, strict=True)]
    return {"median_diff": round(statistics.median(diffs), 3), "rounds_lower": sum(d < 0 for d in diffs),
            "rounds": len(diffs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parents[1] / "shared/corpus/t17")
    parser.add_argument("--topic", default=TOPICS, help="comma-separated T17 topics")
    parser.add_argument("--limit", type=int, default=8, help="articles per topic")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="a tree to run in its own worker (DIR/src on PYTHONPATH); give two or more to compare")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args)
        return
    if args.tree:
        trees = [_Tree(tree.resolve(), args) for tree in args.tree]
        names = [str(tree.tree) for tree in trees]
        run = [tree.round for tree in trees]
        digests = {str(tree.tree): tree.meta["digest"] for tree in trees}
    else:
        sys.path.insert(0, str(HERE))
        local = Rounds(args.corpus, args.topic.split(","), args.limit)
        names, run, digests = ["."], [local.round], {".": local.digest}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for number in range(args.rounds):
        shift = number % len(names)
        for index in list(range(shift, len(names))) + list(range(shift)):  # each round starts at another tree
            row = run[index](number)
            rows[names[index]].append(row)
            print(json.dumps({"round": number, "tree": names[index], **row, "load": round(os.getloadavg()[0], 1)}),
                  file=sys.stderr, flush=True)
    if args.tree:
        for tree in trees:
            tree.close()
    parts = ["stock_parse", "extract", "parse", "stages", "json", *(k for k in rows[names[0]][0]
                                                                      if k.startswith(("mark_", "tag_", "code_")))]
    summary: dict[str, Any] = {"benchmark": "pipeline_rounds", "rounds": args.rounds, "timed": "cpu_s",
                               "trees": {}, "same_output": len(set(digests.values())) == 1}
    for name in names:
        summary["trees"][name] = {**summarise(rows[name], parts), "digest": digests[name][:16]}
        if name != names[0]:
            summary["trees"][name]["against_first"] = {
                part: paired(rows[name], rows[names[0]], part)
                for part in ("stock_parse", "stages", "parse", "extract")}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
