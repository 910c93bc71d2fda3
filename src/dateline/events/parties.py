"""Who did it and to whom: an event's parties from the dependency parse.

Verbal triggers: the subject is the actor (inherited through coordination, control and
relative clauses: "Turkey has said ... and has accused the West", "agreed to turn",
"it is Moscow that conducts"), the passive by-agent is the actor and the passive subject the
recipient, the direct object or a prepositional object the recipient. Nominal triggers:
possessives and compounds are actors ("Moscow's support", "the Turkey-Russia deal"), "between"
and "among" list reciprocal actors ("a meeting between Erdogan and Putin"), "by" gives the
actor and "for/against/on/of/with" the recipient; a nominal trigger with no actor of its own
takes the subject of the support verb that governs it ("Moscow conducts air strikes").
Coordinated parties are all kept. The result is token heads; `dateline.events.resolve` turns them into
`Party` records using the actor mentions of the actors stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.words import word_class, word_set

# The word classes live in data/words/ (each file says what its list is for).
SPEECH_NOUNS = word_set("speech_nouns")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
PERSONAL_PRONOUNS = word_set("pronouns")
RECIPIENT_PREPS = word_class("prepositions", "recipient")
NOUN_RECIPIENT_PREPS = word_class("prepositions", "noun-recipient")
NOUN_ACTOR_PREPS = word_class("prepositions", "noun-actor")
#: Prepositions on a verb's object that introduce a recipient ("granted asylum to X").
OBJECT_RECIPIENT_PREPS = word_class("prepositions", "object-recipient")

SUBJECT_DEPS = ("nsubj", "csubj")
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod"})
NON_PARTY_HEADS = word_set("non_party_heads")
MEETING_VERBS = word_set("meeting_verbs")
#: Time and circumstance adjuncts: who is named there is not the act's recipient.
ADJUNCT_PREPS = word_class("prepositions", "time-adjunct")
#: Prepositions on a complement's object that give a reason or an occasion, not a party.
CIRCUMSTANCE_PREPS = word_class("prepositions", "circumstance")
SKIP_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc"})
#: Verbs whose subject undergoes the act their object names ("received backing from X", "faces charges").
CONVERSE_VERBS = word_set("converse_verbs")
#: Prepositions that name the giver of what a converse verb's subject receives.
GIVER_PREPS = frozenset({"from", "by"})
#: Acts that send someone out of a place: unless an agent is named, the place sent "from" acts.
REMOVAL_WORDS = word_set("removal_words")


@dataclass
class PartyTokens:
    """Token heads for the actor and recipient slots, and the pattern that found them."""

    actors: list[Any] = field(default_factory=list)
    recipients: list[Any] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    weak: set[int] = field(default_factory=set)  # heads kept only if an actor mention covers them
    partners: set[int] = field(default_factory=set)  # "with" objects: co-actors of a reciprocal event


def with_conjuncts(token: Any) -> list[Any]:
    """A party head and the heads coordinated with it ("Turkey, Russia and Iran")."""
    out = [token]
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                out.append(child)
                stack.append(child)
    return out


def verb_subject(verb: Any, depth: int = 0) -> tuple[Any | None, str]:
    """The subject of a verb, inherited from the clause it is coordinated with or controlled by."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS:
                return _relative_antecedent(verb), "relative clause"
            return child, "subject"
    if depth > 4 or verb.head.i == verb.i:
        return None, ""
    if verb.dep_ in ("conj", "xcomp"):
        found, how = verb_subject(verb.head, depth + 1)
        return found, f"{how} of '{verb.head.text}'"
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        passive = any(c.dep_ == "auxpass" for c in verb.children) or _participle(verb)
        if not passive and verb.head.lemma_.lower() in SPEECH_NOUNS and verb.head.head.pos_ == "VERB":
            found, how = verb_subject(verb.head.head, depth + 1)  # "X issued a statement demanding ..."
            return found, f"{how} of '{verb.head.head.text}'"
        return (None, "") if passive else (verb.head, "modified noun")
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        found, how = verb_subject(verb.head, depth + 1)
        return found, f"{how} of '{verb.head.text}'"
    return None, ""


def _relative_antecedent(verb: Any) -> Any | None:
    """The noun a relative pronoun stands for; clefts ("it is Moscow that ...") use the focus."""
    head = verb.head
    if verb.dep_ == "relcl":
        return head
    if head.lemma_ == "be":
        return next((c for c in head.children if c.dep_ == "attr"), None)
    return None


