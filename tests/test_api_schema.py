"""Schemathesis against the API's own `/openapi.json`: requests generated from the schema, valid and invalid, to
every route (the reads, the export and `POST /ingest` with the token) over a small DuckDB store never get a 5xx, and
no error body shows a stack trace. Bounded (a few dozen examples per route and mode) to stay a CI test."""

from __future__ import annotations

import json

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from dateline.api import create_app
from dateline.store import open_store
from test_api import corpus

TOKEN = "schema-test-token"
#: The routes the schema lists, read from an app that is never asked for data (listing opens no store).
ROUTES = [found.ok().label for found in schemathesis.openapi.from_asgi(
    "/openapi.json", create_app("unopened.duckdb", token=TOKEN)).get_all_operations()]


@pytest.fixture(scope="module")
def api_app(tmp_path_factory):
    """The app over a 42-article demo store, with the write route (a small body limit keeps ingests cheap)."""
    target = str(tmp_path_factory.mktemp("schema") / "demo.duckdb")
    with open_store(target) as store:
        store.add(corpus())
    return create_app(target, token=TOKEN, max_body=2000)


def no_stack_trace(body: str) -> bool:
    """Whether a response body is free of Python traceback text."""
    return not any(sign in body for sign in ("Traceback (most recent call last)", 'File "/', ".py\", line "))


def test_the_schema_lists_every_route_including_the_write_route():
    assert {"GET /events", "GET /timeline", "GET /export", "POST /ingest", "GET /events/{event_id}"} <= set(ROUTES)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("route", ROUTES)
def test_generated_requests_never_get_a_server_error(api_app, route, mode):
    """No request generated from the published schema makes the API fail or leak a traceback."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", api_app)
    operation = schema[route.split(" ", 1)[1]][route.split(" ", 1)[0]]
    client = TestClient(api_app, raise_server_exceptions=False)

    @given(operation.as_strategy(generation_mode=mode))
    @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def answered(case) -> None:
        response = case.call(session=client, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
        assert no_stack_trace(response.text), case.as_curl_command()

    try:
        answered()
    except Unsatisfiable:  # e.g. a route whose only parameter is any string: no request breaks its schema
        pytest.skip(f"{route}: the schema admits every value of its parameters, so no invalid request exists")


def test_the_schema_says_what_the_write_route_takes(api_app):
    """`POST /ingest` reads its raw body itself; the schema still declares it, so clients and fuzzers can send one."""
    body = api_app.openapi()["paths"]["/ingest"]["post"]["requestBody"]
    assert body["required"] and {"application/json", "application/x-ndjson"} <= set(body["content"])


@given(payload=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode),
                         st.lists(st.dictionaries(st.sampled_from(["id", "text", "date", "title"]),
                                                  st.one_of(st.none(), st.integers(), st.text(max_size=40)),
                                                  max_size=4), max_size=3).map(lambda rows: json.dumps(rows).encode())))
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_any_posted_body_gets_an_answer_not_a_server_error(api_app, payload):
    """Random bytes, invalid UTF-8 and JSON of wrong types posted with the token: a 200 or a clear 4xx, never a 5xx."""
    client = TestClient(api_app, raise_server_exceptions=False)
    response = client.post("/ingest", content=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code < 500, (payload, response.text[:500])
    assert no_stack_trace(response.text)


def test_a_streamed_body_without_a_declared_length_is_cut_off_at_the_limit(api_app):
    """A chunked body (no Content-Length) is counted as it arrives and refused once over the limit."""
    client = TestClient(api_app, raise_server_exceptions=False)
    chunks = (b'{"text": "Protesters marched in Cairo.", "date": "2011-02-01"}\n' for _ in range(100))
    response = client.post("/ingest", content=chunks, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and "body over 2000 bytes" in response.json()["detail"]


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer é-token", f"Basic {TOKEN}",
                                    f"bearer  {TOKEN}", "Bearer"])
def test_a_wrong_token_of_any_length_or_scheme_is_refused_not_a_server_error(api_app, header):
    """Tokens longer, shorter, non-ASCII, of another scheme or badly spaced: a 401 or 403, and nothing stored."""
    client = TestClient(api_app, raise_server_exceptions=False)
    before = client.get("/stats").json()["store"]["counts"]["articles"]
    body = b'{"id": "intruder", "text": "Turkey and Russia agreed on a ceasefire.", "date": "2022-03-09"}\n'
    response = client.post("/ingest", content=body, headers={"Authorization": header.encode("utf-8")})
    assert response.status_code in (401, 403) and no_stack_trace(response.text)
    assert client.get("/stats").json()["store"]["counts"]["articles"] == before
