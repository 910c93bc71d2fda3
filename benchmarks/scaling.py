"""The linear-time proof: every stage's time (and the process's peak memory) on hostile texts of
10K, 100K and 1M characters, printed as one JSON line.

Hostile shapes, each a class of input that once made a stage superlinear:

* `lines`: one short sentence repeated on its own line ("Russia attacked Idlib.", 20,000 lines
  at 460K characters): the place fallback scanned every pair of mentions per mention (cubic),
  the story stage every line per sentence, the coder every place per event;
* `sentence`: the same sentence repeated on one line;
* `prose`: the seed article (a real story with dates, places and actors) repeated;
* `digits`: one 10K/100K/1M-digit token in a sentence: the timex windows searched for the next
  space from every digit.

Each size runs in a fresh process (so the peak resident memory is that size's), with no time
budget. `per_char_growth` is, per shape and stage, the time per character at the largest size
over that at the middle one: about 1 for a linear stage, 10 for a quadratic one (figures
under 0.05 s are left out, being noise). Run: `.venv/bin/python benchmarks/scaling.py
[--sizes 10000,100000,1000000] [--shapes lines,sentence,prose,digits]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "examples"
UNITS = {"lines": "Russia attacked Idlib.\n", "sentence": "Russia attacked Idlib. "}
NOISE_SECONDS = 0.05


def hostile_text(shape: str, chars: int) -> str:
    """A text of about `chars` characters of the given shape."""
    if shape == "digits":
        return "Russian forces attacked Idlib on 12 May. " + "7" * chars + " Turkey condemned the attack."
    unit = UNITS.get(shape) or _seed_story() + "\n"
    return (unit * (chars // len(unit) + 1))[:chars]


def _seed_story() -> str:
    """The text of the first bundled example article (its `date` line left out)."""
    first = sorted(p for p in SEED.rglob("*") if p.is_file() and p.suffix in ("", ".txt"))[0]
    return first.read_text(encoding="utf-8").split("\n", 1)[1]


def measure(shape: str, chars: int) -> dict[str, float]:
    """Seconds of the parse and of every stage on one text, and the peak memory in MB (in this process)."""
    import datetime as dt

    from dateline.model import Article, Document
    from dateline.nlp import load_model
    from dateline.pipeline import STAGES

    text = hostile_text(shape, chars)
    nlp = load_model(None)
    warm = Document(article=Article(id="warm", date=dt.date(2018, 9, 19), text=_seed_story()), parsed=None)
    warm.parsed = nlp(warm.article.text)
    for stage in STAGES:  # load the gazetteer, dictionaries and models before the clock starts
        warm = stage(warm)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    started = time.perf_counter()
    doc = Document(article=Article(id="scaling", date=dt.date(2018, 9, 19), text=text), parsed=nlp(text))
    seconds = {"parse": time.perf_counter() - started}
    for stage in STAGES:
        started = time.perf_counter()
        doc = stage(doc)
        seconds[stage.__name__] = time.perf_counter() - started
    out = {name: round(value, 3) for name, value in seconds.items()}
    out["stages_total"] = round(sum(v for k, v in seconds.items() if k != "parse"), 3)
    out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def growth(figures: dict[int, dict[str, float]]) -> dict[str, float]:
    """Time per character at the largest size over the next largest, per stage (1: linear)."""
    sizes = sorted(figures)
    if len(sizes) < 2:
        return {}
    small, large = figures[sizes[-2]], figures[sizes[-1]]
    ratio = sizes[-1] / sizes[-2]
    return {name: round((large[name] / small[name]) / ratio, 2) for name in large
            if name != "peak_mb" and small.get(name, 0) >= NOISE_SECONDS and large[name] >= NOISE_SECONDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--shapes", default="lines,sentence,prose,digits")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    results: dict[str, dict[int, dict[str, float]]] = {}
    for shape in args.shapes.split(","):
        results[shape] = {}
        for chars in (int(n) for n in args.sizes.split(",")):
            run = subprocess.run([sys.executable, __file__, "--one", shape, str(chars)], capture_output=True,
                                 text=True, check=False)
            if run.returncode:
                sys.exit(f"{shape} {chars}: the measuring process failed: {run.stderr.strip().splitlines()[-1:]}")
            results[shape][chars] = json.loads(run.stdout.strip().splitlines()[-1])
            print(f"{shape} {chars}: {results[shape][chars]}", file=sys.stderr, flush=True)
    print(json.dumps({"benchmark": "scaling", "seconds_by_shape_and_chars": results,
                      "per_char_growth": {shape: growth(figures) for shape, figures in results.items()}}))


if __name__ == "__main__":
    main()
