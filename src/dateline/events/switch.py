"""An on/off switch for an optional step of the events stage (the verifier, the grouping).

Training and evaluation scripts need the coder's output without a step ("the raw lexicon candidates",
"one event per mention"); `with switch.off():` runs the code inside without it and restores the
previous setting afterwards, however the block ends. Switches nest, so one tool can turn a step off
inside another's block.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class Switch:
    """A named step that is on unless code runs inside `off()`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._settings = [True]

    @property
    def on(self) -> bool:
        """Whether the step runs now."""
        return self._settings[-1]

    @contextmanager
    def off(self) -> Iterator[None]:
        """Turn the step off for the code inside the block."""
        self._settings.append(False)
        try:
            yield
        finally:
            self._settings.pop()

    def __repr__(self) -> str:
        return f"Switch({self.name!r}, on={self.on})"
