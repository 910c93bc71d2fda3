"""Partitions of the input, their processing, their Parquet form and the checkpoints of a run.

A partition is a run of consecutive articles from the input stream, named by a hash of
their ids and content digests, so the same input cut the same way gives the same names
in every run: that name is what a checkpoint records. Its result (the processed
documents, parse released, and the articles that failed) travels between processes as
a Parquet file: one row per document with a few plain columns to look at and the
document itself, every field included (the JSON form of `extract` leaves out fields the
store keeps, such as an actor's dictionary entry), as JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import io
import json
import os
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.model import Article, Document, content_id
from dateline.scale.memory import release_memory

#: Articles per partition: small enough that a worker's parsed batch stays small, large enough
#: that the per-partition costs (a Parquet file, a store transaction) are spread thin.
DEFAULT_PARTITION_SIZE = 64
#: Characters after which a partition is closed even when it holds fewer articles: partitions of equal
#: work, so a worker given a partition of long articles does not hold up the ordered writes (and the
#: other workers, once the window of partitions in flight is full) while the others idle.
DEFAULT_PARTITION_CHARS = 500_000
#: The fewest articles a partition cut short near the end of the input holds (`cut_partitions`' `tail_share`). A
#: partition has fixed costs: 16 short T17 articles took 2.1 CPU s in a worker as 1 or 2 partitions and 2.85 as 8
#: (spaCy's smaller batches, the collection and the Parquet file of each), and the parent's transaction about as
#: much again: ~0.2 CPU s a partition, about what 8 articles' last partition costs in idle time at the end (a
#: worker idle for half of it on average, ~0.35 s of wall). So partitions of 8 or fewer are never cut.
TAIL_MIN_ARTICLES = 8
_UNIONS = (Union, types.UnionType)


@dataclass
class Partition:
    """Consecutive articles of the input, numbered from 0 in input order."""

    index: int
    key: str  # hash of the articles' ids and digests: the checkpoint's name for it
    articles: list[Article]


@dataclass
class PartitionResult:
    """What processing a partition gave: its documents (parse released) and the articles that failed."""

    key: str
    documents: list[Document] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def partition_key(articles: Iterable[Article]) -> str:
    """A name for a run of articles that changes when any id or content does."""
    digest = hashlib.sha256()
    for art in articles:
        digest.update(f"{art.id}\0{content_id(art.text, art.date)}\n".encode())
    return digest.hexdigest()[:24]


def cut_partitions(articles: Iterable[Article], size: int = DEFAULT_PARTITION_SIZE,
                   max_chars: int | None = DEFAULT_PARTITION_CHARS, total: int | None = None,
                   tail_share: int | None = None) -> Iterator[Partition]:
    """Cut the article stream into partitions of `size` articles, or fewer once they hold `max_chars`
    characters (None: no limit), holding one partition at a time.

    With the input's size (`total` articles, as estimated, more than `size`) and a `tail_share`, no partition takes
    more than that share of the articles left (`1/tail_share`, at least `TAIL_MIN_ARTICLES`): near the end
    partitions get smaller, so that the workers run out of work together instead of one of them processing a whole
    last partition while the others wait (guided scheduling; 200 articles in partitions of 64 for 2 workers were 64,
    64, 64, 8: one worker idle for nearly half the run). Past `total` (an estimate short of the input), partitions are
    `size` again; an input that fits in one partition stays in one.
    """
    chunk: list[Article] = []
    index = chars = cut = 0
    limit = _next_size(size, total, cut, tail_share)
    for art in articles:
        chunk.append(art)
        chars += len(art.text)
        if len(chunk) >= limit or (max_chars is not None and chars >= max_chars):
            yield Partition(index, partition_key(chunk), chunk)
            index, cut, chunk, chars = index + 1, cut + len(chunk), [], 0
            limit = _next_size(size, total, cut, tail_share)
    if chunk:
        yield Partition(index, partition_key(chunk), chunk)


def _next_size(size: int, total: int | None, cut: int, tail_share: int | None) -> int:
    """Articles in the next partition, `cut` articles into an input of `total` (see `cut_partitions`)."""
    left = (total or 0) - cut
    if not tail_share or left <= 0 or (total or 0) <= size:
        return size
    return min(size, max(TAIL_MIN_ARTICLES, -(-left // tail_share)))


def process_partition(key: str, articles: list[Article], model: str | None, batch_size: int) -> PartitionResult:
    """The ordinary pipeline over one partition; each document's parse is released once its stages ran.

    Runs wherever the partition is sent (this process, a worker process, a Dask worker); the
    heavy resources load once per process, on first use. What its parses held is handed back to the system at
    the end (`memory.release_memory`). The pipeline is imported here, not with the module: a parent that sends
    every partition to workers never imports spaCy and the stages (~1 CPU s and ~60 MB before its fork server
    could start; `dateline.scale.preload` imports them for the workers).
    """
    from dateline.pipeline import process

    result = PartitionResult(key)
    for doc in process(articles, model=model, batch_size=batch_size,
                       on_failure=lambda f: result.failures.append((f.origin, f.reason))):
        doc.parsed = None
        result.documents.append(doc)
    release_memory()  # the parses are gone: their pages go back to the system, not kept as the worker's high water
    return result


def partition_with_parquet(key: str, articles: list[Article], model: str | None,
                           batch_size: int) -> tuple[PartitionResult, bytes]:
    """`process_partition` and its result as a Parquet file (what a local worker or a Dask task sends back)."""
    result = process_partition(key, articles, model, batch_size)
    return result, result_to_parquet(result)


# -- documents as plain records, every field included -------------------------------------------


def to_record(value: Any) -> Any:
    """A model object as JSON-ready values, INTERNAL fields included, the spaCy parse left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_record(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "parsed"}
    if isinstance(value, list | tuple):
        return [to_record(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_record(hint: Any, value: Any) -> Any:
    """The inverse of `to_record` for a value of type `hint`."""
    if value is None:
        return None
    origin, args = get_origin(hint), get_args(hint)
    if origin in _UNIONS:
        inner = [a for a in args if a is not type(None)]
        return from_record(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        return [from_record(args[0], v) for v in value]
    if origin is Literal or hint is Any:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{name: from_record(hints[name], v) for name, v in value.items()})
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    return value


# -- Parquet ------------------------------------------------------------------------------------

_SCHEMA = pa.schema([("id", pa.string()), ("date", pa.date32()), ("origin", pa.string()),
                     ("events", pa.int32()), ("document", pa.string())])


def result_to_parquet(result: PartitionResult) -> bytes:
    """A partition's result as the bytes of a Parquet file; its key and failures go in the file's metadata."""
    docs = result.documents
    table = pa.Table.from_pydict({
        "id": [d.article.id for d in docs], "date": [d.article.date for d in docs],
        "origin": [d.article.origin for d in docs], "events": [len(d.events) for d in docs],
        "document": [json.dumps(to_record(d), ensure_ascii=False) for d in docs],
    }, schema=_SCHEMA.with_metadata({"dateline.partition": result.key,
                                     "dateline.failures": json.dumps(result.failures)}))
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def result_from_parquet(data: bytes | Path) -> PartitionResult:
    """Read back what `result_to_parquet` wrote (bytes, or the path of a file holding them)."""
    table = pq.read_table(pa.BufferReader(data) if isinstance(data, bytes) else str(data))
    meta = table.schema.metadata or {}
    failures = [tuple(f) for f in json.loads(meta.get(b"dateline.failures", b"[]"))]
    docs = [from_record(Document, json.loads(text)) for text in table.column("document").to_pylist()]
    return PartitionResult(meta.get(b"dateline.partition", b"").decode(), docs, failures)  # type: ignore[arg-type]


# -- checkpoints --------------------------------------------------------------------------------


class Checkpoints:
    """A run's checkpoints in a folder: a Parquet file per partition processed, a line per partition stored.

    `stored.log` gets a line once a partition's store transaction has committed, naming one
    article the partition stored (or `-`), so a later run can tell that the store still holds
    it (a store deleted since is not trusted). A partition's Parquet file is written
    atomically before its rows go to the store and deleted once they are logged, so a run
    killed between the two loads the file instead of processing the partition again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.log = folder / "stored.log"
        self.stored: dict[str, str] = {}
        if self.log.exists():
            for line in self.log.read_text(encoding="utf-8").splitlines():
                key, _, witness = line.partition("\t")
                if witness:  # a line cut short by a kill has no witness and is ignored
                    self.stored[key] = witness

    def part_path(self, key: str) -> Path:
        return self.folder / f"part-{key}.parquet"

    def saved_result(self, key: str) -> PartitionResult | None:
        """The result of a partition processed by an earlier run but not logged as stored."""
        path = self.part_path(key)
        return result_from_parquet(path) if path.exists() else None

    def save_result(self, result: PartitionResult, parquet: bytes | None = None) -> None:
        """Write the partition's Parquet file (atomically: a kill leaves the old state or the whole file)."""
        path = self.part_path(result.key)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(parquet if parquet is not None else result_to_parquet(result))
        os.replace(temporary, path)

    def mark_stored(self, key: str, witness: str | None) -> None:
        """Record a partition as stored (after its transaction committed) and drop its Parquet file."""
        with self.log.open("a", encoding="utf-8") as fh:
            fh.write(f"{key}\t{witness or '-'}\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.stored[key] = witness or "-"
        self.part_path(key).unlink(missing_ok=True)

    def finish(self) -> None:
        """The run is complete: its checkpoints are no longer needed (a rerun finds everything stored)."""
        for path in self.folder.glob("part-*"):
            path.unlink(missing_ok=True)
        self.log.unlink(missing_ok=True)
        if not any(self.folder.iterdir()):
            self.folder.rmdir()
