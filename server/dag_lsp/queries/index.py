"""Index: the ids and answers on each line of one version of a tree.

First step of the queries package: every position lookup (navigation,
rename, hover, inlay hints) starts here. The indexes are built on first
use, so each lookup by position costs the items of one line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property

from dag_lsp import graph
from dag_lsp.model import Answer, Condition, Ref, Span, Tree
from dag_lsp.queries.results import AnswerSpot, Occurrence


class Index:
    """The occurrences, answer spots and targets of a tree, by line and by id."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    @cached_property
    def _occurrences(self) -> dict[int, list[Occurrence]]:
        """The ids on each line."""
        by_line: dict[int, list[Occurrence]] = {}
        for occurrence in self._all_occurrences():
            by_line.setdefault(occurrence.span.line, []).append(occurrence)
        return by_line

    @cached_property
    def by_id(self) -> dict[str, list[Occurrence]]:
        """Every occurrence of each id, in the order of the file."""
        by_id: dict[str, list[Occurrence]] = {}
        for occurrence in self._all_occurrences():
            by_id.setdefault(occurrence.id, []).append(occurrence)
        for found in by_id.values():
            found.sort(key=lambda o: (o.span.line, o.span.start))
        return by_id

    def _all_occurrences(self) -> Iterator[Occurrence]:
        tree = self.tree
        for question in tree.questions:
            yield Occurrence(question.id.value, question.id.span, True)
        for outcome in tree.outcomes:
            if not outcome.implicit:
                yield Occurrence(outcome.id.value, outcome.id.span, True)
        for ref in tree.refs():
            yield Occurrence(ref.id, ref.span, False)

    @cached_property
    def _answers(self) -> dict[int, list[AnswerSpot]]:
        """The answer labels and condition answers on each line."""
        by_line: dict[int, list[AnswerSpot]] = {}
        for spot in self._all_answer_spots():
            by_line.setdefault(spot.span.line, []).append(spot)
        return by_line

    def _all_answer_spots(self) -> Iterator[AnswerSpot]:
        tree = self.tree
        for question in tree.questions:
            for answer in question.answers:
                label = answer.label
                yield AnswerSpot(label.span, question.id.value, label.value, answer)
            yield from (self._condition_spot(c) for c in question.when)
        for route in tree.routes:
            yield from (self._condition_spot(step) for step in route.steps)

    def _condition_spot(self, condition: Condition) -> AnswerSpot:
        ident, name = condition.question.id, condition.answer.value
        question = self.tree.question_ids.get(ident)
        answer = graph.answer_named(question, name) if question else None
        return AnswerSpot(condition.answer.span, ident, name, answer)

    @cached_property
    def _targets(self) -> tuple[list[int], list[tuple[Ref, Answer]]]:
        """Every answer target, with its line for bisection."""
        found = [
            (target, answer)
            for question in self.tree.questions
            for answer in question.answers
            for target in answer.targets
        ]
        found.sort(key=lambda pair: (pair[0].span.line, pair[0].span.start))
        return [ref.span.line for ref, _ in found], found

    def targets(self, first: int, last: int) -> list[tuple[Ref, Answer]]:
        """The answer targets on lines `first` to `last`, with their answers."""
        lines, targets = self._targets
        return targets[bisect_left(lines, first) : bisect_right(lines, last)]

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id at a position, from its first character to just after it."""
        for occurrence in self._occurrences.get(line, ()):
            if occurrence.span.contains(line, column):
                return occurrence
        return None

    def answer_at(self, line: int, column: int) -> AnswerSpot | None:
        """The answer label or condition answer at a position."""
        for spot in self._answers.get(line, ()):
            if spot.span.contains(line, column):
                return spot
        return None

    def occurrences(self, ident: str) -> list[Occurrence]:
        """Where `ident` is defined and used, in the order of the file."""
        return list(self.by_id.get(ident, ()))

    def definitions(self, ident: str) -> list[Span]:
        """The spans of the blocks' ids that define `ident`."""
        return [o.span for o in self.by_id.get(ident, ()) if o.definition]

    def references(self, ident: str, include_definition: bool) -> list[Span]:
        """The spans of every use of `ident`, and its definitions if asked."""
        return [
            o.span
            for o in self.by_id.get(ident, ())
            if include_definition or not o.definition
        ]
