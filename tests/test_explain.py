"""One explanation of an event, and date_mod said the same way in `show`, tables, CSV and timelines."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from rich.console import Console
from typer.testing import CliRunner

from dateline import render
from dateline.cli import app
from dateline.events.explain import date_label, explain_event, explanation, when_text
from dateline.model import Article, Document, Event, Evidence, Location, Party
from dateline.store import open_store
from dateline.timeline import build_timeline

SENT = "Turkey and Russia agreed to turn Idlib into a demilitarised zone."
ARTICLE = Article(id="a1", date=dt.date(2018, 9, 19), text=SENT, title="Idlib deal")
TURKEY = Party("Turkey", "TUR", "GOV", "Turkey", 0, 6, "countries: TURKEY_ [TUR]")
RUSSIA = Party("Russia", "RUS", "GOV", "Russia", 11, 17)


def agreement(date_mod: str | None = "ON_OR_BEFORE", event_id: str = "e1f2a3b4c5d6e7f8") -> Event:
    return Event(id=event_id, type="AGREE", contexts=["military"], quad=1, intensity=3.0, cameo="057",
                 actors=[TURKEY, RUSSIA], date="2018-09-19", date_precision="day", date_mod=date_mod,
                 location=Location("Idlib", 169387, 35.93, 36.63, "SY", "PPLA"),
                 evidence=Evidence(SENT, 0, len(SENT), "agreed", 18, 24, "triggers.tsv: agree (verb)"),
                 confidence=0.8, article_id="a1")


def test_the_explanation_says_every_coding_and_where_it_came_from():
    lines = explain_event(agreement(), ARTICLE)
    assert lines[:4] == ["AGREE  event e1f2a3b4c5d6e7f8  (confidence 0.8)", "article a1 dated 2018-09-19: Idlib deal",
                         "", SENT]
    assert "trigger   'agreed' at 18–24  rule: triggers.tsv: agree (verb)" in lines
    assert "CAMEO     057  quad 1  intensity 3.0  contexts military" in lines
    assert "actor     Turkey (TUR) sector GOV ← 'Turkey'  countries: TURKEY_ [TUR]" in lines
    assert "actor     Russia (RUS) sector GOV ← 'Russia'  not in the dictionary" in lines
    assert "when      on or before 2018-09-19 (day)" in lines
    assert lines[-1] == "where     Idlib (SY, 35.93, 36.63, geonameid 169387)"


def test_date_mod_in_words_and_signs():
    assert [when_text(agreement(m)) for m in (None, "BEFORE", "ON_OR_BEFORE", "AFTER")] == [
        "2018-09-19 (day)", "before 2018-09-19 (day)", "on or before 2018-09-19 (day)", "after 2018-09-19 (day)"]
    assert [date_label(agreement(m)) for m in (None, "BEFORE", "ON_OR_BEFORE", "AFTER")] == [
        "2018-09-19", "<2018-09-19", "≤2018-09-19", ">2018-09-19"]


def test_show_prints_the_one_explanation():
    console = Console(file=io.StringIO(), width=400, color_system=None)
    render.show_event(console, agreement(), ARTICLE)
    assert console.file.getvalue().splitlines() == explain_event(agreement(), ARTICLE)


def test_a_stored_event_explains_itself_without_its_article():
    stored = dataclasses.replace(agreement(), article_date=dt.date(2018, 9, 19), article_title=None)
    assert str(explanation(stored)[1]) == "article a1 dated 2018-09-19"


def test_tables_csv_and_timelines_show_the_date_mod():
    events = [agreement(None, "e1"), agreement("ON_OR_BEFORE", "e2"), agreement(None, "e3")]
    table = Console(file=io.StringIO(), width=200, color_system=None)
    table.print(render.events_table(events))
    assert "≤2018-09-19" in table.file.getvalue()
    rows = list(csv.DictReader(io.StringIO(render.events_csv(events))))
    assert [r["date_mod"] for r in rows] == ["", "ON_OR_BEFORE", ""]
    entries = build_timeline(events)  # the same report on the date and before it are two lines
    assert [(e.when, e.reports) for e in entries] == [("2018-09-19", 2), ("≤2018-09-19", 1)]


def test_the_cli_lists_and_shows_stored_events(tmp_path):
    db = str(tmp_path / "x.duckdb")
    with open_store(db) as store:
        store.add([Document(article=ARTICLE, events=[agreement()])])
    runner = CliRunner()
    (listed,) = [json.loads(x) for x in runner.invoke(app, ["events", "--db", db, "--format", "json"]).stdout
                 .splitlines()]
    assert listed["date_mod"] == "ON_OR_BEFORE" and listed["article_date"] == "2018-09-19"
    assert Event.from_json(listed) == agreement()
    shown = runner.invoke(app, ["show", "e1f2", "--db", db], terminal_width=400)
    assert shown.exit_code == 0
    assert shown.stdout.splitlines() == explain_event(agreement(), ARTICLE)
