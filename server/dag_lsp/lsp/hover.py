"""Hover: what the id or answer under the cursor means, in Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


def hover(ls: DagServer, params: types.HoverParams) -> types.Hover | None:
    """Describe the question, outcome or answer at the cursor."""
    version = ls.documents.version(params.text_document.uri)
    if version is None:
        return None

    positions = version.positions
    found = version.queries.hover(*positions.point(params.position))
    if found is None:
        return None
    # Known shortcoming: a client that declares plain text only
    # (`hover.contentFormat`) still gets Markdown. Every editor tested takes
    # Markdown; queries/describe.py giving the parts unformatted would fix it.
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=found.markdown)
    return types.Hover(contents=content, range=positions.range(found.span))


def register(ls: DagServer) -> None:
    """Add hover to the server."""
    ls.feature(types.TEXT_DOCUMENT_HOVER)(hover)
