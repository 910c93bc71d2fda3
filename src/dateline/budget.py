"""The time budget of one article: a deadline the pipeline sets and the stages check.

An article must never hold up a batch for ever: a hostile or broken input (a dump pasted as
one article, 20,000 repeated lines, a 200,000-digit token) should cost time in proportion to
its length, and when it still takes too long it is given up and reported by name while the
batch goes on. `pipeline.run_stages` opens an `article_budget(seconds)` around the stages of
one article and checks it between stages; the loops that grow with an article's length (the
sentences the coder walks, the place mentions the gazetteer resolves, the windows the timex
rules scan) call `check_deadline()` as they go, which costs one clock read.

The deadline lives in a context variable, so each thread or task running articles has its own
and a stage needs no extra argument. Outside a budget `check_deadline()` does nothing.
This module imports nothing from dateline: every layer may use it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


class OverBudget(Exception):
    """An article that took longer than its time budget; the message names where and how to lift it."""

    def __init__(self, seconds: float, limit: float, where: str) -> None:
        super().__init__(f"over the time budget: {seconds:.1f} s spent, limit {limit:g} s per article, given up "
                         f"in {where} (split the article, or raise the limit with --article-seconds or "
                         "DATELINE_ARTICLE_SECONDS)")
        self.seconds, self.limit, self.where = seconds, limit, where


@dataclass
class Deadline:
    """When the current article's time runs out."""

    limit: float  # seconds allowed
    started: float  # time.monotonic() when the article started
    stage: str = "the pipeline"  # the stage running now, for the message

    @property
    def ends(self) -> float:
        return self.started + self.limit

    def check(self, where: str | None = None) -> None:
        """Raise OverBudget when the time is up."""
        now = time.monotonic()
        if now > self.ends:
            raise OverBudget(now - self.started, self.limit, where or self.stage)


_CURRENT: ContextVar[Deadline | None] = ContextVar("dateline_article_deadline", default=None)


@contextmanager
def article_budget(seconds: float | None) -> Iterator[Deadline | None]:
    """Run the block under a deadline `seconds` from now (None or <= 0: no limit)."""
    deadline = Deadline(float(seconds), time.monotonic()) if seconds and seconds > 0 else None
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)


def current_deadline() -> Deadline | None:
    """The deadline of the article being processed in this context, if any."""
    return _CURRENT.get()


def check_deadline(where: str | None = None) -> None:
    """Raise OverBudget when the current article's time is up; a no-op outside a budget."""
    deadline = _CURRENT.get()
    if deadline is not None:
        deadline.check(where)


__all__ = ["Deadline", "OverBudget", "article_budget", "check_deadline", "current_deadline"]
