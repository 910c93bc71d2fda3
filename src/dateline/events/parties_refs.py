"""What a pronoun or a bare phrase stands for where the nearest earlier subject is the wrong answer (read by
`events.resolve`).

Six classes of error on unseen news, each with a rule a reader can check in `dateline show`'s entry:

* a possessive inside a coordination ("Sergei Skripal and his daughter") is bound by the noun it is
  coordinated with, not by a subject named before ("Lavrov said ... Skripal and his daughter");
* an object pronoun whose nearest sentence naming something it can stand for names it only as an object
  ("Police surrounded the CNN team. ... the police threatened to beat them", the police its own binder):
  the sentences are searched nearest first, within one a subject before an object; a subject or
  possessive pronoun takes up subjects only, as before ("says it plans": not an object of the sentence
  before);
* "it" in a manner clause ("as Mark Danner put it") stands for what is being said, never for a party;
* "those expelled", "those taking to the streets" stand for whom the last act of that verb before them was
  done to (a passive participle) or by (an active one): "the 60 Russian diplomats being expelled";
* "two others" as the object (or passive subject) of a verb coordinated after one whose object is a named
  party ("shot dead one Kenyan guard and hurt two others") are more of that party: its country and sector.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.events.resolve_groups import noun_phrase
from dateline.model import Party
from dateline.words import word_class, word_set

#: Where a mention is its clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Where a mention is an object a later pronoun may take up: a verb's direct or indirect object.
OBJECT_DEPS = frozenset({"dobj", "dative"})
#: Where a pronoun is an object, which may take up an object before it ("surrounded the crew ... beat them").
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})


#: Where "others" stands as the sufferer of its verb, and where the first verb's sufferer is looked for.
SUFFERER_DEPS = frozenset({"dobj", "nsubjpass"})


#: How far back (characters) "those expelled" looks for the act it takes up.
DESCRIBED_WINDOW = 1500


def described_antecedent(token: Any) -> tuple[Any, str] | None:
    """"Ottawa said those expelled were spies": "those" with a participle ("expelled",
    "taking to the streets") stands for whom the last act of that verb before it, within `DESCRIBED_WINDOW`
    characters, was done to (a passive participle: the verb's object, passive subject or the noun its participle
    modifies, "diplomats being expelled", "expelled diplomats") or by (an active one: its subject, or the noun
    its "-ing" participle modifies). Returns that head and how it was found (for the entry); None when nothing
    fits."""
    if token.lower_ != "those" or token.pos_ not in ("PRON", "DET"):
        return None
    participle = next((c for c in token.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBG")), None)
    if participle is None:
        return None
    suffered = participle.tag_ == "VBN"
    doc = token.doc
    for earlier in reversed(doc[:token.i]):
        if earlier.idx < token.idx - DESCRIBED_WINDOW:
            return None
        if earlier.lemma_ != participle.lemma_ or earlier.i == participle.i:
            continue
        head = _done_to(earlier) if suffered else _done_by(earlier)
        if head is not None:
            role = "to" if suffered else "by"
            return head, f"'those {participle.text}' -> {head.text!r}, whom the '{earlier.text}' at {earlier.idx} " \
                         f"was done {role}"
    return None


def _done_to(verb: Any) -> Any | None:
    """Whom an earlier verb's act was done to: its object, passive subject, or the noun it modifies."""
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBN":
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _done_by(verb: Any) -> Any | None:
    """Who did an earlier verb's act: its subject, or the noun its "-ing" participle modifies."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        return verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def others_antecedent(token: Any) -> Any | None:
    """The head of the party "two others" continues: "shot dead one Kenyan guard and hurt two others", "two
    Iraqi soldiers were killed and three others were wounded" -- "others" (counted, with no "of" phrase saying
    whose) as the object or passive subject of a verb coordinated after one that has such a sufferer. None
    when the word is no such "others", or the first verb names no sufferer."""
    if token.lower_ != "others" or token.dep_ not in SUFFERER_DEPS or \
            not any(c.dep_ == "nummod" for c in token.children) or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    verb = token.head
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.head.children if c.dep_ == token.dep_), None)


def others_party(token: Any, resolve: Callable[[Any], list[Party]]) -> Party | None:
    """"shot dead one Kenyan guard and hurt two others": "two others" are more of what the first verb's
    sufferer is (`others_antecedent`, its parties by `resolve`): its country, and its sector when the sufferers
    share one. None when the rule does not apply or the sufferers are of no one country."""
    first = others_antecedent(token)
    named = [p for p in resolve(first) if p.country] if first is not None else []
    if len({p.country for p in named}) != 1:
        return None
    span = noun_phrase(token)
    sectors = {p.sector for p in named}
    return Party(name=span.text, text=span.text, start=span.start_char, end=span.end_char, country=named[0].country,
                 sector=sectors.pop() if len(sectors) == 1 else None,
                 entry=f"{span.text!r} after {named[0].text!r} at {named[0].start} (more of the same): "
                       f"{named[0].entry}")


def coordinated_owner(pronoun: Any) -> Any | None:
    """The noun a possessive pronoun's noun is coordinated with ("Sergei Skripal and his daughter" ->
    Skripal): English binds "his" there to the first conjunct, whoever the clause's subject is. None when
    the pronoun is no possessive on a second conjunct."""
    if pronoun.dep_ != "poss":
        return None
    owned = pronoun.head
    if owned.dep_ != "conj" or owned.head.i >= pronoun.i:
        return None
    first = owned.head
    return first if first.pos_ in ("PROPN", "NOUN") else None


#: Dependencies of a phrase or clause a verb takes as an adjunct ("In its statement, the ministry said").
ADJUNCT_DEPS = frozenset({"prep", "advcl", "npadvmod"})
#: How many nouns and prepositions a possessive may sit below its adjunct ("For all of its talk").
ADJUNCT_CLIMB = 4


def fronted_owner(pronoun: Any) -> Any | None:
    """"In its statement on Monday, the ministry rejected the claims": a possessive pronoun inside an adjunct
    written before the subject of the clause it belongs to looks ahead to that subject (English writes the owner
    after such a fronted phrase), not back to an earlier sentence. The subject's head token, or None when the
    pronoun is no possessive in a fronted adjunct. Whether the subject agrees is the caller's to judge ("After his
    arrest, police said": "his" is no police)."""
    if pronoun.dep_ != "poss":
        return None
    node = pronoun.head
    for _ in range(ADJUNCT_CLIMB):
        if node.head.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    verb = node.head
    if node.dep_ not in ADJUNCT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or node.right_edge.i >= subject.left_edge.i:
        return None
    return subject


