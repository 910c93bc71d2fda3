"""Readers: every input format dateline accepts, each yielding the same `Article`.

`read_articles(paths, report)` is the one entry point. It accepts files, folders and
`-` (standard input), picks the reader for each file from its name and first bytes,
and reports every file (or JSONL line) it cannot use by name with the reason, then
goes on with the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.model import Article
from dateline.read.base import DEFAULT_MAX_CHARS, ReadError, ReadReport, decode_bytes
from dateline.read.html import looks_like_html, read_html
from dateline.read.jsonl import looks_like_jsonl, read_jsonl
from dateline.read.text import date_from_path, looks_like_dateline_text, read_dateline_text

__all__ = ["DEFAULT_MAX_CHARS", "ReadError", "ReadReport", "read_articles", "read_bytes"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}


def read_bytes(data: bytes, origin: str, report: ReadReport, path: Path | None = None,
               max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """Read articles from the raw bytes of one input, choosing the format by name and content."""
    try:
        text = decode_bytes(data)
    except ReadError as err:
        report.skip(origin, err.reason)
        return
    suffix = path.suffix.lower() if path else ""
    try:
        if suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_jsonl(text)):
            yield from read_jsonl(text, origin, report, max_chars)
            return
        if suffix in HTML_SUFFIXES or looks_like_html(text):
            article = read_html(text, origin, max_chars, fallback_date=date_from_path(path))
        elif looks_like_dateline_text(text):
            article = read_dateline_text(text, origin, max_chars)
        else:
            article = read_dateline_text(text, origin, max_chars, fallback_date=date_from_path(path))
    except ReadError as err:
        report.skip(origin, err.reason)
        return
    report.count_read()
    yield article


def _iter_files(path: Path) -> Iterator[Path]:
    """Files under a folder, in a stable order, skipping hidden files."""
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
            yield child


def read_articles(paths: Iterable[str | Path], report: ReadReport | None = None,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """Yield every article in `paths` (files, folders, or `-` for stdin).

    Unreadable inputs are recorded in `report` (path and reason) and skipped.
    """
    report = report if report is not None else ReadReport()
    for raw in paths:
        if str(raw) == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", report, None, max_chars)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_iter_files(path))
            if not files:
                report.skip(str(path), "folder holds no files")
            for file in files:
                yield from _read_file(file, report, max_chars)
        elif path.exists():
            yield from _read_file(path, report, max_chars)
        else:
            report.skip(str(path), "no such file or folder")


def _read_file(path: Path, report: ReadReport, max_chars: int) -> Iterator[Article]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.skip(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, str(path), report, path, max_chars)
