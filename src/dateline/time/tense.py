"""Tense direction for the time stage: does a clause look back, forward, or neither?

A weekday, a month or a quarter named without a year is resolved towards the side its
clause points to: "met on Monday" is the Monday before the article date, "will meet on
Monday" the one after. The direction is read off the parse:

* the clause verb's tense and auxiliaries (past, perfect, will / modal, present);
* words on the way from the expression up to that verb that point forward whatever the
  tense: "payable Dec. 15", "effective Feb. 1", "scheduled a news conference Thursday",
  "planned a demonstration on Saturday" (a time on the planned thing, not on the planning),
  "protests are planned for Thursday" (a plan that stands now),
  "postponed until Tuesday", "extended its loans through January";
* an expression that only modifies a noun ("Wednesday's ruling", "a June agreement")
  takes no direction from the verb: the noun's event is not tensed by it.
"""

from __future__ import annotations

from typing import Any

from dateline.syntax import saying_verb_before
from dateline.words import word_class, word_set

# The word classes live in data/words/ (each file says what its list is for).
_FUTURE_AUX = word_class("auxiliaries", "future")
_PERFECT_AUX = word_class("auxiliaries", "perfect")
_MODALS = word_class("auxiliaries", "modal")
#: Verbs (and adjectives) that set a time to come: the time they govern lies ahead even
#: when they are in the past tense ("planned a rally on Saturday").
PLANNING = word_set("planning_words")
#: Verbs that move a deadline; with "until", "till" or "through" the deadline lies ahead
#: ("extended the deadline until Tuesday", "gave them until 9 a.m. Tuesday").
_DEADLINE_VERBS = word_set("deadline_verbs")
#: Verbs that put an event at a time to come whatever their tense ("has scheduled a news
#: conference Thursday").
_RESCHEDULING = word_set("rescheduling_verbs")
#: Verbs whose object is a thing to come: a time on that object lies ahead ("planned a rally Saturday").
_PLANNED_THING = word_set("planned_thing_verbs")
_UNTIL = word_set("until_words")
_REPORTING = word_set("reporting_verbs")
#: Verbs whose past tense is spelled like the present: "hurt" tagged VBP may be past.
_SAME_PAST = word_set("same_past_verbs")
#: Dependencies of a participle clause without tense of its own that shares its governing verb's time
#: ("the stock has fluctuated, rising to a high in June"; "Speaking on Tuesday, the mayor urged").
_PARTICIPLE_ADJUNCTS = frozenset({"advcl", "xcomp"})
#: Dependency labels of an expression that modifies a noun rather than the clause.
_NOUN_MODIFIER = frozenset({"poss", "compound", "nmod"})


