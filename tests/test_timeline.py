"""Summarised timelines: days chosen by salience, K sentences a day without repeats, each citing its article,
from files without a store, from a store, in table, JSON and Markdown."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Article
from dateline.store import open_store
from dateline.timeline import TimelineQuery, summarise
from dateline.timeline.inputs import processed_documents
from dateline.timeline.sources import split_sentences

ARTICLES = {
    "a1": ("2021-03-04", "Troops entered the town of Marlow on March 3, 2021 after a week of shelling. "
           "Residents said the shelling of Marlow began before dawn on March 3, 2021 and lasted for hours. "
           "The mayor fled the town on March 3, 2021 with his family and several aides. "
           "A ceasefire signed on February 20, 2021 had held until then."),
    "a2": ("2021-03-05", "Troops entered the town of Marlow on March 3, 2021 after a week of heavy shelling. "
           "The capture of Marlow on March 3, 2021 was confirmed by the defence ministry. "
           "Aid groups warned on Thursday that food in the region was running short for thousands."),
    "a3": ("2021-03-06", "Fighting around Marlow, which fell on March 3, 2021, spread to nearby villages. "
           "The army brought in fresh units and heavy artillery to hold the eastern road."),
}


def articles() -> list[Article]:
    return [Article(id=key, date=dt.date.fromisoformat(day), text=text) for key, (day, text) in ARTICLES.items()]


def timeline_of(query: TimelineQuery):
    return summarise(query, documents=processed_documents(articles(), fast=True))


def test_the_day_most_referred_to_comes_first():
    result = timeline_of(TimelineQuery(dates=1, per_date=1))
    assert [d.date for d in result.dates] == ["2021-03-03"]
    assert result.dates[0].references >= 5 and result.dates[0].articles == 0


def test_more_dates_add_the_less_referred_days_in_calendar_order():
    days = [d.date for d in timeline_of(TimelineQuery(dates=3, per_date=1)).dates]
    assert "2021-03-03" in days and days == sorted(days) and len(days) == 3


def test_k_sentences_a_day_none_repeating_another_each_citing_its_article():
    day = timeline_of(TimelineQuery(dates=1, per_date=3)).dates[0]
    assert 2 <= len(day.sentences) <= 3
    texts = {key: text for key, (_, text) in ARTICLES.items()}
    for sentence in day.sentences:
        assert texts[sentence.article_id][sentence.start:sentence.end] == sentence.text
    # a2 repeats a1's opening almost word for word (wire copy): the central sentence is taken once
    assert sum(s.text.startswith("Troops entered") for s in day.sentences) == 1


def test_the_since_until_range_keeps_days_out():
    days = [d.date for d in timeline_of(TimelineQuery(dates=5, since="2021-03-04", until="2021-03-10")).dates]
    assert days and all("2021-03-04" <= d <= "2021-03-10" for d in days)


def test_a_text_query_keeps_only_articles_that_contain_it():
    result = timeline_of(TimelineQuery(text="artillery", dates=5))
    assert result.articles == 1
    assert {s.article_id for d in result.dates for s in d.sentences} == {"a3"}


def test_the_cheap_sentence_split_keeps_quotes_and_line_breaks():
    text = 'He left. "We stay," she said.\nThen it rained!'
    assert [text[s:e] for s, e in split_sentences(text)] == ["He left.", '"We stay," she said.', "Then it rained!"]


def write_inputs(folder) -> list[str]:
    paths = []
    for key, (day, text) in ARTICLES.items():
        path = folder / f"{key}.txt"
        path.write_text(f"date {day}\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_input_files_need_no_store_and_print_json(tmp_path):
    args = ["timeline", "--db", str(tmp_path / "absent.duckdb"), "--dates", "2", "--per-date", "1", "--fast",
            "--format", "json"]
    for path in write_inputs(tmp_path):
        args += ["--input", path]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0 and not (tmp_path / "absent.duckdb").exists()
    data = json.loads(result.stdout)
    first = data["dates"][0]["sentences"][0]
    assert data["query"]["dates"] == 2 and first["article_id"]
    assert any(first["text"] in text for _, text in ARTICLES.values())
    assert "2021-03-03" in [d["date"] for d in data["dates"]]


def test_markdown_gives_a_heading_per_date_and_a_cited_bullet_per_sentence(tmp_path):
    args = ["timeline", "--dates", "1", "--per-date", "2", "--fast", "--format", "markdown"]
    for path in write_inputs(tmp_path):
        args += ["--input", path]
    lines = CliRunner().invoke(app, args, catch_exceptions=False).stdout.splitlines()
    assert lines[0] == "# Timeline" and "## 2021-03-03" in lines
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == 2 and all("characters" in b and "2021-03-0" in b for b in bullets)


def test_a_store_gives_the_same_days_from_its_articles_and_timexes(tmp_path):
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        store.add(processed_documents(articles(), fast=True))
    with open_store(db, read_only=True) as store:
        result = summarise(TimelineQuery(dates=1, per_date=2), store=store)
    assert [d.date for d in result.dates] == ["2021-03-03"] and result.articles == 3
    table = CliRunner().invoke(app, ["timeline", "--db", db, "--dates", "1"], catch_exceptions=False).stdout
    assert "2021-03-03" in table and "Marlow" in table


def test_a_sentence_vectorised_again_is_not_tokenised_again_and_weighs_the_same():
    from dateline.timeline.sentences import Vectoriser, word_counts

    text = "Fishermen blockaded the harbour of Brest again on Tuesday, and the harbour stayed shut."
    vectoriser = Vectoriser(())
    first = vectoriser.vector(text)
    seen = word_counts.cache_info().hits
    assert vectoriser.vector(text) == first and word_counts.cache_info().hits == seen + 1
    assert first["harbour"] > first["brest"]  # said twice: (1 + log 2) times the weight of a word said once


def test_a_vectoriser_weighs_with_the_idf_it_holds_now_and_word_ids_weigh_as_words():
    from collections import Counter

    from dateline.timeline.sentences import IndexedIdf, Vectoriser, _idf
    from dateline.timeline.sources import IndexedFrequencies

    text = "Dockers struck at the port of Antwerp while the port authority met the unions."
    vectoriser = Vectoriser(())
    plain = vectoriser.vector(text)  # no input: every word weighs 1.0
    vectoriser.idf = {"port": 3.0}
    weighed = vectoriser.vector(text)  # the weights kept for the first idf must not be used again
    assert weighed["port"] > plain["port"] and weighed["antwerp"] < plain["antwerp"]
    vocabulary: dict[str, int] = {}
    parts = [IndexedFrequencies.of(Counter({"port": 2, "dockers": 1}), vocabulary),
             IndexedFrequencies.of(Counter({"port": 1}), vocabulary)]
    vocabulary["unseen"] = len(vocabulary)  # a word of the shared vocabulary no article of this query has
    indexed = IndexedIdf(parts, total=5)
    assert indexed.get("port") == _idf(3, 5) and indexed.get("dockers") == _idf(1, 5)
    assert indexed.get("unseen", 1.0) == 1.0 and indexed.get("antwerp") is None
