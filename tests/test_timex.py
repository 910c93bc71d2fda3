"""The time stage: TIMEX3 values of every form, tense-aware resolution, robustness, offsets."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dateline.time import find_timexes, normalize, tag_timexes
from dateline.time.lexicon import number_value

DCT = dt.date(2018, 9, 19)  # a Wednesday
SEED = Path(__file__).parent / "data" / "seed.txt"


def value(text: str, tense: str | None = "past", dct: dt.date = DCT) -> tuple[str, str] | None:
    found = normalize(text, dct, tense)
    return (found.type, found.value) if found else None


@pytest.mark.parametrize(("text", "expected"), [
    # day granularity: relative and explicit, in the common news formats
    ("Monday", ("DATE", "2018-09-17")),
    ("yesterday", ("DATE", "2018-09-18")),
    ("two days ago", ("DATE", "2018-09-17")),
    ("Sept. 17, 2018", ("DATE", "2018-09-17")),
    ("September 17", ("DATE", "2018-09-17")),
    ("17 September 2018", ("DATE", "2018-09-17")),
    ("the 17th of September", ("DATE", "2018-09-17")),
    ("2018-09-17", ("DATE", "2018-09-17")),
    ("9/17/2018", ("DATE", "2018-09-17")),
    ("17/09/2018", ("DATE", "2018-09-17")),
    ("Monday, Sept. 17", ("DATE", "2018-09-17")),
    ("Christmas", ("DATE", "2017-12-25")),
    # week, month, season, quarter, half, year, decade, century
    ("this week", ("DATE", "2018-W38")),
    ("last week", ("DATE", "2018-W37")),
    ("the weekend", ("DATE", "2018-W37-WE")),
    ("last month", ("DATE", "2018-08")),
    ("June", ("DATE", "2018-06")),
    ("July last year", ("DATE", "2017-07")),
    ("September 2017", ("DATE", "2017-09")),
    ("this summer", ("DATE", "2018-SU")),
    ("last winter", ("DATE", "2018-WI")),  # Dec 2017 - Feb 2018, named by its January
    ("the third quarter", ("DATE", "2018-Q3")),
    ("Q1 2019", ("DATE", "2019-Q1")),
    ("the first half of 2018", ("DATE", "2018-H1")),
    ("last year", ("DATE", "2017")),
    ("fiscal 2016", ("DATE", "2016")),
    ("a year ago", ("DATE", "2017")),
    ("the 2010s", ("DATE", "201")),
    ("the '90s", ("DATE", "199")),
    ("this decade", ("DATE", "201")),
    ("the 20th century", ("DATE", "19")),
    # parts of day and clock times
    ("Sunday evening", ("TIME", "2018-09-16TEV")),
    ("last night", ("TIME", "2018-09-18TNI")),
    ("this morning", ("TIME", "2018-09-19TMO")),
    ("10:35 a.m.", ("TIME", "2018-09-19T10:35")),
    ("5 p.m. EST Tuesday", ("TIME", "2018-09-18T17:00")),
    # fuzzy references
    ("recently", ("DATE", "PAST_REF")),
    ("now", ("DATE", "PRESENT_REF")),
    ("the foreseeable future", ("DATE", "FUTURE_REF")),
    # durations
    ("three months", ("DURATION", "P3M")),
    ("the past two years", ("DURATION", "P2Y")),
    ("the past few months", ("DURATION", "PXM")),
    ("48 hours", ("DURATION", "PT48H")),
    ("a 10-year", ("DURATION", "P10Y")),
    ("two decades", ("DURATION", "P20Y")),
    # sets
    ("every week", ("SET", "P1W")),
    ("daily", ("SET", "P1D")),
    ("each Thursday", ("SET", "XXXX-WXX-4")),
])
def test_value_forms(text: str, expected: tuple[str, str]) -> None:
    assert value(text) == expected


def test_set_carries_quant_and_freq() -> None:
    every = normalize("every week", DCT)
    assert (every.value, every.quant) == ("P1W", "EVERY")
    twice = normalize("twice a year", DCT)
    assert (twice.type, twice.value, twice.freq) == ("SET", "P1Y", "2X")


def test_modifiers_set_mod() -> None:
    assert normalize("earlier this month", DCT).mod == "START"
    assert normalize("late November", DCT, "past").mod == "END"
    about = normalize("about three months", DCT)
    assert (about.value, about.mod, about.text) == ("P3M", "APPROX", "about three months")
    assert normalize("more than two years", DCT).mod == "MORE_THAN"


def test_tense_sets_direction_of_weekdays_and_months() -> None:
    assert value("Monday", "future") == ("DATE", "2018-09-24")
    assert value("Friday", "past") == ("DATE", "2018-09-14")
    assert value("Friday", "future") == ("DATE", "2018-09-21")
    assert value("Wednesday", None) == ("DATE", "2018-09-19")  # the article's own day
    assert value("March", "future") == ("DATE", "2019-03")
    assert value("March", "past") == ("DATE", "2018-03")
    assert value("next Monday") == ("DATE", "2018-09-24")
    assert value("last Wednesday") == ("DATE", "2018-09-12")


def test_clause_tense_read_from_the_parse(make_doc) -> None:
    past = tag_timexes(make_doc("The two leaders met on Monday in Sochi."))
    future = tag_timexes(make_doc("The two leaders will meet on Monday in Sochi."))
    assert [t.value for t in past.timexes] == ["2018-09-17"]
    assert [t.value for t in future.timexes] == ["2018-09-24"]


def test_dates_near_the_dateline_need_no_tense() -> None:
    # written on Nov 2, "postponed until Nov. 10" is this Nov. 10 even in a past clause
    assert value("Nov. 10", "past", dt.date(1989, 11, 2)) == ("DATE", "1989-11-10")
    assert value("Nov. 25", None, dt.date(2000, 1, 15)) == ("DATE", "1999-11-25")


def test_two_digit_years_resolve_near_the_dateline() -> None:
    assert value("'98") == ("DATE", "1998")
    assert value("'21") == ("DATE", "2021")
    assert value("17/09/18") == ("DATE", "2018-09-17")
    assert value("3/4/97") == ("DATE", "1997-03-04")


@pytest.mark.parametrize("text", ["February 30", "the year 20018", "Feb. 31, 2018", "13/13/2018"])
def test_impossible_dates_are_skipped(text: str) -> None:
    assert normalize(text, DCT) is None


def test_february_29_only_in_leap_years() -> None:
    assert value("February 29, 2016") == ("DATE", "2016-02-29")
    assert normalize("February 29, 2018", DCT) is None


def test_words_that_only_look_like_dates(make_doc) -> None:
    doc = tag_timexes(make_doc("You may march on, but 2000 people and a 6-year-old boy stayed."))
    assert doc.timexes == []


def test_reference_time_for_earlier_and_year_ago() -> None:
    text = "Profit rose in the third quarter. A year earlier, it fell. In the year-ago quarter too."
    doc_values = [t.value for t in _tag_plain(text, dt.date(1989, 10, 26))]
    assert doc_values == ["1989-Q3", "1988-Q3", "1988-Q3"]


def _tag_plain(text: str, dct: dt.date) -> list:
    return find_timexes(text, dct)


def test_offsets_and_tokens_point_into_the_text(make_doc) -> None:
    text = "Turkey and Russia on Monday agreed to a deal signed last year."
    doc = tag_timexes(make_doc(text))
    assert [(t.text, t.value) for t in doc.timexes] == [("Monday", "2018-09-17"), ("last year", "2017")]
    for timex in doc.timexes:
        assert text[timex.start:timex.end] == timex.text
        assert doc.parsed[timex.token_start:timex.token_end].text == timex.text


def test_json_form_follows_the_contract(make_doc) -> None:
    doc = tag_timexes(make_doc("Talks resumed every week."))
    assert doc.to_json()["timexes"] == [
        {"text": "every week", "start": 14, "end": 24, "type": "SET", "value": "P1W", "quant": "EVERY"}]


def test_seed_article_monday_and_last_year(make_doc) -> None:
    raw = SEED.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s+", raw)
    doc = tag_timexes(make_doc(raw[header.end():], header.group(1)))
    values = {t.text: t.value for t in doc.timexes}
    assert values["Monday"] == "2018-09-17"
    assert values["last year"] == "2017"
    assert values["the past few months"] == "PXM"


def test_normalize_returns_none_for_plain_words() -> None:
    assert normalize("the offensive on the province", DCT) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("1300 GMT", ("TIME", "2018-09-19T13:00")),
    ("14:30 GMT", ("TIME", "2018-09-19T14:30")),
    ("nineteen ninety-six", ("DATE", "1996")),
    ("the year two thousand", ("DATE", "2000")),
    ("mid-afternoon yesterday", ("TIME", "2018-09-18TAF")),
    ("Three decades later", ("DURATION", "P30Y")),  # later than what? only the length is known
    ("recent years", ("DURATION", "PXY")),  # like "the past few years"
    ("125,000 years ago", ("DURATION", "P125000Y")),  # no calendar date that far back: no crash
])
def test_more_forms(text: str, expected: tuple[str, str] | None) -> None:
    assert value(text) == expected


def test_following_year_is_read_off_the_reference() -> None:
    values = [t.value for t in _tag_plain("The war began in 1995. The following year it spread.",
                                          dt.date(2018, 9, 19))]
    assert values == ["1995", "1996"]


def test_clock_time_takes_the_day_under_discussion() -> None:
    values = [t.value for t in _tag_plain("The bomb went off on Aug. 7 at about 10:35 a.m.",
                                          dt.date(1998, 8, 8))]
    assert values == ["1998-08-07", "1998-08-07T10:35"]


def test_that_year_is_the_year_under_discussion() -> None:
    values = [t.value for t in find_timexes("The plant opened in March 1995. That year it lost money.",
                                            dt.date(2018, 9, 19))]
    assert values == ["1995-03", "1995"]


def test_a_time_after_after_or_since_does_not_change_the_time_under_discussion(make_doc) -> None:
    text = ("The company posted a 20% gain in third-quarter profit. After a weak second quarter, it credited "
            "its paper business. In the 1989 period, costs were lower than a year ago.")
    values = [t.value for t in tag_timexes(make_doc(text, "1989-11-01")).timexes]
    assert values == ["1989-Q3", "1989-Q2", "1989-Q3", "1988-Q3"]


def test_a_hyphenated_day_range_names_both_days() -> None:
    """A short report's "On the night of 3-4 March 2021" is two days, not the month."""
    found = find_timexes("On the night of 3-4 March 2021, gunmen attacked a village.", DCT)
    assert [(t.text, t.value) for t in found] == [("3", "2021-03-03"), ("4 March 2021", "2021-03-04")]
    assert [t.value for t in find_timexes("Output rose in 1998-99 and in 2000.", DCT)] == ["1998", "2000"]


