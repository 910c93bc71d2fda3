"""The text a report comes from, and the day it was issued: a time on it dates the saying.

A report often names its source and dates the source rather than the saying: "A statement released Tuesday said
troops had withdrawn", "\"We will not give up,\" said a message that was read on Tuesday to the strikers", "the
minister said in a letter dated Tuesday that the border must reopen". The words were said when their text was
issued, so the day on the participle of issuing is the day of the report. `dating_clauses` asks this module which
reporting verb such a participle dates; the participle says nothing of the acts the report tells. The occasion a
saying was made at ("said at a news conference yesterday") is dated by the saying's time exactly (`occasion_of_saying`).
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

#: Verbs that report an event ("said", "announced").
_REPORTING = word_set("reporting_verbs")
#: Verbs that issue a statement or a document ("released", "posted", "read", "dated").
_PUBLISHING = word_set("publishing_verbs")
#: Prepositions that name the occasion of a saying ("said at a news conference").
_SAYING_FRAMES = word_set("saying_frames")


def reporting_verb_of_source(verb: Any) -> Any | None:
    """The reporting verb whose source a participle of issuing dates: the source is its subject ("A statement
    released Tuesday said ...", "The notice, posted Sunday on the ministry website, said ...", "said a message
    that was read on Tuesday"), a text it says the words in ("said in a letter dated Tuesday") or the text its
    subject is part of ("said the text of the letter, dated Tuesday"). None when `verb` is no such clause ("The
    army, attacked on Tuesday, said": attacking issues no text)."""
    if verb.lemma_ not in _PUBLISHING or not _issued(verb):
        return None
    source = verb.head
    if source.dep_ in ("nsubj", "nsubjpass"):
        reporting = source.head
    elif source.dep_ == "pobj" and source.head.lower_ == "in" and source.head.dep_ == "prep":
        reporting = source.head.head  # "said in a letter dated Tuesday"
    elif source.dep_ == "pobj" and source.head.lower_ == "of" and source.head.head.dep_ in ("nsubj", "nsubjpass"):
        reporting = source.head.head.head  # "the text of the letter, dated Tuesday, said"
    else:
        return None
    return reporting if reporting.lemma_ in _REPORTING and reporting.pos_ == "VERB" else None


def _issued(verb: Any) -> bool:
    """A participle on the source's noun ("a statement released Tuesday", parsed as a clause on it), or a passive
    relative clause on it ("a message that was read Tuesday"): either tells when the text was issued."""
    if verb.dep_ == "acl":
        return verb.tag_ in ("VBN", "VBD")
    return verb.dep_ == "relcl" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def occasion_of_saying(trigger: Any) -> bool:
    """True when the trigger names the occasion a verb of saying was done at ("said at a news conference yesterday",
    "said in a telephone interview Monday"): the saying's time is the occasion's own, not a bound on it."""
    prep = trigger.head
    return trigger.dep_ == "pobj" and trigger.pos_ == "NOUN" and prep.dep_ == "prep" \
        and prep.lower_ in _SAYING_FRAMES and prep.head.lemma_ in _REPORTING and prep.head.pos_ == "VERB"
