"""Party conflicts between two reports: only what the sentences say, and not a reference read two ways.

Parties are coded from the text, and the coding errs, so the hard rules (`dateline.merge.rules`) count a party conflict
only for parties the text names (with their text) that the other sentence does not hold: a name both sentences write
is one party however each was coded. Two kinds of country are the context's rather than the party's own words:

* a country lent by the context ("workers" given the article's focus country: `lent_country`, `LENT_COUNTRY_MARKS`),
  which the grouping does not count (`party_conflict(lent=False)`);
* a party read from a reference of its sentence (`read_by_reference`): a pronoun resolved to an antecedent ("He
  praised the army ..." -> whoever the page named last), or the actor carried over from an earlier telling of the act
  in the same article. One sentence printed by two pages, or one statement retold by two outlets, resolves "He" to the
  president in one and to a spokesman in the other. Between two reports that are one wording (their sentences worded
  alike, `CLOSE_WORDING`, or carrying one quotation: `quotes.shared_quote`) such parties make no conflict: the wording
  says they are one report, and the difference of countries is the coder's. Reports worded apart still conflict
  through them ("he said" on one page and on another page telling other news are two statements), and two speakers
  echoing one phrase are named in their sentences, so their countries still conflict.

Pure: reads what `rules.report_of` kept of each party (its country, text, and how its entry says it was read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.merge.quotes import shared_quote
from dateline.merge.text import CLOSE_WORDING, evidence_dice
from dateline.model import Party
from dateline.words import word_set

if TYPE_CHECKING:
    from dateline.merge.rules import Report

#: How the actors stage marks a country it lent a party from the context (the article's focus, a name nearby) in
#: the party's `entry`: a guess about this party, which does not keep two groups of reports apart.
LENT_COUNTRY_MARKS = word_set("merge_lent_countries")
#: How a party's `entry` begins when it was read from a reference of its sentence (`merge_reference_marks`).
REFERENCE_MARKS = tuple(sorted(word_set("merge_reference_marks")))

#: What the rules keep of a named party: its country, its text, whether its own words give the country (not lent),
#: and whether it was read from a reference (`read_by_reference`).
NamedParty = tuple[str, str, bool, bool]


def lent_country(party: Party) -> bool:
    """Whether the party's country was lent by the context (`LENT_COUNTRY_MARKS` in its `entry`), not read from its
    own words: "workers" coded with the article's focus country, unlike "Mexican workers" or "BP"."""
    return any(mark in (party.entry or "") for mark in LENT_COUNTRY_MARKS)


def read_by_reference(party: Party) -> bool:
    """Whether the party was read from a reference of its sentence (a pronoun, an earlier telling's actor), not from
    a name the sentence writes: the first step of its entry says so."""
    return (party.entry or "").startswith(REFERENCE_MARKS)


def _named_countries(named: tuple[NamedParty, ...], other_sentence: str, stated: bool = False,
                     references: bool = True) -> set[str]:
    """The countries of the parties the text names and the other sentence does not (an implicit agent, coded
    without text, is a guess; a name both sentences hold is one party, however each was coded); with `stated`, only
    those the party's own words give (not lent by the context); without `references`, none read from a reference."""
    return {country for country, text, own, referred in named
            if (own or not stated) and (references or not referred) and text not in other_sentence}


def _differing(first: tuple[NamedParty, ...], second: tuple[NamedParty, ...], a: Report, b: Report, lent: bool,
               references: bool) -> tuple[set[str], set[str]] | None:
    """The countries each side names that the other sentence does not, when each side names a country the other does
    not (see `party_conflict`); None when one side's countries hold the other's."""
    mine = _named_countries(first, b.sentence, references=references)
    theirs = _named_countries(second, a.sentence, references=references)
    stated_mine = mine if lent else _named_countries(first, b.sentence, True, references)
    stated_theirs = theirs if lent else _named_countries(second, a.sentence, True, references)
    return None if stated_mine <= theirs or stated_theirs <= mine else (mine, theirs)


def one_report(a: Report, b: Report) -> bool:
    """Whether two reports are one wording: sentences worded alike (`CLOSE_WORDING`) or carrying one quotation."""
    if evidence_dice(a.words, b.words) >= CLOSE_WORDING:
        return True
    return bool(a.quoted or b.quoted) and shared_quote(a.sentence, b.sentence) is not None


def _read_two_ways(first: tuple[NamedParty, ...], second: tuple[NamedParty, ...], a: Report, b: Report,
                   lent: bool) -> bool:
    """Whether one role's parties differ only by those read from a reference (see `party_conflict`)."""
    return any(p[3] for p in first + second) and _differing(first, second, a, b, lent, references=False) is None


def references_read_two_ways(a: Report, b: Report) -> bool:
    """Whether two reports' parties of some role differ by parties read from a reference and by nothing else: what
    `party_conflict` lifts between reports of one wording (`dateline show` says so beside a link)."""
    return any(_differing(first, second, a, b, True, references=True) is not None
               and _read_two_ways(first, second, a, b, True)
               for (_, first, _), (_, second, _) in zip(a.named, b.named, strict=True))


def party_conflict(a: Report, b: Report, lent: bool) -> str | None:
    """Parties conflict when each event names a country the other does not (per role). Without `lent`, only
    countries the party's own words give count for the conflict (`lent_country`): a lent one is a guess that never
    makes a conflict, though it may hold the other's country (so this conflicts only where the full rule does).
    Parties read by reference (`read_by_reference`) make no conflict between two reports of one wording
    (`one_report`)."""
    for (role, first, mine_all), (_, second, theirs_all) in zip(a.named, b.named, strict=True):
        if not mine_all or not theirs_all or len(mine_all | theirs_all) < 2:
            continue  # one side names none, or one country between them: one side's countries hold the other's
        differing = _differing(first, second, a, b, lent, references=True)
        if differing is None:
            continue
        if _read_two_ways(first, second, a, b, lent) and one_report(a, b):
            continue  # only parties read by reference differ, in one wording: one report read two ways
        mine, theirs = differing
        return f"{role} {'/'.join(sorted(mine))} and {'/'.join(sorted(theirs))}"
    return None


__all__ = ["LENT_COUNTRY_MARKS", "REFERENCE_MARKS", "lent_country", "one_report", "party_conflict",
           "read_by_reference", "references_read_two_ways"]
