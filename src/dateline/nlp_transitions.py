"""The parser's and the entity recognizer's greedy decoding, stepped from Python with the GIL held.

spaCy 3.8 decodes a batch of parse states in one compiled loop (`Parser._parseC`) that releases the GIL;
but the inline state accessors it calls for every move's validity check (`StateC.B_`, through a C++
`vector.at` whose error path needs Python) take the GIL back and drop it again on each call. In a
process with one thread that is a mutex, a condition signal and a thread-state swap millions of
times: sampled with `perf` on 32 Timeline17 articles, about 70 % of the entity recognizer's decoding
was spent taking and dropping the GIL (its validity checks run for 74 moves at every token).

`held_gil_parse` runs the same decoding one step at a time with the GIL held, so that each of those
acquisitions is a recursive one that costs a counter increment. Every step calls the functions the
compiled loop calls, in the same order and on the same batch of unfinished states: the context
tokens (`get_token_ids`), the sum of the precomputed feature vectors (`state2vec`, the same C sum),
the hidden-to-scores product with BLIS's `sgemm` (as the compiled loop, whatever ops the layer was
given for batch work), the bias, unseen classes set to the step's minimum, and the choice and
application of the best valid move (`transition_states`). The parse it gives is the same, bit for
bit (`tests/test_nlp_transitions.py`). `hold_gil_in_transitions` puts a thin wrapper in place of each
such component of a loaded pipeline; anything it does not cover (a beam, a model without an upper
layer, GPU ops) keeps spaCy's own decoding.

spaCy's `pipe` decodes a batch a quarter at a time, so a batch takes a step per token (two for the parser) of
each quarter's longest document. The wrapper embeds each quarter alone, as spaCy does (the same products), but
decodes the quarters in one step loop (`held_gil_parse_groups`): a batch then takes only its longest document's
steps. A state is one row of every step's arrays, and each row's arithmetic is the same whatever the rows beside
it (BLIS's product gives each row the same bits at any number of rows), so the parse is still spaCy's.

The module reaches into spaCy's private parts (the step model's context tokens, `precompute_hiddens`, the
parser model's layers, the pipeline's component list). `check_internals` looks for them when the model is loaded
and any failure inside the decoding is raised as `SpacyInternalsChanged`, naming the installed spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
import spacy
from blis.py import gemm as blis_gemm
from spacy.ml.parser_model import ParserStepModel, precompute_hiddens
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import NumpyOps, set_dropout_rate

#: The spaCy release whose private parts (below) this module was written against and checked on.
WRITTEN_FOR_SPACY = "3.8"


class SpacyInternalsChanged(RuntimeError):
    """A private part of spaCy that the held decoding calls is missing or no longer takes the same arguments."""


def internals_changed(what: str) -> SpacyInternalsChanged:
    """The error to raise when `what` (a private part of spaCy) is not as this module expects."""
    return SpacyInternalsChanged(
        f"dateline's faster spaCy components (dateline.nlp_transitions, nlp_lemmas, nlp_rules) use private parts "
        f"of spaCy {WRITTEN_FOR_SPACY}, but spaCy {spacy.__version__} is installed and {what}. Install spaCy "
        f"{WRITTEN_FOR_SPACY}.x (requirements.lock), or check their output against spaCy's own again "
        f"(tests/test_nlp_transitions.py, test_nlp_lemmas.py, test_nlp_rules.py) and update them.")


class _StepIds:
    """Gives `ParserStepModel.get_token_ids` (the compiled loop's context tokens) its one need, a `state2vec`."""

    get_token_ids = ParserStepModel.get_token_ids

    def __init__(self, state2vec: Any) -> None:
        self.state2vec = state2vec


class _Precomputed:
    """Stands for the parser model's `lower` layer when `precompute_hiddens` is built: it hands over features
    computed beforehand (several groups' joined) and the layer's own bias and sizes."""

    def __init__(self, lower: Any, features: Any) -> None:
        self.lower, self.features, self.ops = lower, features, lower.ops

    def __call__(self, tokvecs: Any, is_train: bool) -> tuple[Any, None]:
        return self.features, None

    def get_param(self, name: str) -> Any:
        return self.lower.get_param(name)

    def has_dim(self, name: str) -> Any:
        return self.lower.has_dim(name)

    def get_dim(self, name: str) -> int:
        return self.lower.get_dim(name)


def held_gil_parse(parser: Any, docs: list[Doc]) -> list[Any]:
    """The final parse states of `docs` under `parser` (a spaCy transition-based component with greedy
    decoding), decoded step by step with the GIL held; what `parser.predict(docs)` returns."""
    return held_gil_parse_groups(parser, [docs])[0]


def held_gil_parse_groups(parser: Any, groups: list[list[Doc]]) -> list[list[Any]]:
    """What `parser.predict(group)` returns for each group, decoded in one step loop.

    Each group's embedding and precomputed features are made from that group alone, as spaCy's `predict` makes
    them (the same products, so the same bits); the features are then laid end to end, and every step advances the
    unfinished states of all the groups at once. The states of different documents never meet: a state's features,
    hidden vector, scores and move are its own row of each step's arrays. spaCy's `pipe` decodes a batch a quarter
    at a time, each quarter taking a step per token of its longest document; here a batch takes only its
    longest document's steps, and each step's fixed cost (a BLIS call costs ~15 µs whatever its size) is paid once.
    With classes marked unseen (their score is the step's minimum over its states), each group keeps its own loop.
    """
    model = parser.model
    if len(groups) > 1 and model.attrs.get("unseen_classes"):
        return [held_gil_parse_groups(parser, [group])[0] for group in groups]
    docs = [doc for group in groups for doc in group]
    batch = parser.moves.init_batch(docs)
    if any(len(doc) for doc in docs):
        try:
            _decode(parser, groups, batch)
        except (AttributeError, TypeError, KeyError) as exc:
            raise internals_changed(f"decoding failed with {exc!r}") from exc
    grouped, at = [], 0
    for group in groups:
        grouped.append(batch[at:at + len(group)])
        at += len(group)
    return grouped


def _decode(parser: Any, groups: list[list[Doc]], batch: list[Any]) -> None:
    """Step the states of `batch` (the groups' documents in order, from `init_batch`) to the end, in place."""
    model = parser.model
    set_dropout_rate(model, 0.0)
    lower, upper = model.get_ref("lower"), model.get_ref("upper")
    features = _joined_features(parser, groups)
    activation = "maxout" if lower.get_dim("nP") >= 2 else None  # as ParserStepModel, which has an upper layer
    state2vec = precompute_hiddens(len(batch), None, _Precomputed(lower, features), activation=activation,
                                   train=False)
    step = _StepIds(state2vec)
    weights, bias = upper.get_param("W"), upper.get_param("b")
    unseen = numpy.asarray(sorted(model.attrs["unseen_classes"]), dtype="intp")
    states = [state for state in batch if not state.is_final()]
    while states:
        hidden = state2vec.predict(step.get_token_ids(states))
        scores = numpy.empty((len(states), weights.shape[0]), dtype="f")
        scores[:] = bias  # the bias added inside the product (beta 1): the same sum as adding it after
        blis_gemm(hidden, weights, out=scores, trans2=True, beta=1.0)
        if unseen.size:
            scores[:, unseen] = scores.min()
        states = parser.transition_states(states, scores)


def _joined_features(parser: Any, groups: list[list[Doc]]) -> Any:
    """The precomputed features of every group's tokens, groups end to end after one padding row: what each
    group's `precompute_hiddens` would hold, with token ids counted over all the groups (as `init_batch` counts
    them). Each group is embedded alone, so its products have the shapes spaCy's `predict` gives them; each
    group's features are copied in and let go before the next group's are made."""
    model = parser.model
    tok2vec, lower = model.get_ref("tok2vec"), model.get_ref("lower")
    filled = [group for group in groups if any(len(doc) for doc in group)]
    if len(filled) == 1:
        parser._ensure_labels_are_added(filled[0])
        return lower.predict(tok2vec.predict(filled[0]))
    shape = tuple(lower.get_dim(dim) for dim in ("nF", "nO", "nP"))
    joined = numpy.empty((1 + sum(len(doc) for group in filled for doc in group), *shape), dtype="f")
    at = 1
    for group in filled:
        parser._ensure_labels_are_added(group)
        part = lower.predict(tok2vec.predict(group))
        if part.shape[1:] != shape or part.dtype != joined.dtype:
            raise internals_changed(f"the lower layer gave features of shape {part.shape[1:]} ({part.dtype}), "
                                    f"not {shape}")
        joined[0], joined[at:at + len(part) - 1] = part[0], part[1:]
        at += len(part) - 1
    return joined


def decodes_held(component: Any) -> bool:
    """Whether `held_gil_parse` reproduces the component's own decoding: a greedy transition-based
    component on CPU ops, with a hidden-to-scores layer."""
    if not isinstance(component, Parser) or component.cfg.get("beam_width", 1) != 1:
        return False
    model = component.model
    if not model.attrs.get("has_upper") or not model.has_ref("upper"):
        return False
    return isinstance(model.ops, NumpyOps) and isinstance(model.get_ref("upper").ops, NumpyOps)


class HeldGilTransitions:
    """A spaCy transition-based component whose `predict` is `held_gil_parse`; everything else (its name,
    labels, model, annotations, serialisation) is the wrapped component's. `joined` (the default) decodes a
    batch's quarters in one step loop; off, each quarter has its own loop, as in spaCy's `pipe` (for A/B timing)."""

    def __init__(self, component: Any, joined: bool = True) -> None:
        self.component = component
        self.joined = joined

    def __getattr__(self, name: str) -> Any:
        return getattr(self.component, name)

    def predict(self, docs: list[Doc]) -> list[Any]:
        """Final parse states, as the wrapped component's `predict` gives them."""
        return held_gil_parse(self.component, docs)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc in place, as the wrapped component's `__call__` does."""
        try:
            self.component.set_annotations([doc], self.predict([doc]))
        except SpacyInternalsChanged:
            raise
        except Exception as exc:  # noqa: BLE001 - the component's error handler decides, as in spaCy
            self.component.get_error_handler()(self.component.name, self.component, [doc], exc)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """Annotate a stream of Docs, in order, in the batches and groups the wrapped component's `pipe` uses (a
        batch sorted by length and cut in quarters, each quarter embedded alone: the same products), the
        quarters of a batch decoded in one step loop (`held_gil_parse_groups`)."""
        for batch in minibatch(docs, size=batch_size):
            in_order = list(batch)
            try:
                groups = [list(group) for group in minibatch(sorted(in_order, key=len), size=max(batch_size // 4, 2))]
                states = (held_gil_parse_groups(self.component, groups) if self.joined
                          else [held_gil_parse(self.component, group) for group in groups])
                self.component.set_annotations([doc for group in groups for doc in group],
                                               [state for group in states for state in group])
                yield from in_order
            except SpacyInternalsChanged:
                raise
            except Exception as exc:  # noqa: BLE001 - the component's error handler decides, as in spaCy
                self.component.get_error_handler()(self.component.name, self.component, in_order, exc)


def hold_gil_in_transitions(nlp: Any) -> list[str]:
    """Wrap every transition-based component of a loaded pipeline that `held_gil_parse` reproduces, in place
    (same name, same position); returns the names wrapped. spaCy has no public call that swaps a loaded
    component for another object, so the pipeline's component list is edited directly."""
    components = getattr(nlp, "_components", None)
    if not isinstance(components, list):
        raise internals_changed("its Language object keeps no `_components` list")
    wrapped = []
    for index, (name, component) in enumerate(components):
        if decodes_held(component):
            check_internals(component)
            components[index] = (name, HeldGilTransitions(component))
            wrapped.append(name)
    return wrapped


def check_internals(component: Any) -> None:
    """Raise `SpacyInternalsChanged` if a private part of spaCy that the held decoding calls on `component` is
    missing, so that a spaCy upgrade stops at load time with a message rather than parsing differently."""
    model = component.model
    needs = {
        "Parser.transition_states": hasattr(component, "transition_states"),
        "Parser._ensure_labels_are_added": hasattr(component, "_ensure_labels_are_added"),
        "TransitionSystem.init_batch": hasattr(component.moves, "init_batch"),
        "ParserStepModel.get_token_ids": callable(getattr(ParserStepModel, "get_token_ids", None)),
        "the parser model's tok2vec, lower and upper layers": all(
            model.has_ref(ref) for ref in ("tok2vec", "lower", "upper")),
        "the parser model's unseen_classes": "unseen_classes" in model.attrs,
    }
    missing = [part for part, present in needs.items() if not present]
    if missing:
        raise internals_changed(f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")
