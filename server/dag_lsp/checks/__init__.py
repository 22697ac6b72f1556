"""Checks: every finding the model of a file gives, in the order of the file.

Each module here holds the checks of one concern and exposes functions
that take a `Tree` and yield `Finding`s. `check` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dag_lsp.checks import blocks, flow, header, ids, older, routes
from dag_lsp.findings import SYNTAX, Finding
from dag_lsp.model import Tree

CheckFunction = Callable[[Tree], Iterable[Finding]]

_ALL: tuple[CheckFunction, ...] = (
    header.check,
    ids.duplicates,
    ids.undefined,
    flow.unreachable,
    flow.cycles,
    blocks.check,
    routes.check,
    older.check,
)


def syntax(tree: Tree) -> list[Finding]:
    """The syntax problems of a tree."""
    return [Finding(SYNTAX, problem.span, problem.message) for problem in tree.syntax]


def check(tree: Tree) -> list[Finding]:
    """Every finding of a tree, sorted by position."""
    found = syntax(tree)
    for run in _ALL:
        found.extend(run(tree))

    found.sort(key=lambda f: (f.span.line, f.span.start, f.code))
    return found
