"""Which timex of its own sentence dates an event: the dependency paths between a trigger and the
timexes of the trigger's sentence (`events.dating` decides with these, and with the discourse).

A timex dates a trigger when it is reached from the trigger through the tree without passing into
another clause (`governing_timex`: "Turkey and Russia on Monday agreed"), or when it sits in a clause
that embeds the trigger's ("On Monday officials said rebels attacked"; `nearest_anchor`), never in a
clause beside it (a relative clause about something else, a conjunct told in another tense). Whether a timex
dates only the report of an event (`reported_by`) is read here too; whether it puts the event before or after it, in
`dating_relations`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.events.dating_aims import time_of_aim
from dateline.events.dating_eras import era_is_background
from dateline.events.dating_hooks import in_page_stamp, time_host
from dateline.events.dating_sources import occasion_of_saying, reporting_verb_of_source
from dateline.events.occasion import occasion_clause
from dateline.model import Document, Timex
from dateline.syntax import saying_verb_before
from dateline.timex3 import is_calendar
from dateline.words import word_class, word_set

#: Parts of speech that head a clause.
VERBAL = frozenset({"VERB", "AUX"})
#: Precisions of values that name one day (or a time within it).
ONE_DAY = frozenset({"day", "part_of_day", "time"})
_MAX_HOPS = 12
#: Dependencies of nouns: a verb-tagged word there is a misread name unless it is a gerund.
_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos", "poss"})
#: Clauses that modify a noun: "the talks, which began last month" dates the talks.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
_FUTURE_AUX = word_class("auxiliaries", "future")
_PERFECT_AUX = word_class("auxiliaries", "perfect")
#: Verbs that report an event: their date is when it was said, not when it happened.
REPORTING = word_set("reporting_verbs")
#: Verbs whose complement lies ahead of them or may not happen ("agreed to meet on Friday", "urged them to
#: leave by Monday"): a time on the complement is its own, not theirs.
_FORWARD_HEADS = word_set("irrealis_verbs") | word_set("intention_verbs") | word_set("planning_words")
#: Dependencies of a time that modifies a noun ("the 1996 bombing", "Wednesday's ruling").
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "nmod"})
#: Subordinators of a clause told at the time of the clause it modifies ("perished when their boat sank").
_SAME_TIME_MARKS = word_set("same_time_marks")


def written_by(doc: Document) -> dt.date:
    """The last day a past act of the article can lie on: the day the text shows it was written when the
    time stage found it later than the article date (`Document.written`: a feed or collection date that came
    before the text was finished), else the article date."""
    return doc.written or doc.article.date


def is_anchor(timex: Timex) -> bool:
    """A timex that names a calendar period (a DATE or TIME with a value), not a span."""
    return timex.type in {"DATE", "TIME"} and is_calendar(timex.value)


def clause_head(token: Any) -> Any:
    """The verb heading the clause `token` belongs to (itself if it is one), else the root."""
    for _ in range(_MAX_HOPS):
        if verbal(token) or token.head.i == token.i:
            return token
        token = token.head
    return token


def verbal(token: Any) -> bool:
    """A verb that heads a clause. A word tagged as a bare verb in a noun's slot is a name the
    tagger misread ("Trump on April 5 threatened", "Trump" a VB subject): it heads no clause,
    while a gerund there does ("fighting in Deraa killed ...")."""
    if token.pos_ not in VERBAL:
        return False
    return token.dep_ not in _NOUN_SLOTS or token.tag_ == "VBG"


def _path_to_trigger(start: Any, trigger: Any) -> tuple[int, int] | None:
    """How a timex reaches the trigger up the tree: (0 at the trigger itself, 1 at a word above the trigger
    in its own clause, 2 at the clause head; hops).

    A nominal trigger's own modifiers come first ("the talks, which began last month,
    will resume next week": the talks began last month), then those of a phrase that holds the trigger
    ("their reaction to the first day of demonstrations Tuesday": Tuesday dates the demonstrations,
    not "The forces' behavior Friday", the clause's subject), then its clause head's.

    None when the way up passes another verb first: the timex then belongs to a
    different clause ("mobilising ... during the past few months" vs "a deal ... last year"),
    unless that clause describes the trigger itself ("talks, which began last month").
    """
    head = clause_head(trigger)
    token, hops = start, 0
    while hops < _MAX_HOPS:
        if token.i == trigger.i:
            return 0, hops
        if token.i == head.i:
            return 2, hops
        if token.is_ancestor(trigger) and head.is_ancestor(token):
            return 1, hops
        describes_trigger = token.dep_ in _NOUN_CLAUSES and token.head.i == trigger.i
        if (verbal(token) and hops > 0 and not describes_trigger) or token.head.i == token.i:
            return None
        token, hops = token.head, hops + 1
    return None


def timex_root(doc: Document, timex: Timex) -> Any | None:
    """The syntactic head of the timex's tokens ("Monday" of "last Monday"), None without token offsets."""
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
        if not _overlaps(timex, sent) or in_page_stamp(doc, timex):
            continue
        root = timex_root(doc, timex)
        if root is None or not sent.start <= root.i < sent.end or _length_of(timex, root, trigger) \
                or _another_saying_s(doc, timex, trigger) or time_of_aim(doc, timex, trigger) \
                or era_is_background(timex, root):
            continue
        path = _path_to_trigger(time_host(root, trigger), trigger)
        if path is not None:
            governing.append((path, 0 if is_anchor(timex) else 1, timex))
    if not governing:
        return None
    best = min(governing, key=lambda key: key[:2])
    anchors = [key for key in governing if key[1] == 0]
    if best[2].type == "DURATION" and anchors:
        best = min(anchors, key=lambda key: key[0])
    return best[2]


def _another_saying_s(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when the time is written right after a verb of saying other than the trigger ("said on Monday they
    would attack the city on Friday"): it is the saying's time wherever the parser hangs it, and governs no act
    the saying reports; `nearest_anchor` still lets it bound what was reported by that day."""
    root = timex_root(doc, timex)
    if root is None or root.dep_ in _NOUN_MODIFIERS:  # "reported third-quarter earnings": the noun's own time
        return False
    word = saying_verb_before(doc.parsed, timex.token_start)
    return word is not None and word.i != trigger.i


def _length_of(timex: Timex, root: Any, trigger: Any) -> bool:
    """A duration that modifies the event noun itself says how long it lasted, not that it has no date ("a
    month-long trial", "the three-day meeting"): the event is dated by the clause's other times."""
    return timex.type == "DURATION" and root.head.i == trigger.i and root.i != trigger.i and trigger.pos_ == "NOUN"


def _dates_trigger_clause(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True unless the timex sits in a clause that does not contain the trigger.

    "On Monday officials said rebels attacked" dates the attack (the timex's clause
    embeds the trigger's); "an assault on zones that were established last year" does
    not date the assault (the timex's clause is a relative clause beside it).
    """
    root = timex_root(doc, timex)
    if root is None:
        return False
    if relative_of_dated_noun(root, trigger):
        return True
    head, on_a_noun = root.head, False
    while head.head.i != head.i and not verbal(head):
        on_a_noun, head = on_a_noun or head.pos_ in ("NOUN", "PROPN"), head.head
    if fronted(doc, timex):  # "But on April 8, investigators, wondering how ..., searched": the parse's hook aside
        head = root.sent.root
    if not verbal(head):
        return True
    if participle_adjunct(head) or complement_of_same_time(head) or clause_of_same_time(head) \
            or (not on_a_noun and infinitive_of_same_time(head)):
        head = head.head
    head = gapped_verb(head) or head
    # "A statement released Tuesday said ...": the day the source was issued dates the saying, and its own clause
    return any(h == trigger or (h.is_ancestor(trigger) and not _in_noun_clause(trigger, h)
                                and not _conjunct_of_other_tense(trigger, h))
               for h in (head, reporting_verb_of_source(head)) if h is not None)


def fronted(doc: Document, timex: Timex) -> bool:
    """A time that opens its sentence and is set off by a comma ("On April 8, investigators ...", "But on
    Saturday, ..."): it frames the main clause, whatever word the parser hangs it on."""
    if timex.token_start is None or timex.token_end is None or timex.token_end >= len(doc.parsed):
        return False
    sent = doc.parsed[timex.token_start].sent
    before = doc.parsed[sent.start:timex.token_start]
    return doc.parsed[timex.token_end].text == "," and len(before) <= 3 and \
        all(t.dep_ in ("cc", "prep", "punct", "advmod") for t in before)


def complement_of_same_time(verb: Any) -> bool:
    """A complement with no tense of its own, of a verb told in the past that neither plans nor asks ("declined
    to comment Saturday", "was found clinging to a tube Nov. 25", "began to fall apart in mid-1996"): a time on
    it dates its verb too. Not after "agreed to meet on Friday", "urged them to leave by Monday", "planned to
    apply today": the complement's time is its own, ahead."""
    head = verb.head
    return verb.dep_ == "xcomp" and verb.tag_ in ("VB", "VBG", "VBN") and head.i != verb.i and verbal(head) \
        and head.lemma_ not in _FORWARD_HEADS and past_tense(head) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def infinitive_of_same_time(verb: Any) -> bool:
    """An infinitive of result or purpose on a verb told in the past ("rose 2% to close at $117 yesterday", "staged
    parades to mark the anniversary on Saturday"): the parser hangs the act's time on it at the sentence's end, so a
    time on the infinitive itself dates its verb (a time on its object's noun is that noun's: "met to discuss an
    attack on Saturday"). Not an infinitive that itself plans or asks ("met to plan an attack on Saturday")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and verb.lemma_ not in _FORWARD_HEADS and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verbal(verb.head) and \
        verb.head.lemma_ not in _FORWARD_HEADS and past_tense(verb.head)


def clause_of_same_time(verb: Any) -> bool:
    """A clause of "when", "while" or "as" on a verb ("perished when their boat sank in late November",
    "officials said as dawn broke Saturday"): both happen at its time. Not "after" or "before", which put
    the two apart."""
    return verb.dep_ == "advcl" and verbal(verb.head) and \
        any(c.dep_ in ("mark", "advmod") and c.lower_ in _SAME_TIME_MARKS and c.i < verb.i for c in verb.children)


def gapped_verb(verb: Any) -> Any | None:
    """The verb a gapped conjunct shares its auxiliary with ("Four soldiers were killed and nine wounded in an ambush
    on Friday": "nine [were] wounded"): the parser reads it as a participle with a subject and no auxiliary conjoined
    to that verb, or as a participle on a word conjoined to it ("and another injured"). One happening told twice, so
    a time on either conjunct dates both. None for any other clause: a conjunct with an auxiliary of its own ("and nine
    were wounded") is a clause of its own time, and so is a participle on the subject ("Soldiers and civilians
    wounded in the ambush were flown out")."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "conj" and has_subject:
        shared = verb.head
    elif verb.dep_ == "acl" and not has_subject and verb.head.dep_ == "conj" and not verbal(verb.head):
        shared = verb.head.head
    else:
        return None
    return shared if verbal(shared) and any(c.dep_ in ("aux", "auxpass") for c in shared.children) else None


def relative_of_dated_noun(root: Any, trigger: Any) -> bool:
    """True when the trigger heads a relative clause in the simple past on a noun the time modifies, or on a
    noun of that noun's phrase ("the January 1998 bombing of a clinic that killed an officer and maimed a
    nurse", "the 1996 bombing that killed one person"): the clause tells what the dated happening did."""
    noun, clause = root.head, trigger if trigger.dep_ != "conj" else trigger.head
    if root.dep_ not in _NOUN_MODIFIERS or noun.pos_ != "NOUN" or clause.dep_ != "relcl" or not verbal(clause) \
            or not (clause.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                                for c in clause.children)):
        return False
    antecedent = clause.head
    for _ in range(3):  # "bombing of a clinic that killed": the clause may hang on the noun's "of" phrase
        if antecedent.i == noun.i:
            return True
        if antecedent.dep_ not in ("pobj", "prep") or antecedent.head.i == antecedent.i:
            return False
        antecedent = antecedent.head.head if antecedent.dep_ == "pobj" else antecedent.head
    return antecedent.i == noun.i


def participle_adjunct(verb: Any) -> bool:
    """A participle clause with no subject of its own that modifies a verb ("Speaking on Tuesday,
    the mayor urged"; "Addressing reporters on Monday, he accused"): it happens when its verb does."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verbal(verb.head) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)


def _conjunct_of_other_tense(trigger: Any, above: Any) -> bool:
    """True when the trigger sits in a clause joined to `above` by "and" that is told in another
    tense ("called off the search last Friday and is now concentrating on getting aid"): the
    conjunct is a clause of its own time, and the day of the first does not date it."""
    token = trigger
    for _ in range(_MAX_HOPS):
        if token.i == above.i or token.head.i == token.i:
            return False
        if token.dep_ == "conj" and verbal(token) and _finite(token) and \
                past_tense(token) != past_tense(token.head):
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
        if token.dep_ == "relcl" and not verbal(token.head) and not occasion_clause(token):
            return True
        token = token.head
    return False


def nearest_anchor(doc: Document, trigger: Any) -> Timex | None:
    """The anchoring timex in the trigger's sentence closest to it, from a clause above it."""
    sent = trigger.sent
    anchors = [t for t in doc.timexes if t.token_start is not None and sent.start <= t.token_start < sent.end
               and is_anchor(t) and not in_page_stamp(doc, t) and not time_of_aim(doc, t, trigger)
               and not era_is_background(t, timex_root(doc, t))
               and (_dates_trigger_clause(doc, t, trigger) or _right_after_report(doc, t, trigger))]
    return min(anchors, key=lambda t: abs(t.token_start - trigger.i), default=None)


def _right_after_report(doc: Document, timex: Timex, trigger: Any) -> bool:
    """A time written right after a verb of saying ("said Tuesday his government told ...", "said on Tuesday
    they had arrested"): the parser often hangs it on the reported clause, but it is the report's time."""
    if trigger.lemma_ not in REPORTING or trigger.pos_ != "VERB" or timex.token_start is None:
        return False
    between = doc.parsed[trigger.i + 1:timex.token_start]
    return timex.token_start > trigger.i and all(t.lower_ in ("on", ",") for t in between)


def past_tense(verb: Any) -> bool:
    """A clause told in the past: a past-tense verb or auxiliary, a perfect, a bare past participle. Not a passive
    told in the present ("talks are scheduled for Friday", "a summit is expected to"): its participle is no past."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes) or _present_passive(verb, auxes):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" or a.lower_ in _PERFECT_AUX for a in auxes)


def _present_passive(verb: Any, auxes: list[Any]) -> bool:
    """A passive told in the present ("is expected", "are planned"): the participle's auxiliaries are all
    present-tense forms of "be", none perfect or past."""
    return verb.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in auxes) and \
        all(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)


def _on_the_trigger(root: Any, trigger: Any) -> bool:
    """True when the time sits in a nominal trigger's own phrase, with no verb between ("reported a third-quarter
    loss", "said in a telephone interview Monday", "the incidents of Aug. 7"): it dates the happening the noun
    names, not the report around it. Not a day after "on", which the parser often hangs on the noun when it is
    the verb's ("asked them to respond to the allegations on Wednesday")."""
    if trigger.pos_ in VERBAL:  # "said on Tuesday they had arrested": the parse often hangs the report's day there
        return False
    token = root
    for _ in range(4):
        if token.i == trigger.i:
            return True
        if token.head.i == token.i or (token.dep_ == "prep" and token.lower_ == "on") or \
                (token.i != root.i and token.pos_ in VERBAL):
            return False
        token = token.head
    return False


def reported_by(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when the timex dates the report of the event, not the event itself.

    Either its clause is a reporting verb above the trigger, or it follows one directly
    ("said on Tuesday they had arrested", which parsers often attach to the event).
    """
    root = timex_root(doc, timex)
    if root is None or _on_the_trigger(root, trigger) or occasion_of_saying(trigger):
        return False
    verbs = [clause_head(root.head)]
    own = verbs[0].i == trigger.i or verbs[0].is_ancestor(trigger)
    if not own:  # "a statement issued Monday said" dates the saying; the issuing, and what it tells, were that day
        verbs += [v for v in (reporting_verb_of_source(verbs[0]),) if v is not None]
    if not own and (clause_of_same_time(verbs[0]) or complement_of_same_time(verbs[0])):
        verbs.append(verbs[0].head)  # "82 were killed, officials said as dawn broke Saturday": the report's day
    before = timex.token_start - 1
    while before >= 0 and doc.parsed[before].lower_ in {"on", ","}:
        before -= 1
    if before >= 0:
        verbs.append(doc.parsed[before])
    # a verb of saying below the trigger reports something else: "Castro said Tuesday his government told ...",
    # "sought to soften the words, saying on Friday ..." (the parse hangs the saying's day on what it embeds)
    return any(v.lemma_ in REPORTING and v.pos_ == "VERB" and v.i != trigger.i and not trigger.is_ancestor(v)
               for v in verbs)
