"""The web page in a real browser: Debian's Chromium, driven by Playwright, against a real
`dateline serve` process over the demo database that `dateline demo` builds.

The page must load with no console error and no request leaving 127.0.0.1; filtering must
narrow the event list and the map and keep the query in the URL; brushing the chart must keep
the days brushed; clicking an event must show its evidence. No browser is ever downloaded:
without /usr/bin/chromium these tests FAIL with the install command, unless
DATELINE_SKIP_BROWSER=1. Screenshots go to a temporary folder, or to the folder named by
DATELINE_SCREENSHOTS (`DATELINE_SCREENSHOTS=docs` refreshes the README's).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = ("Chromium was not found at /usr/bin/chromium: install Debian's package (`apt-get install chromium`; "
                ".ci/run does it) or set DATELINE_SKIP_BROWSER=1 to skip the browser tests on this machine")
DATELINE = str(Path(sys.executable).with_name("dateline"))
IDLIB_ZONE = "idlib-governorate"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium from /usr/bin (no sandbox: CI runs as root), or a failure saying how to install it."""
    if os.environ.get("DATELINE_SKIP_BROWSER") == "1":
        pytest.skip("DATELINE_SKIP_BROWSER=1: browser tests skipped")
    if not CHROMIUM.exists():
        pytest.fail(INSTALL_HINT, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def demo_db(browser, tmp_path_factory) -> Path:
    """The demo database, built by `dateline demo`, whose last line says how to open the page, with two watch
    zones from the Sochi memorandum on (`dateline zone add`): Idlib governorate, and 40 km around Idlib city."""
    db = tmp_path_factory.mktemp("web") / "demo.duckdb"
    done = subprocess.run([DATELINE, "demo", "--db", str(db)], capture_output=True, text=True, timeout=900,
                          cwd=db.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == (
        f"Web page: `dateline serve --db {db}`, then open http://127.0.0.1:8000/")
    for name, shape in ((IDLIB_ZONE, ["--admin", "169387"]), ("idlib-40km", ["--around", "35.93,36.63,40"])):
        zoned = subprocess.run([DATELINE, "zone", "add", name, *shape, "--from", "2018-09-17", "--note",
                                "Sochi memorandum", "--db", str(db)], capture_output=True, text=True, timeout=300)
        assert zoned.returncode == 0, zoned.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def server(demo_db) -> str:
    """A `dateline serve` process over the demo database on a free loopback port; its base URL."""
    port = _free_port()
    proc = subprocess.Popen([DATELINE, "serve", "--db", str(demo_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/stats", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() else "no answer"
        time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("DATELINE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Visit:
    """A browser page that records console errors, page errors, and every URL it requests."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1360, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("requestfailed", lambda req: self.errors.append(f"failed: {req.url}"))
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.goto(url)
        self.ready()

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=yes]", timeout=30_000)

    def listed(self) -> int:
        return self.page.locator("#events li[data-id]").count()

    def mapped(self) -> int:
        return int(self.page.get_attribute("#map", "data-places"))

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)


def test_the_page_loads_with_no_console_error_and_no_request_leaving_the_machine(browser, server, shots):
    visit = Visit(browser, server + "/")
    visit.page.wait_for_selector(".place-marker")
    assert visit.listed() > 10 and visit.mapped() > 3
    assert visit.page.locator("#chart rect").count() > 3 and visit.page.locator("#timeline li").count() > 3
    assert visit.errors == []
    hosts = {urlparse(url).hostname for url in visit.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, visit.requests
    visit.page.screenshot(path=str(shots / "web-page.png"))
    visit.page.close()


def test_filtering_narrows_the_list_and_the_map_and_the_url_keeps_the_query(browser, server):
    visit = Visit(browser, server + "/")
    listed, mapped = visit.listed(), visit.mapped()
    visit.page.fill("input[name=country]", "TUR")
    visit.page.select_option("select[name=type]", "CONSULT")
    visit.page.click("button[type=submit]")
    visit.ready()
    narrowed = visit.listed()
    assert 0 < narrowed < listed and visit.mapped() < mapped
    assert visit.query() == {"country": ["TUR"], "type": ["CONSULT"]}
    shared = Visit(browser, visit.page.url)  # the URL alone brings back the same view
    assert shared.listed() == narrowed and shared.page.input_value("input[name=country]") == "TUR"
    assert visit.errors == shared.errors == []
    visit.page.close()
    shared.page.close()


def test_brushing_the_chart_keeps_the_days_brushed(browser, server):
    visit = Visit(browser, server + "/")
    listed = visit.listed()
    box = visit.page.locator("#chart").bounding_box()
    y = box["y"] + box["height"] / 2
    visit.page.mouse.move(box["x"] + box["width"] * 0.85, y)
    visit.page.mouse.down()
    visit.page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    visit.page.mouse.up()
    visit.ready()
    query = visit.query()
    assert query["since"][0] <= query["until"][0] and 0 < visit.listed() < listed
    dates = [d for d in visit.page.locator("#events li .when").all_inner_texts() if d[:1].isdigit()]
    assert all(query["since"][0][:4] <= d[:4] for d in dates)
    visit.page.dblclick("#chart")
    visit.ready()
    assert "since" not in visit.query() and visit.listed() == listed
    visit.page.close()


def test_clicking_an_event_shows_its_evidence(browser, server, shots):
    visit = Visit(browser, server + "/?type=AGREE")
    first = visit.page.locator("#events li[data-id]").first
    sentence = first.locator(".sentence").inner_text()
    first.click()
    visit.page.wait_for_selector("#detail dl")
    detail = visit.page.locator("#detail")
    assert detail.locator("p .sentence").first.inner_text() == sentence
    assert detail.locator("mark.trigger").count() >= 1 and "AGREE" in detail.locator("dl").inner_text()
    assert visit.query()["event"] == [first.get_attribute("data-id")]
    visit.page.screenshot(path=str(shots / "web-evidence.png"))
    assert visit.errors == []
    visit.page.close()



def test_zones_are_drawn_and_choosing_one_narrows_the_list_and_the_map(browser, server, shots):
    visit = Visit(browser, server + "/")
    listed, mapped = visit.listed(), visit.mapped()
    assert visit.page.get_attribute("#map", "data-zones") == "2" and visit.page.locator("path.zone-shape").count() == 2
    assert "from 2018-09-17, open-ended · Sochi memorandum" in visit.page.inner_text("#zone-legend")
    visit.page.select_option("select[name=zone]", IDLIB_ZONE)
    visit.page.click("button[type=submit]")
    visit.ready()
    assert visit.query() == {"zone": [IDLIB_ZONE]}
    assert 0 < visit.listed() < listed and 0 < visit.mapped() < mapped
    inside = httpx.get(server + "/events", params={"zone": IDLIB_ZONE, "limit": 50}).json()["events"]
    shown = [item.get_attribute("data-id") for item in visit.page.locator("#events li[data-id]").all()]
    assert shown == [ev["id"] for ev in inside]
    visit.page.screenshot(path=str(shots / "web-zone.png"))
    visit.page.click(f"#zone-legend [data-zone={IDLIB_ZONE}]")  # the chosen zone's legend entry lets it go
    visit.ready()
    assert "zone" not in visit.query() and visit.listed() == listed
    assert visit.errors == []
    visit.page.close()
