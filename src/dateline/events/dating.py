"""Event dating: which of the time stage's timexes dates an event, how precisely, and how.

An event date is a TIMEX3 value, its precision (a pure granularity: day, week, month ...,
read by `dateline.timex3`) and a TIMEX3-style `date_mod` saying how the event relates to
it: None when it happened on or within the date, `BEFORE`, `ON_OR_BEFORE` or `AFTER`.
The date of an event is, in order:

1. the day of a happening a length of days counts from to a dated clause ("sank on Friday, two days after
   a fire broke out": the fire two days before Friday), the clause dated by its own time, else by the day the
   dater gives its verb or, told in the present, the day of the news (`dating_counted`);
2. the timex that governs the trigger's clause: one reached from the trigger through
   the dependency tree without passing into another clause ("Turkey and Russia on
   Monday agreed", "a deal ... last year"). If that timex is a duration, a set or a
   fuzzy reference ("during the past few months", "recently"), it says the event is
   not a dated point, and the article date is used, `ON_OR_BEFORE` (`AFTER` for a
   hypothetical event "in the future");
3. else the nearest anchoring expression (a DATE or TIME with a calendar value) in the
   sentence, from a clause that contains the trigger ("On Monday officials said rebels
   attacked"), never from a clause beside it (a relative clause about something else);
   when that clause only reports the event ("said on Monday"), the mod is
   `ON_OR_BEFORE`: the event happened by the day it was reported;
4. else, for "the previous meeting" and the like, the latest day the article mentioned
   earlier, `BEFORE`; the day another sentence gives the same happening; for an act told in the present
   perfect (which takes no past day), the day the next sentence gives it as it tells it again
   (`dating_perfect`); the story's day carried from an earlier sentence, or the year of a narration of an
   earlier year (`dating_thread`); the day of the story's lede for a saying it goes on to report (`dating_lede`);
5. else, for a stance, state or saying told in the present with no time of its own ("Moscow denies", "is
   fighting"), the day the text speaks from, with no mod; words a past verb of saying reports take its day
   when that is one exact day, else stay bounded as below (`dating_present`);
6. else the day the article was written, `ON_OR_BEFORE`: on a live page of two stamps or more, the day of
   the entry's own stamp (`dating_hooks.entry_day`); else its page stamp's day ("Updated ... March 29") when
   that is no later than the day the text was written (`speech_day`), else the article date.

A page stamp's times date no act, and no entry of a live page takes a day from another entry
(`dating_hooks`).

A timex introduced by "before", "by", "after" or "since" gives the event that relation to it
(`BEFORE`, `ON_OR_BEFORE`, `AFTER`). An event is never dated after its article unless it
is future or hypothetical or the text writes the day out: such a date falls back to the article date,
`ON_OR_BEFORE`. "After its article" means after the day it was written by: the article date, or the later
day the time stage found the text narrating an act on (`Document.written`, a collection or feed date that
came before the text was finished), from which it also read the text's relative days.

Each date comes with its basis, the reason in words (`event_dating`; `dateline show` prints it).
Which timex of the sentence governs the trigger is read in `dating_clauses`. This module reads
`doc.timexes` (values and token offsets) and the parse only; it never calls the time stage itself.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from dateline.events.dating_clauses import (
    ONE_DAY,
    VERBAL,
    clause_head,
    governing_timex,
    is_anchor,
    nearest_anchor,
    past_tense,
    reported_by,
    timex_root,
    written_by,
)
from dateline.events.dating_counted import counted_day, told_now
from dateline.events.dating_hooks import entry_day
from dateline.events.dating_lede import lede_day
from dateline.events.dating_mentions import day_named_elsewhere, event_noun
from dateline.events.dating_perfect import day_told_next
from dateline.events.dating_present import PRESENT_BASIS, in_first_sentence, present_verb, reporting_past_verb
from dateline.events.dating_relations import preposition_mod
from dateline.events.dating_thread import (
    REPORT_CYCLE,
    carried_year,
    continues_thread,
    dates_main_clause,
    length_between,
    narrative_past,
    pluperfect,
    reports,
    sentences_between,
    thread_time,
)
from dateline.events.dating_weekdays import same_expression_value
from dateline.events.occasion import occasion_noun
from dateline.model import Document, Timex
from dateline.timex3 import DateMod, Precision, date_part, interval, precision
from dateline.words import word_set

#: Modifiers that place an event before the one the article is about ("the previous meeting").
_EARLIER_WORDS = word_set("earlier_modifiers")
#: A named day governs the sentences that follow it this far (its own counts as none): a story
#: thread goes on for a sentence or two before the article turns to background.
CARRY_SENTENCES = 2
#: How a fallback date's basis opens (`_fallback`), which `_exact_day` reads to know it is no stated day.
FALLBACK_BASIS = "no time in the text dates it"
#: A clock time with no day in its words ("6:45 p.m.", "at noon"): its day is only the article's by default.
_BARE_CLOCK = re.compile(r"(?:[Aa]t\s+)?(?:[\d:.]+\s*(?:[AaPp]\.?\s?[Mm]\.?)?|[Nn]oon|[Mm]idnight)"
                         r"(?:\s+(?:GMT|UTC|[ECMP][SD]T))?\.?")


class EventDate(NamedTuple):
    """When an event happened: a TIMEX3 value, its granularity, and the relation to it."""

    value: str
    precision: Precision
    mod: DateMod | None = None


@dataclass(frozen=True)
class Dating:
    """An event's date with the reason for it (the `basis` that `dateline show` prints)."""

    value: str
    precision: Precision
    mod: DateMod | None
    basis: str

    @property
    def date(self) -> EventDate:
        """The date alone."""
        return EventDate(self.value, self.precision, self.mod)

    def because(self, basis: str) -> Dating:
        """The same date with another reason."""
        return replace(self, basis=basis)


