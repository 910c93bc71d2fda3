"""How the lexicon reads PETRARCH2's CAMEO verb dictionary (`cameo_verbs.json`): a synonym set's words, a pattern's
literal words and size, and the text naming a pattern in a rule.

Kept apart from `lexicon.py` (which decides which entry applies to a token) because these read the compiled
dictionary only, never a parse.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_class, word_set

#: Heads of multiword synonyms ("cease fire", "refugee camp", "battle tank") that do not keep the
#: phrase's meaning alone: generic nouns and the nicknames of weapons ("Apache", "Predator").
VAGUE_HEADS = word_set("vague_synonym_heads")


def single_words(members: list[str]) -> frozenset[str]:
    """A synonym set's one-word members, plus the head (last word) of each multiword member that
    means the same thing alone ("battle tank" -> "tank", "armed forces" -> "forces"; not "fire")."""
    heads = {m.split()[-1] for m in members if " " in m} - VAGUE_HEADS
    return frozenset(m for m in members if " " not in m) | heads


def by_first_word(members: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multiword members by their first word -> the rest of each ("cease" -> (("fire",),)), so a
    phrase is checked only against the members it could start."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for member in members:
        words = member.split()
        if len(words) > 1:
            index.setdefault(words[0], []).append(tuple(words[1:]))
    return {first: tuple(rests) for first, rests in index.items()}


#: Prepositions and particles: a pattern made of one of these alone ("press on", "order to") is a
#: phrasal verb of one member of a CAMEO block, so it applies only when the word hangs off the verb
#: itself, not when it merely follows somewhere in the phrase ("demanding a vote on independence").
PARTICLES = word_class("prepositions", "particle")
#: Particles whose one-word pattern names the phrasal verb only ("back off", "pull out"), never the same word as a
#: preposition heading its own object ("struck off the coast", "ran up the hill").
ADVERB_PARTICLES = word_class("prepositions", "adverb-particle")


def lone_particle(pattern: dict[str, Any]) -> str | None:
    """The particle of a pattern that is nothing but one preposition/particle word, else None."""
    words = pattern["pre"] + pattern["post"]
    return words[0] if len(words) == 1 and words[0] in PARTICLES else None


def literal_words(pattern: dict[str, Any]) -> list[str]:
    """The pattern's literal words; a synonym set (&REFUGEE) names a kind of argument and is matched anywhere."""
    return [w for w in pattern["pre"] + pattern["post"] if not w.startswith("&")]


def pattern_size(pattern: dict[str, Any]) -> int:
    """How many words the pattern names around its verb (literal words and synonym sets alike)."""
    return len(pattern["pre"]) + len(pattern["post"])


def is_content_pattern(pattern: dict[str, Any]) -> bool:
    """True when the pattern names more than a bare preposition ("agree (to &CEASEFIRE)")."""
    return pattern_size(pattern) > (1 if pattern.get("prep") else 0)


def pattern_text(lemma: str, pattern: dict[str, Any]) -> str:
    """The pattern as a rule names it: its words around the verb's lemma, and its CAMEO code ("pull out [087]")."""
    return " ".join([*pattern["pre"], lemma, *pattern["post"]]) + f" [{pattern['code']}]"


def phrasal_only_verbs(verbs: dict[str, list], blocks: dict[str, dict[str, Any]]) -> frozenset[str]:
    """Verbs the CAMEO dictionary lists only in a phrasal form ("+PULL_OUT", "+KICK_OUT", "+CRACK_DOWN"): their
    block's code belongs to the phrase, so the bare verb ("pulled the trigger", "kicked the ball") gets none.

    `build_lexicon.py` records such a verb with no code of its own and a pattern of its block naming it; a verb the
    block lists bare has either its own code or no such pattern."""
    return frozenset(lemma for lemma, (block, code, *_) in verbs.items()
                     if code is None and any(p.get("verb") == lemma for p in blocks[block]["patterns"]))
