"""Broken message framing: logged, and the server reads on from the next header.

Each test writes a whole session to the server's standard input at once
(initialize, a broken frame, a request), closes it, and reads what the
server wrote: every answer, and its log on standard error.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"processId": None, "rootUri": None, "capabilities": {}},
}


def _framed(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def _hover(number: int) -> dict[str, Any]:
    where = {"line": 0, "character": 0}
    params = {"textDocument": {"uri": "file:///none.dag"}, "position": where}
    return {
        "jsonrpc": "2.0",
        "id": number,
        "method": "textDocument/hover",
        "params": params,
    }


def _body(number: int) -> bytes:
    return json.dumps(_hover(number)).encode("utf-8")


def _session(data: bytes) -> tuple[int, list[Any], str]:
    """Exit status, the ids answered and standard error of a whole session."""
    done = subprocess.run(
        [sys.executable, "-m", "dag_lsp"], input=data, capture_output=True, timeout=60
    )
    bodies = re.split(
        rb"Content-Length: \d+\r\nContent-Type: [^\r]*\r\n\r\n", done.stdout
    )
    answers = [json.loads(body) for body in bodies if body]
    ids = [answer["id"] for answer in answers if "method" not in answer]
    return done.returncode, ids, done.stderr.decode("utf-8", "replace")


def test_an_absurd_content_length_ends_the_server_cleanly() -> None:
    data = _framed(INITIALIZE) + b"Content-Length: 99999999999\r\n\r\n{}"

    status, ids, log = _session(data)

    assert status == 0
    assert "a message claims 99999999999 bytes" in log
    assert "Traceback" not in log
    assert ids == [1]


LOST = [
    ("no Content-Length", b"Content-Type: application/json\r\n\r\n" + _body(7)),
    ("too short", b"Content-Length: %d\r\n\r\n" % (len(_body(7)) - 1) + _body(7)),
    ("no header", _body(7)),
    ("absurd", b"Content-Length: 99999999999\r\n\r\n" + _body(7)),
    ("empty", b"Content-Length: 0\r\n\r\n"),
    ("not a number", b"Content-Length: twelve\r\n\r\n" + _body(7)),
]


@pytest.mark.parametrize(("name", "broken"), LOST, ids=[name for name, _ in LOST])
def test_after_a_broken_frame_the_next_is_answered(name: str, broken: bytes) -> None:
    data = _framed(INITIALIZE) + broken + _framed(_hover(2)) + _framed(_hover(3))

    status, ids, log = _session(data)

    assert ids == [1, 2, 3]
    assert "broken input: " in log
    assert status == 0


READ = [
    ("lower case", b"content-length: %d\r\n\r\n" % len(_body(7)) + _body(7)),
    ("LF alone", b"Content-Length: %d\n\n" % len(_body(7)) + _body(7)),
    ("too long", b"Content-Length: %d\r\n\r\n" % (len(_body(7)) + 1) + _body(7)),
    ("far too long", b"Content-Length: %d\r\n\r\n" % (len(_body(7)) + 30) + _body(7)),
]


@pytest.mark.parametrize(("name", "lenient"), READ, ids=[name for name, _ in READ])
def test_a_frame_whose_meaning_is_clear_is_read(name: str, lenient: bytes) -> None:
    data = _framed(INITIALIZE) + lenient + _framed(_hover(2)) + _framed(_hover(3))

    status, ids, log = _session(data)

    assert ids == [1, 7, 2, 3]
    assert "broken input" not in log
    assert status == 0


def test_a_skip_says_what_was_wrong_and_what_was_skipped() -> None:
    short = b"Content-Length: %d\r\n\r\n" % (len(_body(7)) - 1) + _body(7)

    _, _, log = _session(_framed(INITIALIZE) + short + _framed(_hover(2)))

    assert "b'}Content-Length: " in log and "is not a message header" in log
    assert "may be longer than its Content-Length" in log
    assert "skipped 1 byte (b'}') to the next header" in log
