"""Reach: how many paths reach each outcome, for code lenses and hovers.

Part of the queries package, beside `describe.py`: it counts the paths of
one version once (through `dag_lsp.paths`) and writes the counts and the
first paths as the editor shows them.
"""

from __future__ import annotations

import math
from functools import cached_property

from dag_lsp import paths
from dag_lsp.heap import collector_paused
from dag_lsp.model import Tree
from dag_lsp.queries.results import Lens
from dag_lsp.queries.text import code

HOVER_PATHS = 5
HOVER_STEPS = 4  # a longer path shows its first and last four answers
_NOT_COUNTED = "paths not counted: the when: conditions look back too far"
_EXACT_BELOW = 2**50  # larger counts are shown as a power of ten


class Reach:
    """The path counts of one version of a tree, counted on first use."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    @cached_property
    def _counts(self) -> tuple[dict[str, int] | None, set[str]]:
        """The paths reaching each outcome (None when they cannot be counted),
        and the outcomes whose counts are a floor (`paths.floors`).

        Counted once per version, in time linear in the tree (`paths.py`),
        with the cyclic collector paused as while reading: its passes over
        a large tree's objects would cost more than the counting.

        Known cost: in elimination mode `count_paths` makes one pass per
        outcome, about 0.5 s for 5,000 questions and 20 outcomes, which
        holds the server up once per version whose lenses or outcome hovers
        are asked for; counting every outcome in one pass over the questions
        would take a fraction of that.
        """
        with collector_paused():
            floors = paths.floors(self.tree)
            try:
                return paths.count_paths(self.tree), floors
            except paths.TooManyCombinations:
                return None, floors

    def text(self, outcome_id: str) -> str:
        """`3 paths reach this outcome`, `no path reaches this outcome`, ..."""
        counts, floors = self._counts
        if counts is None:
            return _NOT_COUNTED
        return _reach_text(counts.get(outcome_id, 0), outcome_id not in floors)

    def lenses(self) -> list[Lens]:
        """Over each outcome's definition, how many paths reach it."""
        return [
            Lens(o.id.span, self.text(o.id.value))
            for o in self.tree.outcomes
            if not o.implicit
        ]

    def paths_text(self, outcome_id: str) -> str:
        """Markdown: how many paths reach an outcome and the first of them."""
        counts, floors = self._counts
        exact = outcome_id not in floors
        count = counts.get(outcome_id, 0) if counts else 0
        heading = self.text(outcome_id).capitalize()
        if not count:
            return heading + "."

        with collector_paused():
            found = paths.paths_to(self.tree, outcome_id, HOVER_PATHS)
        lines = [heading + ":", ""]
        lines += [f"- {code(_path_text(path))}" for path in found]
        if count > len(found):
            rest = _amount(count - len(found), exact)
            lines.append(f"- … and {rest} more")
        return "\n".join(lines)


def _reach_text(count: int, exact: bool) -> str:
    """How many paths reach an outcome; a count cut short by a cycle is a floor."""
    if not count:
        return "no path reaches this outcome"
    noun = "path reaches" if count == 1 else "paths reach"
    return f"{_amount(count, exact)} {noun} this outcome"


def _amount(count: int, exact: bool) -> str:
    """`12`, `at least 12` (a floor), or `over 10^15` for a huge count.

    A tree's path counts can have thousands of digits, more than Python
    turns into a string by default; the power of ten comes from the bit
    length instead.
    """
    if count >= _EXACT_BELOW:
        return f"over 10^{int((count.bit_length() - 1) * math.log10(2))}"
    return str(count) if exact else f"at least {count}"


def _path_text(path: list[paths.Step]) -> str:
    """A path as routes write it, its middle left out when it is long."""
    if len(path) <= 2 * HOVER_STEPS + 1:
        return paths.format_path(path)
    first = paths.format_path(path[:HOVER_STEPS])
    last = paths.format_path(path[-HOVER_STEPS:])
    return f"{first}, … {len(path) - 2 * HOVER_STEPS} more …, {last}"
