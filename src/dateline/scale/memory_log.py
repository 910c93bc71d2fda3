"""What the partitioned ingest's parent holds, logged from inside it after every partition it stores (opt-in).

The bulk parent's growth was read from outside (RSS and `smaps` by kind) and replayed in other processes, but part of
it showed only in the real loop (workers' results through pipes, pools recycled, Parquet checkpoints). Set
`DATELINE_MEMORY_LOG=FILE` and the parent appends a JSON line per stored partition, after the store is released and
memory trimmed: its RSS and PSS, glibc's heaps (`mallinfo2`: obtained by its arenas, in use, large blocks), DuckDB's
own jemalloc (allocated, resident), the merge's report cache (reports, bytes by its estimate), the sentence readers'
cached sentences, and Python's allocated blocks. With `DATELINE_TRACEMALLOC=N` as well, Python's allocations are
traced and every N partitions the lines whose memory grew most since the last such row are named (tracemalloc
slows the parent: a run for attribution, not for timing). Unset, nothing is read and nothing is written.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

LOG_VARIABLE, TRACE_VARIABLE = "DATELINE_MEMORY_LOG", "DATELINE_TRACEMALLOC"
#: Lines of code named per traced row: the largest growths since the previous traced row.
TRACE_TOP = 12


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost")]


def _mb(n: float) -> float:
    return round(n / 2**20, 1)


@functools.cache
def _mallinfo2() -> Any | None:
    """glibc's `mallinfo2`, looked up once (finding and loading the C library costs ~2 ms), or None off glibc."""
    try:
        mallinfo2 = ctypes.CDLL(ctypes.util.find_library("c")).mallinfo2
    except (OSError, AttributeError, TypeError):
        return None
    mallinfo2.restype = _MallInfo2
    return mallinfo2


def glibc_mb() -> dict[str, float]:
    """glibc's heaps (`mallinfo2`), or {} off glibc."""
    mallinfo2 = _mallinfo2()
    if mallinfo2 is None:
        return {}
    info = mallinfo2()
    return {"glibc_arenas_mb": _mb(info.arena), "glibc_used_mb": _mb(info.uordblks),
            "glibc_free_mb": _mb(info.fordblks), "glibc_large_mb": _mb(info.hblkhd)}


def jemalloc_mb() -> dict[str, float]:
    """DuckDB's jemalloc (`duckdb_je_mallctl`, exported by the wheel): allocated and resident, or {} where absent."""
    native = sys.modules.get("_duckdb")  # loaded only once a store has been opened
    library = getattr(native, "__file__", None)
    try:
        ctl = ctypes.CDLL(library).duckdb_je_mallctl if library else None
    except (OSError, AttributeError):
        ctl = None
    if ctl is None:
        return {}
    epoch, size = ctypes.c_uint64(1), ctypes.c_size_t(8)
    ctl(b"epoch", ctypes.byref(epoch), ctypes.byref(size), ctypes.byref(epoch), size)
    got = {}
    for stat in ("allocated", "resident"):
        value, size = ctypes.c_size_t(), ctypes.c_size_t(ctypes.sizeof(ctypes.c_size_t))
        ctl(f"stats.{stat}".encode(), ctypes.byref(value), ctypes.byref(size), None, ctypes.c_size_t(0))
        got[f"duckdb_je_{stat}_mb"] = _mb(value.value)
    return got


def resident_mb() -> dict[str, float]:
    """This process's RSS and PSS (`/proc/self/smaps_rollup`; {} where unread)."""
    got = {}
    try:
        with open("/proc/self/smaps_rollup", encoding="utf-8") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("Rss", "Pss"):
                    got[f"{key.lower()}_mb"] = round(int(rest.split()[0]) / 1024, 1)
    except OSError:
        return {}
    return got


def merge_state() -> dict[str, Any]:
    """The merge's report cache (reports, MB by its estimate) and the sentences each reader of `merge.text` holds."""
    from dateline.merge import text
    from dateline.store.merged import REPORTS

    readers = {name: getattr(text, name).cache_info().currsize
               for name in ("sentence_words", "sentence_numbers", "sentence_names", "sentence_fingerprint")}
    return {"reports": len(REPORTS), "reports_mb": _mb(REPORTS.bytes), "reader_sentences": max(readers.values())}


class MemoryLog:
    """The log `DATELINE_MEMORY_LOG` names (None when unset): `row` after each stored partition."""

    def __init__(self, path: Path, trace_every: int = 0) -> None:
        self.path, self.trace_every = path, trace_every
        self.partitions = 0
        self.started = time.process_time()
        self._snapshot: tracemalloc.Snapshot | None = None
        if trace_every and not tracemalloc.is_tracing():
            tracemalloc.start(1)

    @classmethod
    def from_environment(cls) -> MemoryLog | None:
        path = os.environ.get(LOG_VARIABLE)
        return cls(Path(path), int(os.environ.get(TRACE_VARIABLE) or 0)) if path else None

    def row(self, articles_done: int) -> dict[str, Any]:
        """Read everything above now, append it as a line and return it."""
        self.partitions += 1
        row: dict[str, Any] = {"partitions": self.partitions, "articles_done": articles_done,
                               "cpu_s": round(time.process_time() - self.started, 2), **resident_mb(), **glibc_mb(),
                               **jemalloc_mb(), **merge_state(), "python_blocks": sys.getallocatedblocks()}
        if self.trace_every and self.partitions % self.trace_every == 0:
            row["grew"] = self._grew()
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(row) + "\n")
        return row

    def _grew(self) -> list[tuple[str, float, int]]:
        """The lines whose traced memory grew most since the last traced row: (file:line, KB, blocks)."""
        snapshot = tracemalloc.take_snapshot()
        before, self._snapshot = self._snapshot, snapshot
        if before is None:
            return []
        stats = snapshot.compare_to(before, "lineno")
        stats.sort(key=lambda stat: stat.size_diff, reverse=True)
        return [(f"{stat.traceback[0].filename.rsplit('/', 2)[-1]}:{stat.traceback[0].lineno}",
                 round(stat.size_diff / 1024, 1), stat.count_diff) for stat in stats[:TRACE_TOP]]


__all__ = ["LOG_VARIABLE", "TRACE_VARIABLE", "MemoryLog", "glibc_mb", "jemalloc_mb", "merge_state", "resident_mb"]
