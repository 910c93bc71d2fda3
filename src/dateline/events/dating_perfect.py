"""The day of an act told in the present perfect, which the next sentence gives as it tells the act again.

English puts no past day on a present perfect: a story can say "The government has sued the firm" but not "has
sued the firm yesterday". So news tells its act first in the present perfect, with no time, and gives the day in
the next sentence, where it tells the same act again in the past: by the same doer ("The mayor has praised the
programme. Speaking at its launch on Tuesday, the mayor also urged ..."), or by a definite noun that names the act
("The action, filed in a federal court yesterday, seeks damages"; "The decision, announced on Monday, ...").
The act was done on that day, not merely by the article date.

The link is taken only where both mentions say so: the trigger's clause is a main clause in the present perfect
with no time in its sentence; the very next sentence's main clause is dated by one day (within `REPORT_CYCLE` of the
writing day, as a present perfect tells news of now, and not after it); and that clause's subject is the
trigger's doer again (the same head word, or a personal pronoun) or a definite noun naming the act (a noun of the
trigger's verb, the trigger noun itself, or a general noun of an act: `act_shell_nouns`) that the day dates.
`events.dating` asks this after the same happening named elsewhere by its own noun (`dating_mentions`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from dateline.events.dating_clauses import (
    ONE_DAY,
    VERBAL,
    clause_head,
    governing_timex,
    is_anchor,
    nearest_anchor,
    written_by,
)
from dateline.events.dating_hooks import in_page_stamp
from dateline.events.dating_thread import REPORT_CYCLE, dates_main_clause, tensed_clause
from dateline.model import Document, Timex
from dateline.timex3 import interval, precision
from dateline.words import word_class, word_set

#: Auxiliaries of the perfect ("has", "have"): with a present-tense form they make the present perfect.
_PERFECT_AUX = word_class("auxiliaries", "perfect")
#: Determiners that make a noun one the reader already knows ("the action", "this move", "its decision").
_DEFINITE = word_set("anaphoric_determiners")
#: General nouns that name the act a sentence before told ("the action", "the move", "the decision").
_SHELL_NOUNS = word_set("act_shell_nouns")
#: Personal pronouns that take up the doer of the sentence before ("Speaking on Tuesday, he urged"). Not "it", which
#: as often stands for no doer at all ("Yesterday it emerged that ...").
_DOER_PRONOUNS = frozenset({"he", "she", "they", "we"})
#: The pronouns of a plural doer; "he" and "she" take up a singular one.
_PLURAL_PRONOUNS = frozenset({"they", "we"})
#: Entity labels of a doer that "he" or "she" never takes up ("The Justice Department has sued ... She said").
_NO_PERSON_ENTITIES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class RetoldDay(NamedTuple):
    """The day the next sentence gives the act, the time that says it and the words that tell the act again."""

    timex: Timex
    retold_by: Any


def present_perfect(verb: Any) -> bool:
    """A clause in the present perfect: a past participle with "has" or "have" in the present tense ("has sued",
    "have been arrested"), not "had" (the pluperfect, which the story thread reads)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.lower_ in _PERFECT_AUX and a.tag_ in ("VBZ", "VBP") for a in auxes)


def _the_act(trigger: Any) -> bool:
    """The trigger tells the clause's own act: its verb, or the object a verb of doing names the act by ("has voiced
    support", "has launched an inquiry"); not a noun of another happening the clause mentions ("has defended the
    policy after criticism")."""
    if trigger.pos_ in VERBAL:
        return clause_head(trigger).i == trigger.i
    return trigger.dep_ == "dobj" and trigger.head.pos_ in VERBAL


def _main_clause(verb: Any) -> bool:
    """The sentence's main clause, or a clause joined to it by "and", directly or down a chain of such clauses (a
    headline run into the standfirst and the lede)."""
    for _ in range(6):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.dep_ == "ROOT"


def _subject(verb: Any) -> Any | None:
    """The subject of a clause, or of the clause a conjunct shares it with ("was arrested and has admitted")."""
    for clause in (verb, verb.head if verb.dep_ == "conj" else None):
        found = next((c for c in clause.children if c.dep_ in _SUBJECTS), None) if clause is not None else None
        if found is not None:
            return found
    return None


def _next_sentence(doc: Document, sent: Any) -> Any | None:
    """The sentence after `sent`, or None at the end of the text."""
    return doc.parsed[sent.end].sent if sent.end < len(doc.parsed) else None


def _news_day(doc: Document, timex: Timex | None) -> bool:
    """A time naming one day of the story's news: no later than the writing day, and no more than `REPORT_CYCLE`
    before it."""
    if timex is None or not is_anchor(timex) or precision(timex.value) not in ONE_DAY or in_page_stamp(doc, timex):
        return False
    span = interval(timex.value)
    return span is not None and written_by(doc) - REPORT_CYCLE <= span.first <= written_by(doc)


def _same_doer(subject: Any, doer: Any, verb: Any) -> bool:
    """The subject names the doer of `verb` again: the same head word ("the administration" / "the Obama
    administration"), or a personal pronoun that agrees with it: "they" or "we" with a plural doer ("have"),
    "he" or "she" with a singular one ("has") that is no organisation or place. "Rebel fighters have seized the
    town. He said on Monday ..." and "The government has expelled four reporters. They arrived on Monday" name
    someone else."""
    if subject.lower_ in _DOER_PRONOUNS:
        if doer.lower_ in _DOER_PRONOUNS:
            return doer.lower_ == subject.lower_
        plural = any(a.dep_ in ("aux", "auxpass") and a.lower_ in _PERFECT_AUX and a.tag_ == "VBP"
                     for a in verb.children)
        if subject.lower_ in _PLURAL_PRONOUNS:
            return plural
        return not plural and doer.ent_type_ not in _NO_PERSON_ENTITIES
    return subject.pos_ in ("NOUN", "PROPN") and subject.lower_ == doer.lower_


def _names_the_act(noun: Any, trigger: Any, verb: Any) -> bool:
    """A definite noun that names the trigger's act: the trigger noun again, a noun of its verb ("sued" / "the
    suing"), or a general noun of an act ("the action", "the move")."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE)
                                      for c in noun.children):
        return False
    return noun.lemma_ in _SHELL_NOUNS or noun.lemma_ in {trigger.lemma_, verb.lemma_, verb.lemma_ + "ing"}


def day_told_next(doc: Document, trigger: Any) -> RetoldDay | None:
    """The day the next sentence gives the trigger's act, told there again (see the module docstring); None when the
    trigger's clause is no main clause in the present perfect, or the next sentence does not tell the act again
    with one day of the news."""
    verb = tensed_clause(clause_head(trigger))
    if verb.pos_ not in VERBAL or not _main_clause(verb) or not present_perfect(verb) or not _the_act(trigger):
        return None
    following = _next_sentence(doc, trigger.sent)
    if following is None:
        return None
    root = following.root
    subject = _subject(root) if root.pos_ in VERBAL else None
    if subject is None:
        return None
    doer = _subject(verb)
    if doer is not None and _same_doer(subject, doer, verb):
        timex = governing_timex(doc, root) or nearest_anchor(doc, root)
        if _news_day(doc, timex) and timex is not None and dates_main_clause(doc, timex):
            return RetoldDay(timex, subject)
    if _names_the_act(subject, trigger, verb):
        timex = governing_timex(doc, subject)
        if _news_day(doc, timex) and timex is not None:
            return RetoldDay(timex, subject)
    return None
