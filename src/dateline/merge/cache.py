"""Reports of stored events kept between merge steps: bounded in bytes, the oldest merge windows let go first.

Merging an article compares its events with the stored events of their type and days (`dateline.store.merged`),
and the next article of the same story compares with nearly the same ones; decoding a stored event's JSON and
reading its words costs more than comparing it, so the store keeps the `Report`s it read. What it keeps is the
report alone (`rules.without_event`: plain values, interned words), and only up to a size in bytes: once past it,
the reports whose merge spans end earliest go first. News comes roughly in date order, so those are the reports
whose days have left the candidate windows of the articles now coming in; a late article about old days reads them
again from the store. Either way a report is the same (a cache hit is checked against the stored row it was read
from), so what is kept changes the time a merge takes, never what it decides.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass

from dateline.merge.rules import Report, without_event

#: Bytes of reports kept by default: about 38,000 reports of news sentences (~3.4 KB each), more than the
#: candidate windows of a busy month hold (the old bound, 50,000 decoded events and their reports at ~9.9 KB each,
#: was ~490 MB).
DEFAULT_CACHE_BYTES = 128 << 20
#: What a report holds besides its sentence and word sets (the report's slots, spans, keys, parties, place), and
#: what each word of its sets adds (a set's slots and its share of the sentence readers' caches; the words are
#: interned, one copy for every report): fitted to tracemalloc's count over 3,000 reports of T17 articles
#: (3.4 KB each), so the bound is in bytes held, not in reports.
REPORT_OVERHEAD_BYTES = 1900
WORD_SLOT_BYTES = 80


def report_bytes(report: Report) -> int:
    """About how many bytes a report kept alone (`without_event`) holds."""
    # a quoted run (a tuple of six interned words in a set) holds about what two words of a set hold
    words = len(report.words) + len(report.numbers) + len(report.own_names) + 2 * len(report.quoted)
    parties = sum(len(party.words) for _, members in report.roles for party in members)
    return REPORT_OVERHEAD_BYTES + sys.getsizeof(report.sentence) + WORD_SLOT_BYTES * (words + parties)


@dataclass(slots=True)
class _Kept:
    digest: int  # hash of the stored row the report was read from
    report: Report
    size: int
    last_day: int  # the last day (ordinal) of its merge span: when it leaves the candidate windows


class ReportCache:
    """Stored events' reports by event id, at most `max_bytes` of them (`report_bytes`)."""

    def __init__(self, max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._kept: dict[str, _Kept] = {}
        self._lock = threading.Lock()  # a store may merge from several threads of one process

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, event_id: str, digest: int) -> Report | None:
        """The report kept for this event, if it was read from a row of this digest."""
        kept = self._kept.get(event_id)
        if kept is None or kept.digest != digest:
            return None
        return kept.report

    def put(self, digest: int, report: Report) -> Report:
        """Keep the report (its event let go) read from a row of this digest; the report kept is returned. A report
        too vague to merge (no merge span) is never a candidate again, so it is not kept."""
        alone = without_event(report)
        if report.reach is None:
            return alone
        kept = _Kept(digest, alone, report_bytes(alone), report.reach.last.toordinal())
        with self._lock:
            old = self._kept.pop(report.id, None)
            self.bytes += kept.size - (old.size if old is not None else 0)
            self._kept[report.id] = kept
            if self.bytes > self.max_bytes:
                self._evict(self.max_bytes * 3 // 4)
        return alone

    def _evict(self, target: int) -> None:
        """Let go of the reports whose merge spans end earliest until at most `target` bytes are kept (a quarter
        of the bound at once, so the sort is paid once every many reports)."""
        for event_id, kept in sorted(self._kept.items(), key=lambda item: (item[1].last_day, item[0])):
            if self.bytes <= target:
                break
            del self._kept[event_id]
            self.bytes -= kept.size


__all__ = ["DEFAULT_CACHE_BYTES", "ReportCache", "report_bytes"]
