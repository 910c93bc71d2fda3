"""A verb of wanting with an infinitive of the wanter's own act: a wish, no request of anyone.

"The protesters want the president to resign" or "they want an end to the curfew" asks something of another party
(REQUEST), but "we wanted to open the clinic at once" or "residents want to help" tells what the subject means to
do itself: nobody is asked. The class is told by the complement: an infinitive with no subject of its own (the
parse's `xcomp`) and no object on the verb of wanting (`wanting_verbs.txt`). An infinitive of seeing or having
("want to see the minister resign", "want to have a say") still wants something of others, and stays.

Read by `events.argument_senses.sense_from_arguments`, so the lexicon's and the detector's proposals alike are
dropped.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

WANTING_VERBS = word_set("wanting_verbs")
#: Infinitives after a verb of wanting that want something of others ("want to see him go", "to have a say").
OTHERS_INFINITIVES = frozenset({"see", "have", "get", "hear"})
#: Dependents of the verb of wanting that name what or whom is wanted of others.
WANTED_DEPS = frozenset({"dobj", "ccomp", "dative", "iobj", "oprd"})


def own_wish(verb: Any, type_name: str) -> Any | None:
    """The infinitive of the subject's own act that a REQUEST's verb of wanting governs, or None (the module's
    rule)."""
    if type_name != "REQUEST" or verb.pos_ != "VERB" or verb.lemma_.lower() not in WANTING_VERBS:
        return None
    children = list(verb.children)
    if any(c.dep_ in WANTED_DEPS for c in children):
        return None
    done = next((c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if done is None or done.lemma_.lower() in OTHERS_INFINITIVES:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in done.children):
        return None  # "want them to go" parsed with its own subject: someone else is to act
    return done
