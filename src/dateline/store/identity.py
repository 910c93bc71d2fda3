"""Content identity: which article read is new, which is stored already, and what to do with a reused id.

An article is its content: its text (stripped, CRLF read as LF) and its date, digested by
`model.content_id`. So the same text is one article whatever id it comes with (an explicit
JSON Lines `id`, or none), whatever its encoding (readers decode UTF-8, UTF-16 and UTF-32 to
the same text) and its line ends; storing it again would double its events.

An explicit id names an article within its source: Timeline17 numbers the articles of each
topic from 0, so the same id comes back in every topic's `articles.jsonl` for another text.
Such an id, met again for another text from another file or feed, is kept apart rather than
refused: the article is stored as `ID@SOURCE`, SOURCE being the file (or feed entry) it was
read from. The same id for another text from the *same* source is a clash (the file changed
under that id): reported, and the stored article is never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dateline.model import Article, content_id
from dateline.store.base import Store

_LINE_SUFFIX = re.compile(r"(:\d+|\[\d+\])\Z")  # a JSON Lines line, a JSON array index


def source_of(origin: str | None) -> str | None:
    """The file or feed an article was read from: its origin without a record's `:LINE` or `[INDEX]`."""
    return _LINE_SUFFIX.sub("", origin) if origin else None


@dataclass
class Placement:
    """What to do with one article read: process `article` (maybe under a namespaced id), count it as
    stored already (`stored_as`, the id it is stored under), or report `clash`."""

    article: Article | None = None
    stored_as: str | None = None
    clash: str | None = None


@dataclass
class ArticleIdentity:
    """Decides, article by article, whether each is new, stored already or a clash (see the module doc).

    It remembers the articles placed in this run but not stored yet, so duplicates within one run
    are caught before they reach the store."""

    store: Store
    pending_ids: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (digest, source)
    pending_digests: dict[str, str] = field(default_factory=dict)  # digest -> id

    def place(self, art: Article) -> Placement:
        """Where `art` belongs; a new article is remembered as pending until `forget` is called."""
        digest = content_id(art.text, art.date)
        same = self.pending_digests.get(digest) or self.store.article_with_digest(digest)
        if same is not None:
            return Placement(stored_as=same)
        source = source_of(art.origin)
        placed = art
        for attempt in (art.id, f"{art.id}@{source}"):
            held = self._held(attempt)
            if held is None:
                placed = replace(art, id=attempt) if attempt != art.id else art
                self.pending_ids[placed.id] = (digest, source)
                self.pending_digests[digest] = placed.id
                return Placement(article=placed)
            if source is None or held[1] == source or attempt != art.id:
                break
        return Placement(clash=f"id clash: id {placed.id!r} is already stored for a different text from the same "
                               f"source ({source or 'unnamed'}); the stored article is kept. Give the article a new "
                               "`id` (or none, for a content hash)")

    def _held(self, article_id: str) -> tuple[str, str | None] | None:
        """(digest, source) of the article stored or pending under `article_id`, or None when the id is free."""
        if article_id in self.pending_ids:
            return self.pending_ids[article_id]
        digest = self.store.article_digest(article_id)
        return None if digest is None else (digest, source_of(self.store.article_origin(article_id)))

    def forget(self, articles: list[Article]) -> None:
        """Articles now stored (or given up): the store answers for them from here on."""
        for art in articles:
            digest, _ = self.pending_ids.pop(art.id, ("", None))
            self.pending_digests.pop(digest, None)


__all__ = ["ArticleIdentity", "Placement", "source_of"]
