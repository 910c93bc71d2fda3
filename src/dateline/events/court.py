"""The court of a trial the article names, for the trial's acts told anywhere in it.

A report of a trial names the court's town once, often after the acts it tells ("Prosecutors ended their case by
saying ... Fans gathered outside the Los Angeles court"), and tells the trial's steps in sentences that name no
place: the prosecutors' closing words, the jury's deliberations, the verdict. Those acts were done in the court, so
they are placed at its town, forward and backward, whichever sentence names it. The story's scene does not carry
there: it runs only forward, and only for physical acts, and words said in a courtroom are statements.

The town is read from a court the article names as a place: a town or area modifying a court noun ("the Los Angeles
court", "Los Angeles Superior Court") or named as where a court or trial sits ("a court in Houston", "his trial in
New Orleans"); the nouns are `court_nouns`. An article that names two such towns (a trial moved, a story of two
cases) gives none: which trial an act belongs to is then not known. A country is no court town ("a court in
Egypt" says no more than the country of a domestic act does).

An act is the trial's when its own clause has a word of a trial's proceedings (`trial_words`, `trial_word`:
"prosecutors", "jury", "verdict", "testified", "if convicted"; not "while the trial of her driver goes on", which
dates another act), is of the story's present (a trial of years ago sat elsewhere, perhaps), and its sentence names
no town outside the court's area (`story_moves.moved_away`: "prosecutors in Miami said"); a plural noun tells many
acts ("the lawsuits against BP", filed around the country), which no one court placed. Read by `events.locate`;
reads `doc.places` and the parse, no other stage.
"""

from __future__ import annotations

from typing import Any

from dateline.events.index import ArticleIndex
from dateline.events.place_links import place_precision
from dateline.events.place_phrase import place_token
from dateline.events.story_moves import moved_away
from dateline.model import Document, Location, Place
from dateline.words import word_class, word_set

#: Nouns of a court as a place (and "trial"), and words of a trial's proceedings, compared with lemmas.
COURT_NOUNS = word_set("court_nouns")
TRIAL_WORDS = word_set("trial_words")
#: Prepositions that say where a court or trial sits ("a court in Houston", "the trial at the Old Bailey").
SEAT_PREPS = word_class("prepositions", "event-place")
#: Links by which a name modifies the noun after it ("the Los Angeles court", "Los Angeles Superior Court").
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
#: How far up a name's modifiers the court noun may stand ("Los Angeles County Superior Court").
MODIFIER_HOPS = 3
#: Links to a clause below the act's own: their words are another clause's, only their verb is read.
OTHER_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "parataxis", "conj", "xcomp", "acl", "csubj"})
#: Parts of speech that head a clause of their own (a verbal trigger); a noun's clause is its governor's.
CLAUSE_POS = frozenset({"VERB", "AUX"})
#: Tags of plural nouns: "the lawsuits against BP" are many, filed around the country before a court joined them.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: How a location read from the trial's court begins its basis.
COURT_BASIS = "the court of the trial"


def court_location(doc: Document, trigger: Any) -> Location | None:
    """The town of the court the article names for its trial, for an act its own clause tells as part of a
    trial (see the module docstring), or None. The caller checks the act is of the story's present."""
    word = trial_word(trigger) if doc.parsed is not None and trigger.tag_ not in PLURAL_TAGS else None
    if word is None:
        return None
    court = court_town(doc)
    if court is None or moved_away(doc, court, trigger) is not None:
        return None
    return court.as_location(f"{COURT_BASIS}: its clause tells the trial ('{word.text}'), which the article seats "
                             f"at '{court.text}' ('{_court_phrase(doc, court)}')")


def court_town(doc: Document) -> Place | None:
    """The one town or area (finer than a country) the article names as where a court or trial sits, or None when
    it names none or more than one."""
    if doc.parsed is None:
        return None
    courts = [p for p in ArticleIndex.of(doc).places_in_tokens(0, len(doc.parsed))
              if p.name is not None and p.token_start is not None and place_precision(p) != "country"
              and _court_noun_of(doc, p) is not None]
    if len({p.geonameid for p in courts}) != 1:
        return None
    return courts[0]


def trial_word(trigger: Any) -> Any | None:
    """The first word of a trial's proceedings in the act's own clause: the trigger, the verb it hangs on and the
    words under that verb, not those of another clause below it ("praised the tour while the trial of her driver goes
    on", "said that the jury ...") save the verb of a clause that sets the act's condition or time ("If
    convicted, he could face four years in prison"); None when the clause has none."""
    return clause_word(trigger, TRIAL_WORDS)


def clause_word(trigger: Any, lemmas: frozenset[str]) -> Any | None:
    """The first word of the act's own clause (as `trial_word` reads it) whose lemma is one of `lemmas`, or None:
    also read by `events.hearing` for the words of a hearing."""
    head = trigger if trigger.pos_ in CLAUSE_POS or trigger.dep_ == "ROOT" else trigger.head
    words, stack = [trigger, head], [head]
    while stack:
        for child in stack.pop().children:
            words.append(child)
            if child.dep_ not in OTHER_CLAUSES:
                stack.append(child)
    return next((t for t in sorted(words, key=lambda t: t.i) if t.lemma_.lower() in lemmas), None)


def _court_noun_of(doc: Document, place: Place) -> Any | None:
    """The court noun a place names the seat of: the noun its name modifies ("the Los Angeles court"), or the noun
    whose "in"/"at" phrase it is ("a court in Houston"); None when it names no court."""
    token = place_token(doc.parsed, place)
    node = token
    for _ in range(MODIFIER_HOPS):
        if node.dep_ not in MODIFIER_DEPS or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in COURT_NOUNS and node.i >= (place.token_end or node.i):
            return node
    prep = token.head
    if token.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in SEAT_PREPS and \
            prep.head.lemma_.lower() in COURT_NOUNS:
        return prep.head
    return None


def _court_phrase(doc: Document, place: Place) -> str:
    """The words naming the court, from the place to its court noun or from the noun to the place, as written."""
    noun = _court_noun_of(doc, place)
    assert noun is not None and doc.parsed is not None and place.token_start is not None
    start, end = min(noun.i, place.token_start), max(noun.i + 1, place.token_end or place.token_start + 1)
    return doc.parsed[start:end].text