def clause_verb(token: Any) -> Any | None:
    """The verb whose clause contains `token`: its nearest verbal ancestor (or itself)."""
    for _ in range(10):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _is_pluperfect(verb: Any) -> bool:
    """True for "had been scheduled", "had agreed", "had been due": a time already past
    at the past (for an adjective, the pluperfect is on its copula)."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        verb = verb.head
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"} for c in verb.children)


def verb_direction(verb: Any, depth: int = 0) -> int:
    """-1 for a past-tense clause, +1 for a future one, 0 when the tense does not say.

    Past: a past-tense verb or auxiliary, a perfect ("has agreed"), or a bare participle
    ("the high set on Aug. 6"). Future: will / shall / 'll, "going to", a modal ("would
    leave"), a progressive with a present auxiliary ("is meeting"), or a present-tense
    lexical verb ("meets Monday"). An infinitive takes the tense of the verb governing
    it ("staged celebrations to mark it on Friday"), except after verbs of planning and
    "be to" ("is to resume trading Tuesday").
    """
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not auxes and depth < 3 and _shares_auxiliary(verb):
        return verb_direction(verb.head, depth + 1)  # "will regroup and attack the town on Thursday"
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.subtree)):
        return 1
    if verb.tag_ == "VBD" or words & _PERFECT_AUX or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if words & _MODALS:
        return _modal_direction(verb, words)
    if verb.tag_ == "VB" and "to" in words:
        return _infinitive_direction(verb, depth)
    if verb.tag_ == "VBN" and not auxes:
        return -1
    if verb.tag_ == "VBG" and any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return 1
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in _PARTICIPLE_ADJUNCTS and depth < 3 and \
            verb.head.i != verb.i and verb.head.pos_ in {"VERB", "AUX"}:
        return verb_direction(verb.head, depth + 1)  # "rising ... in March" after "has fluctuated": its time
    if verb.tag_ == "VBP" and verb.lower_ in _SAME_PAST:
        return 0
    if verb.tag_ in {"VBZ", "VBP"} and verb.pos_ == "VERB" and verb.lemma_ not in _REPORTING:
        return 1
    return 0


def _shares_auxiliary(verb: Any) -> bool:
    """True for a verb conjoined to a bare verb with an auxiliary, with no auxiliary or subject of its own: English
    writes a modal or "to" once for both ("could strengthen into a hurricane and hit the coast", "will regroup and
    attack"), so the second verb has the first one's tense (the tagger may even read "hit" as a past). Not after a
    participle ("must be returned and set Friday as the deadline"), where the parser often joins a verb of another
    clause."""
    head = verb.head
    return verb.dep_ == "conj" and head.i != verb.i and head.pos_ in {"VERB", "AUX"} and head.tag_ == "VB" and \
        any(c.dep_ in {"aux", "auxpass"} for c in head.children) and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _modal_direction(verb: Any, auxes: set[str]) -> int:
    """Modals look forward ("would leave Monday"), except the past of "can" in a
    passive or negated clause: "could not be reached Wednesday", "could be located"."""
    past_ability = "could" in auxes and ("be" in auxes or any(c.dep_ == "neg" for c in verb.children))
    return 0 if past_ability else 1


def _infinitive_direction(verb: Any, depth: int) -> int:
    """The direction of an infinitive: forward after planning verbs and "be to" (unless
    the plan is pluperfect: "had been due to expire Friday" is over), else its governor's; after an
    adjective, past when the adjective's clause is ("made it difficult to meet demand into the summer"),
    else forward ("is ready to sign on Monday")."""
    head = verb.head
    if head.pos_ == "ADJ" and head.lemma_ not in PLANNING and head.head.i != head.i and depth <= 3 and \
            head.head.pos_ in {"VERB", "AUX"} and verb_direction(head.head, depth + 1) < 0:
        return -1  # "made it difficult to meet demand well into the summer": the adjective's clause is past
    if head.i == verb.i or depth > 3 or head.pos_ not in {"VERB", "AUX"} or head.lemma_ in PLANNING:
        return -1 if _is_pluperfect(head) else 1
    if head.lemma_ == "be" and head.tag_ in {"VBZ", "VBP"}:
        return 1
    return verb_direction(head, depth + 1)


def _path_to(token: Any, verb: Any) -> list[Any]:
    """The tokens from `token` up to (not including) `verb` in the dependency tree."""
    path = []
    while token.i != verb.i and token.head.i != token.i and len(path) < 10:
        path.append(token)
        token = token.head
    return path


def forward_cue(root: Any, verb: Any) -> bool:
    """True when a word between the expression and its verb sets a time to come:
    "payable Dec. 15", "scheduled a conference Thursday", "extended ... until Tuesday"."""
    path = _path_to(root, verb)
    if any(t.lemma_ in PLANNING and t.pos_ == "ADJ" for t in path):
        return True
    if verb.lemma_ in _PLANNED_THING and not _is_pluperfect(verb) and \
            any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children):
        return True  # "planned a demonstration on Saturday": the time of the planned thing
    if verb.lemma_ in _RESCHEDULING:
        return not _is_pluperfect(verb)
    if verb.lemma_ in PLANNING and (_present_passive(verb) or _past_passive_for(verb, path)
                                    or _reduced_participle_for(verb, path)):
        return True  # "protests are planned for Thursday", "hearings were set for Tuesday", "a summit set for Friday"
    return verb.lemma_ in _DEADLINE_VERBS and any(t.lower_ in _UNTIL for t in path)


def _reduced_participle_for(verb: Any, path: list[Any]) -> bool:
    """A participle with no auxiliary on a noun, whose time follows "for" ("the summit, set for Thursday, will
    discuss"): the time the thing is set for, which lies ahead like a present passive's when the clause the noun
    belongs to is not past; not "a deal agreed on Monday", whose time is the participle's own act, nor "a service
    planned for Saturday was canceled", which the past clause may have put behind."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"acl", "amod"} or \
            any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    outer = clause_verb(verb.head) if verb.head.i != verb.i else None
    return any(t.lower_ == "for" for t in path) and outer is not None and verb_direction(outer) >= 0


def _past_passive_for(verb: Any, path: list[Any]) -> bool:
    """A passive in the simple past whose time follows "for" ("two hearings were set for Tuesday", "a rally was
    planned for Saturday"): the day the thing was set for lies ahead of the setting, as after "was scheduled for"
    (`_RESCHEDULING`); the past tense tells when it was planned, not when it happens. Not a pluperfect ("had been
    set for Tuesday"), a plan the story has overtaken."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children) and \
        not _is_pluperfect(verb) and any(t.lower_ == "for" for t in path)


def _present_passive(verb: Any) -> bool:
    """A passive in the present tense ("are planned", "is expected"): a plan that stands now."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def modifies_noun(root: Any) -> bool:
    """True for an expression that only qualifies a noun: "Wednesday's ruling",
    "a June agreement", "Saturday night's debate"."""
    return root.dep_ in _NOUN_MODIFIER and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i > root.i


def _explicitly_ahead(root: Any, verb: Any) -> bool:
    """...unless the clause is in the future tense or the noun lies "ahead of" it:
    "will vote in Sunday's election", "talks ahead of Tuesday's summit"."""
    future = any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)
    return future or any(t.lower_ == "ahead" for t in [*_path_to(root, verb), verb])


