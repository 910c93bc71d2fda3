"""`/events` pages are built from the stored JSON without decoding events (only merged ones are), so each
listed event must be exactly what the one-event route, which goes through `Event`, says of it: its JSON form,
every report's mentions when several articles report it, and the marks of its evidence sentence."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.model import Article, Document, Event, Evidence, Location, Party, Place, Timex, event_id
from dateline.store import open_store

BELGRADE = Location("Belgrade", 792680, 44.80401, 20.46513, "RS", "PPLC", "Belgrade")


def one_sentence(aid: str, published: str, sentence: str, trigger: str, kind: str, parties: tuple[str, ...],
                 on: str, weekday: str, where: Location | None) -> Document:
    """An article of one sentence that reports one event, with the timex and place mentions a page marks."""
    day = dt.date.fromisoformat(published)
    at = sentence.index(trigger)
    countries = {"Serbia": "SRB", "Hungary": "HUN", "Croatia": "HRV"}
    actors = [Party(name, countries[name], "GOV", name, sentence.index(name), sentence.index(name) + len(name))
              for name in parties]
    evidence = Evidence(sentence, 0, len(sentence), trigger, at, at + len(trigger))
    ev = Event(id=event_id(aid, kind, at, 0), type=kind, actors=actors, date=on, date_precision="day",
               location=where, evidence=evidence, mentions=[evidence], confidence=0.8)
    when = sentence.index(weekday)
    timexes = [Timex(weekday, when, when + len(weekday), "DATE", on)]
    places = []
    if where:
        spot = sentence.index(where.name)
        places = [Place(where.name, spot, spot + len(where.name), where.geonameid, where.name, where.lat, where.lon,
                        where.country_code, None, where.feature_code, 0.9)]
    return Document(article=Article(id=aid, date=day, text=sentence, title=f"About {aid}"), timexes=timexes,
                    places=places, events=[ev])


def stored(target: str) -> str:
    """Two outlets reporting one rail agreement on the same Monday, and a protest only one article reports."""
    with open_store(target) as store:
        store.add([one_sentence("outlet-a", "2023-06-06", "Serbia and Hungary signed a rail transit agreement in "
                                "Belgrade on Monday.", "signed", "AGREE", ("Serbia", "Hungary"), "2023-06-05",
                                "Monday", BELGRADE)])
        store.add([one_sentence("outlet-b", "2023-06-05", "Hungary and Serbia agreed on Monday to open a rail "
                                "corridor, officials said in Belgrade.", "agreed", "AGREE", ("Hungary", "Serbia"),
                                "2023-06-05", "Monday", BELGRADE)])
        store.add([one_sentence("outlet-c", "2023-06-08", "Croatia protested on Wednesday against the border "
                                "checks.", "protested", "PROTEST", ("Croatia",), "2023-06-07", "Wednesday", None)])
    return target


def test_a_listed_event_is_what_the_one_event_route_says_of_it(store_target):
    client = TestClient(create_app(stored(store_target)), raise_server_exceptions=False)
    listed = client.get("/events?limit=50").json()["events"]
    assert len(listed) == 2
    for ev in listed:
        one = client.get(f"/events/{ev['id']}").json()
        assert ev == {key: value for key, value in one.items() if key not in ("article", "explanation")}
    agreement, protest = listed
    assert [m["article_id"] for m in agreement["mentions"]] == ["outlet-b", "outlet-a"]
    sentence = agreement["evidence"]["sentence"]
    assert [(m["kind"], sentence[m["start"]:m["end"]]) for m in agreement["marks"]] == [
        ("actor", "Hungary"), ("actor", "Serbia"), ("trigger", "agreed"), ("date", "Monday"), ("place", "Belgrade")]
    assert {m["kind"] for m in protest["marks"]} == {"trigger", "actor", "date"}
    assert protest["article_title"] == "About outlet-c" and protest["article_date"] == "2023-06-08"


def test_a_merged_event_listed_from_kept_articles_reads_none_and_is_what_the_one_event_route_says(store_target):
    from dateline.store import EventFilter, browse

    client = TestClient(create_app(stored(store_target)), raise_server_exceptions=False)
    with open_store(store_target, read_only=True) as store:
        every = browse.article_marks(store.rows, ["outlet-a", "outlet-b", "outlet-c"])
        page = browse.events_page(store, EventFilter(min_confidence=0.35), 50, kept_articles=lambda ids: every)
    assert page.articles == {}  # the reports' articles as well as the page's came from the caller
    (merged,) = [ev for ev in page.events if len(ev["mentions"]) == 2]
    assert [m["article_id"] for m in merged["mentions"]] == ["outlet-b", "outlet-a"]  # the earlier article first
    one = client.get(f"/events/{merged['id']}").json()
    assert merged == {key: value for key, value in one.items() if key not in ("article", "explanation", "marks")}
