"""People in the actors stage: short names, titled surnames, people the dictionary does not know.

"Assad" after "Bashar al Assad" and "Ambassador Okonjo-Brand" after "Ambassador Teresa
Okonjo-Brand" are the person named in full before; "King Hassan of Morocco" is Morocco's;
a person spaCy names whom the dictionary does not know becomes an actor placed by an apposition
("Marta Ibsen, a spokeswoman for the Danish Foreign Ministry") or, in a story set in one
country, there; "reporter Tom Jordan ... Jordan said" is the reporter, not the country Jordan.
"""

from __future__ import annotations

import itertools
from typing import Any

from dateline.actors.candidate import Candidate, adopt, set_country
from dateline.actors.dictionary import FORMER_SECTOR, ActorDictionary
from dateline.actors.nearby import places_not_people
from dateline.model import Actor, Document
from dateline.words import word_set

#: Tokens that end a possessive name ("Moss'", "Obi 's") and are not part of it.
POSSESSIVE_ENDINGS = word_set("possessive_markers")


def person_of_country(candidates: list[Candidate], doc: Document) -> None:
    """"King Hassan of Morocco": a country written right after a person's name is his, whatever
    the dictionary entry the name matched says."""
    for person, place in itertools.pairwise(candidates):
        first, last = person.actor.token_end, place.actor.token_start
        if not person.person or first is None or last != first + 1 or doc.parsed[first].lower_ != "of":
            continue
        country = place.actor.country
        if country and place.actor.sector in (None, "GOV") and not place.generic and country != person.actor.country:
            person.actor.country = country
            person.actor.code = f"{country}{person.actor.sector or ''}"
            person.actor.entry = f"{person.actor.entry} + of {place.actor.text!r} ({country})"


def link_short_names(candidates: list[Candidate]) -> None:
    """"Assad" after "Bashar al Assad": the shorter name takes the full one's resolution. A mention whose
    own agent noun gave it a sector keeps it: "Ortega supporters" after "President Daniel Ortega" are his
    country's people (CVL), not his government."""
    seen: dict[str, Candidate] = {}
    for cand in candidates:
        if not cand.surname:
            continue
        earlier = seen.get(cand.surname)
        if earlier and earlier.name_size > cand.name_size and not cand.generic:
            adopt(cand.actor, earlier.actor, keep_sector=bool(cand.agent_phrases))
        elif not earlier or cand.name_size > earlier.name_size:
            seen[cand.surname] = cand


def people_named_like_places(candidates: list[Candidate], keys: list[str]) -> list[tuple[Candidate, Candidate]]:
    """"reporter Tom Jordan ... Jordan said", "Ruth Chad ... Chad said": a one-word country or city
    name that repeats the surname of a person named before (known to the dictionary or not) is that person,
    not the place. A name the dictionary does not know counts only when the place was not named on its own
    before it: "Malawi ... the charity Hope Malawi ... Malawi" (a name the parser reads as a person) is still about
    the country. Returns each mention so linked with its person, whom an unknown person's later placing
    (`local_story_country`, an apposition) also places."""
    people: dict[str, Candidate] = {}
    named_alone: set[str] = set()
    linked: list[tuple[Candidate, Candidate]] = []
    for cand in candidates:
        start, end = cand.actor.token_start, cand.actor.token_end
        if cand.person and cand.surname and cand.name_size > 1:
            if not (cand.unknown and cand.surname in named_alone):
                people.setdefault(cand.surname, cand)
        elif not cand.generic and not cand.unknown and start is not None and end == start + 1:
            if keys[start] in people:
                adopt(cand.actor, people[keys[start]].actor)
                cand.person, cand.surname = True, keys[start]
                linked.append((cand, people[keys[start]]))
            else:
                named_alone.add(keys[start])
    return linked


def link_titled_short_names(candidates: list[Candidate]) -> None:
    """"Ambassador Okonjo-Brand" after "Ambassador Teresa Okonjo-Brand": a titled surname
    the dictionary does not know is the person named in full before, whatever its sentence names
    (run after the generic agents are placed, so the full name has its country)."""
    seen: dict[str, Candidate] = {}
    for cand in candidates:
        if not (cand.person and cand.surname):
            continue
        earlier = seen.get(cand.surname)
        if earlier is not None and (cand.generic or not cand.actor.country) and earlier.name_size > cand.name_size \
                and earlier.actor.country and earlier.actor.country != cand.actor.country:
            adopt(cand.actor, earlier.actor, keep_sector=True)
        elif earlier is None or cand.name_size > earlier.name_size:
            seen[cand.surname] = cand


