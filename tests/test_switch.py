"""The on/off switch of an optional step of the events stage (the verifier, the grouping)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.group import grouping
from dateline.events.switch import Switch
from dateline.model import Article
from dateline.pipeline import process


def test_a_switch_is_off_inside_its_block_and_restored_after_it_even_on_error() -> None:
    step = Switch("step")
    assert step.on
    with step.off():
        assert not step.on
        with step.off():
            assert not step.on
        assert not step.on
    assert step.on
    with pytest.raises(RuntimeError), step.off():
        raise RuntimeError("the block failed")
    assert step.on


def test_with_grouping_off_each_mention_is_its_own_event() -> None:
    article = Article(id="switch-test", date=dt.date(2018, 9, 19),
                      text="The United States imposed sanctions on Russia on Monday.")
    with grouping.off():
        (ungrouped,) = process([article])
    (grouped,) = process([article])
    assert len([e for e in ungrouped.events if e.type == "SANCTION"]) == 2
    assert len([e for e in grouped.events if e.type == "SANCTION"]) == 1
