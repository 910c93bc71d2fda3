"""Dictionary matching for the actors stage: pieces of actor mentions over spaCy tokens.

A left-to-right longest-match scan probes the compiled phrase tables with tuples of
token keys (one dictionary lookup per candidate length, never a regex per entry) and
keeps a match only when the text writes it as a name in an actor's role: capitalised,
not a date, not a word inside someone else's name, not a capital standing for where
something happens. Generic agent nouns ("officials", "air power") are matched the
same way from the agent table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.actors.dictionary import FORMER_SECTOR, ActorDictionary, Agent, Resolution
from dateline.actors.text import token_key, without_determiner
from dateline.words import word_class, word_set

#: Entity types that are never actors: "May 15" and "21 June" are also Greek armed groups.
TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
#: Possessive endings, which the parser may count as part of a person's name ("Laden's").
POSSESSIVE_MARKERS = word_set("possessive_markers")
#: An agent match must end on a noun ("the military", not "military support").
NOUN_TAGS = frozenset({"NOUN", "PROPN"})


@dataclass
class Piece:
    """A dictionary match over tokens [start, end): a named actor, a country, or an agent."""

    kind: str  # "named", "country" or "agent"
    start: int
    end: int
    resolution: Resolution | None = None
    agent: Agent | None = None
    written: str | None = None  # the entry's own name as the article spells it


@lru_cache(maxsize=65536)
def cached_key(text: str) -> str:
    """`token_key`, memoised: news repeats its words, and folding is the costly part."""
    return token_key(text)


def match_at(keys: list[str], i: int, table: dict[tuple[str, ...], Any],
             lengths: dict[str, int]) -> tuple[int, Any] | None:
    """The longest phrase of `table` starting at token i: (end token, value), or None."""
    longest = lengths.get(keys[i])
    if not longest:
        return None
    seq: list[str] = []
    ends: list[int] = []
    j = i
    while j < len(keys) and len(seq) < longest:
        if keys[j]:
            seq.append(keys[j])
            ends.append(j + 1)
        j += 1
    for size in range(len(seq), 0, -1):
        value = table.get(tuple(seq[:size]))
        if value is not None:
            return ends[size - 1], value
    return None


def looks_proper(tokens: Any, start: int, end: int) -> bool:
    """A named match must be written as a name: capitalised, short ones in capitals.

    Keeps "us" from being the United States and "turkey" from being Turkey.
    """
    span = [tokens[i].text for i in range(start, end)]
    if not any(ch.isupper() for word in span for ch in word):
        return False
    if any(tokens[i].like_num or tokens[i].ent_type_ in TIME_ENTITIES for i in range(start, end)):
        return False  # "May 15", "21 June": dates that share a name with armed groups
    if len(span) == 1 and len(span[0].replace(".", "")) <= 3:
        return span[0].isupper()
    return True


def find_pieces(tokens: Any, keys: list[str], lexicon: ActorDictionary, day: dt.date) -> list[Piece]:
    """Scan left to right, taking the longest named match, else the longest agent match."""
    pieces: list[Piece] = []
    i = 0
    while i < len(keys):
        piece = named_piece(tokens, keys, i, lexicon, day) or agent_piece(tokens, keys, i, lexicon)
        longer = match_at(keys, i + 1, lexicon.phrases, lexicon.phrase_lengths) \
            if piece and keys[i] == "the" and i + 1 < len(keys) else None
        if piece and longer and longer[0] > piece.end:
            # "in the West Bank": a name after the article that runs past "the West" is the longer name,
            # a mention or (after "in") a place
            piece = named_piece(tokens, keys, i + 1, lexicon, day)
            if piece is None:
                i = longer[0]
                continue
        if piece:
            if piece.kind == "named":
                piece.start = person_start(tokens, piece.start, pieces[-1].end if pieces else 0)
            pieces.append(piece)
            i = piece.end
        else:
            i += 1
    return pieces


def named_piece(tokens: Any, keys: list[str], i: int, lexicon: ActorDictionary,
                day: dt.date) -> Piece | None:
    """A named actor or country at token i, if one is written there as a name."""
    found = match_at(keys, i, lexicon.phrases, lexicon.phrase_lengths)
    if not found or not looks_proper(tokens, i, found[0]) or inside_person(tokens, i, found[0]):
        return None
    resolution = current_namesake(lexicon.resolve(found[1], day), tuple(k for k in keys[i:found[0]] if k),
                                  lexicon, day)
    if resolution.as_written and not written_as_named(tokens, i, found[0], resolution.name):
        return None
    kind = "country" if is_state(resolution, lexicon) else "named"
    if kind == "named" and found[0] - i == 1 and part_of_longer_name(tokens, i):
        return None
    if kind == "country" and tokens[found[0] - 1].ent_type_ == "PERSON" and \
            not names_the_country(keys[i], resolution, lexicon) and not before_people(tokens, found[0]):
        return None  # "Murray" the doctor, not the Murray region of Australia
    if kind == "country" and is_place_reference(tokens, keys, i, found[0], lexicon, resolution):
        return None
    piece = Piece(kind, i, found[0], resolution=resolution)
    span = tokens[i:found[0]]
    own_name = tuple(k for k in keys[i:found[0]] if k) == resolution.primary_key
    full_person_name = len(span) > 1 and all(t.ent_type_ == "PERSON" for t in span)
    if (own_name or full_person_name) and not resolution.curated and not span.text.isupper():
        # "Mohamed ElBaradei", not "Elbaradei"; "Mohammad Javad Zarif" as written, not the
        # entry's other spelling of the same person ("Mohammad Zarif Khonsari")
        piece.written = without_determiner(span.text)
    return piece


def without_surnames(pieces: list[Piece], tokens: Any) -> list[Piece]:
    """The pieces without the countries that are a person's surname ("Eason Jordan said", "Mark Cuban"), which
    `people` then reads as the person. A country the article named on its own before stays the country there
    too: "pro-Israel ... criticized 'Zionist Israel'" is Israel, whatever the parser calls the phrase."""
    kept: list[Piece] = []
    seen: set[str] = set()
    for piece in pieces:
        country = piece.resolution.country if piece.kind == "country" and piece.resolution else None
        if country and country not in seen and ends_person_name(tokens, piece.start, piece.end):
            continue
        if country:
            seen.add(country)
        kept.append(piece)
    return kept


def ends_person_name(tokens: Any, start: int, end: int) -> bool:
    """Whether a country's name is the last word of a person's name the parser reads after a first name
    ("Eason Jordan said", "Bill English"): a surname. The name must run on from a proper noun of the same
    entity and stop with the match, so "Abdullah of Jordan" (a country after "of") and "Bosnian Serbs" (a
    people, `before_people`) keep their country."""
    first = tokens[start]
    if start == 0 or first.ent_type_ != "PERSON" or first.ent_iob_ != "I":
        return False
    before = tokens[start - 1]
    if before.pos_ != "PROPN" or before.ent_type_ != "PERSON" or not before.text[:1].isupper():
        return False
    return end >= len(tokens) or tokens[end].ent_iob_ != "I" or tokens[end].text in POSSESSIVE_MARKERS


def before_people(tokens: Any, end: int) -> bool:
    """"Bosnian Serbs demanded a truce", read by the parser as one person: a plural proper noun after the
    match in the same entity ("Serbs", "Albanians") makes it a people, and the match the country they live
    in; no person's name is plural."""
    return end < len(tokens) and tokens[end].tag_ == "NNPS" and tokens[end].ent_iob_ == "I"


