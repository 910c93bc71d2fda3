"""Watch zones: drawing them (admin areas, polygons, buffers), membership with its precision, violations
within a zone's validity, the report, and storage in both backends."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Location, Party
from dateline.store import open_store
from dateline.zones import (
    Zone,
    ZoneError,
    admin_zone,
    around_zone,
    geojson_zone,
    report_markdown,
    violations,
    zone_report,
    zones_geojson,
)
from store_worker import make_document

CEASEFIRE = dt.date(2018, 9, 17)
# Places as the geo stage leaves them on events (GeoNames ids of the packaged gazetteer).
KAFRANBEL = Location("Kafranbel", 168661, 35.61376, 36.56449, "SY", "PPL", precision="point")
IDLIB_PROVINCE = Location("Idlib", 169387, 35.82731, 36.62064, "SY", "ADM1", precision="admin")
DAMASCUS = Location("Damascus", 170654, 33.5102, 36.29128, "SY", "PPLC", precision="point")
SYRIA = Location("Syria", 163843, 35.0, 38.0, "SY", "PCLI", precision="country")
SHELLING = "{} shelled Kafranbel in Idlib province on Monday, killing four civilians."


def assault(aid: str, date: str, where: Location, type_: str = "ASSAULT"):
    """A stored article reporting one event, by a party of its own that its sentence names (as the coder leaves
    it), so the store merges no two of them: a party coded without text is a guess that keeps no reports apart."""
    brigade = f"Brigade {aid}"
    doc = make_document(aid, type_, date, location=where, text=SHELLING.format(brigade))
    doc.events[0].actors = [Party(brigade, aid[:3].upper(), "REB", text=brigade, start=0, end=len(brigade))]
    return doc


@pytest.fixture
def idlib_store(store_target):
    """A store with assaults in Idlib after and before the zone took effect, and one in Damascus."""
    store = open_store(store_target)
    store.add([assault("after", "2018-10-01", KAFRANBEL), assault("before", "2018-09-10", KAFRANBEL),
               assault("damascus", "2018-10-01", DAMASCUS), assault("agree", "2018-10-02", KAFRANBEL, "AGREE"),
               assault("syria", "2018-10-03", SYRIA), assault("province", "2018-10-04", IDLIB_PROVINCE)])
    store.add_zone(admin_zone("idlib", [169387], CEASEFIRE, note="Sochi memorandum"))
    yield store
    store.close()


def test_idlib_zone_acceptance(idlib_store):
    zone = idlib_store.zone("idlib")
    found = {v.event.article_id: v.membership for v in violations(idlib_store, zone)}
    assert found == {"after": "point", "province": "admin"}  # not before the zone, not Damascus, not AGREE
    possible = {v.event.article_id: v.membership for v in violations(idlib_store, zone, include_uncertain=True)}
    assert possible["syria"] == "uncertain"  # an event known only to a country is never inside
    assert "before" not in possible and "damascus" not in possible


def test_zone_is_stored_with_its_geometry_and_validity(idlib_store):
    (zone,) = idlib_store.zones()
    assert (zone.name, zone.kind, zone.admin_areas, zone.countries) == ("idlib", "admin", ["SY.12"], ["SY"])
    assert zone.valid_from == CEASEFIRE and zone.valid_to is None and zone.note == "Sochi memorandum"
    feature = zones_geojson(idlib_store.zones())["features"][0]
    assert feature["geometry"]["type"] == "Point" and feature["properties"]["valid_from"] == "2018-09-17"
    assert not idlib_store.add_zone(admin_zone("idlib", [169388], CEASEFIRE))  # the name is taken
    assert idlib_store.remove_zone("idlib") and idlib_store.zones() == []


def test_zone_ending_leaves_out_later_events(idlib_store):
    ended = admin_zone("short", [169387], CEASEFIRE, dt.date(2018, 9, 30))
    assert violations(idlib_store, ended) == []


def test_polygon_zone_from_geojson(tmp_path):
    square = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[
        [36.4, 35.5], [36.8, 35.5], [36.8, 35.75], [36.4, 35.75], [36.4, 35.5]]]}}
    path = tmp_path / "zone.geojson"
    path.write_text(json.dumps(square))
    zone = Zone(geojson_zone("south-idlib", path, CEASEFIRE))
    assert zone.membership(KAFRANBEL) == "point"
    assert zone.membership(DAMASCUS) is None
    assert zone.membership(IDLIB_PROVINCE) == "uncertain"  # the square crosses the province, not all of it
    assert zone.membership(SYRIA) == "uncertain"
    assert "SY.12" in zone.record.admin_areas and zone.record.countries == ["SY"]


def test_buffer_zone_around_a_point_and_along_a_line(tmp_path):
    near = Zone(around_zone("kafranbel-5km", 35.61376, 36.56449, 5, CEASEFIRE))
    assert near.membership(KAFRANBEL) == "point"
    assert near.membership(IDLIB_PROVINCE) == "uncertain"  # the circle lies in the province: maybe there
    three_km_north = Location("field", None, 35.61376 + 3 / 111.195, 36.56449, "SY", None, precision="point")
    assert near.membership(three_km_north) == "point"
    far = Location("field", None, 35.61376 + 7 / 111.195, 36.56449, "SY", None, precision="point")
    assert near.membership(far) is None and near.membership(SYRIA) == "uncertain"
    line = tmp_path / "line.geojson"
    line.write_text(json.dumps({"type": "LineString", "coordinates": [[36.3, 35.6], [36.9, 35.6]]}))
    with pytest.raises(ZoneError, match="buffer"):
        geojson_zone("contact", line, CEASEFIRE)
    contact = Zone(geojson_zone("contact", line, CEASEFIRE, buffer=20))
    assert contact.membership(KAFRANBEL) == "point" and contact.membership(DAMASCUS) is None


def test_admin_zone_refuses_a_town():
    with pytest.raises(ZoneError, match="not an administrative area"):
        admin_zone("town", [168661], CEASEFIRE)


def test_report_counts_per_day_and_type_and_writes_a_brief(idlib_store):
    report = zone_report(idlib_store, idlib_store.zone("idlib"), since=dt.date(2018, 10, 1))
    data = report.to_json()
    assert data["violations"] == 2 and data["possible"] == 1 and data["by_type"] == {"ASSAULT": 2}
    assert data["by_day"] == {"2018-10-01": {"ASSAULT": 1}, "2018-10-04": {"ASSAULT": 1}}
    top = SHELLING.format(f"Brigade {data['top'][0]['event']['article_id']}")
    assert data["top"][0]["membership"] == "point" and data["top"][0]["event"]["evidence"]["sentence"] == top
    brief = report_markdown(report)
    assert brief.startswith("# idlib: violations since 2018-10-01") and f"> {top}" in brief


def test_zone_commands(tmp_path):
    db = str(tmp_path / "z.duckdb")
    open_store(db).add([assault("after", "2018-10-01", KAFRANBEL)])
    runner = CliRunner()
    added = runner.invoke(app, ["zone", "add", "idlib", "--admin", "169387", "--from", "2018-09-17", "--db", db])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["zone", "list", "--db", db])
    assert "idlib" in listed.output and "2018-09-17" in listed.output
    report = runner.invoke(app, ["zone", "report", "idlib", "--since", "2018-09-01", "--format", "json", "--db", db])
    assert json.loads(report.output)["violations"] == 1
    brief = runner.invoke(app, ["zone", "report", "idlib", "--format", "markdown", "--db", db])
    assert "**1 violation**" in brief.output
    twice = runner.invoke(app, ["zone", "add", "idlib", "--around", "35.6,36.5,10", "--from", "2018-09-17",
                                "--db", db])
    assert twice.exit_code == 1 and "already" in twice.output
    assert runner.invoke(app, ["zone", "remove", "idlib", "--db", db]).exit_code == 0


def test_timeline_of_a_zone(tmp_path):
    """`dateline timeline --zone` keeps what happened inside the zone: the Damascus shelling is left out, an
    unknown zone is named with the command that lists zones, and a zone needs a store, not --input."""
    db = str(tmp_path / "t.duckdb")
    store = open_store(db)
    store.add([assault("after", "2018-10-01", KAFRANBEL), assault("damascus", "2018-10-02", DAMASCUS)])
    store.add_zone(admin_zone("idlib", [169387], CEASEFIRE))
    store.close()
    runner = CliRunner()
    folded = runner.invoke(app, ["timeline", "--zone", "idlib", "--format", "events", "--min-confidence", "0",
                                 "--db", db])
    assert folded.exit_code == 0, folded.output
    assert "2018-10-01" in folded.output and "2018-10-02" not in folded.output
    everything = runner.invoke(app, ["timeline", "--format", "events", "--min-confidence", "0", "--db", db])
    assert "2018-10-01" in everything.output and "2018-10-02" in everything.output
    for narrowed in (["--place", "Damascus"], ["--type", "ASSAULT", "Brigade damascus"]):  # one place; words
        damascus = runner.invoke(app, ["timeline", *narrowed, "--format", "events", "--min-confidence", "0",
                                       "--db", db])
        assert "2018-10-02" in damascus.output and "2018-10-01" not in damascus.output
    summary = runner.invoke(app, ["timeline", "--zone", "idlib", "--format", "json", "--min-confidence", "0",
                                  "--db", db])
    told = json.loads(summary.output)
    cited = {sentence["article_id"] for day in told["dates"] for sentence in day["sentences"]}
    assert told["articles"] == 1 and cited == {"after"}
    unknown = runner.invoke(app, ["timeline", "--zone", "gaza", "--db", db])
    assert unknown.exit_code == 1 and "dateline zone list" in unknown.output
    files = runner.invoke(app, ["timeline", "--zone", "idlib", "--input", str(tmp_path)])
    assert files.exit_code == 2 and "--input" in files.output
