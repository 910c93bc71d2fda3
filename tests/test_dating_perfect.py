"""An act told in the present perfect takes the day the next sentence gives it as it tells the act again
(`events.dating_perfect`): English puts no past day on "has sued", so news gives the day a sentence later."""

from __future__ import annotations

from dateline.events.dating import Dating, event_dating
from dateline.time import tag_timexes


def dated_in(make_doc, text: str, sentence: int, trigger: str, date: str = "2019-06-14") -> Dating:
    """The dater's answer for the word `trigger` in sentence number `sentence` (from 0)."""
    doc = tag_timexes(make_doc(text, date))
    sent = list(doc.parsed.sents)[sentence]
    return event_dating(doc, next(t.i for t in sent if t.text == trigger))


def test_the_same_doer_dated_in_the_next_sentence_dates_the_perfect(make_doc) -> None:
    text = ("The governor has praised the new flood barrier of the river board. "
            "Speaking at its opening on Tuesday, the governor also urged towns upstream to build their own.")
    got = dated_in(make_doc, text, 0, "praised")
    assert got.date == ("2019-06-11", "day", None)
    assert "present perfect" in got.basis and "Tuesday" in got.basis


def test_a_definite_noun_of_the_act_dated_in_the_next_sentence_dates_the_perfect(make_doc) -> None:
    text = ("The state has sued the chemical maker over the poisoned wells. "
            "The action, filed in a district court yesterday, seeks the cost of cleaning them.")
    assert dated_in(make_doc, text, 0, "sued").date == ("2019-06-13", "day", None)


def test_a_pronoun_takes_up_the_doer(make_doc) -> None:
    text = ("The health minister has defended the closure of the schools. "
            "\"We cannot take risks with children,\" she said on Wednesday.")
    assert dated_in(make_doc, text, 0, "defended").date == ("2019-06-12", "day", None)


def test_the_noun_a_perfect_names_its_act_by_takes_the_day(make_doc) -> None:
    text = ("The former president has voiced support for a new dam on the river. "
            "The former president told a forum in Lagos on June 10 that the dam would end the floods.")
    assert dated_in(make_doc, text, 0, "support").date == ("2019-06-10", "day", None)


def test_another_happening_in_the_perfect_clause_keeps_its_bound(make_doc) -> None:
    text = ("The health minister has defended the closure of the schools after criticism from parents. "
            "She spoke to reporters on Wednesday at the ministry.")
    assert dated_in(make_doc, text, 0, "criticism").mod == "ON_OR_BEFORE"


def test_an_it_of_no_doer_takes_up_nobody(make_doc) -> None:
    text = ("The police watchdog has opened an inquiry into the shooting. "
            "Yesterday it emerged that two officers had been moved to other duties.")
    assert dated_in(make_doc, text, 0, "opened").mod == "ON_OR_BEFORE"


def test_another_doer_in_the_next_sentence_dates_nothing(make_doc) -> None:
    text = ("The army has arrested ten men in the border town. "
            "On Tuesday, protesters marched to the governor's office.")
    assert dated_in(make_doc, text, 0, "arrested").mod == "ON_OR_BEFORE"


def test_a_day_long_before_the_news_dates_no_perfect(make_doc) -> None:
    text = ("The state has sued the chemical maker over the poisoned wells. "
            "The action, filed in a district court on March 2, seeks the cost of cleaning them.")
    assert dated_in(make_doc, text, 0, "sued").mod == "ON_OR_BEFORE"


def test_a_simple_past_is_no_perfect_told_ahead_of_its_day(make_doc) -> None:
    text = ("The governor praised the new flood barrier of the river board. "
            "Speaking at its opening on Tuesday, the governor also urged towns upstream to build their own.")
    assert "present perfect" not in dated_in(make_doc, text, 0, "praised").basis


def test_a_pronoun_that_does_not_agree_with_the_doer_takes_up_nobody(make_doc) -> None:
    """"He" after a plural doer, "they" after a singular one, "she" after an organisation name someone else."""
    texts = [("Rebel fighters have seized the hill town near the coast. "
              "He said on Tuesday that the army would soon take it back.", "seized"),
             ("The border agency has expelled four foreign reporters. "
              "They arrived in the capital on Tuesday to cover the elections.", "expelled"),
             ("The Justice Department has sued the mining firm over the spill. "
              "She told reporters on Tuesday that the firm had hidden its records.", "sued")]
    for text, trigger in texts:
        assert dated_in(make_doc, text, 0, trigger).mod == "ON_OR_BEFORE", text
