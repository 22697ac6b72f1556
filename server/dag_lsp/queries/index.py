"""Index: the ids and answers on each line of one version of a tree.

First step of the queries package: every position lookup (navigation,
rename, hover, inlay hints) starts here. The indexes are built on first
use, so each lookup by position costs the items of one line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property
from typing import TypeVar

from dag_lsp import graph
from dag_lsp.model import Answer, Condition, Outcome, Question, Ref, Span, Tree
from dag_lsp.queries.results import AnswerSpot, Occurrence

Q = TypeVar("Q", Question, Outcome)


class Index:
    """The occurrences, answer spots and targets of a tree, by line and by id."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

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
        for occurrence in self._occurrences_on(line):
            if occurrence.span.contains(line, column):
                return occurrence
        return None

    def answer_at(self, line: int, column: int) -> AnswerSpot | None:
        """The answer label or condition answer at a position."""
        for spot in self._answer_spots_on(line):
            if spot.span.contains(line, column):
                return spot
        return None

    def _occurrences_on(self, line: int) -> Iterator[Occurrence]:
        """The ids on one line, found through the block that holds it.

        A lookup by position costs the block it falls in, not the tree: the
        first request after an edit does not wait for a whole-tree index.
        """
        tree = self.tree
        entry = tree.entry_ref
        if entry is not None and entry.line == line:
            yield Occurrence(entry.id, entry.span, False)

        question = _holding(tree.questions, line)
        if question is not None:
            if question.id.line == line:
                yield Occurrence(question.id.value, question.id.span, True)
            for ref in _question_refs(question):
                if ref.line == line:
                    yield Occurrence(ref.id, ref.span, False)

        outcome = _holding(_with_blocks(tree.outcomes), line)
        if outcome is not None and outcome.id.line == line:
            yield Occurrence(outcome.id.value, outcome.id.span, True)

        for route in tree.routes:
            for ref in (*(step.question for step in route.steps), *route.outcomes):
                if ref.line == line:
                    yield Occurrence(ref.id, ref.span, False)

    def _answer_spots_on(self, line: int) -> Iterator[AnswerSpot]:
        """The answer labels and condition answers on one line."""
        question = _holding(self.tree.questions, line)
        if question is not None:
            for answer in question.answers:
                label = answer.label
                if label.line == line:
                    yield AnswerSpot(label.span, question.id.value, label.value, answer)
            for condition in question.when:
                if condition.answer.line == line:
                    yield self._condition_spot(condition)

        for route in self.tree.routes:
            for step in route.steps:
                if step.answer.line == line:
                    yield self._condition_spot(step)

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


def _question_refs(question: Question) -> Iterator[Ref]:
    yield from (condition.question for condition in question.when)
    for answer in question.answers:
        yield from answer.targets


def _with_blocks(outcomes: list[Outcome]) -> list[Outcome]:
    """The outcomes with blocks: all of them, or none (see `reader`)."""
    return outcomes if outcomes and outcomes[0].block is not None else []


def _holding(items: list[Q], line: int) -> Q | None:
    """The question or outcome whose block holds `line` (items in file order)."""
    index = bisect_right(items, line, key=_first_line) - 1
    if index < 0:
        return None
    block = items[index].block
    return items[index] if block is not None and block.last_line >= line else None


def _first_line(item: Question | Outcome) -> int:
    return item.block.first_line if item.block is not None else -1
