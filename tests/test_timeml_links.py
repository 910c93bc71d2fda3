"""The TimeML event-to-time check of the event dater (`benchmarks/timeml_links.py`, `event_dates.py --timeml`),
on a TimeML document written for this test."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest

DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2018-09-19" temporalFunction="false" functionInDocument="CREATION_TIME">
2018-09-19</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> the convoy on <TIMEX3 tid="t1" type="DATE"
value="2018-09-17">Monday</TIMEX3>. They <EVENT eid="e2" class="OCCURRENCE">fled</EVENT> for <TIMEX3 tid="t2"
type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="DURING" eventInstanceID="ei2" relatedToTime="t2" />
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
</TimeML>
"""


@pytest.fixture
def bench(monkeypatch):
    """The benchmark modules, imported from benchmarks/."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import event_dates
    import timeml_links

    return timeml_links, event_dates


def test_only_links_within_a_calendar_timex_of_the_text_are_read(bench, tmp_path) -> None:
    timeml_links, _ = bench
    path = tmp_path / "doc.tml"
    path.write_text(DOC, encoding="utf-8")
    doc = timeml_links.read_linked(path)
    assert doc.dct == dt.date(2018, 9, 19)
    assert [(e.word, e.value, e.timex_text) for e in doc.events] == [("attacked", "2018-09-17", "Monday")]
    assert doc.text[doc.events[0].start:doc.events[0].end] == "attacked"


def test_a_linked_event_is_scored_within_its_timex(bench, tmp_path, nlp) -> None:
    timeml_links, event_dates = bench
    path = tmp_path / "doc.tml"
    path.write_text(DOC, encoding="utf-8")
    doc = timeml_links.read_linked(path)
    doc.corpus = "Test"
    counts: dict = collections.defaultdict(collections.Counter)
    event_dates.score_linked(doc, nlp(doc.text), counts, errors=False)
    assert counts["dated"]["Test"] == 1 and counts["within"]["Test"] == 1 and counts["contradicts"]["Test"] == 0
