"""The merge's cache of date spans (`dateline.merge.spans._span`) stays small however many days a run covers."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc

from dateline.merge import spans


def _fill(days: int) -> int:
    """Bytes traced while reading the spans of `days` distinct day values, each told the day after it."""
    first = dt.date(2001, 1, 1)
    spans._span.cache_clear()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(days):
            day = first + dt.timedelta(days=n)
            assert spans._span(day.isoformat(), None, "day", day + dt.timedelta(days=1), spans.OPEN_SPAN_DAYS)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
        spans._span.cache_clear()


def test_the_span_cache_holds_a_few_mb_however_many_days_it_has_read():
    held = _fill(40_000)  # more days than a century of news: each a new key
    assert held < 5 * 2 ** 20, f"{held / 2 ** 20:.1f} MB"


def test_a_span_read_after_the_cache_let_it_go_is_the_same_span():
    day, reference = "2010-04-20", dt.date(2010, 4, 21)
    first = spans._span(day, None, "day", reference, spans.OPEN_SPAN_DAYS)
    _fill(spans.SPAN_CACHE + 10)
    assert spans._span(day, None, "day", reference, spans.OPEN_SPAN_DAYS) == first
