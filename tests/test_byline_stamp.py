"""A byline's stamp with a semicolon between its date and its clock time (issue 10, twentieth session).

Some papers print a byline as "By A and B | March 3, 2011; 7:30 PM ET" and the text extracted from the page
runs it into the story's first sentence. The story stage marked a stamp only when a comma or a space parts the
date from the clock time, so the semicolon's stamp stayed story text, and the dater took its clock time as the time
of the clause it was parsed into, over the clause's own "On October 18": date sample 2020's one wrong date.
"""

from __future__ import annotations

from dateline.story import mark_story
from stage_run import event_at, extracted

BYLINE = ("Fund faces new scrutiny.\nBy Jane Roe and John Doe | March 3 , 2011 ; 7:30 PM ET Relief fund in doubt "
          "On February 14 , 2011 , hospital porters protested outside the regional health board .")


def test_a_semicolon_stamp_is_no_story_text(make_doc) -> None:
    doc = mark_story(make_doc(BYLINE))
    stamps = [BYLINE[s.start:s.end] for s in doc.excluded if s.kind == "timestamp"]
    assert stamps == ["March 3 , 2011 ; 7:30 PM ET"]


def test_the_clause_s_own_date_dates_the_act_after_a_byline(nlp) -> None:
    protest = event_at(extracted(nlp, BYLINE, "2011-03-03"), "protested")
    assert protest.date == "2011-02-14"