def manner_clause_it(pronoun: Any) -> bool:
    """Whether "it" is the object of a verb in an "as" clause ("as Mark Danner put it", "as he sees it"):
    the pronoun stands for the words or the matter, not for an actor named before."""
    if pronoun.lower_ != "it" or pronoun.dep_ != "dobj":
        return False
    verb = pronoun.head
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def nearest_sentence_antecedent(doc: Any, pronoun: Any, mentions: list[Any], fits: Callable[[Any, Any], bool]
                                ) -> tuple[Any, str] | None:
    """The mention a pronoun stands for, searching the sentences before it nearest first and, within one
    sentence, its last subject before its last object (an object only for an object pronoun, and only as a
    verb's direct or indirect object: a place in a prepositional phrase is a scene, not a referent).
    `mentions` are the actor mentions before the pronoun, `fits(actor, head)` whether one can be what the
    pronoun stands for (agreement, binding). Returns the mention and "subject" or "object"; None when nothing fits."""
    best: tuple[int, int, int, Any] | None = None  # sentence start, subject rank, start, mention
    for actor in mentions:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        name = mention_head(span)
        head = phrase_head(name)
        rank = 1 if head.dep_ in SUBJECT_DEPS or _subject_conjunct(head) else \
            0 if head.dep_ in OBJECT_DEPS or _object_conjunct(head) else None
        if rank is None and _relative_subject(head, pronoun):
            rank = 1
        if rank == 0 and pronoun.dep_ not in OBJECT_PRONOUN_DEPS:
            continue  # a subject or possessive pronoun continues a subject ("says it plans": not an object before)
        if rank is None or not fits(actor, name):  # agreement is the name's own ("the CNN team": CNN)
            continue
        key = (head.sent.start, rank, actor.start, actor)
        if best is None or key[:3] > best[:3]:
            best = key
    if best is None:
        return None
    return best[3], "subject" if best[1] else "object"


