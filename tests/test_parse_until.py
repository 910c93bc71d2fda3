"""Doing less in the parse (issue 13): text after a cue that ends the story (a reader comment section) is
tokenised but not parsed, and the Doc still covers the whole text; stage indexes made once per parse."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from dateline.events.dating_mentions import _NOUNS, nouns_by_lemma
from dateline.model import Article, Document
from dateline.nlp import parse_until
from dateline.pipeline import process
from dateline.story import mark_story, story_end

DAY = dt.date(2011, 2, 5)
STORY = "Police arrested ten protesters in Cairo on Friday.\n\nThe arrests drew more protests on Saturday.\n\n"
COMMENTS = "Comments (2)\n\nSamir wrote: the army attacked us in Alexandria too.\nNobody cares, said Mona."


@pytest.mark.parametrize(("text", "after"), [
    (STORY + COMMENTS, "Samir wrote"),  # a heading cue: its own line stays in, the comments go
    (STORY + "We welcome comments that advance the story.\nGreat article.", "Great article"),  # a cue mid-text
    ("Troops fired on the crowd. We welcome comments on this story.\n\nFirst!", "First!"),  # the cue's line stays
])
def test_the_story_ends_after_the_line_of_a_cue_that_marks_the_rest(text: str, after: str) -> None:
    assert text[story_end(text):].startswith(after)


def test_a_text_without_such_a_cue_is_story_to_its_end() -> None:
    text = "Readers sent comments to the ministry, which said the protest was over.\nComments were many."
    assert story_end(text) == len(text)


def test_the_text_after_the_story_end_is_tokenised_but_not_parsed(nlp) -> None:
    text = STORY + COMMENTS
    end = story_end(text)
    (doc,) = parse_until(nlp, [text], [end])
    assert doc.text == text
    full = nlp(text)
    assert [t.text for t in doc] == [t.text for t in full]
    story = text.index("Comments")  # the cue's own line is parsed too, but is left out of the story
    before = [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc if t.idx < story]
    assert before == [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in full if t.idx < story]
    tail = [t for t in doc if t.idx >= end]
    assert all(t.tag_ == t.dep_ == t.ent_type_ == t.lemma_ == "" for t in tail)
    assert [s.text.strip() for s in doc.sents if s.start_char >= end] == [
        "Samir wrote: the army attacked us in Alexandria too.", "Nobody cares, said Mona."]
    assert doc.tensor.shape == (len(doc), full.tensor.shape[1])


def test_the_pipeline_leaves_the_comment_section_unparsed_and_out_of_the_story(nlp) -> None:
    text = STORY + COMMENTS
    article = Article(id="a", text=text, date=DAY)
    (doc,) = process([article])
    in_comments = [t for t in doc.parsed if t.idx >= text.index("Samir")]
    assert in_comments and not any(t.pos_ for t in in_comments)
    fully_parsed = mark_story(Document(article=article, parsed=nlp(text)))
    assert doc.excluded == fully_parsed.excluded
    assert doc.events and all(e.evidence.start < text.index("Comments") for e in doc.events)


def test_nouns_are_indexed_by_lemma_once_per_parse_without_keeping_the_parse(nlp) -> None:
    doc = nlp("The attack came at dawn. A second attack followed, and the attacks went on.")
    index = nouns_by_lemma(doc)
    assert [doc[i].text for i in index["attack"]] == ["attack", "attack", "attacks"]
    assert nouns_by_lemma(doc) is index
    kept = len(_NOUNS)
    del doc, index
    gc.collect()
    assert len(_NOUNS) == kept - 1
