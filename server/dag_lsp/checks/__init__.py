"""Checks: every finding the model of a file gives, in the order of the file.

Each module here holds the checks of one concern and exposes functions
that take a `Tree` and yield `Finding`s. `check` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dag_lsp.checks import blocks, flow, header, ids, older, routes
from dag_lsp.findings import SYNTAX, Finding
from dag_lsp.model import Tree

__all__ = ["CheckMemo", "check", "syntax"]

CheckFunction = Callable[[Tree], Iterable[Finding]]

_TREE_WIDE: tuple[CheckFunction, ...] = (
    header.check,
    ids.duplicates,
    ids.undefined,
    flow.unreachable,
    flow.cycles,
    routes.check,
    older.check,
)


def syntax(tree: Tree) -> list[Finding]:
    """The syntax problems of a tree."""
    return [Finding(SYNTAX, problem.span, problem.message) for problem in tree.syntax]


class CheckMemo:
    """What checking the last version of a document found, to reuse.

    The findings across the tree are kept while its shape (all but free
    text) is unchanged; those inside a block are kept by the block itself
    (see `blocks`).
    """

    def __init__(self) -> None:
        self.shape: list[object] | None = None
        self.tree_wide: list[Finding] = []


def check(tree: Tree, memo: CheckMemo | None = None) -> list[Finding]:
    """Every finding of a tree, sorted by position.

    An editor passes the `CheckMemo` of the document, so that what did not
    change is not worked out again.
    """
    found = syntax(tree)
    found.extend(_tree_wide(tree, memo))
    found.extend(blocks.check(tree))

    found.sort(key=lambda f: (f.span.line, f.span.start, f.code))
    return found


def _tree_wide(tree: Tree, memo: CheckMemo | None) -> list[Finding]:
    """The checks across blocks, kept while the tree's shape stays the same.

    Known shortcoming: an edit that changes the shape (a target, an id) runs
    every one of them again over the whole tree: linear, but about half of
    such an edit's time on the 5,000-question benchmark tree. Checking again
    only the parts of the graph the edit touched would keep it flat.
    """
    if memo is not None and memo.shape == tree.shape:
        return memo.tree_wide

    found = [finding for run in _TREE_WIDE for finding in run(tree)]
    if memo is not None:
        memo.shape, memo.tree_wide = tree.shape, found
    return found
