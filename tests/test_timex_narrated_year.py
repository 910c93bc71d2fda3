"""Days and months without a year that go on with a story told in another year (`time.narrated_year`,
`time.rules._month_alone`; sentences written for these tests)."""

from __future__ import annotations

from dateline.time import tag_timexes

#: A page dated the first days of a year, telling a story of the year before.
PAGE_DAY = "2012-03-02"


def values(make_doc, text: str, date: str = PAGE_DAY) -> dict[str, str]:
    return {t.text: t.value for t in tag_timexes(make_doc(text, date)).timexes}


def test_a_day_without_a_year_continues_the_dated_story_before_it(make_doc) -> None:
    text = ("The ferry has not sailed since March 1, 2011. On March 6, its owners sold the engines. "
            "Nobody objected. On March 20, the crew left the port.")
    found = values(make_doc, text)
    assert found["March 6"] == "2011-03-06"  # not the coming 2012-03-06
    assert found["March 20"] == "2011-03-20"  # carried on from March 6, two sentences on


def test_the_story_year_does_not_make_a_late_writing_day(make_doc) -> None:
    text = "The mill closed on March 1, 2011. On March 9, the workers occupied the yard."
    doc = tag_timexes(make_doc(text, PAGE_DAY))
    assert doc.written is None  # 2012-03-09 would have been read as the day the text was written


def test_a_day_to_come_or_out_of_order_keeps_its_own_year(make_doc) -> None:
    text = ("The mill closed on March 1, 2011. The new owners will reopen it on March 12. "
            "The bridge opened on September 9, 2010. On March 5, the council approved the budget.")
    found = values(make_doc, text)
    assert found["March 12"] == "2012-03-12"  # a clause that looks ahead
    assert found["March 5"] == "2012-03-05"  # before September 9 in 2010's year: another story


def test_a_day_far_from_the_dated_one_keeps_its_own_year(make_doc) -> None:
    text = ("The mill closed on March 1, 2011. Workers protested. Owners argued. Lawyers wrote letters. "
            "On March 1, the council approved the budget.")
    assert values(make_doc, text)["March 1"] == "2012-03-01"


def test_a_dated_month_starts_no_story(make_doc) -> None:
    text = "The pact ended the June 2008 blockade. The rebels cut the road on June 9 and shelled the port."
    assert values(make_doc, text, "2009-06-20")["June 9"] == "2009-06-09"


def test_a_month_of_that_year_is_in_the_year_under_discussion(make_doc) -> None:
    text = ("The epidemic reached the port in 1918. In June of that terrible year, the doctor printed leaflets. "
            "The dam was finished in 1996. In May of the same year, the minister resigned.")
    found = values(make_doc, text, "2009-04-30")
    assert found["June"] == "1918-06"
    assert found["May"] == "1996-05"
