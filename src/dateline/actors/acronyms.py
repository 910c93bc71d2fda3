"""Acronyms an article defines for an actor: "the Philippine Sports Commission (PSC) ... the PSC".

News spells a body out once with its acronym in brackets and then uses the acronym alone. The
dictionary rarely knows such acronyms (a city's sports council, a teachers' union), so without
this step "sought the support of the PSC" names nobody. An acronym is taken as defined when it
is an all-capital word in brackets right after a resolved actor mention and its letters are
letters that start the words before the bracket ("Islamic Salvation Front (FIS)" in another
language's order counts; "(AFP)" after "the ministry" does not). Every later or earlier bare
use of the acronym in the article becomes a mention of that actor.
"""

from __future__ import annotations

from dateline.actors.candidate import Candidate, adopt
from dateline.model import Actor, Document

#: Length bounds of an acronym, in characters.
SHORTEST, LONGEST = 2, 8
#: How many words before the bracket may spell the acronym (a name split into several mentions).
NAME_WINDOW = 8


def acronym_mentions(candidates: list[Candidate], doc: Document) -> list[Actor]:
    """New actor mentions for the bare uses of acronyms defined right after an actor mention."""
    tokens = doc.parsed
    defined = _defined_acronyms(candidates, tokens)
    if not defined:
        return []
    covered = {i for c in candidates for i in range(c.actor.token_start or 0, c.actor.token_end or 0)}
    found: list[Actor] = []
    for token in tokens:
        antecedent = defined.get(token.text)
        if antecedent is None or token.i in covered:
            continue
        actor = Actor(text=token.text, start=token.idx, end=token.idx + len(token.text), name=token.text,
                      country=None, sector=None, token_start=token.i, token_end=token.i + 1)
        adopt(actor, antecedent)
        actor.entry = f"acronym defined after {antecedent.text!r} at {antecedent.start}: {actor.entry}"
        found.append(actor)
    return found


def _defined_acronyms(candidates: list[Candidate], tokens: object) -> dict[str, Actor]:
    """Acronym -> the actor it was defined for; an acronym defined for two different actors is dropped."""
    defined: dict[str, Actor] = {}
    clashing: set[str] = set()
    size = len(tokens)  # type: ignore[arg-type]
    for cand in candidates:
        end = cand.actor.token_end
        actor = cand.actor
        if end is None or end + 2 >= size or not (actor.country or actor.sector):
            continue
        opening, word, closing = tokens[end], tokens[end + 1], tokens[end + 2]  # type: ignore[index]
        if opening.text != "(" or closing.text != ")":
            continue
        name = tokens[max(opening.sent.start, end - NAME_WINDOW):end]  # type: ignore[index]
        if not is_acronym_of(word.text, name.text):  # "Kenya National Union of Teachers (KNUT)": two mentions
            continue
        earlier = defined.get(word.text)
        if earlier is not None and (earlier.country, earlier.sector) != (actor.country, actor.sector):
            clashing.add(word.text)
        defined.setdefault(word.text, actor)
    return {word: actor for word, actor in defined.items() if word not in clashing}


def is_acronym_of(word: str, name: str) -> bool:
    """Whether `word` is an all-capital acronym whose letters all start words of `name` ("PSC" of
    "the Philippine Sports Commission", "FIS" of "Islamic Salvation Front")."""
    letters = [c for c in word if c.isalpha()]
    if not SHORTEST <= len(word) <= LONGEST or len(letters) < SHORTEST or not all(c.isupper() for c in letters):
        return False
    initials = {part[0].upper() for part in name.replace("-", " ").split() if part[:1].isalpha()}
    return set(letters) <= initials
