"""The PLOVER event coder: triggers -> typed, dated, placed events with parties and evidence.

For every sentence of the parse it finds trigger tokens through the lexicon (verbs, then
nouns not already the object of a coded verb), reads each trigger's modality and parties from
the parse, applies PLOVER's rules (future cooperation is AGREE, reciprocal events list every
party as actor), fills missing recipients from `targets` (addressee, object, place of the
act), drops mentions that name nobody below the reporting threshold, and asks the dating and
location helpers for the trigger's date and place. It reads `doc.actors`, `doc.timexes` and
`doc.places` (through those helpers) and writes `doc.events` only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dateline.budget import check_deadline
from dateline.events.dating import event_dating
from dateline.events.detect import detect_in_sentences
from dateline.events.frame import nonpolitical_frame
from dateline.events.group import group_events
from dateline.events.lexicon import (
    DISAPPROVAL_ENTRY,
    Lexicon,
    TriggerEntry,
    load_lexicon,
    reported_disapproval,
    verb_used_as_noun,
)
from dateline.events.locate import locate_event
from dateline.events.modality import ATTEMPT_NOUNS, SPEECH_VERBS, Modality, dated_ahead, trigger_modality
from dateline.events.ontology import Ontology, load_ontology
from dateline.events.parties import demand_parties, trigger_parties
from dateline.events.parties_reported import reread_reported_accusations, reread_retyped_parties
from dateline.events.party_records import RECIPROCAL_TYPES, party_records
from dateline.events.protest_topics import drop_protest_topics
from dateline.events.targets import fallback_recipients, implicit_protesters, implicit_state_actor
from dateline.events.thread_parties import fill_thread_parties
from dateline.events.token_columns import tokens_where
from dateline.events.type_senses import sense_type
from dateline.model import Document, Event, EventStatus, Evidence, Party, event_id
from dateline.syntax import first_conjunct
from dateline.words import word_class, word_set

#: Cooperation announced for the future is a promise, coded AGREE. Manual draft 0.8 would keep
#: future concessions as CONCEDE and code announced retreats CONCEDE; we follow the issue's reading
#: ("PLOVER AGREE is a promise") and the gold-standard records, where "will release", "will
#: evacuate", "would allow" are AGREE.
FUTURE_TYPE = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
               "AGREE": "AGREE", "RETREAT": "AGREE", "CONCEDE": "AGREE"}
FUTURE_MODIFIERS = word_set("future_modifiers")
#: Happenings that take two and are announced as a schedule, not promised by one side ("will visit
#: Moscow on Tuesday", "will meet next week"): future events of their own type, not AGREE.
SCHEDULED_TYPES = frozenset({"CONSULT"})
#: Conflictual actions announced for the future are threats (PLOVER: one category, no auxiliary).
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations", "PROTEST": "restrict",
               "MOBILIZE": "violence"}
THREAT_MODE_BY_MODE = {"arrest": "arrest", "expel": "expel", "seize": "territory", "deport": "expel"}
#: Events a purpose clause accomplishes by being stated or shown ("blocked roads to demand reforms").
EXPRESSIVE_TYPES = frozenset({"PROTEST", "REQUEST", "ACCUSE"})
#: Cooperation refused for the future ("will not accept", "would not meet") is a REJECT.
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Prepositions that put a nominal event in the background of the reported one ("after clashes").
BACKGROUND_PREPS = word_class("prepositions", "background")
#: Subordinators of background clauses ("when Amin expelled them", "as fighting raged").
BACKGROUND_MARKS = word_set("background_markers")
BACKGROUND_WORDS = BACKGROUND_PREPS | BACKGROUND_MARKS
#: Prepositions that attach time and place to an event, not another event's content.
LOOSE_PREPS = word_class("prepositions", "loose")
#: Background events (relative clauses, adjuncts, events inside another event) keep this share of confidence.
BACKGROUND_FACTOR = 0.5
#: Nouns whose clause is what they say ("a declaration demanding that ..."): not background.
SPEECH_NOUNS = word_set("speech_nouns")
#: Heads that leave the event to their modifier: "mediation effort", "peace mission", "war games".
GENERIC_EVENT_HEADS = word_set("generic_event_heads")
#: Modals that turn a reported clause into a demand ("X said Y must withdraw").
DEMAND_MODALS = word_class("auxiliaries", "demand")
FALLBACK_NOTE = "parties: fallback recipient (addressee, named in the object, place of the act or own government)"
#: Words that only attribute a source ("according to reports"), never report an act.
NON_EVENT_WORDS = word_set("attribution_words")
BASE_CONFIDENCE = {"curated": 0.75, "cameo-pattern": 0.7, "cameo-default": 0.35}
NOMINAL_POS = ("NOUN",)


@dataclass(frozen=True)
class Trigger:
    """A token that reports an event and the lexicon entry that says which."""

    token: Any
    entry: TriggerEntry
    content: Any = None  # for demands read from "X said Y must ...": the demanded clause


def code_events(doc: Document) -> Document:
    """Add the PLOVER events the article reports to `doc.events` (the events stage): the candidate mentions
    (`code_mentions`), each verified, then the steps after the verifier (`after_verification`)."""
    if doc.parsed is None:
        return doc
    from dateline.events.verify import verify_events  # the learned check: re-types, scores, rejects (or drops noise)
    return after_verification(verify_events(code_mentions(doc)))


def code_mentions(doc: Document) -> Document:
    """Add to `doc.events` one candidate per trigger mention (the lexicon's and the detector's), before the verifier:
    exactly the events `verify_events` scores in `code_events`, so the verifier's training rows can be these
    (`tools/event_sources.py`) and not the grouped events the stage ends with."""
    if doc.parsed is None:
        return doc
    lexicon = load_lexicon()
    ontology = load_ontology()
    sentences = list(doc.parsed.sents)
    found = []
    for sent in sentences:
        check_deadline()  # the article's time budget (dateline.budget)
        found.append(find_triggers(sent, lexicon))
    # the detector reads every sentence in one call of its model (the same proposals as sentence by sentence)
    proposed = detect_in_sentences([(sent, {t.token.i: t.entry.type for t in triggers})
                                    for sent, triggers in zip(sentences, found, strict=True)])
    for sent, triggers, proposals in zip(sentences, found, proposed, strict=True):
        check_deadline()
        triggers = triggers + [Trigger(t, e) for t, e in proposals]
        triggers = [t for t in triggers if nonpolitical_frame(doc, t.token, t.entry.type) is None]  # events.frame
        if not triggers:
            continue
        entries = {t.token.i: t.entry for t in triggers}
        evidence_span = _sentence_text(doc.article.text, sent)
        for trigger in triggers:
            if doc.excluded_at(trigger.token.idx) is not None:
                continue  # a comment, caption, byline ... (the story stage): not the story
            event = code_trigger(doc, trigger, entries, ontology, evidence_span)
            if event is not None:
                doc.events.append(event)
    return doc


def after_verification(doc: Document) -> Document:
    """The events stage's steps after the verifier, on `doc`'s verified mentions: a re-typed reading takes its new
    type's parties, reported accusations are read again, then one event per happening. One function, so that the
    benchmarks that verify mentions themselves (`event_sets`, `tools/calibration_stages.py`) keep `extract`'s order.
    Last, a role no word of its clause fills may be taken from the story so far (`events.thread_parties`). First of
    all, a protest's message read as a second event is left to the protest (`events.protest_topics`)."""
    return fill_thread_parties(group_events(reread_reported_accusations(reread_retyped_parties(
        drop_protest_topics(doc)))))


