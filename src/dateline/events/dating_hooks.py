"""Times the parser hangs on the wrong word, and the word they date (`events.dating_clauses` follows the tree
from there).

A time written between a verb and a participle that completes it ("The car was located June 2 sunk two
metres below the surface", "was found Thanksgiving Day clinging to a log") is often parsed as the participle's
subject: a day cannot be the one buried or clinging, so it is an adverbial of the verb before it, and dates that
verb's clause.

A live page's entry stamp ("(Update 9:40 p.m. in Nairobi, 2:40 p.m. ET)") is parsed into the sentence of the entry
it opens, so its clock times look like the entry's own time; they say when the entry was written, which the dater
reads as the page's writing day (`dating.speech_day`), and date none of its acts (`in_page_stamp`). On a page of
two stamps or more, an act no time dates was done by the day of its own entry's stamp (`entry_day`), which the time
stage has given every time in the stamp.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any

from dateline.model import Document, Timex
from dateline.timex3 import interval

#: How the parser attaches a participle that completes a verb ("found him clinging", "discovered buried"; "dep" when
#: it is unsure).
_COMPLETING = frozenset({"advcl", "ccomp", "xcomp", "dep"})
#: How the parser attaches the time to the participle: as its subject, or as a noun compound on it.
_TIME_SLOTS = frozenset({"nsubj", "nsubjpass", "compound"})
#: Words of a participle clause that give it a time or a tense of its own.
_OWN_CLAUSE = frozenset({"aux", "auxpass", "mark"})
#: Where a document keeps its sorted page stamps (`_page_stamps`; not a field, so never serialised or compared).
_STAMPS_MEMO = "_page_stamps"


def time_host(root: Any, trigger: Any) -> Any:
    """The word a time dates: the verb before it when the parse made the time (`root`, its head, between the two)
    the subject of the participle after it or a noun compound on it, unless the trigger is in that participle's
    clause (the parse is then followed as it is); else `root` itself."""
    clause = root.head
    verb = clause.head
    if root.dep_ not in _TIME_SLOTS or clause.dep_ not in _COMPLETING \
            or verb.pos_ not in ("VERB", "AUX") \
            or not verb.i < root.i < clause.i or any(c.dep_ in _OWN_CLAUSE for c in clause.children) \
            or not _participle(clause, verb):
        return root
    if clause.i == trigger.i or clause.is_ancestor(trigger):
        return root
    return verb


def _participle(clause: Any, verb: Any) -> bool:
    """A participle, or a past form the tagger took for a finite verb where none can stand: a clause of its own on
    a passive ("was discovered April 8 buried", with no "that"), or an adverbial clause ("buried" read as one)."""
    if clause.tag_ in ("VBG", "VBN"):
        return True
    return clause.tag_ == "VBD" and (clause.dep_ == "advcl" or any(c.dep_ == "auxpass" for c in verb.children))


def in_page_stamp(doc: Document, timex: Timex) -> bool:
    """True when the timex lies in a page stamp the story stage marked (`timestamp`): no time of the story."""
    span = doc.excluded_at(timex.start)
    return span is not None and span.kind == "timestamp"


def entry_start(doc: Document, offset: int) -> int:
    """Where the live page's entry holding character `offset` begins (its stamp's start), or 0 when the page has
    fewer than two stamps or none before it: an entry is a story of its own, and no day of another entry (the
    one above, written later, on a page that puts the newest first) goes on in it."""
    stamp = _entry_stamp(doc, offset)
    return stamp[0] if stamp is not None else 0


def entry_day(doc: Document, offset: int) -> dt.date | None:
    """The day the live page's entry holding character `offset` was written: the first day a time of the last
    stamp before it names, when the page has two stamps or more and that day is no later than the text's
    writing day; else None.

    The time stage worked the entries' days out (`time.page_stamps.entries`: a day the stamp names, else one
    carried over the clock times of the stamps around it) and gave every time in a stamp its entry's day; this
    reads that result off `doc.timexes`, as a stage reads an earlier one's, rather than working it out again. Where
    no stamp gave a day, the stage lent the stamp's clock time the day the page was read from (`doc.written`, else
    the article date), which `entries` leaves out and this returns: the bound the dater would fall back to."""
    stamp = _entry_stamp(doc, offset)
    if stamp is None:
        return None
    start, end = stamp
    spans = [span for t in doc.timexes if start <= t.start < end and (span := interval(t.value)) is not None
             and span.first == span.last]
    if not spans or spans[0].first > (doc.written or doc.article.date):
        return None
    return spans[0].first


def _entry_stamp(doc: Document, offset: int) -> tuple[int, int] | None:
    """The stamp (start, end) opening the live page's entry that holds character `offset`: the last stamp before
    it, when the page has two stamps or more; else None."""
    stamps, starts = _page_stamps(doc)
    index = bisect_right(starts, offset) - 1
    return stamps[index] if len(stamps) >= 2 and index >= 0 else None


def _page_stamps(doc: Document) -> tuple[list[tuple[int, int]], list[int]]:
    """The page's stamps (start, end) in text order and their starts, sorted once per list of excluded spans (every
    act's date asks for its entry), as `Document.excluded_at` indexes that list: again when it is another or has
    grown."""
    spans = doc.excluded
    memo = doc.__dict__.get(_STAMPS_MEMO)
    if memo is None or memo[0] is not spans or memo[1] != len(spans):
        stamps = sorted((s.start, s.end) for s in spans if s.kind == "timestamp")
        memo = (spans, len(spans), stamps, [start for start, _ in stamps])
        doc.__dict__[_STAMPS_MEMO] = memo
    return memo[2], memo[3]
