"""Bounded memory per worker (issue 13): a batch is parsed whole before its stages run, and batches are small."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from spacy.language import Language

from dateline.config import DEFAULT_BATCH_CHARS
from dateline.model import Article, Document
from dateline.nlp import load_model
from dateline.pipeline import process

PARSED: list[str] = []


@Language.component("dateline_test_parse_counter")
def count_parses(doc):
    """Counts the documents the model has finished (it runs last in the pipeline)."""
    PARSED.append(doc.text)
    return doc


def test_a_batch_is_parsed_whole_before_the_stages_of_its_first_article_run():
    # While spaCy's pipe is suspended inside a batch it holds the parser's working memory for the whole
    # batch; stages run on top of it would raise the peak. The stages must start once the pipe is done.
    texts = ["Turkey and Russia agreed on a ceasefire.", "Rebels shelled the town.", "Iran condemned the strike."]
    articles = [Article(id=f"a{n}", date=dt.date(2018, 9, 19), text=text) for n, text in enumerate(texts)]
    nlp = load_model(None)
    nlp.add_pipe("dateline_test_parse_counter", last=True)
    PARSED.clear()
    parsed_when_staged: list[int] = []

    def note(doc: Document) -> Document:
        parsed_when_staged.append(len(PARSED))
        return doc

    try:
        docs = list(process(articles, stages=(note,), batch_size=32))
    finally:
        nlp.remove_pipe("dateline_test_parse_counter")
    assert [d.article.id for d in docs] == ["a0", "a1", "a2"]
    assert parsed_when_staged == [3, 3, 3]


def test_the_default_batch_bounds_the_parse_memory_of_a_worker():
    # About 2 KB of parser memory per character of a batch: 100,000 characters is ~200 MB on top of the
    # model, gazetteer and dictionaries (~350 MB), which keeps a worker under 1 GB.
    assert DEFAULT_BATCH_CHARS <= 100_000


def test_releasing_memory_hands_the_freed_pages_of_a_fragmented_heap_back():
    # A parse frees most of what it allocated but not all; the C allocator keeps the freed pages between the
    # survivors unless asked to return them, so a worker would stay at the high water of its longest article.
    from dateline.scale.memory import _malloc_trim, release_memory, resident_mb

    if _malloc_trim() is None:
        pytest.skip("no malloc_trim in this C library")
    blocks = [bytes(4096) + bytes([n % 256]) for n in range(40_000)]  # ~160 MB of malloc'd (not pooled) objects
    survivors = blocks[::10]
    del blocks
    gc.collect()
    held = resident_mb()
    release_memory()
    assert held - resident_mb() > 60, "the freed pages between the survivors stayed resident"
    assert len(survivors) == 4_000


def test_a_text_longer_than_a_piece_is_parsed_in_pieces_cut_at_line_ends_with_the_same_sentences():
    # The parser's working memory (~3.5 KB a character) follows what is parsed at once: one 246,000-character page
    # took a worker 860 MB above its base; parsed in pieces of a batch's size, it costs what a batch costs.
    from itertools import pairwise

    from dateline.nlp import line_cuts, parse_until

    text = "\n".join(f"Protesters marched through Cairo on day {n} of the uprising, witnesses said." for n in range(40))
    cuts = line_cuts(text, 400)
    assert cuts and all(text[cut - 1] == "\n" for cut in cuts)
    assert all(last - first <= 400 for first, last in pairwise([0, *cuts, len(text)]))
    nlp = load_model(None)
    (pieces,) = parse_until(nlp, [text], [len(text)], piece_chars=400)
    (whole,) = parse_until(nlp, [text], [len(text)], piece_chars=len(text))
    assert pieces.text == text and pieces.has_annotation("DEP") and pieces.tensor.shape[0] == len(pieces)
    assert set(cuts) <= {sent.start_char for sent in pieces.sents}
    assert [s.text for s in pieces.sents] == [s.text for s in whole.sents]
