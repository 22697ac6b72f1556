"""Analysis: one document's text, read and checked, kept between versions.

An editor sends a new version of a document on every keystroke. `Analyzer`
keeps what it learned from earlier versions (the syntax of every line it
has seen), so each version costs the lines that changed plus a linear pass,
and every editor feature reads the same `Analysis` of a version.
"""

from __future__ import annotations

from typing import NamedTuple

from dag_lsp.checks import CheckMemo, check
from dag_lsp.findings import Finding
from dag_lsp.heap import collector_paused
from dag_lsp.model import Tree
from dag_lsp.reader import ChunkMemo, read
from dag_lsp.syntax import LineParser


class Analysis(NamedTuple):
    """A version of a document: its text, its model and its findings."""

    text: str
    tree: Tree
    findings: list[Finding]


class Analyzer:
    """Reads successive versions of one document."""

    def __init__(self) -> None:
        self._parser = LineParser()
        self._chunks = ChunkMemo()
        self._checks = CheckMemo()

    def analyze(self, text: str) -> Analysis:
        """Read and check one version of the document."""
        self._parser.new_version()
        self._chunks.new_version()

        with collector_paused():
            tree = read(text, self._parser, self._chunks)
            return Analysis(text, tree, check(tree, self._checks))
