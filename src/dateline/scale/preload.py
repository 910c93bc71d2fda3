"""Imported once by the local workers' fork server: the pipeline's modules, the spaCy model and every resource the
stages load on first use, made ready before any worker exists, so every worker forked from it starts with them in
memory.

Each worker used to be a fresh interpreter (`spawn`) that imported dateline and loaded the model
itself: about 2.5 s of CPU per worker (1.1 s of imports, 1.5 s of model), paid again by every
worker of every run, which on a 2-core machine and 60 short wire articles (~12 s of pipeline CPU)
kept 2 workers well under twice one. Forked from a server that has done this once, a worker starts
in milliseconds and shares the model's memory pages with its siblings until it writes to them.

The stages' own resources (actor dictionary, event lexicon and models, story cues, word lists, compiled
patterns, the parser's lazily read tables) load on first use; a worker forked before they were loaded paid for
them on its first partition, ~0.4 s of CPU per worker, again for every worker that replaces a recycled one. So the
server runs the pipeline once on a short article written here (`warm_up`, ~0.45 s), and the workers inherit what it
loaded (60 T17 articles, 2 workers: 19.4-19.7 -> 18.7-18.9 CPU seconds in the workers, 1.31 -> 1.6 in the server). The
article names an office holder by title and surname since the twenty-second session: the actor dictionary's index of
office holders by surname, built on first use, was the largest first-use cost left to each worker (a worker's first
partition of 3 short articles cost 0.13-0.14 CPU s more than a later one, now 0.05-0.07; `benchmarks/worker_startup.py`
times every part of the start-up, and the server records its own in `BOOT_CPU`). The
gazetteer, the one resource holding a database connection (which must not be shared across a fork), is closed
again after the warm-up: each worker opens its own on first use, which takes milliseconds.

Last, what the server holds is frozen (`gc.freeze`): the collector leaves those objects alone in every worker forked
from it. A worker collects its garbage after every partition (`memory.release_memory`); that full collection walked
the ~270,000 objects of the model and resources each time, 0.14-0.18 CPU s a partition, and wrote to the pages
holding them, which the worker then had to copy from the server's (4 T17 articles a partition, 5 partitions: 0.80 ->
0.08 CPU s of collection, and fewer page faults). They live as long as the worker anyway; a single process (`dateline
extract`, a 1-worker ingest) freezes nothing, since it holds its documents among them. No full collection comes
before the freeze (until the twenty-second session one did): it found ~100 unreachable objects, all in the oldest
generation already, and cost 0.14 CPU s, 7 % of the server's start-up, which the workers wait for.

The imports run with the collector off and are frozen at once (`import_quietly`): nothing they make is garbage,
and walking it in every collection of the boot cost ~0.2 CPU s of the ~1.55 the workers wait for.

Only the model named by the settings is loaded here (`DATELINE_SPACY_MODEL`, else the default):
what `--model` names is loaded by each worker as it starts.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import logging
import sys
import time

#: What the server imports before the model, in this order: the pipeline brings spaCy and every stage.
SERVER_IMPORTS = ("threadpoolctl", "dateline.geo.gazetteer", "dateline.model", "dateline.nlp", "dateline.pipeline")


def import_quietly(names: tuple[str, ...] = SERVER_IMPORTS) -> None:
    """Import `names` with the cyclic garbage collector off, then freeze what they made (`gc.freeze`).

    Importing spaCy and the stages makes ~280,000 objects; with the collector on, each 700 new ones start a young
    collection, and the later, older ones walk what the imports made again (during the model's load and the
    warm-up too). What an import makes lives as long as the process, so walking it finds nothing: off during the
    imports and frozen after them, the server's start-up fell by ~0.2 CPU s of ~1.55 (imports 0.90 -> 0.81, warm-up
    0.40 -> 0.30, the model alike; 3 fresh interpreters each, alternated). ~1,500 objects that a collection would
    have found unreachable stay, frozen (their memory is in the noise of the server's 246 MB). The collector is
    back on for the model and the warm-up: off for those too, the model's load took 0.1 CPU s more (its garbage
    piles up instead of being reused)."""
    gc.disable()
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        gc.freeze()
        gc.enable()


import_quietly()
#: The fork server's start-up in CPU seconds, by part, as every worker forked from it inherits it (what a worker no
#: longer pays; read by `benchmarks/worker_startup.py`): `imports`, from the interpreter's start (the package
#: `dateline.scale`, imported before this module, and `import_quietly` bring the pipeline and spaCy; the store
#: and DuckDB stay the parent's, `SERVER_MODULES`), then `model`, `warm_up` and `freeze`.
BOOT_CPU: dict[str, float] = {"imports": round(time.process_time(), 3)}

#: A short article that takes every stage through its resources: actors, an event, places, dates, and a titled
#: surname, for which the actor dictionary builds its index of office holders by surname on first use (~0.1 CPU s,
#: paid by every worker on its first partition while the warm-up had none).
WARM_UP_TEXT = ("CAIRO (Reuters) - Egyptian police arrested dozens of protesters in Cairo on Tuesday, and the "
                "foreign minister said on Wednesday that the government would meet opposition leaders next week. "
                "The United Nations condemned the arrests, and Prime Minister Cameron called for restraint.")


def warm_up() -> None:
    """Load the model and run the pipeline once, so that what the stages load on first use is loaded here; then
    close the gazetteer's connection, which a forked worker must open itself. A warm-up that fails (a gazetteer
    that cannot be built, say) is logged and left: each worker then loads on first use and reports the same
    failure for the partition it was processing, with its article, instead of the fork server dying unexplained.
    What is left is frozen for the workers' collector (see the module's doc)."""
    from threadpoolctl import threadpool_limits

    from dateline.geo.gazetteer import forget_gazetteer
    from dateline.model import Article
    from dateline.nlp import load_model
    from dateline.pipeline import process_one

    started = time.process_time()
    load_model()
    BOOT_CPU["model"] = round(time.process_time() - started, 3)
    started = time.process_time()
    try:
        with threadpool_limits(1, user_api="blas"):
            process_one(Article("dateline-warm-up", dt.date(2011, 1, 25), WARM_UP_TEXT))
    except Exception as exc:  # noqa: BLE001 - any failure here is met again, and reported, in the workers
        logging.getLogger(__name__).warning("dateline: warming up the workers' fork server failed (%s); "
                                            "each worker loads its resources on first use", exc)
    finally:
        forget_gazetteer()
        BOOT_CPU["warm_up"] = round(time.process_time() - started, 3)
        started = time.process_time()
        gc.freeze()  # no full collection first: it found ~100 unreachable objects and cost 0.14 CPU s of the boot
        BOOT_CPU["freeze"] = round(time.process_time() - started, 3)


warm_up()
#: What the server had imported once ready: a worker's own imports are what it holds beyond these.
SERVER_MODULES = frozenset(sys.modules)
