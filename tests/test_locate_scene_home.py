"""A lone country's act done at home does not take a story scene abroad (`events.locate._stays_home`): a
government's resignation or a ban by a country's authorities stays unplaced after a scene in another country, while
a seizure, like an attack, keeps a scene abroad. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def _where(nlp, text: str, trigger: str) -> str | None:
    location = event_at(extracted(nlp, text), trigger).location
    return location.name if location else None


def test_a_government_resigning_is_not_put_at_a_scene_abroad(nlp) -> None:
    text = "Clashes broke out in Amman on Friday. The Egyptian government resigned on Saturday."
    assert _where(nlp, text, "Clashes") == "Amman"
    assert _where(nlp, text, "resigned") is None


def test_a_ban_by_a_country_s_authorities_is_not_put_at_a_scene_abroad(nlp) -> None:
    text = "Protests broke out in Amman on Friday. The Iranian authorities banned the word from searches on Friday."
    assert _where(nlp, text, "banned") is None


def test_a_seizure_keeps_a_scene_abroad(nlp) -> None:
    text = "Heavy fighting broke out in Basra on Friday. Britain fought and occupied for two years."
    assert _where(nlp, text, "occupied") == "Basra"
