"""A happening first told by a noun pointing back joins the act of its kind told last before it
(`events.group_pointing`, run by `events.group.cluster` after the pair decision)."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.group import cluster, mention_cues, sentence_ordinals
from dateline.events.group_pointing import REASON
from dateline.model import Event
from mention_pairs import DAY, mention_at

MARCH = ("Teachers held a march through the capital on Saturday. Police said five thousand people took part and "
         "the roads around the ministry were closed for hours. By noon the protest had reached the central park.")


def _grouped(make_doc, text: str, words: list[tuple[str, str, str]], **changes: dict) -> list[tuple[list[int], dict]]:
    """The groups `cluster` makes of mentions at `words` (word, type, CAMEO code), each with the changes given for
    its word (a date, a status)."""
    doc = make_doc(text)
    events: list[Event] = [replace(mention_at(text, word, type_), cameo=cameo, **changes.get(word, {}))
                           for word, type_, cameo in words]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    return cluster(events, cues, DAY)


def test_a_definite_noun_of_the_kind_told_before_joins_it(make_doc) -> None:
    # "a march" ... "the protest": other words, two sentences on; the pair model alone keeps them apart
    groups = _grouped(make_doc, MARCH, [("march", "PROTEST", "141"), ("protest", "PROTEST", "140")])
    assert [members for members, _ in groups] == [[0, 1]]
    assert groups[0][1][1] == REASON


def test_a_noun_of_another_kind_of_its_type_stays_apart(make_doc) -> None:
    # charges (CAMEO 11x) and an inquiry (09x) are both ACCUSE, but not one kind of act
    text = ("Prosecutors filed charges against the mayor on Monday. His lawyers called it a political move and said "
            "he would fight in court. The inquiry has lasted two years.")
    groups = _grouped(make_doc, text, [("charges", "ACCUSE", "112"), ("inquiry", "ACCUSE", "090")])
    assert [members for members, _ in groups] == [[0], [1]]


def test_a_noun_dated_to_another_day_stays_apart(make_doc) -> None:
    # even where no sentence writes the dates, a noun naming its act only by its kind must not disagree
    groups = _grouped(make_doc, MARCH, [("march", "PROTEST", "141"), ("protest", "PROTEST", "140")],
                      protest={"date": "2019"}, march={"date": "2021-02-27"})
    assert [members for members, _ in groups] == [[0], [1]]


def test_a_supposed_noun_points_back_to_nothing(make_doc) -> None:
    # under a condition or a plan "the protest" is what the condition supposes, not an act the story told
    groups = _grouped(make_doc, MARCH, [("march", "PROTEST", "141"), ("protest", "PROTEST", "140")],
                      march={"status": "hypothetical"}, protest={"status": "hypothetical"})
    assert [members for members, _ in groups] == [[0], [1]]


def test_a_verb_of_the_type_is_no_antecedent(make_doc) -> None:
    # the lexicon reads verbs in a type by senses the noun lacks: only a noun of the kind is pointed back to
    text = ("Teachers marched through the capital on Saturday. Police said five thousand people took part and the "
            "roads around the ministry were closed for hours. By noon the protest had reached the central park.")
    groups = _grouped(make_doc, text, [("marched", "PROTEST", "141"), ("protest", "PROTEST", "140")])
    assert [members for members, _ in groups] == [[0], [1]]


def test_a_sentence_that_first_tells_an_act_by_a_noun_pointing_back_joins_its_act(make_doc) -> None:
    # "called the meeting": the verb opens the group, the noun in its sentence says the meeting was told before
    text = ("Health ministers held emergency talks in Geneva on Monday. Officials said the number of cases had "
            "doubled in a week. The agency called the meeting when infections spread to three more provinces.")
    groups = _grouped(make_doc, text, [("talks", "CONSULT", "040"), ("called", "CONSULT", "040"),
                                       ("meeting", "CONSULT", "040")])
    assert [members for members, _ in groups] == [[0, 1, 2]]


def test_a_noun_paragraphs_after_the_act_of_its_kind_stays_apart(make_doc) -> None:
    # five sentences on, a bare "the protest" is as likely a happening every reader knows as the march told before
    text = ("Teachers held a march through the capital on Saturday. Police said five thousand people took part. "
            "The roads around the ministry were closed for hours. Shops in the old town stayed shut. Buses ran late "
            "all afternoon. Officials met union leaders on Sunday. Some recalled the protest as a turning point.")
    groups = _grouped(make_doc, text, [("march", "PROTEST", "141"), ("protest", "PROTEST", "140")])
    assert [members for members, _ in groups] == [[0], [1]]


def test_a_landmark_points_back_but_the_act_it_dates_stays_apart(make_doc) -> None:
    # "before the summit" dates another act ("met"), which is not the summit, but names the meeting told before it
    text = ("The leaders of the alliance held a meeting in Brussels on Tuesday. Before the summit, the prime minister "
            "met the visiting chancellor.")
    groups = _grouped(make_doc, text, [("meeting", "CONSULT", "040"), ("summit", "CONSULT", "040"),
                                       ("met", "CONSULT", "040")])
    assert sorted(members for members, _ in groups) == [[0, 1], [2]]
