"""The judged shown events of the Timeline17 samples (`shown_sample.py`) as a verifier training source.

Each sample lists the events dateline *showed* at the default view on articles no model had seen, each judged `right`
or by the error class that makes it wrong (`shown_sample.CLASSES`). They are the region the verifier decides worst:
candidates it scored above the view, false more often than not. A candidate of the sample's articles is labelled by
the judged trigger it overlaps, read as the hand-labelled news is (`event_sources.news_labeller`: a type and the
status the event has, or NONE); a candidate on no judged trigger is left out, since nobody judged it. The verdicts
become:

* `right`: the shown type, with the shown status (a factual candidate of an event judged right as hypothetical or
  future is NONE, as a news label of that status makes it);
* `status`: the shown type with the status the judgement gives (`status`): the class comes after `wrong_type` in
  `CLASSES`, so the type was judged right and only the status wrong: exactly a news label;
* `non_political`, `verb_sense`, `generic_or_background`, `not_story`, `statistic`: NONE (no political event
  is reported there, whatever its type);
* `wrong_type`: left out. The judgement keeps no right type (a note at most), and the event is political:
  NONE would teach that a real event is none, and the shown type that a wrong type is right;
* `duplicate`: left out. It is the last class of `CLASSES`, so the mention reports a real event of the shown type
  and status that the grouping showed twice: a grouping error, not the verifier's. NONE would teach the verifier to
  drop true mentions for it, the type would teach it to keep showing the second copy.

Which samples: every sample of `shown_sample.SAMPLES` drawn up to and including the one whose labels file is the
source's path (`event_sources.SOURCES`: seed 1818's), so the later samples (1919, 2020, 2121 and on) stay out of
training and measure the models; the latest modification time of the files read keys the cached rows and
parses (`event_sources.source_mtime`), so a corrected earlier sample is read again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.events.verify import NONE
from dateline.model import Article
from event_sources import Labeller, news_labeller

#: The verdicts that say no political event is reported at the trigger.
NO_EVENT = frozenset({"non_political", "verb_sense", "generic_or_background", "not_story", "statistic"})
#: The verdicts left out of training (see the module docstring for why).
LEFT_OUT = frozenset({"wrong_type", "duplicate"})


def as_news_label(item: dict[str, Any]) -> dict[str, Any] | None:
    """A judged shown event as a news label (`trigger_span`, `label`, `status`), or None when its verdict is left
    out; an unknown verdict is refused, so a class added to the samples is decided here before it is trained on."""
    verdict = item["verdict"]
    if verdict in LEFT_OUT:
        return None
    if verdict == "right":
        label, status = item["shown_type"], item["shown_status"]
    elif verdict == "status":
        label, status = item["shown_type"], item["status"]
    elif verdict in NO_EVENT:
        label, status = NONE, "fact"
    else:
        raise ValueError(f"shown sample verdict {verdict!r} has no training label")
    return {"trigger_span": item["trigger_span"], "label": label, "status": status}


def shown_labeller(items: list[dict[str, Any]]) -> Labeller:
    """A candidate's label from the judged shown event whose trigger it overlaps (None on none, or on a verdict
    left out)."""
    return news_labeller([label for label in map(as_news_label, items) if label is not None])


def samples_up_to(path: Path) -> list[Path]:
    """The labels files of the samples drawn up to and including the one at `path`, in drawing order."""
    from shown_sample import SAMPLES

    files = list(SAMPLES.values())
    last = next((i for i, f in enumerate(files) if f.resolve() == path.resolve()), None)
    if last is None:
        raise ValueError(f"{path} is the labels file of no sample in shown_sample.SAMPLES")
    return files[: last + 1]


def read_shown(path: Path, limit: int, shared: Path | None = None) -> Iterator[tuple[Article, Labeller]]:
    """The articles of the samples up to `path`'s (`samples_up_to`), in id order, each with its labeller; their
    texts read from `shared` (the shared data folder beside the checkout unless given)."""
    from news_candidates import article, default_shared, read_labels

    by_article: dict[str, list[dict[str, Any]]] = {}
    for labels in samples_up_to(path):
        for item in read_labels(labels):
            by_article.setdefault(item["article"], []).append(item)
    for i, (article_id, items) in enumerate(sorted(by_article.items())):
        if limit and i >= limit:
            break
        yield article(shared or default_shared(), article_id), shown_labeller(items)
