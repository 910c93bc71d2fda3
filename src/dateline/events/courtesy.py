"""Courtesies: thanks said to whoever is spoken to report no political event.

Transcripts and interviews are full of them: "Thank you!!", "BRADDOCK: Thank you.", "Thank you very much,
Anna.", "Tom, thank you so much.", "Thanks, Anna.", "thank God". CAMEO files THANK under praise (PLOVER
SUPPORT), which is right for "Nazarbayev thanked Ghani for Kabul's help with the railway" or "I want to
thank President Castro", but a host thanking a guest, or a speaker thanking God, names no party on either
side. A word of thanking (`courtesies.tsv`, class thanks) is a courtesy when:

* what is thanked is the second person ("thank you", "thanks to you all"): whoever is spoken to, in a quote
  or a transcript turn, whatever names stand before it as vocatives ("John King, thank you"); or
* nothing is thanked, or only what is no party ("thank God", class nonparty), and the one who thanks is
  nobody named or the speaker ("Thanks, Anna", "we thank God").

What such thanks are for ("Thank you for your support") is the addressee's doing, and no event either.

A third person thanking or a party thanked ("the minister thanked Turkey") is left to the lexicon and the
verifier, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.words import word_class

THANKS = word_class("courtesies", "thanks")
SPEAKERS = word_class("courtesies", "speaker")
ADDRESSEES = word_class("courtesies", "addressee")
NON_PARTIES = word_class("courtesies", "nonparty")
#: How a noun of thanking names what is thanked: "thanks to you", "our thanks to the staff".
THANKED_PREPS = frozenset({"to"})
#: How a verb of thanking names what is thanked: its object, or its passive subject ("you are thanked").
THANKED_DEPS = frozenset({"dobj", "nsubjpass"})
#: How a word of thanking names what it thanks for ("thank you for your support").
THANKED_FOR = frozenset({"for"})


def courtesy(token: Any, agent_of: Callable[[Any], Any | None]) -> str | None:
    """Why the trigger `token` is a courtesy, or what a courtesy thanks for ("Thanks for your support"), and so
    reports no event; else None. `agent_of` reads who does an act (`frame_agent.agent_of`: None when nobody)."""
    own = _courtesy(token, agent_of(token))
    if own is not None:
        return own
    thanks = _thanked_for(token)
    if thanks is not None and _courtesy(thanks, agent_of(thanks)) is not None:
        return f"courtesy: '{token.text}' is what '{thanks.text}' thanks whoever is spoken to for"
    return None


def _courtesy(token: Any, agent: Any | None) -> str | None:
    """Why a word of thanking is a courtesy, given who thanks (`agent`), or None."""
    if token.lemma_.lower() not in THANKS and token.lower_ not in THANKS:
        return None
    thanked = _thanked(token)
    if thanked is not None and thanked.lower_ in ADDRESSEES:
        return f"courtesy: '{token.text} {thanked.text}' thanks whoever is spoken to"
    if thanked is not None and thanked.lower_ not in NON_PARTIES:
        return None
    if agent is None or agent.lower_ in SPEAKERS:
        what = f" {thanked.text}" if thanked is not None else ""
        return f"courtesy: '{token.text}{what}' said by the speaker to no party"
    return None


def _thanked_for(token: Any) -> Any | None:
    """The word of thanking whose "for" phrase `token` heads ("thank you for your support"), or None."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in THANKED_FOR or prep.head.i == prep.i:
        return None
    holder = prep.head
    return holder if holder.lemma_.lower() in THANKS or holder.lower_ in THANKS else None


def _thanked(token: Any) -> Any | None:
    """Who or what the thanks go to: a verb's object, or the object of a noun's "to" ("thanks to you")."""
    found = next((c for c in token.children if c.dep_ in THANKED_DEPS), None)
    if found is not None or token.pos_ not in ("NOUN", "PROPN", "INTJ"):
        return found
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ in THANKED_PREPS
                 for g in c.children if g.dep_ == "pobj"), None)
