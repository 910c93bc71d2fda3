"""Timelines over a store: what is kept between requests (articles split once, finished timelines until the
store changes), and the articles a query reads (only those that can answer it)."""

from __future__ import annotations

import datetime as dt

from dateline.model import Article, Document, Event, Evidence, Party, Timex, event_id
from dateline.store import open_store
from dateline.timeline import TimelineQuery, summarise
from dateline.timeline.stored import stored_material, stored_sources


def report(key: str, published: str, sentence: str, day: str, kind: str = "PROTEST",
           who: str = "Farmers") -> Document:
    """An article of one sentence naming `day`, reporting one event of `kind` by `who` on that day."""
    text = f"{sentence} Officials gave no figures for the crowd that day."
    article = Article(id=key, date=dt.date.fromisoformat(published), text=text)
    named = sentence.index("on ") + 3
    timex = Timex(sentence[named:named + 10], named, named + 10, "DATE", day)
    trigger = sentence.index(" ") + 1
    evidence = Evidence(sentence, 0, len(sentence), sentence[trigger:trigger + 5], trigger, trigger + 5, "test")
    party = Party(who, "FRA", "CVL", who, 0, len(who))
    event = Event(id=event_id(key, kind, trigger, 0), type=kind, actors=[party], date=day, date_precision="day",
                  evidence=evidence, mentions=[evidence], confidence=0.9)
    return Document(article=article, timexes=[timex], events=[event])


def docs() -> list[Document]:
    return [report("p1", "2023-05-02", "Farmers marched on 2023-05-01 through the capital with tractors.",
                   "2023-05-01"),
            report("p2", "2023-05-03", "Dockers struck on 2023-05-02 at the northern harbour for higher pay.",
                   "2023-05-02", kind="COERCE", who="Dockers")]


def test_a_changed_store_gets_a_new_timeline_and_an_unchanged_one_the_kept_one(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(docs()[:1])
        query = TimelineQuery(dates=5, per_date=1, min_confidence=0)
        first = summarise(query, store=store)
        assert summarise(query, store=store) is first  # kept: the same query is answered once
        store.add(docs()[1:])
        second = summarise(query, store=store)
        assert second is not first
        assert first.articles == 1 and second.articles == 2
        assert any("Dockers" in s.text for d in second.dates for s in d.sentences)


def test_articles_are_split_once_and_kept_across_changes(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(docs()[:1])
        kept = stored_material(store).material(store, ["p1"])[0]
        store.add(docs()[1:])
        assert stored_material(store).material(store, ["p1"])[0] is kept


def test_a_query_reads_only_the_articles_that_can_answer_it(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(docs())
        by_party = stored_sources(store, TimelineQuery(actor="dockers", min_confidence=0))
        by_words = stored_sources(store, TimelineQuery(text="TRACTORS", min_confidence=0))
        by_type = stored_sources(store, TimelineQuery(type="PROTEST", min_confidence=0))
    assert [a.id for a in by_party] == ["p2"] and [a.id for a in by_words] == ["p1"]
    assert [a.id for a in by_type] == ["p1"] and [e.type for e in by_type[0].events] == ["PROTEST"]


def test_a_sentence_shared_between_queries_keeps_no_event_of_another_query(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(docs())
        everything = stored_sources(store, TimelineQuery(min_confidence=0))
        strikes = summarise(TimelineQuery(type="COERCE", dates=5, per_date=1, min_confidence=0), store=store)
        again = stored_sources(store, TimelineQuery(min_confidence=0))
    assert [len(s.events) for a in everything for s in a.sentences] == [1, 0, 1, 0]
    assert [len(s.events) for a in again for s in a.sentences] == [1, 0, 1, 0]
    assert {s.article_id for d in strikes.dates for s in d.sentences} == {"p2"}
    assert [d.events for d in strikes.dates if d.date == "2023-05-02"] == [1]
