"""Logging for the server: to standard error and to the client's log.

Standard output carries the protocol alone, so the server logs to standard
error; warnings and errors are also sent to the client as
`window/logMessage`, so an editor user can see what went wrong. A refusal
the user is told about (such as a rename to a name in use) is not an error
of the server and is kept out of both logs' error lines.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_TYPES = {
    logging.ERROR: types.MessageType.Error,
    logging.WARNING: types.MessageType.Warning,
    logging.INFO: types.MessageType.Info,
}


class Expected(Exception):
    """Marks an exception that answers a request as planned, not a failure."""


class ClientHandler(logging.Handler):
    """Sends log records to the client as `window/logMessage`."""

    def __init__(self, server: LanguageServer, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self._server = server
        self._busy = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(self._busy, "on", False) or self._server.protocol.writer is None:
            return
        if record.thread != threading.main_thread().ident:
            return  # only the event loop's thread may write to the client

        self._busy.on = True
        try:
            kind = _TYPES.get(record.levelno, types.MessageType.Error)
            message = types.LogMessageParams(type=kind, message=self.format(record))
            self._server.window_log_message(message)
        except Exception:
            self.handleError(record)
        finally:
            self._busy.on = False


def _not_expected(record: logging.LogRecord) -> bool:
    """Drop the tracebacks pygls logs for exceptions raised on purpose."""
    error = record.exc_info[1] if record.exc_info else None
    return not isinstance(error, Expected)


def configure(server: LanguageServer) -> None:
    """Log to standard error, and warnings and errors to the client too."""
    formatter = logging.Formatter(_FORMAT)
    handlers: list[logging.Handler] = [
        logging.StreamHandler(sys.stderr),
        ClientHandler(server),
    ]
    root = logging.getLogger()
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(_not_expected)
        root.addHandler(handler)

    root.setLevel(logging.INFO)
    # pygls logs every message it sends or receives at INFO, which is too
    # much and too slow; its server's start and stop are worth keeping.
    logging.getLogger("pygls").setLevel(logging.WARNING)
    logging.getLogger("pygls.server").setLevel(logging.INFO)
