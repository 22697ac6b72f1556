"""Text synchronization: opening, changing and closing documents.

Each notification updates the store, analyzes the new version at once (a
client's later requests then find it ready) and publishes its diagnostics;
then the objects of the new version are settled out of the collector's way
(see `memory.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.lsp import diagnostics

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer


def did_open(ls: DagServer, params: types.DidOpenTextDocumentParams) -> None:
    """Analyze a newly opened document and publish its diagnostics."""
    item = params.text_document
    version = ls.documents.open(item.uri, item.version, item.text, ls.columns())
    diagnostics.publish(ls, item.uri, version)
    ls.memory.settle()


def did_change(ls: DagServer, params: types.DidChangeTextDocumentParams) -> None:
    """Apply the changes, analyze the new version, publish its diagnostics."""
    uri, number = params.text_document.uri, params.text_document.version
    version = ls.documents.change(uri, number, params.content_changes)
    if version is not None:
        diagnostics.publish(ls, uri, version)
        ls.memory.settle()


def did_close(ls: DagServer, params: types.DidCloseTextDocumentParams) -> None:
    """Forget a closed document and clear its diagnostics."""
    ls.documents.close(params.text_document.uri)
    diagnostics.clear(ls, params.text_document.uri)


def register(ls: DagServer) -> None:
    """Add text synchronization to the server."""
    ls.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
