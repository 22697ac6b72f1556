"""A language server process driven with hand-written JSON-RPC messages.

For what a typed client cannot send (malformed params, unknown methods,
`exit` without `shutdown`) and for the process itself: its exit status,
its standard output, and the TCP and WebSocket transports.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from typing import Any

WAIT = 20.0

_HEADER = re.compile(rb"(Content-Length|Content-Type): ([^\r\n]*)\r\n")


class Raw:
    """One server process on standard input and output."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.notes: list[dict[str, Any]] = []
        self.stderr: list[str] = []
        self._line = asyncio.Event()
        self._next = 0
        self._drain = asyncio.create_task(self._read_stderr())

    @classmethod
    async def start(cls, *args: str) -> Raw:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "dag_lsp", *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        return cls(process)

    async def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        while line := await self.process.stderr.readline():
            self.stderr.append(line.decode("utf-8", "replace"))
            self._line.set()

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def read(self) -> dict[str, Any] | None:
        """The next message on standard output; nothing but messages may be there."""
        assert self.process.stdout is not None
        return await read_message(self.process.stdout)

    async def logged(self, pattern: str) -> re.Match[str]:
        """The first line of standard error matching `pattern`, once written."""
        seen = 0
        while True:
            for line in self.stderr[seen:]:
                if found := re.search(pattern, line):
                    return found
            seen = len(self.stderr)
            self._line.clear()
            await asyncio.wait_for(self._line.wait(), WAIT)

    def send_value(self, value: Any) -> None:
        """Frame a JSON value as it is: for what no client should send."""
        assert self.process.stdin is not None
        body = json.dumps(value).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def request(self, method: str, params: Any) -> dict[str, Any]:
        """Send a request and return its answer, keeping notifications seen."""
        self._next += 1
        self.send({"id": self._next, "method": method, "params": params})
        return await self.answer(self._next)

    async def answer(self, msg_id: int | str) -> dict[str, Any]:
        """The answer to request `msg_id`, keeping the notifications before it."""
        while True:
            message = await self.read()
            assert message is not None, "the server ended before answering"
            if "method" not in message and message.get("id") == msg_id:
                return message
            self.notes.append(message)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    async def initialize(self) -> dict[str, Any]:
        answer = await self.request(
            "initialize", {"processId": None, "rootUri": None, "capabilities": {}}
        )
        self.notify("initialized", {})
        return answer

    async def end(self) -> int:
        """Close standard input and wait for the process to end."""
        assert self.process.stdin is not None
        if not self.process.stdin.is_closing():
            self.process.stdin.close()
        status = await asyncio.wait_for(self.process.wait(), WAIT)
        await self._drain
        return status


async def read_message(stream: asyncio.StreamReader) -> dict[str, Any] | None:
    """The next framed message of a stream, asserting nothing else is there."""
    length = None
    while True:
        line = await asyncio.wait_for(stream.readline(), WAIT)
        if not line:
            return None
        if line == b"\r\n":
            break
        header = _HEADER.fullmatch(line)
        assert header is not None, f"not a message header: {line!r}"
        if header.group(1) == b"Content-Length":
            length = int(header.group(2))
    assert length is not None
    message: dict[str, Any] = json.loads(await stream.readexactly(length))
    return message


def framed(message: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
