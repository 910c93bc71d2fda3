"""Event dates from the rest of the article: the same happening named again with its day, a duration that
only says how long an event lasted, and a time on a phrase that holds the trigger."""

from __future__ import annotations

import datetime as dt

from dateline.events.dating import Dating, event_dating
from dateline.time import find_timexes, tag_timexes


def dated_in(make_doc, text: str, sentence: int, trigger: str, date: str = "2018-04-02") -> Dating:
    """The dater's answer for the word `trigger` in sentence number `sentence` (from 0)."""
    doc = tag_timexes(make_doc(text, date))
    sent = list(doc.parsed.sents)[sentence]
    return event_dating(doc, next(t.i for t in sent if t.text == trigger))


STORY = ("Two men were found unconscious on a bench in Leeds on March 4 after a chlorine attack. "
         "Police closed the park and a restaurant nearby. "
         "The attack left both men in a critical condition.")


def test_the_same_happening_named_again_takes_its_day(make_doc) -> None:
    got = dated_in(make_doc, STORY, 2, "attack")
    assert got.date == ("2018-03-04", "day", None)
    assert "same happening" in got.basis and "March 4" in got.basis


def test_a_lede_takes_the_day_a_later_sentence_gives_the_same_comments(make_doc) -> None:
    text = ("The ministry rejected comments by the preacher suggesting that the flood was a punishment. "
            "Officials called them cruel. "
            "The preacher made the comments on Wednesday on his radio show.")
    assert dated_in(make_doc, text, 0, "suggesting", "2010-01-15").date == ("2010-01-13", "day", None)


def test_another_happening_of_the_kind_is_not_the_one_named(make_doc) -> None:
    text = STORY + " Another attack hit the city's station."
    assert dated_in(make_doc, text, 3, "attack").mod == "ON_OR_BEFORE"


def test_a_noun_dated_with_two_different_days_is_left_alone(make_doc) -> None:
    text = ("Protesters marched on Monday in a rally in the capital. "
            "On Friday they held a rally in the port. "
            "Police arrested dozens. Officials met the unions. Shops opened again. "
            "The rally drew thousands of people.")  # too far from Friday for the story's day to carry
    assert dated_in(make_doc, text, 5, "rally").mod == "ON_OR_BEFORE"


def test_a_duration_on_the_event_noun_does_not_leave_it_undated(make_doc) -> None:
    text = "In October 1989, following a month-long trial, the jury acquitted him."
    assert dated_in(make_doc, text, 0, "trial").date == ("1989-10", "month", None)


def test_bare_following_is_a_preposition_and_long_belongs_to_the_duration() -> None:
    found = [(t.text, t.value) for t in find_timexes("Following a month-long trial and a two-month-long "
                                                      "strike, the following two weeks were calm.",
                                                      dt.date(2018, 4, 2))]
    assert found == [("a month-long", "P1M"), ("two-month-long", "P2M"), ("the following two weeks", "P2W")]


def test_a_time_on_a_phrase_holding_the_trigger_beats_one_on_the_subject(make_doc) -> None:
    text = ("The police's conduct Friday was in stark contrast to their handling of the first day of "
            "protests Tuesday in the capital, the reporter said.")
    assert dated_in(make_doc, text, 0, "protests", "2011-01-29").date == ("2011-01-25", "day", None)


def test_a_verb_takes_the_day_of_the_definite_noun_of_its_act(make_doc) -> None:
    text = ("Police arrested ten protesters in the capital. Officials defended the operation. "
            "The arrests on Sunday drew criticism from rights groups.")
    assert dated_in(make_doc, text, 0, "arrested", "2021-03-17").date == ("2021-03-14", "day", None)


def test_a_verb_is_not_the_act_of_an_indefinite_noun(make_doc) -> None:
    text = ("Police arrested ten protesters in the capital. Officials defended the operation. "
            "An arrest on Sunday of a journalist drew criticism from rights groups.")
    assert dated_in(make_doc, text, 0, "arrested", "2021-03-17").mod == "ON_OR_BEFORE"


def test_a_day_carried_from_a_report_bounds_the_act_told_in_it(make_doc) -> None:
    text = '"We captured the base," the commander said on Tuesday. "Our fighters killed ten soldiers."'
    got = dated_in(make_doc, text, 1, "killed", "2021-03-17")
    assert got.date == ("2021-03-16", "day", "ON_OR_BEFORE")
    assert "as reported that day" in got.basis


def test_a_short_reports_reduced_passive_continues_the_story_day(make_doc) -> None:
    text = "On 3 March 2021, militants ambushed a patrol near Gao. Two soldiers killed and three injured."
    assert dated_in(make_doc, text, 1, "killed", "2021-03-17").date == ("2021-03-03", "day", None)
    assert dated_in(make_doc, text, 1, "injured", "2021-03-17").date == ("2021-03-03", "day", None)