def _earlier_than_mentioned(doc: Document, trigger: Any) -> Dating | None:
    """"The previous meeting": before the latest day the article mentioned up to here."""
    if not any(c.lower_ in _EARLIER_WORDS and c.dep_ in {"amod", "advmod"} for c in trigger.children):
        return None
    days = [date_part(t.value) for t in doc.timexes
            if t.token_start is not None and t.token_start < trigger.i
            and precision(t.value) in ONE_DAY and (_first_day(t.value) or dt.date.max) <= written_by(doc)]
    if not days:
        return Dating(doc.article.date.isoformat(), "day", "BEFORE", f"{trigger.text!r} is an earlier one: "
                         "before the article date")
    return Dating(max(days), "day", "BEFORE", f"{trigger.text!r} is an earlier one: before the latest day "
                     "the article named up to here")


def _first_day(value: str) -> dt.date | None:
    """The first day a value covers, to compare it with the article date; None if it covers none."""
    span = interval(value)
    return span.first if span else None


def date_event(doc: Document, trigger_i: int, hypothetical: bool = False) -> EventDate:
    """The date of the event whose trigger is token `trigger_i`: value, precision and mod."""
    return event_dating(doc, trigger_i, hypothetical).date


def event_dating(doc: Document, trigger_i: int, hypothetical: bool = False) -> Dating:
    """The date of the event whose trigger is token `trigger_i`, with the reason for it.

    See the module docstring for the order of evidence. Falls back to the article date,
    `ON_OR_BEFORE`; an event told in the past tense is never dated after it unless the
    text writes that date out in full.
    """
    if doc.parsed is None or not 0 <= trigger_i < len(doc.parsed):
        return _fallback(doc)
    trigger = doc.parsed[trigger_i]
    fallback = _fallback(doc, trigger.idx)
    counted = counted_day(doc, trigger, lambda verb: _exact_day(doc, verb, trigger, hypothetical))
    if counted is not None:  # "sank on Friday, two days after a fire broke out": the fire two days before Friday
        return Dating(counted.day.isoformat(), "day", None,
                      f"{counted.length!r} counts from it to {counted.anchor}, the day of the clause it hangs on")
    timex = governing_timex(doc, trigger)
    if timex is not None and not is_anchor(timex):
        if hypothetical and timex.value == "FUTURE_REF":  # "in the near future"
            return Dating(doc.article.date.isoformat(), "day", "AFTER", f"{timex.text!r}: after the article date")
        return fallback.because(f"{timex.text!r} names no calendar point (a span, a repetition or a vague time): "
                                  f"{fallback.basis}")
    how = "governs the clause of" if timex is not None else "dates a clause that holds"
    timex = timex or nearest_anchor(doc, trigger)
    if timex is None:
        occasion = occasion_noun(doc, trigger)
        if occasion is not None and occasion.i != trigger.i and not occasion.is_ancestor(trigger):
            date = event_dating(doc, occasion.i, hypothetical)  # the parse hung the clause elsewhere
            return date.because(f"the date of its occasion {occasion.text!r}: {date.basis}")
        return _earlier_than_mentioned(doc, trigger) or _named_elsewhere(doc, trigger, hypothetical) \
            or _told_next(doc, trigger, hypothetical) or _carried_day(doc, trigger) or _carried_year(doc, trigger) \
            or _lede_report(doc, trigger) \
            or _told_now(doc, trigger, hypothetical, fallback) or fallback
    return _dated_by(doc, timex, trigger, hypothetical, f"{timex.text!r} {how} {trigger.text!r}")


