"""A private suit against a company: a civil dispute with no state on either side, no political event.

"Shareholders sued the board of the airline", "a Texas lawyer leading the lawsuits against the refinery and its
partners", "hundreds of lawsuits against the shipping line": private people or companies take a company to
court. The GUIDELINE codes an action by a political actor (business news is none unless a government acts), and
events-gold codes a prosecution (prosecutors against a defendant, JUD) but no private suit. The class is told by
the parties, never by the word of suing alone (`litigation_words.txt`):

* the defendant (the object of "sue", the "against" phrase of "lawsuit") names a company and no state, armed or
  political body;
* the plaintiff (the agent: a verb's subject or "by" agent, a noun's possessor or the subject of the verb whose
  object it is) names no such body either. A lawyer or attorney (`counsel_nouns.txt`) acts for a client: the actor
  dictionary codes the word judicial, but with no modifier naming an office of the state ("attorney general",
  "district attorney") it is no party of the state here;
* no plaintiff named at all only for many suits ("hundreds of lawsuits against the company"): one suit with none
  named ("the lawsuit against the company warned ...", "is considering how to sue the company") may be a state's
  told elsewhere, and so may one whose plaintiff is a pronoun the actors stage did not resolve.

A participle telling the charge of a suit filed in the clause it hangs on ("filed a lawsuit against the company,
accusing it of negligence") is the suit's. "The government sued the company", "the Justice Department's lawsuit
against the company", "a lawsuit against the ministry" and a suit naming no defendant are left alone. Read by
`events.frame.nonpolitical_frame`, which knows the article's actors, so the lexicon's and the detector's proposals
alike are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.events.frame_agent import agent_of
from dateline.model import Actor
from dateline.words import word_set

LITIGATION_WORDS = word_set("litigation_words")
COUNSEL_NOUNS = word_set("counsel_nouns")
#: Words that make a counsel noun an office of the state ("attorney general", "district attorney").
STATE_OFFICE_WORDS = word_set("state_office_words")
#: Entity labels of a name that may stand for a state body.
NAME_ENTITIES = frozenset({"ORG", "GPE", "NORP"})
#: Tags of a plural noun: many suits with no plaintiff named are private people's ("hundreds of lawsuits against
#: the company"); one suit with none named ("the lawsuit against the company") may be a state's told before.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: How a participle telling a suit's charge hangs on the verb that files it.
RESULT_DEPS = frozenset({"advcl", "conj"})
#: Links from a suit to whom it is against: a noun's "against" phrase, a verb's direct object.
AGAINST_PREPS = frozenset({"against"})


def private_suit(token: Any, type_name: str, actors_at: Callable[[Any], list[Actor]],
                 political_sectors: frozenset[str], business_sectors: frozenset[str]) -> str | None:
    """Why the suit `token` is a private dispute (see the module), or None. `actors_at` gives the actors a token
    names; `political_sectors` are the sectors of a state, armed or political body; `business_sectors` a
    company's."""
    if type_name != "ACCUSE":
        return None
    suit = _suit_word(token)
    if suit is None:
        return None
    defendants = _defendants(suit)
    if not defendants:
        return None
    defendant_actors = [a for d in defendants for t in d.subtree for a in actors_at(t)]
    if not defendant_actors or not all(a.sector in business_sectors for a in defendant_actors):
        return None
    agent = agent_of(token)
    if agent is None and not (suit.pos_ == "NOUN" and suit.tag_ in PLURAL_TAGS):
        return None  # "is considering how to sue the company", "the lawsuit against BP": whose is told elsewhere
    if agent is not None and _state_party(agent, actors_at, political_sectors):
        return None
    plaintiff = f"'{agent.text}'" if agent is not None else "no one named"
    return f"private suit: {plaintiff} against '{defendants[0].text}', no state on either side"


def _suit_word(token: Any) -> Any | None:
    """The word of suing the trigger is or takes as its object: "sued", "lawsuits", the light verb of "filed a
    lawsuit" (its object "lawsuit"), or a participle that tells the charge of a suit filed in the clause it hangs on
    ("filed a lawsuit against the company, accusing it of negligence"); None when neither."""
    if token.lemma_.lower() in LITIGATION_WORDS:
        return token
    if token.pos_ not in ("VERB", "AUX"):
        return None
    for verb in (token, token.head) if token.dep_ in RESULT_DEPS else (token,):
        found = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                      and c.lemma_.lower() in LITIGATION_WORDS), None)
        if found is not None:
            return found
    return None


def _defendants(suit: Any) -> list[Any]:
    """The heads of whom the suit is against (with their conjuncts: "against the company and its partners"): the
    direct object of "sue"; a noun's "against" objects, or those of the verb that takes it as its object ("filed
    a lawsuit against the company", where the parse hangs "against" on "filed")."""
    if suit.pos_ == "VERB":
        heads = [c for c in suit.children if c.dep_ == "dobj"]
    else:
        holders = [suit, suit.head] if suit.dep_ in ("dobj", "nsubjpass") else [suit]
        heads = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in AGAINST_PREPS
                 for g in c.children if g.dep_ == "pobj"]
    return [h for head in heads for h in (head, *head.conjuncts)]


def _state_party(agent: Any, actors_at: Callable[[Any], list[Actor]], political_sectors: frozenset[str]) -> bool:
    """Whether the plaintiff's phrase names a state, armed or political body, or may: a name the actor dictionary
    does not know or gives no sector ("the Justice Department", "the Gulf Coast Claims Facility") or a pronoun the
    actors stage did not resolve ("the attorney general said it was suing") is not known to be private. A counsel
    noun with no modifier of a state office acts for a client and does not count."""
    phrase = list(agent.subtree)
    named = any(t.ent_type_ in NAME_ENTITIES or t.pos_ in ("PROPN", "PRON") for t in phrase)
    found = [a for t in phrase for a in actors_at(t)]
    if named and (not found or any(a.sector is None for a in found)):
        return True
    for tok in phrase:
        actors = [a for a in actors_at(tok) if a.sector in political_sectors]
        if not actors:
            continue
        if tok.lemma_.lower() in COUNSEL_NOUNS and not _state_office(tok):
            continue
        return True
    return False


def _state_office(noun: Any) -> bool:
    """A counsel noun naming an office of the state: a modifier or a following title word of
    `STATE_OFFICE_WORDS` ("district attorney", "attorney general")."""
    near = [*noun.children, noun.head] if noun.head.i != noun.i else list(noun.children)
    return any(t.lower_ in STATE_OFFICE_WORDS for t in near)


__all__ = ["private_suit"]
