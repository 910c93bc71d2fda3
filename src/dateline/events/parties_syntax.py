"""The syntax every party reader shares: party slots, coordination, clause subjects, converse verbs.

`PartyTokens` holds the token heads found for an event's actor and recipient slots; the
helpers here find a verb's subject through coordination, control and relative clauses, the
heads coordinated with a party, and the parties of converse verbs ("received backing from X"),
whose subject undergoes the act. `dateline.events.parties` (verbal triggers) and
`dateline.events.parties_nominal` (nouns and adjectives) build on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.events.parties_control import infinitive_of_noun, noun_controller
from dateline.events.parties_judged import judged_doer
from dateline.events.parties_participles import headline_subject, published_document
from dateline.syntax import passive_agent
from dateline.words import word_class, word_map, word_set

# The word classes live in data/words/ (each file says what its list is for).
SPEECH_NOUNS = word_set("speech_nouns")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
PERSONAL_PRONOUNS = word_set("pronouns")
RECIPIENT_PREPS = word_class("prepositions", "recipient")
NOUN_RECIPIENT_PREPS = word_class("prepositions", "noun-recipient")
NOUN_ACTOR_PREPS = word_class("prepositions", "noun-actor")
#: Prepositions on a verb's or a nominal's object that introduce a recipient ("granted asylum to X").
OBJECT_RECIPIENT_PREPS = word_class("prepositions", "object-recipient")
SUBJECT_DEPS = ("nsubj", "csubj")
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod"})
NON_PARTY_HEADS = word_set("non_party_heads")
MEETING_VERBS = word_set("meeting_verbs")
#: Prepositions of a verb whose object, a thing, may name whom the act is aimed at ("conceded to demands from X").
THING_PREPS = word_class("prepositions", "thing-aim")
#: Media a statement is made on ("denied on state television"): how it was said, not whom it is aimed at.
MEDIUM_NOUNS = word_set("medium_nouns")
#: Verbs of going somewhere: intransitive, they share no object with the verb they are coordinated with.
JOURNEY_VERBS = word_set("journey_verbs")
SKIP_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc"})
#: Verbs whose subject undergoes the act their object names ("received backing from X", "faces charges").
CONVERSE_VERBS = word_set("converse_verbs")
#: Prepositions that name the giver of what a converse verb's subject receives.
GIVER_PREPS = frozenset({"from", "by"})
#: Entity labels of a named party.
NAMED_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
#: Verbs whose object is the subject of their "to" infinitive: it is told, made or let to act.
OBJECT_CONTROL_VERBS = word_set("addressing_verbs") | word_set("causative_verbs") | word_set("permitting_verbs")
#: Verbs that address someone through a preposition ("appealed to X to", "called on X to"), and those prepositions.
ADDRESSING_PREPS = word_map("addressing_preps")
#: Verbs whose participle's "by" phrase on a nominal trigger names who led or ordered the act ("led by X").
DIRECTING_VERBS = word_class("participles", "directing")


@dataclass
class PartyTokens:
    """Token heads for the actor and recipient slots, and the pattern that found them."""

    actors: list[Any] = field(default_factory=list)
    recipients: list[Any] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    weak: set[int] = field(default_factory=set)  # heads kept only if an actor mention covers them
    partners: set[int] = field(default_factory=set)  # "with" objects: co-actors of a reciprocal event
    themes: set[int] = field(default_factory=set)  # objects handed on to another: "sent troops to Mali"


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
                return clause_antecedent(verb), "relative clause"
            return child, "subject"
    if depth > 4 or verb.head.i == verb.i:
        return None, ""
    made = controlling_object(verb) or addressed_by_preposition(verb)
    if made is not None:
        return made, f"object of '{verb.head.text}' (told, made or let to act)"
    told = _told_passive_subject(verb)
    if told is not None:
        return told, f"passive subject of '{verb.head.text}' (was told, made or let to act)"
    if verb.dep_ in ("conj", "xcomp"):
        found, how = verb_subject(verb.head, depth + 1)
        return found, f"{how} of '{verb.head.text}'"
    if (headline := headline_subject(verb)) is not None:
        return headline, "noun the parser hung the sentence's only verb on"
    if infinitive_of_noun(verb):  # "an attempt by X to hold a rally", "X requested permission to hold a rally"
        holder, seeker, how = noun_controller(verb.head)
        if seeker is not None:
            holder, _ = verb_subject(seeker, depth + 1)
        if holder is not None:
            return holder, how
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        passive = any(c.dep_ == "auxpass" for c in verb.children) or participle(verb)
        said_by_head = verb.head.lemma_.lower() in SPEECH_NOUNS or published_document(verb.head)
        if not passive and said_by_head and verb.head.head.pos_ == "VERB":
            found, how = verb_subject(verb.head.head, depth + 1)  # "X issued a statement demanding ..."
            return found, f"{how} of '{verb.head.head.text}'"
        return (None, "") if passive else (verb.head, "modified noun")
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        found, how = verb_subject(verb.head, depth + 1)
        return found, f"{how} of '{verb.head.text}'"
    judged = judged_doer(verb)
    if judged is not None:  # "blamed Russia for shelling": Russia shelled
        return judged, f"object of '{judged.head.text}' (judged for the act)"
    holder = _gerund_holder(verb)
    if holder is not None:
        # "is concentrating on getting aid", "after meeting Putin, Erdogan said", "came close to blowing up": a
        # gerund after a preposition has the subject of the verb the preposition (or its adjective) belongs to
        found, how = verb_subject(holder, depth + 1)
        if found is None:  # "Hamas was accused of firing rockets": the passive subject did it
            found, how = _passive_subject(holder), "passive subject"
        return found, f"{how} of '{holder.text}'" if found is not None else ""
    return None, ""


def _gerund_holder(verb: Any) -> Any | None:
    """The verb whose clause a gerund after a preposition belongs to: the preposition's verb ("accused of
    firing"), or the verb of the adjective or adverb the preposition hangs on ("is responsible for attacking",
    "came close to blowing up"); None for a gerund in a noun's phrase ("the risk of attacking") or any other verb."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return None
    holder = verb.head.head
    if holder.pos_ in ("ADJ", "ADV") and holder.dep_ in ("acomp", "advmod", "oprd"):
        holder = holder.head
    return holder if holder.pos_ in ("VERB", "AUX") else None


