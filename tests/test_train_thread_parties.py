"""The thread-party trainer ships a fill threshold only when its fills hold up on articles it did not see."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import train_thread_parties as trainer  # noqa: E402


class Scorer:
    """The two functions of the shared scorer the trainer calls, on the party fields alone."""

    @staticmethod
    def countries(parties: list[dict] | None) -> frozenset:
        return frozenset(str(p["country"]).upper() for p in parties or [] if p.get("country"))

    @staticmethod
    def judge(reading: dict, gold: dict, _article: dict) -> dict:
        ok = all(Scorer.countries(reading.get(r)) == Scorer.countries(gold.get(r)) for r in ("actors", "recipients"))
        return {"parties_ok": ok}


def _rows(informative: bool, articles: int = 12) -> tuple:
    """One matched event with an empty actor per article, two candidate countries each; the gold's is the first.
    With `informative`, a feature tells it apart; without, the features of both are the same noise."""
    rng = np.random.default_rng(7)
    x, y, slots, matched = [], [], [], []
    for n in range(articles):
        article = f"a{n}"
        matched.append(trainer.Matched(article, "GWN", {"actors": [], "recipients": []},
                                       {"actors": [{"country": "BOL"}], "recipients": []}))
        slot = trainer.Slot(article, "GWN", n, "actors", [], [])
        for country, right in (("BOL", True), ("PER", False)):
            noise = rng.normal(size=len(trainer.FEATURES))
            features = noise + (3.0 if right and informative else 0.0)
            slot.rows.append(len(x))
            slot.countries.append(country)
            x.append(features)
            y.append(right)
        slots.append(slot)
    return np.array(x), np.array(y), slots, matched


def test_fills_that_hold_up_on_unseen_articles_keep_a_threshold() -> None:
    x, y, slots, matched = _rows(informative=True)
    articles = sorted({m.article for m in matched})
    assert trainer.held_out_fill_precision(x, y, slots, matched, articles, Scorer) >= trainer.MIN_FILL_PRECISION
    assert trainer.trained_model(x, y, slots, matched, articles, Scorer).threshold < 1.0


def test_fills_no_better_than_a_guess_are_not_shipped() -> None:
    x, y, slots, matched = _rows(informative=False)
    articles = sorted({m.article for m in matched})
    assert trainer.held_out_fill_precision(x, y, slots, matched, articles, Scorer) < trainer.MIN_FILL_PRECISION
    assert trainer.trained_model(x, y, slots, matched, articles, Scorer).threshold == trainer.NEVER


def test_the_cross_validation_reports_every_source_apart() -> None:
    x, y, slots, matched = _rows(informative=True)
    for n in range(0, len(matched), 2):  # half the articles from a party sample (`thread_party_samples`)
        matched[n].source = slots[n].source = "s2122"
    cv = trainer.cross_validate(x, y, slots, matched, Scorer)
    assert cv["GWN"]["matched"] == cv["s2122"]["matched"] == len(matched) // 2
    assert "t17" not in cv


def test_a_party_sample_label_is_read_as_a_gold_event_of_the_shown_type() -> None:
    from thread_party_samples import sample_gold

    gold = sample_gold({"actors": ["KEN", "UGA"], "recipients": []}, "CONSULT")
    assert gold["type"] == "CONSULT"
    assert Scorer.countries(gold["actors"]) == {"KEN", "UGA"} and gold["recipients"] == []


def test_a_slot_holds_a_row_for_each_candidate_of_its_role_right_when_the_wanted_country_is_its_own() -> None:
    """`thread_party_samples.add_slots`, the one slot maker of the trainer and the samples: a role with no
    candidate makes no slot; rows are numbered on from the table's end; another event's candidates stay out."""
    from types import SimpleNamespace

    from thread_party_samples import add_slots

    def cand(event: int, role: str, country: str) -> SimpleNamespace:
        return SimpleNamespace(event=event, role=role, country=country, features=(float(event), 1.0))

    candidates = [cand(0, "actors", "ken"), cand(0, "actors", "uga"), cand(1, "actors", "tza")]
    features, labels, slots = [(9.0, 9.0)], [False], []
    add_slots(candidates, 0, {"actors": {"KEN"}, "recipients": {"UGA"}}, (features, labels, slots),
              trainer.Slot("a", "GWN", 3, "", [], []))
    assert [(s.role, s.event, s.rows, s.countries) for s in slots] == [("actors", 3, [1, 2], ["ken", "uga"])]
    assert labels == [False, True, False] and features[1:] == [(0.0, 1.0), (0.0, 1.0)]
