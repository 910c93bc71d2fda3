"""What the merge's kept reports and sentence readers really hold, against `merge.cache.report_bytes`'s estimate.

The bulk parent keeps stored events' reports between writes (`store.merged.REPORTS`, bounded by an estimate of
their bytes) and reads their sentences through lru caches bounded in entries (`merge.text`, `merge.quotes`,
`merge.spans._span`). This streams a store's events in stored order through a `ReportCache` of `--bound-mb`, as the
parent's merge reads its candidates (no links, clustering or writes), and prints a JSON line every `--step` events:
reports kept, the cache's estimate, tracemalloc's traced total and its largest files. At the end each part is let go
in turn and what that freed is printed: the readers, `_span`, and the kept reports (what the cache alone holds, its
words shared with nothing else once the readers are cleared), against the cache's estimate.

    .venv/bin/python benchmarks/report_cache_bytes.py STORE.duckdb --bound-mb 32 --step 2000
"""

from __future__ import annotations

import argparse
import gc
import json
import tracemalloc
from collections.abc import Callable

import duckdb

from dateline.merge import quotes, spans, text
from dateline.merge.cache import ReportCache
from dateline.merge.rules import report_of
from dateline.store import merged

#: The merge's lru caches of sentences (each bounded at `text.SENTENCE_CACHE` entries).
READERS: tuple[Callable, ...] = (
    text.sentence_words, text.sentence_numbers, text.sentence_names, text.sentence_fingerprint, quotes._tokens,
    quotes._content_words, quotes.quoted_runs, quotes.sentence_runs, quotes._token_starts)
MB = 2 ** 20


def traced() -> int:
    """Bytes tracemalloc counts as held now, garbage collected first."""
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def by_file(top: int = 6) -> dict[str, float]:
    """The traced MB of the `top` largest source files."""
    sizes: dict[str, int] = {}
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        name = stat.traceback[0].filename.rsplit("/", 1)[-1]
        sizes[name] = sizes.get(name, 0) + stat.size
    return {name: round(size / MB, 2) for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:top]}


def stream(path: str, bound_mb: int, step: int) -> None:
    """Read every stored event's report through one cache of `bound_mb`, printing a line each `step` events, then
    what each part held."""
    con = duckdb.connect(path, read_only=True)
    ids = [row[0] for row in con.execute("SELECT id FROM events ORDER BY row_seq").fetchall()]

    def execute(sql: str, params: object = ()) -> list[tuple]:
        return con.execute(sql, list(params)).fetchall()  # type: ignore[arg-type]

    tracemalloc.start(1)
    base = traced()
    cache = ReportCache(max_bytes=bound_mb * MB)
    for start in range(0, len(ids), step):
        for row in merged._member_rows(execute, "id", ids[start:start + step]):
            digest = hash(row[:5])
            if cache.get(row[7], digest) is None:
                cache.put(digest, report_of(merged._member(row[:5])))
        print(json.dumps({"events": min(start + step, len(ids)), "kept": len(cache),
                          "estimate_mb": round(cache.bytes / MB, 2), "traced_mb": round((traced() - base) / MB, 2),
                          "span_entries": spans._span.cache_info().currsize,
                          "words_entries": text.sentence_words.cache_info().currsize, "files": by_file()}), flush=True)
    full = traced()
    for reader in READERS:
        reader.cache_clear()
    no_readers = traced()
    spans._span.cache_clear()
    no_span = traced()
    kept, estimate = len(cache), cache.bytes
    del cache
    no_cache = traced()
    print(json.dumps({"readers_mb": round((full - no_readers) / MB, 2),
                      "span_mb": round((no_readers - no_span) / MB, 2),
                      "cache_real_mb": round((no_span - no_cache) / MB, 2),
                      "cache_estimate_mb": round(estimate / MB, 2), "kept": kept,
                      "left_mb": round((no_cache - base) / MB, 2)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="a DuckDB store a bulk run filled (opened read-only)")
    parser.add_argument("--bound-mb", type=int, default=32, help="the report cache's bound (MB of its estimate)")
    parser.add_argument("--step", type=int, default=2000, help="events read between lines")
    args = parser.parse_args()
    stream(args.store, args.bound_mb, args.step)


if __name__ == "__main__":
    main()
