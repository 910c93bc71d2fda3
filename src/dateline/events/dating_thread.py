"""The story thread: which sentences continue a narration, and how far the time it was given reaches.

News tells a happening over several sentences and names its time once ("On Saturday, clashes erupted ...
Rockets were exchanged"). A sentence continues the narration when its clause is told in the narrative past
(`narrative_past`) and not as news of now (`reports_present`), and its sentence names no time of its own
(`continues_thread`); the time that governs it is the last one that dated a main clause before it
(`dates_main_clause`). `events.dating` carries a day two sentences (`_carried_day`);
a narration of an earlier year ("It was on 18 March 1967 that the tanker struck the rock. Oil spread along the
coast. Attempts to float the ship failed.") keeps that year for as long as every sentence goes on narrating in
the past (`carried_year`): an article names a past year only for a story it tells apart from the news of now,
and the narration is over when a sentence speaks of now or names another time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from dateline.events.dating_clauses import (
    REPORTING,
    VERBAL,
    clause_head,
    clause_of_same_time,
    complement_of_same_time,
    fronted,
    gapped_verb,
    is_anchor,
    participle_adjunct,
    timex_root,
    written_by,
)
from dateline.events.dating_eras import era_is_background
from dateline.events.dating_hooks import entry_start, in_page_stamp
from dateline.model import Document, Timex
from dateline.syntax import first_conjunct
from dateline.timex3 import interval
from dateline.words import word_class

_FUTURE_AUX = word_class("auxiliaries", "future")
_PERFECT_AUX = word_class("auxiliaries", "perfect")
#: A year written out in digits ("1967", "July 1997"): a narration set apart from now names its year; "a year
#: ago" or "the year-ago period" compares figures with last year's and begins none.
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b")
#: Dependencies of a time that qualifies a noun rather than dating a clause.
_OF_A_NOUN = frozenset({"compound", "amod", "nummod", "poss", "nmod", "appos"})
#: A length of more than a day: days past one, weeks, months, years, decades, centuries ("P5M", "PXW", "P2D").
_LONGER_THAN_A_DAY = re.compile(r"P(?:(?:[2-9]|\d\d+|X)D|(?:\d+|X)[WMYEC])")
#: How many sentences a narration of an earlier year goes on with no time of its own (a day is carried two).
YEAR_THREAD_SENTENCES = 6
#: A report ("the police spokesman said ...") tells the news of its article: a day more than this long before the
#: article was written is background ("the bombings which killed 224 people on Aug. 7, 1998"), not when it was said.
REPORT_CYCLE = dt.timedelta(days=7)
#: Quotation marks, straight and curly: a quotation's words lie between two of them.
_QUOTES = frozenset('"\u201c\u201d')


def narrative_past(verb: Any) -> bool:
    """A clause that narrates: simple past or pluperfect ("were exchanged", "had fled"), a conjunct sharing
    their auxiliary ("were killed and two injured"), a short report's reduced passive ("Two soldiers
    killed."); not a present perfect ("has expelled"), which tells a state of now and takes no day from the story."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.tag_ == "VBN":
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBZ", "VBP") or a.lower_ in _FUTURE_AUX or a.tag_ == "MD" for a in auxes):
        return False
    if verb.tag_ == "VBN" and not auxes and reduced_passive(verb if verb.dep_ != "conj" else verb.head):
        return True
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def pluperfect(trigger: Any) -> bool:
    """True when the trigger's clause is told in the pluperfect ("had fled", "had been decapitated", a conjunct
    sharing its auxiliary): an act before the story's time, not on it."""
    verb = tensed_clause(clause_head(trigger))
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if not auxes and verb.dep_ == "conj" and verb.tag_ == "VBN":
        auxes = [c for c in verb.head.children if c.dep_ == "aux"]
    return any(a.tag_ == "VBD" and a.lower_ in _PERFECT_AUX for a in auxes)


def tensed_clause(verb: Any) -> Any:
    """The verb whose tense a clause takes: itself, or for a clause with no tense of its own the verb it hangs on
    (a participle adjunct: "Albright accepted the papers, marking their entry" is told as "accepted" is; a
    tenseless complement of a past verb: "declined to comment"), up a chain of such clauses."""
    for _ in range(4):
        if not (participle_adjunct(verb) or complement_of_same_time(verb)):
            break
        verb = verb.head
    return verb


