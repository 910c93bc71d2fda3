"""Event location (issue 10, seventeenth session): a dateline shared by two filing towns ("HOUSTON/DENVER (Reuters)")
says not where any one act was seen, so it places no act; a dateline of one town still does. Sentences written for
these tests."""

from __future__ import annotations

from types import SimpleNamespace

from dateline.events.scene import shares_dateline
from stage_run import location_of


def place_at(text: str, name: str) -> SimpleNamespace:
    """A stand-in for the place the text names as `name` (its first occurrence)."""
    start = text.index(name)
    return SimpleNamespace(start=start, end=start + len(name))


def test_a_dateline_of_one_town_places_a_domestic_act_there(nlp) -> None:
    location = location_of(nlp, "DENVER, Colorado (Reuters) - City officials accused the company of hiding test "
                                "results on Monday.", "accused")
    assert location is not None and location.name == "Denver" and "dateline" in (location.basis or "")


def test_a_dateline_shared_by_two_towns_places_no_act(nlp) -> None:
    location = location_of(nlp, "HOUSTON/DENVER, Colorado (Reuters) - City officials accused the company of hiding "
                                "test results on Monday.", "accused")
    assert location is None or "dateline" not in (location.basis or "")


def test_either_town_of_a_shared_dateline_is_told_apart() -> None:
    text = "HOUSTON/LONDON (Reuters) - The firm said on Monday it had sold its stake."
    assert shares_dateline(text, place_at(text, "HOUSTON"))
    assert shares_dateline(text, place_at(text, "LONDON"))
    escaped = "WASHINGTON\\/VENICE , Louisiana ( Reuters ) - Officials met."
    assert shares_dateline(escaped, place_at(escaped, "Louisiana"))
    joined = "TIJUANA & SAN DIEGO (AP) - Police met on the border."
    assert shares_dateline(joined, place_at(joined, "SAN DIEGO"))


def test_a_dateline_of_one_town_and_its_state_is_not_shared() -> None:
    text = "VENICE, Louisiana (Reuters) - Fishermen and BP/Transocean crews met on Monday."
    assert not shares_dateline(text, place_at(text, "VENICE"))
    assert not shares_dateline(text, place_at(text, "Louisiana"))
