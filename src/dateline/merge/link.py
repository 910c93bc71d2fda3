"""Whether two article-level events report one happening: a small learned model over what they share.

Once nothing about two events conflicts (`dateline.merge.rules.conflict_reason`), the evidence that
they are one happening is what their reports share: the words of their sentences, the numbers
("killed 11 workers", "101 attacks"), the names ("Deepwater Horizon", "Ghonim"), their parties,
their day, and whether both were dated by the text itself. `link_features` reads these as numbers;
a logistic model (`merge_link.json` under `data/models/`, written by `tools/train_merge_model.py`
from hand-labelled pairs, cross-validated) weighs them into a probability, and a link needs
`LinkModel.threshold`. Each feature's share of the score is what `link_reason` says, so a link is
explained by what the two reports have in common.

Pure: two events in, a decision out; nothing else stored or read, so a link does not depend on
what else is stored or on the order articles came in.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from dateline.merge.parties import references_read_two_ways
from dateline.merge.quotes import shared_quote
from dateline.merge.rules import (
    Report,
    conflict_between,
    copied,
    report_of,
    same_day,
    shared_parties_between,
)
from dateline.merge.text import CLOSE_WORDING, dice, evidence_dice, sentence_names, sentence_numbers
from dateline.model import Event

#: The shipped model: feature names, weights, intercept and threshold, with how they were measured.
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "merge_link.json"
#: The features, in the model's order (`link_features` gives them by these names).
#: (Dated to one day, measured as well, weighed nothing once both being dated by their text was known.)
#: `dice`: the sentences' content words shared, as `text.evidence_dice` (short sentences discounted).
#: `reaches_back`: the two meet only through the background reach (`spans.BACKGROUND_DAYS`), a report a month on.
#: `same_past_day`: both retell one day their texts give, well before both articles (`spans.past_day`: "the rig
#: exploded on April 20", weeks on); reports of the articles' own days share their day with every other report of it.
#: `dated_same_act`: both dated by their text and their triggers name one act (`text.trigger_stem`: "exploded" /
#: "explosion"): a happening retold in a clause of a sentence about other news shares little of its sentence's wording
#: but its act and its day, where two reports of one day that tell other acts ("met" / "depart") share the day alone.
FEATURES = ("dice", "close_wording", "shared_number", "shared_names", "shared_roles", "both_dated", "reaches_back",
            "same_past_day", "dated_same_act")
#: Names shared up to this many count (a longer shared name says no more).
NAMES_CAP = 3
#: How `link_between` states a link's probability in its reason (`link_strength` reads it back).
_STATED_PROBABILITY = re.compile(r"\bp=(\d+(?:\.\d+)?)")
#: How a link's reason says that both reports retell one past day (`retells_one_past_day` reads it back).
RETOLD = "both retell"


@dataclass(frozen=True)
class LinkModel:
    """A logistic model over `FEATURES`: weights, intercept, and the probability a link needs."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """P(one happening) of a pair with these features."""
        score = self.intercept + sum(w * features[name] for w, name in zip(self.weights, FEATURES, strict=True))
        return 1.0 / (1.0 + math.exp(-score))


@functools.cache
def link_model(path: Path = MODEL_PATH) -> LinkModel:
    """The shipped link model (read once); a file whose features differ from `FEATURES` is refused."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} holds features {data['features']}, this code reads {list(FEATURES)}: "
                         "retrain it with tools/train_merge_model.py")
    return LinkModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]), float(data["threshold"]))


def _shared_names(a: Report, b: Report) -> frozenset[str]:
    """The names both sentences hold, other than their parties' names ("President Hosni Mubarak" is in every
    report of a story: it tells the story, not the happening): what the reports' `own_names` share."""
    return a.own_names & b.own_names


def link_features(a: Event, b: Event) -> dict[str, float]:
    """What two reports share, as the model's numbers (symmetric in a and b)."""
    return features_between(report_of(a), report_of(b))


def features_between(a: Report, b: Report) -> dict[str, float]:
    """`link_features` of two events' reports (`report_of`)."""
    similarity = evidence_dice(a.words, b.words)
    return {"dice": similarity,
            "close_wording": float(similarity >= CLOSE_WORDING),
            "shared_number": float(bool(a.numbers & b.numbers)),
            "shared_names": min(len(_shared_names(a, b)), NAMES_CAP) / NAMES_CAP,
            "shared_roles": float(len(shared_parties_between(a, b))),
            "both_dated": float(a.dated and b.dated),
            "reaches_back": _reaches_back(a, b),
            "same_past_day": float(a.past_day is not None and a.past_day == b.past_day),
            "dated_same_act": float(a.dated and b.dated and a.trigger == b.trigger)}


