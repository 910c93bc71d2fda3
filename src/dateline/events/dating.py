"""Event dating from the time stage's timexes (first version: owned by the time work)."""

from __future__ import annotations

from dateline.model import Document


def date_event(doc: Document, trigger_i: int, hypothetical: bool = False) -> tuple[str | None, str]:
    """The (TIMEX3 value, precision) of the event whose trigger is token `trigger_i`.

    Falls back to the article date with precision `on_or_before`.
    """
    return doc.article.date.isoformat(), "on_or_before"
