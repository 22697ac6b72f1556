"""Code lens: over each outcome's definition, how many answer paths reach it.

An adapter after the queries in the flow: the counts come from
`Queries.lenses` (counted once per version by `paths.py`, in time linear
in the tree), and each becomes a lens whose command has no id, which
editors show as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


def code_lenses(
    ls: DagServer, params: types.CodeLensParams
) -> list[types.CodeLens] | None:
    """A lens over each outcome definition: `3 paths reach this outcome`."""
    version = ls.documents.version(params.text_document.uri)
    if version is None:
        return None

    positions = version.positions
    return [
        types.CodeLens(
            range=positions.range(lens.span),
            command=types.Command(title=lens.title, command=""),
        )
        for lens in version.queries.lenses()
    ]


def register(ls: DagServer) -> None:
    """Add code lenses to the server."""
    options = types.CodeLensOptions(resolve_provider=False)
    ls.feature(types.TEXT_DOCUMENT_CODE_LENS, options)(code_lenses)
