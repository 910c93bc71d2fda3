"""Linear time in the actors stage (issue 15): reference linking must not compare every mention with every other."""

from __future__ import annotations

import time

from dateline.actors.refs import Candidate, link_generic_agents
from dateline.model import Actor


def _explicit(at: int, country: str, head: str, phrases: list[str] | None = None) -> Candidate:
    actor = Actor(text=f"{country} {head}", start=at, end=at + 10, name=f"{country} {head}", country=country,
                  sector="GOV")
    return Candidate(actor=actor, head=head, agent_phrases=phrases or [head])


def _generic(at: int, head: str) -> Candidate:
    actor = Actor(text=f"the {head}", start=at, end=at + 10, name=head, country=None, sector="GOV")
    return Candidate(actor=actor, head=head, agent_phrases=[head], generic=True)


def test_a_generic_agent_takes_the_nearest_earlier_mention_else_the_first_later_one():
    cands = [_generic(0, "regime"), _explicit(10, "SYR", "regime"), _explicit(20, "TUR", "official"),
             _explicit(30, "IRN", "official"), _generic(40, "official"), _explicit(50, "RUS", "official"),
             _explicit(60, "IRQ", "leader", ["regime", "leader"]), _generic(70, "regime")]
    link_generic_agents(cands)
    assert cands[0].actor.country == "SYR"  # none before: the first later one
    assert cands[4].actor.country == "IRN"  # the nearest before, not the nearest after
    assert cands[7].actor.country == "SYR"  # a head match ("the Syrian regime") beats a modifier ("regime leader")


def test_a_modifier_match_is_the_fallback_when_no_head_matches():
    cands = [_explicit(0, "SYR", "leader", ["regime", "leader"]), _generic(10, "regime")]
    link_generic_agents(cands)
    assert cands[1].actor.country == "SYR"


def test_linking_thousands_of_generic_agents_takes_linear_time():
    # 40,000 mentions, as in a 1M-character article: comparing each generic with every explicit
    # mention (the old way) took minutes here; by bisection it takes well under a second.
    cands = [_explicit(i, "TUR", "official") if i % 2 else _generic(i, "official") for i in range(40_000)]
    started = time.perf_counter()
    link_generic_agents(cands)
    assert time.perf_counter() - started < 10
    assert all(c.actor.country == "TUR" for c in cands)
