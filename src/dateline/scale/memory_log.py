"""What the partitioned ingest's parent holds, logged from inside it after every partition it stores (opt-in).

The bulk parent's growth was read from outside (RSS and `smaps` by kind) and replayed in other processes, but part of
it showed only in the real loop (workers' results through pipes, pools recycled, Parquet checkpoints). Set
`DATELINE_MEMORY_LOG=FILE` and the parent appends a JSON line per stored partition, after the store is released and
memory trimmed: its RSS and PSS, its resident memory by mapping (`mapped_mb`), glibc's heaps (`mallinfo2`: obtained
by its arenas, in use, large blocks), Python's own arenas (`pymalloc_mb`), DuckDB's own jemalloc (allocated,
resident), the merge's report cache (reports, bytes by its estimate), the sentence readers' cached sentences, and
Python's allocated blocks. With `DATELINE_TRACEMALLOC=N` as well, Python's allocations are
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


def reset_peak() -> None:
    """Reset this process's resident high-water mark (`VmHWM`), so the next read is the peak since now (Linux)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float | None:
    """This process's resident high-water mark (`VmHWM`), MB, or None where unread."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def mapped_mb() -> dict[str, float]:
    """Resident MB by mapping: glibc's main heap (`[heap]`), anonymous mappings of 8 MB or more of address space
    (DuckDB's jemalloc extents, glibc's thread arenas), smaller anonymous ones (glibc's mmapped large blocks,
    Python's arenas, others), and file-backed pages (libraries, the model files): what grows is told apart by kind
    (`benchmarks/parent_replay.py` reads the same three anonymous kinds)."""
    kinds = {"heap_mb": 0.0, "anon_big_mb": 0.0, "anon_small_mb": 0.0, "file_mb": 0.0}
    name, size = "", 0
    with open("/proc/self/smaps", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts[0].endswith(":"):
                low, high = (int(x, 16) for x in parts[0].split("-"))
                name, size = (parts[5] if len(parts) > 5 else ""), high - low
            elif parts[0] == "Rss:":
                kb = int(parts[1]) / 1024
                if name == "[heap]":
                    kinds["heap_mb"] += kb
                elif name == "":
                    kinds["anon_big_mb" if size >= 8 << 20 else "anon_small_mb"] += kb
                elif not name.startswith("["):
                    kinds["file_mb"] += kb
    return {key: round(value, 1) for key, value in kinds.items()}


#: What `pymalloc_mb` reads from `sys._debugmallocstats()`: its line's start, and the name it is given.
_PYMALLOC = {"# arenas allocated current": "pymalloc_arenas", "# bytes in allocated blocks": "pymalloc_used_mb",
             "# bytes in available blocks": "pymalloc_free_mb", "unused pools": "pymalloc_empty_pools_mb"}


def pymalloc_mb() -> dict[str, float]:
    """Python's own small-object allocator: the 1 MB arenas it has mapped, the bytes in live blocks, in free blocks
    of used pools, and in empty pools of arenas it cannot unmap (an arena goes back only when all its pools are
    empty). What these arenas hold beyond the live blocks is fragmentation that neither glibc's `malloc_trim` nor
    a garbage collection returns, and it shows as anonymous memory outside glibc's and DuckDB's heaps.
    Read from `sys._debugmallocstats()`, which prints to the C stderr: fd 2 is pointed at a temporary file
    meanwhile (a message another thread writes in those few milliseconds goes there too). {} where unread."""
    import tempfile

    got: dict[str, float] = {}
    try:
        with tempfile.TemporaryFile() as dump:
            sys.stderr.flush()
            saved = os.dup(2)
            try:
                os.dup2(dump.fileno(), 2)
                sys._debugmallocstats()
            finally:
                os.dup2(saved, 2)
                os.close(saved)
            dump.seek(0)
            lines = dump.read().decode("ascii", "replace").splitlines()
    except (OSError, AttributeError):
        return got
    for line in lines:
        for start, name in _PYMALLOC.items():
            if start in line:
                value = int(line.rsplit("=", 1)[-1].replace(",", ""))
                got[name] = value if name == "pymalloc_arenas" else _mb(value)
    return got


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
                               "cpu_s": round(time.process_time() - self.started, 2), **resident_mb(), **mapped_mb(),
                               **glibc_mb(), **pymalloc_mb(),
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


__all__ = ["LOG_VARIABLE", "TRACE_VARIABLE", "MemoryLog", "glibc_mb", "jemalloc_mb", "mapped_mb", "merge_state",
           "peak_mb", "pymalloc_mb", "reset_peak", "resident_mb"]
