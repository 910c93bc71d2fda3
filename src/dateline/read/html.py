"""HTML pages: main text, title and date extracted with trafilatura.

The article text is trafilatura's extracted main text, unchanged; offsets point into it
and `extract` prints it in the article JSON, so a user can always find what a span
covers. The date is the page's own publication date as written in its metadata
(`article:published_time`, `datePublished`, `pubdate`, Dublin Core …), read by
`read.dates.parse_article_date` like every other date; pages whose metadata dateline
does not know fall back to trafilatura's date, then to a date in the path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dateline.model import Article, content_id
from dateline.read.base import ReadError, check_length
from dateline.read.dates import DateOrder, date_from_path, parse_article_date

HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)

# Metadata that carries a page's publication date, most specific first (lower-cased names).
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
    "sailthru.date", "parsely-pub-date",
)


def looks_like_html(text: str) -> bool:
    """Whether the text starts like an HTML document."""
    return bool(HTML_START.match(text[:2048]))


def published_date_in_meta(tree: Any) -> str | None:
    """The publication date the page's <meta> tags (or <time pubdate>) give, as written."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
               or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in PUBLISHED_META and content:
            found.setdefault(key, content)
    for key in PUBLISHED_META:
        if key in found:
            return found[key]
    for time in tree.iter("time"):
        published = time.get("pubdate") is not None or (time.get("itemprop") or "").lower() == "datepublished"
        if published and (time.get("datetime") or "").strip():
            return time.get("datetime").strip()
    return published_date_in_json_ld(tree)


def published_date_in_json_ld(tree: Any) -> str | None:
    """The `datePublished` of the page's JSON-LD (schema.org NewsArticle and kin), as written.

    Read here rather than left to trafilatura, whose date guesser corrects impossible dates
    (2018-02-30 became 2018-02-01) and drops dates before 1995 or after today.
    """
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        found = _date_published(data)
        if found:
            return found
    return None


def _date_published(data: Any, depth: int = 0) -> str | None:
    """The first `datePublished` string in a JSON-LD value (objects, lists and `@graph`s, a few levels deep)."""
    if depth > 4:
        return None
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str) and value.strip():
            return value.strip()
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict | list) and (found := _date_published(item, depth + 1)):
                return found
    return None


def read_html(text: str, origin: str, max_chars: int, path: Path | None = None,
              date_order: DateOrder | None = None, listed_date: str | None = None) -> Article:
    """Read one article from an HTML page: its main text, title, URL and publication date.

    `listed_date` is the date a listing of the page gives (a feed entry's), as written: used when
    the page's metadata carries none, before trafilatura's guess from the page's content.
    """
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise ReadError("no article text: the page could not be parsed as HTML")
    raw_date = published_date_in_meta(tree)
    doc = bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        raise ReadError("no article text: trafilatura found no main text in the page")
    raw_date = raw_date or listed_date or doc.date
    if raw_date:
        day = parse_article_date(raw_date, date_order, what="page date")
    else:
        dated = date_from_path(path, date_order)
        if dated is None:
            raise ReadError(
                "no date: the page carries no publication date (add one in a <meta> tag, or put the "
                "page under a dated folder such as 2011-04-21/)"
            )
        day, raw_date = dated
    body = doc.text
    check_length(body, max_chars)
    return Article(
        id=content_id(body, day), date=day, text=body, title=doc.title or None,
        source=doc.sitename or doc.hostname or None, url=doc.url or None, raw_date=raw_date, origin=origin,
    )
