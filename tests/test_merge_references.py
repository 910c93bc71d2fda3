"""Parties read from a reference (`dateline.merge.parties`): a pronoun each page resolves to whoever it named last, or
the actor carried from an earlier telling of the act, makes no party conflict between two reports of one wording (one
sentence printed twice, sentences worded alike, one quotation carried by both), and still does between reports worded
apart; names written in the sentences conflict as before. Sentences of our own."""

from __future__ import annotations

from dateline.merge import conflict_reason, link_reason
from dateline.merge.parties import read_by_reference
from dateline.model import Event, Party
from test_merge import event_of, report, stored_as_one

# one sentence two pages print; each page named another minister last before it
PRINTED = "He told reporters that the ban on grain exports through the northern ports would end in March ."
# one statement retold: the quoted words alike, the wording around them not
QUOTING = ("Farmers blocked the border road for a third day as he said the ministry would `` lift the ban on grain "
           "exports through the northern ports '' by spring .")
RETOLD = ("Officials in the capital said he promised to lift the ban on grain exports through the northern ports by "
          "the spring , though farmers stayed on the road .")
# another statement of another day's news, with a pronoun of its own
OTHER = "He said the new customs posts on the southern border would open to lorries after the holiday ."


def referred(antecedent: str, country: str) -> Party:
    """The minister as a pronoun's antecedent gives it: the name and country of whoever the page named last."""
    return Party(name=antecedent, country=country, sector="GOV", text=antecedent,
                 entry=f"pronoun 'He' -> {antecedent!r} at 12 (nearest sentence naming one that agrees, its subject): "
                       f"supplement.tsv: MINISTER [~GOV] + named nearby: '{antecedent}' ({country})")


def named(name: str, country: str) -> Party:
    """A party the sentence writes by name."""
    return Party(name=name, country=country, sector="GOV", text=name)


def statement(aid: str, sentence: str, trigger: str, actor: Party) -> Event:
    """The minister's statement as the coder reads it: undated by its text (its article's day bounds it)."""
    event = event_of(report(aid, "2024-09-10", sentence, trigger, type_="AGREE", actors=(actor,),
                            date="2024-09-10"))
    event.date_mod = "ON_OR_BEFORE"
    return event


def test_a_pronoun_resolved_from_the_page_is_read_by_reference_a_name_is_not():
    assert read_by_reference(referred("the trade minister", "POL"))
    assert not read_by_reference(named("Trade Minister Anna Nowak", "POL"))
    carried = Party(name="customs officers", country="UKR", text="customs officers",
                    entry="actor of the earlier 'seized' at 140 (the same act in the sentence before)")
    assert read_by_reference(carried)


def test_one_sentence_printed_twice_is_one_report_whoever_each_page_resolved_he_to():
    first = statement("wire", PRINTED, "end", referred("the trade minister", "POL"))
    second = statement("daily", PRINTED, "end", referred("the farm minister", "UKR"))
    assert conflict_reason(first, second) is None
    why = link_reason(first, second)
    assert why is not None and "parties read from a reference" in why


def test_names_written_in_one_wording_still_conflict():
    first = statement("wire", PRINTED.replace("He", "Anna Nowak"), "end", named("Anna Nowak", "POL"))
    second = statement("daily", PRINTED.replace("He", "Taras Melnyk"), "end", named("Taras Melnyk", "UKR"))
    assert (conflict_reason(first, second) or "").startswith("parties")


def test_one_quotation_carried_by_two_reports_is_one_wording_for_their_references():
    first = statement("wire", QUOTING, "said", referred("the trade minister", "POL"))
    second = statement("daily", RETOLD, "promised", referred("the farm minister", "UKR"))
    assert conflict_reason(first, second) is None


def test_references_of_reports_worded_apart_still_conflict():
    first = statement("wire", PRINTED, "end", referred("the trade minister", "POL"))
    second = statement("daily", OTHER, "open", referred("the farm minister", "UKR"))
    assert (conflict_reason(first, second) or "").startswith("parties")


def test_two_speakers_echoing_one_quoted_phrase_by_name_still_conflict():
    first = statement("wire", QUOTING.replace("he said", "Anna Nowak said"), "said", named("Anna Nowak", "POL"))
    second = statement("daily", RETOLD.replace("he promised", "Taras Melnyk promised"), "promised",
                       named("Taras Melnyk", "UKR"))
    assert (conflict_reason(first, second) or "").startswith("parties")


def test_the_store_merges_one_sentence_two_pages_resolved_apart_and_says_why(store_target):
    docs = [report(aid, "2024-09-10", PRINTED, "end", type_="AGREE", actors=(actor,), date="2024-09-10")
            for aid, actor in (("wire", referred("the trade minister", "POL")),
                               ("daily", referred("the farm minister", "UKR")))]
    articles, lines = stored_as_one(store_target, *docs)
    assert articles == ["daily", "wire"]
    assert "parties read from a reference" in lines
