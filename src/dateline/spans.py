"""An offset index over character spans: which of many (start, end) spans holds an offset, by binary search.

The document's excluded spans (`model.Document.excluded_at`) and the actors stage's person names
(`actors.nearby`) are looked up once per offset of a long article; a scan of every span per offset was
quadratic there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["first_holding", "span_reach"]


def span_reach(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """For (start, end) spans sorted by start: their starts and the running maximum of their ends, with which
    `first_holding` finds the first span holding an offset by binary search, not a scan of every span."""
    pairs = list(spans)
    return [start for start, _ in pairs], list(accumulate((end for _, end in pairs), max))


def first_holding(starts: list[int], reach: list[int], offset: int) -> int | None:
    """The index (in start order) of the first span holding `offset`, or None (`span_reach` gives the lists):
    among the spans starting at or before it, the first whose running end passes it ends there itself."""
    before = bisect_right(starts, offset)
    first = bisect_right(reach, offset, 0, before)
    return first if first < before else None
