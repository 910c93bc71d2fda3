"""A letting or stopping done by a thing: a cause that makes something possible or keeps it from happening.

"The budget's approval lets the mayor hire forty teachers", "the repaired pipeline reached the depot, allowing
crews to restart the pumps", "heavy snow prevented the convoy from leaving": nobody concedes, allows or obstructs;
a happening or a thing is the cause. PLOVER's CONCEDE ("allow", "permit": CAMEO 08) and the
obstructions are acts of a party ("the junta allowed the opposition to hold a rally", "police prevented
protesters from reaching the square"). The class is told by the doer, never by the verb's word
(`letting_verbs.txt`):

* an active verb whose subject is a common noun with no name, no possessor or modifier that names a party, and no
  actor the article's actors stage found at it ("the vote", "the rules", "the weather", "a power cut");
* a present participle opening a clause of result with no subject of its own, set off by a comma or a dash
  (", allowing crews to restart the pumps", ", thus preventing ...", "-- allowing gas to escape"): what the
  clause before it made possible. A party's act there has its own mention ("the government lifted the curfew,
  allowing ...": the lifting). A participle a verb takes as its complement ("police kept preventing protesters
  ...", "the army began allowing journalists in") or one coordinated with no comma ("has lifted the ban and is
  allowing rallies") is its subject's own act.

A pronoun, a name, a person or body the actors stage found ("the judge", "authorities"), or a noun with a
possessor ("the government's decision") leaves the act alone; so does a passive ("were allowed to vote":
someone allowed it). Read by `events.frame.nonpolitical_frame` (which knows the article's actors), so the
lexicon's and the detector's proposals alike are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.words import word_set

LETTING_VERBS = word_set("letting_verbs")
#: Modifiers of the subject that may name whose it is ("the government's decision", "Iran's rules").
OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
#: Entity labels of a name that may stand for a party ("Iran's rules", "the Ukrainian vote"); a number or an
#: ordinal ("a second runway") names none.
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: How a clause of result hangs on the clause it follows (", allowing workers to start"); not "xcomp", the
#: complement of "kept", "began", "continued" ("kept preventing": the subject's own act).
RESULT_DEPS = frozenset({"advcl", "conj"})
#: The marks that set a clause of result off from the clause before it.
SET_OFF = frozenset({",", "-", "--", "–", "—"})


def thing_lets(token: Any, is_party: Callable[[Any], bool]) -> str | None:
    """Why the letting or stopping verb `token` is a thing's, no party's act (the module's two cases), or None.
    `is_party(noun)` says whether the article's actors stage found a party at the noun."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in LETTING_VERBS:
        return None
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj")]
    if not subjects and token.tag_ == "VBG" and token.dep_ in RESULT_DEPS and token.head.i != token.i \
            and _set_off(token):
        return f"result: '{token.text}' tells what the clause before made possible, no party lets"
    subject = next((c for c in subjects if c.dep_ == "nsubj"), None)
    if subject is None or len(subjects) != 1 or not _thing(subject, is_party):
        return None
    return f"cause: '{subject.text}' {token.text} it, no party does"


def _set_off(participle: Any) -> bool:
    """The participle's clause opens right after a comma or a dash (", allowing ...", ", thus preventing ...",
    "-- allowing ..."): a clause of result set off from the one before, not a verb's complement or a conjunct
    sharing its subject."""
    first = participle.left_edge.i
    return first > 0 and participle.doc[first - 1].text in SET_OFF


def _thing(noun: Any, is_party: Callable[[Any], bool]) -> bool:
    """A common noun with no name, no possessor or modifier that is a party, and no actor at it."""
    if noun.pos_ != "NOUN" or noun.ent_type_ in NAME_ENTITIES or is_party(noun):
        return False
    return not any(c.dep_ in OWNER_DEPS and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in NAME_ENTITIES or
                                             is_party(c)) for c in noun.children)
