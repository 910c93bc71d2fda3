"""`tools/party_sample.py`: a party sample's draw leaves out earlier party samples and excluded ids, and a judged
event counts as right only with the labelled countries in each role (all parties together for a reciprocal type)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from test_news_candidates import fake_shared

ROOT = Path(__file__).resolve().parents[1]


def test_a_draw_leaves_out_earlier_party_samples_and_excluded_ids(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import party_sample
    import shown_sample

    shared = fake_shared(tmp_path / "shared")
    monkeypatch.setattr(shown_sample, "SAMPLES", {})
    monkeypatch.setattr(party_sample, "PER_FOLDER", 2)
    monkeypatch.setattr(party_sample, "DRAWN", tmp_path / "drawn.tsv")
    first = party_sample.draw(shared, 11, [])
    party_sample.DRAWN.write_text("".join(f"11\t{a}\n" for a in first), encoding="utf-8")
    assert party_sample.draw(shared, 11, []) == first  # a recorded sample draws again as it was
    excluded = tmp_path / "other.txt"
    second = party_sample.draw(shared, 12, [])
    excluded.write_text("\n".join(second), encoding="utf-8")
    third = party_sample.draw(shared, 12, [excluded])
    assert not set(second) & set(first) and not set(third) & (set(first) | set(second))


def test_a_draw_leaves_out_a_later_news_round_only_from_the_seed_after_it(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounds 1-4 of the labelled news are left out whatever the seed (every party sample so far left them out);
    round 5, drawn after party sample 1920, only from a later seed, so its labels landing moves no earlier draw."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    import party_sample
    import shown_sample

    shared = fake_shared(tmp_path / "shared")
    labels = tmp_path / "labels.jsonl"
    rounds = {"quake_wire-1": 1, "quake_wire-2": 4, "quake_wire-3": 5}
    labels.write_text("".join(f'{{"article": "{a}", "round": {r}}}\n' for a, r in rounds.items()), encoding="utf-8")
    monkeypatch.setattr(party_sample, "read_labels", lambda path=labels: news_candidates.read_labels(path))
    monkeypatch.setattr(party_sample, "drawn_before", lambda seed: news_candidates.drawn_before(seed, labels))
    monkeypatch.setattr(shown_sample, "SAMPLES", {})
    monkeypatch.setattr(party_sample, "PER_FOLDER", 20)  # every eligible article of a folder
    monkeypatch.setattr(party_sample, "DRAWN", tmp_path / "drawn.tsv")
    for seed in (1617, 1920):
        assert set(party_sample.draw(shared, seed, [])) & set(rounds) == {"quake_wire-3"}
    assert not set(party_sample.draw(shared, 2020, [])) & set(rounds)


def _event(kind: str, actors: list[str | None], recipients: list[str | None]) -> SimpleNamespace:
    return SimpleNamespace(type=kind, actors=[SimpleNamespace(country=c) for c in actors],
                           recipients=[SimpleNamespace(country=c) for c in recipients])


def test_parties_are_right_only_with_the_labelled_countries_in_each_role(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import party_sample

    label = {"actors": ["USA"], "recipients": ["EGY"]}
    assert party_sample.right(_event("REQUEST", ["USA"], ["EGY"]), label)
    assert not party_sample.right(_event("REQUEST", ["EGY"], ["USA"]), label)  # roles swapped
    assert not party_sample.right(_event("REQUEST", ["USA"], ["EGY", "USA"]), label)  # an extra recipient
    assert not party_sample.right(_event("REQUEST", ["USA"], [None]), label)  # a party with no country
    assert party_sample.right(_event("CONSULT", ["USA", "EGY"], []), label)  # reciprocal: all parties together
