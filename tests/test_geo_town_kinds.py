"""Places the article's other places would pull elsewhere (issue 10, tenth session): "the Y city of X" puts the town
in the area the text names, and a name before a lower-case site noun in a place slot ("in the Tudun Mawa
neighbourhood") is a site in the town named near it, each mention of a venue in the town beside it."""

from __future__ import annotations

from dateline.geo import tag_places
from dateline.model import Place


def place_named(make_doc, text: str, name: str) -> Place:
    return next(p for p in tag_places(make_doc(text)).places if p.text == name)


def test_the_area_naming_the_kind_of_town_holds_the_town(make_doc) -> None:
    text = ("Rallies were held in Houston, Dallas and Austin on Friday. "
            "Police in the West Bank city of Nablus arrested two.")
    nablus = place_named(make_doc, text, "Nablus")
    assert (nablus.name, nablus.country_code, nablus.basis) == ("Nablus", "PS", None)  # not Texas, where the rest lie


def test_a_name_before_a_site_noun_in_a_place_slot_is_a_site_in_the_town_near_it(make_doc) -> None:
    text = ("Gunmen opened fire in Kano on Tuesday. "
            "Witnesses said the shooting took place in the Tudun Mawa neighbourhood.")
    site = place_named(make_doc, text, "Tudun Mawa")
    assert site.name == "Kano" and "not in the gazetteer" in site.basis


def test_a_known_town_before_a_site_noun_keeps_its_own_reading(make_doc) -> None:
    kabul = place_named(make_doc, "A bomb exploded on Monday in the Kabul market.", "Kabul")
    assert kabul.name == "Kabul" and kabul.basis is None


def test_a_venue_of_one_name_lies_in_the_town_named_beside_each_mention(make_doc) -> None:
    text = ("In London, campaigners gathered outside the Egyptian Embassy on Saturday. They chanted and carried signs. "
            "Students from three universities joined them, and the police kept the road open for buses and taxis all "
            "day. In Chicago, hundreds of protesters gathered outside the Egyptian Embassy.")
    embassies = [p for p in tag_places(make_doc(text)).places if p.text == "Egyptian Embassy"]
    assert [p.name for p in embassies] == ["London", "Chicago"]  # not one town for both, as for a village
