"""The place of a happening told by several mentions: the finest place they agree on, whichever mention leads.

The verifier ranks mentions by confidence, and the most confident one leads the grouped event; which one that is
says nothing about where the act happened. These tests build the mentions by hand (the sentences are written for
them) and check that the grouped event's place does not change with the leader when the places nest, and that
places that do not nest leave the leader's place, saying so.
"""

from __future__ import annotations

from dateline.events.explain import explain_event
from dateline.events.group_merge import merge_mentions
from dateline.events.place_mentions import happening_location
from dateline.model import Event, Evidence, Location, Place

BRITAIN = Location(name="United Kingdom", geonameid=2635167, lat=54.76, lon=-2.70,
                   country_code="GB", feature_code="PCLI", text="Britain",
                   precision="country", basis="'in Britain' attached to 'shot'")
SALISBURY = Location(name="Salisbury", geonameid=2638664, lat=51.07, lon=-1.80, country_code="GB", feature_code="PPL",
                     text="Salisbury", precision="point", basis="'in Salisbury' attached to 'shooting'")
IDLIB = Location(name="Idlib", geonameid=169388, lat=35.75, lon=36.67, country_code="SY", feature_code="ADM1",
                 text="Idlib province", precision="admin", basis="'in Idlib province' attached to 'shelled'")
SARAQIB = Location(name="Saraqib", geonameid=163099, lat=35.86, lon=36.80, country_code="SY", feature_code="PPL",
                   text="Saraqib", precision="point", basis="'in Saraqib' attached to 'shelling'")
ALEPPO = Location(name="Aleppo", geonameid=170063, lat=36.20, lon=37.16, country_code="SY", feature_code="PPLA",
                  text="Aleppo", precision="point", basis="'in Aleppo' attached to 'shelling'")


def mention(sentence: str, trigger: str, at: int, location: Location | None, confidence: float,
            event_type: str = "ASSAULT") -> Event:
    """One mention of a happening, as the coder leaves it before grouping."""
    start = sentence.index(trigger)
    return Event(id=f"m{at}", type=event_type, location=location, confidence=confidence, date="2018-03-04",
                 evidence=Evidence(sentence=sentence, start=at, end=at + len(sentence), trigger=trigger,
                                   trigger_start=at + start, trigger_end=at + start + len(trigger)))


def shooting(country_leads: bool) -> list[Event]:
    """A shooting told in a summary that names the country and in a sentence that names the town."""
    return [mention("A retired judge and her driver were shot in Britain on March 4.", "shot", 0, BRITAIN,
                    0.8 if country_leads else 0.5),
            mention("The shooting in the cathedral city of Salisbury shocked the town.", "shooting", 70, SALISBURY,
                    0.5 if country_leads else 0.8)]


def test_the_town_a_mention_gives_wins_over_the_country_whichever_mention_leads() -> None:
    for country_leads in (True, False):
        merged = merge_mentions(shooting(country_leads), {1: "same happening"})
        assert merged.location is not None and merged.location.name == "Salisbury"
        assert merged.evidence.trigger == ("shot" if country_leads else "shooting")


def test_the_basis_names_the_mention_the_finer_place_came_from() -> None:
    merged = merge_mentions(shooting(country_leads=True), {1: "same happening"})
    assert merged.location is not None
    assert merged.location.basis.startswith("the mention 'shooting' at 74 places this happening finest")
    assert "'in Salisbury' attached to 'shooting'" in merged.location.basis
    assert any("the mention 'shooting' at 74" in line for line in explain_event(merged))


def test_the_leaders_own_finest_place_keeps_its_own_basis() -> None:
    merged = merge_mentions(shooting(country_leads=False), {1: "same happening"})
    assert merged.location == SALISBURY


def test_places_that_do_not_nest_keep_the_leaders_and_say_so() -> None:
    told = [mention("Government forces shelled Saraqib on Sunday.", "shelled", 0, SARAQIB, 0.8),
            mention("The shelling of Aleppo killed six people.", "shelling", 50, ALEPPO, 0.6)]
    location = happening_location(told, 0)
    assert location is not None and location.name == "Saraqib"
    assert "'Aleppo'" in location.basis and "the leading mention's place is kept" in location.basis
    # a country that holds neither town does not settle it either: the towns still disagree
    syria = Location(name="Syria", geonameid=163843, lat=35.0, lon=38.0, country_code="SY", feature_code="PCLI",
                     precision="country", basis="'in Syria' attached to 'attacks'")
    told.append(mention("The attacks in Syria went on.", "attacks", 90, syria, 0.9))
    location = happening_location(told, 2)
    assert location is not None and location.name == "Syria" and "'Aleppo', 'Saraqib'" in location.basis


def test_without_a_place_of_its_own_the_leader_takes_none_from_disagreeing_mentions() -> None:
    told = [mention("The shelling went on for hours.", "shelling", 0, None, 0.9),
            mention("Government forces shelled Saraqib on Sunday.", "shelled", 40, SARAQIB, 0.6),
            mention("The shelling of Aleppo killed six people.", "shelling", 90, ALEPPO, 0.5)]
    assert happening_location(told, 0) is None  # a wrong dot is worse than none
    location = happening_location(told[:2], 0)
    assert location is not None and location.name == "Saraqib"
    assert location.basis.startswith("the mention 'shelled' at 58")


def test_a_town_lies_in_the_province_the_article_gives_it() -> None:
    places = [Place(text="Idlib province", start=0, end=14, geonameid=169388, name="Idlib", lat=35.75, lon=36.67,
                    country_code="SY", admin1="Idlib", feature_code="ADM1", confidence=0.9),
              Place(text="Saraqib", start=60, end=67, geonameid=163099, name="Saraqib", lat=35.86, lon=36.80,
                    country_code="SY", admin1="Idlib", feature_code="PPL", confidence=0.9),
              Place(text="Aleppo", start=90, end=96, geonameid=170063, name="Aleppo", lat=36.20, lon=37.16,
                    country_code="SY", admin1="Aleppo", feature_code="PPLA", confidence=0.9)]
    province = mention("Government forces shelled villages in Idlib province.", "shelled", 0, IDLIB, 0.9)
    town = mention("The shelling of Saraqib killed six people.", "shelling", 60, SARAQIB, 0.5)
    located = happening_location([province, town], 0, places)
    assert located is not None and located.name == "Saraqib"
    # without the article's places nothing says Saraqib is in that province: the leader's area stays
    alone = happening_location([province, town], 0)
    assert alone is not None and alone.name == "Idlib" and "the leading mention's place is kept" in alone.basis
    other_province = mention("The shelling of Aleppo killed six people.", "shelling", 60, ALEPPO, 0.5)
    assert happening_location([province, other_province], 0, places).name == "Idlib"  # type: ignore[union-attr]


def test_a_borrowed_reading_lends_no_place() -> None:
    march = mention("Strikers marched on the ministry on Monday.", "marched", 0, None, 0.9, "PROTEST")
    plea = mention("They pleaded in Salisbury for their jobs.", "pleaded", 50, SALISBURY, 0.4, "PROTEST")
    assert merge_mentions([march, plea], {1: "re-typed"}, frozenset({1})).location is None