def test_anaphoric_days_and_edges_of_periods() -> None:
    found = find_timexes("The plant closed on Oct. 12, 2017. The next day it reopened.", DCT)
    assert [t.value for t in found] == ["2017-10-12", "2017-10-13"]
    end = normalize("by the end of the year", DCT)
    assert (end.text, end.value, end.mod) == ("the end of the year", "2018", "END")
    assert (normalize("at year-end", DCT).value, normalize("at year-end", DCT).mod) == ("2018", "END")


def test_half_years_need_their_year() -> None:
    assert value("the second half of last year") == ("DATE", "2017-H2")
    assert normalize("he scored in the first half", DCT) is None


def test_financial_year_ended_is_a_duration() -> None:
    found = find_timexes("Net income for the year ended Sept. 30, 2017 rose.", DCT)
    assert [(t.text, t.value) for t in found] == [("the year", "P1Y"), ("Sept. 30, 2017", "2017-09-30")]


@pytest.mark.parametrize("text", [
    "They joined the annual March for Life.", "He was in his 30s then.",
    "She told ABC's This Week and 60 Minutes.",
])
def test_names_and_ages_are_not_dates(text: str) -> None:
    assert [t.text for t in find_timexes(text, DCT) if t.type != "DATE" or t.value[:1].isdigit()] == []


