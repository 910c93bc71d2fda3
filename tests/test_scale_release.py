"""The bulk parent lets go of what a write leaves (issue 13): the store's connection after each partition, and glibc's
arenas shared among its threads."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from dateline.model import Article, Document
from dateline.scale import ingest_partitioned
from dateline.scale.parts import Partition, PartitionResult
from dateline.scale.runners import done
from dateline.store.duck import DuckDBStore


def _document(n: int) -> Document:
    return Document(article=Article(id=f"note-{n}", date=dt.date(2024, 3, 1 + n),
                                    text=f"Note {n}: the harbour board met on a quiet morning number {n}."))


def test_releasing_a_writing_store_closes_its_connection_and_the_next_call_opens_it_again(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "notes.duckdb")
    try:
        store.add([_document(1)])
        opened = store.times_opened
        store.release()
        assert store._lease._con is None  # closed now, not after the linger
        store.add([_document(2)])
        assert store.times_opened == opened + 1
        assert store.counts()["articles"] == 2
    finally:
        store.close()


def test_releasing_a_store_that_holds_its_file_until_closed_keeps_the_connection(tmp_path: Path) -> None:
    DuckDBStore(tmp_path / "notes.duckdb").close()
    reader = DuckDBStore(tmp_path / "notes.duckdb", read_only=True)
    try:
        con = reader.con
        reader.release()
        assert reader.con is con
        assert reader.times_opened == 1
    finally:
        reader.close()


class _Ready:
    """A runner whose partitions come back at once as plain documents (no NLP)."""

    workers = 1

    def submit(self, part: Partition):
        return done(PartitionResult(part.key, [Document(article=art) for art in part.articles]))

    def close(self) -> None:
        """Nothing to release."""


class _CountsReleases(DuckDBStore):
    """A DuckDB store that notes, at each release, how many articles it held."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.released_at: list[int] = []

    def release(self) -> None:
        self.released_at.append(self.counts()["articles"])
        super().release()


def test_the_partitioned_ingest_lets_the_store_go_after_each_partition_it_writes(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text("".join(json.dumps({"id": doc.article.id, "date": doc.article.date.isoformat(),
                                          "text": doc.article.text}) + "\n" for doc in map(_document, range(1, 6))))
    store = _CountsReleases(tmp_path / "notes.duckdb")
    try:
        report = ingest_partitioned([source], store, _Ready(), partition_size=2)
    finally:
        store.close()
    assert report.added == 5
    assert store.released_at == [2, 4, 5]


_ARENAS = """
import ctypes, ctypes.util, sys, tempfile, threading
from dateline.store.duck import DuckDBStore
DuckDBStore(sys.argv[3], read_only=sys.argv[1] == "reader").counts()  # a store opened before the threads allocate
start = threading.Barrier(6)
def allocate():
    start.wait()  # all at once, so that each finds the arenas of the others busy
    for _ in range(2000):
        blocks = [bytearray(20000) for _ in range(8)]
        del blocks
threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.fopen.restype = ctypes.c_void_p
with open(sys.argv[2], "w"):
    pass
fh = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(fh))
libc.fclose(ctypes.c_void_p(fh))
print(open(sys.argv[2]).read().count("<heap nr="))
"""


def _arenas(tmp_path: Path, mode: str) -> int:
    """glibc's arenas in a fresh process after six threads allocated at once, with a store opened first (`mode`)."""
    db = tmp_path / "made.duckdb"
    if not db.exists():
        DuckDBStore(db).close()
    run = subprocess.run([sys.executable, "-c", _ARENAS, mode, str(tmp_path / f"{mode}.xml"), str(db)],
                         capture_output=True, text=True, check=True)
    return int(run.stdout.strip().splitlines()[-1])


def test_a_process_that_writes_a_store_shares_two_malloc_arenas_among_its_threads(tmp_path: Path) -> None:
    assert _arenas(tmp_path, "reader") > 2  # left as they come: DuckDB's threads alone make more than two
    assert _arenas(tmp_path, "writer") <= 2
