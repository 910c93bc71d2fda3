"""What every reader shares: the error type, the read/skip report, decoding and the length limit."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# spaCy's own default limit; longer texts are almost always a mistake (a dump, not an article).
DEFAULT_MAX_CHARS = 1_000_000


class ReadError(Exception):
    """An input that cannot become an article; `reason` says why in words a user can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class ReadReport:
    """How many articles were read, and which inputs were skipped and why."""

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def count_read(self, n: int = 1) -> None:
        self.read += n

    def skip(self, origin: str, reason: str) -> None:
        self.skipped.append((origin, reason))

    def reasons(self) -> Counter[str]:
        """Skip counts by the kind of reason (the text before the first colon)."""
        return Counter(reason.split(":")[0] for _, reason in self.skipped)

    def summary(self) -> str:
        text = f"{self.read} read, {len(self.skipped)} skipped"
        if self.skipped:
            kinds = ", ".join(f"{n} {kind}" for kind, n in self.reasons().most_common())
            text += f" ({kinds})"
        return text


def decode_bytes(data: bytes) -> str:
    """Decode an input as UTF-8, refusing empty, binary and mis-encoded files.

    A leading UTF-8 BOM is an encoding mark, not text, and is dropped; nothing else is
    changed (leading blank lines, CRLF, U+2028 stay as given), so offsets point into the
    text the user gave.
    """
    if not data.strip():
        raise ReadError("empty: the file holds no text")
    if b"\x00" in data[:8192]:
        raise ReadError("binary: the file holds NUL bytes, so it is not a text, JSONL or HTML article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"invalid UTF-8: byte {exc.start} (0x{data[exc.start]:02x}) is not UTF-8; "
            "re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
        ) from None


def check_length(text: str, max_chars: int) -> None:
    """Refuse texts longer than `max_chars` with a reason that says how to lift the limit."""
    if len(text) > max_chars:
        raise ReadError(
            f"too long: {len(text):,} characters, over the limit of {max_chars:,} "
            "(split the file into articles, or raise the limit with --max-chars)"
        )
    if not text.strip():
        raise ReadError("empty: the article has a date but no text")


def decode_line(raw: bytes, first: bool = False) -> str:
    """Decode one line of a file read line by line; only the file's first line may start with a BOM."""
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"invalid UTF-8: byte {exc.start} of the line (0x{raw[exc.start]:02x}) is not UTF-8; "
            "re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
        ) from None
