"""Linear time on long text (issue 15): no stage compares every mention, span or place with every other."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import replace

from dateline.actors.antecedents import link_generic_agents
from dateline.actors.candidate import Candidate
from dateline.actors.nearby import places_not_people
from dateline.events.locate import dateline_place
from dateline.model import Actor, Article, Document, ExcludedSpan, Place
from dateline.nlp import load_model
from dateline.time.rules import IMPOSSIBLE, Reading
from dateline.time.tag import Candidate as TimexCandidate
from dateline.time.tag import select_candidates


def _explicit(at: int, country: str, head: str, phrases: list[str] | None = None) -> Candidate:
    actor = Actor(text=f"{country} {head}", start=at, end=at + 10, name=f"{country} {head}", country=country,
                  sector="GOV")
    return Candidate(actor=actor, head=head, agent_phrases=phrases or [head])


def _generic(at: int, head: str) -> Candidate:
    actor = Actor(text=f"the {head}", start=at, end=at + 10, name=head, country=None, sector="GOV")
    return Candidate(actor=actor, head=head, agent_phrases=[head], generic=True)


def test_a_generic_agent_takes_the_nearest_earlier_mention_else_the_first_later_one():
    cands = [_generic(0, "regime"), _explicit(10, "SYR", "regime"), _explicit(20, "TUR", "official"),
             _explicit(30, "IRN", "official"), _generic(40, "official"), _explicit(50, "RUS", "official"),
             _explicit(60, "IRQ", "leader", ["regime", "leader"]), _generic(70, "regime")]
    link_generic_agents(cands)
    assert cands[0].actor.country == "SYR"  # none before: the first later one
    assert cands[4].actor.country == "IRN"  # the nearest before, not the nearest after
    assert cands[7].actor.country == "SYR"  # a head match ("the Syrian regime") beats a modifier ("regime leader")


def test_a_modifier_match_is_the_fallback_when_no_head_matches():
    cands = [_explicit(0, "SYR", "leader", ["regime", "leader"]), _generic(10, "regime")]
    link_generic_agents(cands)
    assert cands[1].actor.country == "SYR"


def test_linking_thousands_of_generic_agents_takes_linear_time():
    # 40,000 mentions, as in a 1M-character article: comparing each generic with every explicit
    # mention (the old way) took minutes here; by bisection it takes well under a second.
    cands = [_explicit(i, "TUR", "official") if i % 2 else _generic(i, "official") for i in range(40_000)]
    started = time.perf_counter()
    link_generic_agents(cands)
    assert time.perf_counter() - started < 10
    assert all(c.actor.country == "TUR" for c in cands)


def test_repeated_sentences_skip_excluded_text_and_cost_n_log_n():
    """The story stage's repeat finder: a sentence inside excluded text (even across two overlapping excluded
    spans) is passed over, a later copy elsewhere is reported; 20,000 sentences against 20,000 excluded spans
    finish at once (the scan of every span per sentence took minutes on a long pasted article)."""
    from dateline.story import _repeats

    sentence = "Rockets hit the town of Kafranbel on Monday morning."
    text = " ".join([sentence] * 4)
    size = len(sentence) + 1
    units = [(i * size, i * size + len(sentence)) for i in range(4)]
    excluded = [("caption", size - 1, size + 20, "x"), ("caption", size + 10, 2 * size, "x")]
    found = list(_repeats(units, excluded, text))
    assert [f[1] for f in found] == [2 * size, 3 * size]  # the second copy is excluded, the third and fourth repeat

    many = 20_000
    long_text = " ".join([sentence] * many)
    units = [(i * size, i * size + len(sentence)) for i in range(many)]
    excluded = [("caption", i * size + len(sentence), i * size + len(sentence) + 1, "x") for i in range(many)]
    started = time.perf_counter()
    assert len(list(_repeats(units, excluded, long_text))) == many - 1
    assert time.perf_counter() - started < 10  # was minutes: a guard against a return of the m x n scan


def _document(text: str) -> Document:
    return Document(article=Article(id="long", date=dt.date(2020, 5, 1), text=text))


def test_the_excluded_span_at_an_offset_is_the_first_in_list_order():
    doc = _document("x" * 100)
    doc.excluded = [ExcludedSpan("caption", 10, 50, "", "photo"), ExcludedSpan("byline", 20, 30, "", "by"),
                    ExcludedSpan("comment", 60, 70, "", "reply")]
    assert doc.excluded_at(25).kind == "caption"
    assert doc.excluded_at(55) is None and doc.excluded_at(9) is None and doc.excluded_at(70) is None
    assert doc.excluded_at(60).kind == "comment"
    doc.excluded = list(reversed(doc.excluded))  # not in the story stage's order: still the first in the list
    assert doc.excluded_at(25).kind == "byline"
    doc.excluded.append(ExcludedSpan("notice", 90, 95, "", "cookies"))
    assert doc.excluded_at(91).kind == "notice"


def test_looking_up_excluded_spans_takes_linear_time():
    # 40,000 excluded lines and as many look-ups, as in a 1M-character page: a scan per look-up took
    # about a minute; the binary search well under a second.
    doc = _document("x" * 1_000_000)
    doc.excluded = [ExcludedSpan("navigation", i * 25, i * 25 + 10, "", "menu") for i in range(40_000)]
    started = time.perf_counter()
    hits = sum(doc.excluded_at(offset) is not None for offset in range(0, 1_000_000, 25))
    assert hits == 40_000 and time.perf_counter() - started < 10


def _place(at: int) -> Place:
    return Place(text="Idlib", start=at, end=at + 5, geonameid=1, name="Idlib", lat=35.9, lon=36.6,
                 country_code="SY", admin1=None, feature_code="PPLA", confidence=0.9)


def test_places_inside_peoples_names_are_left_out_in_linear_time():
    # 20,000 places and 20,000 people ("Idlib Ahmed ... Idlib"): every place tested against every name
    # took minutes; a binary search over the names' spans well under a second.
    doc = _document("x" * 1_000_000)
    people = [Actor(text="Idlib Ahmed", start=i * 50, end=i * 50 + 11, name="Idlib Ahmed", country=None,
                    sector="CVL") for i in range(20_000)]
    doc.places = [_place(i * 50 + 20 * (i % 2)) for i in range(20_000)]  # every other one inside a name
    started = time.perf_counter()
    kept = places_not_people(doc, people)
    assert len(kept) == 10_000 and all(p.start % 100 == 70 for p in kept)
    assert time.perf_counter() - started < 10


def test_timex_candidates_longest_first_without_overlaps_in_linear_time():
    # 20,000 dates in a long text, each met by a long and a short candidate: every candidate tested
    # against every span already taken took most of the time stage at 1M characters.
    pattern = re.compile(r"\d+")
    text = "May 12. " * 20_000
    long_ones = [TimexCandidate(i * 8, i * 8 + 6, 0, None, pattern.match("1")) for i in range(20_000)]
    short_ones = [TimexCandidate(i * 8 + 4, i * 8 + 6, 1, None, pattern.match("1")) for i in range(20_000)]
    impossible_at = {0}  # the first date is impossible: its words stay blocked, its short reading not taken
    started = time.perf_counter()
    chosen = select_candidates(long_ones + short_ones, lambda c: IMPOSSIBLE if c.start in impossible_at
                               else Reading("DATE", text[c.start:c.end]))
    assert time.perf_counter() - started < 10
    assert [c.start for c in chosen[:2]] == [8, 16] and len(chosen) == 19_999
    assert all(c.order == 0 for c in chosen)


def test_the_dateline_place_is_found_once_per_article():
    # 300 towns named before a dateline mark late in the text: each search cuts the text between every
    # town and the mark (about 0.2 s); asked again for each of 200 physical acts it took a minute.
    text = "word Cairo " * 300 + "word ALEXANDRIA (CNN) -- Protesters marched."
    doc = _document(text)
    doc.parsed = load_model().make_doc(text)
    doc.places = [_place(i * 11 + 5) for i in range(300)] + [_place(text.index("ALEXANDRIA"))]
    doc.places[-1].text, doc.places[-1].end = "ALEXANDRIA", text.index("ALEXANDRIA") + 10
    doc.excluded = [ExcludedSpan("dateline", text.index("ALEXANDRIA"), text.index("Protesters"), "", "(CNN)")]
    started = time.perf_counter()
    found = [dateline_place(doc) for _ in range(200)]
    assert time.perf_counter() - started < 10
    assert found[0].text == "ALEXANDRIA" and all(f is found[0] for f in found)
    doc.places = doc.places[:-1]  # other places, without the dateline's: looked for again, none found
    assert dateline_place(doc) is None
    doc.places = [replace(found[0])]  # an equal place, another object: the new list's own is returned
    assert dateline_place(doc) is doc.places[0] and doc.places[0] is not found[0]