def verb_parties(verb: Any) -> PartyTokens:
    """Actor and recipient heads of a verbal trigger."""
    if converse(verb):
        return converse_parties(verb, verb_subject(verb))
    found = PartyTokens()
    subject, how = verb_subject(verb)
    passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        found.actors.extend(with_conjuncts(agent))
        found.patterns.append("passive by-agent")
    if passive_subject is not None:
        if passive_subject.lower_ in RELATIVE_PRONOUNS:
            passive_subject = _relative_antecedent(verb)
        if passive_subject is not None:
            found.recipients.extend(with_conjuncts(passive_subject))
            found.patterns.append("passive subject")
    elif _passive_modifier(verb):
        found.recipients.extend(with_conjuncts(verb.head))  # "the diplomats being expelled"
        found.patterns.append("noun the passive participle modifies")
    if subject is not None and agent is not None and how != "subject":
        found.recipients.extend(with_conjuncts(subject))  # "Backed by Russia, Assad ...": Assad is backed
        found.patterns.append(f"{how} (passive participle)")
    elif subject is not None:
        found.actors.extend(with_conjuncts(subject))
        found.patterns.append(how)
    _add_objects(verb, found)
    return found


def _passive_modifier(verb: Any) -> bool:
    """"the 60 diplomats being expelled", "protesters arrested on Friday": a passive participle
    modifying a noun says what was done to that noun."""
    return verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and _participle(verb) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _participle(verb: Any) -> bool:
    """A past participle, also when the tagger calls a subjectless "acl" past form a past tense."""
    return verb.tag_ == "VBN" or (verb.dep_ == "acl" and verb.tag_ == "VBD")


def converse(verb: Any) -> bool:
    """A verb whose subject undergoes the act its object names ("faced charges"), not one whose
    object is a person or body ("received the ambassador": a host meets a guest)."""
    return verb.lemma_.lower() in CONVERSE_VERBS and not any(
        _is_named(c) for c in verb.children if c.dep_ in ("dobj", "dative"))


def converse_parties(verb: Any, subject_found: tuple[Any | None, str]) -> PartyTokens:
    """"May received backing from the US": the US acts, May is the recipient."""
    found = PartyTokens()
    subject, how = subject_found
    if subject is not None:
        found.recipients.extend(with_conjuncts(subject))
        found.patterns.append(f"{how} of '{verb.text}' (undergoes the act)")
    for holder in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
        for prep in holder.children:
            giver = [g for g in prep.children if g.dep_ == "pobj"] if prep.lower_ in GIVER_PREPS else []
            if giver and prep.dep_ in ("prep", "agent"):
                found.actors.extend(with_conjuncts(giver[0]))
                found.patterns.append(f"'{prep.lower_}' object of '{verb.text}' (gives)")
                return found
    return found


def _add_objects(verb: Any, found: PartyTokens) -> None:
    """Direct, indirect and prepositional objects as recipients.

    Objects that are not named entities are weak: they stay only if an actor mention resolves
    them, so "sent arms to Pakistan" keeps Pakistan and drops the arms.
    """
    if found.recipients:
        return
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and not _own_thing(child):
            heads = [h for o in _object_nouns(child) for h in with_conjuncts(o)]
            found.weak.update(t.i for t in heads if not _is_named(t))
            found.recipients.extend(heads)
            found.patterns.append("direct object" if child.dep_ == "dobj" else "indirect object")
            if child.dep_ == "dobj" and not _is_named(child):
                _add_object_preps(child, found)  # "granted asylum to X", "shared evidence with X"
        elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            _add_prep_object(child, found, f"'{child.lower_}' object")
        if child.dep_ == "dobj" and verb.lemma_.lower() in MEETING_VERBS:
            found.partners.update(t.i for t in with_conjuncts(child))  # "Erdogan met Putin"


def _add_object_preps(obj: Any, found: PartyTokens) -> None:
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_RECIPIENT_PREPS:
            _add_prep_object(prep, found, f"'{prep.lower_}' object of the object")


