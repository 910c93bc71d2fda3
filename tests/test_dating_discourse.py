"""The story's day through the discourse, eleventh session (issue 10): clauses with no tense of their own
continue the thread as the verb they hang on does; on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.dating_clauses import past_tense
from stage_run import candidates, dating, event_at


def test_a_participle_adjunct_continues_the_story_as_its_verb_does(make_doc) -> None:
    """"..., calling it a new start": the participle has no tense; its past main clause continues Saturday's story."""
    text = ("The two envoys signed the accord in Geneva on Saturday. "
            "The mediator welcomed the text, calling it a new start for the region.")
    when = dating(make_doc, text, "calling")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_tenseless_complement_of_a_past_verb_continues_the_story(make_doc) -> None:
    text = ("Rebel fighters overran the army post near the border on Saturday. "
            "They then began to shell the nearby town.")
    when = dating(make_doc, text, "shell")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_participle_of_a_present_clause_takes_no_day_from_the_story(make_doc) -> None:
    text = ("The two envoys signed the accord in Geneva on Saturday. "
            "The mediator now hopes for a lasting peace, calling the text a new start.")
    assert dating(make_doc, text, "calling").mod == "ON_OR_BEFORE"


def test_a_time_on_a_noun_does_not_set_the_story_day(make_doc) -> None:
    """"issued a warning on Sunday in the aftermath of the Sept. 7 bombings": Sept. 7 dates the bombings; the
    next sentence continues the issuing, on Sunday."""
    text = ("Ahead of the minister's trip, the Foreign Office on Sunday issued a new travel warning in the "
            "aftermath of the Sept. 7 bombings in the capital. "
            "An accompanying statement warned against all travel to the border region.")
    when = dating(make_doc, text, "warned")
    assert (when.value, when.mod) == ("2018-09-16", None)


def test_a_time_on_a_noun_still_carries_when_its_sentence_has_no_other(make_doc) -> None:
    """"Friday's signing ceremony ...": the noun is the story's own happening, and its day goes on."""
    text = ("Friday's signing ceremony in the old library drew hundreds of guests. "
            "The three ministers signed the treaty in front of the cameras.")
    when = dating(make_doc, text, "signed")
    assert (when.value, when.mod) == ("2018-09-14", None)


def test_a_time_in_what_is_said_leaves_the_saying_on_the_story_day(make_doc) -> None:
    """"said the new members would join in early March": March dates the joining; the saying goes on with
    Wednesday's story."""
    text = ("The alliance's foreign ministers met in Brussels on Wednesday. "
            "A senior official said the new members would join in early March.")
    when = dating(make_doc, text, "said")
    assert (when.value, when.mod) == ("2018-09-19", None)


def test_a_time_on_the_saying_itself_still_ends_the_thread(make_doc) -> None:
    """"said in a letter dated Monday": the letter's day is the saying's, not a content's to step over."""
    text = ("The ministers met in Brussels on Wednesday. "
            "The envoy said in a letter dated Monday that the talks were over.")
    assert "earlier sentence" not in dating(make_doc, text, "said").basis


@pytest.mark.parametrize("text", [
    # the day dates a main clause told in the past and nothing else stops the carry: only `REPORT_CYCLE` does
    pytest.param("The bombs went off outside the embassy on Aug. 7, 2017. "
                 "A police spokesman said the suspect was arrested at the airport.", id="carried-but-for-the-cycle"),
    pytest.param("The court heard that the bombs went off outside the embassy on Aug. 7, 2017. "
                 "A police spokesman said the suspect was arrested at the airport in the early hours of Thursday.",
                 id="reported-day"),
])
def test_a_report_takes_no_day_from_a_background_year(make_doc, text: str) -> None:
    """A day more than a week before the article, named in the sentence before, is background to a report."""
    assert dating(make_doc, text, "said").date == ("2018-09-19", "day", "ON_OR_BEFORE")


def test_a_saying_in_a_clause_of_its_own_is_counted_from_the_story_s_day(make_doc) -> None:
    """"The morning after the mayor announced the budget would be cut in May, ...": the time ahead in what he said
    dates no past act, so the main clause goes on with the story's Wednesday, and the announcing, "the morning
    after" which the teachers blocked the road, lies the day before (twenty-second session; this test said before that
    the time in what is said kept the sentence off the story's day)."""
    text = ("The fighting in the capital began again on Wednesday. "
            "The morning after the mayor announced the budget would be cut again in May, teachers blocked "
            "the road.")
    got = dating(make_doc, text, "announced")
    assert (got.value, got.mod) == ("2018-09-18", None)
    assert "counts from it" in got.basis


def test_a_passive_told_in_the_present_is_no_past(nlp) -> None:
    """"are scheduled", "is planned": the participle of a present passive tells no past act."""
    doc = nlp("Talks between the two sides are scheduled for Friday. The talks were scheduled last month.")
    scheduled = [t for t in doc if t.text == "scheduled"]
    assert [past_tense(t) for t in scheduled] == [False, True]


def test_talks_scheduled_for_a_later_day_are_a_future_event(nlp) -> None:
    """A happening dated after its article in a present passive clause has not happened yet: flagged future."""
    doc = candidates(nlp, "Talks between the two governments are scheduled for Friday in Geneva.")
    event = event_at(doc, "Talks")
    assert (event.date, event.status) == ("2019-03-15", "future")


def test_a_saying_is_not_bounded_by_a_saying_it_reports(make_doc) -> None:
    """"said Tuesday his government told the envoy ...": the parse may hang Tuesday on "told", but "told" is what
    "said" reports, not a report of it; the saying is on Tuesday itself."""
    text = "The president said Tuesday his government told the envoy it would not sign the accord."
    when = dating(make_doc, text, "said")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_a_reported_act_stays_bounded_by_its_report(make_doc) -> None:
    text = "Officials said on Tuesday that soldiers had arrested twelve protesters."
    assert dating(make_doc, text, "arrested").date == ("2018-09-18", "day", "ON_OR_BEFORE")


def test_a_time_to_come_in_a_quotation_does_not_end_the_story_day(make_doc) -> None:
    """"We will hold it until tomorrow," the commander said: a time ahead names a plan, not the story's day, and the
    next past act still continues Saturday's story."""
    text = ("Rebel fighters overran the army post near the border on Saturday. "
            "\"We will hold it until tomorrow,\" their commander said. "
            "Government troops shelled the post from the hills.")
    when = dating(make_doc, text, "shelled")
    assert (when.value, when.mod) == ("2018-09-15", None)