def test_year_before_a_plural_noun_after_a_determiner(make_doc) -> None:
    doc = tag_timexes(make_doc("Turnout in the 2014 elections was low, and fiscal 1989 sales fell."))
    assert [t.value for t in doc.timexes] == ["2014", "1989"]
    assert tag_timexes(make_doc("He won the seat by 2000 votes.")).timexes == []


# --- tense cues beyond the verb's own tense --------------------------------------------

def _parsed_values(make_doc, text: str, date: str = "2018-09-19") -> list[str]:
    return [t.value for t in tag_timexes(make_doc(text, date)).timexes]


@pytest.mark.parametrize(("text", "expected"), [
    # a word on the way to the verb sets a time to come, whatever the tense
    ("Oneida declared a stock dividend, payable Dec. 15.", ["2018-12-15"]),
    ("The attorney has scheduled a news conference Thursday.", ["2018-09-20"]),
    ("Officials extended the deadline until 9 a.m. Tuesday.", ["2018-09-25T09:00"]),
    ("The company is to resume trading in Paris Tuesday.", ["2018-09-25"]),
    # a pluperfect plan is over: "had been due to expire Friday" is last Friday
    ("The offer had been due to expire Friday evening.", ["2018-09-14TEV"]),
    # a weekday that only modifies a noun takes no tense from the verb
    ("The move follows Tuesday's declaration by Ford.", ["2018-09-18"]),
    ("Relatives said they would try to get around Wednesday's ruling.", ["2018-09-19"]),
    # "hurt" in the present form is as likely past: no forward reading
    ("Weak chip stocks hurt the index on Friday.", ["2018-09-14"]),
])
def test_tense_cues_on_the_path_to_the_verb(make_doc, text: str, expected: list[str]) -> None:
    assert _parsed_values(make_doc, text) == expected


