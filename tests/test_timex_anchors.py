"""The time stage scans only windows around its anchor words (`time.tag.temporal_windows`); the anchors are found
case-sensitively on a copy of the text with its ASCII capitals lowered, which is faster and must find what the
case-insensitive pattern finds, on any text."""

from __future__ import annotations

import datetime as dt
import re
import sys

from dateline.time.tag import _ANCHOR, FOLDED_TO_ASCII, _anchors, find_timexes, temporal_windows


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_anchors_found_on_lowered_ascii_are_those_of_the_case_insensitive_pattern():
    text = ("On TUESDAY the Minister said Last Year's budget, passed in MARCH 2019 at 9 A.M, ran out "
            "«THIS WEEK» — \u00c9mile\u2019s REPORT of the 1990S, ANNUALLY, a FORTNIGHT AGO.")
    assert spans(_anchors(text)) == spans(_ANCHOR.finditer(text))
    assert len(spans(_anchors(text))) > 10


def test_a_text_with_a_character_that_folds_to_an_ascii_letter_gets_the_case_insensitive_hits():
    # U+017F (long s) matches "s" case-insensitively: "Augu\u017ft" holds "aug", "\u017fecond" holds "second"
    text = "PRE\u017fENT at the \u017fECOND hearing, Istanbul \u0130STANBUL, 4 \u212aM"
    assert spans(_anchors(text)) == spans(_ANCHOR.finditer(text))
    assert any(text[s:e].lower() == "\u017fecond" for s, e in spans(_anchors(text)))


def test_the_characters_that_fold_to_ascii_letters_are_all_listed():
    letters = re.compile("[a-z]", re.IGNORECASE)
    folded = {chr(c) for c in range(128, sys.maxunicode + 1) if letters.match(chr(c))}
    assert folded == set(FOLDED_TO_ASCII)


def test_windows_and_timexes_of_capitalised_text_are_found():
    text = "THE TALKS ENDED ON MONDAY, 3 MAY 2021, AND RESUME NEXT WEEK."
    assert list(temporal_windows(text))
    found = {t.text for t in find_timexes(text, dt.date(2021, 5, 5))}
    assert "MONDAY, 3 MAY 2021" in found or "3 MAY 2021" in found
