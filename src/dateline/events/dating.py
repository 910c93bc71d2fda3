"""Event dating: which of the time stage's timexes dates an event, how precisely, and how.

An event date is a TIMEX3 value, its precision (a pure granularity: day, week, month ...,
read by `dateline.timex3`) and a TIMEX3-style `date_mod` saying how the event relates to
it: None when it happened on or within the date, `BEFORE`, `ON_OR_BEFORE` or `AFTER`.
The date of an event is, in order:

1. the timex that governs the trigger's clause: one reached from the trigger through
   the dependency tree without passing into another clause ("Turkey and Russia on
   Monday agreed", "a deal ... last year"). If that timex is a duration, a set or a
   fuzzy reference ("during the past few months", "recently"), it says the event is
   not a dated point, and the article date is used, `ON_OR_BEFORE` (`AFTER` for a
   hypothetical event "in the future");
2. else the nearest anchoring expression (a DATE or TIME with a calendar value) in the
   sentence, from a clause that contains the trigger ("On Monday officials said rebels
   attacked"), never from a clause beside it (a relative clause about something else);
   when that clause only reports the event ("said on Monday"), the mod is
   `ON_OR_BEFORE`: the event happened by the day it was reported;
3. else, for "the previous meeting" and the like, the latest day the article mentioned
   earlier, `BEFORE`;
4. else the day the article was written, `ON_OR_BEFORE`: its page stamp's day ("Updated ... March
   29") when that comes before the article date, else the article date.

A timex introduced by "before", "by" or "after" gives the event that relation to it
(`BEFORE`, `ON_OR_BEFORE`, `AFTER`). An event is never dated after its article unless it
is future or hypothetical: such a date falls back to the article date, `ON_OR_BEFORE`.

This module reads `doc.timexes` (values and token offsets) and the parse only; it never
calls the time stage itself.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import replace
from typing import Any, NamedTuple

from dateline.events.occasion import occasion_clause, occasion_noun
from dateline.model import Document, Timex
from dateline.timex3 import DateMod, Precision, date_part, interval, is_calendar, precision
from dateline.words import word_class, word_set, word_table

_VERBAL = frozenset({"VERB", "AUX"})
#: Modifiers that place an event before the one the article is about ("the previous meeting").
_EARLIER_WORDS = frozenset({"previous", "earlier", "prior", "last", "former", "past"})
_MAX_HOPS = 12
#: Dependencies of nouns: a verb-tagged word there is a misread name unless it is a gerund.
_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos", "poss"})
#: Clauses that modify a noun: "the talks, which began last month" dates the talks.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
#: Verbs that report an event: their date is when it was said, so the event itself
#: happened on or before it ("police said on Tuesday they had arrested ...").
_REPORTING = word_set("reporting_verbs")
#: Prepositions that put an event on one side of the date they introduce ("withdrew by Monday").
_PREPOSITION_MODS: dict[str, DateMod] = {"before": "BEFORE", "by": "ON_OR_BEFORE", "after": "AFTER"}
#: Precisions of values that name one day (or a time within it).
_ONE_DAY = frozenset({"day", "part_of_day", "time"})
#: A named day governs the sentences that follow it this far (its own counts as none): a story
#: thread goes on for a sentence or two before the article turns to background.
CARRY_SENTENCES = 2
#: Weekday names: a relative day named twice in one article is one day.
_WEEKDAYS = frozenset(word_table("weekdays"))
_FUTURE_AUX = word_class("auxiliaries", "future")
_PERFECT_AUX = word_class("auxiliaries", "perfect")


class EventDate(NamedTuple):
    """When an event happened: a TIMEX3 value, its granularity, and the relation to it."""

    value: str
    precision: Precision
    mod: DateMod | None = None


def is_anchor(timex: Timex) -> bool:
    """A timex that names a calendar period (a DATE or TIME with a value), not a span."""
    return timex.type in {"DATE", "TIME"} and is_calendar(timex.value)


def _clause_head(token: Any) -> Any:
    """The verb heading the clause `token` belongs to (itself if it is one), else the root."""
    for _ in range(_MAX_HOPS):
        if _verbal(token) or token.head.i == token.i:
            return token
        token = token.head
    return token


def _verbal(token: Any) -> bool:
    """A verb that heads a clause. A word tagged as a bare verb in a noun's slot is a name the
    tagger misread ("Trump on April 5 threatened", "Trump" a VB subject): it heads no clause,
    while a gerund there does ("fighting in Deraa killed ...")."""
    if token.pos_ not in _VERBAL:
        return False
    return token.dep_ not in _NOUN_SLOTS or token.tag_ == "VBG"


def _path_to_trigger(timex_root: Any, trigger: Any) -> tuple[int, int] | None:
    """How a timex reaches the trigger up the tree: (0 if at the trigger itself, else 1; hops).

    A nominal trigger's own modifiers come first ("the talks, which began last month,
    will resume next week": the talks began last month), then its clause head's.

    None when the way up passes another verb first: the timex then belongs to a
    different clause ("mobilising ... during the past few months" vs "a deal ... last year"),
    unless that clause describes the trigger itself ("talks, which began last month").
    """
    clause_head = _clause_head(trigger)
    token, hops = timex_root, 0
    while hops < _MAX_HOPS:
        if token.i == trigger.i:
            return 0, hops
        if token.i == clause_head.i:
            return 1, hops
        describes_trigger = token.dep_ in _NOUN_CLAUSES and token.head.i == trigger.i
        if (_verbal(token) and hops > 0 and not describes_trigger) or token.head.i == token.i:
            return None
        token, hops = token.head, hops + 1
    return None


def _timex_root(doc: Document, timex: Timex) -> Any | None:
    if timex.token_start is None or timex.token_end is None:
        return None
    return doc.parsed[timex.token_start:timex.token_end].root


def _overlaps(timex: Timex, sent: Any) -> bool:
    """Whether the timex has a token in the sentence: an integer test that spares the span's root (a
    slice of the parse) for the article's other timexes."""
    return timex.token_start is not None and timex.token_end is not None and \
        timex.token_start < sent.end and timex.token_end > sent.start


