"""Rename: an id, at its definition and at every use.

Only the ids themselves change: answer targets, `entry:`, `when:` and
routes, never text in hints, descriptions or comments, and never another id
that merely starts the same way. A name that is not an id, or that is
already in use, is refused with a message the client shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from dag_lsp.lsp.edits import workspace_edit
from dag_lsp.lsp.logs import Expected

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


class Refusal(Expected, JsonRpcException):
    """A request that cannot be done as asked; its message is for the user."""

    CODE = types.LSPErrorCodes.RequestFailed.value


def prepare(
    ls: DagServer, params: types.PrepareRenameParams
) -> types.PrepareRenamePlaceholder | None:
    """The id under the cursor, if there is one to rename."""
    version = ls.documents.version(params.text_document.uri)
    if version is None:
        return None

    occurrence = version.queries.at(*version.positions.point(params.position))
    if occurrence is None:
        return None
    where = version.positions.range(occurrence.span)
    return types.PrepareRenamePlaceholder(range=where, placeholder=occurrence.id)


def rename(ls: DagServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    """Edits renaming the id under the cursor everywhere, or a refusal."""
    uri = params.text_document.uri
    version = ls.documents.version(uri)
    if version is None:
        return None

    queries, positions = version.queries, version.positions
    occurrence = queries.at(*positions.point(params.position))
    if occurrence is None:
        raise Refusal("there is no question or outcome id here to rename")
    problem = queries.rename_problem(occurrence.id, params.new_name)
    if problem is not None:
        raise Refusal(problem)

    edits = [
        types.TextEdit(range=positions.range(span), new_text=params.new_name)
        for span in queries.references(occurrence.id, include_definition=True)
    ]
    return workspace_edit(ls, uri, version, edits)


def register(ls: DagServer) -> None:
    """Add rename to the server."""
    ls.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)(prepare)
    options = types.RenameOptions(prepare_provider=True)
    ls.feature(types.TEXT_DOCUMENT_RENAME, options)(rename)