def reduced_passive(verb: Any) -> bool:
    """A sentence of a bare past participle ("Two soldiers killed."): a short report's past act."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def dates_main_clause(doc: Document, timex: Timex) -> bool:
    """True when the timex dates its sentence's main clause ("On Saturday, clashes erupted"), the
    story's reference time; a day in a subordinate clause ("since protests began Tuesday") is background,
    but not one in a clause that shares the main clause's time: a participle ("Speaking on Tuesday, the mayor
    urged"), a clause of "as"/"when"/"while" ("officials said as dawn broke Saturday") or a gapped conjunct ("Two
    were killed and nine wounded on Saturday"), up a chain of such clauses. Not a complement ("wrote: 'Go back to
    work on Sunday'", "was said to be stable yesterday"): a time there is what the words are about."""
    root = timex_root(doc, timex)
    if root is None:
        return False
    head = clause_head(root.head if root.pos_ in VERBAL else root)
    for _ in range(4):
        shared = gapped_verb(head)
        if shared is None and not (participle_adjunct(head) or clause_of_same_time(head)):
            break
        head = shared or head.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT") or fronted(doc, timex)


def sentences_between(doc: Document, timex: Timex, trigger: Any) -> int:
    """How many sentences start after the timex and up to the trigger's own (counted over the tokens between
    them, not over every sentence of the article)."""
    first = timex.token_start or 0
    return sum(1 for token in doc.parsed[first:trigger.sent.start + 1]
               if token.is_sent_start and timex.end <= token.idx)


def length_between(doc: Document, timex: Timex, trigger: Any) -> Timex | None:
    """A length of more than a day named in a sentence between the timex's and the trigger's ("The flood on 3 May
    killed 9 villagers. It took six weeks for the dam to be repaired. The ministry was blamed for ..."): the story has
    moved on past that day, so the day no longer dates what follows. A length in the day's own sentence ("Friday she
    spoke of the case that has gripped the city for five months") moves nothing. None if there is none."""
    after = doc.parsed[timex.token_start or 0].sent.end_char
    return next((t for t in doc.timexes if t.type == "DURATION" and after <= t.start < trigger.sent.start_char
                 and _LONGER_THAN_A_DAY.fullmatch(t.value or "")), None)


def reports_present(verb: Any) -> bool:
    """A clause reported by a present-tense verb ("police say the man was arrested"), or the complement of one
    ("investigators think the killer buried the rifle"): news or belief of now, not the story's thread."""
    verb = first_conjunct(verb)  # "think the killer buried the rifle, then fled"
    head = verb.head
    return head.i != verb.i and head.tag_ in ("VBZ", "VBP") and (head.lemma_ in REPORTING or verb.dep_ == "ccomp")


def last_time_before(doc: Document, sent: Any, skip: Callable[[Timex], bool] | None = None) -> Timex | None:
    """The last DATE or TIME the article names before the sentence, whatever it is, bar those `skip` passes over."""
    entry = entry_start(doc, sent.start_char)
    earlier = [t for t in doc.timexes if entry <= t.start and t.end <= sent.start_char and t.type in ("DATE", "TIME")
               and not in_page_stamp(doc, t) and not (skip is not None and skip(t))]
    return max(earlier, key=lambda t: t.start, default=None)


def thread_time(doc: Document, sent: Any) -> Timex | None:
    """The time that governs the story up to the sentence: the last DATE or TIME named before it that is no time of now
    or to come (`_now_or_ahead`); none when that one dates a clause told ahead or as now (`told_ahead_or_now`). When
    that one modifies a noun ("issued a warning on Sunday in the wake of the May 3 shelling"), it dates the happening
    its noun names, not the act its sentence tells, so the thread's time is then the last time of that sentence that
    is no noun's ("on Sunday"). When the sentence has no other, the noun's time stays the thread's: the noun is then
    often the story's own happening ("Friday's signing ceremony drew ... The ministers signed")."""
    # an era named as a thing, not a time ("into the 19th century"), neither sets the story's time nor ends it
    last = last_time_before(doc, sent, skip=lambda t: _now_or_ahead(doc, t)
                            or era_is_background(t, timex_root(doc, t)))
    if last is not None and told_ahead_or_now(doc, last):
        return None
    if last is None or not _on_a_noun(doc, last):
        return last
    first = doc.parsed[last.token_start].sent.start_char
    others = [t for t in doc.timexes if first <= t.start and t.end <= last.start and t.type in ("DATE", "TIME")
              and not _on_a_noun(doc, t)]
    return max(others, key=lambda t: t.start, default=last)


