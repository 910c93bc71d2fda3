"""A bare name that repeats the first word of a person's full name, where the family name comes first ("Foreign
Minister Wang Yi ... Wang said"), is that person (`people.first_word_names`); a first word that opens two people's
names names neither. Sentences written for the test, run through the real places and actors stages."""

from __future__ import annotations


def _bare(doc, text: str):
    return [a for a in doc.actors if a.text == text]


def test_a_family_name_written_first_is_the_person_named_in_full(staged) -> None:
    doc = staged("Vietnamese Foreign Minister Pham Binh Minh met Sergei Lavrov in Hanoi. Pham said talks went on.")
    assert [(a.country, a.sector) for a in _bare(doc, "Pham")] == [("VNM", "GOV")]
    assert "coreference: 'Vietnamese Foreign Minister Pham" in (_bare(doc, "Pham")[0].entry or "")


def test_a_first_word_two_people_share_names_neither(staged) -> None:
    doc = staged("Nguyen Phu Trong met Nguyen Van Binh in Hanoi. Nguyen said the talks went well.")
    assert all(a.country is None for a in _bare(doc, "Nguyen"))
