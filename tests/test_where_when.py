"""Where and when on unseen news (issue 10): a place the sentence does not state must fit the act's
parties, a dateline town places on-the-spot acts, nationalities are not places; a verb-tagged name
does not cut a date from its clause, a relative clause keeps its own time, "that August" is the
August under discussion, and a planned thing's day lies ahead."""

from __future__ import annotations

from pathlib import Path

from dateline.events.locate import location_for_type
from dateline.time import tag_timexes
from stage_run import dating, event_at, extracted


def test_an_act_aimed_across_a_border_is_not_put_at_the_story_scene(nlp) -> None:
    doc = extracted(nlp, "Fighting erupted in Mosul on Saturday. Russian police arrested two British journalists.")
    arrest = event_at(doc, "arrested")
    assert arrest.location is None or arrest.location.country_code != "IQ"


def test_a_lone_state_acting_abroad_keeps_the_story_scene(nlp) -> None:
    doc = extracted(nlp, "Fighting erupted in Mosul on Saturday. Iraqi police arrested forty men.")
    arrest = event_at(doc, "arrested")
    assert arrest.location is not None and arrest.location.name == "Mosul"


def test_a_dateline_town_places_an_act_of_its_own_country(nlp) -> None:
    doc = extracted(nlp, "MOSUL, Iraq - Iraqi police arrested forty men near the old bridge.")
    arrest = event_at(doc, "arrested")
    assert arrest.location is not None and arrest.location.name == "Mosul"
    assert "dateline" in arrest.location.basis


def test_a_dateline_town_does_not_place_a_foreign_act(nlp) -> None:
    doc = extracted(nlp, "WASHINGTON - Syrian troops arrested forty rebels.")
    arrest = event_at(doc, "arrested")
    assert arrest.location is None or arrest.location.name != "Washington"


def test_a_nationality_before_a_place_word_is_not_a_place(nlp) -> None:
    doc = extracted(nlp, "The Russian state news agency said a British city was on alert.")
    assert not [p.text for p in doc.places if p.text in ("Russian", "British")]


def dated(make_doc, text: str, trigger: str, date: str):
    return dating(make_doc, text, trigger, date).date


def test_a_name_tagged_as_a_verb_does_not_cut_the_date_off(make_doc) -> None:
    when = dated(make_doc, "Trump on March 2 threatened to raise tariffs on steel.", "threatened", "2019-03-14")
    assert when.value == "2019-03-02" and when.mod is None


def test_a_relative_clause_keeps_its_own_time(make_doc) -> None:
    text = "The bodies were found on March 4 after an attack that the government has blamed on rebels."
    assert dated(make_doc, text, "blamed", "2019-03-14").value != "2019-03-04"


def test_that_month_is_the_month_of_the_year_under_discussion(make_doc) -> None:
    doc = tag_timexes(make_doc("He was arrested in 1998. He was sentenced to ten years that August.", "2018-04-02"))
    assert [t.value for t in doc.timexes if "August" in t.text] == ["1998-08"]


def test_the_day_of_a_planned_thing_lies_ahead(make_doc) -> None:
    doc = tag_timexes(make_doc("Protesters planned a large demonstration on Saturday.", "2000-01-07"))
    assert [t.value for t in doc.timexes] == ["2000-01-08"]


def test_a_day_on_a_planned_thing_named_by_a_noun_lies_ahead(make_doc) -> None:
    doc = tag_timexes(make_doc("The opposition urged its followers to join Thursday's planned march.", "2011-02-02"))
    assert [t.value for t in doc.timexes] == ["2011-02-03"]


def test_a_place_from_the_scene_is_dropped_when_the_act_is_retyped_as_a_statement(nlp) -> None:
    own = event_at(extracted(nlp, "Iraqi police arrested forty men in Tikrit."), "arrested").location
    scene = extracted(nlp, "Fighting erupted in Mosul on Saturday. Iraqi police arrested forty men.")
    from_scene = event_at(scene, "arrested").location
    assert "in Tikrit" in own.basis and from_scene.basis.startswith("scene of the story")
    assert location_for_type(own, "ACCUSE") == own and location_for_type(own, "COERCE") == own
    assert location_for_type(from_scene, "ACCUSE") is None and location_for_type(from_scene, "COERCE") == from_scene


def test_an_undated_act_is_bounded_by_the_day_the_page_says_it_was_written(nlp) -> None:
    text = "Updated at 9:15 a.m. on Tuesday, March 5, 2019.\n\nPolice have arrested two men in Leeds."
    arrest = event_at(extracted(nlp, text, "2019-03-08"), "arrested")
    assert (arrest.date, arrest.date_mod) == ("2019-03-05", "ON_OR_BEFORE")


def test_a_participle_clause_shares_its_time_with_the_act(make_doc) -> None:
    text = "Speaking at a rally in Lagos on Tuesday, the governor accused the police of brutality."
    assert dated(make_doc, text, "accused", "2019-03-14") == ("2019-03-12", "day", None)


def test_a_relative_clause_about_an_occasion_happens_at_its_place_and_time(nlp) -> None:
    doc = extracted(nlp, "The leaders held a summit in Sochi on Monday, at which they agreed to create a buffer zone.",
                    "2018-09-19")
    agreement = next(e for e in doc.events if e.type == "AGREE")
    assert agreement.location is not None and agreement.location.name == "Sochi"
    assert agreement.date == "2018-09-17"


def test_a_dateline_town_does_not_place_an_act_from_years_ago(nlp) -> None:
    doc = extracted(nlp, "MOSUL, Iraq - Iraqi police arrested forty men in March 2009.", "2019-03-14")
    arrest = event_at(doc, "arrested")
    assert arrest.date.startswith("2009")
    assert arrest.location is None or (arrest.location.name != "Mosul" and arrest.location.precision == "country")


def test_a_location_is_counted_by_the_evidence_it_rests_on(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from where_when import basis_kind

    assert basis_kind(None) == "none"
    assert basis_kind({"basis": "scene of the story: 'clashed … Deraa' earlier in the article"}) == "scene"
    assert basis_kind({"basis": "'in Benghazi' attached to 'clashed'"}) == "stated in the sentence"
