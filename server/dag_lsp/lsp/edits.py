"""Edits: changes to one document as the client applies them.

A `WorkspaceEdit` names the version it was computed for when the client
accepts versioned document changes, so a client never applies it to a text
that has moved on; otherwise it lists plain changes by URI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.lsp.documents import Version

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


def workspace_edit(
    ls: DagServer, uri: str, version: Version, edits: list[types.TextEdit]
) -> types.WorkspaceEdit:
    """Text edits of one document, versioned when the client allows."""
    if not ls.supports("workspace.workspace_edit.document_changes"):
        return types.WorkspaceEdit(changes={uri: edits})

    document = types.OptionalVersionedTextDocumentIdentifier(
        uri=uri, version=version.number
    )
    change = types.TextDocumentEdit(text_document=document, edits=list(edits))
    return types.WorkspaceEdit(document_changes=[change])