def _exact_day(doc: Document, verb: Any, trigger: Any, hypothetical: bool) -> tuple[dt.date, str] | None:
    """The day the dater gives a clause's verb when it is one exact day (not bounded, not a fallback), with the
    words that say why: a length of days counts from it ("came the day after Mubarak announced"). A verb told in the
    present that no time dates is the news of the day the text was written ("The move comes a day after ...")."""
    if verb.i == trigger.i:
        return None
    date = event_dating(doc, verb.i, hypothetical)
    if date.mod == "ON_OR_BEFORE" and FALLBACK_BASIS in date.basis and told_now(verb):
        return dt.date.fromisoformat(date.value), f"the day of the news, {verb.text!r} told in the present"
    if date.mod is not None or date.precision != "day" or len(date.value) != 10:
        return None
    return dt.date.fromisoformat(date.value), f"the day of {verb.text!r} ({date.basis})"


def _named_elsewhere(doc: Document, trigger: Any, hypothetical: bool) -> Dating | None:
    """The day another sentence gives the same happening ("The raid left ..." after "were hurt on June 9 in
    a mortar raid"), for a past event."""
    verb = clause_head(event_noun(trigger) or trigger)
    if hypothetical or (verb.pos_ in VERBAL and not past_tense(verb)):  # a headline's noun phrase has no verb
        return None
    named = day_named_elsewhere(doc, trigger)
    if named is None:
        return None
    value = date_part(named.timex.value)
    return Dating(value, precision(value) or "day", None, f"the same happening, {named.mention.text!r} in another "
                  f"sentence, is dated {named.timex.text!r} there")


def _told_next(doc: Document, trigger: Any, hypothetical: bool) -> Dating | None:
    """The day the next sentence gives an act told in the present perfect, which takes no past day of its own ("The
    government has sued the firm. The action, filed yesterday, ..."; `dating_perfect`)."""
    told = None if hypothetical else day_told_next(doc, trigger)
    if told is None:
        return None
    value = date_part(same_expression_value(doc, told.timex).value)
    return Dating(value, "day", None, f"a present perfect puts no past day on its act: the next sentence tells it "
                  f"again ({told.retold_by.text!r}) on {told.timex.text!r}")


def _dated_by(doc: Document, timex: Timex, trigger: Any, hypothetical: bool, basis: str) -> Dating:
    """The date a timex of the trigger's sentence gives: its day (as the same words meant earlier in the
    article), bounded when the timex dates only the report or follows "before"/"by"/"after"."""
    first = same_expression_value(doc, timex)
    if first is not timex:
        basis += f" (the day most mentions of {timex.text!r} in the article mean)"
    read_from = entry_day(doc, first.start) or doc.written
    if read_from not in (None, doc.article.date) and not any(ch.isdigit() for ch in first.text):
        basis += f" (read from {read_from}, the day the text shows it was written, not the article date)"
    start = _first_day(first.value)
    ahead = start is not None and start > written_by(doc)
    if start is None or (ahead and not (hypothetical or _looks_ahead(trigger) or _written_out(first))):
        fallback = _fallback(doc, trigger.idx)
        return fallback.because(f"{timex.text!r} would put a past act after the article date: {fallback.basis}")
    value = date_part(first.value)
    if reported_by(doc, first, trigger):
        if ahead:  # a report is made by the day it is written: a later day of it was misread, and dates nothing
            fallback = _fallback(doc, trigger.idx)
            return fallback.because(f"{timex.text!r} would put the report after the article date: {fallback.basis}")
        return Dating(value, precision(value) or "day", "ON_OR_BEFORE", f"{basis}, the day it was reported")
    return Dating(value, precision(value) or "day", preposition_mod(doc, first, trigger), basis)