def unlisted_people(candidates: list[Candidate], doc: Document, keys: list[str]) -> list[Actor]:
    """Bare surnames of people named in full elsewhere in the article but absent from the dictionary.

    "Turkish Foreign Minister Mevlut Cavusoglu ... Cavusoglu said": the second mention
    is a proper noun (spaCy may even call it an ORG) that repeats a person's surname. A lead or
    headline may use the surname before the full name ("Vasko lauded the program ... Mayor
    Lena Vasko said"), so the surname may come first.
    """
    by_surname = {c.surname: c.actor for c in candidates if c.person and c.surname and c.actor.country}
    by_surname = {**{k: c.actor for k, c in first_word_names(candidates, keys).items()}, **by_surname}
    if not by_surname:
        return []
    covered = [False] * len(keys)
    for cand in candidates:
        for i in range(cand.actor.token_start or 0, cand.actor.token_end or 0):
            covered[i] = True
    found: list[Actor] = []
    for token in doc.parsed:
        antecedent = by_surname.get(keys[token.i])
        if antecedent is None or covered[token.i] or token.pos_ != "PROPN":
            continue
        if token.i + 1 < len(keys) and doc.parsed[token.i + 1].pos_ == "PROPN":
            continue  # part of a longer name: someone else with the same first word
        actor = Actor(text=token.text, start=token.idx, end=token.idx + len(token.text), name=token.text,
                      country=None, sector=None, token_start=token.i, token_end=token.i + 1)
        adopt(actor, antecedent)
        found.append(actor)
    return found


def first_word_names(candidates: list[Candidate], keys: list[str]) -> dict[str, Candidate]:
    """"Foreign Minister Wang Yi ... Wang said", "Kim Jong Un ... Kim said": where the family name comes first, a
    later bare name repeats the first word of a full name. Keyed by that word, for people of known country whose
    name has two words or more; a word that opens two people's names (known or not) or ends anyone's is left out
    (a bare surname is the surname's, `unlisted_people`)."""
    found: dict[str, Candidate] = {}
    shared: set[str] = set()
    for cand in candidates:
        end = cand.actor.token_end
        if not (cand.person and cand.name_size > 1 and end is not None):
            continue
        first = keys[end - cand.name_size]
        if found.get(first, cand).actor.name != cand.actor.name:
            shared.add(first)
        found.setdefault(first, cand)
    surnames = {c.surname for c in candidates if c.surname}
    return {k: c for k, c in found.items() if k and c.actor.country and k not in shared and k not in surnames}


def unknown_people(candidates: list[Candidate], doc: Document, keys: list[str]) -> list[Candidate]:
    """People the parser names whom the dictionary does not know ("Ann Moss", "Okafor"):
    mentions without a country, so that a later step (the article's focus) can place them. A
    bare surname of someone named before is left to `unlisted_people`."""
    covered = {i for c in candidates for i in range(c.actor.token_start or 0, c.actor.token_end or 0)}
    known = {c.surname for c in candidates if c.person and c.surname} | set(first_word_names(candidates, keys))
    found: list[Candidate] = []
    tokens = doc.parsed
    i = 0
    while i < len(tokens):
        if tokens[i].ent_iob_ != "B" or tokens[i].ent_type_ != "PERSON":
            i += 1
            continue
        end = i + 1
        while end < len(tokens) and tokens[end].ent_iob_ == "I":
            end += 1
        while end > i and (tokens[end - 1].text in POSSESSIVE_ENDINGS or not tokens[end - 1].text.strip()):
            end -= 1
        if end > i and not covered & set(range(i, end)) and tokens[end - 1].pos_ == "PROPN" \
                and not (end - i == 1 and keys[i] in known) and not in_capitals(tokens[i:end]):
            begin, finish = tokens[i].idx, tokens[end - 1].idx + len(tokens[end - 1].text)
            text = doc.article.text[begin:finish]
            actor = Actor(text=text, start=begin, end=finish, name=text, country=None, sector=None,
                          token_start=i, token_end=end, entry="person not in the actor dictionary")
            found.append(Candidate(actor, surname=keys[end - 1], name_size=end - i, person=True, unknown=True))
        i = max(end, i + 1)
    return found


#: Courtesy titles ("Mr", "Mrs", "Dr"): no office, no country.
HONORIFICS = word_set("honorifics")


