"""Readers: every input format dateline accepts, each yielding the same `Article`.

`read_articles(paths, report)` is the one entry point. It accepts files, folders and
`-` (standard input), picks the reader for each file from its name and first bytes,
and reports every file (or JSONL line) it cannot use by name with the reason, then
goes on with the rest.

Readers never rewrite the text: they decode it (a UTF-8 BOM is dropped, being no part
of the text) and keep everything else as given, leading blank lines, CRLF and U+2028
included, so every offset dateline reports points into `Article.text`, which the
article JSON carries. Dates go through one parser, `read.dates.parse_article_date`;
`date_order` ("dayfirst" or "monthfirst") decides numeric dates that read two ways.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.model import Article
from dateline.read.base import DEFAULT_MAX_CHARS, ReadError, ReadReport, decode_bytes
from dateline.read.dates import DATE_ORDERS, DateError, DateOrder, parse_article_date
from dateline.read.html import looks_like_html, read_html
from dateline.read.jsonl import looks_like_json_array, looks_like_jsonl, read_json_array, read_jsonl, read_jsonl_stream
from dateline.read.lang import DEFAULT_LANG_POLICY, LANG_POLICIES, LangPolicy, filter_language
from dateline.read.text import read_dateline_text

__all__ = [
    "DATE_ORDERS", "DEFAULT_LANG_POLICY", "DEFAULT_MAX_CHARS", "LANG_POLICIES", "DateError", "DateOrder",
    "LangPolicy", "ReadError", "ReadReport", "parse_article_date", "read_articles", "read_bytes",
]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
STREAM_SNIFF = 8192  # bytes read to tell a JSON Lines file (streamed) from one read whole


def read_bytes(data: bytes, origin: str, report: ReadReport, path: Path | None = None,
               max_chars: int = DEFAULT_MAX_CHARS, date_order: DateOrder | None = None) -> Iterator[Article]:
    """Read articles from the raw bytes of one input, choosing the format by name and content."""
    try:
        text = decode_bytes(data)
    except ReadError as err:
        report.skip(origin, err.reason)
        return
    suffix = path.suffix.lower() if path else ""
    try:
        if suffix not in HTML_SUFFIXES and looks_like_json_array(text):
            yield from read_json_array(text, origin, report, max_chars, date_order)
            return
        if suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_jsonl(text)):
            yield from read_jsonl(text, origin, report, max_chars, date_order)
            return
        if suffix in HTML_SUFFIXES or looks_like_html(text):
            article = read_html(text, origin, max_chars, path, date_order)
        else:
            article = read_dateline_text(text, origin, max_chars, path, date_order)
    except ReadError as err:
        report.skip(origin, err.reason)
        return
    report.count_read()
    yield article


def _iter_files(path: Path, report: ReadReport, visited: set[str] | None = None) -> Iterator[Path]:
    """Files under a folder in the order of their sorted paths, skipping hidden files and folders.

    Walks one folder at a time (a tree of a million files is never listed whole), each folder's
    entries sorted by name: the order of sorted paths, which compare part by part. Linked folders
    are followed, once each (a link back up the tree is reported as a loop, not walked for ever);
    a folder that cannot be listed, a broken link and anything that is not a file or a folder
    (a pipe, a socket) are reported by name, never skipped in silence.
    """
    visited = set() if visited is None else visited
    real = os.path.realpath(path)
    if real in visited:
        report.skip(str(path), f"symlink loop: leads back to {real}, which is read already")
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        report.skip(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:  # both follow links, and raise for a link that loops
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _iter_files(Path(entry.path), report, visited)
        elif is_file:
            yield Path(entry.path)
        else:
            report.skip(entry.path, _not_a_file(Path(entry.path)))


def _not_a_file(path: Path) -> str:
    """Why a path that is neither a file nor a folder cannot be read."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link points back to itself"
        if path.is_symlink():
            return f"broken link: points to {os.readlink(path)}, which does not exist"
        return f"cannot be read: {exc.strerror or exc}"
    return "not a file or a folder (a pipe, socket or device)"


def read_articles(paths: Iterable[str | Path], report: ReadReport | None = None,
                  max_chars: int = DEFAULT_MAX_CHARS, date_order: DateOrder | None = None,
                  lang: LangPolicy = DEFAULT_LANG_POLICY) -> Iterator[Article]:
    """Yield every article in `paths` (files, folders, or `-` for stdin).

    Unreadable inputs are recorded in `report` (path and reason) and skipped.
    `date_order` ("dayfirst"/"monthfirst") decides numeric dates such as 03/04/2016,
    which are otherwise refused as ambiguous. `lang` says what to do with an article that
    is not English (`read.lang`): skip it (the default), warn and keep it, or keep it unchecked.
    """
    report = report if report is not None else ReadReport()
    yield from filter_language(_read_paths(paths, report, max_chars, date_order), report, lang)


def _read_paths(paths: Iterable[str | Path], report: ReadReport, max_chars: int,
                date_order: DateOrder | None) -> Iterator[Article]:
    """Every article in `paths`, in order, whatever its language."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(report, max_chars, date_order)
            continue
        path = Path(raw)
        if path.is_dir():
            empty, skipped = True, len(report.skipped)
            for file in _iter_files(path, report):
                empty = False
                yield from _read_file(file, report, max_chars, date_order)
            if empty and len(report.skipped) == skipped:
                report.skip(str(path), "folder holds no files")
        elif path.exists():
            yield from _read_file(path, report, max_chars, date_order)
        elif path.is_symlink():
            report.skip(str(path), _not_a_file(path))
        else:
            report.skip(str(path), "no such file or folder")


def _read_file(path: Path, report: ReadReport, max_chars: int, date_order: DateOrder | None) -> Iterator[Article]:
    """The articles of one file; JSON Lines are streamed line by line, other files read whole."""
    try:
        with path.open("rb") as fh:
            head = fh.read(STREAM_SNIFF)
            if _streams_as_jsonl(head, path):
                fh.seek(0)
                yield from read_jsonl_stream(fh, str(path), report, max_chars, date_order)
                return
            data = head + fh.read()
    except OSError as exc:
        report.skip(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, str(path), report, path, max_chars, date_order)


def _read_stdin(report: ReadReport, max_chars: int, date_order: DateOrder | None) -> Iterator[Article]:
    """Standard input: JSON Lines streamed line by line as they come, anything else read whole."""
    stream = sys.stdin.buffer
    head = stream.read(STREAM_SNIFF)
    if _streams_as_jsonl(head, None):
        yield from read_jsonl_stream(_lines_after(head, stream), "<stdin>", report, max_chars, date_order)
    else:
        yield from read_bytes(head + stream.read(), "<stdin>", report, None, max_chars, date_order)


def _lines_after(head: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a stream whose first bytes, `head`, were read already."""
    *whole, partial = head.split(b"\n")
    for line in whole:
        yield line + b"\n"
    following = iter(rest)
    first = next(following, b"")
    if partial or first:
        yield partial + first
    yield from following


def _streams_as_jsonl(head: bytes, path: Path | None) -> bool:
    """Whether a file whose first bytes are `head` is JSON Lines to read line by line.

    Empty and binary files are left to `read_bytes`, which reports them as a whole.
    """
    if b"\x00" in head or not head.strip() or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16/32 (by its NULs or BOM) is decoded whole, not as UTF-8 lines
    suffix = path.suffix.lower() if path else ""
    opens = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if opens == b"[":
        return False  # perhaps one JSON array, read whole (`read_json_array`)
    return suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and opens == b"{")
