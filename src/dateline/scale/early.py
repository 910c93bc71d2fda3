"""The workers' fork server started at the very start of `dateline ingest`, before the command's own imports.

A cold `dateline ingest --workers 2` imports its modules first (~1.2 CPU s: the CLI brings the event coder and spaCy
through `render` and `timeline`), and only then does `ingest_with` make its runner, whose fork server boots (~1.5
CPU s: the pipeline's imports, the model, the warm-up) on one core while the other idles and the parent waits: the
two run one after the other on the critical path, though the parent never uses what it imported to process
anything. Started from the command line, before those imports, the server boots on one core while the command
imports on the other (`benchmarks/critical_path.py` times both).

The command line is read only as far as this needs: the `ingest` command, not asking for help, with local workers
(`--workers` above 1, or left to its default on a machine of more than one core; no Dask `--cluster` or
`--scheduler`), and inputs that hold more articles than one partition (`estimate_articles` on the paths the command
line names, as `ingest_with` estimates them; an input that fits in one partition is processed without workers, and a
server booted for it would cost ~1.5 CPU s on the other core and ~250 MB until the command ends). Standard input has
no size to read, so it waits for `ingest_with`. Starting the server twice is harmless: `LocalWorkers` finds it
running. The console entry (`dateline.launch`) calls this before it imports the command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from dateline.scale import DEFAULT_PARTITION_SIZE, estimate_articles
from dateline.scale.runners import default_workers, worker_context

#: The options of `dateline ingest` that send partitions to Dask instead of local workers.
DASK_OPTIONS = ("--cluster", "--scheduler")
#: The options of `dateline ingest` that take no value: every other option's next word is its value, not an input.
FLAGS = ("--feeds", "--dayfirst", "--monthfirst", "--help")


def option_value(argv: Sequence[str], name: str) -> str | None:
    """The value given to option `name` in `argv` (`--name VALUE` or `--name=VALUE`), the last one if repeated."""
    found = None
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith(name + "="):
            found = arg.partition("=")[2]
    return found


def input_paths(argv: Sequence[str]) -> list[str]:
    """The inputs an `ingest` command line names (`argv` without the program's name): its words that are neither an
    option nor an option's value (see `FLAGS`)."""
    paths: list[str] = []
    words = iter(argv[1:])
    for word in words:
        if word.startswith("--"):
            if "=" not in word and word not in FLAGS:
                next(words, None)
        elif word != "-" and word.startswith("-"):
            next(words, None)
        else:
            paths.append(word)
    return paths


def more_than_one_partition(argv: Sequence[str]) -> bool:
    """Whether the inputs of an `ingest` command line hold more articles than one partition (`--partition-size`,
    by default `DEFAULT_PARTITION_SIZE`), as `estimate_articles` counts them; False for standard input or when a
    size cannot be read."""
    try:
        size = int(option_value(argv, "--partition-size") or DEFAULT_PARTITION_SIZE)
        total = estimate_articles(input_paths(argv), more_than=size)  # stops reading once past one partition
    except (OSError, ValueError):  # the command itself says what is wrong with its inputs
        return False
    return total is not None and total > size


def ingest_with_local_workers(argv: Sequence[str], cores: int | None = None) -> bool:
    """Whether `argv` (a `dateline` command line without the program's name) is an ingest that runs local workers
    (see the module's doc); `cores` stands for this machine's (`default_workers`)."""
    if not argv or argv[0] != "ingest" or "--help" in argv:
        return False
    if any(arg == option or arg.startswith(option + "=") for arg in argv for option in DASK_OPTIONS):
        return False
    workers = option_value(argv, "--workers")
    try:
        many = (default_workers() if cores is None else cores) > 1 if workers is None else int(workers) > 1
    except ValueError:  # the command itself says what is wrong with it
        return False
    return many and more_than_one_partition(argv)


def start_workers_early(argv: Sequence[str] | None = None) -> bool:
    """Start the workers' fork server now, without waiting for it, when `argv` asks for an ingest with local workers
    (default: this process's own command line, when the program is `dateline`); True when it was started. Only the
    settings' spaCy model is preloaded by the server: with another `--model` the workers are spawned, and nothing is
    started here."""
    if argv is None:
        if Path(sys.argv[0]).name != "dateline":
            return False
        argv = sys.argv[1:]
    if not ingest_with_local_workers(argv):
        return False
    context = worker_context(option_value(argv, "--model"))
    if context.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return True


__all__ = ["FLAGS", "ingest_with_local_workers", "input_paths", "more_than_one_partition", "option_value",
           "start_workers_early"]
