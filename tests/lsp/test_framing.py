"""A broken message header ends the server with a message, not a crash."""

from __future__ import annotations

import json
import subprocess
import sys


def _framed(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def test_an_absurd_content_length_ends_the_server_cleanly() -> None:
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"processId": None, "rootUri": None, "capabilities": {}},
    }
    data = _framed(initialize) + b"Content-Length: 99999999999\r\n\r\n{}"

    done = subprocess.run(
        [sys.executable, "-m", "dag_lsp"], input=data, capture_output=True, timeout=60
    )

    assert done.returncode == 0
    assert b"a message claims 99999999999 bytes" in done.stderr
    assert b"Traceback" not in done.stderr
    assert b'"id": 1' in done.stdout
