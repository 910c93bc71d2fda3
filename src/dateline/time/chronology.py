"""The days that head the entries of a chronology, told in the historic present.

Wire timelines list what happened, one entry a line, each opened by its day and a dash or colon, in the
present tense: "June 2 - The union and the port authority sign a deal in the capital", "March 14 - Dockers
walk out at the northern terminal." The present tense there tells no time to come, so the grammar's reading
of a present clause (forward: "meets Monday" is the Monday ahead) put every entry more than
`calendar.NEAR_DAYS` from the article date in the year after it: a timeline dated 8 January 2013 had the deal
signed on 2 June 2013.

An entry's day (written with its month) is read as a past one unless the entry opens with a future or modal
auxiliary ("Nov. 2 - Voters will elect": a list of dates to come). A day close to the article date is still
the nearest one (`calendar.resolve_year_for`), as in a page of dated photographs.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.time.rules import MONTH_DAY_RULES
from dateline.words import word_class

#: Rules of a day written with its month, the heads of a chronology's entries. A weekday heading a line
#: ("Monday: the president travels to Ohio") is as often a week's schedule ahead.
ENTRY_RULES = MONTH_DAY_RULES
_FUTURE_AUX = word_class("auxiliaries", "future")
_MODALS = word_class("auxiliaries", "modal")
#: How many tokens after an entry's day its opening clause's auxiliary may come ("- The new council will meet").
_OPENING = 7
#: What may stand between an entry's day and the end of what came before it: spaces and a bullet.
_LEAD = " \t*\u2022"
#: Characters that end what comes before an entry: a line or a sentence.
_ENDS = "\n.!?"
#: What follows an entry's day: a dash or colon, then the entry.
_ENTRY_MARK = re.compile(r"[ \t]*(?:--?|\u2013|\u2014|:)[ \t]+\S")


def heads_entry(text: str, start: int, end: int) -> bool:
    """True when the expression text[start:end] opens a line or sentence and is followed by a dash or colon:
    the day of a chronology's entry ("June 2 - The union and the port authority sign a deal")."""
    if _ENTRY_MARK.match(text, end) is None:
        return False
    before = text[max(0, start - 8):start].rstrip(_LEAD)
    return (start < 8 and not before) or (bool(before) and before[-1] in _ENDS)


def entry_direction(span: Any) -> int:
    """The tense direction of the entry a heading day (`span` of the parse) opens: +1 when the entry opens with
    a future or modal auxiliary of its own clause ("Nov. 2 - Voters will elect", within `_OPENING` tokens of the
    day; not "The union says it could strike"), else -1 (the historic present of a chronology). An infinitive
    says nothing here: the parser reads many an entry's verb as a noun ("Efforts to reopen the terminal fail":
    "fail" a noun), and "to reopen" would look ahead."""
    for token in span.doc[span.end:min(span.end + _OPENING, span.sent.end)]:
        if token.dep_ == "aux" and token.lower_ in _FUTURE_AUX | _MODALS and not _reported(token.head):
            return 1
    return -1


def _reported(verb: Any) -> bool:
    """True for a verb under another verb: "Sept. 29 - The union says it could strike again" tells what was said."""
    return any(a.pos_ in {"VERB", "AUX"} for a in verb.ancestors)
