"""A foreign journalist, civilian or medical worker is met where the story is reported: an act between such a visitor
and a party of the dateline town's country is placed at the town; a foreign government's act, an attack, or a story
of visitors alone is not. A scene that is the dateline town itself does not refuse the town. Sentences written for
these tests."""

from __future__ import annotations

from stage_run import event_telling, extracted

#: A domestic police force and a foreign broadcaster's team, reported from the town where they met.
CREW = ("NAIROBI, Kenya (Reuters) -- Kenyan police officers threatened to arrest a BBC camera team on Saturday, the "
        "team's producer said.")


def _where(doc, trigger: str) -> str | None:
    location = event_telling(doc, trigger).location
    return location.name if location else None


def test_police_threatening_a_foreign_crew_are_placed_at_the_dateline_town(nlp) -> None:
    doc = extracted(nlp, CREW)
    assert _where(doc, "threatened") == "Nairobi"
    assert "dateline" in (event_telling(doc, "threatened").location.basis or "")


def test_a_foreign_government_urging_is_not_placed_at_the_dateline_town(nlp) -> None:
    text = ("NAIROBI, Kenya (Reuters) -- The British government urged the Kenyan authorities on Saturday to release "
            "the students.")
    assert _where(extracted(nlp, text), "urged") is None


def test_a_dateline_town_named_as_the_scene_does_not_refuse_the_town(nlp) -> None:
    text = ("NAIROBI, Kenya (Reuters) -- Police clashed with students in Nairobi on Saturday. Kenyan police officers "
            "later threatened to arrest a BBC camera team, the team's producer said.")
    assert _where(extracted(nlp, text), "threatened") == "Nairobi"
