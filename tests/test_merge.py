"""Cross-article merging: the pure decisions (`dateline.merge`) and merged events in the store, on both backends."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from dateline.events.explain import explain_event
from dateline.merge import MentionCounts, cluster, conflict_reason, link_reason, mention_counts
from dateline.model import Article, Document, Event, Evidence, Location, Party, event_id
from dateline.store import EventFilter, open_store

# places as the geoparser gives them, with the text they were read from
KYIV = Location("Kyiv", 703448, 50.45, 30.52, "UA", "PPLC", text="Kyiv", precision="point")
IRPIN = Location("Irpin", 700646, 50.52, 30.25, "UA", "PPL", text="Irpin", precision="point")  # ~20 km from Kyiv
LVIV = Location("Lviv", 702550, 49.84, 24.02, "UA", "PPLA", text="Lviv", precision="point")  # ~470 km from Kyiv
UKRAINE = Location("Ukraine", 690791, 49.0, 32.0, "UA", "PCLI", text="Ukraine", precision="country")
POLAND = Location("Poland", 798544, 52.0, 20.0, "PL", "PCLI", text="Poland", precision="country")


def party(name: str, country: str | None, sector: str | None = "GOV") -> Party:
    """A party the sentence names (as the coder gives it: with its text)."""
    return Party(name=name, country=country, sector=sector, text=name)


def report(aid: str, published: str, sentence: str, trigger: str, type_: str = "AGREE",
           actors: tuple[Party, ...] = (party("Ukraine", "UKR"), party("Poland", "POL")),
           recipients: tuple[Party, ...] = (), date: str | None = None, precision: str | None = "day",
           location: Location | None = None, source: str | None = None) -> Document:
    """An article of one sentence reporting one event, as the pipeline would have coded it."""
    day = dt.date.fromisoformat(published)
    start = sentence.index(trigger)
    ev = Event(id=event_id(aid, type_, start, 0), type=type_, actors=list(actors), recipients=list(recipients),
               date=date or published, date_precision=precision if (date or published) else None,
               location=location,
               evidence=Evidence(sentence, 0, len(sentence), trigger, start, start + len(trigger)),
               confidence=0.8, article_id=aid, article_date=day)
    return Document(article=Article(id=aid, date=day, text=sentence, source=source), events=[ev])


def event_of(doc: Document) -> Event:
    return doc.events[0]


# -- the pure decisions ------------------------------------------------------------------------

A = report("kyiv-post", "2022-05-03", "Ukraine and Poland signed a grain transit agreement in Kyiv on Monday.",
           "signed", date="2022-05-02", location=KYIV, source="Kyiv Post")
B = report("reuters-1", "2022-05-02", "Poland and Ukraine agreed on Monday to open a grain corridor, officials "
           "said in Kyiv.", "agreed", location=KYIV, source="Reuters")
C = report("gazeta", "2022-05-04", "Warsaw and Kyiv struck a deal on grain transit this week, the ministers said.",
           "struck", actors=(party("Poland", "POL"), party("Ukraine", "UKR")), date="2022-W18", precision="week",
           location=UKRAINE, source="Gazeta")


def test_two_reports_of_one_agreement_link_and_say_why():
    why = link_reason(event_of(A), event_of(B))
    assert why is not None and "parties" in why and "same day" in why and "names kyiv" in why
    assert (link_reason(event_of(B), event_of(A)) is None) == (why is None)


def test_a_country_level_place_and_a_week_do_not_contradict_a_town_and_a_day_inside_them():
    assert conflict_reason(event_of(A), event_of(C)) is None
    assert link_reason(event_of(A), event_of(C)) is not None


@pytest.mark.parametrize("other, clash", [
    (report("x", "2022-05-03", "Ukraine and Hungary signed a grain agreement in Kyiv on Monday.", "signed",
            actors=(party("Ukraine", "UKR"), party("Hungary", "HUN")), date="2022-05-02", location=KYIV), "parties"),
    (report("x", "2022-05-20", "Ukraine and Poland signed a grain transit agreement in Kyiv on Thursday.", "signed",
            date="2022-05-19", location=KYIV), "dates"),
    (report("x", "2022-05-03", "Ukraine and Poland signed a grain transit agreement in Lviv on Monday.", "signed",
            date="2022-05-02", location=LVIV), "km apart"),
    (report("x", "2022-05-03", "Ukraine and Poland signed a grain transit agreement in Poland on Monday.", "signed",
            date="2022-05-02", location=POLAND), "places"),
    (report("x", "2022-05-03", "Ukraine and Poland met in Kyiv on Monday to discuss grain transit.", "met",
            type_="CONSULT", date="2022-05-02", location=KYIV), "types"),
])
def test_conflicting_parties_dates_places_or_types_never_link(other, clash):
    assert clash in (conflict_reason(event_of(A), event_of(other)) or "")
    assert link_reason(event_of(A), event_of(other)) is None


def test_agreeing_on_little_is_not_enough_to_link():
    vague = report("y", "2022-05-09", "Officials said talks on several issues went on.", "talks",
                   actors=(party("Poland", "POL"),), date="2022-05", precision="month")
    assert conflict_reason(event_of(A), event_of(vague)) is None
    assert link_reason(event_of(A), event_of(vague)) is None


def test_an_announced_meeting_and_the_meeting_may_be_one_but_a_denial_is_not():
    planned = report("p", "2022-05-01", "Ukraine and Poland will sign a grain transit agreement in Kyiv on Monday.",
                     "sign", date="2022-05-02", location=KYIV)
    denied = report("d", "2022-05-03", "Ukraine and Poland did not sign a grain transit agreement in Kyiv on Monday.",
                    "sign", date="2022-05-02", location=KYIV)
    event_of(planned).status, event_of(denied).status = "future", "negated"
    event_of(planned).__post_init__(), event_of(denied).__post_init__()
    assert link_reason(event_of(A), event_of(planned)) is not None
    assert "negated" in (conflict_reason(event_of(A), event_of(denied)) or "")


def test_reports_of_an_undated_demand_need_more_shared_words_than_reports_of_one_day():
    protesters, leader = (party("protesters", "EGY", "OPP"),), (party("Hosni Mubarak", "EGY", "GOV"),)
    first = report("monday", "2011-01-31", "Protesters in Tahrir Square demanded that Mubarak resign at once.",
                   "demanded", type_="REQUEST", actors=protesters, recipients=leader, date=None, precision=None)
    later = report("wednesday", "2011-02-02", "Crowds outside the Egyptian Museum again demanded an end to Mubarak's "
                   "rule.", "demanded", type_="REQUEST", actors=protesters, recipients=leader)
    for undated in (event_of(first), event_of(later)):
        undated.date = undated.date_precision = None
    assert conflict_reason(event_of(first), event_of(later)) is None  # a week-long window each: no contradiction
    assert link_reason(event_of(first), event_of(later)) is None
    same_day = report("wednesday", "2011-02-02", "Crowds outside the Egyptian Museum again demanded an end to "
                      "Mubarak's rule.", "demanded", type_="REQUEST", actors=protesters, recipients=leader,
                      date="2011-01-31")
    dated = report("monday", "2011-01-31", "Protesters in Tahrir Square demanded that Mubarak resign at once.",
                   "demanded", type_="REQUEST", actors=protesters, recipients=leader)
    assert link_reason(event_of(dated), event_of(same_day)) is not None


def test_a_sentence_repeated_word_for_word_by_another_article_links_on_its_own():
    wire = "Riot police fired tear gas at thousands of demonstrators in central Cairo, witnesses said."
    first = report("outlet-a", "2011-01-28", wire, "fired", type_="ASSAULT", actors=(party("Riot police", None),),
                   recipients=(party("demonstrators", None, None),))
    again = report("outlet-b", "2011-01-30", wire, "fired", type_="ASSAULT", actors=(party("security forces", None),),
                   recipients=(party("protesters", None, None),))
    event_of(again).date = event_of(again).date_precision = None  # undated there: not the same day for sure
    assert link_reason(event_of(first), event_of(again)) is not None


ORIGINAL = report("ap-2017", "2017-05-05", "Turkey, Russia and Iran agreed in Astana on Thursday to set up four "
                  "de-escalation zones in Syria.", "agreed", date="2017-05-04",
                  actors=(party("Turkey", "TUR"), party("Russia", "RUS"), party("Iran", "IRN")), source="AP")
BACKGROUND = report("trt-2018", "2018-09-19", "Turkey, Russia and Iran agreed last year on de-escalation zones in "
                    "Syria, including Idlib.", "agreed", date="2017", precision="year",
                    actors=(party("Turkey", "TUR"), party("Russia", "RUS"), party("Iran", "IRN")), source="TRT World")


def test_a_background_reference_a_year_later_links_to_the_original():
    assert link_reason(event_of(ORIGINAL), event_of(BACKGROUND)) is not None


def test_a_chain_of_similar_reports_does_not_make_one_event():
    """Each of four reports of protests that day links only to the next: two groups join when at least half the pairs
    between them are linked, so the chain makes two events of two reports, not one of four."""
    wave = [report(f"day{n}", "2011-01-20", f"Protest report {n} in Cairo.", "Protest", type_="PROTEST",
                   actors=(party("protesters", "EGY", "OPP"),)) for n in range(4)]
    events = [event_of(doc) for doc in wave]
    links = {frozenset((first.id, second.id)): "test" for first, second in itertools.pairwise(events)}
    assigned = cluster(events, links)
    assert [assigned[e.id][0] for e in events] == [events[0].id] * 2 + [events[2].id] * 2
    assert assigned[events[1].id][1].startswith(f"joined {events[0].id[:8]} (article day0)")


# -- merged events in the store (both backends) -------------------------------------------------

def stored_state(target: str) -> tuple[list[dict], list[tuple]]:
    """What a reader sees (every merged event's JSON with its mentions) and the merge rows themselves."""
    with open_store(target, read_only=True) as store:
        listed = [e.to_json(with_article=True) for e in store.events(EventFilter(include_negated=True))]
        rows = store.rows("SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources FROM events "
                          "ORDER BY id")
    return listed, rows


def ingest(target: str, *batches: list[Document]) -> None:
    with open_store(target) as store:
        for batch in batches:
            store.add(batch)


def stored_as_one(target: str, first: Document, second: Document) -> tuple[list[str], str]:
    """Store two reports dated "on or before" their day, one ingest each, and return the articles of the one event
    they must make and what `dateline show` says of it (the reason of the join is in the lines)."""
    for doc in (first, second):
        doc.events[0].date_mod = "ON_OR_BEFORE"
    ingest(target, [first], [second])
    with open_store(target, read_only=True) as store:
        (merged,) = store.events()
        return sorted(m.article_id for m in merged.mentions), "\n".join(explain_event(merged))


def test_three_reports_become_one_event_with_every_mention_and_counts(store_target):
    ingest(store_target, [A], [B], [C])
    with open_store(store_target, read_only=True) as store:
        (merged,) = store.events()
        assert merged.id == event_of(B).id  # equally confident facts linked alike: the earliest report speaks
        assert [m.article_id for m in merged.mentions] == ["reuters-1", "kyiv-post", "gazeta"]
        assert [m.source for m in merged.mentions] == ["Reuters", "Kyiv Post", "Gazeta"]
        assert mention_counts(merged) == MentionCounts(mentions=3, articles=3, sources=3)
        assert store.rows("SELECT n_mentions, n_articles, n_sources FROM events WHERE id = merged_id") == [(3, 3, 3)]
        assert merged.mentions[0].joined is None  # the representative's own report
        assert merged.mentions[1].joined.startswith("joined") and "parties" in merged.mentions[1].joined
        assert store.event(event_of(C).id[:10]).id == merged.id  # any report's id shows the merged event


def test_ingesting_in_another_order_gives_the_same_events(store_target, tmp_path, request):
    ingest(store_target, [A, B, C])
    if store_target.startswith("postgresql"):
        other = request.getfixturevalue("postgres_server").new_database()
    else:
        other = str(tmp_path / "other.duckdb")
    ingest(other, [C], [A], [B])
    assert stored_state(other) == stored_state(store_target)


def test_a_new_article_joins_stored_events_and_reingesting_changes_nothing(store_target):
    ingest(store_target, [A])
    before = stored_state(store_target)
    assert before[1][0][4] == 1
    with open_store(store_target) as store:  # published a day earlier: it becomes the merged event's first report
        assert store.add([B]).merged == 1  # its one event is also reported by another article
    after = stored_state(store_target)
    assert len(after[0]) == 1 and after[0][0]["id"] == event_of(B).id
    ingest(store_target, [A, B])
    assert stored_state(store_target) == after


def test_a_background_reference_joins_the_original_event_in_the_store(store_target):
    ingest(store_target, [ORIGINAL], [BACKGROUND])
    with open_store(store_target, read_only=True) as store:
        (merged,) = store.events()
        assert merged.id == event_of(ORIGINAL).id and merged.date == "2017-05-04"
        assert [m.article_id for m in merged.mentions] == ["ap-2017", "trt-2018"]


def test_conflicting_reports_stay_apart_in_the_store(store_target):
    other_day = report("z", "2022-05-20", "Ukraine and Poland signed a grain transit agreement in Kyiv on Thursday.",
                       "signed", date="2022-05-19", location=KYIV)
    ingest(store_target, [A, other_day])
    with open_store(store_target, read_only=True) as store:
        assert len(store.events()) == 2
        assert store.rows("SELECT count(*) FROM event_links") == [(0,)]


def test_show_lists_every_report_and_why_it_was_joined(store_target):
    ingest(store_target, [A, B])
    with open_store(store_target, read_only=True) as store:
        lines = "\n".join(explain_event(store.events()[0]))
    assert "2 mentions of this happening in 2 articles from 2 sources" in lines
    assert "kyiv-post" in lines and "reuters-1" in lines and "joined" in lines


# -- background references the text does not date ------------------------------------------------

BLAST = report("harbour-wire", "2010-04-21", "A blast at the Ocean Star refinery in Port Avel killed 9 workers on "
               "Tuesday, the coast guard said.", "killed", type_="ASSAULT", actors=(), date="2010-04-20",
               recipients=(party("workers", "ZZA", "LAB"),))


def undated(aid: str, published: str, sentence: str, trigger: str) -> Document:
    """A later report that gives its happening no day: dated by its article, as an upper bound (ON_OR_BEFORE)."""
    doc = report(aid, published, sentence, trigger, type_="ASSAULT", actors=(),
                 recipients=(party("workers", "ZZA", "LAB"),))
    event_of(doc).date_mod = "ON_OR_BEFORE"
    return doc


def test_an_undated_retelling_weeks_later_links_to_the_dated_happening_it_tells_again():
    vigil = undated("evening-post", "2010-05-24", "Families of the 9 workers killed in the Ocean Star refinery blast "
                    "held a vigil in Port Avel.", "killed")
    reason = link_reason(event_of(BLAST), event_of(vigil))
    assert reason is not None and "told later as background" in reason
    assert conflict_reason(event_of(BLAST), event_of(vigil)) is None


def test_an_undated_report_weeks_later_that_shares_little_stays_apart_and_one_months_later_conflicts():
    vague = undated("evening-post", "2010-05-24", "Workers were killed when the crane collapsed, a union said.",
                    "killed")
    assert conflict_reason(event_of(BLAST), event_of(vague)) is None  # within the reach: a candidate
    assert link_reason(event_of(BLAST), event_of(vague)) is None  # but a far report needs more than a word in common
    autumn = undated("autumn-post", "2010-09-24", "Families of the 9 workers killed in the Ocean Star refinery blast "
                     "held a vigil in Port Avel.", "killed")
    assert "dates" in (conflict_reason(event_of(BLAST), event_of(autumn)) or "")


def test_an_article_giving_one_event_twice_is_stored_with_it_once(store_target):
    doc = report("twice", "2022-05-03", "Ukraine and Poland signed a grain transit agreement on Monday.", "signed",
                 recipients=(party("Moldova", "MDA"),))
    doc.events.append(Event.from_json(doc.events[0].to_json()))  # same type, sentence and trigger: the same id
    with open_store(store_target) as store:
        added = store.add([doc])
        assert (added.added, added.failed) == (1, [])
        assert store.rows("SELECT count(*) FROM events") == [(1,)]
        assert store.rows("SELECT role, position FROM event_parties ORDER BY role, position") == [
            ("actor", 0), ("actor", 1), ("recipient", 0)]
        assert store.rows("SELECT count(DISTINCT window_key) = count(*) FROM merge_keys") == [(True,)]
