"""The one place that composes the stages, in order.

    read -> parse -> story -> time -> places -> actors -> events

Each stage is a function `Document -> Document` that adds one kind of annotation.
Stages never import each other; they read what earlier stages left on the Document:

* story (`mark_story`): reads the text and parse; writes `excluded`, the stretches that are
  not the story (comments, captions, bylines, notices, the dateline prefix ...);
* time (`tag_timexes`): reads the text and parse; writes `timexes` (and `written`, a later writing day);
* places (`tag_places`): reads the text and parse; writes `places`;
* actors (`tag_actors`): reads the text and parse; writes `actors`;
* events (`code_events`): reads `excluded` (no event from text that is not the story),
  `timexes`, `places` and `actors`; writes `events`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dateline.actors import tag_actors
from dateline.budget import article_budget, check_deadline
from dateline.config import settings
from dateline.events import code_events
from dateline.geo import tag_places
from dateline.model import Article, Document
from dateline.nlp import load_model, parse_until
from dateline.story import mark_story, story_end
from dateline.time import tag_timexes

Stage = Callable[[Document], Document]

#: The stages after the parse, in the order they run.
STAGES: tuple[Stage, ...] = (mark_story, tag_timexes, tag_places, tag_actors, code_events)


@dataclass
class Failure:
    """An article that could not be processed, and why."""

    origin: str
    reason: str


def run_stages(doc: Document, stages: Iterable[Stage] = STAGES, seconds: float | None = None) -> Document:
    """Run the post-parse stages on one parsed Document, within `seconds` (None: no limit).

    The deadline is checked between stages and inside the loops that grow with the article
    (`dateline.budget`); an article over it raises `OverBudget`, naming the stage.
    """
    with article_budget(seconds) as deadline:
        for stage in stages:
            if deadline is not None:
                deadline.stage = stage.__name__
            check_deadline()
            doc = stage(doc)
        check_deadline()
    return doc


def process(articles: Iterable[Article], model: str | None = None, batch_size: int = 32,
            on_failure: Callable[[Failure], None] | None = None,
            stages: Iterable[Stage] = STAGES, article_seconds: float | None = None,
            batch_chars: int | None = None) -> Iterator[Document]:
    """Parse articles in batches with spaCy and run every stage on each.

    An article whose parse or stages raise, or whose stages take longer than `article_seconds`,
    is reported through `on_failure` (with its origin and the reason) and skipped, so one bad
    article never stops a batch. A batch holds at most `batch_size` articles and `batch_chars`
    characters (a longer article is parsed alone), which bounds the memory of a batch's parses.
    Both limits default to the settings (`DATELINE_ARTICLE_SECONDS`, `DATELINE_BATCH_CHARS`).
    """
    nlp = load_model(model)
    stages = tuple(stages)
    seconds = settings().article_seconds if article_seconds is None else article_seconds
    max_batch_chars = settings().batch_chars if batch_chars is None else batch_chars
    pending: list[Article] = []

    def failed(art: Article, exc: Exception) -> None:
        if on_failure is None:
            raise exc
        on_failure(Failure(art.origin or art.id, f"{type(exc).__name__}: {exc}"))

    def flush() -> Iterator[Document]:
        # Readers enforce the user's --max-chars; spaCy's own limit must not be stricter.
        nlp.max_length = max(nlp.max_length, *(len(a.text) + 1 for a in pending))
        for art, parsed in parse_each(nlp, pending, batch_size, failed):
            try:
                yield run_stages(Document(article=art, parsed=parsed), stages, seconds)
            except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
                failed(art, exc)
        pending.clear()

    chars = 0
    for art in articles:
        if pending and chars + len(art.text) > max_batch_chars:
            yield from flush()
            chars = 0
        pending.append(art)
        chars += len(art.text)
        if len(pending) >= batch_size:
            yield from flush()
            chars = 0
    if pending:
        yield from flush()


def parse_each(nlp: Any, articles: list[Article], batch_size: int,
               failed: Callable[[Article, Exception], None]) -> Iterator[tuple[Article, Any]]:
    """The spaCy parse of each article, in a batch; when the batch's parse raises, the articles not
    yet parsed are parsed one by one, so only the article whose parse fails is lost (and reported).

    The whole batch is parsed before the first article goes on to the stages: while `nlp.pipe` is
    suspended inside a batch it still holds the parser's working memory for all of it (about 2 KB
    per character), and the stages' own allocations would come on top. Parsing first lowered the
    peak resident memory of 96 Timeline17 articles in batches of 100,000 characters from 1,010 MB
    to 659 MB.

    Text after the story's end (a reader comment section, `story.story_end`) is tokenised but not parsed:
    the story stage leaves all of it out whatever its parse, and it was 12 % of the parse of Timeline17's CNN
    pages (`nlp.parse_until`).
    """
    parsed: list[Any] = []
    texts = [a.text for a in articles]
    try:
        for doc in parse_until(nlp, texts, [story_end(text) for text in texts], batch_size):
            parsed.append(doc)
    except Exception:  # noqa: BLE001 - which article broke the batch is found below, one by one
        pass
    done = len(parsed)
    for index in range(done):
        doc, parsed[index] = parsed[index], None  # the batch keeps no parse the stages are done with
        yield articles[index], doc
    for art in articles[done:]:
        try:
            alone = next(parse_until(nlp, [art.text], [story_end(art.text)]))
        except Exception as exc:  # noqa: BLE001 - reported by name; the others go on
            failed(art, exc)
            continue
        yield art, alone


def process_one(article: Article, model: str | None = None) -> Document:
    """Run the whole pipeline on a single article."""
    return next(process([article], model=model))
