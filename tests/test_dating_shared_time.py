"""Times one clause shares with another (issue 10, thirteenth session): a gapped conjunct and the verb it shares an
auxiliary with, a clause of "as"/"when" and the main clause it is the time of, a source's day and the saying it
issued. Sentences written for these tests; the article date is Wednesday 2018-09-19."""

from __future__ import annotations

from stage_run import dating


def test_a_time_on_a_gapped_conjunct_dates_the_first_verb(make_doc) -> None:
    """"nine [were] wounded ... on Saturday": the killing is told in the same clause, on the same day."""
    when = dating(make_doc, "Four soldiers were killed and nine wounded in an ambush near the border on Saturday.",
                  "killed")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_gapped_conjunct_read_as_a_participle_on_a_word(make_doc) -> None:
    """The parser's other reading of gapping ("and another injured"): the same clause, the same day."""
    when = dating(make_doc, "Three soldiers were killed and another wounded by the blast of a car bomb late "
                            "yesterday.", "killed")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_a_participle_on_the_subject_is_no_gapped_conjunct(make_doc) -> None:
    """"civilians wounded in the ambush on Saturday" tells when they were wounded, not when they were flown out."""
    when = dating(make_doc, "Soldiers and civilians wounded in the ambush on Saturday were flown to the capital.",
                  "flown")
    assert when.mod == "ON_OR_BEFORE" and when.value == "2018-09-19"


def test_a_day_in_a_clause_of_as_sets_the_story_day(make_doc) -> None:
    """"officials said as night fell on Saturday": the report's clause is dated, and the story goes on from that day."""
    text = ("At least twenty people were hurt, officials said as night fell on Saturday. "
            "Rescue teams pulled two children from the rubble.")
    assert dating(make_doc, text, "pulled").value == "2018-09-15"


def test_a_message_read_on_a_day_dates_the_saying(make_doc) -> None:
    when = dating(make_doc, "\"We will not give up,\" said a message that was read on Tuesday to striking workers.",
                  "said")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_a_letter_dated_a_day_dates_what_was_said_in_it(make_doc) -> None:
    when = dating(make_doc, "\"The border must reopen,\" the minister said in a letter dated Tuesday.", "said")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_the_issuing_itself_happened_on_its_day(make_doc) -> None:
    """"A statement released on Tuesday said ...": the release was on Tuesday, not merely reported by then."""
    when = dating(make_doc, "A statement released on Tuesday said the border must reopen.", "released")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_a_time_on_an_infinitive_of_result_dates_its_verb(make_doc) -> None:
    """"rose 3% to close at $41 on Tuesday": the parser hangs the day on "close"; the rise was that day."""
    when = dating(make_doc, "The shares rose 3% to close at $41 on Tuesday.", "rose")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_a_time_on_an_infinitive_of_purpose_dates_its_verb(make_doc) -> None:
    when = dating(make_doc, "The government staged parades across the country to mark the anniversary on Saturday.",
                  "staged")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_planning_infinitive_keeps_its_time(make_doc) -> None:
    """"met to plan an attack on Saturday": Saturday may be the attack's, ahead of the meeting."""
    assert dating(make_doc, "The rebel commanders met to plan an attack on Saturday.", "met").mod == "ON_OR_BEFORE"


def test_a_time_on_the_infinitives_object_is_the_objects(make_doc) -> None:
    """"to discuss an attack on Saturday": the day dates the attack the noun names, not the meeting."""
    assert dating(make_doc, "The rebel commanders met to discuss an attack on Saturday.", "met").mod == "ON_OR_BEFORE"


def test_the_occasion_of_a_saying_is_dated_by_its_time(make_doc) -> None:
    """"said at a news conference on Tuesday": the conference was on Tuesday, not merely reported by then."""
    when = dating(make_doc, "\"We will not raise prices,\" the chairman said at a news conference on Tuesday.",
                  "conference")
    assert (when.value, when.mod) == ("2018-09-18", None)


def test_what_a_saying_reports_stays_bounded_by_its_day(make_doc) -> None:
    when = dating(make_doc, "The minister said on Tuesday that rebels had attacked a convoy in the north.", "attacked")
    assert (when.value, when.mod) == ("2018-09-18", "ON_OR_BEFORE")


def test_a_time_in_a_complement_sets_no_story_day(make_doc) -> None:
    """"was said to be stable yesterday": the day is what the words are about, so the next act does not take it."""
    text = ("The injured officer was flown to the city hospital and was said to be stable yesterday. "
            "Nurses moved him to a private ward.")
    assert dating(make_doc, text, "moved").mod == "ON_OR_BEFORE"


def test_a_reports_day_after_the_article_dates_nothing(make_doc) -> None:
    """The second "Tuesday" is taken for the first, a week ahead: a report cannot be made after it is written, so the
    plan it reports ("protests would be crushed") keeps no day from it."""
    text = ("Voters will go to the polls on Tuesday. In an interview released Tuesday, the minister warned that any "
            "protests would be crushed.")
    assert dating(make_doc, text, "protests", hypothetical=True).mod == "ON_OR_BEFORE"
