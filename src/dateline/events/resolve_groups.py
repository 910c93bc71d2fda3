"""Group references among a head's parties: "the two sides", "both countries", "all three" stand for the
parties named together before them (split from `events.resolve`, which asks `group_reference` first).

Also the small helpers both modules read: a mention's identity and a head's noun phrase.
"""

from __future__ import annotations

from typing import Any

from dateline.events.index import ArticleIndex
from dateline.events.parties import SKIP_DEPS
from dateline.events.parties_syntax import with_conjuncts
from dateline.model import Document, Party
from dateline.words import number_map, word_set


def group_reference(doc: Document, token: Any) -> list[Party] | None:
    """"Israel and Hamas agreed to a truce ... Both sides accused each other", "The two inmates and their
    accomplice were seen in Chattanooga. All three were arrested": "the two sides", "both countries" (a plural
    of `pair_nouns` counted as two) or a bare count ("all three", "the two", "both") stand for the nearest
    parties named together before it ("X and Y", "between X and Y") -- two mentions for a pair, two up to the
    count for more, as "two inmates" is one mention -- within `BODY_WINDOW` characters; with no such group,
    nobody (an empty party is better than a guess). None: the word is no such reference."""
    count = _referred_count(token)
    if count is None:
        return None
    group = _nearest_group(doc, token, count)
    if not group:
        return []
    span = noun_phrase(token)
    names = " and ".join(repr(a.text) for a in group)
    out = []
    for actor in group:
        party = actor.as_party()
        party.entry = f"{span.text!r} -> {names} at {group[0].start} " \
                      f"(the nearest parties named together before it): {actor.entry}"
        out.append(party)
    return out


def _referred_count(token: Any) -> int | None:
    """How many parties a group reference stands for: 2 for "the two sides" or "both countries" (a plural
    of `pair_nouns`), the number for a count standing alone as a party ("all three", "the two", "both")."""
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "preconj")}
    if token.lemma_.lower() in PAIR_NOUNS and token.tag_ in PLURAL_TAGS:  # "two sides clashed" is no reference
        return 2 if "both" in words or ("two" in words and words & DEFINITE_WORDS) else None
    if token.lower_ == "both" and token.dep_ in GROUP_DEPS:
        return 2
    if token.tag_ == "CD" and token.dep_ in GROUP_DEPS and words & DEFINITE_WORDS:
        value = NUMBER_WORDS.get(token.lower_)
        return value if value is not None and value >= 2 else None
    return None


def _nearest_group(doc: Document, token: Any, count: int) -> list[Any]:
    """The last actor mentions before `token` that the parse coordinates ("Israel and Hamas"), standing for
    different parties: exactly two for a pair, two up to `count` for a larger count; none such: []."""
    index = ArticleIndex.of(doc)
    best: list[Any] = []
    for actor in index.actors_starting_between(token.idx - BODY_WINDOW, token.idx):
        head = doc.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
        if actor.end > token.idx or head is None or not len(head) or head.root.dep_ == "conj":
            continue
        group = [actor]
        for conj in with_conjuncts(head.root)[1:]:
            other = index.actor_at(conj.idx)
            if other is not None and conj.idx < token.idx and all(identity(other) != identity(g) for g in group):
                group.append(other)
        fits = len(group) == 2 if count == 2 else 2 <= len(group) <= count
        if fits and (not best or group[-1].start > best[-1].start):
            best = group
    return best


#: Determiners that make "two sides" the two already spoken of.
DEFINITE_WORDS = frozenset({"the", "these", "those", "all"})
#: Where a count stands alone as a party: a clause's subject or object, or a preposition's ("between the two").
GROUP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj"})
#: Number words ("three" -> 3), for counts standing alone as a party ("all three were arrested").
NUMBER_WORDS = number_map("number_words")
#: Nouns that, as "the two X" or "both X", stand for two parties named together before.
PAIR_NOUNS = word_set("pair_nouns")
#: Penn tags of plural nouns.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: How far back (characters) "the group" looks for what it stands for: the paragraph before, about.
BODY_WINDOW = 600


def identity(actor: Any) -> tuple[str, str | None, str | None]:
    """Who a mention stands for, as far as the actors stage knows: its name, country and sector."""
    return actor.name, actor.country, actor.sector


def noun_phrase(token: Any) -> Any:
    """The token's phrase without relative clauses, appositions and coordinated parties."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in SKIP_DEPS and c.dep_ != "conj"]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in SKIP_DEPS)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    return token.doc[lo:hi + 1]
