"""Two seams of a related-stories run that the first rule missed (`story.teasers`): an item that opens with its date
stamp and a colon, and a verb that ends one item's clause before the next item's capitalised first word. Every
sentence here is invented."""

from __future__ import annotations

from dateline.story.teasers import seams

#: Five invented dated teasers run together without stops, the way a page's archive box is sometimes scraped.
DATED = ("Council leaders approve a new budget for the town libraries after a long and bitter debate 3 March 2009 : "
         "Volunteers clean the river banks as the spring season opens 2 March 2009 : A local choir wins a national "
         "prize for the second year in a row 1 March 2009 : Teachers welcome the plan for smaller classes though "
         "their unions remain cautious 28 February 2009 : The harbour reopens to small boats after the repairs "
         "finish well ahead of the schedule .")


def test_each_dated_item_after_the_one_before_is_a_seam(make_doc) -> None:
    """A noun, a verb or an adjective ending one item runs into the next item's date stamp: four seams."""
    assert seams(make_doc(DATED).parsed[:]) == 4


def test_a_date_stamp_after_a_noun_is_a_seam_but_not_after_a_preposition(make_doc) -> None:
    run_on = make_doc("The board met to discuss the plan after a long debate 3 March 2009 : Volunteers clean the "
                      "park .")
    prose = make_doc("The board met to discuss the plan on 3 March 2009 : it agreed to the new budget .")
    assert seams(run_on.parsed[:]) == 1
    assert seams(prose.parsed[:]) == 0


def test_a_verb_that_ends_its_clause_is_a_seam(make_doc) -> None:
    doc = make_doc("The council ended its ban on fishing two weeks earlier than it had planned Local divers say the "
                   "reef is recovering fast .")
    assert seams(doc.parsed[:]) == 1


def test_a_verb_before_its_own_object_or_a_participle_before_its_noun_is_no_seam(make_doc) -> None:
    told = make_doc("The minister told Parliament that the outlawed Workers Front had planned the march .")
    assert seams(told.parsed[:]) == 0
