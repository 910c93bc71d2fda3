"""Feeds against a real HTTP server on 127.0.0.1 started by the test (never the internet): RSS and Atom,
article pages dated by the page or the feed entry, conditional GET, redirects, a slow server, a 404, a 500,
malformed XML, the User-Agent and per-host pace; and `dateline watch` reporting each violation once."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.feeds import USER_AGENT, Fetcher, FetchError, PassReport, WatchSettings, poll, watch_pass
from dateline.feeds.commands import parse_every
from dateline.model import Location, Party
from dateline.store import open_store
from dateline.zones import admin_zone
from store_worker import make_document

FEEDS = Path(__file__).parent / "data" / "feeds"
PAGE = """<!doctype html><html><head><title>{title}</title>{meta}</head>
<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"""
SHELLING = ("Syrian government forces shelled the town of Khan Sheikhoun in Idlib province on Monday, killing "
            "four civilians, residents said.")


def rss(items: list[tuple[str, str, str | None]]) -> str:
    """An RSS 2.0 feed of (guid, link, pubDate) items."""
    body = "".join(f"<item><title>{guid}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid>"
                   + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>" for guid, link, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'


class Site:
    """What the test server serves, and what it saw: paths requested, their headers and times."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], str]] = {}
        self.requests: list[tuple[str, dict[str, str], float]] = []
        self.failures_left: Counter[str] = Counter()  # answer 500 this many times before the route
        self.delay: dict[str, float] = {}
        self.base = ""

    def page(self, path: str, body: str = SHELLING, published: str | None = "2018-10-02T09:30:00+03:00") -> str:
        meta = f'<meta property="article:published_time" content="{published}">' if published else ""
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"},
                             PAGE.format(title=path.strip("/"), meta=meta, body=body))
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _, _ in self.requests if p == path)


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers), time.monotonic()))
            time.sleep(state.delay.get(self.path, 0))
            if state.failures_left[self.path] > 0:
                state.failures_left[self.path] -= 1
                return self._answer(500, {}, "busy")
            status, headers, body = state.routes.get(self.path, (404, {}, "not found"))
            if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                return self._answer(304, {}, "")
            self._answer(status, headers, body)

        def do_POST(self) -> None:  # a receiver of violations: fails while failures_left, then takes them
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            state.requests.append((self.path, dict(self.headers) | {"body": body}, time.monotonic()))
            if state.failures_left[self.path] > 0:
                state.failures_left[self.path] -= 1
                return self._answer(500, {}, "busy")
            self._answer(201, {}, "")

        def _answer(self, status: int, headers: dict[str, str], body: str) -> None:
            data = body.encode()
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "feeds.duckdb"))
    yield s
    s.close()


def fetcher(**kwargs: float) -> Fetcher:
    return Fetcher(**({"timeout": 2.0, "pace": 0.0, "backoff": 0.01} | kwargs))


def run_pass(store, **kwargs: float) -> PassReport:
    report = PassReport()
    with fetcher(**kwargs) as f:
        for entry in poll(store, f, report):
            store.mark_entry(entry.feed_url, entry.key, entry.link, entry.article.id, "stored")
    return report


def test_rss_entries_are_read_from_their_pages_and_dated_by_page_or_entry(site, store):
    dated = site.page("/dated.html")
    undated = site.page("/undated.html", published=None)
    moved = site.base + "/moved.html"
    site.routes["/moved.html"] = (301, {"Location": site.page("/target.html")}, "")
    site.routes["/feed.xml"] = (200, {}, rss([("a", dated, None), ("b", undated, "Sat, 08 Sep 2018 18:15:00 +0300"),
                                              ("c", moved, None)]))
    store.add_feed(site.base + "/feed.xml", "desk")
    report = run_pass(store)
    assert report.problems == [] and report.feeds == 1
    articles = {e.key: e.article for e in report.entries}
    assert articles["a"].date == dt.date(2018, 10, 2)  # the page's own date
    assert articles["b"].date == dt.date(2018, 9, 8) and articles["b"].raw_date.startswith("Sat, 08 Sep")
    assert articles["c"].url.endswith("/target.html")  # the redirect was followed
    assert "Khan Sheikhoun" in articles["a"].text and articles["a"].source
    assert all(headers["User-Agent"] == USER_AGENT for _, headers, _ in site.requests)


def test_atom_feed(site, store):
    link = site.page("/atom-page.html")
    atom = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            f'<entry><id>urn:x:1</id><title>x</title><link href="{link}"/><updated>2018-10-02T06:00:00Z</updated>'
            f"</entry></feed>")
    site.routes["/atom.xml"] = (200, {"Content-Type": "application/atom+xml"}, atom)
    store.add_feed(site.base + "/atom.xml")
    (entry,) = run_pass(store).entries
    assert entry.key == "urn:x:1" and entry.article.date == dt.date(2018, 10, 2)


