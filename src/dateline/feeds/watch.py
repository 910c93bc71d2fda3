"""`dateline watch`: poll the feeds, ingest what is new, and report each new zone violation once.

A pass (`watch_pass`) fetches the new entries of every followed feed, ingests their articles,
remembers the entries, then finds every zone's violations and emits those not reported before:
one JSON line each (through `emit`), and, given a URL, a POST of the same JSON with retries.
What has been reported lives in the store (`zone_reports`), so a watcher stopped, killed or run
from cron (`--once`) never repeats itself.

Each violation is first claimed in the store (a committed insert that only one watcher can win),
then written: a watcher killed while it commits (milliseconds) has written nothing and writes it
when restarted; only a kill in the microseconds between the commit and the write of the line
loses one. Violations carry a stable id (`zone:event id`, also the POST's Idempotency-Key). POSTs
are recorded as delivered only once the URL took them (a 2xx), and retried on later passes until
then, so a POST can be repeated (killed after the answer, before the record) but not lost.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from dateline.feeds.fetch import USER_AGENT, Fetcher
from dateline.feeds.poll import PassReport, poll
from dateline.ingest import IngestReport, ingest_articles
from dateline.store import Store
from dateline.zones import CONFLICT_TYPES, Violation, violations


@dataclass
class WatchSettings:
    """How a watcher works: conflict types, confidence floor, where to POST, HTTP politeness, the pipeline."""

    types: tuple[str, ...] = CONFLICT_TYPES
    min_confidence: float = 0.0
    since: dt.date | None = None
    post_url: str | None = None
    post_retries: int = 3
    timeout: float = 20.0
    pace: float = 1.0  # seconds between two requests to one host
    backoff: float = 1.0
    model: str | None = None
    batch_size: int = 32


@dataclass
class WatchReport:
    """What one pass did: the feeds' report, the ingest's, and the violations emitted and posted."""

    feeds: PassReport = field(default_factory=PassReport)
    ingest: IngestReport = field(default_factory=IngestReport)
    emitted: int = 0
    posted: int = 0
    post_failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.feeds.summary()}; {self.ingest.added} articles added ({self.ingest.events} events); "
                f"{self.emitted} new violation{'s' if self.emitted != 1 else ''}"
                + (f", {self.posted} posted" if self.posted or self.post_failures else "")
                + (f", {len(self.post_failures)} posts failed" if self.post_failures else ""))


def violation_id(v: Violation) -> str:
    """A violation's stable id: the zone and the event."""
    return f"{v.zone}:{v.event.id}"


def ingest_new_entries(store: Store, settings: WatchSettings, report: WatchReport) -> None:
    """Fetch the feeds' new entries, ingest their articles, and remember the entries whose article is stored."""
    with Fetcher(timeout=settings.timeout, pace=settings.pace, backoff=settings.backoff) as fetcher:
        entries = list(poll(store, fetcher, report.feeds))
    if not entries:
        return
    ingest_articles([e.article for e in entries if e.article], store, settings.model, settings.batch_size,
                    report=report.ingest)
    failed = {origin for origin, _ in report.ingest.failed}
    for entry in entries:
        if entry.article and entry.article.origin not in failed:  # a failed one is tried again next pass
            store.mark_entry(entry.feed_url, entry.key, entry.link, entry.article.id, "stored")


def current_violations(store: Store, settings: WatchSettings) -> list[Violation]:
    """The certain violations of every stored zone, zone by zone, oldest first."""
    return [v for zone in store.zones()
            for v in violations(store, zone, settings.since, settings.types, settings.min_confidence)]


def post_json(url: str, payload: dict[str, Any], key: str, retries: int, backoff: float, timeout: float) -> bool:
    """POST one violation, retrying failures with backoff; whether the URL took it (a 2xx answer)."""
    headers = {"User-Agent": USER_AGENT, "Idempotency-Key": key}
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            if httpx.post(url, json=payload, headers=headers, timeout=timeout).is_success:
                return True
        except httpx.HTTPError:
            continue
    return False


def report_new_violations(store: Store, settings: WatchSettings, emit: Callable[[dict[str, Any]], None],
                          report: WatchReport) -> None:
    """Emit each violation not reported before, record it, and POST whatever the URL has not taken yet."""
    found = current_violations(store, settings)
    done: dict[str, set[str]] = {}
    for v in found:
        if v.event.id in done.setdefault(v.zone, store.reported(v.zone)):
            continue
        done[v.zone].add(v.event.id)
        if store.mark_reported(v.zone, v.event.id, v.membership, delivered=settings.post_url is None):
            emit({"id": violation_id(v), **v.to_json()})  # claimed first: another watcher may have it
            report.emitted += 1
    if settings.post_url:
        _deliver(store, settings, {(v.zone, v.event.id): v for v in found}, report)


def _deliver(store: Store, settings: WatchSettings, known: dict[tuple[str, str], Violation],
             report: WatchReport) -> None:
    for zone, event_id in store.undelivered():
        v = known.get((zone, event_id))
        if v is None:  # no longer a violation (the event or zone is gone): nothing to send
            store.mark_delivered(zone, event_id)
            continue
        if post_json(settings.post_url or "", {"id": violation_id(v), **v.to_json()}, violation_id(v),
                     settings.post_retries, settings.backoff, settings.timeout):
            store.mark_delivered(zone, event_id)
            report.posted += 1
        else:
            report.post_failures.append(violation_id(v))


def watch_pass(store: Store, settings: WatchSettings, emit: Callable[[dict[str, Any]], None]) -> WatchReport:
    """One pass: feeds, ingest, then the new violations of every zone."""
    report = WatchReport()
    if store.feeds():
        ingest_new_entries(store, settings, report)
    report_new_violations(store, settings, emit, report)
    return report


def watch(open_store: Callable[[], Store], settings: WatchSettings, emit: Callable[[dict[str, Any]], None],
          every: float | None, on_pass: Callable[[WatchReport], None] | None = None,
          passes: Iterable[int] | None = None) -> None:
    """Run passes every `every` seconds (once when None); the store is opened for each pass and let go between."""
    for _ in passes if passes is not None else iter(int, 1):
        started = time.monotonic()
        with open_store() as store:
            report = watch_pass(store, settings, emit)
        if on_pass:
            on_pass(report)
        if every is None:
            return
        time.sleep(max(0.0, every - (time.monotonic() - started)))


__all__ = ["WatchReport", "WatchSettings", "current_violations", "violation_id", "watch", "watch_pass"]
