"""Event dating: the governing timex, the nearest anchor, the article-date fallback, and date mods."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dateline.events.dating import EventDate, date_event
from dateline.time import tag_timexes
from stage_run import dating

SEED = Path(__file__).parent / "data" / "seed.txt"
GOLD = Path(__file__).parent / "data" / "seed.gold.json"


def dated(make_doc, text: str, trigger: str, date: str = "2018-09-19", hypothetical: bool = False):
    return dating(make_doc, text, trigger, date, hypothetical).date


@pytest.fixture(scope="module")
def seed(make_doc):
    raw = SEED.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s+", raw)
    return tag_timexes(make_doc(raw[header.end():], header.group(1)))


def _trigger_in(doc, sentence_part: str, word: str) -> int:
    for sent in doc.parsed.sents:
        if sentence_part in sent.text:
            return next(t.i for t in sent if t.text == word)
    raise AssertionError(f"no sentence with {sentence_part!r}")


def _date_ok(got: str, gold: dict) -> bool:
    """The seed scorer's date test (seed_score.py)."""
    if "date" in gold:
        return got == gold["date"]
    if "date_between" in gold:
        lo, hi = gold["date_between"]
        return lo[: len(got)] <= got <= hi[: len(got)] if len(got) < 10 else lo <= got <= hi
    return True


@pytest.mark.parametrize(("gold_id", "word"), [
    ("sochi-agreement", "agreed"),
    ("sochi-meeting", "meeting"),
    ("accuse-west", "accused"),
    ("tehran-meeting", "meeting"),
    ("astana-zones-2017", "deal"),
    ("astana-zones-2017", "established"),
    ("regime-mobilising", "mobilising"),
])
def test_seed_event_dates_match_gold(seed, gold_id: str, word: str) -> None:
    gold = next(e for e in json.loads(GOLD.read_text())["events"] if e["id"] == gold_id)
    part = gold["evidence_contains"].split(" ")[0:3]
    index = _trigger_in(seed, " ".join(part), word)
    value = date_event(seed, index).value
    assert _date_ok(value, gold), (gold_id, value)


def test_seed_agreement_is_monday_not_next_monday(seed) -> None:
    index = _trigger_in(seed, "on Monday agreed", "agreed")
    assert date_event(seed, index) == EventDate("2018-09-17", "day", None)


def test_seed_clauses_keep_their_own_dates(seed) -> None:
    """One sentence, two clauses: the mobilising is not dated by the 2017 deal's "last year"."""
    mobilising = _trigger_in(seed, "mobilising its forces", "mobilising")
    deal = _trigger_in(seed, "mobilising its forces", "deal")
    assert date_event(seed, mobilising) == ("2018-09-19", "day", "ON_OR_BEFORE")
    assert date_event(seed, deal) == ("2017", "year", None)


def test_previous_event_is_dated_before_the_last_mentioned_day(seed) -> None:
    index = _trigger_in(seed, "previous meeting in Tehran", "meeting")
    assert date_event(seed, index) == ("2018-09-17", "day", "BEFORE")


def test_no_timex_falls_back_to_article_date(make_doc) -> None:
    assert dated(make_doc, "Rebels attacked the convoy near the border.", "attacked") == (
        "2018-09-19", "day", "ON_OR_BEFORE")


def test_nearest_anchor_in_sentence(make_doc) -> None:
    text = "In March 2017, according to officials who spoke on condition of anonymity, troops shelled it."
    assert dated(make_doc, text, "shelled") == ("2017-03", "month", None)


def test_precision_follows_the_value(make_doc) -> None:
    assert dated(make_doc, "Police arrested him on Sunday evening.", "arrested") == ("2018-09-16", "day", None)
    assert dated(make_doc, "The army withdrew last week.", "withdrew") == ("2018-W37", "week", None)
    assert dated(make_doc, "The sides signed a truce in the summer of 2016.", "signed") == (
        "2016-SU", "season", None)


def test_future_events_are_dated_in_the_future(make_doc) -> None:
    text = "The ministers will meet on Monday in Geneva."
    assert dated(make_doc, text, "meet") == ("2018-09-24", "day", None)
    assert dated(make_doc, text, "meet", hypothetical=True) == ("2018-09-24", "day", None)


def test_duration_governing_the_clause_means_no_point_date(make_doc) -> None:
    text = "Over the past two years the government has detained thousands, officials said in 2016."
    assert dated(make_doc, text, "detained").mod == "ON_OR_BEFORE"


def test_bad_trigger_index_falls_back(make_doc) -> None:
    doc = tag_timexes(make_doc("Nothing happened."))
    assert date_event(doc, 999) == ("2018-09-19", "day", "ON_OR_BEFORE")


def test_anchor_in_a_clause_above_the_trigger_dates_it(make_doc) -> None:
    text = "On Monday, the army ordered that the troops attack the convoy."
    assert dated(make_doc, text, "attack") == ("2018-09-17", "day", None)


