""""The capital" as a place: a country's capital that the article itself names.

News calls a capital by its kind once the story has named it or its country ("Protests broke out in the Jordanian
capital", "In Yemen, rival rallies were staged in the capital"). The places stage reads names only, so such a phrase
places nothing, and an act told in it goes without a place or takes an older scene. Here the phrase is read as the
capital of the country it names (a nationality or country modifying it, "the Iraqi capital", "Haiti's capital"), or
else of the country of the place named last before it in its sentence or the one before ("in Yemen ... in the
capital"), and is that country's capital (GeoNames PPLC) only when the article names that town: no place the text
does not name is made up, and an unnamed capital places nothing, as before.

A capital that names itself ("the capital, Algiers", "the capital of Cairo") is a place already, and a state's or
province's capital ("Osogbo, the state capital") is no country's: both are left alone. Read by `events.locate` and
`events.scene`; reads `doc.places`, the actors stage's countries (`doc.actors`) and the parse.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Any

from dateline.events.act_places import iso3_codes
from dateline.events.index import ArticleIndex, sentences_back
from dateline.model import Document, Place
from dateline.words import word_class

#: Nouns of a country's seat of government ("the capital").
CAPITAL_NOUNS = word_class("place_words", "capital")
#: Modifiers making a capital another body's than a country's ("the state capital", "provincial capital").
SUB_NATIONAL = word_class("place_words", "sub-national")
#: Links by which a country or nationality names whose capital it is ("the Iraqi capital", "Haiti's capital").
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
#: Feature code of a country's capital in GeoNames.
CAPITAL_CODE = "PPLC"
#: Areas too wide to give "the capital" a country ("across the Middle East ... the capital").
WIDE_CODES = frozenset({"CONT", "RGN", "RGNE", "OCN", "SEA", "GULF", "STM"})


def capital_places(doc: Document, first: int, end: int) -> list[Place]:
    """The article's capitals that "the capital" phrases in tokens `first..end-1` stand for, each as a place whose
    span is the phrase (so the parse relates it to an act as it would the name) and whose basis says how it was
    read. Kept per article parse: the scene follows them through the whole text."""
    return [p for p in _all_capital_places(doc) if first <= (p.token_start or 0) < end]


def _all_capital_places(doc: Document) -> list[Place]:
    kept = _CAPITALS.get(doc.parsed)
    if kept is None or kept[0] is not doc.places:
        kept = _CAPITALS[doc.parsed] = (doc.places, _read_capitals(doc))
    return kept[1]


#: Each article parse's capital phrases, with the place list they were read from.
_CAPITALS: weakref.WeakKeyDictionary[Any, tuple[list[Place], list[Place]]] = weakref.WeakKeyDictionary()


def _read_capitals(doc: Document) -> list[Place]:
    if doc.parsed is None or not doc.places:
        return []
    named = {p.country_code: p for p in reversed(doc.places)
             if p.feature_code == CAPITAL_CODE and p.name is not None and p.found_by is None}
    index = ArticleIndex.of(doc)
    found = []
    for token in doc.parsed:
        if token.lower_ not in CAPITAL_NOUNS or token.pos_ != "NOUN" or not _definite(token) or \
                (token.dep_ == "appos" and index.places_at(token.head.idx)):
            continue  # "Sanaa, the capital": the name before is the place
        given = _name_given(index, token)
        if given is not None:
            found.append(_as_phrase(doc, token, given, "the name the phrase gives it"))
            continue
        country = _owner_country(doc, index, token)
        capital = named.get(country) if country else None
        if capital is not None:
            found.append(_as_phrase(doc, token, capital, "the capital the article names of the country it refers to"))
    return found


def _definite(noun: Any) -> bool:
    """True for "the capital", "the Iraqi capital", "Haiti's capital": one capital the reader knows; "a capital",
    "capitals" and a state's capital are not a country's."""
    if noun.tag_ != "NN" or any(c.lower_ in SUB_NATIONAL for c in noun.children):
        return False
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in noun.children)


def _name_given(index: ArticleIndex, noun: Any) -> Place | None:
    """The town a capital phrase names ("the capital, Cairo", "the capital Sanaa", "the capital of Cairo"): the phrase
    stands for it, wherever the parser hangs the name (it may hang ", Cairo" on the verb, away from the phrase)."""
    near = [c for c in noun.children if c.dep_ in ("appos", "compound")]
    near += [g for c in noun.children if c.lower_ == "of" for g in c.children]
    after = noun.doc[noun.i + 1:noun.i + 3]
    if len(after) and after[0].text == ",":
        after = after[1:]
    near += list(after[:1])
    places = [p for t in near for p in index.places_at(t.idx) if (p.feature_code or "").startswith("PPL")]
    return places[0] if places else None


def _owner_country(doc: Document, index: ArticleIndex, noun: Any) -> str | None:
    """The ISO alpha-2 country whose capital the noun is: of a country or nationality modifying it, else of the place
    named last before it in its sentence or the one before."""
    to_iso2 = {iso3: iso2 for iso2, iso3 in iso3_codes().items()}
    for mod in (c for c in noun.children if c.dep_ in OWNER_DEPS):
        if mod.dep_ == "amod" and mod.is_lower:
            continue  # "the sprawling capital": a word of how it looks, not whose it is
        places = index.places_at(mod.idx)
        if places and places[0].country_code:
            return places[0].country_code
        actor = index.actor_at(mod.idx)
        if actor is not None and actor.country:
            return to_iso2.get(actor.country)
        return None  # a modifier naming no country ("the rebel capital", "the oil capital"): no country's seat
    start = sentences_back(noun, 1).start
    before = [p for p in index.places_in_tokens(start, noun.i)
              if p.country_code and p.feature_code not in WIDE_CODES and p.name is not None]
    if not before:
        return None
    country, sent = before[-1].country_code, noun.sent
    others = {p.country_code for p in index.places_in_tokens(sent.start, sent.end)} | \
        {to_iso2.get(a.country or "") for a in index.actors_starting_between(sent.start_char, sent.end_char)}
    return country if others <= {country, None} else None  # "Mexican authorities ... in the capital" after London


def _as_phrase(doc: Document, noun: Any, capital: Place, reason: str) -> Place:
    """The capital as a place spanning the phrase that stands for it ("the Jordanian capital")."""
    first = min(t.i for t in noun.subtree if t.i <= noun.i)
    span = doc.parsed[first:noun.i + 1]
    why = f"'{span.text}' read as {capital.name}, {reason}"
    return replace(capital, text=span.text, start=span.start_char, end=span.end_char, token_start=first,
                   token_end=noun.i + 1, basis="; ".join(b for b in (why, capital.basis) if b), part=None)
