"""Numbers written in another script's decimal digits ("٣ months", Arabic-Indic): the time patterns' `\\d` matches them
and `int` reads them, so the count they give is read as the number it is (`time.lexicon.number_value`), not left
unread as X; a character that is a digit but no decimal one ("²") is no number. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dateline.time import find_timexes
from stage_run import extracted

DAY = dt.date(2018, 9, 19)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, DAY, tense="past")]


def test_a_count_in_arabic_indic_digits_is_read_as_its_number() -> None:
    assert values("The siege lasted ٣ months.") == [("٣ months", "P3M")]
    assert values("The siege began ١٠ days ago.") == [("١٠ days ago", "2018-09-09")]


def test_a_superscript_is_no_count() -> None:
    assert values("The siege lasted ² months.") == []


def test_extract_reads_a_sentence_of_arabic_indic_digits(nlp) -> None:
    doc = extracted(nlp, "Rebels shelled the town on ٢٠١٨-٠٩-١٧ after a siege of ١٢ weeks.", "2018-09-19")
    assert {(t.text, t.value) for t in doc.timexes} >= {("٢٠١٨-٠٩-١٧", "2018-09-17"), ("١٢ weeks", "P12W")}
