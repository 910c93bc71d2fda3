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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from blis.py import gemm as blis_gemm
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import NumpyOps, set_dropout_rate


def held_gil_parse(parser: Any, docs: list[Doc]) -> list[Any]:
    """The final parse states of `docs` under `parser` (a spaCy transition-based component with greedy
    decoding), decoded step by step with the GIL held; what `parser.predict(docs)` returns."""
    if not any(len(doc) for doc in docs):
        return parser.moves.init_batch(docs)
    parser._ensure_labels_are_added(docs)
    set_dropout_rate(parser.model, 0.0)
    model = parser.model.predict(docs)
    batch = parser.moves.init_batch(docs)
    weights, bias = model.vec2scores.get_param("W"), model.vec2scores.get_param("b")
    unseen = model._class_mask == 0
    any_unseen = bool(unseen.any())
    states = [state for state in batch if not state.is_final()]
    while states:
        hidden = model.state2vec.predict(model.get_token_ids(states))
        scores = blis_gemm(hidden, weights, trans2=True)
        scores += bias
        if any_unseen:
            scores[:, unseen] = scores.min()
        states = parser.transition_states(states, scores)
    model.clear_memory()
    return batch


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
    labels, model, annotations, serialisation) is the wrapped component's."""

    def __init__(self, component: Any) -> None:
        self.component = component

    def __getattr__(self, name: str) -> Any:
        return getattr(self.component, name)

    def predict(self, docs: list[Doc]) -> list[Any]:
        """Final parse states, as the wrapped component's `predict` gives them."""
        return held_gil_parse(self.component, docs)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc in place, as the wrapped component's `__call__` does."""
        try:
            self.component.set_annotations([doc], self.predict([doc]))
        except Exception as exc:  # noqa: BLE001 - the component's error handler decides, as in spaCy
            self.component.get_error_handler()(self.component.name, self.component, [doc], exc)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """Annotate a stream of Docs, in order, in the batches the wrapped component's `pipe` uses (sorted by
        length within a batch, decoded a quarter batch at a time): the same batches give the same products."""
        for batch in minibatch(docs, size=batch_size):
            in_order = list(batch)
            try:
                for sub in minibatch(sorted(in_order, key=len), size=max(batch_size // 4, 2)):
                    sub = list(sub)
                    self.component.set_annotations(sub, self.predict(sub))
                yield from in_order
            except Exception as exc:  # noqa: BLE001 - the component's error handler decides, as in spaCy
                self.component.get_error_handler()(self.component.name, self.component, in_order, exc)


def hold_gil_in_transitions(nlp: Any) -> list[str]:
    """Wrap every transition-based component of a loaded pipeline that `held_gil_parse` reproduces, in place
    (same name, same position); returns the names wrapped. spaCy has no public call that swaps a loaded
    component for another object, so the pipeline's component list is edited directly."""
    wrapped = []
    for index, (name, component) in enumerate(nlp._components):
        if decodes_held(component):
            nlp._components[index] = (name, HeldGilTransitions(component))
            wrapped.append(name)
    return wrapped