def coordinated_passive(verb: Any, subject: Any | None, passive_subject: Any | None,
                        agent: Any | None) -> tuple[Any | None, Any | None]:
    """"Three activists were arrested and charged", "were detained and beaten by police": passive participles
    coordinated with each other share their passive subject and their by-agent, which the parser hangs on one
    conjunct only. Returns the passive subject and the by-agent `verb` takes from its conjuncts (None for a slot
    it fills itself, or when it is no passive participle coordinated with a passive one)."""
    if subject is not None or verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children):
        return None, None  # "arrested X and has charged him": an active perfect has its own parties
    conjuncts = [c for c in _coordination(verb) if c.i != verb.i and c.tag_ == "VBN"]
    if not any(c.dep_ == "auxpass" for v in [verb, *conjuncts] for c in v.children):
        return None, None
    shared_subject = None if passive_subject is not None else next(
        (c for v in conjuncts if v.i < verb.i for c in v.children if c.dep_ == "nsubjpass"), None)
    shared_agent = None if agent is not None else next(
        (a for a in map(passive_agent, conjuncts) if a is not None), None)
    return shared_subject, shared_agent


def shared_object(verb: Any) -> Any | None:
    """"police arrested and beat dozens of protesters", "gunmen attacked and burned a church": an active verb with
    no object of its own, coordinated with a later verb that has one and no subject of its own, shares that object
    (the parser hangs it on the last verb only). None for verbs of going ("arrived and arrested X": who arrives
    goes somewhere; `journey_verbs`) and for verbs with a complement or a prepositional phrase of their own."""
    if verb.lemma_.lower() in JOURNEY_VERBS or any(
            c.dep_ in ("dobj", "dative", "iobj", "prep", "ccomp", "xcomp", "nsubjpass", "auxpass", "prt")
            for c in verb.children):
        return None
    for later in verb.children:
        if later.dep_ == "conj" and later.pos_ == "VERB" and later.i > verb.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in later.children):
            found = next((c for c in later.children if c.dep_ == "dobj"), None)
            if found is not None:
                return found
    return None


