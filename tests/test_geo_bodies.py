"""Bodies named by one word ("Congress", "Council") are no places, even where the gazetteer knows a small town of
that name and the word fills a place slot; a town with such a word in a longer name keeps its reading. Sentences
written for these tests."""

from __future__ import annotations

from stage_run import extracted


def place_texts(nlp, text: str) -> list[str]:
    return [p.text for p in extracted(nlp, text).places]


def test_the_legislature_told_of_a_sale_is_no_town(nlp) -> None:
    assert "Congress" not in place_texts(nlp, "Ministers wrote to Congress about the rifles meant for Jordan, a "
                                              "deal that still waits for a vote in Congress.")


def test_a_council_in_a_place_slot_is_no_town(nlp) -> None:
    texts = place_texts(nlp, "Residents of Dayton brought their complaints to Council on Tuesday.")
    assert "Council" not in texts and "Dayton" in texts


def test_the_body_with_its_country_keeps_the_country(nlp) -> None:
    texts = place_texts(nlp, "Lawmakers in Kenya voted on Monday, and Parliament in Nairobi passed the bill.")
    assert "Kenya" in texts and "Nairobi" in texts and "Parliament" not in texts
