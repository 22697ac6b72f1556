"""Facade: `Queries`, one object per version of a document.

The entry point of the queries package for `dag_lsp.lsp`: each method hands
the question to the module that answers it (`index`, `rename`, `describe`,
`reach`, `outline`, `spots`, `candidates`). The helpers it holds build their
indexes on first use and keep them for the version.
"""

from __future__ import annotations

from dag_lsp.model import Span, Tree
from dag_lsp.queries import describe, outline, rename
from dag_lsp.queries.candidates import Candidates, Completions
from dag_lsp.queries.index import Index
from dag_lsp.queries.reach import Reach
from dag_lsp.queries.results import (
    AnswerSpot,
    HoverText,
    Inlay,
    Lens,
    Occurrence,
    Symbol,
)
from dag_lsp.queries.spots import Spot, Spots
from dag_lsp.queries.text import escape, line_text


class Queries:
    """Answers about one version of a tree, with indexes built on first use."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self._index = Index(tree)
        self._reach = Reach(tree)
        self._spots = Spots(tree)
        self._candidates = Candidates(tree)

    def text(self, line: int) -> str:
        """The text of a line; empty past the last line."""
        return line_text(self.tree, line)

    # ------------------------------------------------------------ navigation

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id at a position, from its first character to just after it."""
        return self._index.at(line, column)

    def answer_at(self, line: int, column: int) -> AnswerSpot | None:
        """The answer label or condition answer at a position."""
        return self._index.answer_at(line, column)

    def occurrences(self, ident: str) -> list[Occurrence]:
        """Where `ident` is defined and used, in the order of the file."""
        return self._index.occurrences(ident)

    def definitions(self, ident: str) -> list[Span]:
        """The spans of the blocks' ids that define `ident`."""
        return self._index.definitions(ident)

    def references(self, ident: str, include_definition: bool) -> list[Span]:
        """The spans of every use of `ident`, and its definitions if asked."""
        return self._index.references(ident, include_definition)

    def rename_problem(self, old: str, new: str) -> str | None:
        """Why `old` cannot be renamed to `new`, or None when it can."""
        return rename.rename_problem(self.tree, self._index.by_id, old, new)

    # ------------------------------------------------------------ hover and hints

    def hover(self, line: int, column: int) -> HoverText | None:
        """What the id or answer at a position means, in Markdown."""
        occurrence = self.at(line, column)
        if occurrence is not None:
            return HoverText(occurrence.span, self.describe(occurrence.id))

        spot = self.answer_at(line, column)
        if spot is not None:
            return HoverText(spot.span, describe.describe_answer(self.tree, spot))
        return None

    def describe(self, ident: str) -> str:
        """Markdown about a question or outcome id."""
        question = self.tree.question_ids.get(ident)
        if question is not None:
            return describe.describe_question(question)

        outcome = self.tree.outcome_ids.get(ident)
        if outcome is not None:
            paths = self._reach.paths_text(ident)
            return describe.describe_outcome(outcome) + "\n\n" + paths
        return f"**{escape(ident)}** is not defined"

    def reach(self, outcome_id: str) -> str:
        """`3 paths reach this outcome`, `no path reaches this outcome`, ..."""
        return self._reach.text(outcome_id)

    def lenses(self) -> list[Lens]:
        """Over each outcome's definition, how many paths reach it."""
        return self._reach.lenses()

    def inlays(self, first: int, last: int) -> list[Inlay]:
        """What each answer target on lines `first` to `last` leads to."""
        return describe.inlays(self.tree, self._index.targets(first, last))

    # ------------------------------------------------------------ outline

    def outline(self) -> list[Symbol]:
        """The questions and outcomes defined, in the order of the file."""
        return outline.outline(self.tree)

    def folds(self) -> list[tuple[int, int]]:
        """The first and last lines of each block of more than one line."""
        return outline.folds(self.tree)

    # ------------------------------------------------------------ completion

    def completion_spot(self, line: int, column: int) -> Spot | None:
        """What may be typed at a position, or None in free text."""
        return self._spots.at(line, column)

    def complete(self, spot: Spot) -> Completions:
        """The candidates for a spot, the most likely first."""
        return self._candidates.complete(spot)
