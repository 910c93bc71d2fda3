"""Polite HTTP for feeds and article pages: timeouts, retries with backoff, conditional GET, a per-host pace.

One `Fetcher` (an httpx client) serves a whole pass. It names itself with a clear User-Agent,
follows redirects, waits `pace` seconds between two requests to the same host, and retries what
may pass (timeouts, refused connections, 429 and 5xx answers) with exponential backoff, honouring
a server's Retry-After up to a cap. A feed is fetched conditionally with the ETag and
Last-Modified of its last answer, so an unchanged feed costs a 304 and no parsing. What does not
pass (a 404, a 410, retries used up) is a `FetchError` that says whether trying later may help.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from importlib.metadata import version
from urllib.parse import urlsplit

import httpx

USER_AGENT = f"dateline/{version('dateline')} (news event extraction; feed reader; python-httpx)"
RETRIED_STATUSES = {408, 425, 429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for longer is tried again on the next pass


class FetchError(Exception):
    """A URL that could not be fetched; `transient` when a later pass may succeed (the reason says why)."""

    def __init__(self, url: str, reason: str, transient: bool) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.transient = url, reason, transient


@dataclass
class Fetched:
    """An answer: status (200, or 304 for an unchanged feed), final URL after redirects, body and validators."""

    status: int
    url: str
    content: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def text(self) -> str:
        return self.content.decode(_charset(self.content_type) or "utf-8", errors="replace")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return None


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), if any."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


class Fetcher:
    """An HTTP client for one pass over the feeds; use as a context manager."""

    def __init__(self, timeout: float = 20.0, retries: int = 3, backoff: float = 1.0, pace: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.retries, self.backoff, self.pace, self._sleep = retries, backoff, pace, sleep
        self._client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5,
                                    headers={"User-Agent": USER_AGENT})
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.pace - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = time.monotonic()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` (conditionally, given validators), retrying what may pass; a FetchError otherwise."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        problem, delay = "no attempt", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(delay)
            self._wait_for_host(url)
            try:
                response = self._client.get(url, headers=headers)
            except httpx.TooManyRedirects:
                raise FetchError(url, "too many redirects", transient=False) from None
            except httpx.TransportError as exc:  # timeouts, refused and reset connections
                problem, delay = f"{type(exc).__name__} ({exc or 'no detail'})", self.backoff * 2 ** attempt
                continue
            if response.status_code in RETRIED_STATUSES:
                asked = _retry_after(response.headers.get("Retry-After"))
                if asked is not None and asked > MAX_RETRY_AFTER:
                    raise FetchError(url, f"HTTP {response.status_code}, retry after {asked:.0f} s", transient=True)
                problem = f"HTTP {response.status_code}"
                delay = asked if asked is not None else self.backoff * 2 ** attempt
                continue
            if response.status_code == 304:
                return Fetched(304, str(response.url), b"", etag, last_modified)
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code}", transient=False)
            return Fetched(response.status_code, str(response.url), response.content,
                           response.headers.get("ETag"), response.headers.get("Last-Modified"),
                           response.headers.get("Content-Type", ""))
        raise FetchError(url, f"{problem} after {self.retries + 1} attempts", transient=True)


__all__ = ["USER_AGENT", "FetchError", "Fetched", "Fetcher"]