def find_triggers(sent: Any, lexicon: Lexicon) -> list[Trigger]:
    """Trigger tokens of a sentence: verbs first, then nouns not absorbed by a coded verb."""
    verbs: dict[int, Trigger] = {}
    # a Token made only for a word its part of speech and form leave in question (events.token_columns)
    for token in tokens_where(sent, lambda pos, lower: pos in ("VERB", "ADJ") and lower not in NON_EVENT_WORDS):
        if token.pos_ == "VERB" and not verb_used_as_noun(token):
            entry = lexicon.verb_entry(token)
            demand = _reported_demand(token)
            if entry is None and demand is not None:
                entry = DEMAND_ENTRY
            judged = reported_disapproval(token) if entry is None else None
            if judged is not None:  # "said the move was unacceptable" (events.lexicon)
                entry, demand = DISAPPROVAL_ENTRY, judged
            if entry is not None:
                verbs[token.i] = Trigger(token, entry, demand if entry in (DEMAND_ENTRY, DISAPPROVAL_ENTRY) else None)
        elif token.pos_ == "ADJ":
            entry = lexicon.adjective_entry(token)
            if entry is not None:
                verbs[token.i] = Trigger(token, entry)
    nouns = []
    for token in tokens_where(sent, lambda pos, _: pos in NOMINAL_POS or pos == "VERB"):
        if token.pos_ not in NOMINAL_POS and not (token.pos_ == "VERB" and verb_used_as_noun(token)):
            continue
        entry = lexicon.noun_entry(token)
        if entry is None:
            continue
        if token.dep_ != "compound":
            nouns.append(Trigger(token, entry))
        elif token.head.lemma_.lower() in GENERIC_EVENT_HEADS:
            nouns.append(Trigger(token.head, entry))  # "a mediation mission between X and Y"
    return sorted([*verbs.values(), *nouns], key=lambda t: t.token.i)