def told_ahead_or_now(doc: Document, timex: Timex) -> bool:
    """True when the time dates a clause whose own auxiliary tells it ahead or as now ("Clinton is traveling to
    Haiti on Saturday", "has been leaking since April", "is to be broadcast later on Tuesday"): a plan's or the
    present's day begins no past narration, and the sentence that names it has left the story, so the earlier day
    reaches no further either. (Passing over it instead, as over "now" in words, carried "Analysts were today
    questioning" across "Paddy Power is now offering odds ... by the end of this year" to "John Browne departed"
    in a test on Timeline17.) A clause in the simple present with no auxiliary (a headline's "Rebels seize town on
    Saturday") still narrates, and one with no tense of its own is read by the verb it hangs on."""
    root = timex_root(doc, timex)
    if root is None or root.dep_ in _OF_A_NOUN:
        return False
    verb = tensed_clause(clause_head(root.head if root.pos_ not in VERBAL else root))
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.pos_ in VERBAL and bool(auxes) and not narrative_past(verb)


def _now_or_ahead(doc: Document, timex: Timex) -> bool:
    """True for a time of now or to come said in words ("now", "the future", "tomorrow", "next year"): a past story
    names it in a quotation or a plan, and it neither sets the story's day nor ends it. Not a day written out in
    digits after the article date, which may be the day the text was really written ("Trump on April 5
    threatened ..." under an April 2 collection date, `time.writing_day`)."""
    span = interval(timex.value)
    return timex.value in ("PRESENT_REF", "FUTURE_REF") or \
        (span is not None and span.first > written_by(doc) and not any(ch.isdigit() for ch in timex.text))


def _on_a_noun(doc: Document, timex: Timex) -> bool:
    """True when the time modifies a noun that is no time itself ("the Aug. 7 bombings", "Tuesday's vote")."""
    root = timex_root(doc, timex)
    head = root.head if root is not None else None
    return head is not None and root.dep_ in _OF_A_NOUN and head.pos_ in ("NOUN", "PROPN") and \
        not any(t.token_start is not None and t.token_end is not None and t.token_start <= head.i < t.token_end
                for t in doc.timexes)


def carried_year(doc: Document, trigger: Any) -> tuple[str, Timex] | None:
    """The year of a narration of an earlier year that the trigger's sentence goes on with, and the time that
    named it; None unless the last time named before the sentence dated a main clause told in the past within
    one year before the article's, wrote that year out, lies at most `YEAR_THREAD_SENTENCES` sentences back, and
    every sentence since narrates in the past and reports nothing (a report, "Howard said ...", is the news of
    now). The caller has checked that the trigger's own clause narrates and its sentence names no time."""
    last = last_time_before(doc, trigger.sent)
    if last is None or not is_anchor(last) or not _YEAR_WRITTEN.search(last.text) or reports(clause_head(trigger)) \
            or not dates_main_clause(doc, last):
        return None
    span = interval(last.value)
    if span is None or span.first.year != span.last.year or span.last.year >= written_by(doc).year:
        return None
    if sentences_between(doc, last, trigger) > YEAR_THREAD_SENTENCES or not _narrates(doc, last) \
            or _times_after(doc, last, trigger) or not _narrated_since(doc, last, trigger):
        return None
    return str(span.first.year), last


