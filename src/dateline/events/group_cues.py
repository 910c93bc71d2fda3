"""What the parse says about one event mention, for the within-article grouping (`events.group`).

A mention's cues are read once from the parse at its trigger: its sentence and the sentence's number, the
stems of its trigger, whether it is a noun pointing back ("the sanctions"), the names around it, its clause,
whether its date and place are written in its own sentence, and which words of its sentence it hangs from
(`Cues.chain`). The last decides whether two mentions of one sentence are one act told twice: a verb and
its object ("imposed sanctions"), a noun and the clause that describes it ("the fire that destroyed 40 homes"), a
participle telling what an act did ("collapsed, burying six"), where one trigger lies on the other's chain;
two clauses of one sentence, coordinated ("the premier objected ..., and aides complained") or subordinate with
their own subject ("since the dam burst, crews have found"), tell two acts unless more says
otherwise. Held-out pairs of unseen outlets showed why this matters: of the grouping's wrong joins there,
most were two readings in two clauses of one sentence, which the events-gold labels (mostly one act read
twice by the detector or verifier) taught the pair model to join. An attack told by its parts is the
exception: verbs coordinated under one subject, in one voice ("gunmen killed five and wounded twelve",
"detonated a bomb, killing 23 and injuring 50"), or a clause of the same moment ("was hurt in the leg when
guards opened fire"). `Cues.reach` climbs such conjuncts and clauses too, and `same_happening` reads them as
one act unless they name other parties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dateline.events.detect import RULE_PREFIX as DETECTOR_RULE
from dateline.events.group_frames import frame_of, names_a_landmark
from dateline.events.group_sets import example_of, manner_of_act, part_of_a_set
from dateline.events.modality import clause_head
from dateline.events.occasion import occasion_link
from dateline.events.occurrences import OTHER_OCCURRENCE, OTHER_PLACE, occurrence_kinds  # which occurrence a noun names
from dateline.model import Event, Location, Place, Timex
from dateline.syntax import PLACE_ENTITIES
from dateline.words import number_map, number_of, word_set

__all__ = ["Cues", "borrowed_type", "governing_chain", "mention_cues", "occurrence_count", "sentence_ordinals"]

#: Determiners that make a nominal trigger refer back ("the sanctions", "this attack").
ANAPHORIC_DETERMINERS = word_set("anaphoric_determiners")
#: Dependents that introduce a noun by what follows it ("the request to meet", "the help of
#: the UNHCR"): such a definite noun is a first mention, not one pointing back.
RESTRICTIVE_DEPS = frozenset({"acl", "relcl", "prep"})
#: ... bar a preposition whose objects are all places the article names ("the trial in Dublin", "the sanctions
#: on Russia"): the dependent it is (the entity labels of a place's name are `syntax.PLACE_ENTITIES`).
PLACE_PHRASE_DEP = "prep"
#: ... and a relative clause set off by a comma, which describes a noun already known (`_set_off`).
RELATIVE_CLAUSE = "relcl"
#: Ordinal words ("second", "4th"), one list with the time stage's.
ORDINALS = number_map("ordinals")
#: The dependent that counts a noun ("two", "3"; `words.number_of`) and the tag of a singular common noun: how
#: many occurrences a noun trigger names (`occurrence_count`).
COUNT_DEP = "nummod"
SINGULAR_NOUN_TAG = "NN"
#: How many words before a trigger, with it, make a passage printed twice (`leading_words`).
LEADING_WORDS = 6
#: Dependents of a trigger that may carry such a word or an ordinal.
MARKER_DEPS = frozenset({"amod", "advmod", "npadvmod", "nummod", "det"})
#: Relations a trigger's chain does not climb: the next word tells another act (a coordinated verb, a reported
#: clause, a clause set beside it) rather than the one the trigger is part of.
UNTIED_DEPS = frozenset({"conj", "ccomp", "parataxis", "csubj", "csubjpass", "cc", "ROOT"})
#: Relations of a clause to the word it describes or follows: climbed only when the clause has no subject of
#: its own ("the attempt to kill it", "by meeting Obama"); an adverbial clause only as a present participle
#: telling what the act did ("collapsed, burying six"), not as a passive one setting the scene ("Asked about
#: it, the minister said").
CLAUSE_LINKS = frozenset({"advcl", "xcomp", "pcomp"})
#: The tag of the one adverbial clause the chain climbs: a present participle.
PARTICIPLE_TAG = "VBG"
#: Dependents that give a clause its own subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "mark"})
#: How many words up a trigger's chain climbs ("targeted by a bomber who killed": killed, bomber, by, targeted).
CHAIN_HOPS = 3
#: The relation of a later conjunct to the first ("killed five and wounded twelve": wounded -> killed) ...
CONJUNCT_DEP = "conj"
#: ... climbed by `Cues.reach` only from a verb: coordinated nouns ("the sanctions and the expulsions") name acts
#: of their own.
VERBAL_POS = frozenset({"VERB"})
#: Words opening a clause of the moment of the clause it modifies ("was hurt when guards opened fire", "died
#: as he carried her out"; the list the dater reads too).
SAME_TIME_MARKS = word_set("same_time_marks")
#: Dependents of a clause's verb that carry such a word.
MARK_DEPS = frozenset({"mark", "advmod"})
#: Dependents that make a verb passive, and the tag of a bare participle that takes the voice of its first conjunct.
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "csubjpass"})
PAST_PARTICIPLE_TAG = "VBN"
#: The relation of a participle clause to the noun it describes. A past participle there says what was done to the
#: noun ("a Kenyan held at the border was made to turn back"): the chain reaches the noun and stops, as the verb
#: the noun is a party of tells another act done to the same person, not the detention told again.
DESCRIBING_CLAUSE = "acl"


@dataclass(frozen=True)
class Cues:
    """What the parse says about one mention: its sentence (first token and number), the stems of its
    trigger, whether it is a noun, and whether it is a definite noun that points back."""

    sentence: int
    stems: frozenset[str]
    definite: bool = False
    trigger: str = ""
    nominal: bool = False
    ordinal: int | None = None
    #: the names and nouns of the trigger's own phrase ("Russia denies involvement": russia, involvement) ...
    arguments: frozenset[str] = frozenset()
    #: ... and of its whole sentence: what two tellings of one happening share
    words: frozenset[str] = frozenset()
    #: the token index of the trigger's clause head: a verb and its own noun share it ("imposed sanctions"),
    #: two acts told in two clauses of one sentence do not ("as battles raged, protesters were captured")
    clause: int | None = None
    #: whether the mention's date and place are said in its own sentence ("on March 4", "in Malindi"),
    #: rather than carried over from the article date or the story's scene: only what is written may veto
    #: a join (`same_happening.pair_features`)
    dated: bool = True
    placed: bool = True
    #: the trigger's token index, and the words it hangs from within its act (`governing_chain`): two mentions
    #: of one sentence are one act told twice when one trigger lies on the other's chain
    token: int | None = None
    chain: frozenset[int] = frozenset()
    #: ... and the same climbing also from a verb to the verb it is coordinated with when it has no subject of its
    #: own ("gunmen killed five and wounded twelve": wounded, killed), and from a clause of the same moment to the
    #: verb it modifies ("was hit when soldiers opened fire": opened, hit): the parts of one act
    reach: frozenset[int] = frozenset()
    #: the mention's type is borrowed (`borrowed_type`): a second reading of its sentence, not a second act
    borrowed: bool = False
    #: words on the trigger marking another occurrence, and ordinals ("previously", "another", "fourth")
    markers: frozenset[str] = frozenset()
    #: how many occurrences a noun trigger names (`occurrence_count`: "two assaults" 2, "the assault" 1), or None
    count: int | None = None
    #: the kinds a noun trigger names by its own noun modifiers ("the oilfield attack": oilfield)
    kinds: frozenset[str] = frozenset()
    #: the trigger and the words just before it (`leading_words`): two tellings so worded are one text repeated
    leading: tuple[str, ...] = ()
    #: the token index of the act a noun trigger is the occasion of ("a skirmish during the raid": skirmish's
    #: verb for "attack"; `occasion.occasion_link`), or None: an act told inside another is not that act
    occasion_of: int | None = None
    #: ... and that occasion is the time it is dated by ("met him before the summit"; `group_frames.names_a_landmark`)
    landmark: bool = False
    #: the noun names a part of a set the story knows ("many of the car bombings", "one of the protests")
    #: or the manner of another act ("burned his ballot in protest": the act's token index; `group_sets`)
    member: bool = False
    manner: int | None = None
    #: the token index of the verb a purpose infinitive with no subject of its own hangs on ("met the unions to
    #: discuss the strike": met; `purpose_of`), or None: the purpose of an act of its type tells that act
    purpose_of: int | None = None


def mention_cues(event: Event, parsed: Any, ordinals: dict[int, int] | None = None,
                 timexes: Sequence[Timex] = (), places: Sequence[Place] = ()) -> Cues:
    """The cues of an event's mention, read from the parse at its trigger (none without a parse).

    `ordinals` maps each sentence's first token to its number in the article; `timexes` and `places`
    (the document's) say whether the event's date and place are written in its own sentence.
    """
    ev = event.evidence
    token = _token_at(parsed, ev.trigger_start)
    if token is None:
        return Cues(sentence=ev.start, stems=frozenset({ev.trigger.lower()}), trigger=ev.trigger)
    said = (token.sent.start_char, token.sent.end_char)
    stems = {token.lemma_.lower()}
    if token.pos_ == "VERB":  # "imposed sanctions": the object names the event too
        stems |= {c.lemma_.lower() for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"}
    nominal = token.pos_ in ("NOUN", "PROPN")
    definite = nominal and any(_presents_as_known(c) for c in token.children) and not any(
        _restrictive(c, places) for c in token.children)
    start = token.sent.start
    return Cues(sentence=start, stems=frozenset(stems), definite=definite, trigger=token.text, nominal=nominal,
                ordinal=(ordinals or {}).get(start), arguments=_naming_words(_phrase(token)) - stems,
                words=_naming_words(token.sent), clause=clause_head(token).i,
                dated=_dated_in(event.date, timexes, said), placed=_placed_in(event.location, places, said),
                token=token.i, chain=governing_chain(token),
                reach=governing_chain(token, across_conjuncts=True), borrowed=borrowed_type(event) is not None,
                markers=occurrence_markers(token), count=occurrence_count(token), kinds=occurrence_kinds(token),
                leading=leading_words(token),
                occasion_of=_occasion_of(token), member=part_of_a_set(token), manner=manner_of_act(token),
                landmark=occasion_link(token) is None and names_a_landmark(token),  # not "during", "amid"
                purpose_of=purpose_of(token))


def _presents_as_known(child: Any) -> bool:
    """Whether a determiner or possessive presents a noun's act as one the story knows: "the", "this", "their"
    ("the sanctions", "their arrest"), or a day's possessive ("Sunday's demonstrations", "Friday's attacks"),
    which names the occurrence by its day; a date written there vetoes a join with an act of another day; or a
    person's or body's possessive ("Mrs Lund's Asian tour", "Acme's response"), definite as "her trip" is.
    A place's ("Egypt's protests") is left out: it names which of several waves is meant, and a place veto needs
    the locator's reading of it."""
    if child.dep_ not in ("det", "poss"):
        return False
    named = child.dep_ == "poss" and child.ent_type_ in (TIME_ENTITIES | KNOWN_BY_NAME)
    return child.lower_ in ANAPHORIC_DETERMINERS or named


def _restrictive(child: Any, places: Sequence[Place]) -> bool:
    """Whether a dependent of a definite noun introduces it by what follows ("the request to meet", "the help
    of the UNHCR"), which makes the noun a first mention. A phrase naming only where or when the act took place ("the
    trial in Dublin", "the protests in Peru", "the allegations on Wednesday") does not: it says which of the
    story's acts is meant, and a place or date written there vetoes a join with an act placed or dated elsewhere
    (`same_happening.clash`)."""
    if child.dep_ not in RESTRICTIVE_DEPS or _set_off(child):
        return False
    return not (child.dep_ == PLACE_PHRASE_DEP and _names_only_places_or_times(child, places))


def _set_off(clause: Any) -> bool:
    """Whether a relative clause is set off by a comma ("the appeal hearing, which may close next week"): it
    adds to a noun already known rather than saying which one is meant ("the protests that toppled the king")."""
    first = clause.left_edge
    return clause.dep_ == RELATIVE_CLAUSE and first.i > 0 and clause.doc[first.i - 1].text == ","


def _names_only_places_or_times(prep: Any, places: Sequence[Place]) -> bool:
    """Whether every object of a preposition is a place the article names (the places stage's toponyms), or every
    one is a date or time."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects and all(o.ent_type_ in TIME_ENTITIES for o in objects):
        return True
    return bool(objects) and all(
        any(p.start <= o.idx < p.end for p in places) and o.ent_type_ in PLACE_ENTITIES for o in objects)


def _occasion_of(token: Any) -> int | None:
    """The token index of the word a trigger's preposition of occasion hangs on ("walked into a skirmish during the
    raid": walked), or of the verb whose act it frames (`group_frames.frame_of`: "discussed ... at the summit",
    "told the inquiry"), or None when the trigger is neither."""
    link = occasion_link(token)
    return link[1].i if link is not None else frame_of(token)


def purpose_of(token: Any) -> int | None:
    """The token index of the verb a trigger is the purpose infinitive of ("met ... to discuss", "gathered to
    protest": an adverbial "to" clause with no subject of its own), or None. An object's infinitive ("urged the
    leaders to demand") is a complement, not a purpose: the object does that act."""
    if token.dep_ != "advcl" or token.tag_ != "VB" or any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return None
    return token.head.i if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) else None


