"""What a sentence's words around the act say of its place, apart from the links of the act's own clause: a
place opening the sentence as its setting ("In Mosul, men detained by the militia were seen ..."), a reporting
clause set off in commas that the parser took for the sentence's main verb ("In Russia, Alperovitch adds,
parties engage in blackmail"), a speech act ("said in Cairo"), a town inside an organisation's name ("in the
New York Times"), and a state named as the holder of people ("detainees in US military custody"). Read by
`events.place_links`, `events.locate` and `events.scene`; it reads the parse and word lists only.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Place
from dateline.words import word_class, word_set

#: A speech act happens where it is said: the speaker's location is not where it took effect.
SPEECH_VERBS = word_set("reporting_verbs")
#: spaCy labels of names that may hold a town's name without being in it ("the New York Times").
ORGANISATION_LABELS = frozenset({"ORG", "WORK_OF_ART"})
#: Prepositions that put one in or at a body ("in the New York Times", "at the Asia-Pacific Economic Cooperation").
ORGANISATION_PREPS = frozenset({"in", "at"})
#: Last words of names of buildings and streets: such a name is a site in its town ("Cairo Central Hospital").
SITE_WORDS = word_class("place_words", "site")
#: How far up the parse the act may be from the verb the opening place hangs on.
MAX_HOPS = 8
#: Links by which the parser hangs the clause after a reporting aside on the aside's verb ("In Russia, Alperovitch
#: adds, parties engage in blackmail": 'engage' a conjunct of 'adds').
ASIDE_LINKS = frozenset({"conj", "ccomp", "parataxis"})
#: Nouns of being held ("custody", "hands"): a place modifying one names the holder (`names_a_holder`).
CUSTODY_NOUNS = word_set("custody_nouns")
#: Links by which a name modifies the noun of its phrase ("US military custody", "Libya's hands").
HOLDER_LINKS = frozenset({"compound", "nmod", "amod", "poss"})


def speech_act(trigger: Any) -> bool:
    """A speech act ("said in Cairo", "warned in London"): where it was said is not where it took effect."""
    return trigger.pos_ == "VERB" and trigger.lemma_.lower() in SPEECH_VERBS


def frames_the_sentence(prep: Any, trigger: Any) -> bool:
    """True when the place opens the sentence as a setting of its main verb ("In Washington, some of
    the diplomats being expelled have been seen boarding a bus") and the act is told in that
    sentence's own clauses, not in what someone is reported to have said ("In London, the ministry
    said that troops had shelled the town" says nothing of where the shelling was). A reporting clause set
    off in commas after the opening place is an aside, whatever the parser hangs on it (`reporting_aside`):
    the place sets the clause that follows it."""
    head = prep.head
    aside_end = reporting_aside(head)
    if aside_end is not None and head.dep_ == "parataxis" and head.head.i == trigger.sent.root.i:
        head, aside_end = head.head, None  # "In Kirkuk, the colonel adds, gunmen ambushed": the frame is the root's
    if prep.i != trigger.sent.start or head.i != trigger.sent.root.i:
        return False
    if speech_act(head) and (aside_end is None or trigger.i == head.i):
        return False
    word = trigger
    for _ in range(MAX_HOPS):
        if word.i == head.i:
            return True
        if aside_end is not None and word.head.i == head.i and word.dep_ in ASIDE_LINKS:
            return word.left_edge.i > aside_end  # the clause after the aside, not a complement before it
        if speech_act(word) or word.dep_ in ("ccomp", "parataxis"):
            return False
        word = word.head
    return False


def reporting_aside(verb: Any) -> int | None:
    """The index of the comma closing a reporting clause set off in commas inside its sentence ("In Peru,
    Moreno adds, rival parties trade in favours"; "In Aleppo, activists said, jets bombed a market"):
    the verb is a speech act, a comma stands just before its subject and just after it (or its particle), and
    words follow. Such a clause says who told it, not where the rest happened. None for any other verb."""
    if not speech_act(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == verb.sent.start:
        return None
    doc = verb.doc
    after = verb.i + 1
    while after < verb.sent.end and doc[after].dep_ == "prt":
        after += 1
    before_comma = doc[subject.left_edge.i - 1].text == ","
    if not before_comma or after + 1 >= verb.sent.end or doc[after].text != ",":
        return None
    return after


def in_organisation_name(parsed: Any, place: Place, prep: Any) -> bool:
    """True when the place is a word of a longer organisation's name that "in the" or "at the" introduces
    ("put it in the New York Times", "met at the Asia-Pacific Economic Cooperation forum"): one is in a
    newspaper or at a body, not in its town or region. A name ending in a building word ("in the Cairo
    Central Hospital") is a site; a name with no article may be a headline running on ("demonstrations
    in Egypt Security forces seized ..."), not an organisation."""
    start, end = place.token_start, place.token_end
    if prep.lower_ not in ORGANISATION_PREPS or start is None or end is None or \
            parsed[start].ent_type_ not in ORGANISATION_LABELS:
        return False
    while start > 0 and parsed[start].ent_iob_ == "I":
        start -= 1
    while end < len(parsed) and parsed[end].ent_iob_ == "I":
        end += 1
    named_after = end > place.token_end and parsed[end - 1].lower_ not in SITE_WORDS
    return named_after and start > 0 and parsed[place.token_start - 1].lower_ == "the"


def names_a_holder(parsed: Any, place: Place) -> bool:
    """True when the place modifies a noun of being held that a preposition introduces ("torture of detainees in US
    military custody", "weapons in Libyan hands"): it names the state that holds them, which may hold them anywhere (a
    jail abroad, a ship), so it is no place of the act."""
    start = place.token_start
    if start is None:
        return False
    noun = parsed[start]
    for _ in range(3):  # up the modifiers of one noun phrase: "US" -> "custody" past "military"
        if noun.dep_ not in HOLDER_LINKS or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun.i != start and noun.dep_ == "pobj" and noun.lemma_.lower() in CUSTODY_NOUNS
