"""The actor mentions the actors stage found at and inside a party head's phrase ("the Assad regime", "leaders of
Iran", "the demonstration staged by students"), one a country, and never a name someone is for or against
("anti-Syria"). Read by `events.resolve`, which turns heads into parties, and `events.targets`.
"""

from __future__ import annotations

from typing import Any

from dateline.events.index import ArticleIndex
from dateline.events.parties import NAME_MODIFIER_DEPS, SKIP_DEPS
from dateline.events.parties_participles import sponsor_offsets
from dateline.events.parties_syntax import names_event, participle_agents
from dateline.model import Document
from dateline.words import word_set


def one_per_country(mentions: list[Any]) -> list[Any]:
    """One party per country for one head: "drivers of the Lagos State Ferry Corporation" are
    the drivers, not also the corporation and the state; "Hungarian and Romanian officials" are two.
    The mention the head itself belongs to comes first and is kept."""
    kept, countries = [], set()
    for actor in mentions:
        if actor.country is None or actor.country not in countries:
            kept.append(actor)
            countries.add(actor.country)
    return sorted(kept, key=lambda a: a.start)


def actor_at(doc: Document, token: Any) -> Any | None:
    """The actor mention that covers the token, if any; none in text that is not the story (`in_story`)."""
    actor = ArticleIndex.of(doc).actor_at(token.idx)
    return actor if actor is not None and in_story(doc, actor) else None


def in_story(doc: Document, actor: Any) -> bool:
    """Whether a mention is in the story's own text: "KABUL (Reuters) - Afghan police arrested ...", whose
    dateline the parser hangs on the subject, is an act of the police, not of Kabul or of Reuters. The story
    stage marks the dateline, captions and page furniture (`doc.excluded`); no party is read from them. A mention
    is judged by its last character: one the actors stage ran on from a photo credit into the story's "George Bush
    has claimed" is the story's."""
    return doc.excluded_at(actor.end - 1) is None


def actors_in_phrase(doc: Document, token: Any, bodies: bool = True) -> list[Any]:
    """An actor mention among the head's own modifiers ("the Assad regime", "leaders of Iran").

    With `bodies` False (the head is an actor itself), an "of" phrase names the body or person the
    head belongs to ("supporters of Mubarak", "fans of Jackson"), which is no second party.
    """
    starts = {token.idx}
    stack = [c for c in token.children
             if c.dep_ in NAME_MODIFIER_DEPS or (bodies and c.dep_ == "prep" and c.lower_ == "of")]
    if bodies and names_event(token):  # "the demonstration staged by students": an act stands for its doers
        stack += participle_agents(token)  # (not "a rifle designed by the Soviet army")
    while stack:
        tok = stack.pop()
        starts.add(tok.idx)
        stack.extend(c for c in tok.children if c.dep_ not in SKIP_DEPS)
    backed = sponsor_offsets(token)  # "The Kremlin-backed separatists": not the Kremlin
    return [a for a in ArticleIndex.of(doc).actors_starting_at(starts) if not stance_named(doc.article.text, a.start)
            and not any(a.start <= i < a.end for i in backed) and in_story(doc, a)]


#: "anti-", "pro-" joined to a name: a stance towards it (`stance_prefixes`, as the actors stage reads them).
STANCE_PREFIXES = word_set("stance_prefixes")
#: Characters that join a stance prefix to its name.
HYPHENS = frozenset("-\u2010\u2011\u2013\u2014")


def stance_named(text: str, start: int) -> bool:
    """Whether the name at `start` follows a stance prefix and a hyphen ("a prominent anti-Syria journalist",
    "pro-Russian separatists", "the pro-EU camp"): the name is what someone is for or against, never a party
    the head stands for nor a party to the act (read here and by `events.targets`)."""
    if start < 2 or text[start - 1] not in HYPHENS:
        return False
    first = start - 1
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    return text[first:start - 1].lower() in STANCE_PREFIXES