def office_holders_by_name(people: list[Candidate], doc: Document, keys: list[str],
                           lexicon: ActorDictionary) -> None:
    """"Mr Bush" in 2005, "Tony Blair" spelled as the dictionary does not list him: a person the
    dictionary does not know by this spelling is the one person whose dated role covers the article
    date and whose full name ends with, and holds every word of, the name written. A bare surname
    counts only after a courtesy title ("Mr Bush") or as a later mention of a person found so
    ("... Bush said"); alone it may be anyone ("Jackson")."""
    found: dict[str, Actor] = {}
    full_names = fullest_names(doc, keys)
    for person in people:
        start, end = person.actor.token_start, person.actor.token_end
        if start is None or end is None or person.actor.country:
            continue
        titled = start > 0 and keys[start - 1] in HONORIFICS
        name = [k for k in keys[start:end] if k and k not in HONORIFICS]
        titled = titled or len(name) < end - start
        if len(name) == 1 and name[0] in found:
            adopt(person.actor, found[name[0]])
            person.unknown = False
            continue
        if not name or (len(name) == 1 and not titled):
            continue
        name = list(full_names.get(name[-1], name)) if len(name) == 1 else name  # "Mr Robertson": Pat's
        holders = lexicon.office_holders(tuple(name), doc.article.date)
        holders = [h for h in holders if h.sector != FORMER_SECTOR] or holders  # an office beats a past one
        if len(holders) == 1 and holders[0].country:
            holder = holders[0]
            person.actor.name, person.actor.sector = holder.name, holder.sector
            person.unknown = False
            set_country(person.actor, holder.country, f"{holder.entry} (role held on {doc.article.date})")
            found[name[-1]] = person.actor


def fullest_names(doc: Document, keys: list[str]) -> dict[str, tuple[str, ...]]:
    """Surname -> the longest person's name the parser finds in the article ending with it, as token
    keys without courtesy titles: "Mr Robertson" is looked up as the "Pat Robertson" named before."""
    names: dict[str, tuple[str, ...]] = {}
    for ent in doc.parsed.ents:
        if ent.label_ != "PERSON":
            continue
        name = tuple(k for k in keys[ent.start:ent.end] if k and k not in HONORIFICS and k not in ("s", "'"))
        if len(name) > len(names.get(name[-1] if name else "", ())):
            names[name[-1]] = name
    return names


def in_capitals(span: Any) -> bool:
    """A name written all in capitals ("BST ZURICH"): a dateline or a headline, read as a person by the
    parser; a person's name in running text has lower-case letters."""
    words = [t.text for t in span if any(c.isalpha() for c in t.text)]
    return bool(words) and all(w.isupper() and len(w) > 1 for w in words)


def local_story_country(doc: Document, lexicon: ActorDictionary, people: list[Actor],
                        bodies: list[Actor] | None = None) -> str | None:
    """The country of a local story: every place the article names is in it (two places at least), or,
    where it names fewer than two places, every place and every state or body of a real country it names
    (`bodies`: "a US judge", "the NYPD"; two such mentions at least).

    People the dictionary does not know ("Ann Moss", a mayor, a suspect) are placed there;
    an article that names places (or, short of places, bodies) of two countries says nothing about where
    its people are from, and a leading country is no evidence for a person (a foreign minister is named
    abroad).
    """
    countries = [c for c in (lexicon.iso2.get(p.country_code or "") for p in places_not_people(doc, people)) if c]
    if len(countries) < 2:
        countries += [a.country for a in bodies or [] if a.country in lexicon.countries]
    found = set(countries)
    return found.pop() if len(countries) >= 2 and len(found) == 1 else None


def described_by_apposition(people: list[Candidate], candidates: list[Candidate], doc: Document) -> None:
    """"Marta Ibsen, a spokeswoman for the Danish Foreign Ministry", "the mayor, Vasko": a person
    the dictionary does not know is who the apposition says (its country and sector)."""
    by_token = {i: c for c in candidates if c.actor.country
                for i in range(c.actor.token_start or 0, c.actor.token_end or 0)}
    for person in people:
        if person.actor.token_end is None:
            continue
        head = doc.parsed[person.actor.token_end - 1]
        described = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        found = next((by_token[t.i] for t in described if t.i in by_token), None) or \
            next((by_token[t.i] for d in described for t in _employers(d) if t.i in by_token), None)
        if found is not None:
            person.actor.sector = person.actor.sector or found.actor.sector
            set_country(person.actor, found.actor.country or "", f"apposition {found.actor.text!r}")


#: The sectors a bare country mention gets ("Egypt" GOV, "Syrians" CVL): no one's employer.
STATE_OR_PEOPLE = frozenset({"GOV", "CVL"})


