"""dateline: dated news articles in, cited political events out.

The library API is what the CLI and the API are thin faces over:

>>> from dateline import extract_text
>>> doc = extract_text("Turkey and Russia agreed on Monday ...", "2018-09-19")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.model import Actor, Article, Document, Event, Evidence, Location, Party, Place, Timex

if TYPE_CHECKING:
    from dateline.read.dates import DateOrder

__version__ = "0.1.0"


def extract_text(text: str, date: str, *, date_order: DateOrder | None = None, **article_fields: str) -> Document:
    """Run the whole pipeline on one text dated `date` and return its Document.

    `text` is used as given, so offsets point into it and the id and offsets equal what
    `dateline extract` gives for the same text. `date` is read like every article date
    (`2018-09-19`, `Wed, 23 Nov 2016 16:58:00 -0500`, `24 November 2016`) and kept as
    `raw_date`; a numeric date that reads two ways (`03/04/2016`) needs
    `date_order="dayfirst"` or `"monthfirst"`. A date that cannot be used raises
    `dateline.read.DateError` saying why.
    """
    from dateline.model import content_id
    from dateline.pipeline import process_one
    from dateline.read.dates import parse_article_date

    day = parse_article_date(date, date_order)
    article_fields.setdefault("raw_date", date)
    art = Article(id=article_fields.pop("id", None) or content_id(text, day), date=day, text=text,
                  **article_fields)
    return process_one(art)


__all__ = [
    "Actor", "Article", "Document", "Event", "Evidence", "Location", "Party", "Place", "Timex",
    "__version__", "extract_text",
]
