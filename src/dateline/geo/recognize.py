"""Toponym recognition: which spans of a parsed article name places.

spaCy's GPE/LOC entities are the starting point (kept when the gazetteer knows the name
or the text cues it), but the small model tags many villages as ORG or PERSON, or misses
them. Such a span is accepted when the gazetteer knows the name *and* the text cues it as
a place ("in X", "X province", "the villages of X and Y", "moved to X", "Town, X."), when it
names a country or a capital, or when another mention of the same name was accepted
(`discourse`). Well-known places inside organisation names ("Seattle Fire Department") are
mentions too. Person names ("Lavrov", "Maduro") and demonyms ("Syrian") are never places:
the actor stage deals with them.

Each mention keeps the bare toponym as its text ("Hama", not "Hama province"); the
cue word is kept apart (`cue`) for the resolver.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.geo.datelines import DATELINE_MARKS, dateline_name, dateline_places
from dateline.geo.discourse import repeated_mentions
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.mentions import Mention, link_containers, link_peers
from dateline.geo.names import COMPASS_WORDS, fold
from dateline.geo.pairs import area_after_town, state_after_town
from dateline.geo.sites import as_site, landform_cued, named_site_before_noun, site_kind
from dateline.geo.units import named_units
from dateline.words import word_class, word_classes, word_set

#: spaCy labels that name places; spans with these are kept unless ruled out.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: spaCy labels that the small model puts on places it does not know.
MAYBE_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", ""})
#: PERSON spans are places only when a cue word says so ("the villages of X and Y"), when
#: they name a country-level place ("Azerbaijan should release ..."), or when they fill a
#: slot that takes places ("horses nearby in Riverdale", "hit Gaza City and X").
CUED_ONLY_LABELS = frozenset({"PERSON"})
PERSON_PLACE_CODES = frozenset({"PCLI", "ADM1", "PPLC", "CONT"})
PERSON_PLACE_PREPS = word_class("prepositions", "person-place")
PERSON_TOWN_POPULATION = 50_000
#: A PERSON span that the gazetteer knows as a town of at least this size is a place where a
#: verb of the subject's journey leads to or from it ("moved to Thornhill", "fled from Misrata").
JOURNEY_VERBS = word_set("journey_verbs")
JOURNEY_PREPS = word_class("prepositions", "journey-end")
JOURNEY_TOWN_POPULATION = 5_000
#: Buildings, streets and venues: places when a locative preposition introduces them.
SITE_LABELS = frozenset({"FAC"})
#: Labels of names that may embed a well-known place ("Washington Post", "US Federal Reserve").
EMBEDDING_LABELS = frozenset({"ORG", "FAC"})
#: In a span that lists places ("Asia-Pacific", "Greece Italy") these kinds also count
#: by an alternate name, and these marks link the pieces.
LIST_PIECE_ALT_CODES = frozenset({"PCLI", "CONT", "OCN", "SEA"})
LINK_MARKS = frozenset({"-", "–", "/"})
#: Kinds of place prominent enough to be recognised inside another name.
PROMINENT_CODES = frozenset({"PCLI", "ADM1", "CONT", "PPLC"})
PROMINENT_POPULATION = 100_000
#: Single words that spaCy sometimes tags as places but that name no place on their own.
#: (Compass words are not repeated here: every reader of this set also tests COMPASS_WORDS.)
GENERIC_WORDS = word_class("place_words", "not-a-place")
#: Bodies named by one word ("Congress", "Parliament"): never a place alone, whatever the gazetteer knows by the name.
BODY_WORDS = word_class("place_words", "body")
#: Acronyms are places only when they name a country-level or first-level unit ("US", "UK").
ACRONYM_CODES = frozenset({"PCLI", "ADM1", "CONT", "PPLC"})
#: Nouns that say what kind of place a neighbouring name is, and the feature they imply.
#: (class "cue-ADM1" of data/words/place_words.tsv -> "ADM1").
CUE_NOUNS: dict[str, str] = {word: tag.removeprefix("cue-") for tag, words in word_classes("place_words").items()
                             if tag.startswith("cue-") for word in words}
#: Verbs whose object is a place ("seized X", "shelled X"), by lemma.
PLACE_VERBS = word_set("place_verbs")
#: Prepositions that introduce a location ("in X", "near X").
LOCATIVE_PREPS = word_class("prepositions", "toponym-cue")
#: Words that make the next name the name of a storm, an operation or a ship, not a place.
NAMED_THINGS = word_set("named_things")
_LEADING = frozenset({"the", "The", "THE"})
_POSSESSIVE = word_set("possessive_markers")


def find_mentions(parsed: Any, gazetteer: Gazetteer) -> list[Mention]:
    """Recognise the toponyms of a parsed article, in text order."""
    persons = _person_names(parsed)
    person_words = _person_words(parsed, persons)
    candidates = [_trim(parsed, start, end, label, gazetteer) for start, end, label in _spans(parsed)]
    candidates = _join_and_names(parsed, [c for c in candidates if c is not None], gazetteer)
    accepted: list[Mention] = []
    rejected: list[Mention] = []
    for mention in _split_lists(parsed, candidates, gazetteer):
        kind = site_kind(parsed, mention)
        if kind == "street" or (kind == "venue" and _cued(parsed, mention, gazetteer)):
            accepted.append(as_site(mention))  # "on Royal Street", "at Barclays Center"
            continue
        if named_site_before_noun(parsed, mention) and not gazetteer.knows(mention.text):
            accepted.append(as_site(mention))  # "in the Alarbeen neighborhood"
            continue
        if mention.label in CUED_ONLY_LABELS and mention.cue is None:
            if _person_named_place(parsed, mention, persons, gazetteer):
                mention.strong = True
                accepted.append(mention)
            continue
        if _generic(mention.text) or fold(mention.text) in BODY_WORDS or (
                mention.cue is None and _ruled_out(mention, person_words, gazetteer)):
            continue
        cued = bool(mention.cue or _cued(parsed, mention, gazetteer))
        if mention.label in SITE_LABELS:
            keep = cued  # "at Brands Hatch", "on Royal Street": a site inside a town
        elif mention.strong:
            # an unknown name with no cue at all is more often a company or a person
            keep = cued or gazetteer.knows(mention.text)
        else:
            # a country by its full name ("the Democratic People's Republic of Korea" as ORG)
            keep = ((cued and gazetteer.is_name(mention.text)) or _names_country(mention.text, gazetteer)
                    or area_after_town(parsed, mention, gazetteer))
        (accepted if keep else rejected).append(mention)
    known = {fold(m.text) for m in accepted}
    accepted.extend(m for m in rejected if fold(m.text) in known)
    accepted.extend(named_units(parsed, accepted, gazetteer))
    accepted.extend(_embedded_places(parsed, accepted, gazetteer, person_words))
    accepted.extend(dateline_places(parsed, gazetteer, accepted))
    accepted.extend(repeated_mentions(parsed, accepted, _full_name_words(persons)))
    accepted.extend(state_after_town(parsed, accepted))
    accepted.sort(key=lambda m: m.start)
    link_containers(parsed, accepted)
    link_peers(parsed, accepted)
    for mention in accepted:
        after = parsed[mention.token_end] if mention.token_end < len(parsed) else None
        mention.modifies = after.lower_ if after is not None and after.pos_ == "NOUN" else ""
    return accepted


def _embedded_places(parsed: Any, accepted: list[Mention], gazetteer: Gazetteer,
                     person_words: set[str]) -> list[Mention]:
    """Well-known places named inside organisation or facility names ("Washington Post")."""
    taken = {i for m in accepted for i in range(m.token_start, m.token_end)}
    found = []
    for ent in parsed.ents:
        if ent.label_ in EMBEDDING_LABELS and not any(i in taken for i in range(ent.start, ent.end)):
            found.extend(m for m in _prominent_pieces(parsed, ent.start, ent.end, ent.label_, gazetteer)
                         if fold(m.text) not in person_words)
    return found


def _join_and_names(parsed: Any, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """ "Trinidad" + "and" + "Tobago": one country when the joined name is a well-known place."""
    mentions.sort(key=lambda m: m.token_start)
    out: list[Mention] = []
    covered_until = -1
    for mention in mentions:
        if mention.token_start < covered_until:
            continue
        if out and _adjacent_parts(parsed, out[-1], mention, gazetteer):
            span = parsed[out[-1].token_start:mention.token_end]  # "Baja" + "California"
            mention = Mention(span.text, span.start_char, span.end_char, span.start, span.end,
                              mention.cue, strong=True, label=out.pop().label or mention.label)
        end = mention.token_end
        if end < len(parsed) and parsed[end].lower_ == "and":
            size = next((n for n in (3, 2, 1) if end + 1 + n <= len(parsed)
                         and _prominent(parsed[mention.token_start:end + 1 + n].text, gazetteer)), 0)
            if size:
                span = parsed[mention.token_start:end + 1 + size]
                mention = Mention(span.text, span.start_char, span.end_char, span.start, span.end,
                                  strong=True, label=mention.label or "GPE")
        mention = _extended(parsed, mention, gazetteer)
        covered_until = mention.token_end
        out.append(mention)
    return out


def _names_country(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.feature_code == "PCLI" and c.match >= 0.9 for c in gazetteer.lookup(name))


def _extended(parsed: Any, mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A mention that is the start of a longer well-known name ("U.S." + "Virgin Islands")."""
    end = mention.token_end
    size = next((n for n in (3, 2, 1) if end + n <= len(parsed)
                 and all(t.text[:1].isupper() for t in parsed[end:end + n])
                 and _prominent(parsed[mention.token_start:end + n].text, gazetteer)), 0)
    if not size:
        return mention
    span = parsed[mention.token_start:end + size]
    return Mention(span.text, span.start_char, span.end_char, span.start, span.end,
                   strong=True, label=mention.label or "GPE")