def _add_prep_object(prep: Any, found: PartyTokens, pattern: str) -> None:
    """The object of a preposition as a weak recipient ("with" objects are partners too)."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if not objects:
        return
    heads = with_conjuncts(objects[0])
    found.recipients.extend(heads)
    found.weak.update(t.i for t in heads)
    found.patterns.append(pattern)
    if prep.lower_ == "with":
        found.partners.update(t.i for t in heads)


def _object_nouns(child: Any) -> list[Any]:
    """The noun of an object: "gave Iraq a grant" -> Iraq; a prepositional dative
    ("providing intelligence to Macedonia", parsed dative "to") -> its object, Macedonia."""
    if child.pos_ == "ADP":
        return [g for g in child.children if g.dep_ == "pobj"]
    return [child]


def _own_thing(token: Any) -> bool:
    """"mobilising its forces": an object the actor owns is not a recipient."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my")
               for c in token.children)


def noun_parties(noun: Any, reciprocal: bool = False) -> PartyTokens:
    """Actor and recipient heads of a nominal trigger, falling back on its support verb."""
    found = PartyTokens()
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            found.actors.append(child)  # "their first meeting": kept only if it resolves,
            found.weak.add(child.i)     # else the support verb's subject stands in
            found.patterns.append("possessive pronoun")
        elif child.dep_ == "poss":
            found.actors.extend(with_conjuncts(child))
            found.patterns.append("possessive")
        elif child.dep_ in ("compound", "amod", "nmod") and _is_named(child):
            found.actors.extend(_compound_chain(child))
            found.patterns.append("modifier")
        elif child.dep_ == "compound" and child.pos_ == "NOUN":
            found.actors.append(child)
            found.weak.add(child.i)
            found.patterns.append("noun modifier")
        elif child.dep_ == "prep":
            _add_noun_prep(child, found)
    if all(t.i in found.weak for t in found.actors) or _under_light_verb(noun):
        _add_support_verb_subject(noun, found, reciprocal)
    return found


def _under_light_verb(noun: Any) -> bool:
    """"X undertook a mediation mission between Y and Z": X takes part too."""
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and load_lexicon().is_light_verb(
        noun.head.lemma_.lower())


def _is_named(token: Any) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")


def _compound_chain(token: Any) -> list[Any]:
    """"Turkey-Russia deal": both names of a hyphenated or stacked compound."""
    out = [token]
    out.extend(c for c in token.children if c.dep_ in ("compound", "conj") and _is_named(c))
    return out


def _add_noun_prep(prep: Any, found: PartyTokens) -> None:
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if not objects:
        return
    word = prep.lower_
    if word in NOUN_ACTOR_PREPS:
        found.actors.extend(with_conjuncts(objects[0]))
        found.patterns.append(f"'{word}' (reciprocal)")
    elif word == "by":
        found.actors.extend(with_conjuncts(objects[0]))
        found.patterns.append("'by' agent")
    elif word in NOUN_RECIPIENT_PREPS and not found.recipients:
        heads = with_conjuncts(objects[0])
        found.recipients.extend(heads)
        found.weak.update(t.i for t in heads)
        found.patterns.append(f"'{word}' object")
        if word == "with":
            found.partners.update(t.i for t in heads)


def _add_support_verb_subject(noun: Any, found: PartyTokens, reciprocal: bool = False) -> None:
    """"X conducts air strikes", "X gave Y millions of aid", "X returned for talks": the verb's parties."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "5 million dollars of aid" -> "dollars"
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    head = noun.head
    via_prep = noun.dep_ == "pobj" and reciprocal and head.dep_ == "prep"
    verb = head.head if via_prep else head
    if not (noun.dep_ == "dobj" or via_prep) or verb.pos_ not in ("VERB", "AUX"):
        return
    if converse(verb):  # "he is facing charges", "received backing from X"
        undergone = converse_parties(verb, verb_subject(verb))
        found.actors.extend(undergone.actors)
        if not any(t.i not in found.weak for t in found.recipients):
            found.recipients[:0] = undergone.recipients
        found.patterns.extend(undergone.patterns)
        return
    subject, how = verb_subject(verb)
    if subject is not None:
        found.actors.extend(with_conjuncts(subject))
        found.patterns.append(f"support verb '{verb.text}' {how}")
    if any(t.i not in found.weak for t in found.recipients):
        return
    for child in verb.children:
        objects = _object_nouns(child) if child.dep_ in ("dative", "iobj", "dobj") and child.i != noun.i else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and \
            child.lower_ in RECIPIENT_PREPS and child.i != head.i else []
        if objects:
            heads = with_conjuncts(objects[0])
            found.recipients.extend(heads)
            found.weak.update(t.i for t in heads)
            found.patterns.append(f"support verb '{child.lower_}' object")
            if child.lower_ == "with":
                found.partners.update(t.i for t in heads)


def adjective_parties(adjective: Any) -> PartyTokens:
    """"X is willing to send troops", "X is opposed to Y": the copula's subject acts."""
    found = PartyTokens()
    subject, how = verb_subject(adjective.head) if adjective.head.i != adjective.i else (None, "")
    if subject is not None:
        found.actors.extend(with_conjuncts(subject))
        found.patterns.append(f"{how} of '{adjective.head.text}'")
    for child in adjective.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                found.recipients.extend(with_conjuncts(objects[0]))
                found.weak.update(t.i for t in found.recipients)
                found.patterns.append(f"'{child.lower_}' object")
                break
    return found