def _planned(noun: Any) -> bool:
    """...unless the noun is said to be planned: "Thursday's planned march", "Sunday's scheduled vote"."""
    return any(c.dep_ == "amod" and c.lemma_ in PLANNING for c in noun.children)


#: Dependencies of a word that is the predicate of its clause rather than a noun's or a copula's adjective.
_PREDICATE_DEPS = frozenset({"ROOT", "advmod", "ccomp", "advcl", "conj"})


def _past_verb_read_as_adjective(root: Any, verb: Any | None) -> bool:
    """True when the expression hangs, through a preposition, from an "-ed" word the tagger read as an
    adjective that heads its clause: "Clinton glossed over warnings on Thursday" (glossed/JJ under the
    reported clause's "could do"). Such a word is a past-tense verb; without this the direction would
    come from a verb further up, here the modal of another clause, and Thursday would be read ahead."""
    for token in _path_to(root, verb) if verb is not None else root.ancestors:
        if token.tag_ == "JJ" and token.lower_.endswith("ed") and token.dep_ in _PREDICATE_DEPS and \
                any(c.dep_ == "prep" for c in token.children) and not any(c.dep_ == "cop" for c in token.children):
            return True
    return False


def _saying_right_before(span: Any) -> Any | None:
    """The verb of saying written right before the span (`syntax.saying_verb_before`): the time is the saying's,
    whatever clause the parser hangs it on (the events stage reads it so too, `dating_clauses.reported_by`)."""
    return saying_verb_before(span.doc, span.start)


def clause_direction(span: Any) -> int:
    """The tense direction that governs a span of the parse (see the module docstring)."""
    root = span.root
    verb = clause_verb(root)
    if modifies_noun(root):  # a nominal event reported in news is mostly past...
        if _planned(root.head) or (verb is not None and _explicitly_ahead(root, verb)):
            return 1
        return -1
    if _past_verb_read_as_adjective(root, verb) or (root.dep_ == "pobj" and root.head.lower_ == "since"):
        return -1  # "since November": whatever the clause's tense, the time it counts from is behind
    saying = _saying_right_before(span)
    if saying is not None and (verb is None or verb.i != saying.i):
        verb = saying  # "said on Monday they would attack ...": the parser hung Monday on the attack
    if verb is None:
        return 0
    if forward_cue(root, verb):
        return 1
    return verb_direction(verb)


#: Prepositions that put an act inside a period ("changed ... in December", "rose during March").
_WITHIN = frozenset({"in", "during"})


def past_act_in(span: Any) -> bool:
    """True when the span is the period a finite simple-past act happened in: "in December" hanging
    straight from "changed" (VBD, no auxiliary, no plan), or the time after "since". Such a period cannot lie
    wholly after the article date, however near it is; a time on a noun ("a cutback in September", "a summit set for
    April") or under a planning verb says nothing of the sort and is left to the nearest-date rule, and so
    is one under a reporting verb, where the parser often hangs the reported thing's time ("confirmed plans
    for a summit in December")."""
    root = span.root
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ == "since":
        return True  # "have cared for him since November": the time counted from is behind, whatever the tense
    if root.dep_ != "pobj" or prep.lower_ not in _WITHIN or prep.dep_ != "prep":
        return False
    verb = prep.head
    if verb.tag_ != "VBD" or verb.pos_ != "VERB" or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return not any(verb.lemma_ in words for words in (PLANNING, _RESCHEDULING, _DEADLINE_VERBS, _REPORTING))