def employed_by_possessor(people: list[Candidate], candidates: list[Candidate], doc: Document) -> None:
    """"the BBC's Nora Okafor", "Oxfam's Lars Dahl": a person the dictionary does not know, written
    after a body's possessive, is of that body: its country, and its sector unless it is a bare country
    ("Egypt's Mohamed Hassan" is Egyptian, in no known office)."""
    by_end = {c.actor.token_end: c for c in candidates if c.actor.country and not c.generic and not c.person}
    for person in people:
        start = person.actor.token_start
        if start is None or start < 2 or person.actor.country or doc.parsed[start - 1].text not in POSSESSIVE_ENDINGS:
            continue
        body = by_end.get(start - 1)
        if body is None:
            continue
        if body.head or body.actor.sector not in STATE_OR_PEOPLE:  # not a bare country
            person.actor.sector = person.actor.sector or body.actor.sector
        set_country(person.actor, body.actor.country or "", f"of {body.actor.text!r}")


#: At most this many title words between a body and the person it employs ("BP chief executive X").
MAX_TITLE_WORDS = 3
#: Entity types of a place's name: before a title it says what the title is about, not whom one works for.
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
#: How title words hang on the name they title: noun modifiers ("Chairman"), adjectives ("chief").
TITLE_DEPS = frozenset({"compound", "amod"})


def employed_by_title(people: list[Candidate], candidates: list[Candidate], doc: Document) -> None:
    """"BP Chairman Anders Lindqvist", "Amnesty researcher Donatella Rovera": a person the dictionary does
    not know, titled by a role written right after a body's name, is of that body, as after its possessive
    (`employed_by_possessor`). Without this the person took the country of the places the story names (a
    British company's chairman placed in the US). The title is one to `MAX_TITLE_WORDS` words that modify the
    name, the body's last word modifies the title, and no word between is a person's name; a country counts as
    its people's adjective ("Canadian trade expert"), not as a place's name ("a Russia expert" studies Russia)."""
    by_end = {c.actor.token_end: c for c in candidates if c.actor.country and not c.generic and not c.person}
    tokens = doc.parsed
    for person in people:
        start, end = person.actor.token_start, person.actor.token_end
        if start is None or end is None or person.actor.country:
            continue
        first = _title_start(tokens, start, end, by_end)
        body = by_end.get(first) if first is not None else None
        if body is None or not first <= tokens[first - 1].head.i < end:
            continue
        if tokens[first - 1].ent_type_ in PLACE_ENTITIES:
            continue  # "a Russia expert", "a Nepal flood survivor": a place's name says what or where, not whose
        if body.head or body.actor.sector not in STATE_OR_PEOPLE:  # not a bare country
            person.actor.sector = person.actor.sector or body.actor.sector
        set_country(person.actor, body.actor.country or "",
                    f"titled {tokens[first:start].text!r} of {body.actor.text!r}")


def _title_start(tokens: Any, start: int, end: int, body_ends: dict[int, Any]) -> int | None:
    """Where the title before a name starts: the first of the words right before `start` that modify the name
    or each other (`TITLE_DEPS`) and are no person's name, stopping where a body's name ends; None without a
    title noun."""
    first = start
    while first > 0 and start - first < MAX_TITLE_WORDS and (first == start or first not in body_ends):
        word = tokens[first - 1]
        if word.dep_ not in TITLE_DEPS or word.ent_type_ == "PERSON" or not word.is_alpha or \
                not first <= word.head.i < end:
            break
        first -= 1
    return first if first < start and tokens[start - 1].pos_ in ("NOUN", "PROPN") else None


def placed_short_names(people: list[Candidate]) -> None:
    """"BP Chairman Anders Lindqvist ... Lindqvist told reporters": a bare surname the parser reads as a
    person, with no country of its own, is the unknown person named in full with it whose title, apposition or
    employer placed them (run before the story's country places the rest)."""
    placed = {p.surname: p for p in people if p.surname and p.name_size > 1 and p.actor.country}
    for person in people:
        full = placed.get(person.surname) if person.name_size == 1 and not person.actor.country else None
        if full is not None:
            adopt(person.actor, full.actor)


#: Prepositions after a role noun that name the body the person holds the role in ("director at Amnesty").
EMPLOYER_PREPS = frozenset({"of", "for", "at", "with"})


def _employers(role: Any) -> list[Any]:
    """Tokens of the bodies a role noun's prepositional phrases name ("the deputy director for Central
    Asia at Human Rights Watch": Central Asia, Human Rights Watch), nearest phrase first."""
    out = []
    for prep in sorted((c for c in role.children if c.dep_ == "prep" and c.lower_ in EMPLOYER_PREPS),
                       key=lambda c: c.i):
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.extend(t for t in obj.subtree if t.dep_ not in ("relcl", "acl"))
    return out
