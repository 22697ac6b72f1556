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
"""

from __future__ import annotations

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


class Columns:
    """Converts columns on one line between code points and client units."""

    def __init__(self, codec: PositionCodec) -> None:
        self._codec = codec
        self._same = codec.encoding == types.PositionEncodingKind.Utf32

    @property
    def encoding(self) -> str:
        return str(self._codec.encoding)

    def units(self, text: str) -> int:
        """How many client units `text` takes."""
        if self._same or text.isascii():
            return len(text)
        count: int = self._codec.client_num_units(text)
        return count

    def to_client(self, line: str, column: int) -> int:
        """The client units before code point `column` of `line` (clamped)."""
        return self.units(line[: max(column, 0)])

    def from_client(self, line: str, character: int) -> int:
        """The code point at client unit `character` of `line` (clamped).

        A character inside a surrogate pair or a UTF-8 sequence rounds up
        to the next code point, as pygls's codec does.
        """
        if self._same or line.isascii():
            return min(character, len(line))
        if character >= self.units(line):
            return len(line)

        where = types.Position(line=0, character=character)
        point = self._codec.position_from_client_units([line], where)
        column: int = point.character
        return column


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
        self.line_count = len(lines) + (1 if final_newline else 0)

    def text(self, line: int) -> str:
        """The model's text of `line`; empty past the last line."""
        return self._lines[line] if 0 <= line < len(self._lines) else ""

    def _shift(self, line: int) -> int:
        return 1 if self._bom and line == 0 else 0

    def _client_text(self, line: int) -> str:
        return (BOM if self._shift(line) else "") + self.text(line)

    def point(self, position: types.Position) -> tuple[int, int]:
        """The model's (line, column) of a client position, clamped."""
        last = max(self.line_count - 1, 0)
        if position.line > last:
            return last, len(self.text(last))

        raw = self._client_text(position.line)
        column = self._columns.from_client(raw, position.character)
        return position.line, max(column - self._shift(position.line), 0)

    def position(self, line: int, column: int) -> types.Position:
        """The client position of the model's (line, column), clamped."""
        last = max(self.line_count - 1, 0)
        if line > last:
            line, column = last, len(self.text(last))

        text = self.text(line)
        if text.isascii() and not self._shift(line):
            return types.Position(line=line, character=min(max(column, 0), len(text)))
        raw = self._client_text(line)
        character = self._columns.to_client(raw, column + self._shift(line))
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