DEMAND_ENTRY = TriggerEntry(type="REQUEST", mode=None, cameo="100", contexts=(),
                            rule="pattern: speech verb + 'must'/'should' clause (demand)")


def _reported_demand(verb: Any) -> Any | None:
    """"X said Y must withdraw": the clause that a speech verb reports as an obligation."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS
                                          for c in clause.children):
            return clause
    return None


def code_trigger(doc: Document, trigger: Trigger, entries: dict[int, TriggerEntry],
                 ontology: Ontology, evidence_span: tuple[str, int, int] | None = None) -> Event | None:
    """The Event a trigger reports, with modality, parties, date, place and evidence.

    `entries` maps the token index of every trigger of the sentence to its lexicon entry;
    `evidence_span` is the sentence (text, start, end) when the caller has it already.
    """
    token, entry = trigger.token, sense_type(trigger.token, _intent_to_threat(trigger.token, trigger.entry, entries))
    heads = frozenset(entries)
    modality = trigger_modality(token, heads)
    reading = read_reality(entry, modality, token)
    event_type = ontology.event_type(reading.type)
    mode = ontology.valid_mode(reading.type, reading.mode)
    party_tokens = trigger_parties(token, entry.reciprocal or entry.type in RECIPROCAL_TYPES)
    if trigger.content is not None:
        party_tokens = demand_parties(token, trigger.content)
    actors, recipients = party_records(doc, party_tokens, entry, reading.type)
    actors = actors or implicit_state_actor(doc, token, recipients, reading.type) \
        or implicit_protesters(doc, token, reading.type, recipients)
    fallback = [] if recipients else fallback_recipients(doc, token, actors, reading.type, trigger.entry.type)
    recipients = recipients or fallback
    when = event_dating(doc, token.i, reading.hypothetical or reading.negated)
    if reading.status == "fact" and not modality.future and dated_ahead(doc, token, when.value):  # not yet
        reading = Reading(reading.type, reading.mode, "future", f"dated {when.value}, after the article")
    sentence, start, end = evidence_span or _sentence_text(doc.article.text, token.sent)
    background = background_reason(token, heads)
    notes = [entry.rule, *(f"parties: {p}" for p in party_tokens.patterns), *([FALLBACK_NOTE] if fallback else [])]
    notes += [n for n in (reading.note, modality.reason, background and f"background: {background}") if n]
    confidence = _confidence(entry, token, actors, recipients, modality) * (BACKGROUND_FACTOR if background else 1.0)
    return Event(
        id=event_id(doc.article.id, reading.type, token.idx, start),
        type=reading.type, mode=mode, contexts=[c for c in entry.contexts if c in ontology.contexts],
        quad=event_type.quad, intensity=event_type.intensity_for(mode),
        cameo=entry.cameo if reading.type == entry.type else event_type.cameo,
        actors=actors, recipients=recipients,
        date=when.value, date_precision=when.precision, date_mod=when.mod, date_basis=when.basis,
        location=locate_event(doc, token.i, reading.type, actors, recipients, when.value, mode),
        negated=reading.negated, hypothetical=reading.hypothetical, status=reading.status,
        evidence=Evidence(sentence=sentence, start=start, end=end, trigger=token.text,
                          trigger_start=token.idx, trigger_end=token.idx + len(token.text),
                          rule="; ".join(notes)),
        confidence=round(confidence, 3), article_id=doc.article.id,
    )


def _intent_to_threat(token: Any, entry: TriggerEntry, entries: dict[int, TriggerEntry]) -> TriggerEntry:
    """"vowed to fight", "is prepared to impose martial law": an intent to do harm is a THREATEN."""
    if entry.type != "AGREE" or entry.pact:  # "reached a deal to curb": an agreement's content, no threat
        return entry
    complement = next((c for c in token.children if _infinitive_complement(c)), None)
    if complement is not None and complement.i not in entries:  # "prepared to resume shelling"
        complement = next((o for o in complement.children if o.dep_ == "dobj" and o.i in entries), None)
    if complement is None or complement.i not in entries or entries[complement.i].type not in THREAT_MODE:
        return entry
    inner = entries[complement.i]
    mode = THREAT_MODE_BY_MODE.get(inner.mode or "", THREAT_MODE[inner.type])
    return replace(entry, type="THREATEN", mode=mode, cameo="130",
                   rule=f"{entry.rule} + intent to {inner.type} '{complement.text}' (THREATEN)")


def _infinitive_complement(token: Any) -> bool:
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


@dataclass(frozen=True)
class Reading:
    """The PLOVER reading of a trigger once its modality is applied."""

    type: str
    mode: str | None
    status: EventStatus = "fact"
    note: str | None = None

    @property
    def negated(self) -> bool:
        return self.status == "negated"

    @property
    def hypothetical(self) -> bool:
        """Not (yet) a fact: conditional, possible, demanded, planned or scheduled."""
        return self.status in ("hypothetical", "future")


def read_reality(entry: TriggerEntry, modality: Modality, token: Any) -> Reading:
    """Apply PLOVER's rules for modality to a lexicon reading.

    Refused future cooperation ("will not accept") is REJECT; other negated events stay
    negated. A future meeting or visit ("will visit on Tuesday") and any event on a plan or
    schedule ("protests scheduled for Friday") is a `future` event of its own type: it has not
    happened and nobody promised it. Other future cooperation is a promise (AGREE; RETREAT and
    CONCEDE become CONCEDE), future conflictual actions are threats (THREATEN with the matching
    mode); both are facts, the promise or threat being the act. Any other future event is
    `future`, any other modal event `hypothetical`.
    """
    type_name, mode = entry.type, entry.mode
    scheduled = modality.scheduled or _future_noun(token)
    future = modality.future or scheduled
    modal: EventStatus = "hypothetical" if modality.hypothetical else "fact"
    if modality.purpose and type_name in EXPRESSIVE_TYPES:
        return Reading(type_name, mode, "fact", "expressed by the act it is the purpose of")
    if modality.negated:
        if (future or modality.hypothetical) and type_name in COOPERATIVE_TYPES:
            return Reading("REJECT", None, "fact", f"refused {type_name} coded as REJECT")
        return Reading(type_name, mode, "negated")
    if future and (scheduled or type_name in SCHEDULED_TYPES):
        return Reading(type_name, mode, "future" if modal == "fact" else modal, f"scheduled {type_name}")
    if future and type_name in FUTURE_TYPE:
        new = FUTURE_TYPE[type_name]
        note = None if new == type_name else f"future {type_name} coded as {new}"
        return Reading(new, mode if new == type_name else None, modal, note)
    if future and type_name in THREAT_MODE:
        threat = THREAT_MODE_BY_MODE.get(mode or "", THREAT_MODE[type_name])
        return Reading("THREATEN", threat, modal, f"future {type_name} coded as THREATEN")
    if future:
        return Reading(type_name, mode, "future" if modal == "fact" else modal, "future event")
    return Reading(type_name, mode, modal)


def _future_noun(token: Any) -> bool:
    return token.pos_ in NOMINAL_POS and any(
        c.dep_ == "amod" and c.lower_ in FUTURE_MODIFIERS for c in token.children)


def background_reason(token: Any, heads: frozenset[int]) -> str | None:
    """Why a trigger is background to the sentence's reported event, if it is.

    Relative and participial clauses ("the curfew imposed in 1990"), nominal events in
    temporal or causal adjuncts ("after two days of fighting") and events mentioned inside
    another event ("rejected a proposal for a deal") are still coded, with less confidence.
    """
    if _modifier_clause(token):
        return f"{token.dep_} clause"
    if token.pos_ not in NOMINAL_POS:
        first = first_conjunct(token)  # "killing one and arresting twelve"
        if first.dep_ == "advcl" and first.tag_ == "VBG" and first.head.i in heads:
            return f"participle of the event '{first.head.text}'"  # "..., killing one person"
        return _verb_background(token)
    current = token
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            return None
        if head.i in heads and not (current.dep_ == "prep" and current.lower_ in LOOSE_PREPS):
            return f"inside the event '{head.text}'"
        if current.dep_ == "pobj" and head.lower_ in BACKGROUND_PREPS:
            return f"'{head.text}' adjunct"
        if head.pos_ in ("VERB", "AUX"):  # the clause it sits in may be background itself
            return f"{head.dep_} clause" if _modifier_clause(head) else _verb_background(head)
        current = head
    return None


def _verb_background(verb: Any) -> str | None:
    """A verb whose clause hangs on a noun ("an appeal for deploying troops", "X, who is trying to
    break ...") describes, not reports."""
    current = verb
    while True:
        mark = next((c.lower_ for c in current.children if c.dep_ == "mark"), None)
        if current.dep_ == "advcl" and mark in BACKGROUND_WORDS:
            return f"'{mark}' clause"  # "one day after a jet shot down a helicopter"
        if current.dep_ == "pcomp" and current.head.lower_ in BACKGROUND_PREPS:
            return f"'{current.head.text}' clause"
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            break
        current = current.head
        if _modifier_clause(current):
            return f"{current.dep_} clause"
    current = verb
    for _ in range(6):
        head = current.head
        if head.i == current.i or head.pos_ in ("VERB", "AUX"):
            return None
        if head.pos_ in NOMINAL_POS and head.lemma_.lower() not in SPEECH_NOUNS | ATTEMPT_NOUNS:
            return f"clause of the noun '{head.text}'"
        current = head
    return None


def _modifier_clause(token: Any) -> bool:
    return token.dep_ in ("relcl", "amod") or (token.dep_ == "acl" and token.tag_ == "VBN")


def _sentence_text(text: str, sent: Any) -> tuple[str, int, int]:
    """The sentence text without surrounding whitespace, and its character offsets."""
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def _confidence(entry: TriggerEntry, token: Any, actors: list[Party], recipients: list[Party],
                modality: Modality) -> float:
    """How the event was found: lexicon source, trigger kind, resolved actors, modality cues."""
    score = BASE_CONFIDENCE.get(entry.source, 0.5)
    if token.pos_ in NOMINAL_POS:
        score -= 0.05
    if any(p.country for p in actors):
        score += 0.15
    elif not actors:
        score -= 0.1 if recipients else 0.25
    if modality.reason:
        score -= 0.05
    return max(0.05, min(0.95, score))
