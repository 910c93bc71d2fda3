"""A noun named by its day, a person or a body points back; a participle describing a person is not tied to what is
done to them next (`events.group_cues`)."""

from __future__ import annotations

import datetime as dt

from dateline.events.group import mention_cues, mentions_of
from dateline.events.sentence_ties import tied_in_sentence
from dateline.model import Event, Evidence

DAY = dt.date(2019, 5, 14)


def _at(text: str, word: str, type_: str = "COERCE") -> Event:
    start = text.index(word)
    return Event(id=f"{word}@{start}", type=type_,
                 evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word, trigger_start=start,
                                   trigger_end=start + len(word)))


def _tied(make_doc, text: str, first: str, second: str, type_: str = "COERCE") -> bool:
    doc = make_doc(text)
    events = [_at(text, first, type_), _at(text, second, type_)]
    a, b = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    return tied_in_sentence(a, b)


def test_a_past_participle_describing_a_person_is_not_tied_to_the_next_act_done_to_them(make_doc) -> None:
    assert not _tied(make_doc, "A farmer detained at the border crossing was forced to sign a confession.",
                     "detained", "forced")
    assert not _tied(make_doc, "The journalists arrested in the capital were expelled from the country.",
                     "arrested", "expelled")


def test_a_clause_describing_the_act_itself_or_its_doer_stays_tied(make_doc) -> None:
    assert _tied(make_doc, "The raid carried out by the police shocked the village.", "raid", "carried")
    assert _tied(make_doc, "The market was targeted by a gunman who killed five shoppers.", "targeted", "killed",
                 "ASSAULT")


def _definite(make_doc, text: str, word: str) -> bool:
    doc = make_doc(text)
    return mention_cues(_at(text, word, "PROTEST"), doc.parsed).definite


def test_a_noun_named_by_its_day_points_back(make_doc) -> None:
    assert _definite(make_doc, "Saturday's rallies drew thousands of farmers to the capital.", "rallies")
    assert not _definite(make_doc, "The farmers' rallies drew thousands of people to the capital.", "rallies")


def test_a_noun_whose_only_phrase_names_its_day_points_back(make_doc) -> None:
    assert _definite(make_doc, "The rallies on Saturday drew thousands of farmers.", "rallies")
    assert not _definite(make_doc, "The rallies of the farmers drew thousands of people.", "rallies")


def test_a_relative_clause_set_off_by_a_comma_does_not_make_a_first_mention(make_doc) -> None:
    assert _definite(make_doc, "The judge adjourned the rally, which had drawn thousands, until Monday.", "rally")
    assert not _definite(make_doc, "The judge adjourned the rally that had drawn thousands until Monday.", "rally")


def test_a_noun_named_by_a_person_or_body_points_back(make_doc) -> None:
    assert _definite(make_doc, "Senator Alan Whitby's rally drew thousands of farmers.", "rally")
    assert _definite(make_doc, "Greenpeace's rally drew thousands of farmers to the capital.", "rally")


def test_a_noun_named_by_a_place_or_a_common_noun_is_left_as_it_was(make_doc) -> None:
    # a place names which wave of protests is meant; the place veto needs the locator's reading of it
    assert not _definite(make_doc, "Portugal's rallies drew thousands of farmers to the capital.", "rallies")
    assert not _definite(make_doc, "The farmers' rallies drew thousands of people to the capital.", "rallies")