def governing_timex(doc: Document, trigger: Any) -> Timex | None:
    """The timex of the trigger's own clause, nearest in the tree; anchors win ties.

    A duration says how long the act lasted, not when: when one is nearest but a calendar
    anchor governs the clause as well ("In August 2003 unions organised a strike that stopped
    production for two days"), the anchor dates the act."""
    sent = trigger.sent
    governing: list[tuple[tuple[int, int], int, Timex]] = []
    for timex in doc.timexes:
        if not _overlaps(timex, sent):
            continue
        root = _timex_root(doc, timex)
        if root is None or not sent.start <= root.i < sent.end:
            continue
        path = _path_to_trigger(root, trigger)
        if path is not None:
            governing.append((path, 0 if is_anchor(timex) else 1, timex))
    if not governing:
        return None
    best = min(governing, key=lambda key: key[:2])
    anchors = [key for key in governing if key[1] == 0]
    if best[2].type == "DURATION" and anchors:
        best = min(anchors, key=lambda key: key[0])
    return best[2]


def _dates_trigger_clause(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True unless the timex sits in a clause that does not contain the trigger.

    "On Monday officials said rebels attacked" dates the attack (the timex's clause
    embeds the trigger's); "an assault on zones that were established last year" does
    not date the assault (the timex's clause is a relative clause beside it).
    """
    root = _timex_root(doc, timex)
    if root is None:
        return False
    head = root.head
    while head.head.i != head.i and not _verbal(head):
        head = head.head
    if not _verbal(head):
        return True
    if _participle_adjunct(head):  # "Speaking on Tuesday, the mayor urged ...": one time for both
        head = head.head
    return head == trigger or (head.is_ancestor(trigger) and not _in_noun_clause(trigger, head)
                               and not _conjunct_of_other_tense(trigger, head))


def _participle_adjunct(verb: Any) -> bool:
    """A participle clause with no subject of its own that modifies a verb ("Speaking on Tuesday,
    the mayor urged"; "Addressing reporters on Monday, he accused"): it happens when its verb does."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and _verbal(verb.head) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)


def _conjunct_of_other_tense(trigger: Any, above: Any) -> bool:
    """True when the trigger sits in a clause joined to `above` by "and" that is told in another
    tense ("called off the search last Friday and is now concentrating on getting aid"): the
    conjunct is a clause of its own time, and the day of the first does not date it."""
    token = trigger
    for _ in range(_MAX_HOPS):
        if token.i == above.i or token.head.i == token.i:
            return False
        if token.dep_ == "conj" and _verbal(token) and _finite(token) and \
                _past_tense(token) != _past_tense(token.head):
            return True
        token = token.head
    return False


def _finite(verb: Any) -> bool:
    """A verb that carries its own tense: a finite form, or an auxiliary of its own ("is concentrating")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _in_noun_clause(trigger: Any, above: Any) -> bool:
    """True when the trigger sits in a relative clause on a noun below `above` ("found on March 4
    in an attack that Britain has blamed on Russia"): a finite clause of its own, with its own
    tense and time. A reduced one ("products imported from the US") has no tense to say so."""
    token = trigger
    for _ in range(_MAX_HOPS):
        if token.i == above.i or token.head.i == token.i:
            return False
        if token.dep_ == "relcl" and not _verbal(token.head) and not occasion_clause(token):
            return True
        token = token.head
    return False


def nearest_anchor(doc: Document, trigger: Any) -> Timex | None:
    """The anchoring timex in the trigger's sentence closest to it, from a clause above it."""
    sent = trigger.sent
    anchors = [t for t in doc.timexes if t.token_start is not None and sent.start <= t.token_start < sent.end
               and is_anchor(t) and _dates_trigger_clause(doc, t, trigger)]
    return min(anchors, key=lambda t: abs(t.token_start - trigger.i), default=None)


def _earlier_than_mentioned(doc: Document, trigger: Any) -> EventDate | None:
    """"The previous meeting": before the latest day the article mentioned up to here."""
    if not any(c.lower_ in _EARLIER_WORDS and c.dep_ in {"amod", "advmod"} for c in trigger.children):
        return None
    days = [date_part(t.value) for t in doc.timexes
            if t.token_start is not None and t.token_start < trigger.i
            and precision(t.value) in _ONE_DAY and (_first_day(t.value) or dt.date.max) <= doc.article.date]
    return EventDate(max(days, default=doc.article.date.isoformat()), "day", "BEFORE")


def _first_day(value: str) -> dt.date | None:
    """The first day a value covers, to compare it with the article date; None if it covers none."""
    span = interval(value)
    return span.first if span else None


def date_event(doc: Document, trigger_i: int, hypothetical: bool = False) -> EventDate:
    """The date of the event whose trigger is token `trigger_i`: value, precision and mod.

    See the module docstring for the order of evidence. Falls back to the article date,
    `ON_OR_BEFORE`; an event told in the past tense is never dated after it unless the
    text writes that date out in full.
    """
    fallback = EventDate(speech_day(doc).isoformat(), "day", "ON_OR_BEFORE")
    if doc.parsed is None or not 0 <= trigger_i < len(doc.parsed):
        return fallback
    trigger = doc.parsed[trigger_i]
    timex = governing_timex(doc, trigger)
    if timex is not None and not is_anchor(timex):
        if hypothetical and timex.value == "FUTURE_REF":  # "in the near future"
            return EventDate(doc.article.date.isoformat(), "day", "AFTER")
        return fallback
    timex = timex or nearest_anchor(doc, trigger)
    if timex is None:
        occasion = occasion_noun(doc, trigger)
        if occasion is not None and occasion.i != trigger.i and not occasion.is_ancestor(trigger):
            return date_event(doc, occasion.i, hypothetical)  # the parse hung the clause elsewhere
        return _earlier_than_mentioned(doc, trigger) or _carried_day(doc, trigger) or fallback
    timex = same_expression_value(doc, timex)
    start = _first_day(timex.value)
    ahead = start is not None and start > doc.article.date
    if start is None or (ahead and not (hypothetical or _looks_ahead(trigger) or _written_out(timex))):
        return fallback
    value = date_part(timex.value)
    mod = "ON_OR_BEFORE" if _reported_by(doc, timex, trigger) and not ahead else _preposition_mod(doc, timex)
    return EventDate(value, precision(value) or "day", mod)


def speech_day(doc: Document) -> dt.date:
    """The day the article was written: the latest day its own page stamp names ("Updated at 1:33
    p.m. on Thursday, March 29, 2018", "Published Saturday, March 31"), when that is no later than
    the article date (a crawl or feed date can come days after), else the article date."""
    key, asked = doc.parsed, (doc.article.date, len(doc.timexes), len(doc.excluded))
    known = _SPEECH_DAYS.get(key) if key is not None else None
    if known is not None and known[0] == asked:
        return known[1]
    stamps = [s for s in doc.excluded if s.kind == "timestamp"]
    days = [_first_day(t.value) for t in doc.timexes
            if precision(t.value) in _ONE_DAY and any(s.start <= t.start < s.end for s in stamps)]
    day = max((d for d in days if d is not None and d <= doc.article.date), default=doc.article.date)
    if key is not None:
        _SPEECH_DAYS[key] = (asked, day)
    return day


#: Each article parse's speech day (with what it was read from), dropped with the parse.
_SPEECH_DAYS: weakref.WeakKeyDictionary[Any, tuple[tuple[dt.date, int, int], dt.date]] = weakref.WeakKeyDictionary()


def same_expression_value(doc: Document, timex: Timex) -> Timex:
    """A relative day named again in one article means the day it meant first ("Thursday" is one
    Thursday): the later mention takes the earlier one's value when only its value differs."""
    if timex.text.lower() not in _WEEKDAYS:
        return timex
    first = next((t for t in doc.timexes if t.text.lower() == timex.text.lower() and t.start < timex.start
                  and t.value != timex.value and is_anchor(t)), None)
    return timex if first is None else replace(timex, value=first.value)


def _looks_ahead(trigger: Any) -> bool:
    """True when the trigger's clause is not told in the past: "will meet on Thursday", "meets
    on Thursday", "is to meet", "an AU meeting on Thursday" (a nominal event in a present clause)."""
    verb = _clause_head(trigger)
    if verb.pos_ not in _VERBAL:
        return True
    return not _past_tense(verb)


def _past_tense(verb: Any) -> bool:
    """A clause told in the past: a past-tense verb or auxiliary, a perfect, a bare past participle."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" or a.lower_ in _PERFECT_AUX for a in auxes)


def _narrative_past(verb: Any) -> bool:
    """A clause that narrates: simple past or pluperfect ("were exchanged", "had fled"), not a
    present perfect ("has expelled"), which tells a state of now and takes no day from the story."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBZ", "VBP") or a.lower_ in _FUTURE_AUX or a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _written_out(timex: Timex) -> bool:
    """A date the text writes out ("April 5", "5 April 2018"): it stands even after a crawl date."""
    return any(ch.isdigit() for ch in timex.text) and precision(timex.value) in _ONE_DAY


def _carried_day(doc: Document, trigger: Any) -> EventDate | None:
    """The day that governs the story here: a past-tense sentence with no time of its own
    continues the last one that named a day ("On Saturday, clashes erupted ... Rockets were
    exchanged"), until another time is named or the paragraph ends."""
    verb = _clause_head(trigger)
    if verb.pos_ not in _VERBAL or not _narrative_past(verb) or _reports_present(verb):
        return None
    sentence_start = trigger.sent.start_char
    earlier = [t for t in doc.timexes if t.end <= sentence_start and t.type in ("DATE", "TIME")]
    if not earlier:
        return None
    last = max(earlier, key=lambda t: t.start)
    if "\n\n" in doc.article.text[last.end:sentence_start] or not is_anchor(last) or \
            _sentences_between(doc, last, trigger) > CARRY_SENTENCES or not _dates_main_clause(doc, last):
        return None
    last = same_expression_value(doc, last)
    start = _first_day(last.value)
    if precision(last.value) not in _ONE_DAY or start is None or start > doc.article.date:
        return None
    return EventDate(date_part(last.value), "day", None)


def _dates_main_clause(doc: Document, timex: Timex) -> bool:
    """True when the timex dates its sentence's main clause ("On Saturday, clashes erupted"), the
    story's reference time; a day in a subordinate clause ("since protests began Tuesday") is background."""
    root = _timex_root(doc, timex)
    if root is None:
        return False
    head = _clause_head(root.head if root.pos_ in _VERBAL else root)
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _sentences_between(doc: Document, timex: Timex, trigger: Any) -> int:
    """How many sentences start after the timex and up to the trigger's own (counted over the tokens between
    them, not over every sentence of the article)."""
    first = timex.token_start or 0
    return sum(1 for token in doc.parsed[first:trigger.sent.start + 1]
               if token.is_sent_start and timex.end <= token.idx)


def _reports_present(verb: Any) -> bool:
    """A clause reported by a present-tense verb ("police say the man was arrested"): news of now."""
    head = verb.head
    return head.i != verb.i and head.lemma_ in _REPORTING and head.tag_ in ("VBZ", "VBP")


def _preposition_mod(doc: Document, timex: Timex) -> DateMod | None:
    """BEFORE, ON_OR_BEFORE or AFTER when the timex is the object of "before", "by" or "after"."""
    root = _timex_root(doc, timex)
    if root is None or root.dep_ != "pobj":
        return None
    return _PREPOSITION_MODS.get(root.head.lower_)


def _reported_by(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when the timex dates the report of the event, not the event itself.

    Either its clause is a reporting verb above the trigger, or it follows one directly
    ("said on Tuesday they had arrested", which parsers often attach to the event).
    """
    root = _timex_root(doc, timex)
    if root is None:
        return False
    verbs = [_clause_head(root.head)]
    before = timex.token_start - 1
    while before >= 0 and doc.parsed[before].lower_ in {"on", ","}:
        before -= 1
    if before >= 0:
        verbs.append(doc.parsed[before])
    return any(v.lemma_ in _REPORTING and v.pos_ == "VERB" and v.i != trigger.i for v in verbs)
