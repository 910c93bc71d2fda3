"""The one place that composes the stages, in order.

    read -> parse -> story -> time -> places -> actors -> events

Each stage is a function `Document -> Document` that adds one kind of annotation.
Stages never import each other; they read what earlier stages left on the Document:

* story (`mark_story`): reads the text and parse; writes `excluded`, the stretches that are
  not the story (comments, captions, bylines, notices, the dateline prefix ...);
* time (`tag_timexes`): reads the text and parse; writes `timexes`;
* places (`tag_places`): reads the text and parse; writes `places`;
* actors (`tag_actors`): reads the text and parse; writes `actors`;
* events (`code_events`): reads `excluded` (no event from text that is not the story),
  `timexes`, `places` and `actors`; writes `events`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dateline.actors import tag_actors
from dateline.events import code_events
from dateline.geo import tag_places
from dateline.model import Article, Document
from dateline.nlp import load_model
from dateline.story import mark_story
from dateline.time import tag_timexes

Stage = Callable[[Document], Document]

#: The stages after the parse, in the order they run.
STAGES: tuple[Stage, ...] = (mark_story, tag_timexes, tag_places, tag_actors, code_events)


@dataclass
class Failure:
    """An article that could not be processed, and why."""

    origin: str
    reason: str


def run_stages(doc: Document, stages: Iterable[Stage] = STAGES) -> Document:
    """Run the post-parse stages on one parsed Document."""
    for stage in stages:
        doc = stage(doc)
    return doc


def process(articles: Iterable[Article], model: str | None = None, batch_size: int = 32,
            on_failure: Callable[[Failure], None] | None = None,
            stages: Iterable[Stage] = STAGES) -> Iterator[Document]:
    """Parse articles in batches with spaCy and run every stage on each.

    An article whose stages raise is reported through `on_failure` (with its origin and
    the reason) and skipped, so one bad article never stops a batch.
    """
    nlp = load_model(model)
    stages = tuple(stages)
    pending: list[Article] = []

    def flush() -> Iterator[Document]:
        # Readers enforce the user's --max-chars; spaCy's own limit must not be stricter.
        nlp.max_length = max(nlp.max_length, *(len(a.text) + 1 for a in pending))
        texts = (a.text for a in pending)
        for art, parsed in zip(pending, nlp.pipe(texts, batch_size=batch_size), strict=True):
            try:
                yield run_stages(Document(article=art, parsed=parsed), stages)
            except Exception as exc:  # one article must not stop the batch
                if on_failure is None:
                    raise
                on_failure(Failure(art.origin or art.id, f"{type(exc).__name__}: {exc}"))
        pending.clear()

    for art in articles:
        pending.append(art)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def process_one(article: Article, model: str | None = None) -> Document:
    """Run the whole pipeline on a single article."""
    return next(process([article], model=model))