def _fallback(doc: Document, at: int | None = None) -> Dating:
    """The day the article was written, ON_OR_BEFORE: no time of the text dates the event. On a live page, the day
    of the entry that holds character `at` (`entry_day`)."""
    entry = entry_day(doc, at) if at is not None else None
    day = entry or speech_day(doc)
    said = "its entry's stamp" if entry else "the page's own stamp" if day != doc.article.date else "the article date"
    return Dating(day.isoformat(), "day", "ON_OR_BEFORE", f"{FALLBACK_BASIS}: on or before {said}")


def speech_day(doc: Document) -> dt.date:
    """The day the article was written: the latest day its own page stamp names ("Updated at 4:52
    p.m. on Monday, October 14, 2019", "Published Saturday, October 12"), when that is no later than
    the day the text was written (the article date, as a crawl or feed date can come days after, or the
    later day the time stage found: a live page's latest entry stamp), else the article date."""
    key, asked = doc.parsed, (written_by(doc), len(doc.timexes), len(doc.excluded))
    known = _SPEECH_DAYS.get(key) if key is not None else None
    if known is not None and known[0] == asked:
        return known[1]
    stamps = [s for s in doc.excluded if s.kind == "timestamp"]
    days = [_first_day(t.value) for t in doc.timexes
            if precision(t.value) in ONE_DAY and any(s.start <= t.start < s.end for s in stamps)]
    day = max((d for d in days if d is not None and d <= written_by(doc)), default=doc.article.date)
    if key is not None:
        _SPEECH_DAYS[key] = (asked, day)
    return day


#: Each article parse's speech day (with what it was read from), dropped with the parse.
_SPEECH_DAYS: weakref.WeakKeyDictionary[Any, tuple[tuple[dt.date, int, int], dt.date]] = weakref.WeakKeyDictionary()


def _looks_ahead(trigger: Any) -> bool:
    """True when the trigger's clause is not told in the past: "will meet on Thursday", "meets
    on Thursday", "is to meet", "an AU meeting on Thursday" (a nominal event in a present clause), "an AU
    meeting on Thursday is expected to ..." (a passive whose auxiliary is present: `past_tense` reads no past in it)."""
    verb = clause_head(trigger)
    if verb.pos_ not in VERBAL:
        return True
    return not past_tense(verb)


def _written_out(timex: Timex) -> bool:
    """A date the text writes out ("April 5", "5 April 2018"): it stands even after a crawl date."""
    return any(ch.isdigit() for ch in timex.text) and precision(timex.value) in ONE_DAY


def _narrated_in_full(doc: Document, timex: Timex) -> bool:
    """A day written out that dates a past act ("Trump on April 5 threatened"): it holds, and carries to the
    sentences that continue the story, even when it lies after the day the article is known to be written by."""
    root = timex_root(doc, timex)
    return root is not None and _written_out(timex) and narrative_past(clause_head(root.head))


