"""The trigger lexicon: which words report which PLOVER event, and with what mode.

Two sources, both packaged under `src/dateline/data/plover/`:

* `triggers.tsv` — curated verbal, nominal and multiword triggers that news uses ("a meeting
  between", "air strikes", "the siege of", "were evacuated"), each with its type and mode; a
  verb can also be marked LIGHT ("conduct", "launch": the object noun carries the event) or
  "-" (its generic CAMEO code is silenced).
* `cameo_verbs.json` — PETRARCH2's CAMEO 2.0 verb dictionary compiled by `build_lexicon.py`:
  per verb its code and the block's patterns ("agree (to &CEASEFIRE)" -> 0356), mapped to
  PLOVER through CAMEO2PLOVER.

A verb is coded by the most specific CAMEO pattern whose content words occur in its phrase;
failing that by its curated entry; failing that by its CAMEO code. Every match names the
entry that fired (`rule`), so `dateline show` can explain the coding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from dateline.config import package_data
from dateline.events.lexicon_cameo import (
    ADVERB_PARTICLES,
    by_first_word,
    is_content_pattern,
    literal_words,
    lone_particle,
    pattern_size,
    pattern_text,
    phrasal_only_verbs,
    single_words,
)
from dateline.events.lexicon_phrase import (
    argument_words,
    governs_word,
    modifier_words,
    negated_words,
    phrase_words,
    preposition_objects,
)
from dateline.events.lexicon_phrase import (
    reported_disapproval as reported_disapproval,  # re-exported: the coder asks the lexicon
)
from dateline.events.lexicon_phrase import (
    verb_used_as_noun as verb_used_as_noun,  # re-exported: the coder asks the lexicon
)
from dateline.events.ontology import Ontology, load_ontology
from dateline.syntax import shared_patient
from dateline.words import word_set

LIGHT = "LIGHT"
VERB_OBJECT = "VERBOBJ"
SILENCED = "-"
#: Flag of a curated verb row that wins over the verb's CAMEO patterns too.
WINS = "wins"
#: Flag of a LIGHT row that holds only when the verb's object is an event noun ("struck a deal"); otherwise the
#: verb keeps its own reading ("aircraft struck targets": CAMEO's attack).
EVENT_OBJECT = "event_object"
#: Flag of a verb row that holds only when the verb has an object ("searched the plane", not "searched for
#: survivors"); with "obj:" the object must be in that list.
WITH_OBJECT = "with_object"


@dataclass(frozen=True)
class TriggerEntry:
    """A lexicon entry that fired: the event type it codes and where it came from."""

    type: str
    mode: str | None
    cameo: str | None
    contexts: tuple[str, ...]
    rule: str
    reciprocal: bool = False
    passive_actor: bool = False
    source: str = "curated"
    #: An agreement made ("agreed", "reached a deal"): what it says will be done is its content, not an intent
    #: to harm, so the coder's intent-to-THREATEN rule leaves it AGREE ("a deal to curb the programme").
    pact: bool = False


@dataclass(frozen=True)
class CuratedEntry:
    """One row of triggers.tsv."""

    head: str
    pos: str
    modifiers: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str | None
    flags: frozenset[str]

    @property
    def needs(self) -> str | None:
        """The word the verb must govern for the entry to apply ("call" needs "for")."""
        return next((f.split(":", 1)[1] for f in self.flags if f.startswith("needs:")), None)

    @property
    def governors(self) -> frozenset[str] | None:
        """The words (or verb lemmas) a noun must be the object of for the entry to apply: "head:on|stage" strike is
        "went on strike" or "staged a strike", not "a strike" alone (an air strike too)."""
        flag = next((f.split(":", 1)[1] for f in self.flags if f.startswith("head:")), None)
        return frozenset(flag.split("|")) if flag else None

    @property
    def preposition_objects(self) -> frozenset[str] | None:
        """Lemmas one of which must be the object of a preposition the verb governs ("pobj:street": "took to the
        streets", not "took power" nor "took the street car"): an idiom whose noun no VERBOBJ entry reaches."""
        flag = next((f.split(":", 1)[1] for f in self.flags if f.startswith("pobj:")), None)
        return frozenset(flag.split("|")) if flag else None

    @property
    def object_class(self) -> str | None:
        """The word list the verb's object must belong to ("host" a visitor or a meeting, not refugees)."""
        return next((f.split(":", 1)[1] for f in self.flags if f.startswith("obj:")), None)

    @property
    def excluded_object_class(self) -> str | None:
        """The word list the verb's object must not belong to ("release" a captive, not a report or oil)."""
        return next((f.split(":", 1)[1] for f in self.flags if f.startswith("notobj:")), None)

    @property
    def phrase(self) -> str:
        if self.pos == VERB_OBJECT:
            return " ".join((self.head, "|".join(self.modifiers)))
        return " ".join((*self.modifiers, self.head))


def _read_curated() -> dict[tuple[str, str], list[CuratedEntry]]:
    entries: dict[tuple[str, str], list[CuratedEntry]] = {}
    for line in package_data("plover", "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        words = cols[0].split()
        if cols[1] == VERB_OBJECT:  # "lift sanction": the verb first, then the objects it needs
            words = [*words[1:], words[0]]
        entry = CuratedEntry(head=words[-1], pos=cols[1], modifiers=tuple(words[:-1]), type=cols[2],
                             mode=cols[3].strip() or None, cameo=cols[4].strip() or None,
                             flags=frozenset(f.strip() for f in cols[5].split(",") if f.strip()))
        entries.setdefault((entry.head, entry.pos), []).append(entry)
    for group in entries.values():
        group.sort(key=lambda e: -len(e.modifiers))  # multiword entries before the bare head
    return entries


class Lexicon:
    """Looks up trigger tokens (spaCy tokens) and says which PLOVER event they report."""

    def __init__(self, ontology: Ontology, curated: dict[tuple[str, str], list[CuratedEntry]],
                 cameo: dict[str, Any]) -> None:
        self.ontology = ontology
        self.curated = curated
        self.synsets: dict[str, frozenset[str]] = {k: single_words(v) for k, v in cameo["synsets"].items()}
        self.multiword_synsets: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {
            k: by_first_word(v) for k, v in cameo["synsets"].items()}
        self.blocks: dict[str, dict[str, Any]] = cameo["blocks"]
        self.verbs: dict[str, list] = cameo["verbs"]
        self.nouns = frozenset(head for head, pos in curated if pos == "NOUN")
        self.phrasal_only = phrasal_only_verbs(self.verbs, self.blocks)
        self._index: dict[str, tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]] = {}
        self._positions: dict[str, dict[int, int]] = {}

    # -- verbs -------------------------------------------------------------------------
    def is_light_verb(self, lemma: str) -> bool:
        """A support verb ("conduct", "launch") whose object noun names the event."""
        return any(e.type == LIGHT for e in self.curated.get((lemma, "VERB"), ()))

    def verb_entry(self, token: Any) -> TriggerEntry | None:
        """The event a verb token reports, or None if it reports none (or a dropped CAMEO one)."""
        entry = self._verb_entry(token, token.lemma_.lower())
        return _as_pact(entry, token) if entry is not None else None

    def _verb_entry(self, token: Any, lemma: str) -> TriggerEntry | None:
        with_object = self._verb_object(token, lemma)
        if with_object is not None:
            return self._from_curated(with_object)
        curated = self._curated_verb(token, lemma)
        if curated is not None and curated.type == LIGHT:
            return None
        if curated is not None and WINS in curated.flags:  # the manual overrules CAMEO's reading ("convict" SANCTION)
            return self._from_curated(curated)
        cameo = self.verbs.get(lemma)
        pattern = self._best_pattern(token, lemma, cameo[0]) if cameo else None
        if pattern is not None and is_content_pattern(pattern) and (pattern["code"] or curated is None):
            return self._from_cameo(pattern["code"], f"CAMEO {cameo[0]}: {pattern_text(lemma, pattern)}")
        if curated is not None and curated.type != SILENCED:
            return self._from_curated(curated)
        if curated is not None or cameo is None:
            return None
        if pattern is not None:
            return self._from_cameo(pattern["code"], f"CAMEO {cameo[0]}: {pattern_text(lemma, pattern)}")
        if lemma in self.phrasal_only:  # CAMEO lists "pull out", not "pull": the bare verb has no code of its own
            return None
        code = cameo[1] or self.blocks[cameo[0]]["code"]
        return self._from_cameo(code, f"CAMEO {cameo[0]}: {lemma} [{code}]", default=True)

    def _verb_object(self, token: Any, lemma: str) -> CuratedEntry | None:
        """A verb + object entry ("lift sanctions", "expel diplomats", "end talks")."""
        entries = self.curated.get((lemma, VERB_OBJECT))
        if not entries:
            return None
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")}
        objects |= {g.lemma_.lower() for c in token.children if c.dep_ == "dobj"
                    for g in c.children if g.dep_ == "compound"}
        children = {c.lower_ for c in token.children}
        return next((e for e in entries if any(m in objects for m in e.modifiers)
                     and (e.needs is None or e.needs in children)), None)

    def _curated_verb(self, token: Any, lemma: str) -> CuratedEntry | None:
        for entry in self.curated.get((lemma, "VERB"), ()):
            needs = entry.needs
            pobjs = entry.preposition_objects
            if ((needs is None or governs_word(token, needs)) and _object_fits(token, entry)
                    and (WITH_OBJECT not in entry.flags or verb_objects(token))
                    and (pobjs is None or not pobjs.isdisjoint(preposition_objects(token)))
                    and (EVENT_OBJECT not in entry.flags or self._has_event_object(token))):
                return entry
        return None

    def _has_event_object(self, verb: Any) -> bool:
        """Whether the verb's object is a noun the lexicon codes ("struck a deal"), so the verb is only its support."""
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in self.nouns or c.lower_ in self.nouns)
                   for c in verb.children)

    def _best_pattern(self, token: Any, lemma: str, block_name: str) -> dict[str, Any] | None:
        """The CAMEO pattern of the verb's block with the most slots that all match."""
        post = phrase_words(token, right=True)
        pre = phrase_words(token, right=False)
        # read only when a pattern gets as far as needing them (most candidates fail on their slots first)
        arguments: frozenset[str] | None = None
        negated: frozenset[str] | None = None
        children = {c.lower_ for c in token.children}
        keyed, unkeyed = self._pattern_index(block_name)
        candidates = list(unkeyed)
        for word in post | pre:
            candidates.extend(keyed.get(word, ()))
        # Ties go to the pattern listed first in the CAMEO block, never to set iteration order.
        position = self._positions[block_name]
        candidates.sort(key=lambda pattern: position[id(pattern)])
        best: dict[str, Any] | None = None
        for pattern in candidates:
            if pattern.get("verb", lemma) != lemma:
                continue
            prep = pattern.get("prep") or lone_particle(pattern)
            if prep and prep not in children:
                continue
            # an adverb particle: an "off" or "out" heading no object of its own ("backed off"), not a preposition
            # heading a phrase ("attacked the rig off the coast" is no "attack off" [046]: CAMEO's talks, "square off")
            if prep in ADVERB_PARTICLES and not pattern.get("prep") and not any(
                    c.lower_ == prep and not any(g.dep_ == "pobj" for g in c.children) for c in token.children):
                continue
            if not all(self._slot_in(s, post) for s in pattern["post"]):
                continue
            if not all(self._slot_in(s, pre) for s in pattern["pre"]):
                continue
            if pattern_size(pattern) == 1 and not prep:
                arguments = argument_words(token) if arguments is None else arguments
                if not all(w in arguments for w in literal_words(pattern)):
                    continue  # one word names an argument, not a noun modifying one ("government positions")
            negated = negated_words(token) if negated is None else negated
            if not negated.isdisjoint(literal_words(pattern)) and NEGATORS.isdisjoint(literal_words(pattern)):
                continue  # "found not guilty" is no "find guilty"; "plead not guilty" names its "not"
            if best is None or pattern_size(pattern) > pattern_size(best):
                best = pattern
        return best

    def _pattern_index(self, block_name: str) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
        """A block's patterns by one literal word each must contain, so a verb checks only a few."""
        if block_name not in self._index:
            keyed: dict[str, list[dict[str, Any]]] = {}
            unkeyed: list[dict[str, Any]] = []
            for pattern in self.blocks[block_name]["patterns"]:
                literal = [w for w in pattern["post"] + pattern["pre"] if not w.startswith("&")]
                if literal:
                    keyed.setdefault(literal[-1], []).append(pattern)
                else:
                    unkeyed.append(pattern)
            self._index[block_name] = (keyed, unkeyed)
            self._positions[block_name] = {id(p): i for i, p in enumerate(self.blocks[block_name]["patterns"])}
        return self._index[block_name]

    def _slot_in(self, slot: str, words: frozenset[str]) -> bool:
        if slot.startswith("&"):
            if not self.synsets.get(slot, frozenset()).isdisjoint(words):
                return True
            by_first = self.multiword_synsets.get(slot, {})
            return any(all(w in words for w in rest) for first in words if first in by_first
                       for rest in by_first[first])
        return slot in words

    # -- nouns -------------------------------------------------------------------------
    def noun_entry(self, token: Any) -> TriggerEntry | None:
        """The event a noun token reports ("strike" with modifier "air" -> ASSAULT aerial)."""
        lemma = token.lemma_.lower()
        if lemma not in self.nouns:
            lemma = token.lower_
        entries = self.curated.get((lemma, "NOUN"))
        if not entries:
            return None
        modifiers = modifier_words(token)
        for entry in entries:
            governors = entry.governors
            if all(m in modifiers for m in entry.modifiers) and (
                    governors is None or not governors.isdisjoint({token.head.lower_, token.head.lemma_.lower()})):
                return _as_pact(self._from_curated(entry), token) if entry.type not in (LIGHT, SILENCED) else None
        return None

    def adjective_entry(self, token: Any) -> TriggerEntry | None:
        """Predicative adjectives that report an event: "is willing to send", "is opposed to"."""
        for entry in self.curated.get((token.lemma_.lower(), "ADJ"), ()):
            needs = entry.needs
            if needs is None or any(c.lower_ == needs or c.dep_ == needs for c in token.children):
                return self._from_curated(entry)
        return None

    # -- building entries --------------------------------------------------------------
    def _from_curated(self, entry: CuratedEntry) -> TriggerEntry:
        mapping = self.ontology.from_cameo(entry.cameo)
        contexts = mapping.contexts if mapping else ()
        return TriggerEntry(type=entry.type, mode=self.ontology.valid_mode(entry.type, entry.mode),
                            cameo=entry.cameo, contexts=contexts,
                            rule=f"triggers.tsv: {entry.phrase} ({entry.pos.lower()})",
                            reciprocal="recip" in entry.flags, passive_actor="passive_actor" in entry.flags)

    def _from_cameo(self, code: str | None, rule: str, default: bool = False) -> TriggerEntry | None:
        mapping = self.ontology.from_cameo(code)
        if mapping is None:
            return None
        return TriggerEntry(type=mapping.type, mode=self.ontology.valid_mode(mapping.type, mapping.mode),
                            cameo=code, contexts=mapping.contexts, rule=rule,
                            source="cameo-default" if default else "cameo-pattern")