def _reaches_back(a: Report, b: Report) -> float:
    """1.0 when two reports meet only through the background reach: their merge spans overlap (no conflict), their
    own spans (`date_span`) do not ("the explosion that killed 11 workers", undated, a month after the dated one)."""
    return float(bool(a.span and b.span and not a.span.overlaps(b.span.first, b.span.last)))


def quotation_between(a: Report, b: Report) -> str | None:
    """The words one report quotes and the other writes word for word, each report's trigger standing alike to them
    (`quotes.shared_quote`), or None: two reports that carry one quotation retell one statement, however little else
    of their wording they share."""
    if not (a.quoted or b.quoted):
        return None
    return shared_quote(a.sentence, b.sentence, _trigger_offset(a), _trigger_offset(b))


def _trigger_offset(report: Report) -> int | None:
    """Where the report's trigger starts in its sentence (its `canonical_key` holds both offsets in the article)."""
    _, _, sentence_start, trigger_start, _ = report.key
    return trigger_start - sentence_start if trigger_start >= sentence_start else None


def _explained(a: Report, b: Report, features: dict[str, float], quotation: str | None) -> list[str]:
    """The shared things behind a link, in words (from what `report_of` read of each)."""
    why = [f"sentences share {dice(a.words, b.words):.0%} of their words"]
    if quotation:
        why.append(f"both carry the quotation \"{quotation}\"")
    if a.mode and b.mode and a.mode != b.mode:  # they link only when worded alike (`rules._one_wording`)
        why.append(f"modes {a.mode} / {b.mode} read from one wording")
    if references_read_two_ways(a, b):
        why.append("parties read from a reference (a pronoun, an earlier act's actor) coded two ways in one wording")
    if a.date != b.date and copied(a, b):
        why.append(f"one sentence printed again, dated by each page ({a.date} / {b.date})")
    if features["shared_number"]:
        why.append(f"numbers {', '.join(sorted(a.numbers & b.numbers))} in both")
    if features["shared_names"]:
        why.append(f"names {', '.join(sorted(_shared_names(a, b)))} in both")
    why += [f"parties {names} in both" for names in shared_parties_between(a, b)]
    if same_day(a, b):
        why.append(f"same day ({a.date} / {b.date})")
    elif features["both_dated"]:
        why.append(f"both dated by their text ({a.date} / {b.date})")
    if features["dated_same_act"]:
        why.append(f"one act ({a.trigger}…) on the days their texts give")
    if features["same_past_day"]:
        why.append(f"{RETOLD} {a.date}, days before their articles")
    if features["reaches_back"]:
        why.append(f"told later as background (one date is only an upper bound: {a.date} / {b.date})")
    return why


def link_probability(a: Event, b: Event, model: LinkModel | None = None) -> float | None:
    """P(a and b report one happening), or None when something about them conflicts."""
    first, second = report_of(a), report_of(b)
    if conflict_between(first, second):
        return None
    return (model or link_model()).probability(features_between(first, second))


def link_reason(a: Event, b: Event, model: LinkModel | None = None) -> str | None:
    """Why a and b (of different articles) report one happening, or None when they may not or need not.

    Symmetric up to the wording: `link_reason(a, b)` is None exactly when `link_reason(b, a)` is.
    """
    return link_between(report_of(a), report_of(b), model)


def link_between(a: Report, b: Report, model: LinkModel | None = None) -> str | None:
    """`link_reason` of two events' reports (`report_of`): what a merge comparing many pairs calls. Two reports
    that carry one quotation (`quotation_between`) are linked whatever the model weighs: the quotation is evidence
    the model's features do not hold (it weighs shared words as a bag, and the few labelled pairs that quote alike
    could not teach it a weight); the reason states the model's probability all the same, which ranks the link in
    the grouping (`grouping`)."""
    if conflict_between(a, b):
        return None
    model = model or link_model()
    features = features_between(a, b)
    probability = model.probability(features)
    quotation = quotation_between(a, b)
    if probability < model.threshold and quotation is None:
        return None
    return f"same type {a.type}, p={probability:.2f}: " + "; ".join(_explained(a, b, features, quotation))


def link_strength(reason: str) -> float:
    """The probability a stored link's reason states (`link_between` writes "p=0.92"), so the grouping can take the
    surest links first without the store keeping a number beside each reason; 1.0 for a link whose reason states
    none (one given by a caller, not weighed by the model)."""
    stated = _STATED_PROBABILITY.search(reason)
    return float(stated.group(1)) if stated else 1.0


def retells_one_past_day(reason: str) -> bool:
    """Whether a stored link's reason says both reports retell one past day their texts give (`same_past_day`), so
    the grouping can bind such links without the store keeping a flag beside each reason."""
    return f"; {RETOLD} " in reason


__all__ = ["CLOSE_WORDING", "FEATURES", "LinkModel", "features_between", "link_between", "link_features", "link_model",
           "link_probability", "link_reason", "link_strength", "quotation_between", "retells_one_past_day",
           "sentence_names", "sentence_numbers"]