def test_each_entry_is_fetched_once_and_an_unchanged_feed_costs_a_304(site, store):
    site.routes["/feed.xml"] = (200, {"ETag": '"v1"'}, rss([("a", site.page("/a.html"), None)]))
    store.add_feed(site.base + "/feed.xml")
    assert len(run_pass(store).entries) == 1
    again = run_pass(store)
    assert again.unchanged == 1 and again.entries == []
    assert site.requests[-1][1].get("If-None-Match") == '"v1"'
    site.routes["/feed.xml"] = (200, {}, rss([("a", site.base + "/a.html", None), ("b", site.page("/b.html"), None)]))
    third = run_pass(store)
    assert [e.key for e in third.entries] == ["b"] and site.hits("/a.html") == 1


def test_the_same_article_in_two_feeds_is_fetched_once(site, store):
    link = site.page("/shared.html")
    site.routes["/one.xml"] = (200, {}, rss([("one-1", link, None)]))
    site.routes["/two.xml"] = (200, {}, rss([("two-1", link, None)]))
    store.add_feed(site.base + "/one.xml")
    run_pass(store)
    store.add_feed(site.base + "/two.xml")
    assert run_pass(store).entries == [] and site.hits("/shared.html") == 1


def test_a_404_is_given_up_a_500_is_retried_and_a_slow_server_is_left_for_the_next_pass(site, store):
    site.page("/flaky.html")
    site.failures_left["/flaky.html"] = 2
    site.page("/slow.html")
    site.delay["/slow.html"] = 1.5
    site.routes["/feed.xml"] = (200, {}, rss([(p, site.base + p, None) for p in ("/missing.html", "/flaky.html",
                                                                               "/slow.html")]))
    store.add_feed(site.base + "/feed.xml")
    report = run_pass(store, timeout=0.5, retries=2)
    assert [e.key for e in report.entries] == ["/flaky.html"]  # two 500s, then served on the third attempt
    problems = dict(report.problems)
    assert problems[site.base + "/missing.html"] == "HTTP 404"
    assert "ReadTimeout" in problems[site.base + "/slow.html"]
    site.delay["/slow.html"] = 0
    assert [e.key for e in run_pass(store).entries] == ["/slow.html"]  # the 404 is not tried again
    assert site.hits("/missing.html") == 1


def test_server_errors_are_retried_with_backoff_then_reported(site):
    site.routes["/down"] = (503, {"Retry-After": "0"}, "down")
    with fetcher(retries=2) as f, pytest.raises(FetchError) as caught:
        f.get(site.base + "/down")
    assert caught.value.transient and "HTTP 503 after 3 attempts" in str(caught.value)
    assert site.hits("/down") == 3


def test_malformed_xml_is_reported_and_the_other_feeds_go_on(site, store):
    site.routes["/bad.xml"] = (200, {}, "<rss><channel><item><title>unclosed")
    site.routes["/good.xml"] = (200, {}, rss([("g", site.page("/g.html"), None)]))
    store.add_feed(site.base + "/bad.xml")
    store.add_feed(site.base + "/good.xml")
    report = run_pass(store)
    assert [e.key for e in report.entries] == ["g"]
    (where, reason), = report.problems
    assert where.endswith("/bad.xml") and reason.startswith("not a feed")
    assert store.feeds()[0].status.startswith("error: not a feed")


def test_requests_to_one_host_keep_their_pace(site):
    site.page("/p.html")
    with fetcher(pace=0.3) as f:
        for _ in range(3):
            f.get(site.base + "/p.html")
    times = [t for _, _, t in site.requests]
    assert all(later - earlier >= 0.28 for earlier, later in itertools.pairwise(times))


def test_every_takes_durations():
    assert (parse_every("15m"), parse_every("30s"), parse_every("1h"), parse_every("90")) == (900, 30, 3600, 90)


