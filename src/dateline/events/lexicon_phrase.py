"""What a trigger's parse says around it, as the lexicon reads it: the words of a verb's own phrase, a noun's
modifiers, the words a verb governs, and whether a tagger's verb is used as a noun.

Kept apart from `lexicon.py` (which decides which entry applies) because these read the spaCy parse only.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_class, word_set

#: Dependencies that start a new clause: pattern words are looked for inside the verb's phrase only.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "csubj", "acl"})


#: A clause a verb governs (its reported or adverbial clause, or the infinitive it controls) and the words that open
#: one: a marker ("for Saleh to step down") or the infinitive's "to" ("committed to pay", where the parser hangs "to"
#: on "pay").
OPENED_CLAUSE_DEPS = CLAUSE_DEPS | {"xcomp"}
CLAUSE_MARKER_DEPS = frozenset({"mark", "aux"})


def governs_word(verb: Any, word: str) -> bool:
    """Whether the verb governs `word`: as its own child ("called for talks"), or as the word that opens the clause
    right after it ("called for Saleh to step down", where the parser hangs "for" on "step"; "committed to pay")."""
    if any(c.lower_ == word for c in verb.children):
        return True
    return any(c.dep_ in OPENED_CLAUSE_DEPS and c.i > verb.i
               and any(m.dep_ in CLAUSE_MARKER_DEPS and m.lower_ == word and m.i == verb.i + 1 for m in c.children)
               for c in verb.children)


def preposition_objects(verb: Any) -> set[str]:
    """Lemmas of the objects of the prepositions a verb governs ("took to the streets" -> {"street"})."""
    return {o.lemma_.lower() for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"}


#: Children only a noun has: a tagger's "verb" with one of them is a noun ("the wounded").
NOUN_ONLY_CHILDREN = frozenset({"det", "poss"})
#: Noun slots a finite or base-form verb cannot fill ("would not meet hostage-takers demands").
NOUN_SLOTS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})


def verb_used_as_noun(token: Any) -> bool:
    """A token the tagger calls a verb that the sentence uses as a noun: it has a determiner or
    possessor ("the wounded") or fills a noun's slot (object or subject) without being a gerund
    ("would not meet hostage-takers demands"). Coding it as a verb would invent an act with its
    neighbours as parties."""
    if any(c.dep_ in NOUN_ONLY_CHILDREN for c in token.children):
        return True
    return token.tag_ != "VBG" and token.dep_ in NOUN_SLOTS


#: How far from the verb pattern words may be (PETRARCH patterns describe the verb's close phrase).
PATTERN_WINDOW = {True: 8, False: 4}


def phrase_words(token: Any, right: bool) -> frozenset[str]:
    """Lowercased forms and lemmas of the verb's own phrase on one side of it, near the verb."""
    words: set[str] = set()
    window = PATTERN_WINDOW[right]
    stack = [c for c in token.children if (c.i > token.i) == right and _in_phrase(c)]
    while stack:
        tok = stack.pop()
        if abs(tok.i - token.i) <= window:
            words.add(tok.lower_)
            words.add(tok.lemma_.lower())
        stack.extend(c for c in tok.children if _in_phrase(c))
    return frozenset(words)


#: Dependencies of a noun that only names what another noun belongs to: "government" in "attacked government
#: positions" is not what was attacked. Adjectives stay: they say what kind of thing it is ("sent medical supplies").
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "poss"})


def argument_words(token: Any) -> frozenset[str]:
    """The words of the verb's phrase on both sides (as `phrase_words`) that stand for an argument, not the words
    that modify a noun in it. A CAMEO pattern of one word names such an argument: "attack (the) government" is
    verbal, "attacked government positions" is not."""
    words: set[str] = set()
    stack = [c for c in token.children if _in_phrase(c) and c.dep_ not in NOUN_MODIFIER_DEPS]
    while stack:
        tok = stack.pop()
        if abs(tok.i - token.i) <= PATTERN_WINDOW[tok.i > token.i]:
            words.update((tok.lower_, tok.lemma_.lower()))
        stack.extend(c for c in tok.children if _in_phrase(c) and c.dep_ not in NOUN_MODIFIER_DEPS)
    return frozenset(words)


#: Parts of speech of a noun phrase: a conjunct of one is a coordinated noun, not a new clause.
NOMINAL_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def negated_words(token: Any) -> frozenset[str]:
    """Forms and lemmas of the words of the verb's phrase that carry their own negation ("found not guilty"): a CAMEO
    pattern naming one holds only when it names the negation too ("plead not guilty")."""
    words: set[str] = set()
    stack = [c for c in token.children if _in_phrase(c)]
    while stack:
        tok = stack.pop()
        if any(c.dep_ == "neg" for c in tok.children):
            words.update((tok.lower_, tok.lemma_.lower()))
        stack.extend(c for c in tok.children if _in_phrase(c))
    return frozenset(words)


#: Words that open a phrase naming a report's source ("according to a news release"): no part of the act's phrase.
ATTRIBUTION_WORDS = word_set("attribution_words")


def _in_phrase(token: Any) -> bool:
    """Whether a dependent stays in its head's phrase: not a clause of its own, except a noun coordinated with a noun
    ("sent rescue workers and relief supplies": the supplies are sent too), and not the source of the report ("were
    captured, according to a news release": no CAMEO pattern of capturing information)."""
    if token.lower_ in ATTRIBUTION_WORDS:
        return False
    if token.dep_ == "conj":
        return token.pos_ in NOMINAL_TAGS and token.head.pos_ in NOMINAL_TAGS
    return token.dep_ not in CLAUSE_DEPS


def modifier_words(token: Any) -> frozenset[str]:
    """Modifiers of a noun: compound/amod children and the two tokens right before it."""
    words = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    words.update(c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
    doc = token.doc
    for i in range(max(token.i - 2, token.sent.start), token.i):
        words.add(doc[i].lower_)
        words.add(doc[i].lemma_.lower())
    return frozenset(words)


#: Verbs that report speech: their reported clause may judge an act (`reported_disapproval`).
REPORTING_VERBS = word_set("reporting_verbs")
#: Dependencies of a copular clause's predicate ("were inappropriate", "was not the solution").
PREDICATE_DEPS = frozenset({"acomp", "attr"})
#: Predicates that judge an act or statement as such, and those that do when negated.
DISAPPROVING = word_class("evaluation_words", "disapproving")
APPROVING = word_class("evaluation_words", "approving")


def reported_disapproval(verb: Any) -> Any | None:
    """The clause in which a speaker judges what someone did or said, so the speech is a disapproval (ACCUSE):
    "said the comments were inappropriate", "said the offer was not enough" (a judging word, or an approving one
    negated, as the predicate of the reported clause). None for any other verb or clause."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        predicates = [c for c in clause.children if c.dep_ in PREDICATE_DEPS]
        negated = any(c.dep_ == "neg" for c in (*clause.children, *(g for p in predicates for g in p.children)))
        for predicate in predicates:
            words = {predicate.lower_, predicate.lemma_.lower()}
            if words & DISAPPROVING or (negated and words & APPROVING):
                return clause
    return None
