"""HTML pages: main text, title and date extracted with trafilatura."""

from __future__ import annotations

import datetime as dt
import re

from dateline.model import Article, content_id
from dateline.read.base import ReadError, check_length, parse_iso_date

HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether the text starts like an HTML document."""
    return bool(HTML_START.match(text[:2048]))


def read_html(text: str, origin: str, max_chars: int, fallback_date: dt.date | None = None) -> Article:
    """Read one article from an HTML page: its main text, title, URL and publication date."""
    from trafilatura import bare_extraction

    doc = bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        raise ReadError("no article text: trafilatura found no main text in the page")
    day = parse_iso_date(doc.date, "page date") if doc.date else fallback_date
    if day is None:
        raise ReadError(
            "no date: the page carries no publication date (add one in a <meta> tag, or put the "
            "page under a dated folder such as 2011-04-21/)"
        )
    body = doc.text.strip()
    check_length(body, max_chars)
    return Article(
        id=content_id(body, day), date=day, text=body, title=doc.title or None,
        source=doc.sitename or doc.hostname or None, url=doc.url or None, origin=origin,
    )
