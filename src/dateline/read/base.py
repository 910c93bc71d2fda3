"""What every reader shares: the error type, the read/skip report, decoding and the length limit."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# spaCy's own default limit, set in one place; longer texts are a dump, not an article
from dateline.config import DEFAULT_MAX_CHARS as DEFAULT_MAX_CHARS


class ReadError(Exception):
    """An input that cannot become an article; `reason` says why in words a user can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class ReadReport:
    """How many articles were read, which inputs were skipped and why, and which were read with a warning."""

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def count_read(self, n: int = 1) -> None:
        self.read += n

    def skip(self, origin: str, reason: str) -> None:
        self.skipped.append((origin, reason))

    def warn(self, origin: str, reason: str) -> None:
        """An input that was read and is processed, but that the user should know about."""
        self.warnings.append((origin, reason))

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
    for bom, encoding in _UNICODE_BOMS:  # UTF-32 first: its little-endian BOM begins like UTF-16's
        if data.startswith(bom):
            try:
                return _non_blank(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {encoding.upper()}: the file starts with a {encoding.upper()} byte-order "
                                f"mark but byte {exc.start + len(bom)} does not decode") from None
    if b"\x00" in data[:8192]:
        if _looks_like_utf16(data[:8192]):
            raise ReadError("UTF-16 without a byte-order mark: re-encode the file as UTF-8 (e.g. `iconv -f utf-16le "
                            "-t utf-8`), or save it with a BOM")
        raise ReadError("binary: the file holds NUL bytes, so it is not a text, JSONL or HTML article")
    try:
        return _non_blank(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"invalid UTF-8: byte {exc.start} (0x{data[exc.start]:02x}) is not UTF-8; "
            "re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
        ) from None


def _non_blank(text: str) -> str:
    """The decoded text, refused when it is blank (a lone BOM, no-break spaces): such a file holds no article,
    and must be reported rather than read as a JSON Lines file of no lines."""
    if not text.strip():
        raise ReadError("empty: the file holds only blank characters")
    return text


#: Byte-order marks of the Unicode encodings a file may come in, and the codec of the text after them.
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                 (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a BOM: NUL bytes at every other position (ASCII letters are 0x00XX)."""
    pairs = len(head) // 2
    odd_nuls = sum(1 for i in range(1, 2 * pairs, 2) if head[i] == 0)
    even_nuls = sum(1 for i in range(0, 2 * pairs, 2) if head[i] == 0)
    return pairs >= 4 and max(odd_nuls, even_nuls) >= 0.9 * pairs and min(odd_nuls, even_nuls) <= 0.1 * pairs


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