def test_feed_commands(site, tmp_path):
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    url = site.base + "/feed.xml"
    assert runner.invoke(app, ["feed", "add", url, "--name", "desk", "--db", db]).exit_code == 0
    assert "already" in runner.invoke(app, ["feed", "add", url, "--db", db]).output
    assert "desk" in runner.invoke(app, ["feed", "list", "--db", db]).output
    assert runner.invoke(app, ["feed", "remove", "desk", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["feed", "remove", "desk", "--db", db]).exit_code == 1


# -- watch: each violation once ----------------------------------------------------------------------

KAFRANBEL = Location("Kafranbel", 168661, 35.61376, 36.56449, "SY", "PPL", precision="point")


def shelling(number: int):
    """A stored article reporting an assault in Idlib governorate after the zone took effect, by its own party,
    named in its sentence (so the store merges no two of them)."""
    unit = f"Unit {number}"
    doc = make_document(f"v{number:03d}", "ASSAULT", (dt.date(2018, 10, 1) + dt.timedelta(days=number)).isoformat(),
                        location=KAFRANBEL, text=f"{unit} shelled Kafranbel.")
    doc.events[0].actors = [Party(unit, f"U{number:02d}", "MIL", text=unit, start=0, end=len(unit))]
    return doc


def watch_store(path: Path, count: int) -> str:
    db = str(path)
    with open_store(db) as s:
        s.add([shelling(n) for n in range(count)])
        s.add_zone(admin_zone("idlib", [169387], dt.date(2018, 9, 17)))
    return db


def test_watch_once_twice_reports_each_violation_once(tmp_path):
    db = watch_store(tmp_path / "w.duckdb", 3)
    runner = CliRunner()
    first = runner.invoke(app, ["watch", "--once", "--db", db])
    assert first.exit_code == 0, first.output
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert len(lines) == 3 and {v["zone"] for v in lines} == {"idlib"} and lines[0]["membership"] == "point"
    assert runner.invoke(app, ["watch", "--once", "--db", db]).stdout == ""


def _watcher(db: str, *args: str) -> subprocess.Popen:
    env = os.environ | {"PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([str(Path(sys.executable).with_name("dateline")), "watch", "--db", db, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)


def test_watch_killed_and_restarted_reports_each_violation_once(tmp_path):
    db = watch_store(tmp_path / "k.duckdb", 3)
    watcher = _watcher(db, "--every", "1s")
    seen = [watcher.stdout.readline() for _ in range(3)]
    with open_store(db) as s:  # news arrives while it watches
        s.add([shelling(3), shelling(4)])
    seen += [watcher.stdout.readline() for _ in range(2)]
    watcher.kill()
    watcher.wait()
    with open_store(db) as s:  # and after it was killed
        s.add([shelling(5)])
    restarted = _watcher(db, "--once")
    seen += restarted.communicate(timeout=120)[0].splitlines()
    again = _watcher(db, "--once").communicate(timeout=120)[0]
    ids = [json.loads(line)["id"] for line in seen]
    assert len(ids) == 6 and len(set(ids)) == 6 and again == ""


def test_violations_are_posted_with_retries_and_once(tmp_path, site):
    db = watch_store(tmp_path / "p.duckdb", 2)
    settings = WatchSettings(post_url=site.base + "/alerts", backoff=0.01, post_retries=1)
    site.failures_left["/alerts"] = 3  # the first violation's two attempts fail, then one more
    printed: list[dict] = []
    with open_store(db) as s:
        first = watch_pass(s, settings, printed.append)
    assert first.emitted == 2 and first.posted == 1 and len(first.post_failures) == 1
    with open_store(db) as s:
        second = watch_pass(s, settings, printed.append)
        third = watch_pass(s, settings, printed.append)
    assert (second.emitted, second.posted, third.posted) == (0, 1, 0)
    taken = [headers for path, headers, _ in site.requests if path == "/alerts"][-2:]
    assert sorted(json.loads(h["body"])["id"] for h in taken) == sorted(v["id"] for v in printed)
    assert all(h["Idempotency-Key"] == json.loads(h["body"])["id"] for h in taken)


def test_from_a_feed_to_a_violation(tmp_path, site):
    """The README's walkthrough: the example feed, the Idlib zone, one violation (not Damascus, not before)."""
    for page in (FEEDS / "pages").glob("*.html"):
        site.routes[f"/pages/{page.name}"] = (200, {"Content-Type": "text/html"}, page.read_text())
    site.routes["/idlib.xml"] = (200, {}, (FEEDS / "idlib.xml").read_text().replace("http://127.0.0.1:8000",
                                                                                      site.base))
    db = str(tmp_path / "e2e.duckdb")
    runner = CliRunner()
    runner.invoke(app, ["feed", "add", site.base + "/idlib.xml", "--db", db])
    runner.invoke(app, ["zone", "add", "idlib", "--admin", "169387", "--from", "2018-09-17", "--db", db])
    watched = runner.invoke(app, ["watch", "--once", "--db", db])
    assert watched.exit_code == 0, watched.output
    (violation,) = [json.loads(line) for line in watched.stdout.splitlines()]
    assert violation["type"] == "ASSAULT" and violation["source"]["url"].endswith("/pages/khan-sheikhoun.html")
    with open_store(db) as s:
        assert s.counts()["articles"] == 3
    assert runner.invoke(app, ["watch", "--once", "--db", db]).stdout == ""
