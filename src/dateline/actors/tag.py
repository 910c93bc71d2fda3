"""The actors stage: who is named in an article, resolved to a name, country and sector.

`tag_actors(doc)` fills `doc.actors` from the Phoenix (PETRARCH2) dictionaries compiled
by `tools/build_actors.py`:

1. **Pieces** (`match`) - a longest-match scan over spaCy tokens finds named
   actors (people, organisations, countries, demonyms, capitals as metonyms) and
   generic agent nouns ("official", "regime", "air power").
2. **Mentions** (`mention`) - adjacent pieces form one mention: "Turkish official" (country + agent
   -> TUR GOV), "Russian President Vladimir Putin" (one mention, Putin's entry),
   "Assad forces" (person + agent -> his country, MIL).
3. **References** (`refs`) - short names inherit an earlier full name, "the
   official" an earlier "Turkish official", and remaining generic agents take the
   article's focus country when it is unambiguous.

Dated roles are chosen on the article date (`doc.article.date`).
"""

from __future__ import annotations

from typing import Any

from dateline.actors.dictionary import FORMER_SECTOR, ActorDictionary, actor_dictionary
from dateline.actors.match import Piece, cached_key, find_pieces, match_at, placed_elsewhere, without_surnames
from dateline.actors.mention import MODIFIER_DEPS, PLURAL_TAGS, Mention, group_pieces
from dateline.actors.refs import Candidate, resolve_references
from dateline.actors.text import is_regional, name_key, without_determiner
from dateline.model import Actor, Document
from dateline.words import word_class, word_set

#: Sector of a bare country mention: people when it is a plural demonym ("Syrians"),
#: else the state ("Turkey said", "Moscow's support", "Turkish diplomacy").
PEOPLE_SECTOR, STATE_SECTOR = "CVL", "GOV"
#: Weapons and vehicles (agent phrases): the military that uses them when they act, mere
#: instruments otherwise.
EQUIPMENT = word_set("equipment")
#: Places people live in: "shelled Iraqi towns", "demolished Palestinian homes" hit civilians.
SETTLEMENT_NOUNS = word_class("place_words", "settlement")
#: Sectors of a named actor that a following agent noun refines ("Putin government",
#: "UN peacekeepers"); other sectors (REB, OPP, ...) keep their own reading.
OVERRIDABLE_SECTORS = frozenset({None, "GOV", "ELI"})
#: Sectors that say a person holds no dated role now: a title written before the name wins.
UNPLACED_SECTORS = frozenset({None, "ELI"})
#: Words before a title that say its holder no longer holds it ("former president").
FORMER_WORDS = word_set("former_words")


