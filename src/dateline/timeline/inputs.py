"""The files road to a timeline: read articles and run the pipeline in memory, no store involved.

The whole pipeline gives events (their salience and the event filters); `fast` runs only what dates
and sentences need, a tokeniser with a rule-based sentence split and the time stage, about ten times
faster than the parse (the time stage then lacks the tense and counting checks of the parse, which
changed about 3 % of its values on Timeline17 news).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from dateline.model import Article, Document
from dateline.pipeline import Failure, process
from dateline.time import tag_timexes


@cache
def sentence_splitter() -> Any:
    """A spaCy pipeline with a tokeniser and a punctuation sentence splitter only (loaded once)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def dated_documents(articles: Iterable[Article], on_failure: Callable[[Failure], None] | None = None,
                    batch_size: int = 64) -> Iterator[Document]:
    """Documents with sentences and timexes only: the fast road for dates and sentences."""
    nlp = sentence_splitter()
    pending = list(articles)
    for art, parsed in zip(pending, nlp.pipe((a.text for a in pending), batch_size=batch_size), strict=True):
        try:
            yield tag_timexes(Document(article=art, parsed=parsed))
        except Exception as exc:  # one article must not stop the rest
            if on_failure is None:
                raise
            on_failure(Failure(art.origin or art.id, f"{type(exc).__name__}: {exc}"))


def processed_documents(articles: Iterable[Article], fast: bool = False, model: str | None = None,
                        on_failure: Callable[[Failure], None] | None = None) -> Iterator[Document]:
    """Documents for a timeline: the whole pipeline, or with `fast` only sentences and timexes."""
    if fast:
        return dated_documents(articles, on_failure)
    return process(articles, model=model, on_failure=on_failure)
