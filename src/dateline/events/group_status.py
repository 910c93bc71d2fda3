"""Two tellings of one act read with two statuses: a known thing named under another status joins the fact it
names, and the purpose infinitive of an act of its type joins that act (`events/group`).

A noun names a happening, and the story tells that happening as a fact: "the blockade of the port", "the
petitions", "Monday's inquest". The noun's status, though, is read from the clause it stands in: "the court will rule
on whether to merge the petitions" reads the petitions as hypothetical, "the mayor will speak about Monday's
inquest" reads the inquest as future. The pair decision compares only mentions of one status, so the noun stays its
own event and the happening is shown twice, once as a fact and once as a plan.

So a group told only by such nouns (each its lexicon's own reading, not a borrowed type) under a hypothetical or
future status joins the fact group of its type whose members the pair model judges one happening with them
(the shipped weights and threshold, `same_happening.PairModel`), unless any pair of the two clashes
(`same_happening.clash`: dates, places, modes, parties, another occurrence, an occasion, a part of a set, another
kind). A verb under a condition or a plan is left alone ("if they strike", "plans to invade"): it tells the act
the condition supposes, which is not the fact told before. The joined nouns lend the event neither its status nor
its date and place (the fact's mention stays the evidence): what they add is that they retell it.

The same holds within a sentence for a purpose infinitive of the act's own type: "the envoys met the rebel
commanders in Arusha to discuss a truce", "the council will meet the unions on Friday to discuss wages" tell one
meeting, the discussing being what the meeting is for; read as hypothetical (a purpose), it was shown as a second
CONSULT beside the meeting. A purpose clause (`group_cues.purpose_of`: an adverbial "to" clause with no subject of
its own, hanging on the act's verb or on the verb whose object the act's noun is) joins the act it hangs on
(`join_purposes`); an object's infinitive ("pressed the governors to demand") is the object's act and is no
purpose clause.
"""

from __future__ import annotations

from dateline.events.same_happening import Mention, PairModel, clash, pair_features
from dateline.events.sentence_ties import Anchored
from dateline.words import word_set

__all__ = ["PURPOSE_REASON", "REASON", "join_known_under_other_status", "join_purposes"]

#: Why a noun of another status was joined (`dateline show`).
REASON = "same happening: a noun naming the fact told, read under another status"
#: Why a purpose infinitive was joined to its act.
PURPOSE_REASON = "same happening: the purpose infinitive of the act it hangs on"
#: The statuses a known thing's noun is misread with by its clause; a negated one ("denied the allegations") is left
#: alone, as the denial may be of the happening itself ("denied claims of curfews").
OTHER_STATUSES = frozenset({"hypothetical", "future"})
#: A group is compared with at most this many fact groups of its type (the nearest) and this many members of each
#: (`events/group.MAX_GROUPS`, `MAX_REPRESENTATIVES`): hostile input stays linear.
MAX_HOSTS, MAX_MEMBERS = 24, 12
#: Adjectives that put a noun's happening in the future ("planned", "upcoming", "possible"): the noun's own status.
FUTURE_MODIFIERS = word_set("future_modifiers")

Groups = list[tuple[list[int], dict[int, str], set[int]]]


def names_a_known_thing(mention: Mention) -> bool:
    """Whether a mention is a noun of the lexicon's own reading under a hypothetical or future status that its
    clause gives it, not the noun's own word: "planned strikes in the north", "a possible truce" name a happening
    still to come (`FUTURE_MODIFIERS`, the coder's list), which the facts told before are not."""
    own_word = mention.leading[-2] if len(mention.leading) >= 2 else None
    return (mention.nominal and not mention.borrowed and mention.status in OTHER_STATUSES
            and own_word not in FUTURE_MODIFIERS)


