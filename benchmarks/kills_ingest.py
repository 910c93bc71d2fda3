"""Data integrity under SIGKILL during a full NLP ingest: `dateline ingest` of real articles, killed and rerun.

`benchmarks/kills.py` kills a writer that stores synthetic documents (the store's write path alone).
This one kills the real thing: `dateline ingest` of Timeline17 articles with the whole pipeline
(spaCy parse, every stage, the verifier, cross-article merging, checkpoints), on DuckDB and PostgreSQL.

1. A clean run ingests the corpus into a fresh store; its wall time T and every row of every table
   are kept as the reference.
2. Each round ingests the same corpus into a fresh store (and a fresh checkpoint folder) and sends
   SIGKILL to the ingest's whole process group at a random point of the ingest: partitions of
   `--partition-size` articles are stored one transaction each, so the round picks k of the P
   partitions at random, waits until the checkpoint log says k are stored (for k = 0, until the
   first partition's results are saved, just before its first write), then waits a random part of
   the time one partition takes in the clean run. Kills so land while articles are parsed, while
   a partition's rows are written and between two partitions, from the first to the last.
3. The store left by the kill is checked: every stored article must hold exactly the events, timexes,
   places and actors it holds in the clean run (no half-written article, no orphan event).
4. A rerun (the same command, resuming from the checkpoints) finishes the ingest, and every table is
   compared row by row with the clean run.

Prints one JSON line per backend (after each, so a long run leaves its figures as it goes):

    .venv/bin/python benchmarks/kills_ingest.py [--kills 50] [--articles 12] [--backends duckdb,postgresql]
        [--partition-size 2] [--minutes M]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from dateline.store import open_store
from dateline.store.rows import table_columns

T17 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "t17"
PER_ARTICLE = ("events", "timexes", "places", "actors")  # tables whose rows belong to one article
DATELINE = Path(sys.executable).parent / "dateline"


def write_corpus(folder: Path, count: int, t17: Path = T17) -> Path:
    """`count` Timeline17 articles taken round-robin over the topics, as one JSON Lines file."""
    topics = sorted(p / "articles.jsonl" for p in t17.iterdir() if (p / "articles.jsonl").exists())
    streams = [iter(path.read_text(encoding="utf-8").splitlines()) for path in topics]
    lines = list(itertools.islice(itertools.chain.from_iterable(zip(*streams, strict=False)), count))
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def start_ingest(corpus: Path, target: str, checkpoints: Path, partition_size: int) -> subprocess.Popen:
    """`dateline ingest` in a process group of its own (so a kill takes its workers too)."""
    command = [str(DATELINE), "ingest", str(corpus), "--db", target, "--workers", "1", "--batch-size", "2",
               "--partition-size", str(partition_size), "--checkpoints", str(checkpoints)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            env={**os.environ, "DATELINE_LANG": "keep"})


def stored_partitions(checkpoints: Path) -> int:
    """Partitions the run's checkpoint log says are stored (0 once the run has finished and cleared it)."""
    try:
        return (checkpoints / "stored.log").read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def wait_until(proc: subprocess.Popen, ready: Callable[[], bool]) -> None:
    """Poll until `ready()` or the process has ended."""
    while proc.poll() is None and not ready():
        time.sleep(0.01)


def finish(proc: subprocess.Popen) -> None:
    _, err = proc.communicate()
    if proc.returncode not in (0, 1):  # 1: some input skipped (reported), which a clean run shares
        raise SystemExit(f"ingest failed ({proc.returncode}): {err.decode(errors='replace')[-400:]}")


def dump(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, in the columns of the data model: two stores with equal dumps hold the
    same data. A backend's own surrogates stay out (DuckDB's `row_seq`, drawn from a sequence for its listing
    index: a killed transaction consumes numbers it never stores, so a rerun numbers the same rows differently)."""
    with open_store(target, read_only=True) as store:
        quoted = {table: ", ".join(f'"{name}"' for name, _ in columns) for table, columns in table_columns().items()}
        return {table: sorted(store.rows(f"SELECT {names} FROM {table}"), key=repr) for table, names in quoted.items()}


def rows_per_article(tables: dict[str, list[tuple]]) -> dict[str, tuple[int, ...]]:
    """For each stored article, how many rows of each per-article table it holds."""
    columns = {table: [name for name, _ in cols] for table, cols in table_columns().items()}
    counts: dict[str, list[int]] = {row[0]: [0] * len(PER_ARTICLE) for row in tables["articles"]}
    for n, table in enumerate(PER_ARTICLE):
        at = columns[table].index("article_id")
        for row in tables[table]:
            counts.setdefault(row[at], [0] * len(PER_ARTICLE))[n] += 1
    return {aid: tuple(c) for aid, c in counts.items()}


def half_written(tables: dict[str, list[tuple]], reference: dict[str, tuple[int, ...]]) -> list[str]:
    """Articles the killed run left incomplete or unknown: their rows differ from the clean run's."""
    stored = {row[0] for row in tables["articles"]}
    return [aid for aid, counts in rows_per_article(tables).items()
            if aid not in stored or reference.get(aid) != counts]


