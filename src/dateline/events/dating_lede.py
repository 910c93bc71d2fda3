"""The lede's day: when a news story's reports were made.

A news story opens with its lede, the sentence that says what happened and when ("Castro said Friday the boy's
mother had been kidnapped", "Albright paid tribute Tuesday to the victims"), and then goes on quoting the people
it spoke to: "The Cuban leader said ...", "a police official denied ...". Such a report names no time of its own
because the lede gave it: the story is the news of that day, and its sayings were said then (the wire convention
TimeML's annotators follow, linking later "said" to the lede's day). `events.dating` asks this module for that
day when a past-tense saying of a main clause has no time in its sentence and the story thread (`dating_thread`,
two sentences) no longer reaches it.

The lede's day holds only while the story stays on it: a later sentence whose main clause another day dates
("On Monday, the police said ...") moves the story, and the lede's day then says nothing about the reports that
follow. It must be the news of the article's own days: no more than `REPORT_CYCLE` before it was written, never
after it.
"""

from __future__ import annotations

from typing import Any

from dateline.events.dating_clauses import ONE_DAY, is_anchor, timex_root, written_by
from dateline.events.dating_hooks import entry_start, in_page_stamp
from dateline.events.dating_thread import REPORT_CYCLE, dates_main_clause
from dateline.model import Document, Timex
from dateline.timex3 import date_part, interval, precision

#: How many sentences into the text the lede's day may be named (a dateline line and a headline may come first).
LEDE_SENTENCES = 3


def lede_day(doc: Document, trigger: Any) -> Timex | None:
    """The day the story's lede dates its main clause with, when it still governs the trigger's sentence; None
    when the lede names no day, the day lies outside the article's news (`REPORT_CYCLE`), or a main clause
    between the lede and the trigger is dated by another day. Reads the times before the trigger in order and
    stops at the first that decides, so that an article of many sayings is not read whole for each."""
    entry = entry_start(doc, trigger.idx)
    days = (t for t in sorted(doc.timexes, key=lambda t: t.start)
            if entry <= t.start and t.end <= trigger.sent.start_char and not in_page_stamp(doc, t)
            and _dates_a_day(doc, t))
    lede = next(days, None)
    if lede is None or lede.start >= _lede_end(doc):
        return None
    span = interval(lede.value)
    if span is None or not written_by(doc) - REPORT_CYCLE <= span.first <= written_by(doc):
        return None
    if any(date_part(t.value) != date_part(lede.value) for t in days):
        return None
    return lede


def _dates_a_day(doc: Document, timex: Timex) -> bool:
    """A time naming one day that dates its sentence's main clause ("Castro said Friday", "On Tuesday, ...")."""
    return is_anchor(timex) and precision(timex.value) in ONE_DAY and timex_root(doc, timex) is not None \
        and dates_main_clause(doc, timex)


def _lede_end(doc: Document) -> int:
    """Where the text's first `LEDE_SENTENCES` sentences end (the text's end when it has no more)."""
    for n, sentence in enumerate(doc.parsed.sents):
        if n == LEDE_SENTENCES:
            return sentence.start_char
    return len(doc.article.text) + 1
