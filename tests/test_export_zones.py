"""The GeoJSON export carries the stored watch zones (issue 14), on both backends: read back from the file,
each zone is a valid polygon feature with its name, kind and validity, beside the located events."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import shapely.geometry
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import EventFilter, open_store
from dateline.store.export import export_events
from dateline.store.watch import ZoneRecord
from store_worker import make_document

#: RFC 7946 for what these features use: Points (events) and Polygons or MultiPolygons (zones) whose
#: positions are [longitude, latitude] in range.
POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "prefixItems": [
    {"type": "number", "minimum": -180, "maximum": 180}, {"type": "number", "minimum": -90, "maximum": 90}]}
RING = {"type": "array", "minItems": 4, "items": POSITION}
GEOJSON_SCHEMA = {
    "type": "object", "required": ["type", "features"], "not": {"required": ["crs"]},
    "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": {
        "type": "object", "required": ["type", "geometry", "properties"],
        "properties": {"type": {"const": "Feature"}, "id": {"type": ["string", "number"]},
                       "geometry": {"oneOf": [
                           {"type": "object", "properties": {"type": {"const": "Point"}, "coordinates": POSITION}},
                           {"type": "object", "properties": {"type": {"const": "Polygon"},
                                                             "coordinates": {"type": "array", "items": RING}}},
                           {"type": "object", "properties": {"type": {"const": "MultiPolygon"}, "coordinates": {
                               "type": "array", "items": {"type": "array", "items": RING}}}}]}}}}}}

IDLIB = ZoneRecord("Idlib demilitarised zone", "geojson", {"type": "Polygon", "coordinates": [
    [[36.2, 35.6], [37.0, 35.6], [37.0, 36.2], [36.2, 36.2], [36.2, 35.6]]]}, ["SY.12"], ["SY"],
    dt.date(2018, 9, 17), None, "Sochi memorandum")
TWO_AREAS = ZoneRecord("two areas", "admin", {"type": "MultiPolygon", "coordinates": [
    [[[30.0, 30.0], [31.0, 30.0], [31.0, 31.0], [30.0, 30.0]]], [[[40.0, 10.0], [41.0, 10.0], [41.0, 11.0],
                                                                    [40.0, 10.0]]]]}, [], ["EG", "ET"],
    dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_geojson_reads_back_with_every_zone_and_the_located_events(store_target, tmp_path):
    with open_store(store_target) as store:
        store.add([make_document("a1"), make_document("a2", "ASSAULT", "2018-10-01")])
        assert store.add_zone(IDLIB) and store.add_zone(TWO_AREAS)
        out = tmp_path / "map.geojson"
        assert export_events(store, "geojson", EventFilter(type="ASSAULT"), out).events == 1  # zones are no events
    collection = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    zones = {f["properties"]["name"]: f for f in collection["features"] if f["properties"].get("feature") == "zone"}
    assert set(zones) == {"Idlib demilitarised zone", "two areas"}  # every zone, whatever the event filter
    idlib = zones["Idlib demilitarised zone"]
    assert idlib["properties"] | {"admin_areas": None} == {
        "feature": "zone", "name": "Idlib demilitarised zone", "kind": "geojson", "valid_from": "2018-09-17",
        "valid_to": None, "note": "Sochi memorandum", "admin_areas": None, "countries": ["SY"]}
    assert zones["two areas"]["properties"]["valid_to"] == "2020-12-31"
    for feature in zones.values():
        assert shapely.geometry.shape(feature["geometry"]).is_valid
    (event,) = [f for f in collection["features"] if f["properties"].get("feature") != "zone"]
    assert event["properties"]["type"] == "ASSAULT"
    assert shapely.geometry.shape(idlib["geometry"]).contains(shapely.geometry.shape(event["geometry"]))


def test_the_cli_writes_zones_even_when_no_event_matches(store_target):
    with open_store(store_target) as store:
        store.add([make_document("a1")])
        store.add_zone(IDLIB)
    done = CliRunner().invoke(app, ["export", "--format", "geojson", "--db", store_target, "--type", "PROTEST"])
    assert done.exit_code == 0, done.output
    collection = json.loads(done.stdout)
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    assert [f["id"] for f in collection["features"]] == ["zone:Idlib demilitarised zone"]