def antecedent_role(doc: Any, actor: Any) -> str:
    """"subject" or "object": how the mention a pronoun was resolved to stands in its sentence (for the entry)."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    head = phrase_head(mention_head(span)) if span is not None and len(span) else None
    return "object" if head is not None and (head.dep_ in OBJECT_DEPS or _object_conjunct(head)) else "subject"


def mention_head(span: Any) -> Any:
    """A mention's own head word: the parse's root of its span unless that is a determiner the span took
    from a larger phrase ("the CNN" of "the CNN team": CNN, not "the")."""
    if span.root.dep_ not in ("det", "predet", "punct"):
        return span.root
    words = [t for t in span if t.dep_ not in ("det", "predet", "punct")]
    return words[-1] if words else span.root


def phrase_head(token: Any) -> Any:
    """The noun a mention modifies, when the mention is a name inside a larger phrase ("the CNN team" -> team):
    that noun's place in the clause is the mention's."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _subject_conjunct(head: Any) -> bool:
    """"Britain and France condemned": the second of coordinated subjects is a subject too."""
    return head.dep_ == "conj" and head.head.dep_ in SUBJECT_DEPS


def _object_conjunct(head: Any) -> bool:
    """"surrounded the crew and the driver": the second of coordinated objects is an object too."""
    return head.dep_ == "conj" and head.head.dep_ in OBJECT_DEPS


def _relative_subject(head: Any, pronoun: Any) -> bool:
    """"journalist X, who was sentenced after he was convicted": a noun a subject relative clause hangs on
    counts as a subject for a pronoun inside that clause."""
    for clause in head.children:
        if clause.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP", "WP$")
                                          for c in clause.children):
            if any(t.i == pronoun.i for t in clause.subtree):
                return True
    return False


#: Verbs that report speech, whose subject a subject pronoun of the reported clause stands for.
REPORTING_VERBS = word_set("reporting_verbs")
#: Pronouns of one person, and of several (as subjects: "he"/"she", "they").
PERSON_SUBJECTS = word_class("pronoun_agreement", "person")
PLURAL_SUBJECTS = word_class("pronoun_agreement", "plural")


def reporting_subject(pronoun: Any) -> Any | None:
    """"Staff from the state company said they had been ordered to protest", "Wedeman said he had been
    threatened": a subject pronoun of a clause reported by a noun subject that agrees (for "they" a plural,
    coordinated or collective noun, not one person's name; for "he"/"she" one person's name) stands for that
    speaker, whether or not the actors stage knows it (then the pronoun names nobody, not whoever was named
    before). None when the rule does not apply ("it" is read by the body and thing rules)."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.lower_ not in PERSON_SUBJECTS | PLURAL_SUBJECTS:
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN") or speaker.i > pronoun.i:
        return None
    several = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    if pronoun.lower_ in PLURAL_SUBJECTS:  # "police said they", "staff said they": a collective noun agrees too
        return speaker if several or speaker.ent_type_ != "PERSON" else None
    return speaker if not several and speaker.ent_type_ == "PERSON" else None  # "the ministry said he": not it
