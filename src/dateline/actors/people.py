"""People in the actors stage: short names, titled surnames, people the dictionary does not know.

"Assad" after "Bashar al Assad" and "Ambassador Phillips-Spencer" after "Ambassador Anthony
Phillips-Spencer" are the person named in full before; "King Hassan of Morocco" is Morocco's;
a person spaCy names whom the dictionary does not know becomes an actor placed by an apposition
("Bernard Valero, a spokesman for the French Foreign Ministry") or, in a story set in one
country, there; "reporter Bill Holland ... Holland said" is the reporter, not the Netherlands.
"""

from __future__ import annotations

import itertools
from typing import Any

from dateline.actors.candidate import Candidate, adopt, set_country
from dateline.actors.dictionary import ActorDictionary
from dateline.actors.nearby import places_not_people
from dateline.model import Actor, Document

#: Tokens that end a possessive name ("Jacobs'", "Saleh 's") and are not part of it.
POSSESSIVE_ENDINGS = frozenset({"'s", "'", "’s", "’"})


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
    """"Assad" after "Bashar al Assad": the shorter name takes the full one's resolution."""
    seen: dict[str, Candidate] = {}
    for cand in candidates:
        if not cand.surname:
            continue
        earlier = seen.get(cand.surname)
        if earlier and earlier.name_size > cand.name_size and not cand.generic:
            adopt(cand.actor, earlier.actor)
        elif not earlier or cand.name_size > earlier.name_size:
            seen[cand.surname] = cand


def people_named_like_places(candidates: list[Candidate], keys: list[str]) -> None:
    """"reporter Bill Holland ... Holland said": a one-word country or city name that repeats the
    surname of a person named before is that person, not the place."""
    people: dict[str, Candidate] = {}
    for cand in candidates:
        start, end = cand.actor.token_start, cand.actor.token_end
        if cand.person and cand.surname and cand.name_size > 1:
            people.setdefault(cand.surname, cand)
        elif not cand.generic and start is not None and end == start + 1 and keys[start] in people:
            adopt(cand.actor, people[keys[start]].actor)
            cand.person, cand.surname = True, keys[start]


def link_titled_short_names(candidates: list[Candidate]) -> None:
    """"Ambassador Phillips-Spencer" after "Ambassador Anthony Phillips-Spencer": a titled surname
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
    headline may use the surname before the full name ("Chipeco lauded the program ... Mayor
    Justin Chipeco said"), so the surname may come first.
    """
    by_surname = {c.surname: c.actor for c in candidates if c.person and c.surname and c.actor.country}
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


def unknown_people(candidates: list[Candidate], doc: Document, keys: list[str]) -> list[Candidate]:
    """People the parser names whom the dictionary does not know ("Chris Jacobs", "Wedeman"):
    mentions without a country, so that a later step (the article's focus) can place them. A
    bare surname of someone named before is left to `unlisted_people`."""
    covered = {i for c in candidates for i in range(c.actor.token_start or 0, c.actor.token_end or 0)}
    known = {c.surname for c in candidates if c.person and c.surname}
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
                and not (end - i == 1 and keys[i] in known):
            begin, finish = tokens[i].idx, tokens[end - 1].idx + len(tokens[end - 1].text)
            text = doc.article.text[begin:finish]
            actor = Actor(text=text, start=begin, end=finish, name=text, country=None, sector=None,
                          token_start=i, token_end=end, entry="person not in the actor dictionary")
            found.append(Candidate(actor, surname=keys[end - 1], name_size=end - i, person=True, unknown=True))
        i = max(end, i + 1)
    return found


def local_story_country(doc: Document, lexicon: ActorDictionary, people: list[Actor]) -> str | None:
    """The country of a local story: every place the article names is in it (two places at least).

    People the dictionary does not know ("Chris Jacobs", a mayor, a suspect) are placed there;
    an article that names places in two countries says nothing about where its people are from,
    and a leading country is no evidence for a person (a foreign minister is named abroad).
    """
    countries = [c for c in (lexicon.iso2.get(p.country_code or "") for p in places_not_people(doc, people)) if c]
    found = set(countries)
    return found.pop() if len(countries) >= 2 and len(found) == 1 else None


def described_by_apposition(people: list[Candidate], candidates: list[Candidate], doc: Document) -> None:
    """"Bernard Valero, a spokesman for the French Foreign Ministry", "the mayor, Chipeco": a person
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


#: Prepositions after a role noun that name the body the person holds the role in ("director at Amnesty").
EMPLOYER_PREPS = frozenset({"of", "for", "at", "with"})


def _employers(role: Any) -> list[Any]:
    """Tokens of the bodies a role noun's prepositional phrases name ("the deputy director for the Middle
    East at Amnesty International": the Middle East, Amnesty International), nearest phrase first."""
    out = []
    for prep in sorted((c for c in role.children if c.dep_ == "prep" and c.lower_ in EMPLOYER_PREPS),
                       key=lambda c: c.i):
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.extend(t for t in obj.subtree if t.dep_ not in ("relcl", "acl"))
    return out
