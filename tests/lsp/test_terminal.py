"""`dag-lsp` typed at a terminal: it says what it is, and Ctrl-C ends it.

The server is started on a pseudo-terminal, as a shell would start it, not
by an editor.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest


def test_at_a_terminal_the_server_says_what_it_is_and_ctrl_c_ends_it() -> None:
    primary, secondary = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "dag_lsp"],
        stdin=secondary,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(secondary)
    assert process.stderr is not None

    first = process.stderr.readline().decode("utf-8")
    process.send_signal(signal.SIGINT)
    status = process.wait(timeout=60)
    os.close(primary)

    assert first.startswith("dag-lsp: this is the language server")
    assert "dag-lsp --check PATH" in first
    assert status == 128 + signal.SIGINT


def framed(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_a_client_that_stops_reading_ends_the_server_with_one_line() -> None:
    """Its standard output closed while its input stays open: no traceback
    per message, no server left running."""
    reading, writing = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "dag_lsp"],
        stdin=subprocess.PIPE,
        stdout=writing,
        stderr=subprocess.PIPE,
    )
    os.close(writing)
    os.close(reading)
    assert process.stdin is not None and process.stderr is not None

    params: dict[str, object] = {"processId": None, "rootUri": None, "capabilities": {}}
    hello = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}
    process.stdin.write(framed(hello))
    process.stdin.flush()
    status = process.wait(timeout=60)
    said = process.stderr.read().decode("utf-8")
    process.stdin.close()

    assert status == 1
    assert said.count("the client stopped reading") == 1
    assert "Traceback" not in said


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tcp", "--port", "99999"], "'99999' is not a port: give 0 to 65535"),
        (["--tcp", "--host", "nonexist.invalid"], "cannot serve on nonexist.invalid"),
    ],
)
def test_a_network_server_that_cannot_start_says_why(
    args: list[str], message: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dag_lsp", *args], capture_output=True, timeout=60
    )

    assert done.returncode == 2
    assert message in done.stderr.decode("utf-8")
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["--check", "."], ["--export", "json", "t.dag"], []])
def test_a_closed_standard_stream_is_a_usage_error(args: list[str]) -> None:
    closed = {"stdin": None, "stdout": None} if not args else {"stdout": None}
    code = (
        "import sys; from dag_lsp.cli import main; "
        + "; ".join(f"sys.{name} = None" for name in closed)
        + f"; sys.exit(main({args!r}))"
    )

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)

    assert done.returncode == 2
    assert b"is closed" in done.stderr
