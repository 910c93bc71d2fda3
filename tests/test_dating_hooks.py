"""A time the parser hangs on the participle after the verb it dates (issue 10, thirteenth session): "was discovered
March 3 buried ..." parsed with the day as the subject of "buried". Sentences written for these tests."""

from __future__ import annotations

from stage_run import dating


def test_a_day_parsed_as_the_subject_of_a_participle_dates_the_verb_before_it(make_doc) -> None:
    when = dating(make_doc, "The man's body was discovered March 3 buried two feet below the sand.", "discovered")
    assert (when.value, when.mod) == ("2018-03-03", None)


def test_a_day_before_a_past_form_on_a_passive_dates_the_passive(make_doc) -> None:
    """"stacked" tagged a finite past verb, a clause on "were discovered" with the day as its subject."""
    when = dating(make_doc, "The weapons were discovered March 3 stacked one metre below the floor.", "discovered")
    assert (when.value, when.mod) == ("2018-03-03", None)


def test_a_holiday_parsed_as_the_subject_of_a_gerund_dates_the_finding(make_doc) -> None:
    when = dating(make_doc, "A swimmer was found New Year's Day clinging to a rock.", "found", date="2019-01-04")
    assert (when.value, when.mod) == ("2019-01-01", None)


def test_the_participle_keeps_the_day_the_parse_gives_it(make_doc) -> None:
    when = dating(make_doc, "The man's body was discovered March 3 buried two feet below the sand.", "buried")
    assert when.value == "2018-03-03"



def test_an_entry_opens_at_the_last_page_stamp_before_an_offset_whatever_the_spans_order() -> None:
    """The stamps are sorted once per list of excluded spans (`_page_stamps`) and sorted again when it grows."""
    import datetime as dt

    from dateline.events.dating_hooks import entry_start
    from dateline.model import Article, Document, ExcludedSpan

    doc = Document(Article("live", dt.date(2011, 2, 1), "x" * 200))
    doc.excluded = [ExcludedSpan("timestamp", 100, 110, "", "update"), ExcludedSpan("caption", 0, 5, "", "photo"),
                    ExcludedSpan("timestamp", 20, 30, "", "update")]
    assert [entry_start(doc, at) for at in (10, 50, 150)] == [0, 20, 100]
    doc.excluded.append(ExcludedSpan("timestamp", 60, 70, "", "update"))
    assert entry_start(doc, 80) == 60
    doc.excluded = [ExcludedSpan("timestamp", 20, 30, "", "update")]  # one stamp: the page is one entry
    assert entry_start(doc, 150) == 0
