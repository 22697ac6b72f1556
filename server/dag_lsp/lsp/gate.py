"""The gate: which messages the server handles, and what the others get.

pygls handles whatever parses, whenever it comes, and drops the rest with
a line in its log: a request it drops is never answered, and a client
waits for the answer forever. Before pygls sees a message, `problem` tells
whether the protocol lets it through at this stage of the session:

- a JSON-RPC 2.0 message only (a batch, a message without `"jsonrpc":
  "2.0"`, one whose id is neither a number nor a string, or a value that is
  no message at all is refused; one that cannot be answered, for want of
  an id to answer, is logged);
- before `initialize`, nothing but `initialize` and `exit`;
- after `shutdown`, nothing but `exit`.

A refused request is answered with the error the protocol names for it; a
refused notification is dropped (quietly where the protocol says so).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import Any

from lsprotocol import types

VERSION = "2.0"


class Stage(enum.Enum):
    """Where a session stands."""

    NEW = "before initialize"
    RUNNING = "initialized"
    SHUT_DOWN = "after shutdown"


@dataclass(frozen=True)
class Problem:
    """Why a message is not handled: the error each request in it is answered.

    `ids` are the ids of the requests to answer (none for a notification);
    `level` is how loud the log says so.
    """

    code: int
    message: str
    ids: tuple[int | str, ...] = ()
    level: int = logging.WARNING

    def error(self) -> types.ResponseError:
        return types.ResponseError(code=self.code, message=self.message)


_INVALID = types.ErrorCodes.InvalidRequest.value
_NOT_INITIALIZED = types.ErrorCodes.ServerNotInitialized.value


def field(message: Any, name: str) -> Any:
    """A field of a message, structured by pygls or left a dict."""
    if isinstance(message, dict):
        return message.get(name)
    return getattr(message, name, None)


def problem(message: Any, stage: Stage) -> Problem | None:
    """Why `message` is not to be handled at `stage`; None to handle it."""
    if isinstance(message, list):
        return _batch(message)
    if not _is_message(message):
        shown = repr(message)[:80]
        return Problem(_INVALID, f"{shown} is not a JSON-RPC message")
    if field(message, "jsonrpc") != VERSION:
        text = 'a message must say "jsonrpc": "2.0"'
        return Problem(_INVALID, text, _request_ids(message))
    msg_id = field(message, "id")
    if msg_id is not None and not isinstance(msg_id, int | str):
        shown = repr(msg_id)[:40]
        return Problem(_INVALID, f"the id {shown} is neither a number nor a string")
    return _out_of_turn(message, stage)


def _is_message(message: Any) -> bool:
    if isinstance(message, dict):
        return True
    return hasattr(message, "__attrs_attrs__") and hasattr(message, "jsonrpc")


def _batch(messages: list[Any]) -> Problem:
    ids = tuple(i for message in messages for i in _request_ids(message))
    text = "a batch of messages is not part of the Language Server Protocol"
    return Problem(_INVALID, text, ids)


def _request_ids(message: Any) -> tuple[int | str, ...]:
    """The id of a request, to answer it; none for any other message."""
    if not _is_message(message) or field(message, "method") is None:
        return ()
    msg_id = field(message, "id")
    return (msg_id,) if isinstance(msg_id, int | str) else ()


def _out_of_turn(message: Any, stage: Stage) -> Problem | None:
    """Why the lifecycle does not let a message through now."""
    method = field(message, "method")
    if method is None or method == types.EXIT:
        return None  # answers to the server's requests, and exit, are always read

    ids = _request_ids(message)
    level = logging.WARNING if ids else logging.DEBUG
    if stage is Stage.NEW and method != types.INITIALIZE:
        text = f"'{method}' came before initialize: the server is not initialized"
        return Problem(_NOT_INITIALIZED, text, ids, level)
    if stage is Stage.RUNNING and method == types.INITIALIZE:
        return Problem(_INVALID, "the server is already initialized", ids)
    if stage is Stage.SHUT_DOWN:
        text = f"'{method}' came after shutdown: only exit may follow it"
        return Problem(_INVALID, text, ids, level)
    return None
