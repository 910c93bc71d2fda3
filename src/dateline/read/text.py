"""The dateline text format, and plain text files dated by their path.

Format: the first non-blank token is `date`, then an ISO date, then the text, on the
same line or the next ones:

     date 2018-09-19 Turkish President ...
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from dateline.model import Article, content_id
from dateline.read.base import ISO_DATE, ReadError, check_length, parse_iso_date

HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*\n?", re.IGNORECASE)


def looks_like_dateline_text(text: str) -> bool:
    """Whether the text starts with the `date YYYY-MM-DD` header."""
    return bool(HEADER.match(text))


def date_from_path(path: Path | None) -> dt.date | None:
    """The last valid ISO date in a path such as `InputDocs/2011-04-21/50.htm.txt`."""
    if path is None:
        return None
    for m in reversed(list(ISO_DATE.finditer(str(path)))):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


def read_dateline_text(text: str, origin: str, max_chars: int,
                       fallback_date: dt.date | None = None) -> Article:
    """Read one article in the dateline text format (or plain text dated by its path)."""
    m = HEADER.match(text)
    if m:
        day = parse_iso_date(m[1])
        body = text[m.end():]
    elif fallback_date is not None:
        day, body = fallback_date, text
    else:
        raise ReadError(
            "no date: expected a first line `date YYYY-MM-DD`, JSON Lines with `date`/`time`, "
            "an HTML page with a date, or a date in the path (…/2011-04-21/…)"
        )
    body = body.strip()
    check_length(body, max_chars)
    return Article(id=content_id(body, day), date=day, text=body, origin=origin)