def is_state(resolution: Resolution, lexicon: ActorDictionary) -> bool:
    """Whether an entry is a state: a country of today's gazetteer, or one whose code is a bare
    country ("SOVIET_UNION [SUN]", "GERMAN_DEMOCRATIC_REPUBLIC [DDR]") rather than a body in one."""
    if resolution.sector is not None or not resolution.country:
        return False
    return resolution.country in lexicon.countries or resolution.code == resolution.country


def current_namesake(resolution: Resolution, name: tuple[str, ...], lexicon: ActorDictionary,
                     day: dt.date) -> Resolution:
    """"George Bush" in 2005 is George W. Bush: when the entry a name matches holds no office on the
    date (a former official, ELI), the one person of that name who does hold one is meant."""
    if resolution.sector != FORMER_SECTOR or len(name) < 2:
        return resolution
    holders = [h for h in lexicon.office_holders(name, day) if h.sector != FORMER_SECTOR]
    return holders[0] if len(holders) == 1 else resolution


def names_the_country(first_key: str, resolution: Resolution, lexicon: ActorDictionary) -> bool:
    """Whether a match spells the country itself or its people ("Sri Lanka", "Nigerians"),
    which the small parser sometimes calls a PERSON, rather than a region or a river."""
    names = [resolution.primary_key[:1], (cached_key(lexicon.country_name(resolution.country) or ""),)]
    return any(name and name[0][:4] == first_key[:4] for name in names)


LOCATIVES = word_class("prepositions", "actor-place")


def is_place_reference(tokens: Any, keys: list[str], start: int, end: int, lexicon: ActorDictionary,
                       resolution: Resolution) -> bool:
    """A capital or region after a locative preposition ("talks in Ankara", "rebels in
    Darfur") is where something happens, not who acts; the country's own name stays
    an actor wherever it stands, as PLOVER codes it."""
    last = tokens[end - 1]
    if last.dep_ != "pobj" or last.head.lower_ not in LOCATIVES or last.ent_type_ == "NORP":
        return False
    name_key = tuple(cached_key(w) for w in (lexicon.country_name(resolution.country) or "").split())
    return tuple(k for k in keys[start:end] if k) != name_key