def _times_after(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when a date or time is named after the year up to the end of the trigger's sentence, or any time in
    the trigger's own sentence, a length too ("Two years before that, ..."): the narration has moved on from its
    year. A length in a sentence between ("blighted the region for many years thereafter") moves nothing."""
    sent = trigger.sent
    return any(timex.end <= t.start < sent.end_char and (t.type in ("DATE", "TIME") or t.start >= sent.start_char)
               for t in doc.timexes)


def _narrates(doc: Document, timex: Timex) -> bool:
    """True when the year dates a clause told in the narrative past ("The tanker struck the rock in 1967"), not
    a noun ("the 1989 Exxon Valdez disaster", "Dvorak's 1904 version", "Gluck (1777)") or a clause of now."""
    root = timex_root(doc, timex)
    if root is None or root.dep_ in _OF_A_NOUN:
        return False
    verb = clause_head(root.head if root.pos_ not in VERBAL else root)
    return verb.pos_ in VERBAL and narrative_past(verb)


def reports(verb: Any) -> bool:
    """A verb of saying ("officials said"): a report is the news of now, not a step of a narration."""
    return verb.lemma_ in REPORTING and verb.pos_ == "VERB"


def _narrated_since(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when every sentence after the timex's, up to the trigger's, is a main clause in the narrative past:
    a sentence of now ("The spill remains Britain's worst"), a fragment or a caption ends the narration."""
    start = doc.parsed[timex.token_start or 0].sent.end
    while start < trigger.sent.start:
        sent = doc.parsed[start].sent
        root = sent.root
        if root.pos_ not in VERBAL or not narrative_past(root) or reports_present(root) or reports(root):
            return False
        start = sent.end
    return True


def continues_thread(doc: Document, trigger: Any) -> bool:
    """True when the trigger's clause can take its time from the story thread: it narrates in the past (or is
    quoted by a verb that does), is no relative clause on a noun nor news of now, and its sentence names no
    calendar time of its own. A clause with no tense of its own ("..., marking their entry", "declined to
    comment") is read by the verb it hangs on (`tensed_clause`); a time in what a verb of saying reports is the
    content's, not the saying's own (`_in_what_is_said`)."""
    verb = tensed_clause(clause_head(trigger))
    if verb.pos_ in VERBAL and not narrative_past(verb):
        verb = _quoting_verb(trigger) or verb  # '"Let us support the program," the mayor said.': said that day
    if verb.pos_ not in VERBAL or verb.dep_ == "relcl" or not narrative_past(verb) or reports_present(verb):
        return False
    sent = trigger.sent
    return not any(is_anchor(t) and t.token_start is not None and sent.start <= t.token_start < sent.end
                   and not in_page_stamp(doc, t) and not _in_what_is_said(doc, t, trigger)
                   and not era_is_background(t, timex_root(doc, t)) and not _ahead_of_writing(doc, t)
                   for t in doc.timexes)


def _ahead_of_writing(doc: Document, timex: Timex) -> bool:
    """True when the time lies wholly after the day the text was written ("said she would stand again in May",
    written in March): a time ahead dates a plan or a wish, never a past act the sentence narrates, so naming it
    does not take the sentence out of the story."""
    span = interval(timex.value)
    return span is not None and span.first > written_by(doc)


def _in_what_is_said(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when the trigger is a verb of saying and the time lies in what it reports, in a clause below it
    ("The official said the accession was planned for early March", "“We will leave as soon as Tuesday,” Castro
    said"): that time dates the words' content, not the saying, which goes on with the story's day. Only for the
    sentence's main clause: a saying in a clause of its own ("The morning after Mubarak announced he would not
    run in September, ...") is background to it."""
    root = timex_root(doc, timex)
    main = trigger.dep_ == "ROOT" or (trigger.dep_ == "conj" and trigger.head.dep_ == "ROOT")
    if root is None or not reports(trigger) or not main or not trigger.is_ancestor(root):
        return False
    below = next(t for t in root.ancestors if t.head.i == trigger.i) if root.head.i != trigger.i else root
    return below.dep_ == "ccomp"  # not "said in the letter, dated Monday": an adjunct of the saying


def _quoting_verb(trigger: Any) -> Any | None:
    """The past reporting verb of the sentence whose quotation holds the trigger ('"Let us support this
    program," the mayor said.'): words quoted were said when the reporting clause tells, so an act done by
    saying them (an appeal, a threat, a promise in the present or future tense) continues the story's day.
    None when the trigger is not inside quotation marks or no reporting verb above it is outside them."""
    # Spans' own text, not `Doc.text`: that joins every token of the article again on each call (5 of 6.5 s of
    # the events stage on 48 Timeline17 articles).
    sent, doc = trigger.sent, trigger.doc
    if not (_QUOTES & set(doc[sent.start:trigger.i].text) and _QUOTES & set(doc[trigger.i:sent.end].text)):
        return None
    token = trigger
    for _ in range(12):
        if token.head.i == token.i:
            return None
        token = token.head
        first, last = sorted((token.i, trigger.i))
        if token.lemma_ in REPORTING and token.pos_ == "VERB" and token.tag_ == "VBD" \
                and _QUOTES & set(doc[first:last].text):
            return token
    return None
