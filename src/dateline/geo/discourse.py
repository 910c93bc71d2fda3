"""One sense per discourse: a name taken as a place in one mention is a place in its other mentions.

spaCy's small model labels the same word differently from sentence to sentence: "Aleppo" is a
place after "in" but no entity at all when it opens a sentence, "Samos" is a place in one
sentence and a person in the next, "Cirencester" a place once and a person twice. Within one
article a name seldom changes sense, so once the recogniser has accepted a name with its own
evidence, its other mentions are places too, unless they are part of a longer name ("Aleppo
University", "Riverdale Lukoil") or the name is a word of a person's full name in the article
("Washington" beside "George Washington"). A dateline or headline in capitals ("OKLAHOMA CITY")
matches the name however it is cased.
"""

from __future__ import annotations

from typing import Any

from dateline.geo.mentions import Mention
from dateline.geo.names import fold


def repeated_mentions(parsed: Any, accepted: list[Mention], person_words: set[str]) -> list[Mention]:
    """Mentions of accepted place names that the recogniser has not taken, in text order."""
    names = {_words(parsed[m.token_start:m.token_end]): m for m in accepted
             if fold(m.text) not in person_words and m.area is None and m.text[:1].isupper()}
    in_capitals = {tuple(w.lower() for w in key): m for key, m in names.items()}
    taken = {i for m in accepted for i in range(m.token_start, m.token_end)}
    sizes = sorted({len(key) for key in names}, reverse=True)
    found: list[Mention] = []
    # Only a token whose lower-cased word opens an accepted name can start a repeat: the rest are passed over
    # without the spans of every size (half of the places stage's time under cProfile on 30 CNN pages).
    opening = {key[0] for key in in_capitals}
    lowered = [t.text.lower() for t in parsed]
    i = 0
    while i < len(parsed):
        if lowered[i] not in opening:
            i += 1
            continue
        model, size = next(((m, n) for n in sizes if (m := _same_name(parsed[i:i + n], names, in_capitals))
                            and _free(parsed, i, i + n, taken)), (None, 0))
        if model is None:
            i += 1
            continue
        span = parsed[i:i + size]
        found.append(Mention(span.text, span.start_char, span.end_char, i, i + size, model.cue,
                             strong=True, label=model.label))
        i += size
    return found


def _words(span: Any) -> tuple[str, ...]:
    return tuple(t.text for t in span)


def _same_name(span: Any, names: dict[tuple[str, ...], Mention],
               in_capitals: dict[tuple[str, ...], Mention]) -> Mention | None:
    """The accepted mention whose name this span repeats: word for word, or in capitals ("OKLAHOMA CITY")."""
    if not len(span) or not span[0].text[:1].isupper():
        return None
    if span.text.isupper() and len(span.text) > 3:
        return in_capitals.get(tuple(t.text.lower() for t in span))
    return names.get(_words(span))


def _free(parsed: Any, start: int, end: int, taken: set[int]) -> bool:
    """True when tokens [start, end) are no part of an accepted mention nor of a longer name."""
    if any(i in taken for i in range(start, end)):
        return False
    ents = {(t.ent_iob_, t.ent_type_) for t in parsed[start:end]}
    inside = parsed[start].ent_iob_ == "I" or (end < len(parsed) and parsed[end].ent_iob_ == "I")
    if inside or len({label for _, label in ents}) > 1:
        return False  # "Aleppo University", "the Riverdale Lukoil" as one entity
    return not (_name_word(parsed, start - 1) or _name_word(parsed, end))


def _name_word(parsed: Any, i: int) -> bool:
    """A capitalised proper noun at token i, which would continue the name ("Riverdale Lukoil")."""
    if not 0 <= i < len(parsed):
        return False
    token = parsed[i]
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start
