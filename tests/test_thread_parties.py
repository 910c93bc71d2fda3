"""A role no word of its clause fills is taken from the story so far (`events.thread_parties`)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events import thread_parties
from dateline.events.thread_parties import (
    ENTRY_MARK,
    FEATURES,
    ThreadModel,
    model_from,
    thread_candidates,
    unfilled,
)
from dateline.model import Actor, Article, Document, Event, Evidence, Party
from dateline.pipeline import process_one

BOLIVIA = ("Bolivia's government ordered troops into the streets of La Paz on Monday. Bolivian officials said the "
           "army would stay until order returned. Dozens of miners were detained overnight.")
#: Every empty role filled (the mechanism, whatever the shipped weights say).
ALWAYS = ThreadModel(weights=(0.0,) * len(FEATURES), intercept=5.0, threshold=0.5)
#: A reader who weighs only how much of the story names a country (a fixed model, not the shipped weights).
BY_SHARE = ThreadModel(weights=tuple(4.0 if name == "share" else 0.0 for name in FEATURES), intercept=-2.0,
                       threshold=0.5)


def _events(text: str) -> list[Event]:
    return process_one(Article(id="t", date=dt.date(2024, 5, 2), text=text)).events


def _by_trigger(events: list[Event], trigger: str) -> Event:
    return next(e for e in events if e.evidence.trigger == trigger)


def test_an_agentless_act_takes_the_country_the_story_is_about(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thread_parties, "load_model", lambda: BY_SHARE)
    detained = _by_trigger(_events(BOLIVIA), "detained")
    assert [p.country for p in detained.actors] == ["BOL"]
    assert detained.actors[0].entry.startswith(ENTRY_MARK) and detained.actors[0].thread_filled
    assert "thread_filled" not in detained.actors[0].to_json()  # bookkeeping, not the output contract
    assert detained.actors[0].text is None  # no word of the text names it: it is no mention


def test_the_country_named_most_wins_over_one_named_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thread_parties, "load_model", lambda: BY_SHARE)
    text = ("Peru's ambassador left La Paz on Monday. Bolivia's president said Bolivia would not bow to pressure. "
            "Bolivian officials called the move a provocation. Dozens of miners were detained overnight.")
    assert [p.country for p in _by_trigger(_events(text), "detained").actors] == ["BOL"]


def test_a_named_party_is_never_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thread_parties, "load_model", lambda: ALWAYS)
    ordered = _by_trigger(_events(BOLIVIA), "ordered")
    assert [p.text for p in ordered.actors] == ["Bolivia's government"]
    assert not any(p.thread_filled for p in ordered.actors + ordered.recipients)


def test_a_recipient_is_left_to_the_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thread_parties, "load_model", lambda: ALWAYS)
    events = _events(BOLIVIA + " The troops were withdrawn on Friday.")
    assert any(p.thread_filled for e in events for p in e.actors)
    assert not any(p.thread_filled for e in events for p in e.recipients)


def _mention(text: str, word: str, country: str, last: bool = False) -> Actor:
    at = text.rindex(word) if last else text.index(word)
    return Actor(text=word, start=at, end=at + len(word), name=word, country=country, sector="GOV")


def _offered(text: str, earlier: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch,
             actor_word: str = "Bolivia") -> set[str]:
    """Countries offered for the recipient of "detained" (the last sentence), whose actor is the last mention of
    `actor_word` (a pronoun's antecedent stands for it by the antecedent's span)."""
    monkeypatch.setattr(thread_parties, "ROLES", ("actors", "recipients"))
    own = text.index("Miners")
    actor = _mention(text, actor_word, "BOL", last=True)
    event = Event(id="e", type="COERCE", actors=[actor.as_party()], evidence=Evidence(
        sentence=text[own:], start=own, end=len(text), trigger="detained", trigger_start=text.index("detained")))
    actors = [_mention(text, w, c) for w, c in earlier] + [_mention(text, "Argentina", "ARG"), actor]
    doc = Document(article=Article(id="t", date=dt.date(2024, 5, 2), text=text), events=[event], actors=actors)
    return {c.country for c in thread_candidates(doc) if c.role == "recipients"}


def test_candidates_are_named_in_an_earlier_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Peru sent envoys. Chile said Bolivia erred. Miners near Argentina were detained by Bolivia."
    # Argentina only in the event's own sentence (the parse's to take or leave); Bolivia named before as well
    assert _offered(text, [("Peru", "PER"), ("Chile", "CHL"), ("Bolivia", "BOL")], monkeypatch) == \
        {"PER", "CHL", "BOL"}


def test_the_other_side_own_words_offer_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Peru sent envoys to La Paz. La Paz refused. Miners near Argentina were detained by it."
    assert _offered(text, [("Peru", "PER")], monkeypatch, actor_word="La Paz") == {"PER"}


def test_no_fill_below_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    never = ThreadModel(weights=(0.0,) * len(FEATURES), intercept=-5.0, threshold=0.5)
    monkeypatch.setattr(thread_parties, "load_model", lambda: never)
    assert not _by_trigger(_events(BOLIVIA), "detained").actors


def test_unfilled_strips_only_the_thread_parties() -> None:
    named = Party(name="Bolivia", country="BOL", text="Bolivia", start=0, end=7, entry="Phoenix: BOLIVIA_")
    filled = Party(name="Peru", country="PER", entry=f"{ENTRY_MARK} (no party in its clause; p=0.50): the story's PER",
                   thread_filled=True)
    event = Event(id="e", type="COERCE", actors=[filled], recipients=[named],
                  evidence=Evidence(sentence="s", start=0, end=1, trigger="detained"))
    stripped = unfilled(event)
    assert stripped.actors == [] and stripped.recipients == [named]


def test_the_shipped_model_reads_todays_features() -> None:
    thread_parties.load_model.cache_clear()
    model = thread_parties.load_model()
    # a threshold above 1 is the trainer's "fills nothing": its fills did not hold up on articles it did not see
    assert model is not None and len(model.weights) == len(FEATURES) and 0 < model.threshold <= 1.01


def test_a_model_of_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="retrain"):
        model_from({"feature_version": 0, "features": list(FEATURES), "weights": {}, "intercept": 0, "threshold": 1})


def test_a_model_put_in_force_wins_over_the_shipped_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cross-validation fold puts its own model in force (`using_model`); None in force fills nothing."""
    monkeypatch.setattr(thread_parties, "load_model", lambda: None)
    assert _by_trigger(_events(BOLIVIA), "detained").actors == []
    with thread_parties.using_model(BY_SHARE):
        assert [p.country for p in _by_trigger(_events(BOLIVIA), "detained").actors] == ["BOL"]
    monkeypatch.setattr(thread_parties, "load_model", lambda: BY_SHARE)
    with thread_parties.using_model(None):
        assert _by_trigger(_events(BOLIVIA), "detained").actors == []


def test_mentions_coded_with_grouping_off_are_left_unfilled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The benchmarks collect mentions with grouping off and group them later: the thread fills final events only,
    so that their grouping sees the parties `extract`'s grouping sees."""
    from dateline.events.group import grouping

    monkeypatch.setattr(thread_parties, "load_model", lambda: BY_SHARE)
    with grouping.off():
        detained = _by_trigger(_events(BOLIVIA), "detained")
    assert detained.actors == []


def test_a_model_whose_fills_did_not_hold_up_reads_no_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer's threshold above 1 means "fill nothing": the step then costs nothing either."""
    never = ThreadModel(weights=(0.0,) * len(FEATURES), intercept=50.0, threshold=1.01)
    monkeypatch.setattr(thread_parties, "load_model", lambda: never)
    monkeypatch.setattr(thread_parties, "thread_candidates", lambda doc: pytest.fail("candidates read"))
    assert _by_trigger(_events(BOLIVIA), "detained").actors == []
