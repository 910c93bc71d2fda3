"""The learned party chooser (issue 9), measured and not shipped: which of the words around a trigger are its
actor and its recipient.

The party rules (`events/parties*.py`, `targets.py`, `resolve.py`) name an event's parties and say why.
This module reads the same choice as a decision among candidate words: every party the rules chose and
every actor mention of the trigger's sentence is a candidate, described by cheap features (its
dependency path to the trigger, the preposition on that path, its entity type and sector, voice,
distance, the event type, and which role the rules gave it). Two logistic regressions, one per role,
score each candidate; `train_party_model.py` trains them with cross-validation by document on
events-gold, the PLOVER GSR, RAMS and WikiEvents argument roles and compares `decide` with the rules.
Out of fold no policy beat the rules on every source (BENCHMARKS.md, issue 9), so the pipeline keeps the
rules' parties and nothing here runs in it: shipping a chooser means a model file and a hook after
grouping in `events/coder.py` that applies `decide` to each event's `event_candidates`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from dateline.events.party_records import RECIPROCAL_TYPES
from dateline.model import Document, Event, Party

ROLES = ("actor", "recipient")
#: Longest dependency path (in arcs) spelt out as a feature; longer paths are only counted.
MAX_PATH = 4


@dataclass
class Candidate:
    """A word that could be one of an event's parties: the party it resolves to and what describes it."""

    party: Party
    rule_role: str | None  # "actor", "recipient" or None: what the rules made of it
    features: list[str] = field(default_factory=list)


def decide(candidates: list[Candidate], model: dict[str, Any], event_type: str) -> tuple[list[Party], list[Party]]:
    """Actors and recipients among the candidates, the rules' choice revised where the model is sure.

    A party the rules gave a role keeps it unless its score for that role is below the model's `drop`
    threshold; a role the rules left empty takes the candidates the rules did not use whose score for it
    reaches `fill` (a reciprocal type's parties all act: it takes no recipient)."""
    drop, fill = float(model.get("drop", 0.0)), float(model.get("fill", 1.01))
    chosen: dict[str, list[Party]] = {role: [] for role in ROLES}
    scores = [{role: probability(model["roles"][role], c.features) for role in ROLES} for c in candidates]
    for cand, score in zip(candidates, scores, strict=True):
        if cand.rule_role in ROLES and score[cand.rule_role] >= drop:
            chosen[cand.rule_role].append(cand.party)
    for role in ROLES:
        if chosen[role] or any(c.rule_role == role for c in candidates) or (
                role == "recipient" and event_type in RECIPROCAL_TYPES):
            continue
        chosen[role] = [c.party for c, score in zip(candidates, scores, strict=True)
                        if c.rule_role is None and score[role] >= fill and score[role] >= max(score.values())]
    return chosen["actor"], chosen["recipient"]


def probability(weights: dict[str, Any], features: list[str]) -> float:
    """The logistic regression's probability for one role: bias plus the weights of the active features."""
    table = weights["weights"]
    z = float(weights["bias"]) + sum(float(table.get(f, 0.0)) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def event_candidates(doc: Document, event: Event) -> list[Candidate]:
    """The rules' parties of an event and the other actor mentions of its trigger's sentence, with features."""
    trigger = _trigger_token(doc, event)
    if trigger is None:
        return []
    sent = trigger.sent
    out: dict[tuple[str, int | None], Candidate] = {}
    for role, parties in (("actor", event.actors), ("recipient", event.recipients)):
        for party in parties:
            out.setdefault((party.name, party.start), Candidate(party, role))
    for mention in doc.actors:
        if sent.start_char <= mention.start < sent.end_char:
            out.setdefault((mention.name, mention.start), Candidate(mention.as_party(), None))
    cands = list(out.values())
    for cand in cands:
        cand.features = candidate_features(doc, cand, trigger, event.type) + sorted(set(_same_country(cand, cands)))
    return cands


def _trigger_token(doc: Document, event: Event) -> Any | None:
    start = event.evidence.trigger_start
    if start is None:
        return None
    span = doc.parsed.char_span(start, event.evidence.trigger_end or start + 1, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def candidate_features(doc: Document, cand: Candidate, trigger: Any, event_type: str) -> list[str]:
    """What describes a candidate: the rules' role, its path to the trigger, its kind, voice and distance."""
    party = cand.party
    feats = [f"rule={cand.rule_role}", f"rule={cand.rule_role}&type={event_type}", f"type={event_type}",
             f"sector={party.sector}", f"country={'yes' if party.country else 'no'}",
             f"trigger_pos={trigger.pos_}", f"passive={_passive(trigger)}"]
    head = _party_head(doc, party)
    if head is None or head.sent.start != trigger.sent.start:
        return [*feats, "outside_sentence", f"outside&rule={cand.rule_role}"]
    path = dependency_path(head, trigger)
    spelt = "/".join(path) if len(path) <= MAX_PATH else f"long{min(len(path), 8)}"
    first = path[0] if path else "self"
    last = path[-1] if path else "self"
    ups = path.index("^") if "^" in path else len(path)
    distance = head.i - trigger.i
    feats += [f"path={spelt}", f"first={first}", f"first={first}&rule={cand.rule_role}", f"last={last}",
              f"first={first}&last={last}", f"up={min(ups, 4)}&down={min(len(path) - ups, 4)}",
              f"path={spelt}&pos={trigger.pos_}", f"first={first}&passive={_passive(trigger)}",
              f"ent={head.ent_type_ or head.pos_}", f"side={'before' if distance < 0 else 'after'}",
              f"distance={min(abs(distance) // 3, 5)}", f"path_len={min(len(path), 6)}"]
    feats += [f"prep={p}" for p in path if p.startswith("prep:") or p.startswith("agent")]
    return feats


def _same_country(cand: Candidate, others: list[Candidate]) -> list[str]:
    """Whether the candidate shares its country with a party the rules chose, role by role."""
    if not cand.party.country:
        return []
    return [f"same_country_as={o.rule_role}&rule={cand.rule_role}" for o in others
            if o is not cand and o.rule_role and o.party.country == cand.party.country]


def _party_head(doc: Document, party: Party) -> Any | None:
    if party.start is None or party.end is None:
        return None
    span = doc.parsed.char_span(party.start, party.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _passive(token: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in token.children)


def dependency_path(source: Any, target: Any) -> list[str]:
    """The arcs from `source` up to the lowest common ancestor, then down to `target`: "nsubj" for a
    subject, "pobj/prep:by/^" for a by-phrase of a passive ... ("^" marks the turn downwards)."""
    up = [source, *source.ancestors]
    down = [target, *target.ancestors]
    down_ids = {t.i for t in down}
    common = next((t for t in up if t.i in down_ids), None)
    if common is None:
        return ["no_path"]
    arcs = [_arc(t) for t in up[:[t.i for t in up].index(common.i)]]
    below = down[:[t.i for t in down].index(common.i)]
    if below:
        arcs.append("^")
        arcs += [_arc(t) for t in reversed(below)]
    return arcs


def _arc(token: Any) -> str:
    return f"prep:{token.lower_}" if token.dep_ == "prep" else token.dep_