def occurrence_markers(token: Any) -> frozenset[str]:
    """The words on a trigger that mark which occurrence it tells: another than the one in focus
    (`OTHER_OCCURRENCE`: "had already toured", "another attack") or an ordinal ("her fifth trip"), in
    lower case; the auxiliary's adverb counts too ("has again met"). On a noun, an adverb putting it in another place
    (`OTHER_PLACE`: "protests there", "the protests back home") marks another occurrence too, also where the parser
    took "there" after a subject noun for its verb's expletive ("Protests there have been smaller")."""
    words = {c.lower_ for c in token.children if c.dep_ in MARKER_DEPS}
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    if after is not None and after.dep_ == "expl" and token.dep_ == "nsubj" and after.head.i == token.head.i:
        words.add(after.lower_)
    places = OTHER_PLACE if token.pos_ == "NOUN" else frozenset()
    return frozenset(w for w in words if w in OTHER_OCCURRENCE or w in ORDINALS or w in places)


def occurrence_count(token: Any) -> int | None:
    """How many occurrences a noun trigger names: the number counting it ("two deadly raids", "3 attacks"), one
    for a singular noun ("the raid on the depot"), None for a verb or an uncounted plural ("the attacks"), which
    may name one happening or several."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == COUNT_DEP:
            value = number_of(child.lower_)
            if value:
                return value
    return 1 if token.tag_ == SINGULAR_NOUN_TAG else None


def leading_words(token: Any) -> tuple[str, ...]:
    """The trigger and the `LEADING_WORDS` words before it (letters only, lower case, across sentence ends), or ()
    when fewer precede it. Two mentions with the same leading words are one passage printed twice: a pull quote and
    the quote in the body ("... must be looked into at once"), a summary box, a retold quote; punctuation,
    which such copies change ("BP should" / "BP , should"), is left out."""
    words = [t.lower_ for t in token.doc[max(0, token.i - 4 * LEADING_WORDS):token.i] if t.is_alpha]
    if len(words) < LEADING_WORDS:
        return ()
    return (*words[-LEADING_WORDS:], token.lower_)


def governing_chain(token: Any, across_conjuncts: bool = False) -> frozenset[int]:
    """The token indices of a trigger and of the words it hangs from within its own act, up to `CHAIN_HOPS`
    words up: an object's verb, a preposition's head, the noun a relative clause or apposition describes, the
    act a subjectless participle or infinitive follows ("collapsed, burying six": burying, collapsed). The chain
    stops before a coordinated or reported clause and before a clause with its own subject; `across_conjuncts`
    climbs from a verb with no subject of its own to the verb it is coordinated with, whose subject it shares
    ("killed five and wounded twelve": wounded, killed; "killing 23 and injuring 50": injuring, killing and the
    act they follow), and from a clause of the same moment to the verb it modifies ("was hit when soldiers
    opened fire": opened, hit). It stops before a preposition giving an example of the noun above it."""
    chain, current = {token.i}, token
    for _ in range(CHAIN_HOPS):
        if example_of(current):  # "inquiries, including a bribery probe": one of them, not them told again
            break
        if across_conjuncts and (_shares_the_subject(current) or _same_moment(current)):
            current = current.head
            chain.add(current.i)
            continue
        if current.dep_ in UNTIED_DEPS or current.head.i == current.i:
            break
        if current.dep_ in CLAUSE_LINKS and any(c.dep_ in SUBJECT_DEPS for c in current.children):
            break
        if current.dep_ == "advcl" and current.tag_ != PARTICIPLE_TAG:
            break
        describes_its_patient = current.dep_ == DESCRIBING_CLAUSE and current.tag_ == PAST_PARTICIPLE_TAG
        current = current.head
        chain.add(current.i)
        if describes_its_patient:
            break
    return frozenset(chain)


def _shares_the_subject(token: Any) -> bool:
    """Whether a verb is a later conjunct with no subject of its own ("and wounded twelve") and in the voice of the
    first, so that it tells what the subject of the first conjunct did; "and other officials warned" has its own
    subject, and in "beating guards or being beaten" the subject is the victim of the second."""
    return (token.dep_ == CONJUNCT_DEP and token.pos_ in VERBAL_POS and token.head.i != token.i
            and not any(c.dep_ in SUBJECT_DEPS for c in token.children) and _passive(token) == _passive(token.head))


def _same_moment(token: Any) -> bool:
    """Whether a verb heads an adverbial clause of the moment of the verb it modifies ("when soldiers opened fire")."""
    return token.dep_ == "advcl" and any(c.dep_ in MARK_DEPS and c.lower_ in SAME_TIME_MARKS for c in token.children)


def _passive(token: Any) -> bool:
    """Whether a verb is passive: by its own passive auxiliary or subject, or, a bare participle coordinated with
    a passive verb ("were killed and wounded"), by that verb's."""
    if any(c.dep_ in PASSIVE_DEPS for c in token.children):
        return True
    bare = token.tag_ == PAST_PARTICIPLE_TAG and not any(c.dep_ == "aux" for c in token.children)
    return bare and token.dep_ == CONJUNCT_DEP and token.head.i != token.i and _passive(token.head)


def _dated_in(date: str | None, timexes: Sequence[Timex], said: tuple[int, int]) -> bool:
    """Whether a timex of the sentence gives the event's date (one of them is a prefix of the other:
    "March 4" for 2018-03-04, "in 2017" for a date in 2017)."""
    return date is not None and any(
        said[0] <= t.start < said[1] and (date.startswith(t.value) or t.value.startswith(date)) for t in timexes)


def _placed_in(location: Location | None, places: Sequence[Place], said: tuple[int, int]) -> bool:
    """Whether the sentence names the event's place."""
    return location is not None and location.geonameid is not None and any(
        said[0] <= p.start < said[1] and p.geonameid == location.geonameid for p in places)


#: Parts of speech of the words that say what a mention is about (who, what, where) ...
NAMING_POS = frozenset({"NOUN", "PROPN", "NUM"})
#: ... bar the words of a date or time ("on Wednesday"), which `same_date` reads: shared, they tell the same day,
#: not the same act ("hurt in two raids on Friday" / "nine guards shot on Friday").
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Entity labels of a possessive name presenting its noun as known ("Mrs Lund's trip", "Acme's response").
KNOWN_BY_NAME = frozenset({"PERSON", "ORG"})


def _naming_words(tokens: Any) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in tokens
                     if t.pos_ in NAMING_POS and not t.is_stop and t.ent_type_ not in TIME_ENTITIES)