def trigger_parties(token: Any, reciprocal: bool = False) -> PartyTokens:
    """Party heads of any trigger token."""
    if token.pos_ in ("VERB", "AUX"):
        found = verb_parties(token)
    elif token.pos_ == "ADJ":
        found = adjective_parties(token)
    else:
        found = noun_parties(token, reciprocal)
    if all(t.i in found.weak for t in found.recipients):
        _add_complement_recipients(token, found)
    if token.lemma_.lower() in REMOVAL_WORDS:
        _add_removal_source(token, found)
    return found


def _add_removal_source(token: Any, found: PartyTokens) -> None:
    """"diplomats expelled from the United States", "expulsions of diplomats from Russia": with no
    actor named, the state they are sent out of acts (kept only if an actor mention resolves it)."""
    if any(t.i not in found.weak for t in found.actors):
        return
    removed = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    source = next((g for holder in [token, *removed] for p in holder.children if p.dep_ == "prep"
                   and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"), None)
    if source is None:
        return
    heads = with_conjuncts(source)
    ids = {t.i for t in heads}
    found.actors[:0] = heads
    found.weak.update(ids)
    found.recipients = [t for t in found.recipients if t.i not in ids]
    found.patterns.append(f"'from' object of '{token.text}' (the state sending out)")


def _add_complement_recipients(token: Any, found: PartyTokens) -> None:
    """"offered to hand over suspects to Britain": who the promised or demanded act is for.

    The named parties of an infinitival complement are the recipients of the act that
    announces it; they are kept only if an actor mention resolves them.
    """
    clause = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if clause is None:
        return
    actor_ids = {t.i for t in found.actors}
    stack = [c for c in clause.children if c.dep_ not in ("nsubj", "nsubjpass", "relcl", "acl", "advcl")
             and c.lower_ not in ADJUNCT_PREPS]
    heads = []
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("pobj", "dobj", "dative", "conj") and tok.pos_ in ("PROPN", "NOUN") \
                and tok.i not in actor_ids:
            heads.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")
                     and c.lower_ not in ADJUNCT_PREPS and not _circumstance(tok, c))
    if heads:
        heads.sort(key=lambda t: t.i)
        found.recipients.extend(heads)
        found.weak.update(t.i for t in heads)
        found.patterns.append(f"named in the complement '{clause.text}'")


def _circumstance(parent: Any, child: Any) -> bool:
    """"break off relations with Congo over their ties with Israel": a phrase that says why
    or when ("over", "during"; "on the eve of" on an object) names no recipient of the act."""
    if child.dep_ != "prep":
        return False
    return child.lower_ in CIRCUMSTANCE_PREPS or (parent.dep_ == "pobj" and child.lower_ in ("on", "at"))


def demand_parties(speech_verb: Any, clause: Any) -> PartyTokens:
    """"X said Y must ...": X demands, Y is asked."""
    found = PartyTokens()
    speaker, how = verb_subject(speech_verb)
    if speaker is not None:
        found.actors.extend(with_conjuncts(speaker))
        found.patterns.append(f"speaker ({how})")
    addressee, _ = verb_subject(clause)
    if addressee is not None:
        found.recipients.extend(with_conjuncts(addressee))
        found.patterns.append("subject of the demanded clause")
    return found