def _adjacent_parts(parsed: Any, first: Mention, second: Mention, gazetteer: Gazetteer) -> bool:
    """True when two touching mentions are the halves of one known name ("Baja California")."""
    if first.token_end != second.token_start:
        return False
    joined = parsed[first.token_start:second.token_end].text
    return any(c.match >= 1.0 for c in gazetteer.lookup(joined)) and not gazetteer.is_name(first.text + second.text)


def _split_lists(parsed: Any, mentions: Iterable[Mention], gazetteer: Gazetteer) -> Iterator[Mention]:
    """A place span the gazetteer does not know but that lists known places ("Greece Italy")."""
    for mention in mentions:
        if mention.strong and mention.token_end - mention.token_start > 1 and not gazetteer.is_name(mention.text):
            pieces = _prominent_pieces(parsed, mention.token_start, mention.token_end, mention.label, gazetteer,
                                       LIST_PIECE_ALT_CODES)
            links = sum(parsed[i].text in LINK_MARKS for i in range(mention.token_start, mention.token_end))
            if sum(p.token_end - p.token_start for p in pieces) + links == mention.token_end - mention.token_start:
                yield from pieces
                continue
        yield mention


def _prominent_pieces(parsed: Any, start: int, end: int, label: str, gazetteer: Gazetteer,
                      alt_codes: frozenset[str] = frozenset()) -> list[Mention]:
    """The well-known places inside tokens [start, end), longest first, left to right."""
    found = []
    i = start
    while i < end:
        if parsed[i].is_punct:
            i += 1
            continue
        size = next((n for n in (3, 2, 1) if i + n <= end and not _joiner(parsed[i + n - 1])
                     and _prominent(parsed[i:i + n].text, gazetteer, alt_codes)), 0)
        if size and parsed[i].text[:1].isupper():
            span = parsed[i:i + size]
            found.append(Mention(span.text, span.start_char, span.end_char, i, i + size,
                                 strong=True, label=label))
        i += max(size, 1)
    return found


