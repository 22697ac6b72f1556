"""Positions: the one place where the model's columns meet the client's.

The model (see `model.py`) counts columns in characters (code points) of
lines split on `\\n`, `\\r\\n` and `\\r`, without a leading byte-order mark.
A client counts in the position encoding negotiated at initialization:
UTF-16 code units unless it offered UTF-8 or UTF-32. Every conversion
between the two happens here, with pygls's `PositionCodec` doing the
counting, and every position a client sends is clamped: a line or a column
past the end means the end, never an error.

`Columns` converts a column on one line of text; `Positions` converts the
spans of one version of a document, knowing about its byte-order mark.
Both count a line's units once, in a `LineUnits` that lists only the
characters wider than one unit, so that the columns of many spans on one
line (thousands on a long `when:` line) cost a binary search each rather
than a count from the start of the line. `Positions` keeps the
`LineUnits` of each line it has converted on.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Protocol

from lsprotocol import types
from pygls.workspace import PositionCodec

from dag_lsp.findings import Edit
from dag_lsp.model import Span

BOM = "\ufeff"


class Lines(Protocol):
    """Lines without their endings, by number."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> str: ...


# The characters wider than one unit, by encoding: UTF-16 takes two units
# for a character past the Basic Multilingual Plane, UTF-8 two to four
# bytes for any character past ASCII; UTF-32 has none.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _utf8_width(character: str) -> int:
    """UTF-8 bytes of a character past ASCII (a lone surrogate counts 3)."""
    point = ord(character)
    return 2 if point < 0x800 else 3 if point < 0x10000 else 4


class LineUnits:
    """The client units before each column of one line, counted once.

    `wide` lists the columns of the characters wider than one unit and
    `extra` how many units beyond one each of them and those before it
    take; every other character takes one.
    """

    def __init__(self, text: str, utf8: bool) -> None:
        self.length = len(text)
        self.wide: list[int] = []
        self.extra: list[int] = []
        total = 0
        for match in (_NOT_ASCII if utf8 else _ASTRAL).finditer(text):
            total += _utf8_width(match.group()) - 1 if utf8 else 1
            self.wide.append(match.start())
            self.extra.append(total)

    def units(self, column: int) -> int:
        """The client units before code point `column` (clamped)."""
        column = min(max(column, 0), self.length)
        before = bisect_left(self.wide, column)
        return column + (self.extra[before - 1] if before else 0)

    def column(self, character: int) -> int:
        """The first code point at or after client unit `character` (clamped).

        A character inside a surrogate pair or a UTF-8 sequence rounds up
        to the next code point, as pygls's codec does.
        """
        if character >= self.units(self.length):
            return self.length
        every = range(self.length + 1)
        return bisect_left(every, max(character, 0), key=self.units)


class Columns:
    """Converts columns on one line between code points and client units."""

    def __init__(self, codec: PositionCodec) -> None:
        self._codec = codec
        self._same = codec.encoding == types.PositionEncodingKind.Utf32
        self._utf8 = codec.encoding == types.PositionEncodingKind.Utf8

    @property
    def encoding(self) -> str:
        return str(self._codec.encoding)

    def plain(self, text: str) -> bool:
        """Whether every character of `text` takes one client unit."""
        return self._same or text.isascii()

    def line(self, text: str) -> LineUnits:
        """The units of a line, to convert many of its columns."""
        return LineUnits(text, self._utf8)

    def units(self, text: str) -> int:
        """How many client units `text` takes."""
        if self.plain(text):
            return len(text)
        return self.line(text).units(len(text))

    def to_client(self, line: str, column: int) -> int:
        """The client units before code point `column` of `line` (clamped)."""
        if self.plain(line):
            return min(max(column, 0), len(line))
        return self.line(line).units(column)

    def from_client(self, line: str, character: int) -> int:
        """The code point at client unit `character` of `line` (clamped).

        A character inside a surrogate pair or a UTF-8 sequence rounds up
        to the next code point, as pygls's codec does.
        """
        if self.plain(line):
            return min(max(character, 0), len(line))
        return self.line(line).column(character)


class Positions:
    """Positions of one version of a document, between model and client.

    `lines` are the model's lines (no endings, no byte-order mark); `bom`
    says whether the document's text starts with one, which shifts the
    columns of line 0; `final_newline` adds the empty last line a client
    sees after a text's last line break.
    """

    def __init__(
        self, lines: Lines, bom: bool, final_newline: bool, columns: Columns
    ) -> None:
        self._lines = lines
        self._bom = bom
        self._columns = columns
        self._units: dict[int, LineUnits] = {}
        self.line_count = len(lines) + (1 if final_newline else 0)

    def text(self, line: int) -> str:
        """The model's text of `line`; empty past the last line."""
        return self._lines[line] if 0 <= line < len(self._lines) else ""

    def _shift(self, line: int) -> int:
        return 1 if self._bom and line == 0 else 0

    def _client_text(self, line: int) -> str:
        return (BOM if self._shift(line) else "") + self.text(line)

    def _line_units(self, line: int) -> LineUnits | None:
        """The units of a line as the client has it, counted once a version.

        None when each of its characters takes one unit.
        """
        units = self._units.get(line)
        if units is None:
            raw = self._client_text(line)
            if self._columns.plain(raw):
                return None
            units = self._units[line] = self._columns.line(raw)
        return units

    def point(self, position: types.Position) -> tuple[int, int]:
        """The model's (line, column) of a client position, clamped."""
        last = max(self.line_count - 1, 0)
        if position.line > last:
            return last, len(self.text(last))

        line, character = position.line, position.character
        units = self._line_units(line)
        if units is None:
            column = min(character, len(self._client_text(line)))
        else:
            column = units.column(character)
        return line, max(column - self._shift(line), 0)

    def position(self, line: int, column: int) -> types.Position:
        """The client position of the model's (line, column), clamped."""
        last = max(self.line_count - 1, 0)
        if line > last:
            line, column = last, len(self.text(last))

        shift = self._shift(line)
        units = self._line_units(line)
        if units is None:
            end = len(self.text(line)) + shift
            character = min(max(column + shift, 0), end)
        else:
            character = units.units(column + shift)
        return types.Position(line=line, character=character)

    def range(self, span: Span) -> types.Range:
        """The client range of a one-line span."""
        return types.Range(
            start=self.position(span.line, span.start),
            end=self.position(span.line, span.end),
        )

    def edit_range(self, edit: Edit) -> types.Range:
        """The client range an edit replaces."""
        return types.Range(
            start=self.position(edit.line, edit.start),
            end=self.position(edit.end_line, edit.end),
        )

    def lines_range(self, first: int, last: int) -> types.Range:
        """From the start of line `first` to the end of line `last`."""
        return types.Range(
            start=self.position(first, 0),
            end=self.position(last, len(self.text(last))),
        )

    def whole(self) -> types.Range:
        """The whole document, byte-order mark included."""
        last = max(self.line_count - 1, 0)
        end = self._columns.units(self._client_text(last))
        start = types.Position(line=0, character=0)
        return types.Range(start=start, end=types.Position(line=last, character=end))
