"""The server: builds the `LanguageServer`, registers every feature, serves.

`build` makes a `DagServer` (pygls's server plus the document store) and
lets each feature module register its handlers; `serve` runs it on standard
input and output, TCP or WebSocket. The protocol class leaves document text
to the store: pygls would otherwise keep a second copy and apply every
change to it too, which costs more than the analysis on a large file.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Generator
from typing import Any

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from dag_lsp import __version__
from dag_lsp.lsp import (
    actions,
    codelens,
    completion,
    documents,
    formatting,
    hover,
    inlay,
    logs,
    navigation,
    preview,
    rename,
    symbols,
    sync,
)
from dag_lsp.lsp.positions import Columns

log = logging.getLogger(__name__)

_Handoff = Generator[Any, Any, None]


class DagProtocol(LanguageServerProtocol):
    """pygls's protocol, without its own copy of each document's text."""

    def _hand_over(self, method: str, params: Any) -> _Handoff:
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> _Handoff:
        """Hand an opened document to the store."""
        yield from self._hand_over(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> _Handoff:
        """Hand a change to the store."""
        yield from self._hand_over(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> _Handoff:
        """Hand a closed document to the store."""
        yield from self._hand_over(types.TEXT_DOCUMENT_DID_CLOSE, params)


class DagServer(LanguageServer):
    """The language server for `.dag` files."""

    def __init__(self) -> None:
        super().__init__("dag-lsp", __version__, protocol_cls=DagProtocol)
        self.documents = documents.Store()
        self.shutdown_requested = False
        self.exit_code = 0

    def columns(self) -> Columns:
        """Column conversion in the position encoding the client negotiated."""
        return Columns(self.workspace.position_codec)

    def supports(self, capability: str) -> bool:
        """Whether the client declared a capability (a dotted path)."""
        return bool(get_capability(self.client_capabilities, capability, False))


def _on_shutdown(ls: DagServer, params: None) -> None:
    """Remember that the client asked for a shutdown before exit."""
    ls.shutdown_requested = True


def _on_exit(ls: DagServer, params: None) -> None:
    """Set the exit status: 0 after a shutdown request, 1 without one."""
    ls.exit_code = 0 if ls.shutdown_requested else 1


def build() -> DagServer:
    """A server with every feature registered."""
    server = DagServer()
    server.feature(types.SHUTDOWN)(_on_shutdown)
    server.feature(types.EXIT)(_on_exit)
    for module in (
        sync,
        completion,
        hover,
        navigation,
        rename,
        symbols,
        actions,
        formatting,
        inlay,
        codelens,
        preview,
    ):
        module.register(server)
    return server


def serve(tcp: bool = False, ws: bool = False, host: str = "", port: int = 0) -> int:
    """Run the server until its input closes or the client exits it."""
    server = build()
    logs.configure(server)
    if ws and importlib.util.find_spec("websockets") is None:
        log.error("--ws needs the 'websockets' package: pip install 'pygls[ws]'")
        return 2

    if tcp:
        server.start_tcp(host, port)
    elif ws:
        server.start_ws(host, port)
    else:
        server.start_io()
    return server.exit_code