def join_known_under_other_status(mentions: list[Mention], groups: Groups, model: PairModel,
                                  lead: tuple[int, int] | None) -> Groups:
    """Move each group told only by nouns under another status (`names_a_known_thing`) into the fact group of its
    type holding its likeliest pair, when that pair reaches the model's threshold and no pair of the two groups
    clashes. The moved members are marked lent (`group_merge.merge_mentions`: they give no date or place) and the
    host keeps its evidence unless a fact of it is less sure than the noun; the groups come back in text order."""
    alive = [True] * len(groups)
    for g, (members, _, _) in enumerate(groups):
        if not members or not all(names_a_known_thing(mentions[j]) for j in members):
            continue
        host = _likeliest_fact(mentions, groups, alive, g, model, lead)
        if host is None:
            continue
        target = groups[host]
        for j in members:
            target[1][j] = REASON
        target[0].extend(members)
        target[0].sort()
        target[2].update(members)
        alive[g] = False
    return [group for g, group in enumerate(groups) if alive[g]]


def _likeliest_fact(mentions: list[Mention], groups: Groups, alive: list[bool], g: int, model: PairModel,
                    lead: tuple[int, int] | None) -> int | None:
    """The live fact group of `groups[g]`'s type whose best pair with it reaches the threshold, none clashing."""
    members = groups[g][0][:MAX_MEMBERS]
    kind = mentions[members[0]].type
    hosts = [h for h, (others, _, _) in enumerate(groups) if alive[h] and h != g and others
             and mentions[others[0]].type == kind and mentions[others[0]].status == "fact"]
    hosts.sort(key=lambda h: abs(groups[h][0][0] - members[0]))
    best: tuple[float, int] | None = None
    for h in hosts[:MAX_HOSTS]:
        p = _pair_probability(mentions, groups[h][0][:MAX_MEMBERS], members, model, lead)
        if p is not None and p >= model.threshold and (best is None or p > best[0]):
            best = (p, h)
    return None if best is None else best[1]


def _pair_probability(mentions: list[Mention], hosts: list[int], members: list[int], model: PairModel,
                      lead: tuple[int, int] | None) -> float | None:
    """The best pair probability between two groups' members, or None when any pair clashes."""
    best = 0.0
    for i in hosts:
        for j in members:
            first, second = (i, j) if i < j else (j, i)
            features = pair_features(mentions[first], mentions[second], lead)
            if clash(features):
                return None
            best = max(best, model.probability(features))
    return best


class Purposeful(Anchored):
    """What `join_purposes` reads of a mention's parse cues (`group_cues.Cues`)."""

    @property
    def sentence(self) -> int: ...
    @property
    def purpose_of(self) -> int | None: ...


def join_purposes(types: list[str], cues: list[Purposeful], groups: Groups) -> Groups:
    """Move each group made only of purpose infinitives (`Purposeful.purpose_of`) into the group of the mention of
    their type in their sentence whose trigger, or a word it hangs from within its act, is the verb each purpose
    hangs on ("met ... to discuss": met; "opened a summit ... to discuss": opened, which "summit" hangs from). The
    moved members are marked lent; `types` are the mentions' event types."""
    home = {j: g for g, (members, _, _) in enumerate(groups) for j in members}
    alive = [True] * len(groups)
    for g, (members, _, _) in enumerate(groups):
        hosts = {_act_purposed(types, cues, j) for j in members}
        if not members or len(hosts) != 1 or None in hosts:
            continue
        target = home[hosts.pop()]  # type: ignore[index]
        if target == g or not alive[target]:
            continue
        for j in members:
            groups[target][1][j] = PURPOSE_REASON
            home[j] = target
        groups[target][0].extend(members)
        groups[target][0].sort()
        groups[target][2].update(members)
        alive[g] = False
    return [group for g, group in enumerate(groups) if alive[g]]


def _act_purposed(types: list[str], cues: list[Purposeful], j: int) -> int | None:
    """The mention of `j`'s type and sentence whose act `j` is the purpose of, or None."""
    verb = cues[j].purpose_of
    if verb is None:
        return None
    return next((i for i, c in enumerate(cues) if i != j and c.sentence == cues[j].sentence and types[i] == types[j]
                 and (c.token == verb or verb in c.chain)), None)