#: Clauses below a trigger that tell acts of their own: left out of its phrase ("the premier objected that the
#: count was wrong, and aides complained that ...": neither warning's phrase holds the other's words).
OTHER_ACT_DEPS = frozenset({"conj", "ccomp", "parataxis", "advcl", "csubj"})


def _phrase(token: Any) -> Any:
    """The trigger's own phrase: its dependents bar the clauses that tell other acts (`OTHER_ACT_DEPS`) and,
    for a noun, the verb it hangs on and that verb's subject."""
    words, stack = [], [token]
    while stack:
        current = stack.pop()
        words.append(current)
        stack.extend(c for c in current.children if c.dep_ not in OTHER_ACT_DEPS)
    head = token.head
    if token.pos_ in ("NOUN", "PROPN") and head.i != token.i:
        words += [head, *(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "agent"))]
    return words


def sentence_ordinals(parsed: Any) -> dict[int, int]:
    """The number of each sentence of a parse, keyed by its first token."""
    return {} if parsed is None else {sent.start: n for n, sent in enumerate(parsed.sents)}


def _token_at(parsed: Any, start: int | None) -> Any | None:
    if parsed is None or start is None:
        return None
    span = parsed.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def borrowed_type(event: Event) -> str | None:
    """How a mention got a type its trigger's lexicon entry does not give (the learned detector's proposal,
    or the verifier's re-typing), or None when the lexicon's own reading stands."""
    rule = event.evidence.rule or ""
    if rule.startswith(DETECTOR_RULE):
        return "proposed by the learned detector"
    return f"re-typed {event.type} by the verifier" if f"re-typed {event.type}" in rule else None
