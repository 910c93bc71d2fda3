"""The data model as a contract: JSON round trips, literal fields, and the published JSON Schema.

The seed article runs through the real pipeline once; its Document must survive
`to_json` -> `from_json` unchanged, and what `dateline extract` prints for it must
validate against the schema `dateline schema` prints.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import typing
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.events.ontology import load_ontology
from dateline.model import (
    Actor,
    Article,
    Document,
    Event,
    EventType,
    Evidence,
    Location,
    Party,
    Place,
    Timex,
    extract_schema,
)
from dateline.pipeline import process
from dateline.read import read_articles

SEED = Path(__file__).parent / "data" / "seed.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    (doc,) = process(read_articles([SEED]))
    return doc


@pytest.fixture(scope="module")
def seed_json(seed_doc) -> dict:
    return json.loads(json.dumps(seed_doc.to_json()))  # exactly what `dateline extract` prints


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(runner.invoke(app, ["schema"], catch_exceptions=False).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# -- round trips -------------------------------------------------------------------------------

def test_the_seed_document_round_trips(seed_doc, seed_json):
    again = Document.from_json(seed_json)
    assert again.to_json() == seed_json
    assert again.timexes == seed_doc.timexes and again.actors == seed_doc.actors and again.article == seed_doc.article
    # coordinates are rounded to 5 decimals in JSON: events are equal but for a computed point
    assert [dataclasses.replace(e, location=None) for e in again.events] == [
        dataclasses.replace(e, location=None) for e in seed_doc.events]
    assert Document.from_json(again.to_json()) == again  # once rounded, a fixed point
    assert [e.article_id for e in again.events] == [seed_doc.article.id] * len(again.events)


def test_every_type_round_trips_its_serialised_fields():
    party = Party("Turkey", "TUR", "GOV", "Turkey", 0, 6, "countries: TURKEY")
    samples = [
        Article("a1", dt.date(2018, 9, 19), "Turkey agreed.", title="T", raw_date="Wed, 19 Sep 2018", origin="x"),
        Timex("Monday", 1, 7, "DATE", "2018-09-17", token_start=0, token_end=1),
        Timex("every week", 1, 11, "SET", "P1W", quant="EVERY"),
        Place("Idlib", 0, 5, 169387, "Idlib", 35.93, 36.63, "SY", "12", "PPLA", 0.9, token_start=0),
        Actor("Turkey", 0, 6, "Turkey", "TUR", "GOV"),
        party, Party("government of SYR", "SYR", "GOV"),
        Location("Idlib", 169387, 35.93, 36.63, "SY", "PPLA", "Idlib"),
        Evidence("Turkey agreed.", 0, 14, "agreed", 7, 13, "verb: AGREE"),
        Event(id="e1", type="AGREE", actors=[party], date="2018-09-19", date_precision="day",
              date_mod="ON_OR_BEFORE", evidence=Evidence("Turkey agreed.", 0, 14, "agreed"), confidence=0.8),
    ]
    for obj in samples:
        assert type(obj).from_json(json.loads(json.dumps(obj.to_json()))) == obj, obj


def test_internal_fields_stay_out_of_json_and_out_of_equality():
    timex = Timex("Monday", 1, 7, "DATE", "2018-09-17", token_start=3, token_end=4)
    assert set(timex.to_json()) == {"text", "start", "end", "type", "value"}
    assert timex == dataclasses.replace(timex, token_start=None)
    actor = Actor("Turkey", 0, 6, "Turkey", "TUR", "GOV", code="TUR", entry="countries: TURKEY")
    assert set(actor.to_json()) == {"text", "start", "end", "name", "country", "sector"}
    assert Party("x").to_json() == {"name": "x", "country": None, "sector": None}


def test_floats_are_rounded_in_json():
    place = Place("Sochi", 0, 5, 491422, "Sochi", 43.5969912345, 39.7247700001, "RU", None, "PPL", 0.876543)
    assert place.to_json()["lat"] == 43.59699 and place.to_json()["confidence"] == 0.877


def test_article_text_can_be_left_out_and_is_last():
    art = Article("a1", dt.date(2018, 9, 19), "Turkey agreed.")
    assert list(art.to_json())[-1] == "text" and "text" not in art.to_json(with_text=False)
    assert Article.from_json(art.to_json(with_text=False)).text == ""


def test_a_listing_event_carries_its_article():
    ev = Event(id="e1", type="AGREE", evidence=Evidence("s", 0, 1, "s"), article_id="a1",
               article_date=dt.date(2018, 9, 19), article_title="T")
    listed = ev.to_json(with_article=True)
    assert (listed["article_id"], listed["article_date"], listed["article_title"]) == ("a1", "2018-09-19", "T")
    assert "article_id" not in ev.to_json()
    back = Event.from_json(listed)
    assert (back.article_id, back.article_date, back.article_title) == ("a1", dt.date(2018, 9, 19), "T")


# -- literal fields ----------------------------------------------------------------------------

def test_event_types_are_the_plover_types():
    assert set(typing.get_args(EventType)) == set(load_ontology().types)


@pytest.mark.parametrize("field, value, message", [
    ("type", "FOO", "Event.type: 'FOO' is not one of AGREE"),
    ("date_precision", "on_or_before", "Event.date_precision: 'on_or_before' is not one of"),
    ("date_mod", "before", "Event.date_mod: 'before' is not one of BEFORE, ON_OR_BEFORE, AFTER"),
])
def test_from_json_refuses_a_value_outside_a_literal(field, value, message):
    data = Event(id="e1", type="AGREE", evidence=Evidence("s", 0, 1, "s")).to_json()
    data[field] = value
    with pytest.raises(ValueError, match=message):
        Event.from_json(data)


def test_from_json_names_a_missing_key():
    with pytest.raises(ValueError, match="Evidence: the JSON object lacks 'trigger'"):
        Evidence.from_json({"sentence": "s", "start": 0, "end": 1})


# -- the JSON Schema ---------------------------------------------------------------------------

def test_the_seed_extract_output_validates_against_the_schema(seed_json, validator):
    assert seed_json["events"] and seed_json["places"] and seed_json["timexes"] and seed_json["actors"]
    validator.validate(seed_json)
    no_text = copy.deepcopy(seed_json)
    del no_text["article"]["text"]  # `extract --no-text`
    validator.validate(no_text)


@pytest.mark.parametrize("path, value", [
    (("events", 0, "type"), "FOO"),
    (("events", 0, "date_mod"), "before"),
    (("events", 0, "evidence", "start"), "12"),
    (("timexes", 0, "type"), "MOMENT"),
    (("article", "date"), "19/09/2018"),
    (("places", 0, "surprise"), 1),
])
def test_a_wrong_value_fails_validation(seed_json, validator, path, value):
    broken = copy.deepcopy(seed_json)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(broken)


def test_the_schema_is_generated_from_the_model():
    defs = extract_schema()["$defs"]
    assert set(defs) == {"Document", "Article", "Timex", "Place", "Actor", "Event", "Party", "Location", "Evidence",
                         "ExcludedSpan"}
    assert "token_start" not in defs["Timex"]["properties"] and "origin" not in defs["Article"]["properties"]
    assert "text" not in defs["Article"]["required"] and "mod" not in defs["Timex"]["required"]
    assert {"enum": ["BEFORE", "ON_OR_BEFORE", "AFTER"]} in defs["Event"]["properties"]["date_mod"]["anyOf"]
