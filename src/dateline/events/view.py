"""The default view: the confidence at or above which listings show an event, chosen with the verifier.

A verifier's confidence is its calibrated probability that an event is real and of its type, and each retrain
fits another probability map: a fixed view (0.35 until the twenty-second session) then sits at another point of
each new model's precision/recall curve, and a retrain that ranks better could show fewer right events at it.
So the view is part of the model: `tools/train_event_model.py` chooses it by its cross-validation
(`tools/model_view.py` says the criterion) and writes it into the verifier's metadata (`event_verifier.json`,
key `view`), and `extract`, `events`, timelines, exports and the API read it from there as their default
(`--min-confidence` still wins).

A stored view that is no confidence (outside 0-1, or no number: a hand edit gone wrong) raises `ViewError`, naming
the file and the field and saying how to mend it, where the view is used: a listing that shows events by default.
It is read when first used, not at import (`verify.packaged_view`), so `dateline --help`, or a command given
`--min-confidence`, works with a broken metadata file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: The view when no installed verifier says one (no verifier, or one trained before the view was stored): the
#: number every listing used before the twenty-second session, chosen once on the events-gold cross-validation.
FALLBACK_VIEW = 0.35
#: The metadata key the training script writes the view under, and the key of the threshold inside it.
VIEW_KEY = "view"
THRESHOLD_KEY = "min_confidence"


class ViewError(ValueError):
    """A view stored in a model's metadata that is no confidence: every listing shown at it would be wrong, so it
    is refused, with the file, the field and the mend in the message (a `ValueError`, as the check always was)."""


def view_of(meta: Mapping[str, Any], source: str = "the model's metadata") -> float | None:
    """The view stored in a model's metadata (read from `source`, named in the error), or None when it has none (a
    model trained before views were stored); refused with `ViewError` when it is no confidence between 0 and 1 (a
    number outside, or no number: a string, a boolean, NaN), since every listing would then be wrong."""
    stored = meta.get(VIEW_KEY)
    if not isinstance(stored, Mapping) or stored.get(THRESHOLD_KEY) is None:
        return None
    raw = stored[THRESHOLD_KEY]
    value = float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else math.nan
    if not 0.0 <= value <= 1.0:  # NaN too
        raise ViewError(f"{source}: the field {VIEW_KEY}.{THRESHOLD_KEY} is {json.dumps(raw)}, no confidence between "
                        f"0 and 1. Set it to the view the training run chose (a number from 0 to 1), delete the "
                        f"{VIEW_KEY!r} field to show from {FALLBACK_VIEW}, or retrain the verifier "
                        "(data/models/SOURCE.md says how); until then pass --min-confidence to choose a view")
    return value


def stored_view(metadata: Path) -> float:
    """The view of the verifier whose metadata file is `metadata`: its stored view, else `FALLBACK_VIEW` (also
    when no verifier is installed, when the lexicon's own confidences are shown); `ViewError` names the file."""
    if not metadata.exists():
        return FALLBACK_VIEW
    found = view_of(json.loads(metadata.read_text(encoding="utf-8")), str(metadata))
    return FALLBACK_VIEW if found is None else found
