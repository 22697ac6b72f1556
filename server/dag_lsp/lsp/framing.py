"""Framing: standard input read as protocol messages, past any broken frame.

pygls reads a message's header lines one by one, looking for
`Content-Length: N` exactly at the start of a line, then reads N bytes.
After one malformed frame (a length one byte off, no Content-Length, bare
JSON) the next header no longer starts a line, since a body ends without a
line break, and pygls never finds a header again: the server goes deaf.

`FramedInput` stands between standard input and pygls. It reads each frame
itself, leniently where the meaning is clear (header names in any case,
lines ending in LF alone), and hands pygls the body under a header of the
one form it reads. A frame that cannot be read is logged with what was
wrong, and reading goes on from the next `Content-Length` header. That
header is found reliably: it ends in a line break, which JSON allows only
between tokens and never inside a string, so no part of a JSON body looks
like one. A body that runs on past its closing bracket has taken the start
of the next header (its Content-Length was too long): those bytes are given
back and read again as the next frame.
"""

from __future__ import annotations

import logging
import re
from typing import Protocol

log = logging.getLogger(__name__)

# A message larger than this is taken for a broken header, not for a document.
MAX_MESSAGE = 256 * 1024 * 1024

# A header line longer than this is not a header.
MAX_HEADER_LINE = 4096

_CHUNK = 64 * 1024
_BLANKS = b" \t\r\n"
_HEADER = re.compile(rb"([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?\n")
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*\d+[ \t]*\r?\n", re.IGNORECASE)


class Source(Protocol):
    """A buffered binary stream, such as `sys.stdin.buffer`."""

    def read(self, size: int = -1, /) -> bytes: ...

    def read1(self, size: int = -1, /) -> bytes: ...


class _Broken(Exception):
    """A frame that cannot be read; the message says what was wrong.

    `skip_from` is where the search for the next header starts in what is
    still unread: 1 when the first unread line is the broken part, so the
    search moves past it.
    """

    def __init__(self, problem: str, skip_from: int = 0) -> None:
        super().__init__(problem)
        self.skip_from = skip_from


