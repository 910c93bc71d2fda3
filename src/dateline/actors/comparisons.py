"""Countries named as the standard of a comparison, which place no unnamed agent near them.

"The Bolivian marchers' complaints were similar to those heard on the streets of Lima. Protesters
demanded new elections": the protesters are Bolivian, not Peruvian; "farmers blocked roads in a revolt said to
be modelled on the one in Chile" were not Chilean. A country named inside the phrase that gives what something
is compared with or modelled on (`comparison_standards`) tells of another story, so `nearby.country_mentions`
leaves it out of the context an agent is placed by.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

#: Adjectives, verbs and prepositions that open a standard of comparison ("similar to", "modelled on").
COMPARISON_STANDARDS = word_set("comparison_standards")
#: The preposition a comparing adjective or verb takes before its standard.
STANDARD_PREPOSITIONS = frozenset({"to", "of", "with", "by", "on"})
#: Dependencies of that preposition: an ordinary one, or a passive verb's "by" agent.
STANDARD_DEPS = frozenset({"prep", "agent"})
#: The entries that are prepositions: their own object is the standard.
COMPARING_PREPOSITIONS = frozenset({"like", "unlike"})


def comparison_spans(parsed: Any) -> list[tuple[int, int]]:
    """Character spans of the standards of comparison in a parse (spaCy Doc): the phrase after a comparing
    adjective or verb ("similar [to the rallies in Lima]", "modelled [on the revolt in Chile]") and the object of
    "unlike", or of "like" hung on a verb or an adjective ("marched [like the farmers of Peru]")."""
    spans = []
    for token in parsed:
        word = token.lemma_.lower()
        if word not in COMPARISON_STANDARDS:
            continue
        if word in COMPARING_PREPOSITIONS:
            if token.pos_ != "ADP" and token.dep_ != "prep":
                continue  # "would like to": the verb
            if word == "like" and token.head.pos_ not in ("VERB", "AUX", "ADJ"):
                continue  # "countries like Egypt": examples of a class, not a standard
            spans.append(_span(token))
        elif token.pos_ in ("ADJ", "VERB"):
            spans += [_span(c) for c in token.children
                      if c.dep_ in STANDARD_DEPS and c.lower_ in STANDARD_PREPOSITIONS]
    return spans


def _span(token: Any) -> tuple[int, int]:
    """The characters of a token's subtree."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last.text)


def in_a_standard(start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character offset `start` lies inside one of the `spans`."""
    return any(a <= start < b for a, b in spans)
