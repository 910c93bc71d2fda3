"""The view a sample tool judges at: the packaged verifier's default view, unless `--min-confidence` names one.

Why: the sample tools (`shown_sample.py`, `place_sample.py`, `party_errors.py`'s party samples,
`grouping_sample.py`) judge what a user sees, and a user sees the default view. Since the twenty-second session the
view is part of the model (`dateline.events.view`: the training run stores it in the verifier's metadata), so a
tool fixed at 0.35 would judge a retrained model at another operating point than the one it ships with. The tools
read it as the benchmarks and listings do (`verify.default_view`), and only when they use it: an explicit
`--min-confidence` always wins and needs no readable stored view. A verifier that stores no view (the shipped one of
the eighteenth session) is read at `view.FALLBACK_VIEW`, 0.35, so the committed samples' tallies do not move.

`thread_party_samples.SAMPLE_VIEW` stays a constant: it is the view the party samples *were judged at*, a fact
about their labels (which events have one), not the view a model shows now.
"""

from __future__ import annotations

import argparse
from pathlib import Path

OPTION_HELP = "the view to judge at (default: the installed verifier's stored view, 0.35 when it stores none)"


def add_view_option(parser: argparse.ArgumentParser, help_text: str = OPTION_HELP) -> None:
    """Give `parser` the `--min-confidence` option every sample tool takes, left unset (None) unless given, so the
    model's view is read only when the option is absent (`chosen_view`)."""
    parser.add_argument("--min-confidence", type=float, default=None, help=help_text)


def chosen_view(given: float | None, folder: Path | None = None) -> float:
    """`given` when the command line named a threshold, else the default view of the verifier in `folder` (the
    packaged one by default): its stored view, or 0.35 when it stores none or is not installed."""
    if given is not None:
        return given
    from dateline.events import verify

    return verify.default_view(verify.MODEL_DIR if folder is None else folder)
