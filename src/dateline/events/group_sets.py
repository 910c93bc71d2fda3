"""Which occurrence a noun trigger names by the phrase it stands in, for the within-article grouping (`events.group`).

Three phrases make a noun name something other than one happening the story retells:

* a part of a set the story knows ("many of the suicide attacks in Iraq", "one of the protests"): some
  occurrences of a set, so not "the September 11 attacks" told elsewhere (`part_of_a_set`);
* an example of another noun ("face several investigations, including a fraud inquiry"): one member of the
  set, not the set told again, so not tied to it in the parse (`example_of`; the pair is then left to the model,
  which reads two clauses of one sentence as two acts). An example is no part against other mentions: "activities
  such as the consultative meetings" names the meetings the story told before;
* the manner of another act ("set himself on fire in protest", "resigned in protest"): the bare noun says why that
  act was done, and is no occurrence a later "the protests" could retell (`manner_of_act`).

The first is a mention's `member` cue, the third its `manner` cue (the act it qualifies);
`same_happening.pair_features` reads them as vetoes, and `group.cluster` puts a manner noun with the act it
qualifies when that act is a mention of its type. Each was a wrong join of the grouping on unseen news (samples
1515 and 1616).
"""

from __future__ import annotations

from typing import Any

from dateline.words import decimal_number, number_map, word_set

__all__ = ["example_of", "manner_of_act", "part_of_a_set"]

#: Words taking part of a set by "of" ("many of", "one of") and number words ("two of the attacks").
PARTITIVE_HEADS = word_set("partitive_quantifiers")
NUMBER_WORDS = number_map("number_words")
#: Prepositions naming examples of the noun they hang on ("including", "like", "such as").
EXAMPLE_PREPS = word_set("example_prepositions")
#: "as" names an example only after "such" ("cities such as Mosul"); alone it says what a thing serves as.
SUCH = "such"
AS = "as"
#: Nouns that, bare after "in" on a verb, say why the verb's act was done ("in protest", "in retaliation").
MANNER_NOUNS = word_set("manner_nouns")
MANNER_PREP = "in"
#: Dependents that make a noun definite (a set the story knows) or counted (no bare manner noun).
DEFINITE_DEPS = frozenset({"det", "poss"})
DETERMINING_DEPS = frozenset({"det", "poss", "nummod", "amod"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
#: The act a manner phrase qualifies: the nearest verb above "in", at most this many words up.
VERBAL_POS = frozenset({"VERB", "AUX"})
ACT_HOPS = 3


def part_of_a_set(token: Any) -> bool:
    """Whether a noun names part of a set the story knows: the definite object of "of" after a quantity ("many
    of the suicide attacks", "two of the raids"). "Dozens of protests" counts protests and names no known set.
    A quantity in digits ("3 of the raids") is read by `words.decimal_number`."""
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return False
    quantity = of.head.lower_
    counted = quantity in PARTITIVE_HEADS or quantity in NUMBER_WORDS or decimal_number(quantity) is not None
    return counted and any(c.dep_ in DEFINITE_DEPS for c in token.children)


def example_of(token: Any) -> bool:
    """Whether a noun is the example a preposition gives of the noun it hangs on ("several investigations, including
    a fraud inquiry", "acts such as the bombing"): one member of that noun's set."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in EXAMPLE_PREPS or prep.head.pos_ not in NOMINAL_POS:
        return False
    return prep.lower_ != AS or (prep.i > 0 and prep.doc[prep.i - 1].lower_ == SUCH)


def manner_of_act(token: Any) -> int | None:
    """The token index of the act a bare manner noun after "in" qualifies ("set himself on fire in protest": set;
    "set himself alight in protest", the parser hanging "in" on the verb's complement: set), or None when the trigger
    is no manner noun. Such a noun says why that act was done and names no occurrence of its own. A determiner or
    adjective makes it an occurrence ("took part in the protest")."""
    prep = token.head
    if not (token.dep_ == "pobj" and token.lemma_.lower() in MANNER_NOUNS and prep.lower_ == MANNER_PREP
            and prep.head.i != prep.i and not any(c.dep_ in DETERMINING_DEPS for c in token.children)):
        return None
    act = prep.head
    for _ in range(ACT_HOPS):
        if act.pos_ in VERBAL_POS or act.head.i == act.i:
            break
        act = act.head
    return act.i
