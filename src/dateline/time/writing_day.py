"""The day the text shows it was written, when that is later than the date the article came with.

Feeds, crawls and collections date an article by when they met it, and that can be days before the
text was finished: a set of pages dated by its collection day, a scrape stamped with the first version's
date. A text that narrates, in the past tense, an act on a day it writes out in numbers ("Delegates
joined the two-day talks on June 8-9", "the minister on May 9 threatened to impose quotas") was written
on or after that day, whatever date it came with. Relative words are then read from that day: "speaking
on Tuesday" in a story written after Thursday, April 5 is April 3, not the Tuesday before the article date.

Only a narrated act counts. The day must date a finite past clause of its own (see `_narrates`)
directly, as its adjunct ("on April 5", "April 5", "from April 3"), with no word that puts the day ahead
("was extended to Nov. 16", "set Nov. 10 as the deadline", "had been scheduled for April 5": the time of
a plan or a bound, not of the act), and the day must be written with its number (a weekday is read from
the article date, so it cannot say the date is wrong). Text that is not the story (a page stamp, a byline)
says nothing here, nor does a note about the page's later life ("This caption was corrected on 3 March 2012",
"A version appeared on p24 ... on Tuesday 7 September", a reader's comment: `page_note_verbs`). A day
more than `MAX_LAG_DAYS` ahead is not taken for a late writing day: a feed or crawl lags by days, and a
month off is more likely a misread year than a late text.

The time stage asks this after its first reading and, when it finds such a day, reads the text again
from it and records it as `Document.written`, so the event dater bounds past acts by it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from dateline.model import ExcludedSpan, Timex
from dateline.time.tense import PLANNING, clause_verb, forward_cue
from dateline.timex3 import interval, precision
from dateline.words import word_class, word_set

#: Verbs of a note about the page ("This article was amended on 6 May"): its later life, not its writing.
_PAGE_NOTES = word_set("page_note_verbs")
#: How far past the article date a narrated day may lie and still be taken as the writing day.
MAX_LAG_DAYS = 31
#: Prepositions that put a day on the act itself ("on April 5", "from April 3 to 5"); others bound it or
#: set a time to come ("by", "until", "to", "for", "before", "after").
_AT_WORDS = word_class("prepositions", "act-day")
#: Dependencies of a day that is the clause's own time adverb, with no preposition ("met April 5").
_BARE_ADJUNCTS = frozenset({"npadvmod", "tmod", "obl:tmod"})
#: Subjects: a day in a phrase on the subject dates the clause ("China on April 4 unveiled a list").
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Clauses that describe a noun ("the quarter ended Oct. 31", "a ceremony that opened April 5").
_NOUN_CLAUSES = frozenset({"acl", "relcl"})
#: Dependencies that join a day to another one ("April 3-5", "April 3 and 4"): the first day's link decides.
_JOINED_DAYS = frozenset({"conj", "prep", "appos", "nummod", "punct", "quantmod", "compound"})


def narrated_writing_day(timexes: Iterable[Timex], parsed: Any, article_date: dt.date,
                         excluded: Iterable[ExcludedSpan] = ()) -> dt.date | None:
    """The latest day after `article_date` (by at most MAX_LAG_DAYS) on which the text narrates a past act,
    or None when it narrates none: the text was written on or after it."""
    if parsed is None:
        return None
    outside = [(s.start, s.end) for s in excluded]
    days = [day for timex in timexes
            if not any(start <= timex.start < end for start, end in outside)
            and (day := _narrated_day(timex, parsed, article_date)) is not None]
    return max(days, default=None)


def _narrated_day(timex: Timex, parsed: Any, article_date: dt.date) -> dt.date | None:
    """The day of a timex that dates a past act and lies after the article date, else None."""
    if timex.type != "DATE" or precision(timex.value) != "day" or not any(ch.isdigit() for ch in timex.text):
        return None
    span = interval(timex.value)
    if span is None or not article_date < span.first <= article_date + dt.timedelta(days=MAX_LAG_DAYS):
        return None
    if timex.token_start is None or timex.token_end is None:
        return None
    root = _first_of_joined(parsed[timex.token_start:timex.token_end].root)
    verb = _clause_of(root)
    if verb is None or not _adjunct_of_act(root, verb):
        return None
    if verb.lemma_ in PLANNING or verb.lemma_ in _PAGE_NOTES or forward_cue(root, verb) or not _narrates(verb):
        return None
    return span.first


def _narrates(verb: Any) -> bool:
    """A clause that narrates a past act: a finite past verb or auxiliary ("attended", "were held", "had
    met"), heading a clause of its own. Not a present perfect ("has invited the ministers to a ceremony on
    March 12": English puts no past day on one, so the day is the ceremony's, ahead), not an infinitive ("had
    been set to expire Nov. 6"), not a clause that describes a noun ("the quarter ended Oct. 31"), not a copula."""
    # A copula states a state, it narrates no act ("delivery between 4 and 9 June was likely").
    if verb.dep_ in _NOUN_CLAUSES or verb.lemma_ == "be":
        return False
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _clause_of(root: Any) -> Any | None:
    """The verb of the clause a day belongs to, passing over a name the tagger read as a bare verb in the
    subject's slot ("Trump on April 5 threatened": "Trump" a VB subject, the day's clause "threatened")."""
    verb = clause_verb(root)
    if verb is not None and verb.dep_ in _SUBJECTS and verb.tag_ == "VB" and verb.head.i != verb.i:
        return clause_verb(verb.head)
    return verb


def _first_of_joined(root: Any) -> Any:
    """The first day of a run of days joined to it ("5" of "April 3-5" -> "April 3"), whose link to the
    clause says what the run is."""
    for _ in range(4):
        head = root.head
        if head.i == root.i or root.dep_ not in _JOINED_DAYS or not (head.like_num or head.ent_type_ == "DATE"):
            return root
        root = head
    return root


def _adjunct_of_act(root: Any, verb: Any) -> bool:
    """True when the day hangs on the verb as the act's own time: "on April 5" or a bare "April 5"."""
    if root.dep_ == "pobj":
        preposition, host = root.head, root.head.head
        on_subject = host.dep_ in _SUBJECTS and host.head.i == verb.i  # "Trump on April 5 threatened"
        return preposition.lower_ in _AT_WORDS and (host.i == verb.i or on_subject)
    return root.dep_ in _BARE_ADJUNCTS and root.head.i == verb.i
