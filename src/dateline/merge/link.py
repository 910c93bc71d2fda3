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

from dateline.merge.rules import (
    DATE_NAMES,
    STOPWORDS,
    conflict_reason,
    reaches_back,
    same_day,
    sentence_similarity,
    shared_parties,
)
from dateline.model import Event

#: The shipped model: feature names, weights, intercept and threshold, with how they were measured.
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "merge_link.json"
#: The features, in the model's order (`link_features` gives them by these names).
#: (Dated to one day, measured as well, weighed nothing once both being dated by their text was known.)
#: `reaches_back`: the two meet only through the background reach (`rules.BACKGROUND_DAYS`), a report a month on.
FEATURES = ("dice", "close_wording", "shared_number", "shared_names", "shared_roles", "both_dated", "reaches_back")
#: Sentences sharing this much of their content words (Dice) are worded alike: most of a report retold.
CLOSE_WORDING = 0.7
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W{0,2}$")
_WORD_AFTER = re.compile(r"^\W{0,2}([A-Za-z]+)")
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
#: A capitalised word that does not open the sentence: a name ("Ghonim", "Horizon", "Tahrir").
_NAME = re.compile(r"(?<=[\w,;:'\"()-] )[A-Z][a-z]{2,}")
#: Names shared up to this many count (a longer shared name says no more).
_NAMES_CAP = 3


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


def _part_of_date(sentence: str, match: re.Match[str]) -> bool:
    """Whether a number is a year or the day beside a month name ("April 20", "1 February")."""
    if _YEAR.fullmatch(match.group()):
        return True
    before = _WORD_BEFORE.search(sentence, 0, match.start())
    after = _WORD_AFTER.match(sentence[match.end():])
    return any(word and word.group(1).lower() in DATE_NAMES for word in (before, after))


@functools.lru_cache(maxsize=65536)
def sentence_numbers(sentence: str) -> frozenset[str]:
    """The counts and amounts a sentence writes in digits ("11", "5,000", "1.3"); the parts of its dates are
    left out (two reports of one day share those with every other report of that day)."""
    return frozenset(m.group() for m in _NUMBER.finditer(sentence) if not _part_of_date(sentence, m))


@functools.lru_cache(maxsize=65536)
def sentence_names(sentence: str) -> frozenset[str]:
    """The capitalised words inside a sentence (not its first word), lower-cased, function words left out."""
    return frozenset(w.lower() for w in _NAME.findall(sentence)) - STOPWORDS


def _dated(event: Event) -> bool:
    """Whether the text dated the event itself (a value with no `date_mod`; an undated event gets its
    article's date as an upper bound)."""
    return event.date is not None and event.date_mod is None


def _party_words(*events: Event) -> frozenset[str]:
    """The words of the events' party names (weighed as parties, not again as names)."""
    names = (f"{p.name} {p.text or ''}" for e in events for p in e.actors + e.recipients)
    return frozenset(word.lower() for name in names for word in name.split())


def shared_names(a: Event, b: Event) -> frozenset[str]:
    """The names both sentences hold, other than their parties' names ("President Hosni Mubarak" is in every
    report of a story: it tells the story, not the happening)."""
    return sentence_names(a.evidence.sentence) & sentence_names(b.evidence.sentence) - _party_words(a, b)


def link_features(a: Event, b: Event) -> dict[str, float]:
    """What two reports share, as the model's numbers (symmetric in a and b)."""
    first, second = a.evidence.sentence, b.evidence.sentence
    dice = sentence_similarity(first, second)
    return {"dice": dice,
            "close_wording": float(dice >= CLOSE_WORDING),
            "shared_number": float(bool(sentence_numbers(first) & sentence_numbers(second))),
            "shared_names": min(len(shared_names(a, b)), _NAMES_CAP) / _NAMES_CAP,
            "shared_roles": float(len(shared_parties(a, b))),
            "both_dated": float(_dated(a) and _dated(b)),
            "reaches_back": float(reaches_back(a, b))}


def _explained(a: Event, b: Event, features: dict[str, float]) -> list[str]:
    """The shared things behind a link, in words."""
    first, second = a.evidence.sentence, b.evidence.sentence
    why = [f"sentences share {features['dice']:.0%} of their words"]
    if features["shared_number"]:
        why.append(f"numbers {', '.join(sorted(sentence_numbers(first) & sentence_numbers(second)))} in both")
    if features["shared_names"]:
        why.append(f"names {', '.join(sorted(shared_names(a, b)))} in both")
    why += [f"parties {names} in both" for names in shared_parties(a, b)]
    if same_day(a, b):
        why.append(f"same day ({a.date} / {b.date})")
    elif features["both_dated"]:
        why.append(f"both dated by their text ({a.date} / {b.date})")
    if features["reaches_back"]:
        why.append(f"told later as background (one date is only an upper bound: {a.date} / {b.date})")
    return why


def link_probability(a: Event, b: Event, model: LinkModel | None = None) -> float | None:
    """P(a and b report one happening), or None when something about them conflicts."""
    if conflict_reason(a, b):
        return None
    return (model or link_model()).probability(link_features(a, b))


def link_reason(a: Event, b: Event, model: LinkModel | None = None) -> str | None:
    """Why a and b (of different articles) report one happening, or None when they may not or need not.

    Symmetric up to the wording: `link_reason(a, b)` is None exactly when `link_reason(b, a)` is.
    """
    if conflict_reason(a, b):
        return None
    model = model or link_model()
    features = link_features(a, b)
    probability = model.probability(features)
    if probability < model.threshold:
        return None
    return f"same type {a.type}, p={probability:.2f}: " + "; ".join(_explained(a, b, features))


__all__ = ["FEATURES", "LinkModel", "link_features", "link_model", "link_probability", "link_reason",
           "sentence_names", "sentence_numbers"]
