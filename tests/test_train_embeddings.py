"""The verifier's sentence-embedding block in training: rows get their sentence's embedding from a cache by
sentence, and a verifier trained with them tells apart candidates whose sparse features are the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

ATTACKS = ["Gunmen attacked a police station in the north, killing three officers.",
           "Militants stormed an army post near the border overnight.",
           "Rebels shelled government positions outside the city on Sunday.",
           "Insurgents ambushed a military convoy on the main highway."]
MATCHES = ["The home side attacked down the left wing and scored in the final minute.",
           "The striker stormed past two defenders to level the match.",
           "Their forwards attacked relentlessly but the keeper saved everything.",
           "The champions shelled the visitors' goal with shots in the second half."]


def rows_of(monkeypatch, tmp_path: Path, sentences: list[str], label: str) -> list:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))  # for this test only, as the other tests of tools/ do
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    from event_sources import Row, attach_embeddings

    return attach_embeddings([Row("gold", f"{label}-{n}", 0, "ASSAULT", True, label, ["t=ASSAULT", "l=attack"], s)
                              for n, s in enumerate(sentences)])


def test_rows_get_their_sentences_embedding_once_and_from_the_cache_after(monkeypatch, tmp_path: Path) -> None:
    first = rows_of(monkeypatch, tmp_path, ATTACKS[:2], "ASSAULT")
    assert all(r.dense.shape == (384,) for r in first)
    cached = next(tmp_path.glob("sentence-embeddings-*/vectors.npy"))
    assert np.load(cached).shape == (2, 384)
    again = rows_of(monkeypatch, tmp_path, [ATTACKS[1], ATTACKS[0], ATTACKS[2]], "ASSAULT")
    assert np.array_equal(again[0].dense, first[1].dense)
    assert np.load(cached).shape == (3, 384)  # only the new sentence was embedded


def test_the_embedding_block_separates_candidates_the_sparse_features_cannot(monkeypatch, tmp_path: Path) -> None:
    """Every row has the same sparse features; only the sentence says whether the "attack" is an armed one or a
    football team's. Trained with the embeddings, the verifier reads a new sentence of each kind right."""
    rows = rows_of(monkeypatch, tmp_path, ATTACKS, "ASSAULT") + rows_of(monkeypatch, tmp_path, MATCHES, "NONE")
    from event_sources import Row, attach_embeddings
    from train_event_model import fit, predict

    sparse, dense = fit(rows, c=1.0, use_dense=False), fit(rows, c=1.0, use_dense=True)
    new = attach_embeddings([Row("gold", "new", 0, "ASSAULT", True, "?", ["t=ASSAULT", "l=attack"], s) for s in (
        "Armed men attacked a checkpoint and killed two soldiers.", "The midfielder attacked the box and scored.")])
    armed, football = predict(dense, new)
    assert armed["ASSAULT"] > 0.5 > football["ASSAULT"]
    assert sparse.dense is None and abs(predict(sparse, new)[0]["ASSAULT"] - 0.5) < 0.05
