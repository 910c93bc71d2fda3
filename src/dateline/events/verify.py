"""The event verifier: a learned check of each lexicon event, whose probability is its confidence.

The lexicon finds candidate events and says why (the rule that fired); it cannot tell "the rebels
attacked the base" from "a tank at the plant exploded" or "the earthquake killed 43", because both
match a violent verb. The verifier is a multinomial logistic regression over cheap features of the
candidate (its lexicon type and rule, the trigger's lemma and syntax, the parties found and their
sectors, the words of the sentence and the heads around the trigger; a model trained with a dense block also
reads the MiniLM embedding of the candidate's sentence, `sentence_embeddings`) that predicts what the trigger
reports: NONE (no political event) or one of the 16 PLOVER types. It is trained by
`tools/train_event_model.py` on labelled news (see `data/models/SOURCE.md`) and shipped as plain
numbers (`event_verifier.npz`: coefficients; `event_verifier.json`: vocabulary, classes, calibration),
read with numpy by the one model class of the learned decisions (`events.linear.LinearModel`, the
detector's too): no pickle, no scikit-learn at run time.

`verify_events(doc)` then

* re-types an event when the model is sure the trigger reports another type ("a deal ... to
  release" coded CONSULT, read AGREE), recomputing its CAMEO code, quad and intensity;
* sets `confidence` to the calibrated probability that the (final) type is right and the event
  real, so a confidence of c means "right about c of the time" on news like the gold set;
* drops candidates the model all but rules out (below `REJECT_BELOW`): disasters, accidents,
  sport, business;
* notes what it did in the evidence rule, after the lexicon rule that still explains the trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dateline.config import package_data
from dateline.events import linear
from dateline.events.detect import RULE_PREFIX as DETECTOR_RULE
from dateline.events.frame import frame_features
from dateline.events.linear import LinearModel
from dateline.events.locate import location_for_type
from dateline.events.ontology import load_ontology
from dateline.events.switch import Switch
from dateline.events.view import FALLBACK_VIEW, ViewError, stored_view
from dateline.model import Document, Event, event_id

MODEL_DIR = package_data("models")
MODEL_NAME = "event_verifier"
#: The optional second stage (`refine_events`): shipped beside the verifier when trained with `--cascade`.
REFINER_NAME = "event_refiner"
#: Bumped whenever `candidate_features` changes: a model trained on other features is refused.
FEATURE_VERSION = 4
NONE = "NONE"
#: Candidates whose calibrated probability falls below this are dropped, not just hidden.
REJECT_BELOW = 0.04
#: A re-typing needs the new type at least this probable (and more probable than the lexicon's).
RETYPE_MIN = 0.5


def default_view(folder: Path = MODEL_DIR) -> float:
    """The default view of the verifier in `folder` (by default the packaged one): the threshold its training run
    chose and stored (`events.view`), else `view.FALLBACK_VIEW`; the fallback too when the verifier is not installed
    (its weights missing: `load_model` then gives None and the lexicon's own confidences are shown)."""
    metadata, weights = linear.model_files(folder, MODEL_NAME)
    return stored_view(metadata) if weights.exists() else FALLBACK_VIEW


@lru_cache(maxsize=1)
def packaged_view() -> float:
    """The default view (README "The default view"): listings, timelines, exports and the API leave out events
    below this confidence unless asked (`--min-confidence 0`); `extract` too (DESIGN's one default view). Read from
    the packaged verifier's metadata (`events.view`): the training script chooses it by its cross-validation
    (`tools/model_view.py`: the lowest threshold whose F0.5 on the out-of-fold events-gold and news candidates is
    within 0.01 of the best), so a retrain is shown at its own operating point; 0.35 when the verifier says none.

    Read when first used, not at import: a stored view that is no confidence raises `view.ViewError` (the file,
    the field, the mend) where a default view is needed, and nowhere else (`dateline --help` once failed)."""
    return default_view()


def option_default() -> float | None:
    """The default of a command's or the API's `min_confidence` option: the packaged view, or None when its stored
    view is unreadable, so the parser still builds and the error comes where the view is used (`view_or_default`)."""
    try:
        return packaged_view()
    except ViewError:
        return None


def view_or_default(min_confidence: float | None) -> float:
    """`min_confidence` as given, else the packaged view (raising `view.ViewError` when it is unreadable)."""
    return packaged_view() if min_confidence is None else min_confidence


def __getattr__(name: str) -> float:
    """`DEFAULT_MIN_CONFIDENCE`, the packaged view, read when first asked for (`packaged_view`), so that importing
    this module never reads the verifier's metadata."""
    if name == "DEFAULT_MIN_CONFIDENCE":
        return packaged_view()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
#: Without a verifier, events at or below this confidence that name no party are dropped (PLOVER codes no
#: actor-less events). With one they stay candidates, judged with the rest (the verifier reads the parties
#: found): the rule had hidden a third of the events-gold events the lexicon found (0.39 -> 0.55 of them).
PARTYLESS_MIN_CONFIDENCE = 0.5
#: Parts of speech whose lemmas describe what a sentence is about.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
#: Dependents of a trigger whose heads say who or what acted and on what.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent", "compound", "amod", "poss"})
#: Links of a verb to the clause whose subject it shares ("exploded, killing", "vowed to attack", "met and agreed").
CLAUSE_LINKS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp"})

#: The verifier on or off (`with unverified():` runs the coder on the raw lexicon candidates the model is trained on).
verifying = Switch("verifier")
unverified = verifying.off
#: Verifiers (with their refiner, or None) in force instead of the packaged pair, innermost last (a fold's).
_IN_FORCE: list[tuple[LinearModel, LinearModel | None]] = []


@contextmanager
def using_verifier(model: LinearModel, refiner: LinearModel | None = None) -> Iterator[None]:
    """Run the coder with another verifier (and refiner, none by default): a fold model that never saw the text."""
    _IN_FORCE.append((model, refiner))
    try:
        yield
    finally:
        _IN_FORCE.pop()


def read_model(folder: Path = MODEL_DIR) -> LinearModel:
    """Read and check a verifier (format, role, feature version, the weights' hash)."""
    return linear.read_model(folder, MODEL_NAME, FEATURE_VERSION)


@lru_cache(maxsize=1)
def load_model() -> LinearModel | None:
    """The packaged verifier, loaded once; None when it is not installed (the lexicon alone codes)."""
    return linear.installed_model(MODEL_DIR, MODEL_NAME, FEATURE_VERSION)


@lru_cache(maxsize=1)
def load_refiner() -> LinearModel | None:
    """The packaged refiner (the cascade's second stage), loaded once; None when none is installed."""
    return linear.installed_model(MODEL_DIR, REFINER_NAME, FEATURE_VERSION)


def rule_features(event: Event) -> list[str]:
    """What the lexicon and the coder said: type, mode, rule kind, modality and background notes."""
    rule = event.evidence.rule or ""
    kind = ("curated" if rule.startswith("triggers.tsv") else "cameo" if rule.startswith("CAMEO")
            else "pattern" if rule.startswith("pattern") else "detector" if rule.startswith(DETECTOR_RULE)
            else "other")
    out = [f"t={event.type}", f"tm={event.type}/{event.mode}", f"rk={kind}", f"t|rk={event.type}|{kind}",
           f"cameo={(event.cameo or '')[:2]}", f"status={event.status}", f"t|status={event.type}|{event.status}"]
    # the coder's own confidence (lexicon source, actors found, background): the lexicon's prior
    band = min(int(event.confidence * 10), 9)
    out += [f"lexconf={band}", f"t|lexconf={event.type}|{band}"]
    out += [flag for flag, on in (("neg", event.negated), ("hyp", event.hypothetical),
                                  ("bg", "background:" in rule), ("fallback", "fallback recipient" in rule),
                                  ("intent", "(THREATEN)" in rule), ("future", "future " in rule)) if on]
    return out


def party_features(event: Event) -> list[str]:
    """Who the coder found: how many parties, their sectors, whether the dictionary knew them."""
    out = []
    for role, parties in (("a", event.actors), ("r", event.recipients)):
        out.append(f"{role}_n={min(len(parties), 2)}")
        out.append(f"t|{role}_n={event.type}|{min(len(parties), 2)}")
        for p in parties:
            sector = p.sector or ("country" if p.country else "none")
            out += [f"{role}_sec={sector}", f"t|{role}_sec={event.type}|{sector}",
                    f"{role}_known={p.entry is not None}"]
    countries = ({p.country for p in event.actors if p.country}, {p.country for p in event.recipients if p.country})
    if all(countries):
        out.append("domestic" if countries[0] & countries[1] else "international")
    return out


def subject_features(event: Event, token: Any) -> list[str]:
    """Who or what the trigger's clause is about: its own subject, else, for a participle, infinitive or
    conjoined verb ("exploded, killing three"), its head's. An earthquake or a tank kills; it does not attack."""
    heads = (token, token.head) if token.dep_ in CLAUSE_LINKS else (token,)
    for head in heads:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            kind = subject.ent_type_ or ("PRON" if subject.pos_ == "PRON" else "none")
            return [f"subj={subject.lemma_.lower()}", f"subj_ent={kind}", f"t|subj_ent={event.type}|{kind}"]
    return ["subj=none", f"t|subj=none|{event.type}"]


def party_path_features(event: Event, token: Any) -> list[str]:
    """How each party hangs from the trigger in the parse: "nsubj", "prep>pobj", or "far" (found elsewhere)."""
    out = []
    for role, parties in (("a", event.actors), ("r", event.recipients)):
        for p in parties:
            span = token.doc.char_span(p.start, p.end, alignment_mode="expand") if p.start is not None else None
            if span is None or not len(span):
                out.append(f"{role}_path=unplaced")
                continue
            head = span.root
            path = (head.dep_ if head.head.i == token.i
                    else f"{head.head.dep_}>{head.dep_}" if head.head.head.i == token.i else "far")
            out += [f"{role}_path={path}", f"t|{role}_path={event.type}|{path}"]
    return out


def token_features(event: Event, token: Any) -> list[str]:
    """The trigger in its sentence: lemma, syntax, the heads of its arguments, the sentence's words."""
    lemma = token.lemma_.lower()
    out = [f"l={lemma}", f"t|l={event.type}|{lemma}", f"pos={token.pos_}", f"dep={token.dep_}",
           f"tag={token.tag_}", f"hl={token.head.lemma_.lower()}", f"t|dep={event.type}|{token.dep_}"]
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            out += [f"{child.dep_}={child.lemma_.lower()}", f"arg={child.lemma_.lower()}"]
            if child.ent_type_:
                out.append(f"{child.dep_}_ent={child.ent_type_}")
    sent = token.sent
    for tok in sent:
        if tok.pos_ in CONTENT_POS and tok.i != token.i and tok.is_alpha:
            out.append(f"w={tok.lemma_.lower()}")
        if tok.ent_type_ and tok.ent_iob_ == "B":
            out.append(f"ent={tok.ent_type_}")
    # No features of the document's shape (sentence length, position, quotes): they tell the training
    # sources apart (tweets are short, NGEC stories are leads) and the model learnt the source, not the event.
    return out


def candidate_features(event: Event, parsed: Any) -> list[str]:
    """All features of a candidate event, given the parsed article it was coded from."""
    token = trigger_token(event, parsed)
    features = rule_features(event) + party_features(event)
    if token is None:
        return [*features, "no_token"]
    return (features + token_features(event, token) + party_path_features(event, token)
            + subject_features(event, token) + frame_features(token))  # frame: agent class, setting, sport/business


def sentence_embeddings(events: list[Event]) -> list[np.ndarray]:
    """The MiniLM embedding of each candidate's sentence (`dateline.embed`), each distinct sentence embedded once.

    A sentence encoder trained on a billion sentence pairs says what the sentence is about (a "strike" among
    workers and wages, or among jets and targets; a match report; an earthquake) in a way the sparse features
    cannot; only candidates' sentences are embedded, so the cost follows the candidates, not the article."""
    from dateline.embed import embed_sentences

    texts = sorted({event.evidence.sentence for event in events})
    vectors = dict(zip(texts, embed_sentences(texts), strict=True))
    return [vectors[event.evidence.sentence].astype(np.float64) for event in events]


def trigger_token(event: Event, parsed: Any) -> Any | None:
    """The spaCy token that starts the event's trigger."""
    start = event.evidence.trigger_start
    if start is None:
        return None
    span = parsed.char_span(start, event.evidence.trigger_end or start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def verify_events(doc: Document) -> Document:
    """Re-type, score and filter the lexicon's candidate events with the verifier (the coder's last step).

    Without an installed verifier, the party-less mentions at or below `PARTYLESS_MIN_CONFIDENCE` are
    dropped instead; with `unverified()` (training), every candidate stays.
    """
    if not verifying.on:
        return doc
    model, refiner = _IN_FORCE[-1] if _IN_FORCE else (load_model(), load_refiner())
    if model is None:
        doc.events = [e for e in doc.events if not partyless_noise(e)]
        return doc
    if doc.parsed is None:
        return doc
    if not doc.events:
        return doc
    features = [candidate_features(event, doc.parsed) for event in doc.events]
    dense = sentence_embeddings(doc.events) if model.dense is not None else None
    kept = []
    for event, row, probs in zip(doc.events, features, model.probabilities_of_many(features, dense), strict=True):
        kept.append(verify_event(event, dict(zip(model.classes, map(float, probs), strict=True)), model, row))
    if refiner is not None:
        kept = refine_events(doc.events, features, kept, refiner)
    doc.events = [event for event in kept if event is not None]
    return doc


def refine_events(candidates: list[Event], features: list[list[str]], verified: list[Event | None],
                  refiner: LinearModel) -> list[Event | None]:
    """The verified events, those whose confidence lies in the refiner's band decided again by it.

    The cascade's second stage (`tools/verifier_cascade.py`): the sentence embedding costs more than the parse, so
    only the sentences of candidates near the display thresholds (`band` in the refiner's metadata) are embedded,
    and a verifier that reads the sparse features and the embedding re-types and scores those candidates."""
    low, high = refiner.meta.get("band", (0.0, 0.0))
    unsure = [n for n, event in enumerate(verified) if event is not None and low <= event.confidence < high]
    if not unsure:
        return verified
    out = list(verified)
    dense = sentence_embeddings([candidates[n] for n in unsure])
    for n, probs in zip(unsure, refiner.probabilities_of_many([features[n] for n in unsure], dense), strict=True):
        refined = verify_event(candidates[n], dict(zip(refiner.classes, map(float, probs), strict=True)), refiner,
                               features[n])
        note = f"; refined by the sentence embedding: {verified[n].confidence:.2f}"  # type: ignore[union-attr]
        out[n] = None if refined is None else replace(
            refined, evidence=replace(refined.evidence, rule=(refined.evidence.rule or "") + note))
    return out


def partyless_noise(event: Event) -> bool:
    """A mention that names nobody and is not the sentence's reported event ("protests", "the deal", a generic
    CAMEO verb in a background clause): dropped by rule when no verifier is installed to judge it."""
    return not event.actors and not event.recipients and event.confidence <= PARTYLESS_MIN_CONFIDENCE


def verify_event(event: Event, probs: dict[str, float], model: LinearModel,
                 features: list[str] | None = None) -> Event | None:
    """The event as the model reads it: its final type and calibrated confidence, or None if rejected.

    With the candidate's `features`, the note in the evidence rule also names the features that weigh most
    for the final type against no event (what `dateline show` prints as the model's reasons)."""
    coded = probs.get(event.type, 0.0)
    best = max((c for c in model.classes if c != NONE), key=lambda c: probs[c], default=event.type)
    note = f"verifier: P({event.type})={coded:.2f}, P(no event)={probs.get(NONE, 0.0):.2f}"
    if best != event.type and probs[best] >= RETYPE_MIN and probs[best] > coded:
        event = retype(event, best)
        note += f"; re-typed {best} (P={probs[best]:.2f})"
    if features:
        reasons = [f"{name} {weight:+.1f}" for name, weight in model.top_features(features, event.type)]
        note += f"; weighs most: {', '.join(reasons)}" if reasons else ""
    confidence = model.calibrated(probs[event.type])
    if confidence < REJECT_BELOW:
        return None
    rule = f"{event.evidence.rule}; {note}" if event.evidence.rule else note
    return replace(event, confidence=round(confidence, 3), evidence=replace(event.evidence, rule=rule))


def retype(event: Event, type_name: str) -> Event:
    """The event with another PLOVER type: mode, CAMEO code, quad and intensity follow the type."""
    event_type = load_ontology().event_type(type_name)
    ev = event.evidence
    article = event.article_id or ""
    return replace(event, id=event_id(article, type_name, ev.trigger_start, ev.start), type=type_name, mode=None,
                   cameo=event_type.cameo, quad=event_type.quad, intensity=event_type.intensity_for(None),
                   location=location_for_type(event.location, type_name))
