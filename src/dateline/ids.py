"""Stable ids: an article's from its date and content, an event's from where its article says it.

Re-reading or re-extracting the same text gives the same ids, so the store keeps one row per article and event
however often they come in. Each is named by `dateline.model` too, beside the types whose ids they are.
"""

from __future__ import annotations

import datetime as dt
import hashlib


def content_id(text: str, date: dt.date | None = None) -> str:
    """A stable article id from its content, for sources that carry none.

    Computed on the text stripped and with CRLF line ends as LF, so the same content keeps
    its id however it is wrapped (leading blank lines, Windows line ends), while offsets
    keep pointing into the text as given.
    """
    h = hashlib.sha256()
    h.update((date.isoformat() if date else "").encode())
    h.update(b"\0")
    h.update(text.strip().replace("\r\n", "\n").encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def event_id(article_id: str, type_: str, trigger_start: int | None, sentence_start: int) -> str:
    """A deterministic event id, so re-extracting an article yields the same ids."""
    raw = f"{article_id}:{type_}:{sentence_start}:{trigger_start}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]
