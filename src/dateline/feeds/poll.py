"""One pass over the followed feeds: the new entries of each, and the articles their links lead to.

A feed (RSS or Atom) is fetched conditionally and parsed with feedparser, which reads what is
merely sloppy; a body that yields no feed at all (malformed XML, an HTML error page) is reported
with feedparser's reason. An entry is known by its id (or link); entries already dealt with are
skipped before anything is fetched, so an entry seen in every pass, or in two feeds, is fetched
and ingested once. Each new entry's page is fetched and read by the HTML reader (trafilatura),
dated by the page's own metadata, else by the feed entry's date, both through `read.dates`.

Entries are remembered (`Store.mark_entry`) only after their article is stored, by the caller:
a pass killed half way leaves the rest to be fetched again, and an article stored but not yet
remembered is recognised by its content the next time and not stored twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

import feedparser

from dateline.feeds.fetch import Fetcher, FetchError
from dateline.model import Article
from dateline.read import DEFAULT_MAX_CHARS, ReadError
from dateline.read.html import read_html
from dateline.store import Store
from dateline.store.watch import FeedRecord


@dataclass
class Entry:
    """A new feed entry: its key, link and date as the feed gives them, and the article read from its page."""

    feed_url: str
    key: str
    link: str | None
    listed_date: str | None
    article: Article | None = None


@dataclass
class PassReport:
    """What one pass over the feeds found: feeds checked or unchanged, new entries, problems by URL."""

    feeds: int = 0
    unchanged: int = 0
    entries: list[Entry] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.feeds} feed{'s' if self.feeds != 1 else ''} checked ({self.unchanged} unchanged), "
                f"{len(self.entries)} new entr{'ies' if len(self.entries) != 1 else 'y'}, "
                f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}")


def entry_key(entry: dict) -> str | None:
    """How a feed entry is known: its id (RSS guid, Atom id), else its link, else its title and date."""
    return entry.get("id") or entry.get("link") or (
        f"{entry.get('title')}|{entry.get('published') or entry.get('updated')}" if entry.get("title") else None)


def new_entries(store: Store, feed: FeedRecord, fetcher: Fetcher, report: PassReport) -> list[Entry]:
    """The entries of one feed not dealt with yet; the feed's validators and status are recorded."""
    report.feeds += 1
    try:
        answer = fetcher.get(feed.url, feed.etag, feed.last_modified)
    except FetchError as exc:
        store.update_feed(feed.url, f"error: {exc.reason}", keep_validators=True)
        report.problems.append((feed.url, exc.reason))
        return []
    if answer.status == 304:
        store.update_feed(feed.url, "304 not modified", keep_validators=True)
        report.unchanged += 1
        return []
    parsed = feedparser.parse(answer.content, response_headers={"content-location": answer.url})
    usable = [item for item in parsed.entries if entry_key(item)]
    if not usable and (parsed.bozo or not parsed.version):  # broken XML, or an HTML page where a feed should be
        reason = f"not a feed: {parsed.get('bozo_exception') or 'no RSS or Atom in the answer'}"
        store.update_feed(feed.url, f"error: {reason}", keep_validators=True)
        report.problems.append((feed.url, reason))
        return []
    store.update_feed(feed.url, f"{answer.status} ok, {len(parsed.entries)} entries", answer.etag,
                      answer.last_modified)
    found = []
    for item in usable:
        key, link = entry_key(item) or "", item.get("link")
        if store.entry_seen(feed.url, key, link):
            continue
        found.append(Entry(feed.url, key, link, item.get("published") or item.get("updated")))
    return found


def read_entry(entry: Entry, fetcher: Fetcher, source: str | None,
               max_chars: int = DEFAULT_MAX_CHARS) -> tuple[Article | None, str | None, bool]:
    """The article behind an entry, or None with the reason and whether a later pass may do better."""
    if not entry.link:
        return None, "the entry has no link to an article", False
    try:
        page = fetcher.get(entry.link)
    except FetchError as exc:
        return None, exc.reason, exc.transient
    try:
        article = read_html(page.text, entry.link, max_chars, listed_date=entry.listed_date)
    except ReadError as exc:
        return None, exc.reason, False
    return dataclasses.replace(article, url=article.url or page.url, source=article.source or source), None, False


def poll(store: Store, fetcher: Fetcher, report: PassReport, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Entry]:
    """Every new entry of every followed feed with its article read; entries given up on are remembered."""
    for feed in store.feeds():
        for entry in new_entries(store, feed, fetcher, report):
            article, reason, transient = read_entry(entry, fetcher, feed.name, max_chars)
            if article is None:
                report.problems.append((entry.link or entry.key, reason or "unreadable"))
                if not transient:
                    store.mark_entry(entry.feed_url, entry.key, entry.link, None, f"skipped: {reason}")
                continue
            entry.article = article
            report.entries.append(entry)
            yield entry


__all__ = ["Entry", "PassReport", "entry_key", "new_entries", "poll", "read_entry"]
