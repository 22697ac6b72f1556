"""`dag-lsp` typed at a terminal: it says what it is, and Ctrl-C ends it.

The server is started on a pseudo-terminal, as a shell would start it, not
by an editor.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys


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