#: A speaker's judgement of an act in a reported clause (`lexicon_phrase.reported_disapproval`): the speech verb is
#: the trigger, the speaker the actor, the clause's subject the recipient.
DISAPPROVAL_ENTRY = TriggerEntry(type="ACCUSE", mode="disapprove", cameo="111", contexts=(),
                                 rule="pattern: speech verb + clause judging an act ('said the move was unacceptable')")

#: Verbs and nouns of an agreement made (TriggerEntry.pact).
PACT_WORDS = word_set("pact_words")
#: The lists an "obj:"/"notobj:" flag of triggers.tsv may name (guests, harmless artefacts, searched places, posts,
#: goods whose delivery is aid), each in a literal `word_set` call so that tests/test_words sees a stage read it.
OBJECT_LISTS = {"visit_objects": word_set("visit_objects"), "artefact_objects": word_set("artefact_objects"),
                "searched_places": word_set("searched_places"), "staff_objects": word_set("staff_objects"),
                "delivered_goods": word_set("delivered_goods")}
#: Entities that are a visitor or guest as the object of a verb with an "obj:" flag ("hosted Abe").
PERSON_ENTITIES = frozenset({"PERSON"})
RELATIVE_PRONOUNS = word_set("relative_pronouns")
#: The negations a CAMEO pattern can name ("plead not guilty").
NEGATORS = word_set("negators")


