"""An era (a decade, a century) dates an act only as the time of its clause (issue 10, seventeenth session); sentences
written for these tests. The article date is Wednesday 2018-09-19."""

from __future__ import annotations

from dateline.time import tag_timexes
from stage_run import dating


def test_an_era_the_act_deals_with_is_no_date_of_it(make_doc) -> None:
    """"catch up with the 21st century": the century is what the reform is about, not when it happens."""
    text = "The minister said the country must catch up with the 21st century by reforming its courts."
    when = dating(make_doc, text, "reforming")
    assert (when.precision, when.mod) == ("day", "ON_OR_BEFORE")


def test_an_era_in_a_clause_above_is_no_date_of_the_act(make_doc) -> None:
    """"as if it were still the 1950s" is a comparison: the accusation is not of the 1950s."""
    text = "The opposition accused the king of ruling as if it were still the 1950s."
    when = dating(make_doc, text, "accused")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_an_era_named_as_a_thing_lets_the_story_day_carry(make_doc) -> None:
    """The era in the second sentence is no time of its own: Saturday still governs the accusation."""
    text = ("Rebels shelled the port on Saturday. "
            "The governor accused them of dragging the region back into the 19th century.")
    when = dating(make_doc, text, "accused")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_an_era_named_as_a_thing_does_not_become_the_story_time(make_doc) -> None:
    """An era named as a thing between the day and a later sentence does not take the thread over."""
    text = ("Rebels shelled the port on Saturday. "
            "Their leader said they would never return to the 1990s. "
            "The army fired back at the hills.")
    when = dating(make_doc, text, "fired")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_an_era_as_the_time_of_the_clause_still_dates_it(make_doc) -> None:
    """"In the 1960s the army seized power": the decade is when it happened, and no day is invented."""
    when = dating(make_doc, "In the 1960s the army seized power in a coup.", "seized")
    assert (when.value, when.precision, when.mod) == ("196", "decade", None)


def test_an_era_a_state_spans_still_dates_it(make_doc) -> None:
    when = dating(make_doc, "Throughout the 1990s the rebels controlled the northern hills.", "controlled")
    assert (when.value, when.precision) == ("199", "decade")


def test_a_plural_of_digits_before_of_is_a_count(make_doc) -> None:
    """"100s of protesters", "1000s of others" are counts, not the decades 2000-2009 and 1000-1009."""
    doc = tag_timexes(make_doc("Police detained 100s of protesters on Sunday and 1000s of others fled."))
    assert [(t.text, t.value) for t in doc.timexes] == [("Sunday", "2018-09-16")]


def test_a_decade_with_its_article_before_of_stays_a_decade(make_doc) -> None:
    doc = tag_timexes(make_doc("The 1990s of civil war left the country poor."))
    assert [t.value for t in doc.timexes] == ["199"]


def test_an_era_after_through_is_the_time_a_state_spans(make_doc) -> None:
    when = dating(make_doc, "Support for the party kept falling through the nineties.", "falling")
    assert (when.value, when.precision) == ("199", "decade")


def test_the_end_of_an_era_is_read_as_its_part_is(make_doc) -> None:
    """"at the end of the 1980s": the era is the time of the clause through the noun "end"."""
    when = dating(make_doc, "The generals handed power to civilians at the end of the 1980s.", "handed")
    assert when.mod is None and when.value.startswith("198")


def test_a_range_ending_in_an_era_is_the_time_of_the_clause(make_doc) -> None:
    """"in the early to mid-1980s": the era hangs on "to", which hangs on "early", the object of "in"."""
    when = dating(make_doc, "The capital was shaken by bombings in the early to mid-1980s.", "shaken")
    assert (when.value, when.precision) == ("198", "decade")


def test_a_return_to_an_era_is_no_time_of_the_act(make_doc) -> None:
    """"a return to the 1970s" is what the opposition warned of, not when it warned."""
    text = "The opposition on Monday warned of a return to the 1970s. The unions backed the warning."
    assert dating(make_doc, text, "backed").value == "2018-09-17"


def test_a_number_after_of_makes_the_plural_a_count_even_after_the(make_doc) -> None:
    doc = tag_timexes(make_doc("Guards searched the 10s of 1000s of marchers on Friday."))
    assert [t.value for t in doc.timexes] == ["2018-09-14"]
