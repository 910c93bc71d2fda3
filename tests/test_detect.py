"""The learned event detector: features, proposals where the lexicon is silent, the model file checks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from dateline.events import linear
from dateline.events.detect import (
    FEATURE_VERSION,
    MODEL_NAME,
    RULE_PREFIX,
    detect_triggers,
    detector_features,
    read_model,
    undetected,
    using_detector,
)
from dateline.events.linear import LinearModel
from dateline.events.verify import partyless_noise, rule_features, unverified, verify_events
from dateline.model import Article, Document, Event, Evidence
from dateline.nlp import load_model as load_spacy
from dateline.pipeline import process

GASSED = "Police gassed the students in Caracas on Monday."


def gas_detector(threshold: float = 0.5) -> LinearModel:
    """A two-class detector that reads the verb "gas" as COERCE and everything else as nothing."""
    return LinearModel(classes=("COERCE", "NONE"), vocabulary={"l=gas": 0},
                       coef=np.array([[4.0], [-4.0]]), intercept=np.array([-2.0, 2.0]), threshold=threshold)


def test_features_read_the_word_its_arguments_and_the_lexicon_around_it() -> None:
    sent = next(load_spacy()("Soldiers of the army gassed protesters in Minsk.").sents)
    gassed = next(t for t in sent if t.lower_ == "gassed")
    features = detector_features(gassed, {})
    assert "l=gas" in features and "pos=VERB" in features
    assert "dobj=protester" in features
    noun = next(t for t in sent if t.lower_ == "soldiers")
    assert f"hlex=ASSAULT|{noun.dep_}" in detector_features(noun, {gassed.i: "ASSAULT"})


def test_a_token_the_lexicon_did_not_code_is_proposed_with_its_type_and_reason() -> None:
    sent = next(load_spacy()(GASSED).sents)
    with using_detector(gas_detector()):
        found = detect_triggers(sent, {})
    assert [(t.text, e.type) for t, e in found] == [("gassed", "COERCE")]
    assert found[0][1].rule.startswith(RULE_PREFIX) and found[0][1].source == "detector"


def test_no_proposal_on_a_lexicon_trigger_below_the_threshold_or_without_a_detector() -> None:
    sent = next(load_spacy()(GASSED).sents)
    gassed = next(t for t in sent if t.lower_ == "gassed")
    with using_detector(gas_detector()):
        assert detect_triggers(sent, {gassed.i: "ASSAULT"}) == []
    with using_detector(gas_detector(threshold=0.99)):
        assert detect_triggers(sent, {}) == []
    with undetected():
        assert detect_triggers(sent, {}) == []


def test_no_proposal_on_a_verb_whose_object_is_the_lexicon_event() -> None:
    sent = next(load_spacy()("Police gassed the protest in Caracas.").sents)
    protest = next(t for t in sent if t.lower_ == "protest")
    with using_detector(gas_detector()):
        assert detect_triggers(sent, {protest.i: "PROTEST"}) == []
        assert [t.text for t, _ in detect_triggers(sent, {})] == ["gassed"]


def test_no_proposal_on_a_verb_of_saying_whose_reported_clause_is_the_lexicon_event() -> None:
    """A proposal on "said" would make the shelling it reports that proposal's content, hypothetical and hidden."""
    say_detector = LinearModel(classes=("CONCEDE", "NONE"), vocabulary={"l=say": 0},
                               coef=np.array([[4.0], [-4.0]]), intercept=np.array([-2.0, 2.0]), threshold=0.5)
    sent = next(load_spacy()("Officials in the valley said the army had shelled the town overnight.").sents)
    shelled = next(t for t in sent if t.lower_ == "shelled")
    with using_detector(say_detector):
        assert detect_triggers(sent, {shelled.i: "ASSAULT"}) == []
        assert [t.text for t, _ in detect_triggers(sent, {})] == ["said"]


def test_the_coder_codes_a_proposal_like_a_lexicon_trigger_and_says_why() -> None:
    article = Article(id="gas", date=dt.date(2020, 1, 8), text=GASSED)
    with undetected():
        assert not [e for d in process([article]) for e in d.events if e.evidence.trigger == "gassed"]
    with using_detector(gas_detector()):
        events = [e for d in process([article]) for e in d.events if e.evidence.trigger == "gassed"]
    assert [e.type for e in events] == ["COERCE"]
    assert RULE_PREFIX in (events[0].evidence.rule or "")
    assert events[0].location is not None and events[0].location.name == "Caracas"


def test_the_verifier_knows_a_proposal_from_a_lexicon_rule() -> None:
    event = Event(id="x", type="COERCE", evidence=Evidence(sentence=GASSED, start=0, end=len(GASSED),
                                                           trigger="gassed", rule=f"{RULE_PREFIX}: 'gas'"))
    assert "rk=detector" in rule_features(event)


def test_a_party_less_mention_is_judged_by_the_verifier_and_dropped_by_rule_without_one() -> None:
    text = "Protests went on in the capital."
    event = Event(id="x", type="PROTEST", confidence=0.3,
                  evidence=Evidence(sentence=text, start=0, end=len(text), trigger="Protests"))
    assert partyless_noise(event)
    with unverified():  # training: every candidate stays
        doc = Document(article=Article(id="p", date=dt.date(2020, 1, 8), text=text), events=[event])
        assert verify_events(doc).events == [event]


def test_a_detector_whose_weights_changed_is_refused(tmp_path) -> None:
    linear.write_model(gas_detector(0.6), tmp_path, MODEL_NAME, FEATURE_VERSION, {})
    model = read_model(tmp_path)
    assert model.classes == ("COERCE", "NONE") and model.threshold == 0.6
    _, weights_path = linear.model_files(tmp_path, MODEL_NAME)
    np.savez(weights_path, coef=np.ones((2, 1), dtype=np.float32), intercept=np.zeros(2, dtype=np.float32))
    with pytest.raises(ValueError, match="hash"):
        read_model(tmp_path)


def test_a_verifier_file_is_not_read_as_a_detector(tmp_path) -> None:
    linear.write_model(gas_detector(), tmp_path, "event_verifier", FEATURE_VERSION, {})
    for suffix in ("json", "npz"):
        (tmp_path / f"event_verifier.{suffix}").rename(tmp_path / f"{MODEL_NAME}.{suffix}")
    with pytest.raises(ValueError, match="not a event_detector model"):
        read_model(tmp_path)