def written_as_named(tokens: Any, start: int, end: int, name: str) -> bool:
    """Whether a match writes an entry's name as the entry does, every word capitalised but those the name
    keeps lower-case ("Cubana de Aviación"), and not as a person's name: "Global airlines" are any airlines,
    "Charles Colgan" no Colgan Air. A leading "the" may stay lower-case."""
    lower = {w.lower() for w in name.replace("-", " ").split() if w[:1].islower()} | {"the"}
    span = [tokens[n] for n in range(start, end)]
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    return all(not t.is_alpha or t.text[:1].isupper() or t.lower_ in lower for t in span)


def part_of_longer_name(tokens: Any, i: int) -> bool:
    """A one-word match inside a longer organisation name ("Organization" of "Palestinian
    Liberation Organization") names something else."""
    token = tokens[i]
    if not token.ent_type_ or token.ent_type_ == "PERSON":
        return False
    after = i + 1 < len(tokens) and tokens[i + 1].ent_iob_ == "I"
    return token.ent_iob_ == "I" or after


def person_start(tokens: Any, start: int, floor: int) -> int:
    """Where the person name containing token `start` begins: a surname match covers
    the whole written name ("Mohammed Hussein Tantawi" for TANTAWI)."""
    while start > floor and tokens[start].ent_iob_ == "I" and tokens[start].ent_type_ == "PERSON":
        start -= 1
    return start


def inside_person(tokens: Any, start: int, end: int) -> bool:
    """A match that stops inside a longer person name ("Hussein" of "Mohammed Hussein
    Tantawi") is someone else's name part, not a mention of its own."""
    last = tokens[end - 1]
    if last.ent_type_ != "PERSON" or end >= len(tokens):
        return False
    following = tokens[end]
    if following.text in POSSESSIVE_MARKERS:
        return False  # "Abu Omar's al-Shabaab": the parser puts the "'s" inside the name
    return following.ent_type_ == "PERSON" and following.ent_iob_ == "I" and not before_people(tokens, end)


def agent_piece(tokens: Any, keys: list[str], i: int, lexicon: ActorDictionary) -> Piece | None:
    """A generic agent noun phrase at token i ("officials", "air power"), if its head is a noun."""
    found = match_at(keys, i, lexicon.agents, lexicon.agent_lengths)
    if not found or tokens[found[0] - 1].pos_ not in NOUN_TAGS:
        return None
    key = tuple(k for k in keys[i:found[0]] if k)
    return Piece("agent", i, found[0], agent=lexicon.agent(key))


#: GeoNames feature codes of states and capitals: independent political entities and seats of government.
STATE_FEATURES = ("PCL", "PPLC")


def placed_elsewhere(pieces: list[Piece], places: list[Any], keys: list[str], lexicon: ActorDictionary) -> list[Piece]:
    """The pieces without the country metonyms the places stage read as a place in another country.

    Phoenix files old capitals and short names under a country ("Salisbury" under Zimbabwe, "Ireland"
    inside "Northern Ireland"); the places stage weighs the whole text ("the Wiltshire city of Salisbury")
    and is the better judge of where a name is. A country's own name ("Georgia") stays unless the place
    read around it is longer than the match, and so does a former state the gazetteer lacks ("the Soviet
    Union"). Where the places stage reads a country or a capital, the dictionary's dated code stands: Juba
    was Sudan's before 2011, and a country name in a list ("Bosnia and Slovenia") is no town. A place of no
    country (a sea or gulf) drops a country's name only after its first word: "the Gulf of Mexico fishing ban"
    names no Mexico, "Iraqi Kurdistan" stays Iraqi.
    """
    by_token: dict[int, tuple[int, int, str | None]] = {}
    for place in places:
        iso3 = lexicon.iso2.get(place.country_code or "")
        if (iso3 or not place.country_code) and place.token_start is not None and \
                not (place.feature_code or "").startswith(STATE_FEATURES):
            end = place.token_end or place.token_start + 1
            for i in range(place.token_start, end):
                by_token[i] = (place.token_start, end, iso3)
    kept = []
    for piece in pieces:
        res = piece.resolution
        place = by_token.get(piece.start)
        if place is None or res is None or res.sector is not None or res.country not in lexicon.countries \
                or place[2] == res.country:
            kept.append(piece)
            continue
        own_name = tuple(k for k in keys[piece.start:piece.end] if k) == \
            tuple(cached_key(w) for w in (lexicon.country_name(res.country) or "").split())
        longer = place[0] < piece.start or place[1] > piece.end
        inside = place[0] < piece.start  # "the Gulf of Mexico", "the South China Sea"; not "Iraqi Kurdistan"
        if (own_name and not longer) or (place[2] is None and not inside):
            kept.append(piece)  # a place of no country drops only a name inside it, after its first word
    return kept

