"""Participles on nouns: a name hyphened to one ("Iran-backed militias"), and a verb the parser hung on a noun.

A name joined by a hyphen to a participle of backing or making says who stands behind the noun's referent
(`sponsor_offsets`), not who the noun is.

"The Saudi-led coalition bombed Sanaa" comes out of `en_core_web_sm` as the noun "coalition" (the root) modified by
the participle "bombed", so the verb has an object but no subject and its actor is lost; so does a verb after a long
subject ("Doctors from two aid groups donated and delivered goods"). `headline_subject` reads the root noun as the
subject when nothing else in the sentence is a finite verb; `dateline.events.parties_syntax.verb_subject` asks it
first. Measured on 3,708 Timeline17 sentences (200 articles), 316 GSR sentences, 500 events-gold sentences and 83
short reports, the parse occurs in 3, 1, 0 and 1 of them: rare in edited prose, more common in headlines.

A passive infinitive or conjunct with no subject of its own ("X is to be released", "X expected to be criticised")
inherits one, and what it says is done to that subject (`passive_inheritor`): `verb_parties` makes it the recipient.

A series of finite verbs with no "and" before the middle one ("Villagers left the mosque, blocked the road and
shouted") comes out with the first verb as an adverbial clause of the second, which then has no subject: it shares
the first's (`series_subject`).
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_class, word_set

#: Verbs whose hyphened participle names who backs or made a thing ("Iran-backed militias", "Russian-made").
SPONSOR_PARTICIPLES = word_class("participles", "sponsor")

#: Verbs whose passive participle keeps an object ("Activist handed ten-year sentence"): no headline subject.
RETAINED_OBJECT_VERBS = word_set("retained_object_verbs")
#: Tags of a finite verb form.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def headline_subject(verb: Any) -> Any | None:
    """"The Saudi-led coalition bombed Sanaa", "Doctors from two aid groups donated and delivered goods": the small
    parser reads a sentence whose subject it misjudges as one noun phrase, the noun its root and the verb a
    participle modifying it (or a noun of the root's own phrase), so the verb has no subject. When no verb outside
    the participle's coordination is finite, the noun comes first and the participle reads as active (an object,
    or a form the tagger calls a finite past), that root noun is the verb's subject; None otherwise. Not for verbs
    whose passive keeps an object (`retained_object_verbs`: "Activist handed ten-year sentence" is a passive, the
    activist undergoes it), nor for a participle with an auxiliary, a subject or a "by" agent of its own."""
    noun = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return None
    if verb.lemma_.lower() in RETAINED_OBJECT_VERBS:
        return None
    chain = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    active = any(v.tag_ == "VBD" or any(c.dep_ == "dobj" for c in v.children) for v in chain)
    own = {v.i for v in chain}
    if not active or any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass")
                         for v in chain for c in v.children):
        return None
    # a finite verb is a word: the tagger calls stray symbols ("\\$500,000") past tenses too
    return None if any(t.tag_ in FINITE_TAGS and t.is_alpha and t.i not in own for t in verb.sent) else noun


def sponsor_participle(modifier: Any) -> bool:
    """"Iran-backed militias", "a Russian-made missile", "Qatar-funded groups": a participle modifying a noun
    (`participles.tsv`, class `sponsor`) whose named dependent says who backs or made it; that name is not the
    noun's party."""
    return modifier.dep_ == "amod" and modifier.tag_ == "VBN" and modifier.lemma_.lower() in SPONSOR_PARTICIPLES


def sponsor_offsets(token: Any) -> set[int]:
    """Character offsets of the words under the sponsor participles modifying `token` ("The Kremlin-backed
    separatists": "Kremlin", "-", "backed"): an actor mention over any of them is the backer, not the token's."""
    return {t.idx for c in token.children if sponsor_participle(c) for t in c.subtree}


#: Texts and recordings ("a report", "a study") and documents a body issues ("a complaint", "a filing").
PUBLISHED_NOUNS = word_set("document_nouns") | word_set("issued_documents")
#: Verbs whose subject puts a text out ("issued", "released", "published").
PUBLISHING_VERBS = word_set("publishing_verbs")


def published_document(noun: Any) -> bool:
    """"The ministry released a report alleging abuses by troops": a text (`document_nouns`, `issued_documents`)
    that is the object of a verb of putting it out (`publishing_verbs`) says what its publisher says, so a
    participle on it is done by that verb's subject, as "X issued a statement demanding ..." is; a text that is
    only read or cited ("a report alleging abuses was cited") names no one."""
    return noun.lemma_.lower() in PUBLISHED_NOUNS and noun.dep_ == "dobj" and \
        noun.head.lemma_.lower() in PUBLISHING_VERBS


def passive_inheritor(verb: Any, subject: Any | None, how: str) -> Any | None:
    """"The envoy is to be released Friday", "with the mayor likely to be blamed": a passive verb with no subject of
    its own takes the one of the clause it is controlled by or coordinated with (`verb_subject`), and what a passive
    says is done to that subject, so it is the act's recipient, not its actor. None for a verb with an active
    form, with a passive subject of its own, or with a subject that is its own."""
    if subject is None or how == "subject" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return None if any(c.dep_ == "nsubjpass" for c in verb.children) else subject


def series_subject(verb: Any) -> Any | None:
    """"Villagers left the mosque, blocked the road and shouted": the subject of the first verb of a series the parser
    hung as an unmarked adverbial clause before the verb (or before the first verb of the verb's own coordination),
    in the same finite tense and with a subject of its own; None when there is no such clause ("After they left the
    mosque, blocked ..." has a marker; "Leaving the mosque, ..." is no finite verb)."""
    head = verb
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    for clause in head.children:
        if clause.dep_ != "advcl" or clause.i > head.i or clause.tag_ != head.tag_ or clause.tag_ not in FINITE_TAGS:
            continue
        if any((c.dep_ in ("mark", "aux") or c.tag_ == "WRB") and c.i < clause.i for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subject is not None and any(t.text == "," for t in clause.doc[clause.i:head.i]):
            return subject
    return None
