"""Source text: the first step of the flow, from bytes or text to lines.

A `.dag` file is read as UTF-8 (a byte-order mark is dropped and
remembered) and split into lines on `\\n`, `\\r\\n` and `\\r` only, the three
line endings the Language Server Protocol knows. Other Unicode separators
(U+2028, form feed, ...) are ordinary characters inside a line, so that line
numbers agree with every editor.

Every later step counts columns in characters (code points) of these lines;
the LSP adapter converts them to the client's position encoding.
"""

from __future__ import annotations

import re
from typing import NamedTuple

BOM = "\ufeff"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class DecodeError(ValueError):
    """Bytes that are not UTF-8, with the line and column where they go wrong."""

    def __init__(self, line: int, column: int, reason: str) -> None:
        super().__init__(f"not valid UTF-8 at line {line + 1}, column {column + 1}")
        self.line = line
        self.column = column
        self.reason = reason


class Source(NamedTuple):
    """A file's text split into lines, with what is needed to write it back."""

    lines: tuple[str, ...]
    newline: str
    has_bom: bool
    final_newline: bool

    @property
    def text(self) -> str:
        """The text without its byte-order mark, lines joined by `newline`."""
        body = self.newline.join(self.lines)
        return body + self.newline if self.final_newline else body


def split_lines(text: str) -> list[str]:
    """Split `text` into lines without their endings.

    A text ending in a line break has no extra empty line at the end: the
    lines of `"a\\nb\\n"` are `["a", "b"]`, as an editor shows them, minus
    the empty last line.
    """
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def split_keeping_ends(text: str) -> list[str]:
    """Lines with their endings; the last has none and may be empty."""
    if "\r" not in text:
        parts = text.split("\n")
        return [part + "\n" for part in parts[:-1]] + [parts[-1]]

    lines: list[str] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    lines.append(text[start:])
    return lines


def dominant_newline(text: str) -> str:
    """The most common line ending in `text` (the first on a tie; `\\n` if none)."""
    if "\r" not in text:
        return "\n"

    crlf = text.count("\r\n")
    counts = {
        "\r\n": crlf,
        "\r": text.count("\r") - crlf,
        "\n": text.count("\n") - crlf,
    }
    most = max(counts.values())
    if most == 0:
        return "\n"

    tied = [ending for ending, count in counts.items() if count == most]
    return min(tied, key=lambda ending: _first(text, ending))


def _first(text: str, ending: str) -> int:
    """Where `ending` first stands alone (a lone CR or LF, not half a CRLF)."""
    if ending == "\r\n":
        return text.find("\r\n")

    pattern = re.compile("\r(?!\n)" if ending == "\r" else "(?<!\r)\n")
    match = pattern.search(text)
    return match.start() if match else len(text)


def from_text(text: str) -> Source:
    """Read text as an editor holds it."""
    has_bom = text.startswith(BOM)
    if has_bom:
        text = text[1:]

    return Source(
        lines=tuple(split_lines(text)),
        newline=dominant_newline(text),
        has_bom=has_bom,
        final_newline=text.endswith(("\n", "\r")),
    )


def decode(data: bytes) -> str:
    """Decode UTF-8 bytes, raising `DecodeError` at the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8").removeprefix(BOM)
        lines = split_lines(good + "x")
        raise DecodeError(len(lines) - 1, len(lines[-1]) - 1, error.reason) from None
