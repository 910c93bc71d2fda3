"""From party head tokens to `Party` records, through the actor mentions of the actors stage.

A head is a group reference ("the two sides", `resolve_groups`), the actor mention covering it, else the
mentions among its modifiers ("leaders of Iran"; not a name after "anti-"/"pro-"), a pronoun's antecedent
(nearest earlier subject mention, or the body a reporting "the group" stands for), a noun owned by a pronoun,
a body noun ("the group"), "this country" in someone's reported words, or the bare noun phrase. Each
resolved party's entry says what it was resolved to (`dateline show` prints it).
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Any

from dateline.events.index import ArticleIndex
from dateline.events.parties import NON_PARTY_HEADS, PERSONAL_PRONOUNS, RELATIVE_PRONOUNS
from dateline.events.parties_refs import (
    antecedent_role,
    coordinated_owner,
    described_antecedent,
    fronted_owner,
    manner_clause_it,
    nearest_sentence_antecedent,
    others_party,
    phrase_head,
    reporting_subject,
)
from dateline.events.parties_syntax import NAMED_ENTITIES
from dateline.events.phrase_actors import actor_at, actors_in_phrase, one_per_country
from dateline.events.resolve_groups import BODY_WINDOW, PLURAL_TAGS, group_reference, identity, noun_phrase
from dateline.model import Document, Party
from dateline.syntax import DEFINITE_BODIES, definite_body_sectors
from dateline.words import word_class, word_set

#: Possessive determiners ("his party", "their allies").
POSSESSIVE_PRONOUNS = word_set("possessive_pronouns")
#: Nouns for others related to an owner ("its allies", "his rivals"): not of the owner's country.
RELATIONAL_NOUNS = word_set("relational_nouns")
#: Where an owned noun is a party (a clause's subject or object), not a thing in an adjunct.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "conj"})
#: How far up from a relative pronoun its clause's verb may be ("at which", "some of whom").
RELATIVE_CLIMB = 3


def resolve(doc: Document, token: Any) -> list[Party]:
    """The Parties a head token stands for: the actor mention covering it, else the mentions
    among its modifiers ("U.S. and Russian negotiators" -> two), a pronoun's antecedent, or else
    the bare noun phrase (nothing for an unresolved pronoun)."""
    if token.lower_ in NON_PARTY_HEADS:
        return []  # "on behalf of the regime" names who benefits, not who is acted on
    if doc.excluded_at(token.idx) is not None:
        return [p for c in _story_stand_ins(doc, token) for p in resolve(doc, c)]
    group = group_reference(doc, token)
    if group is not None:
        return group
    actor = actor_at(doc, token)
    inside = [a for a in actors_in_phrase(doc, token, bodies=actor is None)
              if actor is None or a.end <= actor.start or a.start >= actor.end]
    if actor is not None:
        inside = [actor, *inside]  # "Senior Hungarian and Romanian officials": both
    if inside:
        return [a.as_party() for a in one_per_country(inside)]
    if token.lower_ in RELATIVE_PRONOUNS and token.tag_ in RELATIVE_TAGS:
        antecedent = relative_antecedent(token)
        return resolve(doc, antecedent) if antecedent is not None else []
    described = described_antecedent(token)  # "those expelled": whom the last "expel" before it was done to
    if described is not None:
        return [replace(p, entry=f"{described[1]}: {p.entry}") for p in resolve(doc, described[0]) if p.country]
    if token.lower_ in PERSONAL_PRONOUNS or token.pos_ == "PRON":
        antecedent = _antecedent(doc, token)
        return [_referred_party(doc, token, antecedent)] if antecedent is not None else []
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return []
    owned = _owner_party(doc, token) or _definite_body(doc, token) or _speakers_country(doc, token) or \
        others_party(token, lambda head: resolve(doc, head))
    if owned is not None:
        return [owned]
    span = noun_phrase(token)
    described = _apposition_actor(doc, token)
    country, sector = (described.country, described.sector) if described is not None else (None, None)
    return [Party(name=span.text, text=span.text, start=span.start_char, end=span.end_char,
                  country=country, sector=sector,
                  entry=f"apposition {described.text!r}: {described.entry}" if described is not None else None)]


def _story_stand_ins(doc: Document, token: Any) -> list[Any]:
    """What a head in text that is not the story hands on: "KABUL (Reuters) - Afghan police arrested" parses the
    wire dateline as a second subject, "Wed Jun 16 ... WASHINGTON (Reuters) - BP's chairman apologized" as the
    subject with the chairman as its apposition. The dateline is no party (the story stage marks it); the
    head's appositions and the other subjects of its verb in the story's text are the parties."""
    appositions = [c for c in token.children if c.dep_ == "appos"]
    others = [c for c in token.head.children if c.dep_ == token.dep_ and c.i != token.i] \
        if token.dep_ in ("nsubj", "nsubjpass") else []
    return [c for c in appositions + others if doc.excluded_at(c.idx) is None]


def _owner_party(doc: Document, token: Any) -> Party | None:
    """"Obi said he has asked his party to ...": a noun the actors stage does not know, owned
    by a possessive pronoun and standing as a clause's subject or object, is of the country of whom
    the pronoun stands for (its sector unknown)."""
    if token.lemma_.lower() in RELATIONAL_NOUNS or token.dep_ not in ARGUMENT_DEPS:
        return None  # "its allies", "her rivals" are others; "damages to his plant" names a thing
    pronoun = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
    owner = _antecedent(doc, pronoun) if pronoun is not None else None
    if owner is None or not owner.country:
        return None
    span = noun_phrase(token)
    return Party(name=span.text, text=span.text, start=span.start_char, end=span.end_char, country=owner.country,
                 entry=f"owned by {owner.text!r} at {owner.start}: {owner.entry}")


def _speakers_country(doc: Document, token: Any) -> Party | None:
    """"Rouhani said this country would never negotiate": "this country" (`own_country_nouns`) in reported
    speech is the speaker's country, as "our country" is; in the writer's own voice, or said by someone of
    no known country, None (the outlet's country, which the text does not name, is left to nobody)."""
    this = next((c for c in token.children if c.dep_ == "det" and c.lower_ == "this"), None)
    if this is None or token.lemma_.lower() not in OWN_COUNTRY_NOUNS:
        return None
    speaker = _speaker(doc, this)
    if speaker is None or not speaker.country:
        return None
    span = noun_phrase(token)
    return Party(name=span.text, text=span.text, start=span.start_char, end=span.end_char, country=speaker.country,
                 entry=f"{span.text!r} in the words of {speaker.text!r} at {speaker.start} (the speaker's country): "
                       f"{speaker.entry}")


#: Nouns that, after "this" in reported speech, stand for the speaker's country.
OWN_COUNTRY_NOUNS = word_set("own_country_nouns")


def _definite_antecedent(doc: Document, token: Any) -> Any | None:
    """The actor mention a body noun of `definite_bodies` after "the"/"this" stands for (see `_definite_body`)."""
    sectors = definite_body_sectors(token)
    if not sectors:
        return None
    earlier = [a for a in ArticleIndex.of(doc).actors_starting_between(token.idx - BODY_WINDOW, token.idx)
               if a.end <= token.idx and a.sector in sectors]
    return max(earlier, key=lambda a: a.start) if earlier else None


def _definite_body(doc: Document, token: Any) -> Party | None:
    """"Zuma Front fighters raided a village. The group also seized 20 trucks": "the group" (a noun
    of `definite_bodies` after "the"/"this", no "of" phrase saying whose) stands for the nearest mention
    before it, within `BODY_WINDOW` characters, whose sector such a body can have; none close: None."""
    body = _definite_antecedent(doc, token)
    if body is None:
        return None
    span = noun_phrase(token)
    return Party(name=body.name, text=span.text, start=span.start_char, end=span.end_char, country=body.country,
                 sector=body.sector, entry=f"{span.text!r} -> {body.text!r} at {body.start} (nearest earlier body "
                                           f"of a sector it can stand for): {body.entry}")


def _apposition_actor(doc: Document, token: Any) -> Any | None:
    """"Ilse Brandauer, head of the Austrian farmers' union": a name the
    dictionary does not know is what its apposition says it is. A common noun is no name:
    "an issue ...: the ownership of Iraq's oil" is not Iraq's."""
    if token.pos_ != "PROPN" and token.ent_type_ not in NAMED_ENTITIES:
        return None
    for appos in token.children:
        if appos.dep_ == "appos":
            actor = actor_at(doc, appos) or next(iter(actors_in_phrase(doc, appos)), None)
            if actor is not None and actor.country:
                return actor
    return None


#: Tags of a word used as a relative pronoun ("which", "who", "that" as a determiner or complementiser
#: is something else).
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def relative_antecedent(pronoun: Any) -> Any | None:
    """The noun a relative pronoun stands for: "the meeting at which states agreed" -> meeting.

    A relative pronoun is not a personal one: it never refers back to the previous sentence's
    subject, only to the noun its clause modifies.
    """
    current = pronoun
    for _ in range(RELATIVE_CLIMB):
        if current.dep_ == "relcl":
            return current.head
        if current.head.i == current.i:
            return None
        current = current.head
    return current.head if current.dep_ == "relcl" else None


def _antecedent(doc: Document, pronoun: Any) -> Any | None:
    """Simple coreference: the nearest actor before the pronoun that is a clause subject and agrees
    with it (`_agrees`: "he" a person, "it" a body or thing, "they" several); none when none is close.
    An object pronoun also takes a verb's object when that object's sentence is nearer than any subject
    that fits (`parties_refs.nearest_sentence_antecedent`); a possessive on a second conjunct stands for
    the first ("Ortiz and his son"); "it" of "as X put it" for nobody.

    An object pronoun never stands for the subject of its own clause, nor of the clause that
    controls it ("the guards vowed to punish them": not the guards; English says "themselves").
    """
    parsed = doc.parsed
    bound = _binding_subjects(pronoun) if pronoun.dep_ in OBJECT_DEPS else set()
    # nor for an earlier mention of that subject ("the guards vowed to punish them": not guards)
    binders = {identity(a) for a in (actor_at(doc, parsed[i]) for i in bound) if a is not None}
    if pronoun.lower_ in SPEAKER_PRONOUNS:
        return _speaker(doc, pronoun)
    body = _body_speaker(doc, pronoun)
    thing = _thing_speaker(doc, pronoun) if body is None else None
    if body is not None or thing is not None:
        return body or thing or None
    if manner_clause_it(pronoun):
        return None  # "as one critic put it": the words, not a party
    speaker = reporting_subject(pronoun)
    if speaker is not None:  # "Nurses said they had been told": the speaker, known to the actors stage or nobody
        return actor_at(doc, speaker) or next(iter(actors_in_phrase(doc, speaker)), None)
    owner = coordinated_owner(pronoun)
    if owner is not None:  # "Pablo Ortiz and his son": Ortiz, known to the actors stage or nobody
        return actor_at(doc, owner)
    plural = pronoun.lower_ in PLURAL_PRONOUNS  # "them" is not one named person
    people = _people(doc)
    ahead = _fronted_antecedent(doc, pronoun, people)
    if ahead is not None:  # "In its statement, the ministry said": the subject after the phrase
        return ahead

    def fits(actor: Any, head: Any) -> bool:
        return actor.end <= pronoun.idx and identity(actor) not in binders and head.i not in bound and \
            not (plural and _one_name(phrase_head(head))) and _agrees(pronoun, head, actor, people)

    mentions = ArticleIndex.of(doc).actors_starting_between(pronoun.idx - 400, pronoun.idx)
    found = nearest_sentence_antecedent(parsed, pronoun, mentions, fits)
    return found[0] if found is not None else None


def _fronted_antecedent(doc: Document, pronoun: Any, people: frozenset[str]) -> Any | None:
    """The subject a possessive in a fronted adjunct looks ahead to (`parties_refs.fronted_owner`), when it is an
    actor mention that agrees with the pronoun; None otherwise."""
    owner = fronted_owner(pronoun)
    actor = actor_at(doc, owner) if owner is not None else None
    return actor if actor is not None and _agrees(pronoun, owner, actor, people) else None


def _body_speaker(doc: Document, pronoun: Any) -> Any | None:
    """"Zuma Front fighters raided a village. The group said it had seized 20 trucks": the subject of a
    clause reported by a body noun of `definite_bodies` ("the group", "the company") stands for what that
    noun stands for (`_definite_antecedent`), not for whatever subject came last before it."""
    speaker = _reporting_noun(pronoun)
    return _definite_antecedent(doc, speaker) if speaker is not None else None


def _thing_speaker(doc: Document, pronoun: Any) -> Any | None:
    """"The notice, put up on the consulate door, said it applied ...": "it" as the subject of a clause a
    thing reports (a singular common noun that is no actor and no body noun: "warning", "report") stands for
    that thing, not for an actor named before; the party is whoever the thing's own phrase names as its
    issuer ("the embassy's warning"), else nobody (False). None: the rule does not apply."""
    speaker = _reporting_noun(pronoun)
    if speaker is None or speaker.lemma_.lower() in DEFINITE_BODIES or actor_at(doc, speaker) is not None:
        return None
    return next(iter(actors_in_phrase(doc, speaker)), False)


def _reporting_noun(pronoun: Any) -> Any | None:
    """The singular common noun ("the group", "the warning") that reports the clause whose subject "it" is
    ("The group said it ..."), read by `_body_speaker` and `_thing_speaker`; None for any other pronoun."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in THING_PRONOUNS or \
            clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return speaker if speaker is not None and speaker.tag_ == "NN" else None


def _referred_party(doc: Document, pronoun: Any, antecedent: Any) -> Party:
    """The party a pronoun stands for, saying whence it came (`dateline show` prints the entry)."""
    party = antecedent.as_party()
    ahead = _fronted_antecedent(doc, pronoun, _people(doc))
    how = "the body its reporting subject stands for" if _body_speaker(doc, pronoun) is antecedent else \
        "the issuer of the thing that reports it" if _thing_speaker(doc, pronoun) is antecedent else \
        "the noun its own noun is coordinated with" if coordinated_owner(pronoun) is not None else \
        "the subject its fronted phrase comes before" if ahead is antecedent else \
        f"nearest sentence naming one that agrees, its {antecedent_role(doc.parsed, antecedent)}"
    party.entry = f"pronoun {pronoun.text!r} -> {antecedent.text!r} at {antecedent.start} ({how}): {antecedent.entry}"
    return party


def _agrees(pronoun: Any, head: Any, actor: Any, people: frozenset[str]) -> bool:
    """Whether `actor` (its head token `head`) can be what a third-person pronoun stands for: "he"/"she"
    one person (no country, body or group), "it" no person and no people, "they" not one person. A
    person is a name the parser reads as a person at any of its mentions (`_people`: one mention of
    "Vasko" read as an organisation is still the mayor), unless this mention is plural: no person's name
    is ("young Jordanians" is a people even where "Jordan" was once read as a person). A pronoun outside the
    agreement table (I, we, this, those) takes no earlier subject."""
    person = actor.name in people and head.tag_ not in PLURAL_TAGS
    plural = not person and (head.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children))
    word = pronoun.lower_
    if word in PERSON_PRONOUNS:
        return person or not (plural or head.ent_type_ in BODY_ENTITIES)
    if word in THING_PRONOUNS:  # "the United States ... it", never "the Russians ... it" (a people is "they")
        return not person and (not plural or (head.ent_type_ in BODY_ENTITIES and head.ent_type_ != "NORP"))
    if word in PLURAL_PRONOUNS:
        return not person and (plural or head.ent_type_ in BODY_ENTITIES)
    return False


def _people(doc: Document) -> frozenset[str]:
    """The names of the actors the parser reads as a person at one mention or more, worked out once
    per article and actor list (kept beside the article's `ArticleIndex`, which is made again when the
    actors change; kept in the parse's `user_data`, it outlived a changed actor list and made
    `Doc.to_bytes` fail on the frozenset)."""
    index = ArticleIndex.of(doc)
    found = _PEOPLE.get(index)
    if found is None:
        names = set()
        for actor in doc.actors:
            span = doc.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None and len(span) and span.root.ent_type_ == "PERSON":
                names.add(actor.name)
        found = _PEOPLE[index] = frozenset(names)
    return found


#: Each article index's names read as persons, dropped with the index.
_PEOPLE: weakref.WeakKeyDictionary[ArticleIndex, frozenset[str]] = weakref.WeakKeyDictionary()


def _speaker(doc: Document, pronoun: Any) -> Any | None:
    """Whom "I"/"we" stand for in reported speech: the subject of the reporting verb the quoted clause
    hangs on ('"We urge calm," the embassy said'); nobody outside reported speech."""
    clause = pronoun.head
    while clause.dep_ not in ("ccomp", "parataxis", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head if clause.dep_ in ("ccomp", "parataxis") else next(  # '"Let us go," he said' as two clauses
        (c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.lemma_.lower() in SPEECH_VERBS), None)
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in SPEAKER_PRONOUNS:
        return None  # '"We said I would go," we said' is nobody named: no climbing back and forth
    if subject.lower_ in PERSONAL_PRONOUNS:
        return _antecedent(doc, subject)
    return actor_at(doc, subject) or next(iter(actors_in_phrase(doc, subject)), None)  # "the Chilean statement"


#: Entity types of countries, bodies and nationalities: never what "he" or "she" stands for.
BODY_ENTITIES = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
PERSON_PRONOUNS = word_class("pronoun_agreement", "person")
THING_PRONOUNS = word_class("pronoun_agreement", "thing")
SPEAKER_PRONOUNS = word_class("pronoun_agreement", "speaker")
#: Verbs that report speech ("said", "warned"): a first-person pronoun in their clause is their subject.
SPEECH_VERBS = word_set("reporting_verbs")


def _one_name(token: Any) -> bool:
    """A singular proper name not coordinated with another ("Okafor"): not what "them" stands for."""
    return token.tag_ == "NNP" and not any(c.dep_ == "conj" for c in token.children)


PLURAL_PRONOUNS = word_class("pronoun_agreement", "plural")
#: Dependencies of an object pronoun, which its own clause's subject cannot bind.
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})


def _binding_subjects(pronoun: Any) -> set[int]:
    """Subjects of the pronoun's clause and of the clauses controlling it through "to"-complements
    and coordination (the subject the complement shares)."""
    out: set[int] = set()
    verb = pronoun.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    while True:
        out.update(c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return out
        verb = verb.head
