"""Modality of a trigger: is the event negated, hypothetical, promised for the future?

PLOVER's auxiliary modes (negation, hypothetical, future, historical) decide whether a
mention is a plain factual event. They are read from the dependency parse around the
trigger's clause:

* negation — `not`/`never` on the clause ("did not lead to a deal"), a subject or object that
  names no one ("no one has been convicted", "arrested nobody"), a `no`/`without` before a
  nominal trigger, or a clause governed by a negating verb ("refused to meet", "prevented an
  offensive"); the alternative set aside ("rather than criminal prosecution") and the content of absent evidence
  ("saw no evidence that the militia abducted anyone": `events.modality_denied`);
* hypothetical — modal auxiliaries ("would result in"), conditionals ("if", "unless"), hedging adverbs
  ("possibly lifting the moratorium"), a relative clause that makes the act under a modal ("the charges prosecutors
  could bring": `events.modality_relative`),
  `any` before a nominal trigger, infinitival purpose and intention clauses ("mobilised to
  stage an assault"), the infinitive of a noun of right, chance or plan ("the right to sue"), an
  intention that is itself conditional ("if they decided to sue"), and the content of another
  event ("warned that ...", "accused X of ...", and the offence in "charged with assault");
* future — `will`/`shall`/`going to`: PLOVER codes promised cooperation as AGREE (and promised
  retreats as CONCEDE), other future events are flagged future; a nominal event that is planned
  or on a schedule ("plans another round of demonstrations", "protests scheduled for Thursday",
  "the planned march"), awaited or faced ("as he awaits trial") or still to happen ("the charges to come") is
  `scheduled` (`events.modality_ahead`): future, and promised by nobody; so is an act its own date puts after
  the day the article was written, in a clause told in no past tense ("will discuss it during their phone call
  on Saturday": the call; `dated_ahead`, read once the act is dated).

Scope: negation and modals reach only the event's own clause (`events.modality_scope`).

Reported speech needs no rule of its own: "say" belongs to the dropped CAMEO 01 category,
so "X said Y attacked Z" yields only Y's attack, even where "said" is read as an event (`RELAYING_VERBS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.events.dating_clauses import past_tense, written_by
from dateline.events.modality_ahead import SCHEDULE_PARTICIPLES, futurate, planned_or_scheduled
from dateline.events.modality_denied import set_aside, unfounded
from dateline.events.modality_relative import relative_mood
from dateline.events.modality_scope import (
    ADJUNCT_PREPS,
    argument_of,
    carried_by,
    contrasted_conjunct,
    in_adjunct,
    in_setting,
    is_subject_of,
    known_object_of,
    presupposed,
)
from dateline.model import Document
from dateline.timex3 import interval, precision
from dateline.words import word_class, word_set

# The word classes live in data/words/ (each file says what its list is for).
HYPOTHETICAL_AUX = word_class("auxiliaries", "irrealis")
FUTURE_AUX = word_class("auxiliaries", "future")
NEGATORS = word_set("negators")
#: Pronouns that name no one: as an act's subject or object they deny it ("no one has been convicted").
NEGATIVE_PRONOUNS = word_set("negative_pronouns")
#: Slots of a clause where a party that is no one denies the act ("nobody was hurt", "arrested no one").
PARTY_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj"})
CONDITIONAL_MARKS = word_set("conditional_markers")
#: Words whose prepositional object is the offence charged ("charged with assault"), and those prepositions.
OFFENCE_HEADS = word_set("offence_heads")
OFFENCE_PREPS = frozenset({"of", "with", "for", "on"})
#: Adverbs that make an act a possibility ("possibly lifting the moratorium").
HEDGING_ADVERBS = word_set("hedging_adverbs")
#: Verbs whose complement clause is not (yet) a fact.
IRREALIS_HEADS = word_set("irrealis_verbs")
#: Verbs that report speech: their "would" clauses are futures, their "must" clauses demands.
SPEECH_VERBS = word_set("reporting_verbs")
#: Verbs of intention: what they govern is planned, i.e. future (a promise or a threat).
INTENT_HEADS = word_set("intention_verbs")
#: Nouns whose infinitive is attempted, which counts ("an attempt to assassinate").
ATTEMPT_NOUNS = word_set("attempt_nouns")
#: Verbs whose infinitive complement happens as much as they do ("began to withdraw").
ASPECTUAL_HEADS = word_set("aspectual_verbs")
#: Verbs whose complement or object did not happen.
NEGATING_HEADS = word_set("negating_verbs")
#: Speech verbs that relay news ("officials said Egypt started seizing pigs"): what they report is no act's content.
RELAYING_VERBS = word_set("relaying_verbs")
#: Statements an answer presupposes ("denies the charge"), and the verbs that answer one by refusing it.
ANSWERED_STATEMENTS = word_set("answered_statements")
REFUSING_ANSWERS = word_set("answering_verbs") & NEGATING_HEADS
#: Prepositions that set a verb's scene or background ("in recent protests", "after the clashes"): their object
#: is where or when the verb happened, not what it wants or refuses.
SETTING_PREPS = word_class("prepositions", "loose") | ADJUNCT_PREPS
#: Heads of a nominal trigger that place it outside the facts ("plans for talks", "hopes of a deal").
IRREALIS_NOUNS = word_set("irrealis_nouns")
#: Nouns whose infinitive complement did not (yet) happen: a plan or a right to act ("the right to sue").
COMPLEMENT_NOUNS = (IRREALIS_NOUNS | word_set("capacity_nouns")) - ATTEMPT_NOUNS
#: Irrealis verbs whose direct object is a fact ("called a meeting"); only "called for talks" is a wish.
PREPOSITIONAL_IRREALIS = word_set("prepositional_irrealis_verbs")
#: Precisions of a date that names when a scheduled act takes place.
ONE_DAY_OR_FINER = frozenset({"day", "part_of_day", "time"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj",
                         "parataxis", "csubjpass"})


@dataclass(frozen=True)
class Modality:
    """What the parse says about a trigger's reality; `reason` says why (for `dateline show`)."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reason: str | None = None
    purpose: bool = False  # a purpose infinitive: real when the main act expresses it ("rallied to demand")
    scheduled: bool = False  # future by plan or schedule, not by anyone's promise ("protests scheduled for Friday")