# --- reporting periods: quarters, "the year" --------------------------------------------

def test_quarter_without_year_follows_a_past_tense(make_doc) -> None:
    past = _parsed_values(make_doc, "Delta's earnings soared in the fiscal first quarter.", "1989-10-26")
    assert past == ["1989-Q1"]
    assert value("the first quarter", None, dt.date(1989, 10, 26)) == ("DATE", "1990-Q1")


def test_periods_refer_back_to_the_quarter_under_discussion() -> None:
    text = ("Net rose in the third quarter ended Sept. 30. A year earlier it fell. "
            "Sales in the latest period were flat, against the corresponding period last year. "
            "In the 1988 period, it lost money.")
    found = [(t.text, t.value) for t in find_timexes(text, dt.date(1989, 10, 26))]
    assert found == [("the third quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"),
                     ("A year earlier", "1988-Q3"), ("the latest period", "1989-Q3"),
                     ("the corresponding period last year", "1988-Q3"), ("the 1988 period", "1988-Q3")]


def test_period_with_a_year_and_no_quarter_in_discussion_is_the_year() -> None:
    assert value("the 1988 period", None, dt.date(1989, 10, 26)) == ("DATE", "1988")


def test_latest_quarter_is_one_already_ended() -> None:
    text = "It expects a fourth-quarter charge. In the latest quarter, profit fell."
    assert [t.value for t in find_timexes(text, dt.date(1989, 11, 2))] == ["1989-Q4", "1989-Q3"]


def test_current_quarter_and_quarter_to_quarter() -> None:
    assert value("the current quarter", None, dt.date(1989, 10, 26)) == ("DATE", "1989-Q4")
    assert find_timexes("The quarter-to-quarter comparison improved.", DCT) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Revenue for the full year reached $3.2 billion.", [("the full year", "2018")]),
    ("For the year, volume was flat.", [("the year", "2018")]),
    ("It lowered earnings for the fiscal year.", [("the fiscal year", "2018")]),
    ("Sales fell from $450 million the year before.", []),
])
def test_the_year_is_the_articles_year(text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, DCT)] == expected


# --- durations with halves, holidays, sets, present references --------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("5 1/2 hours", ("DURATION", "PT5H30M")),
    ("2 1/2 years", ("DURATION", "P2Y6M")),
    ("two and a half years", ("DURATION", "P2Y6M")),
    ("a minute and a half", ("DURATION", "PT1M30S")),
    ("a decade and a half", ("DURATION", "P15Y")),
    ("the 20th century", ("DATE", "19")),
    ("11th century", ("DATE", "10")),
    ("Election Day", ("DATE", "2018-11-06")),
    ("each July", ("SET", "XXXX-07")),
    ("Mondays", ("SET", "XXXX-WXX-1")),
    ("Tuesday nights", ("SET", "XXXX-WXX-2TNI")),
])
def test_half_durations_holidays_and_recurring_days(text: str, expected: tuple[str, str]) -> None:
    assert value(text, "future") == expected


def test_current_is_the_present_only_as_an_adjective(make_doc) -> None:
    assert _parsed_values(make_doc, "He called current market conditions highly competitive.") == ["PRESENT_REF"]
    assert _parsed_values(make_doc, "Holders may buy shares at the then current market price.") == ["PAST_REF"]
    assert _parsed_values(make_doc, "The current account deficit widened.") == []