def kill_round(corpus: Path, target: str, checkpoints: Path, partition_seconds: float, partition_size: int,
               reference: dict[str, list[tuple]], rng: random.Random) -> dict:
    """One kill at a random point of the ingest, the check of what it left, the rerun and the comparison."""
    open_store(target).close()  # the schema exists, so an early kill leaves an empty store to check
    partitions = -(-len(reference["articles"]) // partition_size)
    proc = start_ingest(corpus, target, checkpoints, partition_size)
    k = rng.randrange(partitions)
    if k:
        wait_until(proc, lambda: stored_partitions(checkpoints) >= k)
    else:
        wait_until(proc, lambda: any(checkpoints.glob("part-*.parquet")))
    time.sleep(rng.uniform(0, partition_seconds))
    interrupted = proc.poll() is None
    if interrupted:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    left = dump(target)
    broken = half_written(left, rows_per_article(reference))
    rerun = start_ingest(corpus, target, checkpoints, partition_size)
    finish(rerun)
    final = dump(target)
    return {"interrupted": interrupted, "partitions_logged_before": k, "stored_at_kill": len(left["articles"]),
            "half_written": broken,
            "differing": [t for t in reference if reference[t] != final[t]]}


def run_backend(new_target: Callable[[], str], folder: Path, corpus: Path, kills: int, partition_size: int,
                seed: int, minutes: float | None = None) -> dict:
    """The clean run, then `kills` kill-and-rerun rounds on fresh stores, each compared with it (no new round
    is started after `minutes`, if given: the line then says how many rounds were made)."""
    clean, checkpoints = new_target(), folder / "clean-checkpoints"
    started = time.perf_counter()
    proc = start_ingest(corpus, clean, checkpoints, partition_size)
    wait_until(proc, lambda: stored_partitions(checkpoints) >= 1)
    first_stored = time.perf_counter()
    finish(proc)
    clean_seconds = time.perf_counter() - started
    reference = dump(clean)
    partitions = -(-len(reference["articles"]) // partition_size)
    partition_seconds = (clean_seconds - (first_stored - started)) / max(1, partitions - 1)
    rng = random.Random(seed)
    rounds = []
    began = time.perf_counter()
    for n in range(kills):
        if minutes is not None and time.perf_counter() - began > 60 * minutes:
            break
        result = kill_round(corpus, new_target(), folder / f"checkpoints-{n}", partition_seconds, partition_size,
                            reference, rng)
        rounds.append(result)
        print(f"kill {n}: {result}", file=sys.stderr, flush=True)
    mid = [r for r in rounds if r["interrupted"] and 0 < r["stored_at_kill"] < len(reference["articles"])]
    return {"kills": len(rounds), "killed_while_running": sum(r["interrupted"] for r in rounds),
            "killed_between_first_and_last_article": len(mid),
            "survived": sum(not r["differing"] and not r["half_written"] for r in rounds),
            "mismatches": [{"kill": n, "tables": r["differing"]} for n, r in enumerate(rounds) if r["differing"]],
            "half_written": [{"kill": n, "articles": r["half_written"]} for n, r in enumerate(rounds)
                             if r["half_written"]],
            "clean_run": {"seconds": round(clean_seconds, 1), "seconds_per_partition": round(partition_seconds, 1),
                          "articles": len(reference["articles"]),
                          "events": len(reference["events"]), "rows": sum(map(len, reference.values()))},
            "seconds": round(time.perf_counter() - began, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--partition-size", type=int, default=2)
    parser.add_argument("--backends", default="duckdb,postgresql")
    parser.add_argument("--seed", type=int, default=20181917)
    parser.add_argument("--t17", type=Path, default=T17, help="the Timeline17 folder")
    parser.add_argument("--minutes", type=float, help="start no new round after this long (per backend)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="dateline-kills-ingest-"))
    corpus = write_corpus(folder, args.articles, args.t17)
    names = iter(range(10**6))
    for backend in args.backends.split(","):
        base = {"benchmark": "kills_ingest", "backend": backend, "articles": args.articles,
                "partition_size": args.partition_size}
        if backend == "duckdb":
            result = run_backend(lambda: str(folder / f"s{next(names)}.duckdb"), folder / "duckdb", corpus,
                                 args.kills, args.partition_size, args.seed, args.minutes)
            print(json.dumps({**base, **result}), flush=True)
            continue
        from pg import running_server

        with running_server() as server:
            result = run_backend(server.new_database, folder / "postgresql", corpus, args.kills,
                                 args.partition_size, args.seed, args.minutes)
        print(json.dumps({**base, **result}), flush=True)


if __name__ == "__main__":
    main()
