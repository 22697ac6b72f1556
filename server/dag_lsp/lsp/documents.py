"""Documents: the text of each open document and its analysis per version.

The store applies the changes a client sends (in order, with positions
converted by `positions.py`) to its own copy of the text, split into lines
on `\\n`, `\\r\\n` and `\\r` only, as the protocol and the model split them.
After each notification the new version is analyzed once, by the
document's own `Analyzer`, and every feature reads that analysis; the
`Positions` and `Queries` of a version are built when first asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cached_property

from lsprotocol import types

from dag_lsp.analysis import Analysis, Analyzer
from dag_lsp.lsp.positions import Columns, Positions
from dag_lsp.queries import Queries
from dag_lsp.source import split_keeping_ends

log = logging.getLogger(__name__)


class _Contents:
    """The lines of a text without their endings, stripped when read."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index: int) -> str:
        return self._lines[index].rstrip("\r\n")


class Version:
    """One version of a document: its analysis and what features derive."""

    def __init__(self, number: int, analysis: Analysis, columns: Columns) -> None:
        self.number = number
        self.analysis = analysis
        self.diagnostics: list[types.Diagnostic] | None = None
        self._columns = columns

    @cached_property
    def positions(self) -> Positions:
        source = self.analysis.tree.source
        return Positions(
            source.lines, source.has_bom, source.final_newline, self._columns
        )

    @cached_property
    def queries(self) -> Queries:
        return Queries(self.analysis.tree)


class Document:
    """An open document: its lines, its analyzer and its current version."""

    def __init__(self, uri: str, version: int, text: str, columns: Columns) -> None:
        self.uri = uri
        self._columns = columns
        self._lines = split_keeping_ends(text)
        self._analyzer = Analyzer()
        self.current = self._analyze(version)

    @property
    def text(self) -> str:
        return "".join(self._lines)

    def update(
        self, version: int, changes: Sequence[types.TextDocumentContentChangeEvent]
    ) -> Version:
        """Apply changes in order and analyze the resulting version."""
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                self._replace(change.range, change.text)
            else:
                self._lines = split_keeping_ends(change.text)
        self.current = self._analyze(version)
        return self.current

    def _analyze(self, version: int) -> Version:
        return Version(version, self._analyzer.analyze(self.text), self._columns)

    def _point(self, position: types.Position) -> tuple[int, int]:
        """A client position as (line, column) of this text, clamped."""
        contents = _Contents(self._lines)
        return Positions(contents, False, False, self._columns).point(position)

    def _replace(self, where: types.Range, text: str) -> None:
        """Replace a range of the text, re-splitting only the lines it touches."""
        first, start = self._point(where.start)
        last, end = max(self._point(where.end), (first, start))
        merged = self._lines[first][:start] + text + self._lines[last][end:]
        if (
            first > 0
            and merged.startswith("\n")
            and self._lines[first - 1][-1:] == "\r"
        ):
            first -= 1
            merged = self._lines[first] + merged

        pieces = split_keeping_ends(merged)
        if last < len(self._lines) - 1:
            pieces.pop()
        self._lines[first : last + 1] = pieces


class Store:
    """The open documents, by URI."""

    def __init__(self) -> None:
        self._documents: dict[str, Document] = {}

    def open(self, uri: str, version: int, text: str, columns: Columns) -> Version:
        """Start following a document, replacing any earlier copy of it."""
        document = Document(uri, version, text, columns)
        self._documents[uri] = document
        return document.current

    def change(
        self,
        uri: str,
        version: int,
        changes: Sequence[types.TextDocumentContentChangeEvent],
    ) -> Version | None:
        """The new version after changes; None for an unknown or stale one."""
        document = self._documents.get(uri)
        if document is None:
            log.warning("ignoring a change to '%s', which is not open", uri)
            return None
        if version <= document.current.number:
            log.warning(
                "ignoring version %d of '%s': version %d is already known",
                version,
                uri,
                document.current.number,
            )
            return None
        return document.update(version, changes)

    def close(self, uri: str) -> None:
        """Stop following a document."""
        self._documents.pop(uri, None)

    def version(self, uri: str) -> Version | None:
        """The current version of an open document."""
        document = self._documents.get(uri)
        return document.current if document else None

    def is_current(self, uri: str, version: Version) -> bool:
        """Whether `version` is still the latest of its document."""
        document = self._documents.get(uri)
        return document is not None and document.current is version
