"""The learned event detector: typed trigger candidates where the lexicon found none.

The lexicon knows the words it was built from; news reports events in many more ("stormed",
"gunmen opened fire", "talks", "detention", "crackdown"), and most events a careful coder codes
in unseen articles have no lexicon rule that fires. The detector is a multinomial logistic
regression over every verb and noun of a sentence that reads the token's parse (lemma, part of
speech, dependency, its head and children, the entity types of its subject and object, and which
lexicon types fired around it) and predicts NONE or one of the 16 PLOVER types. Where the lexicon
found no trigger on a token and the detector's best type is probable enough, the token becomes a
candidate of that type, explained as "proposed by the learned detector: ...", and then goes the
lexicon candidates' way: parties, modality, date, place, the verifier, grouping.

It is trained by `tools/train_event_detector.py` on token-labelled news (events-gold, WikiEvents,
RAMS, NGEC's stories, CrisisLex's disaster tweets; see `data/models/SOURCE.md`) and shipped as plain
numbers (`event_detector.npz`, `event_detector.json`, hash-checked), read with numpy only by the one
model class of the learned decisions (`events.linear.LinearModel`, the verifier's too). Its features are
sparse only: the parser's context vectors (`doc.tensor`) were tried as dense features and dropped (BENCHMARKS.md,
Event verifier and calibrated confidence).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dateline.config import package_data
from dateline.events import linear
from dateline.events.lexicon import TriggerEntry
from dateline.events.linear import LinearModel
from dateline.events.ontology import load_ontology
from dateline.events.token_columns import sentence_range, token_columns

MODEL_DIR = package_data("models")
MODEL_NAME = "event_detector"
#: Bumped whenever `detector_features` changes: a model trained on other features is refused.
FEATURE_VERSION = 1
NONE = "NONE"
#: Parts of speech a trigger can have: events are reported by verbs and event nouns.
CANDIDATE_POS = frozenset({"VERB", "NOUN"})
#: Dependents that say who acted and on whom: their entity types are features.
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "poss"})
#: A token whose dependent in one of these slots is a lexicon trigger is not proposed: the dependent names
#: the happening ("sent donations", "launched an attack", "held talks"), a proposal would code it twice. A clausal
#: complement too ("officials said the army had shelled the town", "announced it would withdraw"): the verb that
#: reports the act is no act of its own, and a proposal on it made the act it reports that event's content
#: (hypothetical, so hidden): on the PLOVER GSR, 11 events the lexicon had coded were lost so (BENCHMARKS.md,
#: eleventh session: typing).
CARRIER_DEPS = frozenset({"dobj", "nsubjpass", "attr", "xcomp", "ccomp"})
#: How the rule names a proposal in `dateline show`.
RULE_PREFIX = "proposed by the learned detector"

#: Detectors in force instead of the packaged one, innermost last (None: no detector).
_IN_FORCE: list[LinearModel | None] = []


@contextmanager
def using_detector(model: LinearModel | None) -> Iterator[None]:
    """Run the coder with another detector (a cross-validation fold's), or with none."""
    _IN_FORCE.append(model)
    try:
        yield
    finally:
        _IN_FORCE.pop()


def undetected() -> Any:
    """Run the coder without the detector: the lexicon's candidates only."""
    return using_detector(None)


def read_model(folder: Path = MODEL_DIR) -> LinearModel:
    """Read and check a detector (format, role, feature version, the weights' hash)."""
    return linear.read_model(folder, MODEL_NAME, FEATURE_VERSION)


@lru_cache(maxsize=1)
def load_model() -> LinearModel | None:
    """The packaged detector, loaded once; None when it is not installed (the lexicon alone proposes)."""
    return linear.installed_model(MODEL_DIR, MODEL_NAME, FEATURE_VERSION)


def is_candidate(token: Any) -> bool:
    """Whether a token can report an event: an alphabetic verb or noun."""
    return token.pos_ in CANDIDATE_POS and token.is_alpha and len(token.text) > 2


def candidate_tokens(sent: Any) -> list[Any]:
    """The tokens of a sentence that `is_candidate` takes, read from the parse's columns (`events.token_columns`):
    no `Token` is made for the others, most of the sentence."""
    doc, positions = sentence_range(sent)
    columns = token_columns(doc)
    pos, alpha, length = columns.pos, columns.alpha, columns.length
    return [doc[i] for i in positions if pos[i] in CANDIDATE_POS and alpha[i] and length[i] > 2]


def detector_features(token: Any, lexicon_types: dict[int, str]) -> list[str]:
    """What the detector reads of a token: its word and syntax, its arguments, the lexicon around it.

    `lexicon_types` maps the token index of each lexicon trigger of the sentence to its type, so the
    model learns which neighbours of a trigger ("launched" of "launched an attack") report nothing of
    their own. The token's own lexicon type is left out: the detector is trained on the lexicon's
    triggers too, and must read their type from the word and its context, as it must where no rule fired.
    """
    lemma, head = token.lemma_.lower(), token.head
    out = [f"l={lemma}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}",
           f"l|dep={lemma}|{token.dep_}", f"hl={head.lemma_.lower()}", f"hpos={head.pos_}",
           f"suf={lemma[-4:]}"]
    if head.i != token.i and head.i in lexicon_types:
        out.append(f"hlex={lexicon_types[head.i]}|{token.dep_}")
    if token.ent_type_:
        out.append(f"ent={token.ent_type_}")
    for child in token.children:
        out.append(f"cdep={child.dep_}")
        if child.i in lexicon_types:
            out.append(f"clex={lexicon_types[child.i]}|{child.dep_}")
        if child.dep_ in PARTY_DEPS:
            kind = _entity_kind(child)
            out += [f"{child.dep_}={child.lemma_.lower()}", f"{child.dep_}_ent={kind}",
                    f"l|{child.dep_}_ent={lemma}|{kind}"]
        elif child.dep_ == "prep":
            out.append(f"prep={child.lower_}")
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if objects:
                out.append(f"prep_ent={child.lower_}|{_entity_kind(objects[0])}")
        elif child.dep_ in ("neg", "aux", "auxpass"):
            out.append(f"{child.dep_}={child.lower_}")
    return out


def _entity_kind(token: Any) -> str:
    """The named-entity type of a dependent or of the name compounded into it ("police" has none)."""
    if token.ent_type_:
        return token.ent_type_
    named = next((c.ent_type_ for c in token.children if c.dep_ == "compound" and c.ent_type_), None)
    return named or ("PRON" if token.pos_ == "PRON" else "none")


def _carries(token: Any, lexicon_types: dict[int, str]) -> bool:
    """Whether a lexicon trigger fills the token's object or complement slot (the trigger names the event)."""
    return any(c.i in lexicon_types and c.dep_ in CARRIER_DEPS for c in token.children)


def detect_triggers(sent: Any, lexicon_types: dict[int, str]) -> list[tuple[Any, TriggerEntry]]:
    """Tokens of a sentence the lexicon did not code that the detector reads as an event, with the
    entry that says which type and why; empty when the detector is off or not installed."""
    return detect_in_sentences([(sent, lexicon_types)])[0]


def detect_in_sentences(sentences: list[tuple[Any, dict[int, str]]]) -> list[list[tuple[Any, TriggerEntry]]]:
    """`detect_triggers` of many sentences (each with its lexicon triggers' types) with one call of the model.

    Each row's probabilities are computed apart from the others', so they are those of a sentence-by-sentence call;
    what one call saves is the model's fixed cost per call, paid once an article instead of once a sentence (the
    events stage spent an eighth of its time in the detector's model, most of it that fixed cost)."""
    model = _IN_FORCE[-1] if _IN_FORCE else load_model()
    if model is None:
        return [[] for _ in sentences]
    candidates = [[t for t in candidate_tokens(sent) if t.i not in types and not _carries(t, types)]
                  for sent, types in sentences]
    rows = [detector_features(t, types) for (_, types), tokens in zip(sentences, candidates, strict=True)
            for t in tokens]
    if not rows:
        return [[] for _ in sentences]
    ontology = load_ontology()
    probabilities = iter(model.probabilities_of_many(rows))
    found: list[list[tuple[Any, TriggerEntry]]] = []
    for tokens in candidates:
        found.append([])
        for token, probs in zip(tokens, probabilities, strict=False):  # a shared iterator: each takes its own
            best = int(np.argmax(probs))
            if model.classes[best] == NONE or probs[best] < model.threshold:
                continue
            type_name = model.classes[best]
            rule = f"{RULE_PREFIX}: '{token.lemma_.lower()}' ({token.pos_}) reads {type_name} (P={probs[best]:.2f})"
            found[-1].append((token, TriggerEntry(type=type_name, mode=None, cameo=ontology.event_type(type_name).cameo,
                                                  contexts=(), rule=rule, source="detector")))
    return found
