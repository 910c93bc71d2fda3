"""Event location, tenth session (issue 10): what the story's scene may be taken from, and a share of acts. A town
named as the landmark a site is measured from ("a town east of Cairo") is no place of the act; a clause that tells no
fact ("will be matched in Lagos") places nothing that follows it; "most of the clashes took place in Kano" places the
clashes."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_a_landmark_after_a_bearing_is_not_the_scene(nlp) -> None:
    doc = extracted(nlp, "Clashes broke out on Monday in Arish, a town east of Cairo. Police arrested ten protesters.")
    arrests = event_at(doc, "arrested")
    assert arrests.location is not None and arrests.location.name == "Arīsh"
    assert "Arish" in arrests.location.basis  # `dateline show` says which earlier place set the scene


def test_a_part_named_with_a_determiner_is_still_the_place(nlp) -> None:
    fighting = event_at(extracted(nlp, "Fighting raged on Monday in the north of Syria."), "Fighting")
    assert fighting.location is not None and fighting.location.name == "Syria"


def test_a_clause_that_tells_no_fact_sets_no_scene(nlp) -> None:
    doc = extracted(nlp, "The minister said the death toll will be matched in Lagos. Soldiers burned a village.")
    assert event_at(doc, "burned").location is None


def test_a_fact_still_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, "The death toll was matched in Lagos. Soldiers burned a village.")
    burned = event_at(doc, "burned").location
    assert burned is not None and burned.name == "Lagos"


def test_a_share_of_the_acts_takes_the_place_of_the_verb_it_is_subject_of(nlp) -> None:
    doc = extracted(nlp, "Officials said on Monday that most of the clashes took place in Kano.")
    clashes = event_at(doc, "clashes")
    assert clashes.location is not None and clashes.location.name == "Kano"
    assert "'took … clashes'" in clashes.location.basis


def test_aid_to_a_foreign_state_takes_no_scene_of_the_givers_country(nlp) -> None:
    doc = extracted(nlp, "Protesters rallied outside the town hall in Leeds on Saturday. "
                         "Some held a banner that read: End British aid to the Mubarak regime!")
    assert event_at(doc, "aid").location is None  # the aid is given in Egypt, not at the rally


def test_aid_to_people_of_the_scene_takes_the_scene(nlp) -> None:
    doc = extracted(nlp, "Protesters rallied outside the town hall in Leeds on Saturday. "
                         "Volunteers handed out aid to the protesters.")
    aid = event_at(doc, "aid").location
    assert aid is not None and aid.name == "Leeds"
