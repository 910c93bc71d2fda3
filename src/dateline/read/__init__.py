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

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.model import Article
from dateline.read.base import DEFAULT_MAX_CHARS, ReadError, ReadReport, decode_bytes
from dateline.read.dates import DATE_ORDERS, DateError, DateOrder, parse_article_date
from dateline.read.html import looks_like_html, read_html
from dateline.read.jsonl import looks_like_jsonl, read_jsonl
from dateline.read.text import read_dateline_text

__all__ = [
    "DATE_ORDERS", "DEFAULT_MAX_CHARS", "DateError", "DateOrder", "ReadError", "ReadReport",
    "parse_article_date", "read_articles", "read_bytes",
]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}


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


def _iter_files(path: Path) -> Iterator[Path]:
    """Files under a folder, in a stable order, skipping hidden files."""
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
            yield child


def read_articles(paths: Iterable[str | Path], report: ReadReport | None = None,
                  max_chars: int = DEFAULT_MAX_CHARS, date_order: DateOrder | None = None) -> Iterator[Article]:
    """Yield every article in `paths` (files, folders, or `-` for stdin).

    Unreadable inputs are recorded in `report` (path and reason) and skipped.
    `date_order` ("dayfirst"/"monthfirst") decides numeric dates such as 03/04/2016,
    which are otherwise refused as ambiguous.
    """
    report = report if report is not None else ReadReport()
    for raw in paths:
        if str(raw) == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", report, None, max_chars, date_order)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_iter_files(path))
            if not files:
                report.skip(str(path), "folder holds no files")
            for file in files:
                yield from _read_file(file, report, max_chars, date_order)
        elif path.exists():
            yield from _read_file(path, report, max_chars, date_order)
        else:
            report.skip(str(path), "no such file or folder")


def _read_file(path: Path, report: ReadReport, max_chars: int, date_order: DateOrder | None) -> Iterator[Article]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.skip(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, str(path), report, path, max_chars, date_order)
