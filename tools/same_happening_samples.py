"""The grouping samples' hand keys as labelled pairs for the pair model (`tools/train_same_happening.py`).

    python tools/train_same_happening.py GOLD.json ARTICLES.jsonl T17_DIR --sample 1414=CAPTURE.pkl ...

Why: each grouping sample (`tools/grouping_sample.py`, `benchmarks/data/grouping_t17_<seed>.jsonl`) keys every
mention of every event the view shows to the happening it tells, on whole articles of outlets and stories the
hand pairs and events-gold barely cover. Two keyed mentions of one article are a labelled pair: one happening when
their keys are equal. A mention keyed null (a generic act, no event) or not keyed at all (a mention a later
pipeline makes that the sample's capture did not) says nothing, so its pairs are left out. The mentions and their
cues are read from a capture of the sample (`grouping_sample.py capture`), which runs the pipeline as it stands,
so the pairs are the ones the grouping of this tree is asked about.

Seeds in `HELD_OUT_SEEDS` (2020 and 2121, labelled cold by the twentieth and twenty-first sessions' grouping
engineers to measure a change) are never fitted nor used for the threshold: their articles get a source under
the trainer's held-out prefix and are reported apart.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from grouping_sample import happening_keys, mention_span

#: Samples kept out of fitting and threshold choice, to measure the retrained grouping on.
HELD_OUT_SEEDS = frozenset({2020, 2121})


def pair_labels(article_id: str, events: list[Any], keys: dict[tuple[str, tuple[int, int]], str | None]) -> dict[
        tuple[int, int], bool]:
    """Labels of the pairs of an article's mentions that both carry a happening key: one happening when equal."""
    keyed = [(i, keys.get((article_id, mention_span(e.evidence)))) for i, e in enumerate(events)]
    keyed = [(i, k) for i, k in keyed if k]
    return {(i, j): ki == kj for n, (i, ki) in enumerate(keyed) for j, kj in keyed[n + 1:]}


def sample_source(seed: int, held_out_prefix: str) -> str:
    """The source name a sample's articles are reported under (held out or fitted)."""
    name = f"grouping-{seed}"
    return f"{held_out_prefix}-{name}" if seed in HELD_OUT_SEEDS else f"t17-{name}"


def sample_articles(seed: int, captured: list[dict[str, Any]], labels: list[dict[str, Any]],
                    held_out_prefix: str) -> list[dict[str, Any]]:
    """The trainer's article records of one sample: the captured mentions, their cues, and the keyed pairs."""
    keys = happening_keys(labels)
    source = sample_source(seed, held_out_prefix)
    out = []
    for item in captured:
        out.append({"id": item["id"], "date": item["date"], "events": item["events"], "cues": item["cues"],
                    "lead": item["lead"], "outlet": "t17", "source": source,
                    "labels": pair_labels(item["id"], item["events"], keys)})
    return out


def read_samples(specs: list[str], data: Path, held_out_prefix: str) -> list[dict[str, Any]]:
    """The articles of each `SEED=CAPTURE.pkl` given, keyed by `data/grouping_t17_<SEED>.jsonl`."""
    import json

    out: list[dict[str, Any]] = []
    for spec in specs:
        seed_text, _, path = spec.partition("=")
        seed = int(seed_text)
        labels_file = data / f"grouping_t17_{seed}.jsonl"
        labels = [json.loads(line) for line in labels_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        out += sample_articles(seed, pickle.loads(Path(path).read_bytes()), labels, held_out_prefix)
    return out
