"""Watch zones in the HTTP API, on both store backends: `/zones` gives their geometry and validity, and
`zone=NAME` narrows the listing, its count, the chart, the map, the parties and the timeline to the events
placed inside the zone; a new event or zone is seen on the next request."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.store import open_store
from dateline.zones import around_zone
from test_api import KYIV, RUSSIA, SOCHI, TURKEY, UKRAINE, corpus, report

SINCE = dt.date(2022, 2, 24)


@pytest.fixture
def zoned(store_target) -> str:
    """The API tests' corpus (Kyiv, Sochi and unplaced events) and a 30 km zone around Kyiv."""
    with open_store(store_target) as store:
        store.add(corpus())
        store.add_zone(around_zone("kyiv", KYIV.lat, KYIV.lon, 30, SINCE, note="around the capital"))
    return store_target


@pytest.fixture
def client(zoned) -> TestClient:
    return TestClient(create_app(zoned), raise_server_exceptions=False)


def located_ids(client: TestClient, query: str) -> list[str]:
    return [ev["id"] for ev in client.get(f"/events?{query}&limit=500").json()["events"]]


def test_zones_come_as_geojson_with_their_validity(client):
    body = client.get("/zones").json()
    assert body["type"] == "FeatureCollection" and [f["id"] for f in body["features"]] == ["kyiv"]
    feature = body["features"][0]
    assert feature["geometry"]["type"] == "Polygon" and feature["properties"]["valid_from"] == "2022-02-24"
    assert feature["properties"]["valid_to"] is None and feature["properties"]["note"] == "around the capital"


def test_the_zone_filter_keeps_the_events_placed_inside(client):
    inside = client.get("/events?zone=kyiv&limit=500").json()
    assert inside["total"] == len(inside["events"]) > 0
    assert {ev["location"]["name"] for ev in inside["events"]} == {"Kyiv"}
    assert located_ids(client, "zone=kyiv") == located_ids(client, "place=Kyiv")
    assert located_ids(client, "zone=kyiv&type=AGREE") == located_ids(client, "place=Kyiv&type=AGREE")


def test_the_chart_map_parties_and_timeline_are_narrowed_by_zone(client):
    stats = client.get("/stats?zone=kyiv").json()
    assert stats["total"] == client.get("/events?place=Kyiv").json()["total"] < client.get("/stats").json()["total"]
    assert [p["name"] for p in client.get("/places?zone=kyiv").json()["places"]] == ["Kyiv"]
    assert {a["name"] for a in client.get("/actors?zone=kyiv").json()["actors"]} == {"Russia", "Ukraine"}
    timeline = client.get("/timeline?zone=kyiv&dates=50").json()
    cited = {s["article_id"] for day in timeline["dates"] for s in day["sentences"]}
    placed = {ev["article_id"] for ev in client.get("/events?zone=kyiv&limit=500").json()["events"]}
    assert cited and cited <= placed


def test_an_unknown_zone_is_a_404_that_says_where_the_zones_are(client):
    response = client.get("/events?zone=atlantis")
    assert response.status_code == 404 and "/zones" in response.json()["detail"]


def test_a_new_event_or_zone_is_seen_on_the_next_request(client, zoned):
    before = client.get("/events?zone=kyiv").json()["total"]
    with open_store(zoned) as store:
        store.add([report(91, "ASSAULT", dt.date(2022, 4, 1), RUSSIA, UKRAINE, KYIV)])
        store.add_zone(around_zone("sochi", SOCHI.lat, SOCHI.lon, 20, SINCE))
    assert client.get("/events?zone=kyiv").json()["total"] == before + 1
    sochi = client.get("/events?zone=sochi&limit=500").json()["events"]
    assert sochi and {ev["location"]["name"] for ev in sochi} == {"Sochi"}
    assert all(TURKEY.name in [p["name"] for p in ev["actors"]] for ev in sochi)
