"""The server: builds the `LanguageServer`, registers every feature, serves.

`build` makes a `DagServer` (pygls's server plus the document store) and
lets each feature module register its handlers; `serve` runs it on standard
input and output, TCP or WebSocket. The protocol class leaves document text
to the store: pygls would otherwise keep a second copy and apply every
change to it too, which costs more than the analysis on a large file.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, TypeVar, cast

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.exceptions import FeatureNotificationError, JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from dag_lsp import __version__
from dag_lsp.lsp import (
    actions,
    codelens,
    completion,
    documents,
    formatting,
    framing,
    gate,
    hover,
    inlay,
    logs,
    memory,
    navigation,
    preview,
    rename,
    symbols,
    sync,
)
from dag_lsp.lsp.positions import Columns

if TYPE_CHECKING:
    from cattrs import Converter

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


class DagProtocol(LanguageServerProtocol):
    """pygls's protocol, without its own copy of each document's text.

    It also answers a request whose params cannot be read, and one that
    `gate.py` refuses (a batch, a message that is not JSON-RPC 2.0, a
    request out of the lifecycle's turn): pygls logs such a request and
    drops it, and a client would wait for the answer forever.
    """

    def __init__(self, server: LanguageServer, converter: Converter) -> None:
        super().__init__(server, converter)
        self._initialized = False

    def structure_message(self, data: dict[str, Any]) -> Any:
        """The typed message, or an error answer to an unreadable request."""
        if "jsonrpc" in data and "method" in data and "params" not in data:
            data = {**data, "params": None}  # JSON-RPC lets a message omit them
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                self._send_response(data["id"], None, error.to_response_error())
            raise

    def handle_message(self, message: Any) -> None:
        """Dispatch a message the gate lets through; answer or drop the rest."""
        problem = gate.problem(message, self._stage())
        if problem is None:
            if gate.field(message, "method") == types.INITIALIZE:
                self._initialized = True
            super().handle_message(message)
            return

        log.log(problem.level, "not handled: %s", problem.message)
        for msg_id in problem.ids:
            self._send_response(msg_id, None, problem.error())

    def _stage(self) -> gate.Stage:
        if self._shutdown:
            return gate.Stage.SHUT_DOWN
        return gate.Stage.RUNNING if self._initialized else gate.Stage.NEW

    def _hand_over(self, method: str, params: Any) -> None:
        """Run the server's handler directly, not as a generator.

        pygls keeps the future of a generator handler run for a
        notification and never drops it: a leak on every keystroke.
        """
        handler = self.fm.features.get(method)
        if handler is not None:
            handler(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> None:
        """Hand an opened document to the store."""
        self._hand_over(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> None:
        """Hand a change to the store."""
        self._hand_over(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> None:
        """Hand a closed document to the store."""
        self._hand_over(types.TEXT_DOCUMENT_DID_CLOSE, params)


class DagServer(LanguageServer):
    """The language server for `.dag` files."""

    def __init__(self) -> None:
        super().__init__("dag-lsp", __version__, protocol_cls=DagProtocol)
        self.documents = documents.Store()
        self.memory = memory.Settler()
        self.shutdown_requested = False
        self.exit_code = 0
        self._told = False

    def feature(
        self, feature_name: str, options: Any | None = None
    ) -> Callable[[F], F]:
        """pygls's registration; a failing notification is logged in full.

        pygls answers a failing request with an error and logs its
        traceback, but reports a failing notification without one.
        """
        register = super().feature(feature_name, options)
        if not _is_notification(feature_name):
            return register

        def decorator(handler: F) -> F:
            register(_logged(feature_name, handler))
            return handler

        return decorator

    def report_server_error(self, error: Exception, source: type[Exception]) -> None:
        """Tell the user of the first failed notification; log the rest only.

        pygls shows each error outside a request in a window, a client's
        garbage included. Each is in the log already; a notification whose
        handler failed (so that, say, diagnostics are out of date) is worth
        a window once a session.
        """
        if source is not FeatureNotificationError or self._told:
            return
        self._told = True
        message = (
            f"dag-lsp failed: {error}. Its log has the details; "
            "later failures go to the log only."
        )
        kind = types.MessageType.Error
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def columns(self) -> Columns:
        """Column conversion in the position encoding the client negotiated."""
        return Columns(self.workspace.position_codec)

    def supports(self, capability: str) -> bool:
        """Whether the client declared a capability (a dotted path)."""
        return bool(get_capability(self.client_capabilities, capability, False))


def _is_notification(method: str) -> bool:
    types_of = types.METHOD_TO_TYPES.get(method)
    return types_of is not None and types_of[1] is None


def _logged(method: str, handler: F) -> F:
    """The handler, logging the traceback of any exception it raises."""

    @functools.wraps(handler)
    def run(*args: Any) -> Any:
        try:
            return handler(*args)
        except Exception:
            log.exception("handling '%s' failed", method)
            raise

    return cast(F, run)


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
        log.error(
            "--ws needs the 'websockets' package beside dag-lsp: pip install "
            "websockets (or, for pipx: pipx inject dag-lsp websockets)"
        )
        return 2

    if tcp or ws:
        return _serve_network(server, ws, host, port)

    _serve_stdio(server)
    _end(server.exit_code)
    return server.exit_code


def _serve_network(server: DagServer, ws: bool, host: str, port: int) -> int:
    """Serve over TCP or WebSocket; 2, said in a line, when that cannot be."""
    try:
        if ws:
            server.start_ws(host, port)
        else:
            server.start_tcp(host, port)
    except OSError as error:
        log.error("cannot serve on %s:%s: %s", host, port, error.strerror or error)
        return 2
    return server.exit_code


class _Channel:
    """Standard output as the protocol's channel: when the client stops
    reading it (the pipe breaks), the server ends, once, with a line in the
    log, rather than fail again on every message it answers."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.broken = False

    def write(self, data: bytes) -> int:
        if self.broken:  # the line `_lost` logs, on its way to the client
            return 0
        try:
            return self.stream.write(data)
        except OSError as error:
            self._lost(error)

    def flush(self) -> None:
        if self.broken:
            return
        try:
            self.stream.flush()
        except OSError as error:
            self._lost(error)

    def _lost(self, error: OSError) -> NoReturn:
        self.broken = True
        log.error("the client stopped reading (%s): ending the server", error)
        _end(1)

    def close(self) -> None:
        self.stream.close()


_AT_A_TERMINAL = (
    "dag-lsp: this is the language server, which an editor starts and talks "
    "to on standard input and output. To check files, run dag-lsp --check "
    "PATH (dag-lsp --help lists the rest). Ctrl-C or Ctrl-D ends it."
)


def _serve_stdio(server: DagServer) -> None:
    """Serve on standard input and output, keeping stray prints off the channel."""
    signal.signal(signal.SIGINT, _interrupted)
    if sys.stdin.isatty():
        print(_AT_A_TERMINAL, file=sys.stderr)
    channel = _Channel(sys.stdout.buffer)
    sys.stdout = sys.stderr
    stdin = cast(framing.Source, sys.stdin.buffer)
    server.start_io(framing.FramedInput(stdin), channel)  # type: ignore[arg-type]


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: end at once (pygls's own shutdown waits for the blocked read)."""
    log.info("interrupted: ending the server")
    _end(128 + signum)


def _end(status: int) -> NoReturn:
    """End the process once serving is over, logs written out.

    pygls reads standard input in a worker thread, which a stop that did
    not come from the input closing (an `exit` notification, Ctrl-C) leaves
    blocked on a read; the interpreter would wait for it at exit, forever
    at a terminal.
    """
    logging.shutdown()
    sys.stderr.flush()
    os._exit(status)
