"""The dateline text format, and plain text files dated by their path.

Format: the first non-blank token is `date`, then the article date, then the text:

    date 2018-09-19 Turkish President ...

    date Wed, 23 Nov 2016 16:58:00 -0500
    Turkish President ...

The header is everything up to the date: blank lines before `date`, the word, the date
and the spaces after it, and, when the date ends its line, that line's end (`\\n`,
`\\r\\n` or `\\r`). The article text is everything after the header, exactly as given
(trailing newlines, CRLF and all), so offsets count from its first character. A date
written in one token (`2018-09-19`, `2016-11-23T16:58:00Z`, `23/11/2016`) may be followed
by the text on the same line; a date with spaces (`24 November 2016`) stands alone on
its line. Dates are read by `read.dates.parse_article_date`, as in every reader.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from dateline.model import Article, content_id
from dateline.read.base import ReadError, check_length
from dateline.read.dates import DateError, DateOrder, date_from_path, parse_article_date

HEADER = re.compile(r"\A\s*date[ \t]+(?P<line>\S[^\r\n]*)(?P<eol>\r\n|\n|\r|\Z)", re.IGNORECASE)


def looks_like_dateline_text(text: str) -> bool:
    """Whether the text starts with the `date …` header."""
    return bool(HEADER.match(text))


def read_header(match: re.Match[str], date_order: DateOrder | None = None) -> tuple[dt.date, str, int]:
    """The date of a header, the date as written, and where the article text starts."""
    line = match["line"]
    token = line.split(maxsplit=1)[0]
    try:
        day = parse_article_date(token, date_order)
    except DateError as err:
        if err.kind not in ("bad", "partial") or token == line.rstrip():
            raise
    else:
        rest = line[len(token):]
        if not rest.strip():
            return day, token, match.end()
        return day, token, match.start("line") + len(token) + len(rest) - len(rest.lstrip())
    try:
        return parse_article_date(line, date_order), line.rstrip(), match.end()
    except DateError as err:
        raise DateError(err.kind, f"{err.reason} (a date with spaces must stand alone on the `date` line, "
                                  "with the text on the next line)") from None


def read_dateline_text(text: str, origin: str, max_chars: int, path: Path | None = None,
                       date_order: DateOrder | None = None) -> Article:
    """Read one article in the dateline text format, or plain text dated by its `path`.

    The article text is the input after the header, unchanged; a file without a header
    is all text, dated by the last date in its path (`InputDocs/2011-04-21/50.htm.txt`).
    """
    m = HEADER.match(text)
    if m:
        day, raw_date, body_start = read_header(m, date_order)
        body = text[body_start:]
    else:
        dated = date_from_path(path, date_order)
        if dated is None:
            raise ReadError(
                "no date: expected a first line `date YYYY-MM-DD`, JSON Lines with `date`/`time`, "
                "an HTML page with a date, or a date in the path (…/2011-04-21/…)"
            )
        (day, raw_date), body = dated, text
    check_length(body, max_chars)
    return Article(id=content_id(body, day), date=day, text=body, raw_date=raw_date, origin=origin)
