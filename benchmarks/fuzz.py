"""Coverage-guided fuzzing of the readers with atheris (libFuzzer), for N inputs or T seconds.

Each input is split into a file name (text, HTML, JSON Lines, JSON, no suffix), a date order, and
the bytes of the file, and read with `dateline.read.read_bytes` and, for JSON Lines, with the
streaming reader too. The property checked on every input: the reader ends (libFuzzer's
`-timeout` catches a hang), raises nothing, and accounts for the input (articles read + inputs
skipped >= 1, every skip with a reason). A broken property is recorded with the input, not
raised, so one run counts every crash instead of stopping at the first.

The fuzzing runs in a child process (libFuzzer ends its process when done); the parent reads
libFuzzer's totals and the crashes and prints one JSON line:

    .venv/bin/python benchmarks/fuzz.py [--runs N] [--seconds T] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ("story.txt", "page.html", "feed.jsonl", "dump.json", "story")


def check_one_input(data: bytes) -> None:
    """Read one fuzzed input and record it when the reader raises or drops it in silence."""
    import atheris

    from dateline.read import ReadReport, read_bytes
    from dateline.read.jsonl import read_jsonl_stream

    fdp = atheris.FuzzedDataProvider(data)
    name = NAMES[fdp.ConsumeIntInRange(0, len(NAMES) - 1)]
    order = (None, "dayfirst", "monthfirst")[fdp.ConsumeIntInRange(0, 2)]
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        report = ReadReport()
        articles = list(read_bytes(body, name, report, Path(name), max_chars=20_000, date_order=order))
        problem = _unaccounted(articles, report)
        if name.endswith(".jsonl") and problem is None:
            report = ReadReport()
            lines = body.splitlines(keepends=True)
            problem = _unaccounted(list(read_jsonl_stream(lines, name, report, 20_000, order)), report)
    except Exception as exc:  # noqa: BLE001 - a crash is what this harness looks for
        problem = f"{type(exc).__name__}: {exc}"[:300]
    if problem:
        _record(name, body, problem)


def _unaccounted(articles: list, report) -> str | None:
    """Why a reader's result breaks the property, or None."""
    if len(articles) != report.read:
        return f"{len(articles)} articles but {report.read} counted"
    if report.read + len(report.skipped) < 1:
        return "silent drop: neither an article nor a skip"
    if any(not reason.strip() for _, reason in report.skipped):
        return "a skip without a reason"
    return None


def _record(name: str, body: bytes, problem: str) -> None:
    """Append one crash (as a JSON line) to the file the parent reads."""
    with open(os.environ["DATELINE_FUZZ_CRASHES"], "a", encoding="utf-8") as out:
        out.write(json.dumps({"name": name, "input": body[:500].hex(), "problem": problem}) + "\n")


def fuzz_child(argv: list[str]) -> None:
    """The child: instrument dateline's readers and hand control to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["dateline"]):
        import dateline.read  # noqa: F401 - instrumented for coverage
    atheris.Setup(argv, check_one_input)
    atheris.Fuzz()


def seed_corpus(folder: Path) -> None:
    """A few well-formed inputs of each format for libFuzzer to mutate."""
    seeds = {
        "text": b"\x00\x00date 2018-09-19\nTurkey and Russia agreed on Monday to make Idlib a demilitarised zone.",
        "jsonl": b"\x02\x00" + json.dumps({"date": "2016-11-23", "text": "Police arrested 5 in Lagos.",
                                           "id": 7}).encode() + b"\n{\"time\": 1}\n",
        "html": b"\x01\x01<html><head><meta property=\"article:published_time\" content=\"2018-02-28\">"
                b"<title>T</title></head><body><article><p>Protesters marched in Kyiv on Sunday against the "
                b"government, and police detained dozens.</p></article></body></html>",
        "array": b"\x03\x00[{\"date\": \"03/04/2016\", \"text\": \"Ministers met in Paris.\"}]",
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        (folder / name).write_bytes(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=0, help="inputs to try (0: until --seconds)")
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder kept between runs")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="dateline-fuzz-"))
    corpus = args.corpus or work / "corpus"
    seed_corpus(corpus)
    crashes = work / "crashes.jsonl"
    crashes.touch()
    limits = [f"-max_total_time={args.seconds}", "-timeout=20", "-rss_limit_mb=3000", "-max_len=65536",
              f"-artifact_prefix={work}/"] + ([f"-runs={args.runs}"] if args.runs else [])
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", *limits, str(corpus)], capture_output=True,
                          text=True, env={**os.environ, "DATELINE_FUZZ_CRASHES": str(crashes)}, check=False)
    seconds = time.perf_counter() - started
    found = [json.loads(line) for line in crashes.read_text(encoding="utf-8").splitlines()]
    totals = re.findall(r"Done (\d+) runs in (\d+) second", done.stderr)
    cov = re.findall(r"cov: (\d+) ft: (\d+)", done.stderr)
    print(json.dumps({
        "cases": int(totals[-1][0]) if totals else None, "seconds": round(seconds, 1),
        "libfuzzer_exit": done.returncode, "coverage_edges": int(cov[-1][0]) if cov else None,
        "corpus_files": len(list(corpus.iterdir())), "crashes": len(found),
        "distinct_problems": sorted({c["problem"].split(":")[0] for c in found})[:10],
        "first_crash": found[0] if found else None,
        "hang_or_oom": None if done.returncode == 0 else done.stderr.strip().splitlines()[-3:],
    }), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        fuzz_child([sys.argv[0], *sys.argv[2:]])
    else:
        main()
