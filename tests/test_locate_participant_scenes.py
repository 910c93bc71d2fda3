"""The story's scene from an act placed through its participants, and a guessed place against a stated one (issue 10,
fifteenth session).

The scene carries the town of the last placed act to later acts that state none. An act may be placed by where its
participants are ("clashes between police and students in Mombasa": the parser hangs the town on the students), and
that town is the story's scene as much as a town hung on the act itself. A country so placed is not: a country scene
serves every later domestic act, and a participant's country says too little. Among the mentions of one happening, a
place only guessed for one of them (the scene, the dateline town) does not outweigh a place another mention's own
sentence states.
"""

from __future__ import annotations

from dateline.events.place_mentions import guessed, happening_location
from dateline.events.scene import SCENE_BASIS
from dateline.model import Event, Evidence, Location
from stage_run import event_at, extracted

CLASHES = ("A television crew filming the clashes between police and students in Mombasa was attacked on Friday. "
           "Plainclothes officers surrounded the crew and seized a camera.")


def test_an_act_placed_by_its_participants_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, CLASHES)
    clashes = event_at(doc, "clashes")
    assert clashes.location is not None and clashes.location.name == "Mombasa"
    surrounded = event_at(doc, "surrounded")
    assert surrounded.location is not None and surrounded.location.name == "Mombasa"
    assert surrounded.location.basis.startswith(SCENE_BASIS)
    assert "'clashes … Mombasa'" in surrounded.location.basis  # `dateline show` names the act that set the scene


def test_a_participants_country_sets_no_scene(nlp) -> None:
    doc = extracted(nlp, "Mass protests against the ruling family in Bahrain have alarmed its neighbours. "
                         "King Abdullah held talks with opposition leaders on Thursday.")
    protests = event_at(doc, "protests")
    assert protests.location is not None and protests.location.name == "Bahrain"  # placed by its participant
    talks = event_at(doc, "talks")
    assert talks.location is None or talks.location.country_code != "BH"  # but Bahrain is no scene for the king


EGYPT = Location(name="Egypt", geonameid=357994, lat=27.0, lon=30.0, country_code="EG", feature_code="PCLI",
                 text="Egypt", precision="country",
                 basis="'across Egypt': where 'People' of 'took … demonstrations' is")
CAIRO_SCENE = Location(name="Cairo", geonameid=360630, lat=30.06, lon=31.25, country_code="EG", feature_code="PPLC",
                       text="Cairo", precision="point",
                       basis=f"{SCENE_BASIS}: 'clashed … Cairo' earlier in the article")
CAIRO_STATED = Location(name="Cairo", geonameid=360630, lat=30.06, lon=31.25, country_code="EG", feature_code="PPLC",
                        text="Cairo", precision="point", basis="'in Cairo' attached to 'rallies'")


def mention(sentence: str, trigger: str, at: int, location: Location | None, confidence: float) -> Event:
    """One mention of a protest, as the coder leaves it before grouping."""
    start = sentence.index(trigger)
    return Event(id=f"m{at}", type="PROTEST", location=location, confidence=confidence, date="2011-01-25",
                 evidence=Evidence(sentence=sentence, start=at, end=at + len(sentence), trigger=trigger,
                                   trigger_start=at + start, trigger_end=at + start + len(trigger)))


def protest(rallies_place: Location) -> list[Event]:
    return [mention("Crowds all over Egypt marched in demonstrations on Tuesday.", "demonstrations", 0,
                    EGYPT, 0.9),
            mention("The rallies were the largest in years.", "rallies", 80, rallies_place, 0.6)]


def test_a_guessed_town_does_not_sharpen_a_stated_country() -> None:
    assert guessed(CAIRO_SCENE) and not guessed(CAIRO_STATED) and not guessed(EGYPT)
    for leader in (0, 1):
        location = happening_location(protest(CAIRO_SCENE), leader)
        assert location is not None and location.name == "Egypt"


def test_a_stated_town_still_sharpens_a_stated_country() -> None:
    location = happening_location(protest(CAIRO_STATED), 0)
    assert location is not None and location.name == "Cairo"
    assert location.basis.startswith("the mention 'rallies' at 84 places this happening finest")


def test_a_guess_is_kept_when_no_mention_states_a_place() -> None:
    told = [mention("Thousands marched on Tuesday.", "marched", 0, None, 0.9),
            mention("The rallies were the largest in years.", "rallies", 40, CAIRO_SCENE, 0.6)]
    location = happening_location(told, 0)
    assert location is not None and location.name == "Cairo"
