"""The story's day through the discourse (issue 10, seventh session): wire copy's one-sentence paragraphs
continue the story, and a report carried from an earlier report is made that day; on sentences written for
these tests."""

from __future__ import annotations

from dateline.events.dating import Dating, event_dating
from dateline.time import tag_timexes
from stage_run import dating


def last_dating(make_doc, text: str, trigger: str, date: str = "2018-09-19") -> Dating:
    """The dater's answer for the last token spelled `trigger`."""
    doc = tag_timexes(make_doc(text, date))
    return event_dating(doc, max(t.i for t in doc.parsed if t.text == trigger))


def test_the_story_day_carries_across_a_paragraph_break(make_doc) -> None:
    """Wire copy puts each sentence in a paragraph of its own: the break does not end the story thread."""
    text = ("Gunmen stormed a police post in the north on Saturday.\n\n"
            "They seized weapons and fled into the hills.")
    when = dating(make_doc, text, "seized")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_the_story_day_still_stops_after_two_sentences(make_doc) -> None:
    text = ("Gunmen stormed a police post on Saturday.\n\nPolice gave chase.\n\nThe army sent troops.\n\n"
            "The gunmen seized weapons.")
    assert dating(make_doc, text, "seized").mod == "ON_OR_BEFORE"


def test_a_report_carried_from_a_report_is_made_that_day(make_doc) -> None:
    """'... the ministry said on Friday. Five men were deported, the newspaper said.': the second report is
    of the same day, not on or before it; what it reports stays on or before it."""
    text = ("Ten people were arrested in the capital, the ministry said on Friday. "
            "Five men were also deported, the newspaper said.")
    assert last_dating(make_doc, text, "said").date == ("2018-09-14", "day", None)
    assert dating(make_doc, text, "deported").date == ("2018-09-14", "day", "ON_OR_BEFORE")


def test_a_time_on_a_complement_dates_its_past_verb(make_doc) -> None:
    """"declined to comment on Saturday": the declining was on Saturday; the complement has no tense of its own."""
    when = dating(make_doc, "The ministry declined to comment on Saturday.", "declined")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_time_on_a_planned_complement_is_not_the_plan_s(make_doc) -> None:
    """"agreed to meet on Friday": the meeting is on Friday, the agreement is not."""
    assert dating(make_doc, "The rebels agreed to meet the envoy on Friday.", "agreed").mod == "ON_OR_BEFORE"


def test_a_when_clause_gives_its_time_to_the_clause_it_modifies(make_doc) -> None:
    when = dating(make_doc, "Ten migrants drowned when their boat sank off the coast on Sunday.", "drowned")
    assert (when.value, when.mod) == ("2018-09-16", None)


def test_an_after_clause_does_not(make_doc) -> None:
    text = "Police arrested ten men after the boat sank off the coast on Sunday."
    assert dating(make_doc, text, "arrested").mod == "ON_OR_BEFORE"


def test_a_report_made_as_a_time_came_dates_the_report_not_what_it_tells(make_doc) -> None:
    text = "At least 40 people were killed, officials said as dawn broke on Sunday."
    assert dating(make_doc, text, "killed").date == ("2018-09-16", "day", "ON_OR_BEFORE")
    assert dating(make_doc, text, "said").date == ("2018-09-16", "day", None)


def test_a_relative_clause_on_a_dated_happening_takes_its_date(make_doc) -> None:
    """"the 2016 bombing of a market that killed 30": the killing was the bombing's."""
    text = "The man has been sought since the 2016 bombing of a market that killed 30 people."
    assert dating(make_doc, text, "killed").date == ("2016", "year", None)


def test_a_relative_clause_in_the_present_perfect_is_its_own(make_doc) -> None:
    text = "The man has been sought since the 2016 bombing of a market that has since reopened."
    assert dating(make_doc, text, "reopened").mod == "ON_OR_BEFORE"


def test_a_time_on_the_event_noun_dates_it_not_the_report(make_doc) -> None:
    """"reported a second-quarter loss": the loss was in the second quarter, not on or before it."""
    text = "The company reported a second-quarter loss of $35 million."
    assert dating(make_doc, text, "loss").date == ("2018-Q2", "quarter", None)
    assert dating(make_doc, "Police said on Monday they had arrested ten men.", "arrested").mod == "ON_OR_BEFORE"


def test_a_day_right_after_a_verb_of_saying_dates_the_saying(make_doc) -> None:
    """The parser hangs "on Tuesday" of "said on Tuesday they had arrested" on the arrest; it is the report's day."""
    text = "Police said on Tuesday they had arrested 12 people during protests."
    assert dating(make_doc, text, "said").date == ("2018-09-18", "day", None)
    assert dating(make_doc, text, "arrested").date == ("2018-09-18", "day", "ON_OR_BEFORE")


def test_a_time_that_opens_the_sentence_frames_its_main_clause(make_doc) -> None:
    """The parser hangs "on April 8" on the participle and makes "investigators" its subject; the fronted day
    still dates the sentence's main clause."""
    text = ("But on April 9, investigators, wondering how the prisoner could have emerged from the tunnel without "
            "being heard, searched the area once more.")
    parsed = make_doc(text).parsed
    on = next(t for t in parsed if t.lower_ == "on")
    assert on.head.text != "searched"  # the premise: the day hangs elsewhere (`dating_clauses.fronted` is needed)
    assert dating(make_doc, text, "searched").date == ("2018-04-09", "day", None)


def test_what_someone_now_thinks_happened_is_not_the_story_s_day(make_doc) -> None:
    text = ("On Monday, police arrested a man near the border. "
            "Investigators think he buried the rifle and then fled to the hills.")
    assert dating(make_doc, text, "buried").mod == "ON_OR_BEFORE"
    assert dating(make_doc, text, "fled").mod == "ON_OR_BEFORE"


def test_a_day_after_on_is_not_taken_for_the_noun_s_own(make_doc) -> None:
    """"asked the army to respond to the allegations on Wednesday": the day is the asking's, however parsed;
    the allegations were made on or before it."""
    text = "The newspaper asked the army's central command to respond to the allegations on Wednesday."
    assert dating(make_doc, text, "allegations").mod == "ON_OR_BEFORE"
