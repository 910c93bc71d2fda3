"""A harm told by its victims joins the violent act told just before it (`events.group_victims`, run by
`events.group.happenings`)."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.group import happenings, mention_cues, sentence_ordinals
from dateline.events.group_victims import REASON
from dateline.model import Party
from mention_pairs import DAY, mention_at

CLASHES = ("Militiamen raided the market town at dawn on Sunday. Nine villagers were wounded, a local doctor "
           "said.")


def _grouped(make_doc, text: str, words: list[str], **changes: dict) -> list[tuple[list[int], dict, set]]:
    """The groups `happenings` makes of ASSAULT fact mentions at `words`, each with the changes given for it."""
    doc = make_doc(text)
    events = [replace(mention_at(text, word, "ASSAULT"), **changes.get(word, {})) for word in words]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    return happenings(events, cues, DAY)


def test_a_toll_with_no_doer_joins_the_attack_before_it(make_doc) -> None:
    groups = _grouped(make_doc, CLASHES, ["raided", "wounded"])
    assert [members for members, _, _ in groups] == [[0, 1]]
    assert groups[0][1][1] == REASON
    assert groups[0][2] == {1}  # lent: the toll gives the attack no evidence, date or place of its own


def test_a_toll_with_a_doer_is_its_own_act(make_doc) -> None:
    text = "Militiamen raided the market town at dawn on Sunday. Soldiers wounded nine villagers near the well."
    groups = _grouped(make_doc, text, ["raided", "wounded"],
                      wounded={"actors": [Party(name="soldiers", country="EGY", sector="MIL")]})
    assert [members for members, _, _ in groups] == [[0], [1]]


def test_another_act_told_without_a_doer_stays_apart(make_doc) -> None:
    # a kidnapping told in the passive is an act of its own, not the toll of the attack
    text = "A rocket attack hit the customs post on Monday. A Danish surveyor was kidnapped in the valley."
    groups = _grouped(make_doc, text, ["attack", "kidnapped"])
    assert [members for members, _, _ in groups] == [[0], [1]]


def test_a_toll_far_from_the_attack_stays_apart(make_doc) -> None:
    text = ("Militiamen raided the market town at dawn on Sunday. The road was reopened in the afternoon. Traders "
            "came back by evening. Nine villagers were wounded, a local doctor said.")
    groups = _grouped(make_doc, text, ["raided", "wounded"])
    assert [members for members, _, _ in groups] == [[0], [1]]