def tag_actors(doc: Document) -> Document:
    """Fill `doc.actors` with every actor mention, in text order, non-overlapping."""
    if doc.parsed is None:
        return doc
    lexicon = actor_dictionary()
    tokens = doc.parsed
    keys = [cached_key(t.text) for t in tokens]
    pieces = without_surnames(find_pieces(tokens, keys, lexicon, doc.article.date), tokens)
    pieces = placed_elsewhere(pieces, doc.places, keys, lexicon)
    candidates = without_overlaps([c for c in (mention_candidate(m, tokens, keys, lexicon, doc)
                                               for m in group_pieces(pieces, tokens)) if c])
    doc.actors = resolve_references(candidates, doc, keys, lexicon)
    return doc


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep mentions in text order, dropping any that overlaps one already kept
    (a word of an organisation name that was read as a whole)."""
    kept: list[Candidate] = []
    for cand in candidates:
        if not kept or cand.actor.start >= kept[-1].actor.end:
            kept.append(cand)
    return kept


def written_title(mention: Mention, named: Piece, tokens: Any, keys: list[str],
                  lexicon: ActorDictionary) -> str | None:
    """The sector a title written with a person's name gives him, if any.

    A title in the text ("President Obama", "Prime Minister X", "US Secretary of State
    John Kerry") is current evidence and beats the dictionary's dated roles, which may
    have ended or not yet begun on the article date; "former"/"ousted" before the title
    makes him a former official (ELI) whatever the dictionary says.
    """
    first = max(0, mention.start - 2)
    if any(keys[i] in FORMER_WORDS for i in range(first, named.end)):
        return FORMER_SECTOR
    titles = [p.agent.sector for p in mention.pieces if p.agent and p.end <= named.start]
    titles += [p.resolution.sector for p in mention.pieces
               if p.kind == "named" and p is not named and p.resolution and p.end <= named.start]
    inner = match_at(keys, named.start, lexicon.agents, lexicon.agent_lengths)
    if inner and inner[0] < named.end:  # a dictionary phrase that opens with the title
        titles.append(lexicon.agent(tuple(k for k in keys[named.start:inner[0]] if k)).sector)
    return next((t for t in reversed(titles) if t), None)


def mention_candidate(mention: Mention, tokens: Any, keys: list[str], lexicon: ActorDictionary,
                      doc: Document) -> Candidate | None:
    """Resolve a mention to a Candidate actor (country may still be open for generics)."""
    named, country = mention.main_named(), mention.first("country")
    if not named and not country and not standalone_agent(mention, tokens):
        return None
    start, end = mention_span(mention, tokens)
    actor = blank_actor(tokens, start, end, doc.article.text)
    if named:
        fill_from_named(actor, mention, named, written_title(mention, named, tokens, keys, lexicon)
                        or inner_head_sector(mention, named, keys, lexicon))
    elif country:
        fill_from_country(actor, mention, country, tokens)
        if end > mention.end:  # a demonym inside an organisation's name: its sector is unknown
            actor.name, actor.sector, actor.code = without_determiner(actor.text), None, country_code(actor)
    else:
        fill_from_agents(actor, mention)
    if mention.person_end:
        actor.name = tokens[mention.pieces[-1].end:mention.person_end].text
        if not named and not country:
            titled_holder(actor, keys[mention.pieces[-1].end:mention.person_end], lexicon, doc.article.date)
    return reference_info(actor, mention, tokens, keys, lexicon)


def titled_holder(actor: Actor, name_keys: list[str], lexicon: ActorDictionary, day: Any) -> None:
    """"Prime Minister Cameron" in 2011 is David Cameron (GBR): the one person who holds a role
    on the article date under that name, in the title's sector when several do. The title alone
    says nothing of the country, and the article's main country is no evidence for it."""
    holders = lexicon.office_holders(tuple(k for k in name_keys if k), day)
    fitting = [r for r in holders if r.sector == actor.sector] or holders
    if len(fitting) != 1 or not fitting[0].country:
        return
    holder = fitting[0]
    actor.name, actor.country = holder.name, holder.country
    actor.sector = actor.sector or holder.sector
    actor.code = country_code(actor)
    actor.entry = f"{actor.entry} + {holder.entry} (title and name, role held on {day})"


def mention_span(mention: Mention, tokens: Any) -> tuple[int, int]:
    """The tokens a mention covers: with its "the" for organisations and agents, and the
    whole organisation name when a bare demonym opens one ("Syrian Observatory ...")."""
    start, end = mention.start, mention.end
    if len(mention.pieces) == 1 and mention.pieces[0].kind == "country" and not mention.shared:
        org_start, org_end = entity_bounds(tokens, start, "ORG")
        opens = org_start == start or (org_start == start - 1 and tokens[org_start].lower_ == "the")
        if opens and org_end > end:
            return org_start, org_end
    if start > 0 and tokens[start - 1].lower_ == "the" and opens_with_organisation(mention, tokens):
        start -= 1
    return start, end


def entity_bounds(tokens: Any, i: int, label: str) -> tuple[int, int]:
    """The [start, end) of the `label` entity containing token i, or (i, i + 1)."""
    if tokens[i].ent_type_ != label:
        return i, i + 1
    start, end = i, i + 1
    while start > 0 and tokens[start].ent_iob_ == "I":
        start -= 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    return start, end


def country_code(actor: Actor) -> str | None:
    """A Phoenix-style code from an actor's country and sector ("RUS" + "MIL")."""
    return f"{actor.country}{actor.sector or ''}" if actor.country else None


def reference_info(actor: Actor, mention: Mention, tokens: Any, keys: list[str],
                   lexicon: ActorDictionary) -> Candidate:
    """What reference resolution needs: agent nouns, head noun, surname, generic or not."""
    named = mention.main_named()
    phrases = [p.agent.phrase for p in mention.pieces if p.agent]
    head = phrases[-1] if phrases else None
    inner = [lexicon.agents[(k,)][1] for k in keys[mention.start:mention.end] if (k,) in lexicon.agents]
    if named and not mention.agents_after(named) and (keys[named.end - 1],) in lexicon.agents:
        head = lexicon.agents[(keys[named.end - 1],)][1]  # "the Assad regime" heads on "regime"
        actor.name = without_determiner(actor.text)
    if mention.person_end:
        surname, size = name_key(keys, mention.pieces[-1].end, mention.person_end), \
            mention.person_end - mention.pieces[-1].end
    elif named and (keys[named.end - 1],) in lexicon.agents and tokens[named.end - 1].ent_type_ != "PERSON":
        # "Singapore Airlines" after "China Southern Airlines": a name ending in a generic noun shares it with
        # other bodies of that kind; its last word is no surname that makes a shorter such name the same body
        surname, size = None, 0
    elif named:
        surname, size = name_key(keys, named.start, named.end), named.end - named.start
    else:
        surname, size = None, 0
    person = bool(mention.person_end) or bool(named and tokens[named.end - 1].ent_type_ == "PERSON")
    regional = bool(named and named.resolution and not actor.country and is_regional(named.resolution.code))
    generic = not named and not mention.first("country")
    if generic and set_apart(tokens, mention.start):
        generic = False
        actor.entry = f"{actor.entry} + set apart by {tokens[mention.start - 1].text!r} (no country from others)"
    return Candidate(actor, agent_phrases=phrases + inner, head=head, surname=surname, name_size=size,
                     generic=generic, person=person, regional=regional)


#: Adjectives that set an agent apart from others of its noun ("Western diplomats", "foreign journalists").
SET_APART_MODIFIERS = word_set("set_apart_modifiers")


def set_apart(tokens: Any, start: int) -> bool:
    """Whether an agent mention follows an adjective of `set_apart_modifiers` ("Western diplomats"): it is then
    read as no generic agent, so it takes no country by coreference with "Russian diplomats" before it nor from
    a country named nearby (they are someone else; nobody is better than a guess)."""
    return start > 0 and tokens[start - 1].dep_ == "amod" and tokens[start - 1].lower_ in SET_APART_MODIFIERS


def opens_with_organisation(mention: Mention, tokens: Any) -> bool:
    """Whether a preceding "the" belongs to the mention ("the regime"), not to what
    the mention modifies ("the Turkey-Russia deal") or to a person."""
    first = mention.pieces[0]
    bare_country = first.kind == "country" and len(mention.pieces) == 1
    return not bare_country and tokens[first.end - 1].ent_type_ != "PERSON"


def standalone_agent(mention: Mention, tokens: Any) -> bool:
    """A mention made of agents only counts when its head is not a noun modifier, and a bare
    weapon ("used tanks and helicopters") only when it acts: as a subject or a by-agent."""
    head = tokens[mention.pieces[-1].end - 1]
    if mention.person_end:
        return True
    last = mention.pieces[-1].agent
    if last is not None and last.phrase in EQUIPMENT and not acts(head):
        return False
    return head.dep_ not in MODIFIER_DEPS


def acts(token: Any) -> bool:
    """Whether a noun is the subject of its clause or the agent of a passive."""
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def blank_actor(tokens: Any, start: int, end: int, text: str) -> Actor:
    """An Actor over tokens [start, end) with its text and character offsets, unresolved."""
    begin, finish = tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1].text)
    return Actor(text=text[begin:finish], start=begin, end=finish, name=text[begin:finish],
                 country=None, sector=None, token_start=start, token_end=end)


