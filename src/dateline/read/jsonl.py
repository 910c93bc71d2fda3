"""JSON Lines: one article per line with `text` and `date` or `time`.

Optional fields: `id`, `title`, `url`, `source`. `text` is used exactly as given
(leading newlines and all), so offsets point into the record's own string. Records are
split on `\\n` only: U+2028, U+0085 and other characters that `str.splitlines()` treats
as line ends are valid inside a JSON string. A bad line is reported as `path:LINE` with
the reason and the rest of the file is read. A file is read line by line
(`read_jsonl_stream`), so its size does not bound what fits in memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.model import Article, content_id
from dateline.read.base import ReadError, ReadReport, check_length, decode_line
from dateline.read.dates import DateOrder, parse_article_date

_ARRAY_START = re.compile(r"\A\s*\[\s*[{\]]")


def looks_like_jsonl(text: str) -> bool:
    """Whether the first non-blank character opens a JSON object."""
    return text.lstrip()[:1] == "{"


def article_from_record(record: Any, origin: str, max_chars: int, date_order: DateOrder | None = None) -> Article:
    """Build an Article from one decoded JSON record, or raise ReadError saying what is missing."""
    if not isinstance(record, dict):
        raise ReadError(f"not an object: the line holds a JSON {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ReadError("no text: the record has no string field `text`")
    field = "date" if record.get("date") else "time"
    raw_date = record.get(field)
    if isinstance(raw_date, int | float) and not isinstance(raw_date, bool):
        raise ReadError(f"bad {field}: `{field}` is the number {raw_date!r}, which could be a timestamp or a "
                        f"YYYYMMDD date; give it as a string such as \"2016-11-23\"")
    if raw_date is not None and not isinstance(raw_date, str):
        raise ReadError(f"bad {field}: `{field}` is a JSON {type(raw_date).__name__}, not a string such as "
                        "\"2016-11-23\"")
    if not isinstance(raw_date, str):
        raise ReadError("no date: the record has no `date` or `time` string (such as 2016-11-23 or "
                        "Wed, 23 Nov 2016 16:58:00 -0500)")
    day = parse_article_date(raw_date, date_order, what=field)
    check_length(text, max_chars)
    rid = record.get("id")
    return Article(
        id=str(rid) if rid not in (None, "") else content_id(text, day),
        date=day, text=text, title=_opt(record, "title"), source=_opt(record, "source"),
        url=_opt(record, "url"), raw_date=raw_date, origin=origin,
    )


def _opt(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return str(value) if value not in (None, "") else None


def read_jsonl(text: str, origin: str, report: ReadReport, max_chars: int,
               date_order: DateOrder | None = None) -> Iterator[Article]:
    """Yield the articles of a JSON Lines text, reporting each bad line by number."""
    for number, line in enumerate(text.split("\n"), start=1):
        article = _read_line(line, f"{origin}:{number}", report, max_chars, date_order)
        if article is not None:
            yield article


def looks_like_json_array(text: str) -> bool:
    """Whether the text is one JSON array of records (`[{...}, {...}]`), not a text opening with "[Reuters]"."""
    return bool(_ARRAY_START.match(text[:4096]))


def read_json_array(text: str, origin: str, report: ReadReport, max_chars: int,
                    date_order: DateOrder | None = None) -> Iterator[Article]:
    """Yield the articles of a JSON array of records, reporting each bad record as `path[INDEX]`."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        report.skip(origin, f"bad JSON: the file opens a JSON array but {exc.msg} at line {exc.lineno} column "
                            f"{exc.colno}")
        return
    if not isinstance(records, list):
        report.skip(origin, "bad JSON: expected an array of article records")
        return
    if not records:
        report.skip(origin, "empty: the JSON array holds no article records")
        return
    for index, record in enumerate(records):
        where = f"{origin}[{index}]"
        try:
            article = article_from_record(record, where, max_chars, date_order)
        except ReadError as err:
            report.skip(where, err.reason)
            continue
        report.count_read()
        yield article


def read_jsonl_stream(lines: Iterable[bytes], origin: str, report: ReadReport, max_chars: int,
                      date_order: DateOrder | None = None) -> Iterator[Article]:
    """Yield the articles of a JSON Lines file read line by line (an open binary file will do).

    Holds one line at a time, so a file of any size is read in bounded memory; a line that
    is not UTF-8 is reported by number like any other bad line; a file of blank lines only is reported empty.
    """
    accounted = (report.read, len(report.skipped))
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        try:
            line = decode_line(raw, first=number == 1)
        except ReadError as err:
            report.skip(where, err.reason)
            continue
        article = _read_line(line, where, report, max_chars, date_order)
        if article is not None:
            yield article
    if (report.read, len(report.skipped)) == accounted:  # only blank lines: say so, never drop the file unheard
        report.skip(origin, "empty: the file holds only blank lines")


def _read_line(line: str, where: str, report: ReadReport, max_chars: int,
               date_order: DateOrder | None) -> Article | None:
    """The article of one line, or None for a blank line or one reported as bad."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        report.skip(where, f"bad JSON: {exc.msg} at column {exc.colno}")
        return None
    try:
        article = article_from_record(record, where, max_chars, date_order)
    except ReadError as err:
        report.skip(where, err.reason)
        return None
    report.count_read()
    return article
