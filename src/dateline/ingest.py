"""Ingest: read -> process -> store, in batches, with a report of what happened.

The library function behind `dateline ingest` and `dateline demo`. Articles already in
the store are recognised by id before parsing, so re-ingesting costs little and adds
nothing. The pipeline (spaCy and every stage, ~1 CPU s to import) is imported when articles are processed here,
not with this module: the parent of a run with workers imports it for `IngestReport` and never processes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model import Article
from dateline.read import DEFAULT_LANG_POLICY, DEFAULT_MAX_CHARS, DateOrder, LangPolicy, ReadReport, read_articles
from dateline.store import Store
from dateline.store.identity import ArticleIdentity


@dataclass
class IngestReport:
    """Totals of one ingest run."""

    read: ReadReport = field(default_factory=ReadReport)
    added: int = 0
    existing: int = 0
    events: int = 0
    merged: int = 0  # events that other articles report too: merged into one event with their reports
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """Every input that did not make it into the store, with the reason."""
        return self.read.skipped + self.failed

    def summary(self) -> str:
        articles = "article" if self.added == 1 else "articles"
        events = "event" if self.events == 1 else "events"
        merged = f", {self.merged} also reported by other articles" if self.merged else ""
        return (f"{self.read.summary()}; {self.added} {articles} added ({self.events} {events}{merged}), "
                f"{self.existing} already stored, {len(self.failed)} failed")


def _unseen(articles: Iterable[Article], store: Store, report: IngestReport) -> Iterator[Article]:
    """Articles not stored yet, by content (`store.identity`): the same text under another id is stored
    already; an id reused for another text from another source is kept apart as `ID@SOURCE`; the same id
    for another text from the same source is a clash, reported, never overwritten."""
    identity = ArticleIdentity(store)
    for art in articles:
        placement = identity.place(art)
        if placement.clash:
            report.failed.append((art.origin or art.id, placement.clash))
        elif placement.article is None:
            report.existing += 1
        else:
            yield placement.article


def ingest(paths: Iterable[str | Path], store: Store, model: str | None = None, batch_size: int = 32,
           max_chars: int = DEFAULT_MAX_CHARS, date_order: DateOrder | None = None,
           on_article: Callable[[Article], None] | None = None,
           lang: LangPolicy = DEFAULT_LANG_POLICY) -> IngestReport:
    """Read, process and store every article under `paths`; returns what happened.

    `date_order` ("dayfirst"/"monthfirst") decides numeric dates that read two ways;
    `on_article` is called once per article processed (for progress bars); `lang` says what
    to do with articles that are not English (`dateline.read.lang`).
    """
    report = IngestReport()
    return ingest_articles(read_articles(paths, report.read, max_chars, date_order, lang), store, model,
                           batch_size, on_article, report)


def ingest_articles(articles: Iterable[Article], store: Store, model: str | None = None, batch_size: int = 32,
                    on_article: Callable[[Article], None] | None = None,
                    report: IngestReport | None = None) -> IngestReport:
    """Process and store articles already read (from feeds, say); those stored already are skipped."""
    from dateline.pipeline import process

    report = report if report is not None else IngestReport()
    docs = process(_unseen(articles, store, report), model=model, batch_size=batch_size,
                   on_failure=lambda f: report.failed.append((f.origin, f.reason)))
    batch = []
    for doc in docs:
        if on_article:
            on_article(doc.article)
        batch.append(doc)
        if len(batch) >= batch_size:
            _store_batch(store, batch, report)
    if batch:
        _store_batch(store, batch, report)
    return report


def _store_batch(store: Store, batch: list, report: IngestReport) -> None:
    result = store.add(batch)
    report.added += result.added
    report.existing += result.existing
    report.events += result.events
    report.merged += result.merged
    report.failed.extend(result.failed)
    batch.clear()


__all__ = ["IngestReport", "ingest", "ingest_articles"]
