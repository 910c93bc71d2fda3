"""The HTTP API on both store backends: every filter agrees with the library, cursor pages walk a
store once even while it grows, bad input gets a clear 4xx, errors never show a stack trace, the
write endpoint exists only with a token, and the store is read per request."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import duckdb
import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.apiforms import evidence_marks
from dateline.model import Actor, Article, Document, Event, Evidence, Location, Party, Place, Timex, event_id
from dateline.store import EventFilter, open_store
from dateline.store.browse import Mention, decode_cursor, encode_cursor
from dateline.store.duck import LINGER
from dateline.timeline import DEFAULT_MIN_CONFIDENCE

SOCHI = Location("Sochi", 491422, 43.6, 39.73, "RU", "PPLA2", "Sochi")
KYIV = Location("Kyiv", 703448, 50.45, 30.52, "UA", "PPLC", "Kyiv")


def report(number: int, kind: str, day: dt.date, who: Party, whom: Party | None, where: Location | None,
           confidence: float = 0.9, status: str = "fact") -> Document:
    """Article `number`: one sentence, one event of `kind` by `who` (to `whom`) at `where` on `day`."""
    target = f" with {whom.name}" if whom else ""
    place = f" in {where.name}" if where else ""
    sentence = f"{who.name} met{target}{place} on {day:%A}, officials said in report {number}."
    article = Article(id=f"r{number:03d}", date=day + dt.timedelta(days=1), text=sentence, title=f"Report {number}")
    who_party = Party(who.name, who.country, who.sector, who.name, 0, len(who.name))
    whom_party = []
    if whom:
        at = sentence.index(whom.name)
        whom_party = [Party(whom.name, whom.country, whom.sector, whom.name, at, at + len(whom.name))]
    trigger = sentence.index("met")
    evidence = Evidence(sentence, 0, len(sentence), "met", trigger, trigger + 3, "test: met")
    event = Event(id=event_id(article.id, kind, trigger, 0), type=kind, actors=[who_party], recipients=whom_party,
                  date=day.isoformat(), date_precision="day", location=where, evidence=evidence,
                  mentions=[evidence], confidence=confidence, status=status, quad=1)
    weekday = sentence.index(f"{day:%A}")
    timexes = [Timex(f"{day:%A}", weekday, weekday + len(f"{day:%A}"), "DATE", day.isoformat())]
    places = []
    if where:
        at = sentence.index(where.name)
        places = [Place(where.name, at, at + len(where.name), where.geonameid, where.name, where.lat, where.lon,
                        where.country_code, None, where.feature_code, 0.9)]
    actors = [Actor(who.name, 0, len(who.name), who.name, who.country, who.sector)]
    return Document(article=article, timexes=timexes, places=places, actors=actors, events=[event])


DEFAULT = DEFAULT_MIN_CONFIDENCE  # the one default view of every listing
TURKEY, RUSSIA = Party("Turkey", "TUR", "GOV"), Party("Russia", "RUS", "GOV")
UKRAINE = Party("Ukraine", "UKR", "GOV")


def corpus() -> list[Document]:
    """40 reports over 40 days: four event types, three party pairs, two places, some vaguer cases."""
    docs = []
    kinds = ("CONSULT", "AGREE", "ASSAULT", "PROTEST")
    pairs = ((TURKEY, RUSSIA, SOCHI), (RUSSIA, UKRAINE, KYIV), (UKRAINE, None, None))
    for n in range(40):
        who, whom, where = pairs[n % 3]
        docs.append(report(n, kinds[n % 4], dt.date(2022, 3, 1) + dt.timedelta(days=n), who, whom, where))
    docs.append(report(40, "AGREE", dt.date(2022, 3, 5), TURKEY, RUSSIA, SOCHI, status="negated"))
    docs.append(report(41, "AGREE", dt.date(2022, 3, 6), TURKEY, RUSSIA, SOCHI, confidence=0.2))
    return docs


@pytest.fixture
def filled(store_target) -> str:
    with open_store(store_target) as store:
        store.add(corpus())
    return store_target


@pytest.fixture
def client(filled) -> TestClient:
    return TestClient(create_app(filled), raise_server_exceptions=False)


def library_ids(target: str, flt: EventFilter) -> list[str]:
    with open_store(target, read_only=True) as store:
        return [ev.id for ev in store.events(flt)]


@pytest.mark.parametrize(("query", "flt"), [
    ("", EventFilter(min_confidence=DEFAULT)),
    ("type=assault", EventFilter(type="ASSAULT", min_confidence=DEFAULT)),
    ("actor=turkey", EventFilter(actor="turkey", min_confidence=DEFAULT)),
    ("country=UA", EventFilter(country="UA", min_confidence=DEFAULT)),
    ("country=UKR&type=PROTEST", EventFilter(country="UKR", type="PROTEST", min_confidence=DEFAULT)),
    ("place=soch", EventFilter(place="soch", min_confidence=DEFAULT)),
    ("near=50.4,30.5,20", EventFilter(near=(50.4, 30.5, 20), min_confidence=DEFAULT)),
    ("since=2022-03-10&until=2022-03-19", EventFilter(since=dt.date(2022, 3, 10), until=dt.date(2022, 3, 19),
                                                      min_confidence=DEFAULT)),
    ("text=report%203", EventFilter(text="report 3", min_confidence=DEFAULT)),
    ("all=true&min_confidence=0", EventFilter(include_negated=True)),
    ("article=r007", EventFilter(article="r007", min_confidence=DEFAULT)),
])
def test_every_filter_gives_what_the_library_gives(client, filled, query, flt):
    body = client.get(f"/events?limit=500&{query}").json()
    expected = library_ids(filled, flt)
    assert sorted(ev["id"] for ev in body["events"]) == sorted(expected) and body["total"] == len(expected)
    assert body["next_cursor"] is None
    dates = [ev["date"] for ev in body["events"]]
    assert dates == sorted(dates)  # oldest first; within a day by article and position


def test_the_default_view_leaves_out_negated_and_unlikely_events(client):
    ids = {ev["article_id"] for ev in client.get("/events?limit=500").json()["events"]}
    assert "r040" not in ids and "r041" not in ids and len(ids) == 40
    everything = client.get("/events?limit=500&all=true&min_confidence=0").json()
    assert {ev["article_id"] for ev in everything["events"]} >= {"r040", "r041"}


def test_cursor_pages_walk_every_event_once_in_order(client, filled):
    seen, cursor, pages = [], None, 0
    while True:
        body = client.get("/events", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        seen += [ev["id"] for ev in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 6 and len(seen) == len(set(seen)) and set(seen) == set(library_ids(filled, EventFilter(
        min_confidence=DEFAULT)))


def test_a_page_cursor_stays_right_while_an_ingest_adds_events(client, filled):
    first = client.get("/events?limit=10").json()
    with open_store(filled) as store:  # an earlier event arrives between two pages: it must not shift them
        store.add([report(90, "CONSULT", dt.date(2022, 2, 1), TURKEY, RUSSIA, SOCHI)])
    rest = client.get("/events", params={"limit": 500, "cursor": first["next_cursor"]}).json()
    ids = [ev["id"] for ev in first["events"] + rest["events"]]
    assert len(ids) == len(set(ids)) == 40


def test_a_cursor_round_trips_and_a_forged_one_is_refused():
    key = (dt.date(2022, 3, 1), "2022-03-01", "r001", 0, 12, "abc")
    assert decode_cursor(encode_cursor(key)) == key
    for forged in ("abc", encode_cursor(key)[:-4], "W10", "WzEsMiwzLDQsNSw2XQ"):
        with pytest.raises(ValueError, match="not a cursor"):
            decode_cursor(forged)


@pytest.mark.parametrize(("url", "status", "says"), [
    ("/events?type=MEET", 422, "not a PLOVER event type"),
    ("/events?since=2022-02-30", 422, "since"),
    ("/events?since=2022-03-10&until=2022-03-01", 422, "is after until"),
    ("/events?near=50,30", 422, "LAT,LON,KM"),
    ("/events?near=95,30,10", 422, "latitude"),
    ("/events?limit=0", 422, "limit"),
    ("/events?limit=100000", 422, "limit"),
    ("/events?min_confidence=2", 422, "min_confidence"),
    ("/events?cursor=bm90LWEtY3Vyc29y", 400, "not a cursor"),
    ("/events/ffffffffff", 404, "no single event"),
    ("/articles/nope", 404, "no article"),
])
def test_bad_input_gets_a_clear_4xx(client, url, status, says):
    response = client.get(url)
    assert response.status_code == status
    assert says in json.dumps(response.json()["detail"])


def test_one_event_comes_with_its_mentions_evidence_marks_and_article(client):
    listed = client.get("/events?type=CONSULT&country=TUR&limit=1").json()["events"][0]
    ev = client.get(f"/events/{listed['id'][:10]}").json()
    assert ev["id"] == listed["id"] and len(ev["mentions"]) == 1 and ev["evidence"]["trigger"] == "met"
    sentence = ev["evidence"]["sentence"]
    marked = {mark["kind"]: sentence[mark["start"]:mark["end"]] for mark in ev["marks"]}
    assert marked == {"trigger": "met", "actor": "Turkey", "recipient": "Russia", "place": "Sochi",
                      "date": dt.date.fromisoformat(ev["date"]).strftime("%A")}
    assert ev["article"]["title"].startswith("Report") and "text" not in ev["article"]
    assert any(line.startswith("trigger") for line in ev["explanation"])


def test_evidence_marks_leave_out_a_timex_of_another_date():
    text = "Ukraine protested on Monday against what happened on Sunday."
    evidence = Evidence(text, 100, 100 + len(text), "protested", 108, 117)
    ev = Event(id="e", type="PROTEST", date="2022-03-07", evidence=evidence,
               actors=[Party("Ukraine", "UKR", "GOV", "Ukraine", 100, 107)])
    mentions = [Mention("date", 121, 127, "2022-03-07", "Monday"), Mention("date", 153, 159, "2022-03-06", "Sunday")]
    assert [(m["kind"], text[m["start"]:m["end"]]) for m in evidence_marks(ev.to_json(), mentions)] == [
        ("actor", "Ukraine"), ("trigger", "protested"), ("date", "Monday")]


def test_articles_stats_actors_places_and_timeline(client):
    article = client.get("/articles/r003").json()
    assert article["article"]["text"].startswith("Turkey met with Russia") and len(article["events"]) == 1
    stats = client.get("/stats?country=TUR").json()
    assert stats["total"] == sum(day["events"] for day in stats["days"]) == 14
    assert stats["quads"]["ASSAULT"] == 4 and stats["store"]["counts"]["articles"] == 42
    actors = client.get("/actors?limit=2").json()["actors"]
    assert [a["name"] for a in actors] == ["Russia", "Ukraine"] and actors[0]["events"] == 27
    places = client.get("/places?type=AGREE").json()["places"]
    assert {p["name"]: p["events"] for p in places} == {"Kyiv": 4, "Sochi": 3}
    assert all(p["type"] == "AGREE" for p in places)
    timeline = client.get("/timeline?actor=Ukraine&since=2022-03-01&until=2022-03-10&dates=3&per_date=1").json()
    assert timeline["query"]["actor"] == "Ukraine" and len(timeline["dates"]) == 3
    for day in timeline["dates"]:
        (sentence,) = day["sentences"]
        assert "2022-03-01" <= day["date"] <= "2022-03-10" and sentence["text"].startswith("Ukraine")
        assert sentence["article_id"].startswith("r") and sentence["event_ids"]


def test_export_writes_the_filtered_events_with_the_export_library(client):
    response = client.get("/export?format=csv&type=AGREE&country=UKR")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="dateline-events.csv"' in response.headers["content-disposition"]
    header, *rows = response.text.splitlines()
    listed = client.get("/events?type=AGREE&country=UKR&limit=500").json()
    assert "id" in header.split(",") and len(rows) == listed["total"] == 7
    features = client.get("/export?format=geojson&place=Kyiv").json()["features"]
    assert features and all(f["geometry"]["coordinates"] == [30.52, 50.45] for f in features)
    refused = client.get("/export?format=parquet")
    assert refused.status_code == 422 and "format" in json.dumps(refused.json()["detail"])


def test_openapi_lists_the_routes_and_no_write_route_without_a_token(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/timeline", "/actors", "/places", "/articles/{article_id}",
            "/stats", "/export"} <= set(paths)
    assert "/ingest" not in paths
    assert client.post("/ingest", content=b"{}").status_code in (404, 405)


def test_cross_origin_requests_get_no_cors_headers_and_the_page_allows_only_its_origin(client):
    response = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]


def test_an_internal_error_is_reported_without_a_stack_trace(filled):
    if filled.startswith("postgresql://"):
        pytest.skip("the broken row is written through DuckDB")
    con = duckdb.connect(filled)
    con.execute("UPDATE events SET event = '{not json' WHERE article_id = 'r001'")
    con.close()
    response = TestClient(create_app(filled), raise_server_exceptions=False).get("/events?article=r001")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; the server's log has the details"}
    assert "Traceback" not in response.text and "JSONDecodeError" not in response.text


def test_a_missing_database_is_a_503_that_says_what_to_do(tmp_path):
    response = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/events")
    assert response.status_code == 503 and "ingest articles first" in response.json()["detail"]


def test_the_api_does_not_hold_a_duckdb_file_between_requests(tmp_path):
    target = str(tmp_path / "shared.duckdb")
    with open_store(target) as store:
        store.add(corpus()[:3])
    client = TestClient(create_app(target))
    assert client.get("/events").json()["total"] == 3
    time.sleep(LINGER + 0.3)
    writer = duckdb.connect(target)  # another process's ingest needs exactly this: the file must be free
    writer.close()
    with open_store(target) as store:
        store.add(corpus()[3:6])
    assert client.get("/events").json()["total"] == 6


def test_a_burst_of_requests_keeps_the_file_with_one_waiting_thread_not_one_per_call(tmp_path):
    target = str(tmp_path / "burst.duckdb")
    with open_store(target) as store:
        store.add(corpus()[:3])
    client = TestClient(create_app(target))
    before = threading.active_count()
    earlier = set(threading.enumerate())  # an earlier test's store may still be lingering: not this one's
    for _ in range(20):
        assert client.get("/events?limit=1").status_code == 200
    lingering = [thread for thread in threading.enumerate()
                 if thread.name == "dateline-duckdb-linger" and thread not in earlier]
    assert len(lingering) == 1 and threading.active_count() <= before + 2
    time.sleep(LINGER + 0.3)
    assert not lingering[0].is_alive()
    duckdb.connect(target).close()  # let go: a writer can open it


@pytest.fixture
def writing(store_target) -> TestClient:
    return TestClient(create_app(store_target, token="s3cret-token", max_body=4000), raise_server_exceptions=False)


def test_ingest_needs_the_token(writing):
    body = b'{"text": "Turkey and Russia agreed on Monday to a ceasefire.", "date": "2022-03-09"}\n'
    assert writing.post("/ingest", content=body).status_code == 401
    wrong = writing.post("/ingest", content=body, headers={"Authorization": "Bearer s3cret-tokeN"})
    assert wrong.status_code == 403 and wrong.json()["detail"] == "wrong API token"


def test_ingest_limits_the_body_and_refuses_an_empty_one(writing):
    auth = {"Authorization": "Bearer s3cret-token"}
    big = json.dumps({"text": "Protesters marched. " * 400, "date": "2022-03-09"}).encode()
    assert writing.post("/ingest", content=big, headers=auth).status_code == 413
    empty = writing.post("/ingest", content=b"  ", headers=auth)
    assert empty.status_code == 400 and "empty body" in empty.json()["detail"]
    broken = writing.post("/ingest", content=b"[{", headers=auth)
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["detail"]


def test_ingest_with_the_token_stores_articles_through_the_library(writing):
    auth = {"Authorization": "Bearer s3cret-token"}
    articles = [{"id": "posted-1", "text": "Turkey and Russia agreed on Monday to a ceasefire in Idlib.",
                 "date": "2022-03-09"}, {"id": "posted-2", "text": "no date here"}]
    response = writing.post("/ingest", json=articles, headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["added"] == 1 and body["events"] >= 1 and len(body["skipped"]) == 1
    assert "date" in body["skipped"][0]["reason"]
    again = writing.post("/ingest", json=articles[:1], headers=auth).json()
    assert again["added"] == 0 and again["existing"] == 1
    assert writing.get("/articles/posted-1").json()["article"]["date"] == "2022-03-09"


def test_kept_results_are_reused_until_an_ingest_changes_the_store(tmp_path):
    from dateline.apiforms import KeptUntilChange

    target = str(tmp_path / "kept.duckdb")
    with open_store(target) as store:
        store.add(corpus()[:3])
    client = TestClient(create_app(target))
    made: list[int] = []
    kept = KeptUntilChange()
    with open_store(target, read_only=True) as store:
        assert [kept.get(store, "key", lambda: made.append(1) or len(made)) for _ in range(3)] == [1, 1, 1]
    assert client.get("/stats").json()["total"] == 3
    with open_store(target) as store:
        store.add(corpus()[3:6])
    with open_store(target, read_only=True) as store:
        assert kept.get(store, "key", lambda: made.append(1) or len(made)) == 2
    assert client.get("/stats").json()["total"] == client.get("/events").json()["total"] == 6


def test_a_server_makes_the_page_s_first_timeline_when_it_starts(filled):
    from dateline.api import FRONT_PAGE_TIMELINE, WEB
    from dateline.timeline.stored import stored_material

    assert f"dates: {FRONT_PAGE_TIMELINE.dates}, per_date: {FRONT_PAGE_TIMELINE.per_date}" in (
        WEB / "static" / "app.js").read_text()  # the page asks for that one first
    with TestClient(create_app(filled)) as client:
        wait_for_front_page()
        kept = stored_material(client.app.state.reader.store())
        assert len(kept.timelines) == 1
        assert client.get("/timeline?dates=12&per_date=2").json()["dates"]
        assert len(kept.timelines) == 1  # answered with the one made at start
        client.get("/timeline?dates=3")
        assert len(kept.timelines) == 2


def test_a_read_only_duckdb_store_reads_its_change_mark_again_only_once_reopened(tmp_path):
    from dateline.store.browse import store_version
    from dateline.store.duck import DuckDBStore

    target = str(tmp_path / "mark.duckdb")
    with open_store(target) as store:
        store.add(corpus()[:3])
    reader = DuckDBStore(target, read_only=True)  # holds the file until closed: nobody can change it meanwhile
    first = store_version(reader)
    assert store_version(reader) is first
    reader.close()
    with open_store(target) as store:
        store.add(corpus()[3:6])
    reopened = DuckDBStore(target, read_only=True)
    assert store_version(reopened) != first
    reopened.close()


def wait_for_front_page(seconds: float = 60) -> None:
    """Wait for the thread a starting server makes the page's first answers in (`api._prepare_front_page`)."""
    for thread in threading.enumerate():
        if thread.name == "dateline-front-page":
            thread.join(seconds)
