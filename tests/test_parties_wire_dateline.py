"""A wire story's dateline ("KABUL (Reuters) -") is no party of the act its first sentence reports (issue 9).

The small parser hangs the dateline on the lede's subject, as a second subject or as modifiers of it; the story
stage marks it as text that is not the story (`doc.excluded`). The act's parties come from the story's words:
the verb's other subject or the dateline's apposition, and no mention inside the dateline. Sentences written for
these tests.
"""

from __future__ import annotations

from stage_run import candidates, event_at


def _texts(parties) -> list[str]:
    return sorted(p.text or "" for p in parties)


def test_a_dateline_parsed_as_a_second_subject_gives_way_to_the_lede_s_subject(nlp) -> None:
    text = "KABUL (Reuters) - Afghan police arrested three men in Kandahar province on Monday."
    parsed = nlp(text)
    verb = next(t for t in parsed if t.text == "arrested")
    assert sum(c.dep_ == "nsubj" for c in verb.children) == 2  # the premise: the dateline is a second subject
    event = event_at(candidates(nlp, text), "arrested")
    assert _texts(event.actors) == ["Afghan police"]
    assert [(p.country, p.sector) for p in event.actors] == [("AFG", "COP")]


def test_a_dateline_hung_on_the_subject_names_no_party(nlp) -> None:
    text = "WASHINGTON (Reuters) - BP's chairman apologized on Wednesday to fishermen in Louisiana for the spill."
    event = event_at(candidates(nlp, text), "apologized")
    assert "WASHINGTON" not in _texts(event.actors) and "Reuters" not in _texts(event.actors)
    assert sorted(p.country for p in event.actors) == ["GBR"]


def test_the_same_city_in_the_story_is_still_a_party(nlp) -> None:
    text = "KABUL (Reuters) - Pakistan accused Kabul on Monday of sheltering militants near the border."
    event = event_at(candidates(nlp, text), "accused")
    assert "Kabul" in _texts(event.recipients)
