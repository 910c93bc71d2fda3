"""A warning that forecasts or informs: what a thing will do or has become, not what a party will do. No threat.

"The company warned the spill could cost it billions", "experts warned cases could become an epidemic" or "the
ministry warned that the virus has been confirmed" say what lies ahead or what is so; nobody threatens to act.
PLOVER's THREATEN is a party saying it (or another party) will act against someone: "the general warned his
riot units would break up the rally", "warned that it would retaliate". The class is told by the reported clause's
subject, never by the warning's word (`warning_words.txt`): a common noun that names no party, no act and no name
("the spill", "cases", "prices") makes a forecast of an active clause. A passive clause is a forecast only as a
statement of what is so: with a modal or future auxiliary ("any attack would be met with force") it says what
will be done to someone, which may be the threat itself, and stays.

A subject that is a pronoun, a name, an actor the article's actors stage found ("the security forces", "the
government"), a noun whose phrase has a name or a possessor ("their regimes", "Iran's army"), or an act noun of the
lexicon ("the strikes will go on": the speaker's own act) leaves the threat alone, and so does a clause with a
verb of an act of the lexicon's or an infinitive anywhere in it ("the riot units stand ready to halt any march": a
subject that wills or can do a deed is a party, whether or not the actors stage found it). An act noun the lexicon lacks
("retaliation would follow") is read as a thing: a known gap.

A warning "against" a thing, with no one warned and no clause ("the agency warned against the spread of
counterfeit vaccines", "warned against complacency"), cautions about a danger: PLOVER's THREATEN is a coercive or
forceful warning with serious repercussions, which a caution is not. An act of the lexicon anywhere in that phrase
("warned against any attack", "against any attempt to attack the convoy") or a party warned ("warned the rebels
against a new offensive") may be the threat, and stays.

Read by `events.frame.nonpolitical_frame` (which knows the article's actors), so the lexicon's and the detector's
proposals alike are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.words import word_class, word_set

WARNING_LEMMAS = word_set("warning_words")
#: Auxiliaries that put a clause ahead or out of fact ("would be met", "could be hit").
AHEAD_AUXILIARIES = word_class("auxiliaries", "irrealis") | word_class("auxiliaries", "future")
#: Modifiers of the subject that may name who it belongs to ("their regimes", "Iran's army").
OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})


def forecast_warning(token: Any, type_name: str, is_party: Callable[[Any], bool]) -> str | None:
    """Why the warning `token` coded THREATEN forecasts or informs rather than threatens (the module's rule), or None.
    `is_party(noun)` says whether the article's actors stage found a party at the noun."""
    if type_name != "THREATEN" or token.pos_ != "VERB" or token.lemma_.lower() not in WARNING_LEMMAS:
        return None
    if any(c.dep_ == "xcomp" for c in token.children):
        return None  # "warned them to leave": advice or a demand, not a report of what will be
    if (danger := _danger_warned_against(token, is_party)) is not None:
        return f"caution: '{token.text}' against '{danger.text}', a danger, no party threatens"
    clauses = [c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if len(clauses) != 1:
        return None
    clause = clauses[0]
    if clause.lemma_.lower() == "be":
        return None  # "the response would be swift" may name the speaker's act: statement_senses reads "be"
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _thing(subject, is_party):
        return None
    if subject.dep_ == "nsubjpass" and any(
            a.dep_ == "aux" and a.lower_ in AHEAD_AUXILIARIES for a in clause.children):
        return None  # "any attack would be met with force": what will be done to someone, maybe the threat
    if any(t.dep_ == "xcomp" or (t.pos_ == "VERB" and load_lexicon().verb_entry(t) is not None)
           for t in clause.subtree):
        return None  # "the riot units stand ready to halt any march": who can or will act, which may be the threat
    return f"forecast: '{token.text}' tells what '{subject.text}' will do or is, no party threatens"


def _thing(noun: Any, is_party: Callable[[Any], bool]) -> bool:
    """A common noun with no name, no possessor, no actor at it and no act of the lexicon's."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or is_party(noun):
        return False
    if any(c.dep_ in OWNER_DEPS and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ or is_party(c))
           for c in noun.children):
        return False
    return load_lexicon().noun_entry(noun) is None


def _danger_warned_against(warning: Any, is_party: Callable[[Any], bool]) -> Any | None:
    """The thing a warning with no one warned and no clause cautions against ("warned against the spread of
    counterfeit vaccines"), or None: a caution about a danger. An act noun of the lexicon ("warned against any
    attack") or a party warned ("warned Russia against ...") may be the threat itself, and stays."""
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in warning.children):
        return None
    objects = [g for p in warning.children if p.dep_ == "prep" and p.lower_ == "against"
               for g in p.children if g.dep_ == "pobj"]
    return next((o for o in objects if _thing(o, is_party) and not _names_an_act(o)), None)


def _names_an_act(noun: Any) -> bool:
    """The noun's phrase holds an act the lexicon reads, a noun or a verb ("any attempt to attack the convoy", "a
    repeat of the war"): the warning may be against that act, the threat itself."""
    lexicon = load_lexicon()
    return any(lexicon.noun_entry(t) is not None or (t.pos_ == "VERB" and lexicon.verb_entry(t) is not None)
               for t in noun.subtree)