def _coordination(verb: Any) -> list[Any]:
    """Every verb of the coordination `verb` is in ("attacked, looted and burned"), first to last."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    out, stack = [first], [first]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def controlling_object(verb: Any) -> Any | None:
    """"forced France to capitulate", "urged Israel to halt the demolitions", "allowed the opposition to march":
    the object of a verb that tells, makes or lets someone act (`OBJECT_CONTROL_VERBS`) is the subject of its
    infinitive complement; None for any other clause ("promised Kenya to withdraw": Uganda withdraws)."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _told_passive_subject(verb: Any) -> Any | None:
    """"The minister was forced to resign", "Svanberg, who has been asked to meet Obama": the passive subject of
    a verb that tells, makes or lets someone act (`OBJECT_CONTROL_VERBS`) is the subject of its infinitive (a
    relative pronoun stands for its noun); None for any other clause ("was expected to resign": no one is told)."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    return _passive_subject(head, before=verb.i)


def _passive_subject(verb: Any, before: int | None = None) -> Any | None:
    """The passive subject of `verb` (one before token `before`, when given); a relative pronoun stands for its
    noun ("Svanberg, who has been asked")."""
    found = next((c for c in verb.children if c.dep_ == "nsubjpass" and (before is None or c.i < before)), None)
    if found is not None and found.lower_ in RELATIVE_PRONOUNS:
        return clause_antecedent(verb)
    return found


def addressed_by_preposition(verb: Any) -> Any | None:
    """"appealed to the senator not to back the bill", "called on Israel to halt the demolitions", "pleaded with
    the rebels to free them": the object of the preposition a verb addresses someone with (`addressing_preps`)
    is the subject of the verb's infinitive complement; None for any other clause ("agreed with Russia to set
    up": both set it up)."""
    head = verb.head
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))  # the parser's "to" clause either way
    if not infinitive or head.pos_ != "VERB":
        return None
    preps = ADDRESSING_PREPS.get(head.lemma_.lower(), "").split()
    return next((g for p in head.children if p.dep_ == "prep" and p.lower_ in preps and p.i < verb.i
                 for g in p.children if g.dep_ == "pobj"), None)


def reduced_passive_subject(verb: Any) -> Any | None:
    """"If convicted, Dr Murray could spend four years in prison", "Arrested in March, the leader was jailed": a
    past participle heading an adverbial clause with no subject or auxiliary of its own is a passive whose
    sufferer is the subject of the clause it modifies; None for any other verb ("Having arrested X, police ...":
    an auxiliary makes it active), or when an opening clause runs into the subject with no comma (two sentences
    run together, as headlines often are)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "csubj") for c in verb.children):
        return None
    subject, _ = verb_subject(verb.head)
    set_off = subject is None or subject.i < verb.i or any(t.is_punct for t in verb.doc[verb.right_edge.i:subject.i])
    if not set_off:
        return None  # an opening clause is set off by a comma: "... if convicted A US judge has delayed" is a garble
    return subject


def let_act(verb: Any) -> Any | None:
    """"allowed UN inspectors to visit the site", "let Palestinian officials travel": the one a verb of telling,
    making or letting (`OBJECT_CONTROL_VERBS`) has act, where the parser makes it the subject of the complement
    clause instead of the verb's object; None when the verb has an object or no such clause."""
    if verb.lemma_.lower() not in OBJECT_CONTROL_VERBS or any(c.dep_ == "dobj" for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None)
    return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None


def clause_antecedent(verb: Any) -> Any | None:
    """The noun a relative pronoun stands for; clefts ("it is Moscow that ...") use the focus."""
    head = verb.head
    if verb.dep_ == "relcl":
        return _noun_before(verb) if head.pos_ in ("NUM", "PRON") else head
    if head.lemma_ == "be":
        return next((c for c in head.children if c.dep_ == "attr"), None)
    return None


def _noun_before(clause: Any) -> Any | None:
    """"one of several demanded in protests against the government, which imposed ...": when the parser hangs a
    relative clause on a number or pronoun far before it, the noun just before the clause (past a comma) is
    what its relative pronoun stands for; None when no noun stands there."""
    i = clause.left_edge.i - 1
    while i >= clause.sent.start and clause.doc[i].is_punct:
        i -= 1
    if i < clause.sent.start or clause.doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = clause.doc[i]
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    return noun


def participle(verb: Any) -> bool:
    """A past participle, also when the tagger calls a subjectless "acl" past form a past tense."""
    return verb.tag_ == "VBN" or (verb.dep_ == "acl" and verb.tag_ == "VBD")