def _carried_day(doc: Document, trigger: Any) -> Dating | None:
    """The day that governs the story here: a past-tense sentence with no time of its own
    continues the last one that named a day ("On Saturday, clashes erupted ... Rockets were
    exchanged"), until another time is named or two sentences have passed (a paragraph break does not end
    the thread: wire copy gives each sentence a paragraph of its own). A sentence that names a time of
    its own, even in another clause ("After the vote in March, his supporters waded in"), has left the
    earlier day; a time ahead of the writing day ("said she would stand again in May") dates a
    plan, not the narration, and does not take the sentence out of it (`continues_thread`); a bare clock
    time ("6:45 p.m.", a live blog's entry) names no day.
    A relative clause on a noun describes it from outside the thread ("Ruto, who called Kenya a
    friend of the treaty, said ..."): its act keeps no day from the story. A time on a noun ("in the wake
    of the May 3 shelling") dates that noun's happening, not the story (`thread_time`); a report takes no day
    more than `REPORT_CYCLE` before the article was written; a length of more than a day named in a sentence between
    ("It took five months to seal the well.") has moved the story past the day (`length_between`)."""
    last = thread_time(doc, trigger.sent) if continues_thread(doc, trigger) else None
    if last is None or not is_anchor(last) or _BARE_CLOCK.fullmatch(last.text) \
            or sentences_between(doc, last, trigger) > CARRY_SENTENCES or not dates_main_clause(doc, last) \
            or length_between(doc, last, trigger) is not None:
        return None
    said = last.text
    last = same_expression_value(doc, last)
    start = _first_day(last.value)
    if precision(last.value) not in ONE_DAY or start is None or \
            (start > written_by(doc) and not _narrated_in_full(doc, last)) or \
            (reports(trigger) and start < written_by(doc) - REPORT_CYCLE):
        return None
    basis = f"{said!r} in an earlier sentence still holds: a past-tense sentence with no time of its own continues " \
            "the story"
    # '"Our fighters killed ...," he said on Tuesday.'; a report carried from a report is made that day
    if reported_by(doc, last, trigger) and not reports(trigger):
        return Dating(date_part(last.value), "day", "ON_OR_BEFORE", f"{basis}, as reported that day")
    if pluperfect(trigger):  # "On Saturday, rebels stormed the town. They had seized the airport.": by that day
        return Dating(date_part(last.value), "day", "ON_OR_BEFORE", f"{basis}, told in the pluperfect: by that day")
    return Dating(date_part(last.value), "day", None, basis)


def _told_now(doc: Document, trigger: Any, hypothetical: bool, fallback: Dating) -> Dating | None:
    """An act or state told in the present with no time of its own holds on the day the text speaks from
    (`dating_present`): the fallback's day, exactly. Words a past verb of saying reports were said when it was:
    its date when that is one exact day, else the bound stays."""
    verb = None if hypothetical or in_first_sentence(trigger) else present_verb(trigger)
    if verb is None:
        return None
    saying = reporting_past_verb(verb)
    if saying is None:
        return Dating(fallback.value, "day", None, f"{trigger.text!r} {PRESENT_BASIS} with no time of its "
                      "own: it holds on the day the text speaks from")
    said = event_dating(doc, saying.i)
    if said.mod is not None or said.precision != "day" or FALLBACK_BASIS in said.basis:
        return None
    return said.because(f"{trigger.text!r} {PRESENT_BASIS} in what {saying.text!r} reports: "
                        f"{said.basis}")


def _carried_year(doc: Document, trigger: Any) -> Dating | None:
    """The year of a narration of an earlier year that the trigger's sentence goes on with (`dating_thread`):
    "It was on 18 March 1967 that the tanker struck the rock. ... Attempts to float the ship failed." is 1967."""
    found = carried_year(doc, trigger) if continues_thread(doc, trigger) else None
    if found is None:
        return None
    year, timex = found
    return Dating(year, "year", None, f"{timex.text!r} in an earlier sentence began a narration of {year} that "
                  "every sentence since goes on in the past tense: this one continues it")


def _lede_report(doc: Document, trigger: Any) -> Dating | None:
    """The day of the story's lede for a saying it goes on to report ("The Cuban leader said ..." after "Castro said
    Friday ..."): a past-tense verb of saying that heads its sentence's main clause, with no time in its sentence,
    was said on the day the story is the news of (`dating_lede`)."""
    main = trigger.dep_ == "ROOT" or (trigger.dep_ in ("conj", "parataxis") and trigger.head.dep_ == "ROOT")
    if not (main and reports(trigger) and clause_head(trigger).i == trigger.i and continues_thread(doc, trigger)):
        return None
    lede = lede_day(doc, trigger)
    if lede is None:
        return None
    value = date_part(lede.value)
    return Dating(value, "day", None, f"{lede.text!r} dates the story's lede: a saying it reports with no time of "
                  "its own was made that day")