def clause_head(token: Any) -> Any:
    """The verb whose clause a trigger belongs to (the trigger itself when it is a verb)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
        if current.dep_ in CLAUSE_DEPS and current.pos_ in ("VERB", "AUX"):
            break
    return current


def trigger_modality(token: Any, event_heads: frozenset[int] = frozenset()) -> Modality:
    """The modality of the event triggered by `token`.

    `event_heads` are the token indices of the other triggers in the sentence: a clause that is
    the content of another event ("accused X of attacking", "agreed to cooperate") is not coded
    as a separate fact.
    """
    if in_question(token):
        return Modality(hypothetical=True, reason="the sentence is a question")
    aside = set_aside(token)  # "fines rather than criminal charges"
    if aside is not None:
        return Modality(negated=True, reason=aside)
    nominal = _nominal_modality(token)
    if nominal is not None:
        return nominal
    if token.dep_ in ("dobj", "pobj") and presupposed(token, owned_only=True):
        return Modality()  # "rejected Dominica's request": what is done to it, Dominica did request
    if answered_statement(token):
        return Modality()  # "the company denies the charge": the charge was made; the denial is an act of its own
    verb = clause_head(token)
    seen, contrasted = 0, False
    while seen < 6:
        seen += 1
        found = _clause_modality(verb, token)
        if found is not None and contrasted:
            found = _without_negation(found)
        if found is not None:
            return found
        parent = verb.head
        if verb.dep_ == "xcomp" and parent.lemma_.lower() in ASPECTUAL_HEADS:
            verb = parent  # "continued to attack" is as real as "continued"
            continue
        if verb.dep_ == "conj" and parent.i != verb.i:
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                return Modality(hypothetical=True, reason=f"infinitive '{verb.text}' (purpose or intent)")
            if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
                return Modality()
            contrasted = contrasted or contrasted_conjunct(verb)
            verb = parent
            continue
        return _governor_modality(verb, token, event_heads)
    return Modality()


def answered_statement(token: Any) -> bool:
    """A statement named as known and refused by the answer whose object it is ("denied the charge", "rejected
    these allegations", "refused their request"): made, whatever the answer says of its content or however the
    answer is qualified. One the refusal introduces ("rejected a U.S. request") is left to the refusal, as the
    PLOVER sentences code it: the answer is the event told, the statement its background."""
    return token.dep_ == "dobj" and token.lemma_.lower() in ANSWERED_STATEMENTS \
        and token.head.lemma_.lower() in REFUSING_ANSWERS and presupposed(token)


def _without_negation(found: Modality) -> Modality | None:
    """A clause's modality without its negation (for a contrasted conjunct); None when nothing is left."""
    if not found.negated:
        return found
    if not (found.hypothetical or found.future):
        return None
    return Modality(hypothetical=found.hypothetical, future=found.future, reason=found.reason)


def in_question(token: Any) -> bool:
    """True when the token's sentence is a yes/no question ("Will the generals allow ...?",
    "Do people ask ...?"): what it asks about is neither reported nor promised. Questions whose
    answer presupposes the act ("The troops shot students for what?") and quoted questions after
    a reporting verb (the sentence ends with the quote) stay facts."""
    words = [w for w in token.sent if not w.is_space]
    if not words or words[-1].text != "?":
        return False
    root = token.sent.root
    subjects = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects:
        return False
    if root.pos_ == "AUX" and root.i < subjects[0]:
        return True  # "Is the site accessible?"
    return any(c.dep_ in ("aux", "auxpass") and c.i < subjects[0] for c in root.children)


def _nominal_modality(token: Any) -> Modality | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in token.children:
        if child.dep_ in ("det", "neg") and child.lower_ in ("no", "any"):
            if child.lower_ == "no":
                return Modality(negated=True, reason="'no' before the trigger")
            return Modality(hypothetical=True, reason="'any' before the trigger")
    mood = relative_mood(token)  # "the charges prosecutors could bring"
    if mood is not None:
        return Modality(hypothetical=mood[0] == "hypothetical", future=mood[0] == "future", reason=mood[1])
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "without":
        return Modality(negated=True, reason="'without' before the trigger")
    if token.dep_ == "pobj" and head.lower_ in OFFENCE_PREPS and head.dep_ == "prep" and \
            (head.head.lemma_.lower() in OFFENCE_HEADS or head.head.lower_ in OFFENCE_HEADS):
        return Modality(hypothetical=True, reason=f"the offence of '{head.head.text} {head.text}'")  # charged with
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in IRREALIS_NOUNS \
            and head.head.pos_ in ("NOUN", "PROPN") and head.head.i != token.i:
        return Modality(hypothetical=True, reason=f"object of '{head.head.text}'")
    if token.dep_ == "pobj" and (head.dep_ == "agent" or head.lower_ in SETTING_PREPS):
        return _scheduled(token, head.head)  # "demanded by demonstrators in recent protests": a setting, not the wish
    governor = head.head if token.dep_ == "pobj" and head.dep_ == "prep" else head
    lemma = governor.lemma_.lower()
    direct = token.dep_ == "dobj" and lemma in PREPOSITIONAL_IRREALIS  # "called a meeting" convened it
    if token.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB" and lemma in IRREALIS_HEADS - NEGATING_HEADS \
            and not direct and not presupposed(token, owned_only=True) and not known_object_of(token, governor):
        return Modality(hypothetical=True, reason=f"object of '{governor.text}'")  # "called for a truce"
    return _scheduled(token, governor)


def _scheduled(token: Any, governor: Any) -> Modality | None:
    """A nominal event planned, on a schedule or awaited (`events.modality_ahead`): future, and nobody promised it."""
    reason = planned_or_scheduled(token, governor)
    return None if reason is None else Modality(future=True, scheduled=True, reason=reason)


def _clause_modality(verb: Any, trigger: Any) -> Modality | None:
    """Negation, modals and conditionals marked on one clause head, combined.

    A nominal subject, or a noun in a time or circumstance adjunct, is outside the scope of its
    clause's negation: in "the meeting did not lead to a deal" the meeting happened and the deal
    did not. A subject named as known ("unless the sanctions are lifted", "the attack could escalate
    tensions") is outside its clause's modals and conditionals too: what is uncertain is what
    happens to it; so is a known object of a verb that does not bring it about ("will aid the investigation"), but
    not from a condition, which leaves the whole situation open ("if he brings these charges").
    "would" in a clause reported by a speech verb is the future of the past ("Iraq said it would allow ..."), not a
    conditional.
    """
    subject = trigger.i != verb.i and is_subject_of(trigger, verb)
    if subject and presupposed(trigger):
        return None
    outside = subject or (trigger.i != verb.i and in_adjunct(trigger, verb))
    negated = hypothetical = future = hedged = conditional = False
    reasons = []
    for child in verb.children:
        word = child.lower_
        if (child.dep_ == "neg" or (child.dep_ == "advmod" and word == "never")) and not outside:
            negated = True
            reasons.append(f"'{child.text}' on '{verb.text}'")
        elif child.dep_ in PARTY_SLOTS and not outside and trigger.i == verb.i and _names_no_one(child):
            negated = True
            reasons.append(f"'{child.text}' as a party of '{verb.text}'")
        elif child.dep_ == "aux" and word in ("would", "'d") and _reported(verb):
            future = True
            reasons.append(f"reported '{child.text}' on '{verb.text}'")
        elif child.dep_ == "aux" and word in HYPOTHETICAL_AUX:
            hypothetical = True
            reasons.append(f"modal '{child.text}' on '{verb.text}'")
        elif child.dep_ == "aux" and (word in FUTURE_AUX or (word == "going" and verb.i > child.i)):
            future = True
            reasons.append(f"future '{child.text}' on '{verb.text}'")
        elif child.dep_ == "mark" and word in CONDITIONAL_MARKS:
            hypothetical = conditional = True
            reasons.append(f"conditional '{child.text}'")
        elif child.dep_ == "advmod" and word in HEDGING_ADVERBS and not outside:
            hedged = True
            reasons.append(f"hedged by '{child.text}'")
    if trigger.i != verb.i and verb.lemma_.lower() in NEGATING_HEADS and trigger.dep_ in ("dobj", "pobj"):
        negated = True
        reasons.append(f"object of '{verb.text}'")
    if not reasons or (known_object_of(trigger, verb) and not (negated or conditional)):
        return None  # "will aid the investigation": the aid is to come, the investigation is told
    hypothetical = hypothetical or (hedged and not negated)  # "perhaps not paid" is no refusal, it stays negated
    return Modality(negated=negated, hypothetical=hypothetical, future=future, reason="; ".join(reasons))


def _names_no_one(noun: Any) -> bool:
    """A subject or object that names no one: "nobody", "none of them", "no one", "no protesters". A verb's act
    with no one doing it or done to no one did not happen ("no one has ever been convicted", "arrested no one")."""
    return noun.lower_ in NEGATIVE_PRONOUNS or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _reported(verb: Any) -> bool:
    """True when the clause is the content of a speech verb ("said it would ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS


def _subject_before(copula: Any, verb: Any) -> bool:
    """True for "X is to visit": "be" has its own subject and the infinitive follows it (not "the aim is to
    ...", whose subject names a purpose; that reading stays with the purpose rule via `IRREALIS_NOUNS`)."""
    subjects = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < copula.i]
    return bool(subjects) and copula.i < verb.i and subjects[0].lemma_.lower() not in IRREALIS_NOUNS


def _governor_modality(verb: Any, trigger: Any, event_heads: frozenset[int]) -> Modality:
    """Modality a clause inherits from the clause that embeds it."""
    parent = verb.head
    if parent.i == verb.i:
        return Modality()
    # "is expected to hold the talks": what a support verb on a schedule carries is on it; "the decision to carry out
    # the attacks" leaves known attacks facts
    scheduled = verb.dep_ == "xcomp" and parent.lemma_.lower() in SCHEDULE_PARTICIPLES
    known = presupposed(trigger) and not (scheduled and carried_by(trigger, verb))
    if (known or in_setting(trigger, verb)) and trigger.i != verb.i and (
            verb.i not in event_heads or not argument_of(trigger, verb) or known_object_of(trigger, verb)):
        # "working to cover the clashes", "to help during protests", "to search homes as part of the investigation":
        # the protests happened, and so did what an intended act helps ("to help the inquiry"); but what it brings
        # about ("to impose the sanctions") is intended with it
        return Modality()
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "xcomp" and infinitive and parent.lemma_.lower() in SCHEDULE_PARTICIPLES:
        return Modality(future=True, scheduled=True, reason=f"'{parent.text}' (on a schedule)")
    if verb.dep_ in ("xcomp", "ccomp") and infinitive and parent.lemma_ == "be" and _subject_before(parent, verb):
        return Modality(future=True, scheduled=True, reason=f"'{parent.text} to {verb.text}' (arranged)")
    if verb.dep_ == "pcomp" and parent.lower_ == "without":
        return Modality(negated=True, reason=f"'without' before '{verb.text}'")
    if verb.dep_ == "pcomp" and set_aside(verb) is not None:  # "stopped short of imposing a curfew"
        return Modality(negated=True, reason=set_aside(verb))
    if unfounded(verb) is not None:  # "found no evidence that the militia had abducted anyone"
        return Modality(negated=True, reason=unfounded(verb))
    if verb.dep_ in ("xcomp", "ccomp", "pcomp", "advcl", "acl"):
        governor = parent.head if parent.dep_ == "prep" else parent
        complement = verb.dep_ in ("xcomp", "ccomp", "pcomp") or infinitive
        lemma = governor.lemma_.lower()
        if lemma in NEGATING_HEADS - SPEECH_VERBS and verb.dep_ in ("xcomp", "ccomp", "pcomp"):
            # "failed to attend the meeting": not held, whether or not the failing is an event of its own
            # (what someone denies stays the content of the denial: a claim, not a fact either way)
            return Modality(negated=True, reason=f"complement of '{governor.text}'")
        if complement and governor.i in event_heads and governor.i != trigger.i and not _relayed_news(governor):
            return Modality(hypothetical=True, reason=f"content of the event '{governor.text}'")
        if lemma in INTENT_HEADS and verb.dep_ in ("xcomp", "advcl") and infinitive:
            if _conditional(governor):  # "if they decided to sue": neither the decision nor the suit is a fact
                return Modality(hypothetical=True, reason=f"intended by '{governor.text}', itself conditional")
            return Modality(future=True, reason=f"intended by '{governor.text}'")
        if lemma in ATTEMPT_NOUNS and verb.dep_ == "acl":
            return Modality()  # "an attempt to assassinate X" is an (attempted) assault
        if lemma in NEGATING_HEADS and verb.dep_ in ("xcomp", "ccomp", "pcomp"):
            return Modality(negated=True, reason=f"complement of '{governor.text}'")
        if lemma in IRREALIS_HEADS and verb.dep_ in ("xcomp", "ccomp", "pcomp"):
            return Modality(hypothetical=True, reason=f"complement of '{governor.text}'")
    if infinitive and verb.dep_ == "acl" and _noun_complement(parent):
        return Modality(hypothetical=True, reason=f"complement of the noun '{parent.text}'")  # "the right to sue"
    if infinitive and verb.dep_ in ("advcl", "acl", "relcl", "xcomp", "conj"):
        # The purpose of an act that is itself an event (a protest "to demand") is its topic, not
        # a second event; the purpose of an act that is no event ("shunned work to protest") is.
        main_is_event = parent.i in event_heads or any(c.i in event_heads for c in parent.children
                                                       if c.dep_ in ("dobj", "nsubj", "nsubjpass"))
        return Modality(hypothetical=True, purpose=not main_is_event,
                        reason=f"infinitive '{verb.text}' (purpose or intent)")
    return Modality()


def _noun_complement(noun: Any) -> bool:
    """Whether an infinitive on `noun` is its complement, a possibility and not an act ("the right to sue", "a
    chance to meet", "plans to attack"), rather than the purpose of the act that takes the noun ("shunned work to
    protest")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in COMPLEMENT_NOUNS


def _relayed_news(speech: Any) -> bool:
    """Whether an event's verb is an asserted saying that relays news: "if you say ..." relays nothing."""
    return speech.lemma_.lower() in RELAYING_VERBS and not _conditional(speech)


def _conditional(verb: Any) -> bool:
    """Whether a clause is a condition or under a modal of possibility ("if they decided", "could decide")."""
    return any((c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS)
               or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX) for c in verb.children)


def dated_ahead(doc: Document, token: Any, value: str | None) -> bool:
    """Whether an act read as a fact is dated (`value`) after the day its article was written, in a clause told in
    no past tense ("discuss it during their phone call on Saturday"): not yet happened, so on a schedule. A past
    or perfect clause keeps a later date a fact (a wire story dated the evening before "early Thursday"); only a
    day (or an hour) counts: a later year or month is often an end or a span ("extending the contract to 2021").
    A week still running counts for a clause in the plain present ("goes on trial this week": `futurate`)."""
    span = interval(value) if value is not None else None
    if span is None:
        return False
    verb = clause_head(token)
    if precision(value) == "week":
        return span.last > written_by(doc) and futurate(verb)
    if precision(value) not in ONE_DAY_OR_FINER or span.first <= written_by(doc):  # "extended it to 2021": an end
        return False
    return verb.pos_ not in ("VERB", "AUX") or not past_tense(verb)