def inner_head_sector(mention: Mention, named: Piece, keys: list[str], lexicon: ActorDictionary) -> str | None:
    """"The Bush administration": a dictionary phrase ending on an agent noun is that body."""
    last = (keys[named.end - 1],)
    if mention.agents_after(named) or named.end - named.start < 2 or last not in lexicon.agents:
        return None
    return lexicon.agent(last).sector


def fill_from_named(actor: Actor, mention: Mention, named: Piece, title: str | None = None) -> None:
    """A named actor decides; an agent after it ("Assad forces") sets the sector, a title
    written before it (see `written_title`) replaces a dictionary sector that is no current role."""
    res = named.resolution
    assert res is not None
    after = mention.agents_after(named)
    before = [p.agent for p in mention.pieces if p.agent and p.end <= named.start]
    sector = res.sector
    if sector in OVERRIDABLE_SECTORS:  # "Assad forces" are MIL; "HTS fighters" stay REB
        sector = next((a.sector for a in reversed(after) if a.sector), None) or res.sector
    if title == FORMER_SECTOR and sector in OVERRIDABLE_SECTORS:
        sector = title  # "ousted President Akayev", "former prime minister Papandreou"
    elif title and sector in UNPLACED_SECTORS:
        sector = title  # "opposition leader Mohamed ElBaradei", "President Obama": the title is current
    actor.name, actor.country, actor.sector = named.written or res.name, res.country, sector
    actor.code = res.code if sector == res.sector else f"{res.country}{sector}"
    actor.entry = " + ".join([res.entry, *(a.entry for a in before + after)])


