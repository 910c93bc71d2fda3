"""Live feeds: follow RSS and Atom feeds, ingest the articles they link to, and watch zones as news arrives.

`fetch` is polite HTTP (timeouts, retries with backoff, conditional GET, a per-host pace, a clear
User-Agent); `poll` finds each feed's new entries and reads their pages through the HTML reader;
`watch` runs passes that ingest them and report each new zone violation once. The feeds followed
live in the store (`Store.add_feed`, `feeds()`, `remove_feed()`), beside the articles.
"""

from __future__ import annotations

from dateline.feeds.fetch import USER_AGENT, Fetched, Fetcher, FetchError
from dateline.feeds.poll import Entry, PassReport, entry_key, poll
from dateline.feeds.watch import WatchReport, WatchSettings, violation_id, watch, watch_pass

__all__ = ["USER_AGENT", "Entry", "FetchError", "Fetched", "Fetcher", "PassReport", "WatchReport", "WatchSettings",
           "entry_key", "poll", "violation_id", "watch", "watch_pass"]