def test_report_date_bounds_the_reported_event(make_doc) -> None:
    text = "Police said on Tuesday they had arrested 12 people during protests."
    assert dated(make_doc, text, "arrested") == ("2018-09-18", "day", "ON_OR_BEFORE")


def test_relative_clause_about_the_trigger_dates_it(make_doc) -> None:
    text = "The talks, which began last month, were suspended."
    assert dated(make_doc, text, "talks") == ("2018-08", "month", None)


def test_anchor_in_a_relative_clause_beside_the_trigger_does_not(seed) -> None:
    index = _trigger_in(seed, "mobilising its forces", "assault")
    assert date_event(seed, index, hypothetical=True) == ("2018-09-19", "day", "ON_OR_BEFORE")


def test_hypothetical_event_in_the_future_is_after_the_article(make_doc) -> None:
    text = "The government may hold elections in the near future."
    assert dated(make_doc, text, "hold", hypothetical=True) == ("2018-09-19", "day", "AFTER")
    assert dated(make_doc, text, "hold") == ("2018-09-19", "day", "ON_OR_BEFORE")


@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("The rebels withdrew before Monday.", "withdrew", ("2018-09-17", "day", "BEFORE")),
    ("The rebels withdrew by Monday.", "withdrew", ("2018-09-17", "day", "ON_OR_BEFORE")),
    ("The rebels attacked after Monday.", "attacked", ("2018-09-17", "day", "AFTER")),
    ("The rebels withdrew on Monday.", "withdrew", ("2018-09-17", "day", None)),
])
def test_preposition_before_the_date_gives_the_mod(make_doc, text: str, trigger: str, want: tuple) -> None:
    assert dated(make_doc, text, trigger) == want


def test_report_keeps_the_granularity_of_its_date(make_doc) -> None:
    text = "Officials said last week that the army had shelled the town."
    assert dated(make_doc, text, "shelled") == ("2018-W37", "week", "ON_OR_BEFORE")


def test_time_of_day_dates_the_event_to_the_day(make_doc) -> None:
    assert dated(make_doc, "Police arrested him on Sunday evening.", "arrested").value == "2018-09-16"


def _dated_in(make_doc, text: str, trigger: str, date: str) -> EventDate:
    doc = tag_timexes(make_doc(text, date))
    return date_event(doc, next(t.i for t in doc.parsed if t.text == trigger))


def test_a_named_day_is_carried_to_the_sentences_that_continue_the_story(make_doc) -> None:
    text = "On Saturday, fighting broke out near the border. Rockets were exchanged across it."
    assert _dated_in(make_doc, text, "exchanged", "2019-03-13") == ("2019-03-09", "day", None)


def test_a_present_perfect_takes_no_day_from_the_story(make_doc) -> None:
    text = "On Saturday, fighting broke out near the border. Both sides have expelled diplomats."
    assert _dated_in(make_doc, text, "expelled", "2019-03-13") == ("2019-03-13", "day", "ON_OR_BEFORE")


def test_a_future_thursday_is_dated_in_the_future(make_doc) -> None:
    text = "African Union leaders will meet in Addis Ababa on Thursday."
    assert _dated_in(make_doc, text, "meet", "2019-03-11").value == "2019-03-14"


def test_a_past_event_is_not_dated_after_its_article(make_doc) -> None:
    text = "The envoy met rebel leaders on Thursday."
    assert _dated_in(make_doc, text, "met", "2019-03-11").value <= "2019-03-11"


def test_a_duration_does_not_hide_the_month_that_dates_the_act(make_doc) -> None:
    text = "In May 2016 dock workers organised a strike that halted the port for three days."
    assert _dated_in(make_doc, text, "strike", "2019-03-13") == ("2016-05", "month", None)


def test_a_conjunct_in_another_tense_takes_no_day_from_the_first_clause(make_doc) -> None:
    text = "The government called off the search on Friday and is now concentrating on delivering aid to survivors."
    assert _dated_in(make_doc, text, "aid", "2019-03-13") == ("2019-03-13", "day", "ON_OR_BEFORE")
    assert _dated_in(make_doc, text, "called", "2019-03-13").value == "2019-03-08"


def test_a_relative_clause_keeps_no_day_from_the_story(make_doc) -> None:
    """The thread's day dates the next main clause, not a relative clause describing someone from outside it."""
    text = "On Saturday, police arrested ten protesters in the capital. The minister, who ordered the raids, resigned."
    resigned, ordered = (dating(make_doc, text, word, "2018-09-19") for word in ("resigned", "ordered"))
    assert (resigned.value, resigned.mod) == ("2018-09-15", None)
    assert (ordered.value, ordered.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_words_quoted_after_the_story_day_are_said_that_day(make_doc) -> None:
    """An appeal in a quotation is made when its reporting clause says it was: the story's day carries to it."""
    text = ("Speaking at the opening of the clinic on Tuesday, the mayor thanked the volunteers. "
            "\u201cLet us support this work,\u201d the mayor said.")
    got = dating(make_doc, text, "Let", "2018-09-19")
    assert (got.value, got.mod) == ("2018-09-18", None)