def _generic(name: str) -> bool:
    """A word such as "North" or "City" that names no place on its own."""
    key = fold(name)
    return key in GENERIC_WORDS or key in COMPASS_WORDS


def _prominent(name: str, gazetteer: Gazetteer, alt_codes: frozenset[str] = frozenset()) -> bool:
    """A country, province, capital or big town by its main name (or, for `alt_codes`
    kinds such as oceans, by an alternate name: "Pacific")."""
    if _generic(name):
        return False
    return any((c.match == 1.0 and (c.feature_code in PROMINENT_CODES or c.population >= PROMINENT_POPULATION))
               or (c.match >= 0.9 and c.feature_code in alt_codes) for c in gazetteer.lookup(name))


def _spans(parsed: Any) -> list[tuple[int, int, str]]:
    """Entity spans with their labels, plus runs of proper nouns that no entity covers."""
    wanted = PLACE_LABELS | MAYBE_LABELS | CUED_ONLY_LABELS
    spans = [(e.start, e.end, e.label_) for e in parsed.ents if e.label_ in wanted]
    covered = {i for e in parsed.ents for i in range(e.start, e.end)}
    i = 0
    while i < len(parsed):
        if i in covered or parsed[i].pos_ != "PROPN" or not parsed[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(parsed) and j not in covered and parsed[j].pos_ == "PROPN":
            j += 1
        spans.append((i, j, ""))
        i = j
    return spans


def _trim(parsed: Any, start: int, end: int, label: str, gazetteer: Gazetteer) -> Mention | None:
    """The bare toponym inside a span: no article, no possessive, cue word set apart."""
    while start < end and (parsed[start].text in _LEADING or parsed[start].is_punct):
        start += 1
    while end > start and (parsed[end - 1].text in _POSSESSIVE or _joiner(parsed[end - 1])
                           or (parsed[end - 1].is_lower and parsed[end - 1].lower_ not in CUE_NOUNS)):
        end -= 1  # "Pacific equatorial": a name ends with its last capitalised word
    if start and parsed[start - 1].lower_ in NAMED_THINGS:
        return None  # "Hurricane Maria", "Operation Barbarossa": a name, not a place
    cue = None
    if label in PLACE_LABELS and end - start > 1 and parsed[end - 1].lower_ in CUE_NOUNS:
        if not gazetteer.is_name(parsed[start:end].text):
            cue = CUE_NOUNS[parsed[end - 1].lower_]
            end -= 1
    if end <= start or not parsed[start].text[:1].isupper():
        return None
    span = parsed[start:end]
    mention = Mention(span.text, span.start_char, span.end_char, start, end,
                      cue, strong=label in PLACE_LABELS, label=label)
    mention.cue = mention.cue or _neighbour_cue(parsed, start, end, noun_after=label != "NORP")
    mention.strong = mention.strong or mention.cue is not None
    return mention


def _joiner(token: Any) -> bool:
    """Punctuation or a conjunction ("&", "and"): never the last word of a place name."""
    return token.is_punct or token.pos_ == "CCONJ" or token.text == "&"


def _neighbour_cue(parsed: Any, start: int, end: int, noun_after: bool = True) -> str | None:
    """A cue word right after the name ("Hama province") or before it ("villages of X").

    A nationality is not a place's name for the noun after it: "a British city", "the Russian
    state news agency" (`noun_after=False` for spans the parser labels NORP)."""
    if noun_after and end < len(parsed) and parsed[end].lower_ in CUE_NOUNS:
        return CUE_NOUNS[parsed[end].lower_]
    if start >= 2 and parsed[start - 1].lower_ == "of" and parsed[start - 2].lower_ in CUE_NOUNS:
        return CUE_NOUNS[parsed[start - 2].lower_]
    head = parsed[start:end].root
    if head.dep_ == "conj" and head.head.i < start:
        # "the villages of X and Y": Y shares X's cue
        first = head.head
        return _neighbour_cue(parsed, first.i, first.i + 1) if first.pos_ == "PROPN" else None
    return None


def _cued(parsed: Any, mention: Mention, gazetteer: Gazetteer) -> bool:
    """True when the name fills a slot that takes places ("in X", "seized X", "Y and X")."""
    if _place_slot(parsed[mention.token_start:mention.token_end].root, LOCATIVE_PREPS):
        return True
    before = parsed[mention.token_start - 1] if mention.token_start else None
    return ((before is not None and before.lower_ in LOCATIVE_PREPS) or landform_cued(parsed, mention)
            or _dateline(parsed, mention, gazetteer))


def _dateline(parsed: Any, mention: Mention, gazetteer: Gazetteer) -> bool:
    """True for a capitalised place that opens a story: "SAN DIEGO (AP) - The ..."."""
    after = parsed[mention.token_end] if mention.token_end < len(parsed) else None
    return (mention.text.isupper() and parsed[mention.token_start].is_sent_start is not False
            and after is not None and after.text in DATELINE_MARKS
            and dateline_name(mention.text, after.text, gazetteer))


def _place_slot(root: Any, preps: frozenset[str]) -> bool:
    """The object of a locative preposition or of a verb that takes places, or the
    conjunct of a place ("Gaza City and X"); conjuncts share the first one's slot."""
    while root.dep_ == "conj" and root.head.i < root.i:
        if root.head.ent_type_ in PLACE_LABELS:
            return True
        root = root.head  # "from Homs and Aleppo": the first conjunct carries the preposition
    if root.dep_ == "pobj" and root.head.lower_ in preps:
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in PLACE_VERBS


def _ruled_out(mention: Mention, person_words: set[str], gazetteer: Gazetteer) -> bool:
    """Person names and demonyms are not places, whatever spaCy says."""
    key = fold(mention.text)
    if gazetteer.demonym(key):
        return True
    if mention.text.isupper() and len(mention.text.replace(".", "")) <= 5:
        return not any(c.feature_code in ACRONYM_CODES for c in gazetteer.lookup(mention.text))
    if key in person_words:
        return not any(c.feature_code in ("PCLI", "ADM1") for c in gazetteer.lookup(mention.text))
    return False


def _person_words(parsed: Any, persons: dict[str, set[str]]) -> set[str]:
    """Names that are people in this article: words of full names ("Angela Dorothea Merkel"),
    and one-word names that spaCy calls PERSON more often than a place."""
    words = _full_name_words(persons)
    votes: dict[str, int] = {}
    for ent in parsed.ents:
        if ent.label_ == "PERSON" or ent.label_ in PLACE_LABELS:
            key = fold(ent.text)
            votes[key] = votes.get(key, 0) + (1 if ent.label_ == "PERSON" else -1)
    words.update(name for name in persons if " " not in name and votes.get(name, 0) >= 0)
    return words


def _full_name_words(persons: dict[str, set[str]]) -> set[str]:
    """The words of the people's names of more than one word ("angela", "merkel")."""
    return set().union(*(w for name, w in persons.items() if " " in name))


def _person_named_place(parsed: Any, mention: Mention, persons: dict[str, set[str]],
                        gazetteer: Gazetteer) -> bool:
    """A span spaCy calls PERSON that is still a place: a country or capital, or "in X"."""
    key = fold(mention.text)
    if _generic(key) or any(key in words for name, words in persons.items() if name != key):
        return False
    candidates = gazetteer.lookup(mention.text)
    if any(c.feature_code in PERSON_PLACE_CODES and c.match == 1.0 for c in candidates):
        return True
    if area_after_town(parsed, mention, gazetteer):
        return True
    root = parsed[mention.token_start:mention.token_end].root
    if _journey_end(root) and any(c.population >= JOURNEY_TOWN_POPULATION for c in candidates):
        return True
    if mention.token_end - mention.token_start == 1:
        # a one-word "person" must be a sizeable town: "Irene", "Clarence" are people too
        candidates = tuple(c for c in candidates if c.population >= PERSON_TOWN_POPULATION)
    return bool(candidates) and _place_slot(root, PERSON_PLACE_PREPS)


def _journey_end(root: Any) -> bool:
    """True for the object of "to/from/into" after a verb of the subject's journey ("moved to X")."""
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in JOURNEY_PREPS and prep.head.pos_ == "VERB"
            and prep.head.lemma_ in JOURNEY_VERBS)


def _person_names(parsed: Any) -> dict[str, set[str]]:
    """Folded PERSON names, each with its words ("angela merkel" -> {..., "merkel"})."""
    names: dict[str, set[str]] = {}
    for ent in parsed.ents:
        if ent.label_ == "PERSON":
            key = fold(ent.text)
            words = {fold(t.text) for t in ent if t.text[:1].isupper() and len(t.text) > 2}
            names.setdefault(key, {key}).update(words)
    return names