def fill_from_country(actor: Actor, mention: Mention, country: Piece, tokens: Any) -> None:
    """A country with agents is that country's sector; alone it is its state or its people."""
    res = country.resolution
    assert res is not None
    agents = [p.agent for p in mention.pieces if p.agent] + mention.shared
    head = next((a for a in reversed(agents) if a.sector), None)
    if head:
        sector, name = head.sector, without_determiner(actor.text)
    else:
        sector, name = bare_country_sector(tokens, country), res.name
    actor.name, actor.country, actor.sector = name, res.country, sector
    actor.code = f"{res.country}{sector}"
    actor.entry = " + ".join([res.entry, *(a.entry for a in agents)])


def bare_country_sector(tokens: Any, country: Piece) -> str:
    """"Syrians", "Iraqi Kurds" and "Iraqi towns" are people (CVL); "Turkey", "Moscow",
    "Turkish" stand for the state."""
    last = tokens[country.end - 1]
    plural_demonym = last.tag_ in PLURAL_TAGS and last.ent_type_ == "NORP"
    head = last.head if last.dep_ in MODIFIER_DEPS else None
    settlement = head is not None and head.lemma_.lower() in SETTLEMENT_NOUNS
    ethnic_group = head is not None and head.ent_type_ == "NORP" and head.tag_ in PLURAL_TAGS  # "Iraqi Kurds"
    return PEOPLE_SECTOR if plural_demonym or settlement or ethnic_group else STATE_SECTOR


def fill_from_agents(actor: Actor, mention: Mention) -> None:
    """Generic agents: the head agent gives the sector; the country comes later."""
    agents = [p.agent for p in mention.pieces if p.agent]
    head = next((a for a in reversed(agents) if a.sector), agents[-1])
    actor.name, actor.sector = without_determiner(actor.text), head.sector
    actor.entry = " + ".join(a.entry for a in agents)