def _as_pact(entry: TriggerEntry, token: Any) -> TriggerEntry:
    """The entry marked as an agreement made when the trigger, or the verb it is the object of
    ("reached a deal"), is a word of agreement."""
    words = {token.lemma_.lower(), token.lower_}
    if token.dep_ == "dobj":
        words.add(token.head.lemma_.lower())
    return replace(entry, pact=True) if entry.type == "AGREE" and words & PACT_WORDS else entry


def _object_fits(token: Any, entry: CuratedEntry) -> bool:
    """Whether a verb's objects suit the entry: one of them in its object class (when it names one), none in its
    excluded class ("notobj:"). A verb without any object is taken at its word ("will host", "released on
    Monday")."""
    objects = verb_objects(token)
    if entry.excluded_object_class is not None:
        excluded = OBJECT_LISTS[entry.excluded_object_class]
        if any(o.lemma_.lower() in excluded or o.lower_ in excluded for o in objects if o.ent_type_ not in
               PERSON_ENTITIES):
            return False
    if entry.object_class is None or not objects:
        return True
    allowed = OBJECT_LISTS[entry.object_class]
    return any(o.lemma_.lower() in allowed or o.ent_type_ in PERSON_ENTITIES for o in objects)


def verb_objects(token: Any) -> list[Any]:
    """What a verb acts on: its object, its passive subject (for a relative pronoun, the noun the clause describes:
    "Windows 7, which is released"), the noun its participle describes ("a lunch hosted by", "a report
    released today"), or the subject a passive shares with the clause it hangs on ("a CD is about to be released",
    "Released in May, the film ...": `syntax.shared_patient`)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] or shared_patient(token)
    if token.dep_ == "relcl":
        objects = [token.head if o.lower_ in RELATIVE_PRONOUNS else o for o in objects]
    if token.dep_ == "acl":
        objects.append(token.head)
    return objects


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon, loaded once per process."""
    cameo = json.loads(package_data("plover", "cameo_verbs.json").read_text(encoding="utf-8"))
    return Lexicon(load_ontology(), _read_curated(), cameo)
