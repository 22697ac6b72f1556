"""Navigation: go to definition, find references, highlight an id's uses.

All three start from the id under the cursor, from its first character to
just after its last; a position on the blanks around it finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.lsp.documents import Version
from dag_lsp.model import Span
from dag_lsp.queries import Occurrence

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


def _at(
    ls: DagServer, uri: str, position: types.Position
) -> tuple[Version, Occurrence] | None:
    """The current version and the id at a position, if any."""
    version = ls.documents.version(uri)
    if version is None:
        return None

    occurrence = version.queries.at(*version.positions.point(position))
    return (version, occurrence) if occurrence else None


def _locations(
    uri: str, version: Version, spans: Iterable[Span]
) -> list[types.Location]:
    """Spans of a document version as locations in the client's encoding."""
    positions = version.positions
    return [types.Location(uri=uri, range=positions.range(span)) for span in spans]


def definition(
    ls: DagServer, params: types.DefinitionParams
) -> list[types.Location] | None:
    """Where the id under the cursor is defined."""
    found = _at(ls, params.text_document.uri, params.position)
    if found is None:
        return None

    version, occurrence = found
    spans = version.queries.definitions(occurrence.id)
    return _locations(params.text_document.uri, version, spans)


def references(
    ls: DagServer, params: types.ReferenceParams
) -> list[types.Location] | None:
    """Every use of the id under the cursor, and its definition if asked."""
    found = _at(ls, params.text_document.uri, params.position)
    if found is None:
        return None

    version, occurrence = found
    include = params.context.include_declaration
    spans = version.queries.references(occurrence.id, include)
    return _locations(params.text_document.uri, version, spans)


def highlight(
    ls: DagServer, params: types.DocumentHighlightParams
) -> list[types.DocumentHighlight] | None:
    """Every occurrence of the id under the cursor; definitions as writes."""
    found = _at(ls, params.text_document.uri, params.position)
    if found is None:
        return None

    version, occurrence = found
    positions = version.positions
    return [
        types.DocumentHighlight(
            range=positions.range(each.span),
            kind=types.DocumentHighlightKind.Write
            if each.definition
            else types.DocumentHighlightKind.Read,
        )
        for each in version.queries.occurrences(occurrence.id)
    ]


def register(ls: DagServer) -> None:
    """Add navigation to the server."""
    ls.feature(types.TEXT_DOCUMENT_DEFINITION)(definition)
    ls.feature(types.TEXT_DOCUMENT_REFERENCES)(references)
    ls.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)(highlight)