def test_high_noon_is_not_a_clock_time() -> None:
    assert find_timexes("The poster showed Gary Cooper in High Noon.", DCT) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("a day-long strike", ("DURATION", "P1D")),
    ("a weeklong visit", ("DURATION", "P1W")),
    ("a decades-long conflict", ("DURATION", "PXY")),
    ("eight trading days", ("DURATION", "P8D")),
    ("into the early summer", ("DATE", "2018-SU")),
    ("by year's end", ("DATE", "2018")),
    ("at this crucial moment", ("DATE", "PRESENT_REF")),
    ("the first two quarters of 2019", ("DATE", "2019-H1")),
    ("Easter week", ("DATE", "2018-W13")),
])
def test_adjectival_durations_edges_and_named_weeks(text: str, expected: tuple[str, str]) -> None:
    assert value(text) == expected


def test_edges_of_seasons_set_mod() -> None:
    late = normalize("in late fall", DCT, "past")
    assert (late.text, late.value, late.mod) == ("late fall", "2018-FA", "END")
    assert normalize("prices fall sharply", DCT) is None


def test_a_quarter_of_something_is_a_fraction() -> None:
    assert find_timexes("Funds hold more than a quarter of the market.", DCT) == []
    assert value("several quarters of losses") == ("DURATION", "PXQ")


def test_sentence_initial_now_with_a_comma_is_a_discourse_marker() -> None:
    assert find_timexes("Sales fell. Now, he says, it looks bad.", DCT) == []
    assert [t.value for t in find_timexes("Iraq now controls the port.", DCT)] == ["PRESENT_REF"]


def test_holiday_close_to_the_article_is_the_nearest_one() -> None:
    # written on Monday 2000-04-17, "Easter" is the coming Sunday whatever the tense
    assert value("Easter", "past", dt.date(2000, 4, 17)) == ("DATE", "2000-04-23")
    assert value("Christmas", "past", dt.date(2000, 4, 17)) == ("DATE", "1999-12-25")


def test_previous_weekday_is_before_the_day_under_discussion() -> None:
    text = "London stocks fell on Friday, down 4.5% from the previous Friday."
    found = [t.value for t in find_timexes(text, dt.date(1989, 10, 30), tense="past")]
    assert found == ["1989-10-27", "1989-10-20"]


def test_could_not_be_reached_looks_back(make_doc) -> None:
    assert _parsed_values(make_doc, "He could not be reached Tuesday.") == ["2018-09-18"]
    assert _parsed_values(make_doc, "The vote could come Tuesday.") == ["2018-09-25"]


def test_a_span_of_months_makes_the_year_the_reference() -> None:
    text = ("Net rose in the third quarter, up from $4 million a year earlier. "
            "For the nine months, net was $9 million, against $7 million a year earlier.")
    found = [(t.text, t.value) for t in find_timexes(text, dt.date(1989, 10, 26))]
    assert found == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
                     ("the nine months", "P9M"), ("a year earlier", "1988")]


def test_the_week_of_a_date_and_the_weeks_ahead() -> None:
    assert value("the week of March 6", "future", dt.date(2000, 2, 24)) == ("DATE", "2000-W10")
    assert value("in the weeks ahead", "future") == ("DURATION", "PXW")
    assert normalize("the week of Feb. 30", DCT) is None


def test_vague_count_later_is_a_length() -> None:
    assert value("A few days later") == ("DURATION", "PXD")
    assert value("a few years ago") == ("DATE", "PAST_REF")


def test_a_noun_modifier_looks_ahead_only_when_the_clause_does(make_doc) -> None:
    assert _parsed_values(make_doc, "Parties campaigned ahead of Sunday's election.") == ["2018-09-23"]
    assert _parsed_values(make_doc, "Voters will turn out in Sunday's election.") == ["2018-09-23"]
    assert _parsed_values(make_doc, "Critics attacked Sunday's speech.") == ["2018-09-16"]


def test_the_year_follows_a_day_under_discussion_and_skips_titles() -> None:
    found = find_timexes("The plant opened in March 2015. Later in the year it closed.", DCT)
    assert [(t.text, t.value) for t in found] == [("March 2015", "2015-03"), ("the year", "2015")]
    assert find_timexes("She was named Player of the Year.", DCT) == []


def test_latest_period_of_something_is_not_a_quarter() -> None:
    assert find_timexes("It is the latest period of unrest.", DCT) == []


def _spans(text: str, dct: dt.date = DCT, tense: str | None = "past") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, dct, None, tense)]


def test_a_bare_day_borrows_the_month_of_the_date_beside_it() -> None:
    assert _spans("The summit met on Oct. 4 and 5 in Paris.") == [("Oct. 4", "2018-10-04"), ("5", "2018-10-05")]
    assert _spans("Talks ran from 3 to 6 August.") == [("3", "2018-08-03"), ("6 August", "2018-08-06")]
    # the year written after the second day is the first day's too
    assert _spans("They met on June 14 and 15, 2016.") == [
        ("June 14", "2016-06-14"), ("15", "2016-06-15"), ("2016", "2016")]


