"""dateline: dated news articles in, cited political events out.

The library API is what the CLI and the API are thin faces over:

>>> from dateline import extract_text
>>> doc = extract_text("Turkey and Russia agreed on Monday ...", "2018-09-19")
"""

from dateline.model import Actor, Article, Document, Event, Evidence, Location, Party, Place, Timex

__version__ = "0.1.0"


def extract_text(text: str, date: str, **article_fields: str) -> Document:
    """Run the whole pipeline on one text dated `date` (ISO) and return its Document."""
    import datetime as dt

    from dateline.model import content_id
    from dateline.pipeline import process_one

    day = dt.date.fromisoformat(date)
    art = Article(id=article_fields.pop("id", None) or content_id(text, day), date=day, text=text,
                  **article_fields)
    return process_one(art)


__all__ = [
    "Actor", "Article", "Document", "Event", "Evidence", "Location", "Party", "Place", "Timex",
    "__version__", "extract_text",
]
