"""Helpers for the export tests: running `dag-lsp` and reading its output."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """What a command printed and how it ended."""

    status: int
    out: str
    err: str


def dag_lsp(*args: str, stdin: str | bytes = "") -> Run:
    """Run `python -m dag_lsp` with the given arguments and standard input."""
    done = subprocess.run(
        [sys.executable, "-m", "dag_lsp", *args],
        input=stdin.encode("utf-8") if isinstance(stdin, str) else stdin,
        capture_output=True,
        timeout=120,
    )
    return Run(
        done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


def write(folder: Path, name: str, text: str) -> str:
    """Write a file (bytes as given: no newline translation); return its path."""
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)