def participle_agents(noun: Any) -> list[Any]:
    """The "by" objects of the support-verb participles modifying a noun ("the demonstration staged by
    students", "an attack carried out by rebels", "the offensive, led by Turkish troops"): who did what the noun
    names. Only support verbs (the lexicon's light verbs: stage, carry out, launch, organise) and verbs of
    leading or ordering (`participles.tsv`, class `directing`) say who did it: "a charge denied by the Kremlin",
    "protests followed by a crackdown" name who answered it or what came next."""
    lexicon = load_lexicon()
    return [g for acl in noun.children if acl.dep_ == "acl" and participle(acl) and
            (lexicon.is_light_verb(acl.lemma_.lower()) or _directing_participle(noun, acl))
            for c in acl.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _directing_participle(noun: Any, acl: Any) -> bool:
    """"the offensive, led by X", "a protest led by X": a participle of leading or ordering (`participles.tsv`, class
    `directing`) written right after the noun (a comma between at most). One after the noun's own phrase may be that
    phrase's ("protests against the ruling party led by Abe": Abe leads the party, not the protests)."""
    between = noun.doc[noun.i + 1:acl.i]
    return acl.lemma_.lower() in DIRECTING_VERBS and all(t.is_punct for t in between)


def hyphened_agent(participle_token: Any) -> Any | None:
    """"Iran-backed militias", "the US-led offensive": the name joined by a hyphen to a participle that modifies
    a noun is who did what the participle says (Iran backs the militias, the US leads the offensive); None for
    any other modifier."""
    if participle_token.dep_ != "amod" or participle_token.tag_ != "VBN":
        return None
    name = next((c for c in participle_token.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                 and c.i == participle_token.i - 2 and is_named(c)), None)
    return name if name is not None and participle_token.doc[name.i + 1].text in HYPHEN_TOKENS else None


#: Tokens that join a name to a participle ("Iran-backed").
HYPHEN_TOKENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


def names_event(noun: Any) -> bool:
    """Whether a noun is one the lexicon reads as an event ("demonstration", "attack"), not a thing or a body."""
    return load_lexicon().noun_entry(noun) is not None


def is_named(token: Any) -> bool:
    """A proper noun or a token of a named entity that can be a party."""
    return token.pos_ == "PROPN" or token.ent_type_ in NAMED_ENTITIES


def object_nouns(child: Any) -> list[Any]:
    """The noun of an object: "gave Iraq a grant" -> Iraq; a prepositional dative
    ("providing intelligence to Macedonia", parsed dative "to") -> its object, Macedonia."""
    if child.pos_ == "ADP":
        return [g for g in child.children if g.dep_ == "pobj"]
    return [child]


def converse(verb: Any) -> bool:
    """A verb whose subject undergoes the act its object names ("faced charges"), not one whose
    object is a person or body ("received the ambassador": a host meets a guest), nor one that
    passes its object on to someone ("getting aid to people" delivers it)."""
    if verb.lemma_.lower() not in CONVERSE_VERBS:
        return False
    passed_on = any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)
    return not passed_on and not any(is_named(c) for c in verb.children if c.dep_ in ("dobj", "dative"))


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


def object_after_as(trigger: Any) -> list[Any]:
    """"condemned as a grave wrong Peru's closing of ...", "rejected as idle talk the claims by X": a verb whose
    object follows its "as" phrase has that object parsed inside the phrase (its noun, or an apposition to it)."""
    if trigger.pos_ != "VERB":
        return []
    nouns = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
             if g.dep_ == "pobj"]
    return [a for n in nouns for a in n.children if a.dep_ == "appos"] + nouns


def things_aimed_at(trigger: Any) -> list[Any]:
    """"gave in to calls from the miners", "went back on her pledge to the voters of Lima": a verb with no object
    whose "to", "on" or "against" phrase names a thing (no name of its own, no medium) is aimed at whom that thing
    names. When the thing is itself an act, only who did it counts ("cracked down on protests against the
    government" is aimed at the protesters, not at the government: the protest's own "against" phrase is not
    searched)."""
    if trigger.pos_ != "VERB":
        return []
    things = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in THING_PREPS
              for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in MEDIUM_NOUNS]
    return [d for t in things for d in (_doers(t) if names_event(t) else [t])]


def _doers(act: Any) -> list[Any]:
    """The owner and the "by"/"from" objects of a noun naming an act ("UNITA's demands", "demands from UNITA")."""
    return [c for c in act.children if c.dep_ == "poss"] + [
        g for c in act.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
        if g.dep_ == "pobj"]
