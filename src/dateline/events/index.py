"""Position indexes of an article's mentions, so the coder's lookups do not scan every mention.

The coder asks, for each trigger, which actor covers a token, which actors start inside a
phrase, which places lie in the sentence and which actors came shortly before a pronoun. As
scans of `doc.actors` and `doc.places` those questions cost the number of mentions each, so an
article with N events and N mentions took N squared; a repetitive text of 40,000 characters
spent most of its time there. An `ArticleIndex` sorts the mentions once per article and
answers each question with a binary search and a walk over only the mentions that match.

Answers keep the order of `doc.actors` / `doc.places`, as the scans did, so the choice among
equals does not change. The index is kept beside the article's parse (weakly) and rebuilt
when the lists are replaced or grow.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import Any

from dateline.model import Actor, Document, Place


class ArticleIndex:
    """The actors and places of one article, sorted by where they start."""

    def __init__(self, doc: Document) -> None:
        self.actors_list, self.places_list = doc.actors, doc.places
        self.sizes = (len(doc.actors), len(doc.places))
        order = sorted(range(len(doc.actors)), key=lambda n: doc.actors[n].start)
        self.actor_order = order  # positions in doc.actors, by start
        self.actor_starts = [doc.actors[n].start for n in order]
        self.longest_actor = _reach([doc.actors[n] for n in order])  # None: they do not overlap
        placed = [n for n, p in enumerate(doc.places) if p.token_start is not None and p.name is not None]
        placed.sort(key=lambda n: doc.places[n].token_start)
        self.place_order = placed
        self.place_tokens = [doc.places[n].token_start for n in placed]
        self.place_by_char = sorted(range(len(doc.places)), key=lambda n: doc.places[n].start)
        self.place_starts = [doc.places[n].start for n in self.place_by_char]
        self.longest_place = _reach([doc.places[n] for n in self.place_by_char])

    @classmethod
    def of(cls, doc: Document) -> ArticleIndex:
        """The index of `doc`, built on first use and again when its mention lists change."""
        if doc.parsed is None:
            return cls(doc)
        index = _INDEXES.get(doc.parsed)
        if index is None or not index.describes(doc):
            index = _INDEXES[doc.parsed] = cls(doc)
        return index

    def describes(self, doc: Document) -> bool:
        """Whether the index is still that of the document's mention lists."""
        return (self.actors_list is doc.actors and self.places_list is doc.places
                and self.sizes == (len(doc.actors), len(doc.places)))

    def actor_at(self, char: int) -> Actor | None:
        """The first actor (in `doc.actors` order) whose span holds the character offset `char`."""
        last = bisect_right(self.actor_starts, char)
        first = _first_holder(self.actor_starts, char, self.longest_actor, last)
        covering = [n for n in self.actor_order[first:last] if char < self.actors_list[n].end]
        return self.actors_list[min(covering)] if covering else None

    def actors_starting_at(self, starts: set[int]) -> list[Actor]:
        """The actors that start at one of these offsets, in `doc.actors` order."""
        found: list[int] = []
        for start in starts:
            lo = bisect_left(self.actor_starts, start)
            hi = bisect_right(self.actor_starts, start, lo=lo)
            found.extend(self.actor_order[lo:hi])
        return [self.actors_list[n] for n in sorted(found)]

    def actors_starting_between(self, first: int, last: int) -> list[Actor]:
        """The actors that start at an offset in `first..last` (both included), in `doc.actors` order."""
        lo = bisect_left(self.actor_starts, first)
        hi = bisect_right(self.actor_starts, last, lo=lo)
        return [self.actors_list[n] for n in sorted(self.actor_order[lo:hi])]

    def places_at(self, char: int) -> list[Place]:
        """The places whose span holds the character offset `char`, in `doc.places` order."""
        last = bisect_right(self.place_starts, char)
        first = _first_holder(self.place_starts, char, self.longest_place, last)
        return [self.places_list[n] for n in sorted(self.place_by_char[first:last])
                if char < self.places_list[n].end]

    def places_in_tokens(self, first: int, end: int) -> list[Place]:
        """The resolved places whose first token is in `first..end-1`, in `doc.places` order."""
        lo = bisect_left(self.place_tokens, first)
        hi = bisect_left(self.place_tokens, end, lo=lo)
        return [self.places_list[n] for n in sorted(self.place_order[lo:hi])]


def _reach(spans: list[Actor] | list[Place]) -> int | None:
    """How far back from an offset a span holding it may start: None when the spans (sorted by start) do
    not overlap, as the stages write them, so only the span starting last at or before the offset can hold
    it (a long span must not make every lookup walk the article); else the longest span's length."""
    if all(a.end <= b.start for a, b in pairwise(spans)):
        return None
    return max(s.end - s.start for s in spans)


def _first_holder(starts: list[int], char: int, reach: int | None, last: int) -> int:
    """The index of the first span (by start) that may hold `char`; spans from `last` on start after it."""
    if reach is None:
        return max(last - 1, 0)
    return bisect_left(starts, char - reach, hi=last)


#: Each article parse's index, dropped with the parse.
_INDEXES: weakref.WeakKeyDictionary[Any, ArticleIndex] = weakref.WeakKeyDictionary()


def sentences_back(token: Any, count: int) -> Any:
    """The sentence `count` sentences before `token`'s (or the article's first, when fewer come before): where a
    look back over the story's last few sentences starts."""
    sent = token.sent
    for _ in range(count):
        if sent.start == 0:
            break
        sent = token.doc[sent.start - 1].sent
    return sent
