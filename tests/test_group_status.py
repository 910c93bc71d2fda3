"""Two tellings of one act read with two statuses (`events.group_status`, run by `events.group.happenings`): the
purpose infinitive of an act of its type joins that act, and a noun naming a known happening under another status
joins the fact it names."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.group import happenings, mention_cues, sentence_ordinals
from dateline.events.group_merge import merge_mentions
from dateline.events.group_status import PURPOSE_REASON, REASON
from dateline.model import Event
from mention_pairs import DAY, mention_at


def _grouped(make_doc, text: str,
             words: list[tuple[str, str, str]]) -> tuple[list[Event], list[tuple[list[int], dict, set]]]:
    """The mentions at `words` (word, type, status) and the groups `happenings` makes of them."""
    doc = make_doc(text)
    events = [replace(mention_at(text, word, type_), status=status)
              for word, type_, status in words]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    return events, happenings(events, cues, DAY)


def test_a_purpose_infinitive_joins_the_meeting_it_is_for(make_doc) -> None:
    text = "The health minister met the hospital unions in Leeds on Tuesday to discuss the strike."
    events, groups = _grouped(make_doc, text, [("met", "CONSULT", "fact"), ("discuss", "CONSULT", "hypothetical")])
    assert [members for members, _, _ in groups] == [[0, 1]]
    assert groups[0][1][1] == PURPOSE_REASON
    # the purpose lends the event nothing: the meeting is a fact, whichever mention is surer
    events[1] = replace(events[1], confidence=0.9)
    merged = merge_mentions(events, groups[0][1], frozenset(groups[0][2]))
    assert merged.status == "fact" and merged.evidence.trigger == "met"


def test_an_objects_infinitive_is_the_objects_act(make_doc) -> None:
    # "pressed the governors to demand": the governors would demand, another act than the pressing
    text = "The bishop pressed the provincial governors to demand a truce."
    _, groups = _grouped(make_doc, text, [("pressed", "REQUEST", "fact"), ("demand", "REQUEST", "hypothetical")])
    assert [members for members, _, _ in groups] == [[0], [1]]


def test_a_purpose_of_another_type_stays_apart(make_doc) -> None:
    text = "Farmers blocked the ring road with tractors on Monday to demand lower fuel taxes."
    _, groups = _grouped(make_doc, text, [("blocked", "PROTEST", "fact"), ("demand", "REQUEST", "hypothetical")])
    assert [members for members, _, _ in groups] == [[0], [1]]


LAWSUITS = ("Tenants filed petitions against the landlord on Monday. The court will rule on whether to merge the "
            "petitions.")


def test_a_known_noun_read_hypothetical_by_its_clause_joins_the_fact(make_doc) -> None:
    # "whether to merge the petitions": the clause is supposed, the petitions are the ones filed
    _, groups = _grouped_last(make_doc, LAWSUITS, "petitions", "hypothetical")
    assert [members for members, _, _ in groups] == [[0, 1]]
    assert groups[0][1][1] == REASON and groups[0][2] == {1}


def test_a_planned_noun_tells_a_happening_to_come(make_doc) -> None:
    text = ("Nurses held strikes in the capital on Monday against the pay freeze. Their union said there would be "
            "planned strikes in the capital against the freeze.")
    _, groups = _grouped_last(make_doc, text, "strikes", "future", type_="PROTEST")
    assert [members for members, _, _ in groups] == [[0], [1]]


def test_a_verb_under_a_plan_stays_apart(make_doc) -> None:
    # "will consolidate" tells the act the plan supposes, not a fact told before
    text = ("The judges merged the cases in Leeds on Monday. They said they will merge the cases again next "
            "year.")
    _, groups = _grouped_last(make_doc, text, "merge", "future", first="merged", type_="ACCUSE")
    assert [members for members, _, _ in groups] == [[0], [1]]


def _grouped_last(make_doc, text: str, word: str, status: str, first: str | None = None,
                  type_: str = "ACCUSE") -> tuple[list[Event], list[tuple[list[int], dict, set]]]:
    """The first `first` (or `word`) of `text` as a fact and its last `word` with `status`, grouped."""
    doc = make_doc(text)
    events = [mention_at(text, first or word, type_), replace(mention_at(text, word, type_, last=True), status=status)]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    return events, happenings(events, cues, DAY)
