"""One quotation carried by two reports (`dateline.merge.quotes`): the words inside quotation marks in each style news
is printed in, the run two sentences share, the link it makes where the model weighs too little, the reason that says
so, and the candidate bound that must keep such pairs. Sentences of our own."""

from __future__ import annotations

from dateline.merge import link_model, link_probability, link_reason, report_of
from dateline.merge.blocking import LinkBound
from dateline.merge.quotes import quoted_runs, quoted_spans, shared_quote
from test_merge import event_of, party, report, stored_as_one

# one warning of the port authority, retold by two outlets in their own words around its quoted words
WIRE = ("Dockers marched on the harbour gates in Mombasa as the port authority said it would `` not tolerate any "
        "blockade of the container terminals , '' and the union called a second strike .")
PAPER = ("Kenyan police cleared roads to the harbour overnight , ministers met union leaders in Nairobi , and "
         "officials warned they will not tolerate any blockade of the container terminals by striking crews .")
# the same stock phrasing, quoted from another statement
OTHER = ("The minister promised `` respect for the rights of the dockers '' in a speech to the union's congress on "
         "Tuesday .")
STOCK = "He spoke of respect for the rights of the dockers and of the port's future ."


def _warning(aid: str, published: str, sentence: str, trigger: str, status: str = "fact"):
    """The warning as the coder reads it: a statement its text does not date (its article's day bounds it)."""
    event = event_of(report(aid, published, sentence, trigger, type_="THREATEN",
                            actors=(party("port authority", None, "GOV"),), date=published))
    event.date_mod, event.status = "ON_OR_BEFORE", status
    return event


def _spans(sentence: str) -> list[str]:
    return [sentence[start:end].strip() for start, end in quoted_spans(sentence)]


def test_quotations_are_read_in_every_style_and_apostrophes_are_not():
    assert _spans('She said "we will stay until the end" and left.') == ["we will stay until the end"]
    assert _spans("She said “we will stay” and left.") == ["we will stay"]
    assert _spans("She said `` we will stay '' and left .") == ["we will stay"]
    assert _spans("The mayor's office said 'the dockers' demands are heard', adding it was Kenya's call.") == [
        "the dockers' demands are heard"]
    assert _spans("The mayor 's office did n't say .") == []
    assert _spans("`` The strike goes on , he said") == ["The strike goes on , he said"]  # open to the end
    assert _spans("the strike goes on . '' the leader added") == ["the strike goes on ."]  # opened before


def test_a_quoted_run_is_six_words_of_a_quotation():
    assert ("not", "tolerate", "any", "blockade", "of", "the") in quoted_runs(WIRE)
    assert ("would", "not", "tolerate", "any", "blockade", "of") not in quoted_runs(WIRE)  # "would" is not quoted
    assert not quoted_runs('He said "it was not what we were told".')  # function words
    assert not quoted_runs("The terminals were blockaded by dockers for six days running .")  # nothing quoted


def test_a_shared_quotation_needs_four_content_words_that_are_not_names():
    name = "Funds go to the `` Regional Port and Harbour Development Authority '' , the minister said ."
    assert shared_quote(name, "The Regional Port and Harbour Development Authority met on Monday .") is None
    assert shared_quote(OTHER, STOCK) is None  # "respect for the rights of the dockers": three content words
    assert shared_quote(WIRE, "They will not tolerate any blockade .") is None  # five words of it: too few


def test_two_reports_of_one_statement_share_its_quoted_words_and_stock_phrasing_is_no_quotation():
    assert shared_quote(WIRE, PAPER) == "not tolerate any blockade of the container terminals"
    assert shared_quote(PAPER, WIRE) == shared_quote(WIRE, PAPER)
    assert shared_quote(WIRE, "Dockers gathered at the gates of the container terminals on Tuesday .") is None


def test_a_shared_quotation_links_two_reports_the_model_weighs_too_little_and_says_so():
    wire, paper = _warning("wire", "2024-03-05", WIRE, "tolerate"), _warning("paper", "2024-03-05", PAPER, "tolerate")
    assert (link_probability(wire, paper) or 0.0) < link_model().threshold  # the wording around it differs
    why = link_reason(wire, paper)
    assert why is not None and 'both carry the quotation "not tolerate any blockade' in why
    unquoted = PAPER.replace("will not tolerate any blockade of", "would stop any blockade at")
    assert link_reason(wire, _warning("paper", "2024-03-05", unquoted, "stop")) is None


def test_the_reports_must_tell_the_quotation_alike_the_statement_or_one_word_of_it():
    """A report whose event is the statement ("said") and one whose event is an act the quotation names ("blockade")
    tell two things; two that read the same quoted word as their event, or the statement each, tell one."""
    said, tolerate = _warning("wire", "2024-03-05", WIRE, "said"), _warning("paper", "2024-03-05", PAPER, "warned")
    assert "quotation" in (link_reason(said, tolerate) or "")  # both the statement: triggers outside the words
    named = _warning("paper", "2024-03-05", PAPER, "blockade")
    assert link_reason(said, named) is None  # the statement against an act it names
    assert "quotation" in (link_reason(_warning("wire", "2024-03-05", WIRE, "blockade"), named) or "")
    assert shared_quote(WIRE, PAPER, WIRE.index("said"), PAPER.index("blockade")) is None
    assert shared_quote(WIRE, PAPER, WIRE.index("terminals"), PAPER.index("blockade")) is None  # another word of it


def test_a_shared_quotation_does_not_lift_a_conflict():
    wire = _warning("wire", "2024-03-05", WIRE, "tolerate")
    assert link_reason(wire, _warning("paper", "2024-03-05", PAPER, "tolerate", status="negated")) is None
    stock = _warning("paper", "2024-03-05", PAPER, "tolerate")
    stock.type = "PROTEST"  # another act of the sentence
    assert link_reason(wire, stock) is None


def test_the_bound_keeps_the_pairs_a_quotation_links_either_way():
    events = [_warning("wire", "2024-03-05", WIRE, "tolerate"), _warning("paper", "2024-03-05", PAPER, "tolerate"),
              _warning("daily", "2024-03-05", STOCK, "spoke")]
    reports = [report_of(event) for event in events]
    bound = LinkBound(reports, link_model())
    assert bound.may_link(reports[0], [1, 2]) == [1]  # the quoting report finds the one writing its words
    assert bound.may_link(reports[1], [0, 2]) == [0]  # and the one writing them finds the one quoting


def test_the_store_merges_the_reports_of_one_quotation_and_shows_why(store_target):
    docs = [report(aid, "2024-03-05", sentence, "tolerate", type_="THREATEN",
                   actors=(party("port authority", None, "GOV"),), date="2024-03-05")
            for aid, sentence in (("wire", WIRE), ("paper", PAPER))]
    articles, lines = stored_as_one(store_target, *docs)
    assert articles == ["paper", "wire"]
    assert 'both carry the quotation "not tolerate any blockade' in lines
