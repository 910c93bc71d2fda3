"""One sentence printed again on other days (a page's list of stories, a headline over a wire copy): its copies are
compared whatever dates their pages gave them (`merge.rules.copied`, `store.rows.copy_key`), and an old store's
copies are merged by its upgrade (schema 12), on both backends."""

from __future__ import annotations

from dateline.merge import conflict_reason, link_reason
from dateline.merge.text import sentence_fingerprint
from dateline.store import open_store
from dateline.store.rows import EVENT_COLUMNS, event_row
from dateline.store.schema import SCHEMA_VERSION
from pg import raw_sql
from test_merge import event_of, ingest, party, report, stored_state

RAID = "Security forces raided the offices of the Al-Fajr newspaper on Friday and detained two of its editors."


def raid(aid: str, published: str, friday: str, sentence: str = RAID):
    """The raid as a page of `published` prints it, its "Friday" read as the Friday before that page."""
    return report(aid, published, sentence, "raided", type_="COERCE", actors=(party("Security forces", None),),
                  recipients=(party("editors", None, "MED"),), date=friday)


FIRST = raid("city-desk", "2011-02-05", "2011-02-04")
LISTED = raid("story-list", "2011-02-22", "2011-02-18")  # the same headline in a list of stories, 17 days on


def test_one_sentence_is_one_fingerprint_however_tokenised_and_another_day_is_another():
    assert sentence_fingerprint(RAID) == sentence_fingerprint(RAID.replace("Al-Fajr", "Al - Fajr").upper())
    assert sentence_fingerprint(RAID) != sentence_fingerprint(RAID.replace("Friday", "Monday"))
    assert sentence_fingerprint("Police raided Al-Fajr on Friday.") is None  # three content words: too common


def test_a_copy_dated_by_its_page_does_not_conflict_on_dates_and_says_so():
    assert conflict_reason(event_of(FIRST), event_of(LISTED)) is None
    reworded = raid("other", "2011-02-22", "2011-02-18", RAID.replace("detained two", "arrested three"))
    assert "dates" in (conflict_reason(event_of(FIRST), event_of(reworded)) or "")
    why = link_reason(event_of(FIRST), event_of(LISTED))
    assert why is not None and "printed again" in why


def test_a_copy_weeks_later_joins_its_first_printing_in_the_store(store_target):
    ingest(store_target, [FIRST], [LISTED])
    with open_store(store_target, read_only=True) as store:
        (merged,) = store.events()
        assert [m.article_id for m in merged.mentions] == ["city-desk", "story-list"]


def test_a_copy_too_short_or_too_long_after_stays_apart(store_target):
    short_first, short_again = (report(aid, published, "Police shut Al-Nour on Friday.", "shut", type_="COERCE",
                                       date=friday)
                                for aid, published, friday in (("a", "2011-02-05", "2011-02-04"),
                                                               ("b", "2011-02-22", "2011-02-18")))
    two_months_on = raid("archive", "2011-04-09", "2011-04-08")
    ingest(store_target, [FIRST, short_first], [short_again], [two_months_on])
    with open_store(store_target, read_only=True) as store:
        assert len(store.events()) == 4
        assert store.rows("SELECT count(*) FROM event_links") == [(0,)]


def _as_schema_11(target: str, docs) -> None:
    """Make a store look as schema 11 left it: no fingerprint rows, so copies dated weeks apart never met."""
    unmerged = []
    for doc in docs:
        for ev in doc.events:
            row = dict(zip(EVENT_COLUMNS, event_row(ev, doc.article), strict=True))
            unmerged.append(f"UPDATE events SET merged_id = id, merge_reason = NULL, n_mentions = 1, n_articles = 1, "
                            f"n_sources = 1, listing_key = '{row['listing_key']}', listing_day = {row['listing_day']} "
                            f"WHERE id = '{ev.id}'")
    raw_sql(target, "; ".join(["DELETE FROM merge_keys WHERE window_key LIKE '%=%'", "DELETE FROM event_links",
                               *unmerged, f"UPDATE schema_version SET version = 11 WHERE version = {SCHEMA_VERSION}"]))


def test_a_schema_11_store_gets_its_copies_merged_like_a_new_store(store_target, tmp_path, request):
    fresh = (request.getfixturevalue("postgres_server").new_database() if store_target.startswith("postgresql")
             else str(tmp_path / "fresh.duckdb"))
    for target in (store_target, fresh):
        ingest(target, [FIRST], [LISTED])
    _as_schema_11(store_target, [FIRST, LISTED])
    assert raw_sql(store_target, "SELECT count(DISTINCT merged_id) FROM events") == [(2,)]
    with open_store(store_target) as store:
        assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    state = ("SELECT event_id, window_key, lo, hi FROM merge_keys ORDER BY event_id, window_key",
             "SELECT a, b, reason FROM event_links", "SELECT id, listing_key, listing_day FROM events ORDER BY id")
    with open_store(store_target, read_only=True) as old, open_store(fresh, read_only=True) as new:
        assert [old.rows(sql) for sql in state] == [new.rows(sql) for sql in state]
    assert stored_state(store_target) == stored_state(fresh)
    assert len(stored_state(fresh)[0]) == 1
