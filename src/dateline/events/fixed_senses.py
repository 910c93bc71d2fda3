"""Trigger words used in a sense that is no act: inside a fixed expression, or against a hardship.

Read by `events.frame.not_an_act`, so the lexicon's and the detector's proposals alike are dropped. Two classes of
false events on news that is not about politics (a singer's death, a charity's clients, a health story), each told
from the words around the trigger and never from who the subject is:

* a word of a fixed expression whose meaning is not the word's own (`fixed_expressions.tsv`): "died of a heart
  attack" is no assault, "suffered a cardiac arrest" no arrest, "as opposed to" no accusation, "a great deal to
  lose" no agreement, "paid the price for" no payment, "took charge of the clean-up" no charge, "took the voters
  for granted" no grant;
* a conflict word whose opponent is a hardship, an illness or a natural hazard (`hardships.txt`,
  `nonpolitical_causes.tsv`): "families struggling with homelessness", "drugs to fight malaria", "her battle
  with cancer", "volunteers battled the wildfire" (not an accident's "fire": "opened fire on the crowd"); and a
  verb of effort that governs an infinitive ("hospitals are struggling to cope", `effort_verbs.txt`). An opponent
  that is a party ("fought the rebels", "a battle with government troops") keeps the act;
* a verb of seeking or trying that governs an infinitive and no object is no act of any type ("Peru is seeking
  to impose an information blackout": a CAMEO pattern of seeking information read the infinitive's object as the
  verb's; "the army struggled to meet its targets": a CAMEO pattern of struggling read it as a denunciation); the
  act, if any, is the infinitive's, a proposal of its own. "Sought the support of", "is seeking an answer" stay.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from dateline.words import word_class, word_map, word_set, word_table

#: The word that stands for up to `GAP_WORDS` other words in a fixed expression ("pay * price").
GAP = "*"
GAP_WORDS = 6
HARDSHIPS = word_set("hardships")
#: Classes of `nonpolitical_causes.tsv` that are no opponent of a party: what one fights is not fought back. Not
#: "accident": its "fire" is the object of "opened fire", "returned fire", an armed act.
NO_OPPONENT_CAUSES = frozenset({"disease", "hazard"})
EFFORT_VERBS = word_set("effort_verbs")
#: Types whose word needs an opponent: attacking, coercing, threatening or mobilising against someone.
OPPOSING_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
#: Prepositions that name what a conflict word is against ("battle with cancer", "fight against malaria").
OPPONENT_PREPS = word_class("prepositions", "opponent")
#: Dependency labels of a verb's direct opponent.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


@cache
def fixed_expressions() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Trigger word -> the expressions (their words, the trigger's place among them) it may stand in."""
    found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase, (word,) in word_table("fixed_expressions").items():
        words = tuple(phrase.split())
        if word not in words:
            raise ValueError(f"fixed_expressions.tsv: {word!r} is not a word of {phrase!r}")
        found.setdefault(word, []).append((words, words.index(word)))
    return found


def fixed_expression(token: Any) -> str | None:
    """The fixed expression of `fixed_expressions.tsv` the trigger `token` stands in, or None."""
    for form in {token.lemma_.lower(), token.lower_}:
        for words, place in fixed_expressions().get(form, []):
            if _matches_before(token, words[:place]) and _matches_after(token, words[place + 1:]):
                return " ".join(words)
    return None


def _same(token: Any, word: str) -> bool:
    return word in (token.lemma_.lower(), token.lower_)


def _matches_after(token: Any, words: tuple[str, ...]) -> bool:
    """Whether the words after the trigger follow it, each "*" letting up to `GAP_WORDS` others in between."""
    return _in_order(token, words, 1)


def _matches_before(token: Any, words: tuple[str, ...]) -> bool:
    """Whether the words before the trigger precede it (read backwards; "*" as in `_matches_after`)."""
    return _in_order(token, words[::-1], -1)


def _in_order(token: Any, words: tuple[str, ...], step: int) -> bool:
    """Whether `words` come in order from the trigger in the direction `step` (1 after it, -1 before it, `words`
    then given nearest first), each right after the one before unless a "*" before it lets `GAP_WORDS` in between."""
    doc, at = token.doc, token.i + step
    for n, word in enumerate(words):
        if word == GAP:
            continue
        reach = GAP_WORDS if n and words[n - 1] == GAP else 0
        stop = min(at + reach + 1, len(doc)) if step > 0 else max(at - reach - 1, -1)
        hit = next((i for i in range(at, stop, step) if _same(doc[i], word)), None)
        if hit is None:
            return False
        at = hit + step
    return True


@cache
def _no_opponents() -> frozenset[str]:
    causes = word_map("nonpolitical_causes")
    return HARDSHIPS | frozenset(noun for noun, kinds in causes.items() if set(kinds.split()) & NO_OPPONENT_CAUSES)


def against_a_hardship(token: Any, type_name: str) -> str | None:
    """The hardship a conflict word of `type_name` is fought against ("struggling with homelessness", "fight
    malaria"), or "effort" for a verb of effort with an infinitive, whatever type its plain sense or a CAMEO
    pattern gives it ("struggling to cope", "seeking to create", "struggled to meet its targets"); None otherwise."""
    if _effort_with_infinitive(token):
        return "effort"
    if type_name not in OPPOSING_TYPES:
        return None
    opponents = [c for c in token.children if c.dep_ in OBJECT_DEPS and token.pos_ == "VERB"]
    opponents += [g for c in _opponent_preps(token) for g in c.children if g.dep_ == "pobj"]
    named = [o for o in opponents if o.lemma_.lower() in _no_opponents() or o.lower_ in _no_opponents()]
    return named[0].text if named and len(named) == len(opponents) else None


def _effort_with_infinitive(token: Any) -> bool:
    """A verb of effort (`effort_verbs.txt`) that governs a to-infinitive and no direct object before it:
    "struggling to cope", "seeking to create"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in EFFORT_VERBS:
        return False
    infinitives = [c for c in token.children
                   if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    # an object after the infinitive is the parser's misreading of a later phrase ("seeking to create a vacuum
    # that ..., countries such as Burma"); one before it is the verb's own ("sought help to rebuild")
    return bool(infinitives) and not any(c.dep_ == "dobj" and c.i < infinitives[0].i for c in token.children)


def _opponent_preps(token: Any) -> list[Any]:
    """The prepositions naming what the word is against: its own ("a battle with cancer"), or, for a noun object,
    the one the parser hung on its verb right after it ("lost her battle with cancer")."""
    own = [c for c in token.children if c.dep_ == "prep" and c.lower_ in OPPONENT_PREPS]
    if token.dep_ == "dobj":
        own += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ in OPPONENT_PREPS
                and c.i == token.right_edge.i + 1]
    return own


__all__ = ["against_a_hardship", "fixed_expression", "fixed_expressions"]
