"""The photo caption that opens a page: the line above the story that tells what a picture shows.

News pages put the lead picture above the story, and a scrape keeps its caption as the text's first line, sometimes
after the page's date and byline (in words of our own: "June 3 , 2012 | By ... , News Staff Fishermen mend their nets
on the quay at Valparaiso ."). A caption tells its scene in the simple present ("Farmers block a highway near
Lyon", "A woman holds a placard outside the parliament"), where the story tells what happened in the past; the events
stage read protests, demands and clashes from it that are the picture's, not the story's (the falsealarms samples'
`not_story` class: 9 of the 34 such shown events of samples 120-2121 at ad3350b, in seven CNN pages). `story.shapes`
takes a present-tense caption that ends in a full date anywhere in the text; most lead captions carry no date.

`find_lead_caption` takes the sentence unit that ends the text's first line when it is a whole sentence (it ends in a
stop), short (`MAX_CAPTION_CHARS`), told in the simple present by a verb of doing (not a verb of saying: "The
ambassador says ..." opens a standfirst) whose subject is people of the scene no one has introduced (`_anonymous`: "A
woman holds", "Demonstrators clash"; a story's present is told of whom it knows: "The court hears the appeal"),
one clause with no seam of run-together items in it (a headline run into the story's first sentence is no
caption: `story.teasers.seams`), and when the text goes on after it.
A headline has no stop, and a story's first sentence tells the past ("Farmers blocked a highway near Lyon").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.story.shapes import Found, present_narration
from dateline.story.teasers import seams

#: The longest first-line unit read as a caption, a date and byline before it included (the captions seen: 84-163).
MAX_CAPTION_CHARS = 220
#: The determiners of a subject no one has introduced.
_INDEFINITE = frozenset({"a", "an"})
#: A clause's subjects: a caption is one clause (participles in it have none: "A man carrying a flag waves ...").
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: What ends a caption's sentence.
_STOPS = (".", "!")


def find_lead_caption(units: list[tuple[int, int]], lines: list[tuple[int, int]], text: str,
                      parsed: Any) -> Iterator[Found]:
    """The caption opening the text (see the module's docstring), as a `caption` stretch; nothing otherwise."""
    if parsed is None or len(lines) < 2:
        return
    first_line = lines[0]
    ending = [unit for unit in units if first_line[0] <= unit[0] and unit[1] == first_line[1]]
    if not ending:
        return
    start, end = ending[-1]
    if end - start > MAX_CAPTION_CHARS or not text[start:end].rstrip().endswith(_STOPS):
        return
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or seams(span) or not present_narration(span.root):
        return
    if sum(any(c.dep_ in _SUBJECTS for c in token.children) for token in span) != 1:
        return  # a headline run into the story's first sentence ("... aid to the valley Hundreds of families are")
    if any(child.dep_ == "nsubj" and _anonymous(child) for child in span.root.children):
        yield "caption", start, end, "the first line's sentence told in the simple present: the lead picture's caption"


def _anonymous(subject: Any) -> bool:
    """Whether a subject names people or things of a scene no one has introduced: a bare plural ("Demonstrators",
    "Egyptian protesters"), a nationality ("Egyptians") or one with "a" ("A woman", "An army soldier"). A story's
    subject in the present is one it knows ("The army takes control", "The court hears the appeal", "Mubarak
    says")."""
    determiners = {child.lower_ for child in subject.children if child.dep_ in ("det", "poss")}
    if subject.ent_type_ == "NORP" and not determiners:
        return True
    if subject.tag_ in ("NNS", "NNPS"):  # a capitalised plural opening the sentence may be tagged a name's
        return not determiners
    return subject.pos_ == "NOUN" and bool(determiners) and determiners <= _INDEFINITE


__all__ = ["find_lead_caption"]
