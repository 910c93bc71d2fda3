"""The same happening named again: an event noun with no time in its own sentence takes the day another
sentence of the article gives the same noun ("... were wounded on June 9 in a mortar raid on the market. ...
The raid left two traders in hospital"; "comments by Pat Robertson suggesting ... Mr
Robertson made the comments on Wednesday").

News tells a happening once with its day and refers back to it (or, in a lede, ahead to it) with the same
noun, one of the two mentions definite ("the attack", "the comments"). The link is taken only when it is
unambiguous: every dated mention of that noun in the article names the same day, and the undated one is not
marked as another happening of its kind ("another attack", "a second attack", "the previous meeting").
`events.dating` asks this before it carries the story's day or falls back to the article date.
"""

from __future__ import annotations

import weakref
from typing import Any, NamedTuple

from dateline.events.dating_clauses import ONE_DAY, governing_timex, is_anchor, written_by
from dateline.model import Document, Timex
from dateline.timex3 import interval, precision
from dateline.words import word_set

#: Determiners that make a noun refer to a happening already known to the reader ("the attack", "their meeting").
_DEFINITE = word_set("anaphoric_determiners")
#: Words that make a noun another happening of its kind, not the one named elsewhere ("another attack").
_ANOTHER = word_set("other_happening_words")


class NamedDay(NamedTuple):
    """The day another mention of the same happening gives it, and the words that say so."""

    timex: Timex
    mention: Any


def event_noun(trigger: Any) -> Any | None:
    """The noun naming the happening: the trigger itself, or the noun a participle describes
    ("comments ... suggesting that Haiti was cursed"); None for a verb of its own clause."""
    if trigger.pos_ == "NOUN":
        return trigger
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.pos_ == "NOUN":
        return trigger.head
    return None


def _definite(noun: Any) -> bool:
    """"The attack", "these comments", "Russia's decision": a noun the reader already knows."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children)


def _another(noun: Any) -> bool:
    """"Another attack", "a second attack", "the previous meeting", "two attacks": not the one named elsewhere."""
    return any(c.lower_ in _ANOTHER or c.dep_ == "nummod" for c in noun.children)


def _indefinite(noun: Any) -> bool:
    """"An attack": a happening the text introduces here, not one it named elsewhere."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _day_of(doc: Document, mention: Any) -> Timex | None:
    """The day that dates this mention in its own sentence, if one does and it is not after the article."""
    timex = governing_timex(doc, mention)
    if timex is None or not is_anchor(timex) or precision(timex.value) not in ONE_DAY:
        return None
    span = interval(timex.value)
    return timex if span is not None and span.first <= written_by(doc) else None


def _nominal_forms(verb: Any) -> frozenset[str]:
    """The nouns that name a verb's act: its own lemma ("arrested" -> "the arrests") or its gerund
    ("poisoned" -> "the poisoning")."""
    return frozenset({verb.lemma_, verb.lemma_ + "ing"})


def day_named_elsewhere(doc: Document, trigger: Any) -> NamedDay | None:
    """The day another sentence gives the same happening, when every dated mention of it there agrees on one
    day; None otherwise. A noun is matched by its lemma, with one of the two mentions definite; a verb by a
    definite noun of its act ("Police arrested ten protesters. The arrests on Sunday ...")."""
    noun = event_noun(trigger)
    if noun is not None:
        if _another(noun) or _indefinite(noun):
            return None
        forms, anchor = frozenset({noun.lemma_}), noun
    elif trigger.pos_ == "VERB":
        forms, anchor = _nominal_forms(trigger), trigger
    else:
        return None
    found: dict[str, NamedDay] = {}
    nouns = nouns_by_lemma(doc.parsed)
    for mention in (doc.parsed[i] for i in sorted(i for form in forms for i in nouns.get(form, ()))):
        if mention.sent.start == anchor.sent.start:
            continue
        definite = _definite(mention) or (noun is not None and _definite(noun))
        if _another(mention) or not definite:
            continue
        timex = _day_of(doc, mention)
        if timex is not None:
            found.setdefault(timex.value[:10], NamedDay(timex, mention))
    return next(iter(found.values())) if len(found) == 1 else None


def same_happening_mentions(doc: Document, trigger: Any) -> list[Any]:
    """The nouns of other sentences that name the trigger's happening again, by the links `day_named_elsewhere`
    takes for a day: the same noun (for a verb, a noun of its act), one of the two definite, neither marked as
    another of its kind. Read by `events.place_mentions` for the place the article gives the happening there."""
    noun = event_noun(trigger)
    if noun is not None:
        if _another(noun) or _indefinite(noun):
            return []
        forms, anchor = frozenset({noun.lemma_}), noun
    elif trigger.pos_ == "VERB":
        forms, anchor = _nominal_forms(trigger), trigger
    else:
        return []
    nouns = nouns_by_lemma(doc.parsed)
    mentions = (doc.parsed[i] for i in sorted(i for form in forms for i in nouns.get(form, ())))
    return [m for m in mentions if m.sent.start != anchor.sent.start and not _another(m)
            and (_definite(m) or (noun is not None and _definite(noun)))]


def nouns_by_lemma(parsed: Any) -> dict[str, list[int]]:
    """The token numbers of the parse's nouns by lemma, in text order: made once per parse, since looking
    through every token for every event's noun made this the largest cost of the events stage. Numbers, not
    tokens, so the index holds no reference to the parse it is kept for."""
    known = _NOUNS.get(parsed)
    if known is None:
        known = _NOUNS[parsed] = {}
        for token in parsed:
            if token.pos_ == "NOUN":
                known.setdefault(token.lemma_, []).append(token.i)
    return known


_NOUNS: weakref.WeakKeyDictionary[Any, dict[str, list[int]]] = weakref.WeakKeyDictionary()
