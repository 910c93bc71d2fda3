"""Two readings of one report are no conflict, and one count written two ways is one count: modes read from two verbs
of one wording (`merge.rules.conflict_between`); a gulf or sea given as a point is as coarse as a country
(`rules.location_precision`); a count written in words by one outlet and in digits by another
(`merge.text.sentence_numbers`)."""

from __future__ import annotations

import dataclasses

from dateline.merge import conflict_reason, link_reason
from dateline.merge.text import sentence_numbers
from dateline.model import Location
from test_merge import event_of, party, report

CHECKPOINT = "Soldiers fired tear gas and beat dozens of demonstrators at the Qalandia checkpoint on Tuesday."


def assault(aid: str, sentence: str, trigger: str, mode: str, published: str = "2013-03-06"):
    """An ASSAULT on demonstrators, told in `sentence`, coded from `trigger` with `mode`."""
    doc = report(aid, published, sentence, trigger, type_="ASSAULT", actors=(party("Soldiers", None, "MIL"),),
                 recipients=(party("demonstrators", None, "OPP"),), date="2013-03-05")
    doc.events[0] = dataclasses.replace(event_of(doc), mode=mode)
    return doc


def test_two_verbs_of_one_wording_coded_as_two_modes_make_no_conflict():
    fired = assault("wire", CHECKPOINT, "fired", "crowd-control")
    beat = assault("paper", CHECKPOINT.replace("dozens of", "at least forty"), "beat", "beat")
    assert conflict_reason(event_of(fired), event_of(beat)) is None
    why = link_reason(event_of(fired), event_of(beat))
    assert why is not None and "modes crowd-control / beat read from one wording" in why


def test_modes_of_reports_worded_apart_still_conflict():
    beaten = assault("wire", CHECKPOINT, "beat", "beat")
    shot = assault("paper", "Troops opened fire near Qalandia on Tuesday, wounding several young men.", "fire",
                   "firearms")
    assert (conflict_reason(event_of(beaten), event_of(shot)) or "").startswith("modes")


def test_a_count_in_words_and_the_same_count_in_digits_are_one_count():
    assert sentence_numbers("Fourteen miners were trapped when the shaft collapsed.") == {"14"}
    assert sentence_numbers("The collapse trapped 14 miners and thirty-two others.") == {"14", "32"}
    assert sentence_numbers("Two days later, three miners walked out.") == frozenset()  # one to nine: every story's
    assert sentence_numbers("Half a dozen miners and dozens of rescuers waited.") == frozenset()  # a group, no count


def test_miners_counted_in_words_and_in_digits_link_through_their_count():
    words = report("wire", "2021-01-12", "Fourteen miners were trapped after the Hushan shaft collapsed on Sunday.",
                   "collapsed", type_="ASSAULT", actors=(), recipients=(party("miners", None, "LAB"),),
                   date="2021-01-10")
    digits = report("paper", "2021-01-13", "Rescuers are still trying to reach 14 miners trapped underground since "
                    "Sunday.", "trapped", type_="ASSAULT", actors=(), recipients=(party("miners", None, "LAB"),),
                    date="2021-01-10")
    why = link_reason(event_of(words), event_of(digits))
    assert why is not None and "numbers 14 in both" in why


def test_a_gulf_given_as_a_point_is_as_coarse_as_a_country():
    gulf = Location("Gulf of Mexico", None, 25.0, -90.0, None, "GULF", text="Gulf of Mexico", precision="point")
    louisiana = Location("Louisiana", 4331987, 31.13, -91.71, "US", "ADM1", text="Louisiana", precision="admin")
    texas = Location("Texas", 4736286, 31.25, -99.25, "US", "ADM1", text="Texas", precision="admin")
    sentence = "Oil from the ruptured well reached the marshes of Louisiana on Thursday, officials said."
    ashore = report("wire", "2010-04-30", sentence, "reached", type_="ASSAULT", actors=(), recipients=(),
                    date="2010-04-29", location=louisiana)
    at_sea = report("paper", "2010-04-30", "Oil from the ruptured well spread across the Gulf of Mexico on Thursday.",
                    "spread", type_="ASSAULT", actors=(), recipients=(), date="2010-04-29", location=gulf)
    inland = report("other", "2010-04-30", sentence.replace("Louisiana", "Texas"), "reached", type_="ASSAULT",
                    actors=(), recipients=(), date="2010-04-29", location=texas)
    assert conflict_reason(event_of(ashore), event_of(at_sea)) is None
    assert "km apart" in (conflict_reason(event_of(ashore), event_of(inland)) or "")  # two states still conflict


def test_the_sentence_readers_keep_a_bounded_number_of_sentences() -> None:
    """A long ingest's parent reads every stored report's sentence: each reader keeps at most SENTENCE_CACHE of them,
    the oldest read first let go, so its memory does not grow with the store."""
    from dateline.merge import text

    text.sentence_words.cache_clear()
    for n in range(text.SENTENCE_CACHE + 50):
        text.sentence_words(f"Officials in district number {n} reported protests over water prices.")
    info = text.sentence_words.cache_info()
    assert info.currsize == text.SENTENCE_CACHE <= 8192
    text.sentence_words.cache_clear()
