"""Who led or ordered an act (`parties_syntax.participle_agents`, `participles.tsv`) is read from a participle written
right after the act's noun ("the offensive, led by Turkish troops"), not from one after the noun's own phrase, which
may be that phrase's ("protests against the government led by the president": the president leads the government).
Sentences written for these tests."""

from __future__ import annotations

from dateline.events.parties_syntax import participle_agents


def _noun(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_a_directing_participle_right_after_the_noun_names_who_led_the_act(nlp) -> None:
    offensive = _noun(nlp("The offensive, led by Turkish troops, targeted Kurdish militias in Afrin."), "offensive")
    assert [t.text for t in participle_agents(offensive)] == ["troops"]


def test_a_directing_participle_after_the_noun_s_own_phrase_is_that_phrase_s(nlp) -> None:
    doc = nlp("Thousands of Kenyans joined protests against the government led by the president.")
    protests = _noun(doc, "protests")
    # the parser hangs "led" on "protests" (what the rule must see past), though the president leads the government
    assert [c.text for c in protests.children if c.dep_ == "acl"] == ["led"]
    assert participle_agents(protests) == []
