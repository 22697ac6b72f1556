"""Inlay hints: after each answer target, what it leads to, shortened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


def inlay_hints(
    ls: DagServer, params: types.InlayHintParams
) -> list[types.InlayHint] | None:
    """The question text or outcome label after each target in the range."""
    version = ls.documents.version(params.text_document.uri)
    if version is None:
        return None

    positions = version.positions
    first = positions.point(params.range.start)[0]
    last = positions.point(params.range.end)[0]
    return [
        types.InlayHint(
            position=positions.position(inlay.line, inlay.column),
            label=inlay.text,
            padding_left=True,
        )
        for inlay in version.queries.inlays(first, last)
    ]


def register(ls: DagServer) -> None:
    """Add inlay hints to the server."""
    ls.feature(types.TEXT_DOCUMENT_INLAY_HINT)(inlay_hints)
