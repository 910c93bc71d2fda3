"""An announcement of a thing that is no deed: "declared an epidemic", "announced a tour", "announced a rise in
unemployment". No act of any PLOVER type is done by saying so.

A verb of announcing (`performative_verbs.txt`) is a deed when what it announces is one: "declared a state of
emergency" imposes it, "announced the release of three activists" grants it, "announced new sanctions" or "a
ceasefire" names the act, which the lexicon reads (a pattern of the verb's own, or an act noun in its object's
phrase). When the lexicon reads nothing there, a type the learned detector proposes for the verb comes from the verb's
word alone (CONCEDE for "announced" and "declared", whatever was announced), so the proposal is dropped: the
object is a state of things ("an epidemic", "the hunt for the climbers over"), a show or product ("a tour"), or a
figure ("a sharp rise in unemployment").

A clause announced (a leader announcing that he will not stand again) is left alone: its deed may be one the
lexicon lacks, and events-gold codes such a renunciation as CONCEDE. Read by `events.frame.not_an_act`, so the lexicon's
and the detector's proposals alike are dropped.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.words import word_set

ANNOUNCING_VERBS = word_set("performative_verbs")
#: How what is announced hangs on the verb: its object, or a noun or adjective the parser took for a clause or a
#: predicate ("declared a flu pandemic" may be parsed with "pandemic", an adjective, as a clausal complement;
#: "declared the vote void" is a verdict on a thing).
COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr"})


def announced_thing(token: Any) -> str | None:
    """Why the announcing verb `token` does no deed (what it announces names none), or None (the module's rule)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ANNOUNCING_VERBS:
        return None
    lexicon = load_lexicon()
    if lexicon.verb_entry(token) is not None:
        return None  # a pattern of its own: "declared a state of emergency", "announced the release of"
    # a direct object is what is announced; a clause beside it is a misparse (a page's update stamp before the
    # sentence, parsed as a clausal complement of its verb)
    complements = [c for c in token.children if c.dep_ == "dobj"] or \
        [c for c in token.children if c.dep_ in COMPLEMENT_DEPS]
    if not complements or any(c.pos_ not in ("NOUN", "PROPN", "ADJ") for c in complements):
        return None  # nothing announced, or a clause whose deed the lexicon may lack
    for noun in complements:
        if any(lexicon.noun_entry(t) is not None or (t.pos_ == "VERB" and lexicon.verb_entry(t) is not None)
               for t in noun.subtree):
            return None  # "announced a financial aid package", "measures to impose a curfew": the act is there
    return f"announcement: '{token.text}' of '{complements[0].text}', which names no deed"