class FramedInput:
    """Standard input as pygls reads it: well-formed frames, whatever came in.

    pygls calls `readline` until it has read a header and the blank line
    after it, then `read` with the length the header gave.
    """

    def __init__(self, stream: Source) -> None:
        self._stream = stream
        self._buffer = bytearray()
        self._lines: list[bytes] = []
        self._body = b""
        self._after_body = False
        self._told_lf = False

    def readline(self) -> bytes:
        """The next header line for pygls; empty at the end of the input."""
        if not self._lines:
            body = self._next_body()
            if body is None:
                return b""
            self._body = body
            self._lines = [b"Content-Length: %d\r\n" % len(body), b"\r\n"]
        return self._lines.pop(0)

    def read(self, size: int = -1) -> bytes:
        """The body of the frame whose header was just read."""
        body, self._body = self._body, b""
        return body

    # frames

    def _next_body(self) -> bytes | None:
        """The next readable frame's body; None at the end of the input."""
        while True:
            try:
                return self._frame()
            except _Broken as broken:
                if not self._resync(broken):
                    return None

    def _frame(self) -> bytes | None:
        """The body of the next frame; raises `_Broken` if it reads badly."""
        length = self._header()
        if length is None:
            return None

        body = self._take(length)
        if body is None:
            log.error("the input ended inside a message of %d bytes", length)
            return None
        self._after_body = True
        return self._fit(body)

    def _header(self) -> int | None:
        """The Content-Length of the next header; None at the end of the input."""
        fields: dict[bytes, bytes] = {}
        while line := self._peek_line():
            if line.endswith(b"\n") and not line.strip(_BLANKS):
                self._consume(line)
                if fields:
                    return _length(fields)
                continue  # a blank line between messages

            header = _HEADER.fullmatch(line)
            if header is None:
                raise _Broken(self._not_a_header(line), skip_from=1)
            self._consume(line)
            fields[header[1].lower()] = header[2]
        if fields:
            log.error("the input ended inside a message header")
        return None

    def _not_a_header(self, line: bytes) -> str:
        problem = f"{_show(line)} is not a message header"
        if self._after_body:
            problem += "; the message before it may be longer than its Content-Length"
        return problem

    def _fit(self, body: bytes) -> bytes:
        """The body up to its closing bracket; what follows is given back."""
        end = len(body)
        if b"\n" in body and (header := _LENGTH.search(body)):
            end = header.start()
        end = _json_end(body, end)
        if end == len(body):
            return body

        extra = body[end:]
        self._buffer[:0] = extra
        log.error(
            "a message runs %s past its closing bracket (%s): its Content-Length "
            "is too long; they are read again as the next message",
            _count(len(extra)),
            _show(extra),
        )
        return body[:end]

    # resynchronising

    def _resync(self, broken: _Broken) -> bool:
        """Skip to the next Content-Length header; False at the end of the input."""
        log.error("broken input: %s; reading on from the next header", broken)
        skipped, preview = self._skip(broken.skip_from)
        self._after_body = False
        if skipped is None:
            log.error("the input ended before another Content-Length header")
            return False

        if skipped:
            log.error("skipped %s (%s) to the next header", _count(skipped), preview)
        return True

    def _skip(self, start: int) -> tuple[int | None, str]:
        """Drop what comes before the next Content-Length header.

        The number of bytes dropped (None if the input ends first) and the
        first of them, shown.
        """
        skipped, first = 0, b""
        while not (found := _LENGTH.search(self._buffer, start)):
            keep = max(len(self._buffer) - MAX_HEADER_LINE, start)
            first = (first + self._buffer[: min(keep, 40)])[:40]
            skipped += keep
            del self._buffer[:keep]
            start = 0
            if not self._fill():
                return None, _show(first)

        first = (first + self._buffer[: min(found.start(), 40)])[:40]
        del self._buffer[: found.start()]
        return skipped + found.start(), _show(first)

    # reading

    def _fill(self) -> bool:
        """Read what the stream has into the buffer; False at its end."""
        chunk = self._stream.read1(_CHUNK)
        self._buffer += chunk
        return bool(chunk)

    def _peek_line(self) -> bytes:
        """The next line with its ending, not consumed; cut at MAX_HEADER_LINE."""
        while (end := self._buffer.find(b"\n", 0, MAX_HEADER_LINE)) == -1:
            if len(self._buffer) >= MAX_HEADER_LINE or not self._fill():
                return bytes(self._buffer[:MAX_HEADER_LINE])
        return bytes(self._buffer[: end + 1])

    def _consume(self, line: bytes) -> None:
        """Drop a header line that has been read."""
        del self._buffer[: len(line)]
        self._after_body = False
        if not line.endswith(b"\r\n") and not self._told_lf:
            self._told_lf = True
            log.warning("header lines end in LF alone, not CRLF; reading them anyway")

    def _take(self, size: int) -> bytes | None:
        """The next `size` bytes; None if the input ends first."""
        if len(self._buffer) >= size:
            body = bytes(self._buffer[:size])
            del self._buffer[:size]
            return body

        body = bytes(self._buffer) + self._stream.read(size - len(self._buffer))
        self._buffer.clear()
        return body if len(body) == size else None


def _length(fields: dict[bytes, bytes]) -> int:
    """The Content-Length of a header's fields, if it is a sound one."""
    value = fields.get(b"content-length")
    if value is None:
        raise _Broken("a message header has no Content-Length")
    if not value.isdigit():
        raise _Broken(f"Content-Length {_show(value)} is not a number")

    length = int(value)
    if length == 0:
        raise _Broken("a message is empty (Content-Length: 0)")
    if length > MAX_MESSAGE:
        raise _Broken(f"a message claims {length} bytes")
    return length


def _json_end(body: bytes, end: int) -> int:
    """Where the JSON in `body[:end]` ends: after its last closing bracket.

    `end` itself when it ends with one (or blanks after one), or when it
    has none at all and is no JSON object: then it is left as it is.
    """
    tail = body[max(end - 64, 0) : end].rstrip(_BLANKS)
    if tail[-1:] in (b"}", b"]"):
        return end
    closer = max(body.rfind(b"}", 0, end), body.rfind(b"]", 0, end))
    return closer + 1 if closer != -1 else end


def _show(data: bytes) -> str:
    """Bytes as a log shows them: quoted, escaped and cut short."""
    shown = repr(bytes(data[:60]))
    return shown + ("..." if len(data) > 60 else "")


def _count(size: int) -> str:
    return "1 byte" if size == 1 else f"{size} bytes"