def test_a_number_after_a_date_that_counts_something_is_no_day() -> None:
    assert _spans("On Sept. 4 and 5 soldiers were hurt.") == [("Sept. 4", "2018-09-04")]
    assert _spans("Prices rose on Sept. 4 and 12 percent on Friday.")[0] == ("Sept. 4", "2018-09-04")
    assert _spans("On Sept. 14 and 3 others") == [("Sept. 14", "2018-09-14")]


def test_an_hour_in_a_part_of_the_day_is_a_clock_time() -> None:
    assert value("at 4 in the morning") == ("TIME", "2018-09-19T04:00")
    assert value("at 3 in the afternoon") == ("TIME", "2018-09-19T15:00")
    assert value("at 10 o'clock at night") == ("TIME", "2018-09-19T22:00")
    assert value("at 2 at night") == ("TIME", "2018-09-19T02:00")


def test_a_part_of_the_day_naming_a_noun_is_no_clock_time(make_doc) -> None:
    assert _parsed_values(make_doc, "Rebels killed 4 in the morning raid.") == []


def test_or_so_hedges_an_offset_without_changing_it() -> None:
    found = normalize("a week or so ago", dt.date(1991, 2, 25), "past")
    assert (found.text, found.value, found.mod) == ("a week or so ago", "1991-W08", "APPROX")


def test_a_day_earlier_in_a_past_clause_is_not_counted_from_a_planned_day(make_doc) -> None:
    doc = tag_timexes(make_doc("Protests will be held on Thursday. A day earlier, the president freed a journalist.",
                               "2011-02-02"))
    values = {t.text: t.value for t in doc.timexes}
    assert values["Thursday"] == "2011-02-03"
    assert values["A day earlier"] == "2011-02-01"


def test_a_day_a_plan_stands_for_now_lies_ahead(make_doc) -> None:
    assert _parsed_values(make_doc, "Protests are planned for Thursday.", "2011-02-02") == ["2011-02-03"]
    assert _parsed_values(make_doc, "The vote is set for Monday.", "2011-02-02") == ["2011-02-07"]


def test_a_year_before_a_plural_noun_is_a_year_when_the_recogniser_says_so(make_doc) -> None:
    """The entity recogniser, not the bare number's place before a plural noun, tells a year from a count."""
    assert [t.value for t in tag_timexes(make_doc("The forecast is based on 2016 shipments.")).timexes] == ["2016"]
    assert [t.value for t in tag_timexes(make_doc("Analysts expect 2019 earnings to rise.")).timexes] == ["2019"]


def test_an_approximate_count_is_no_year(make_doc) -> None:
    doc = tag_timexes(make_doc("Some 2000 protesters marched on Friday.", "2018-03-10"))
    assert [t.value for t in doc.timexes] == ["2018-03-09"]


@pytest.mark.parametrize("text", [
    "In the years that followed, the rebels held the hills.", "Over the years the town has grown.",
    "Fewer patients survive in the early years of the disease.",
])
def test_the_years_after_a_preposition_of_time_is_a_length(text: str) -> None:
    assert [(t.type, t.value) for t in find_timexes(text, DCT)] == [("DURATION", "PXY")]


def test_the_years_before_a_number_leave_the_years_to_the_numbers() -> None:
    assert [t.value for t in find_timexes("Prices rose in the years 1990 to 1995.", DCT)] == ["1990", "1995"]


def test_a_year_before_a_singular_noun_stays_a_year_and_a_measure_is_none(make_doc) -> None:
    """The recogniser's cardinal is trusted only before a plural noun; a measure with its unit is never a year."""
    assert [t.value for t in tag_timexes(make_doc("He vanished in a 2015 police sweep.")).timexes] == ["2015"]
    assert tag_timexes(make_doc("The plant has a 1000 ton capacity.")).timexes == []


def test_a_number_phrase_is_read_in_decimal_digits_of_any_script() -> None:
    # "²" passes `str.isdigit` but `int` refuses it; "٣" (Arabic-Indic three) is another script's decimal digit,
    # which the patterns' `\d` lets through and `int` reads: its count is read as in ASCII digits
    assert [number_value(t) for t in ("14", "²", "٣")] == [14, None, 3]
    assert value("٣ days ago") == value("3 days ago")
