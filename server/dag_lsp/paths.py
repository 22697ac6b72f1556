"""Paths: the answer paths from the entry that reach each outcome.

A query over the model, beside `graph.py`, for `dag-lsp --paths` and for
the editor (the hover and the code lens of an outcome). The API:

- `count_paths(tree) -> dict[str, int]`: for each outcome id, how many
  paths reach it;
- `paths_to(tree, outcome_id, limit) -> list[list[Step]]`: the first
  `limit` of those paths, each a list of `Step`s (`Q1=yes`);
- `format_path(steps) -> str`: a path as `Q1=yes, Q2=no`, the way routes
  write it.

In decision mode a path is the answers from the entry question to the
outcome. Their number can grow exponentially with the size of a tree (40
questions of two answers each, all leading to the next one, give 2^40
paths), so counts come from dynamic programming over the questions in
topological order, in time linear in the size of the tree (Python's
integers do not overflow), and listing stops at `limit`: it only goes down
answers from which the outcome can still be reached, so its cost grows
with the paths it lists, never with those it leaves out. Two answers of a
question that lead to the same place are two paths.

In elimination mode a path is one answer to each question asked (see
`walk.py` for the order and `when:`) after which the outcome is among the
survivors. Counting walks the questions in order and keeps, for each
distinct set of earlier answers a later `when:` still looks at, how many
ways lead there; without `when:` that is one set, and the cost is linear.

Every walk here is a loop over an explicit stack or list, so a tree of any
size never deepens Python's call stack.
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from dag_lsp import walk
from dag_lsp.graph import cycles
from dag_lsp.model import Answer, Question, Tree

LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Step:
    """One answer on a path: the question's id and the answer's name."""

    question: str
    answer: str

    def __str__(self) -> str:
        return f"{self.question}={self.answer}"


def format_path(steps: list[Step]) -> str:
    """A path as routes write it: `Q1=yes, Q2=no`."""
    return ", ".join(str(step) for step in steps)


def count_paths(tree: Tree) -> dict[str, int]:
    """For each defined outcome, in the order of the file, the paths that reach it.

    In a decision tree with a cycle (DAG008), paths through the questions
    on or after the cycle are not counted: there the counts are a floor.
    """
    outcomes = dict.fromkeys(outcome.id.value for outcome in tree.outcomes)
    if tree.elimination:
        return {o: _Elimination(tree, o).count() for o in outcomes}

    counts = dict.fromkeys(outcomes, 0)
    order = _topological(tree)
    ways = dict.fromkeys(order, 0)
    if order:
        ways[order[0]] = 1
    for question_id in order:
        for _, target, is_outcome in _edges(tree, tree.question_ids[question_id]):
            table = counts if is_outcome else ways
            if target in table:
                table[target] += ways[question_id]
    return counts


def paths_to(tree: Tree, outcome_id: str, limit: int = LIMIT) -> list[list[Step]]:
    """The first `limit` paths that reach an outcome, in the order of the answers."""
    if limit <= 0 or outcome_id not in tree.outcome_ids:
        return []
    if tree.elimination:
        return _Elimination(tree, outcome_id).paths(limit)
    return _decision_paths(tree, outcome_id, limit)


# ---------------------------------------------------------------- decision


def _edges(tree: Tree, question: Question) -> Iterator[tuple[Answer, str, bool]]:
    """Each answer's defined targets: (answer, id, whether an outcome)."""
    for answer in question.answers:
        for target in answer.targets:
            if target.outcome and target.id in tree.outcome_ids:
                yield answer, target.id, True
            elif not target.outcome and target.id in tree.question_ids:
                yield answer, target.id, False


def _topological(tree: Tree) -> list[str]:
    """The questions reachable from the entry, each after all that lead to it.

    Kahn's algorithm; the questions on a cycle, and those only reached
    through one, never come free and are left out.
    """
    reached = _reachable_questions(tree)
    incoming = dict.fromkeys(reached, 0)
    for question_id in reached:
        for _, target, is_outcome in _edges(tree, tree.question_ids[question_id]):
            if not is_outcome:
                incoming[target] += 1

    ready = deque(q for q in reached if incoming[q] == 0)
    order: list[str] = []
    while ready:
        question_id = ready.popleft()
        order.append(question_id)
        for _, target, is_outcome in _edges(tree, tree.question_ids[question_id]):
            if not is_outcome:
                incoming[target] -= 1
                if incoming[target] == 0:
                    ready.append(target)
    return order


def _reachable_questions(tree: Tree) -> list[str]:
    """The questions reachable from the entry, the entry first."""
    entry = tree.entry
    if entry not in tree.question_ids:
        return []

    seen = {entry}
    found = [entry]
    for question_id in found:
        for _, target, is_outcome in _edges(tree, tree.question_ids[question_id]):
            if not is_outcome and target not in seen:
                seen.add(target)
                found.append(target)
    return found


def _leading_to(tree: Tree, order: list[str], outcome_id: str) -> set[str]:
    """The questions of `order` from which some answer path reaches the outcome."""
    leading: set[str] = set()
    for question_id in reversed(order):
        for _, target, is_outcome in _edges(tree, tree.question_ids[question_id]):
            reaches = target == outcome_id if is_outcome else target in leading
            if reaches:
                leading.add(question_id)
                break
    return leading


def _decision_paths(tree: Tree, outcome_id: str, limit: int) -> list[list[Step]]:
    """Depth first from the entry, only down answers that can reach the outcome.

    `path` holds the answers that led to each frame of `stack` but the first.
    """
    order = _topological(tree)
    leading = _leading_to(tree, order, outcome_id)
    if not order or order[0] not in leading:
        return []

    found: list[list[Step]] = []
    path: list[Step] = []
    stack = [(order[0], _edges(tree, tree.question_ids[order[0]]))]
    while stack and len(found) < limit:
        question_id, edges = stack[-1]
        edge = next(edges, None)
        if edge is None:
            stack.pop()
            del path[len(stack) - 1 :]
            continue

        answer, target, is_outcome = edge
        step = Step(question_id, answer.name.value)
        if is_outcome and target == outcome_id:
            found.append([*path, step])
        elif not is_outcome and target in leading:
            path.append(step)
            stack.append((target, _edges(tree, tree.question_ids[target])))
    return found


# ---------------------------------------------------------------- elimination

# The answers a later `when:` still looks at: (question id, answer) pairs.
_State = tuple[tuple[str, Answer], ...]


class _Elimination:
    """Counts and lists the answer sequences that leave one outcome.

    `layers[i]` maps each state before the i-th question of the asked order
    to the number of ways to finish from there with the outcome alive.
    """

    # Known shortcoming: a state holds the answers that later `when:`s look
    # at, so a tree where many questions are watched at once (each `when:`
    # looking far back) multiplies the states. Real trees use few `when:`s;
    # merging states whose watched answers decide the same later questions
    # would bound it.

    def __init__(self, tree: Tree, outcome_id: str) -> None:
        self.tree = tree
        self.order = walk.asked_order(tree)
        self.answers = [
            [a for a in q.answers if walk.keeps(a, outcome_id)] for q in self.order
        ]
        self.watched = _watched_after(self.order)
        self.layers = self._count_back(self._states_forward())

    def count(self) -> int:
        return self.layers[0].get((), 0) if self.order else 0

    def paths(self, limit: int) -> list[list[Step]]:
        """Depth first over the positions, only into states that can finish.

        `taken` holds the step (None for a skipped question) that led to
        each frame of `stack` but the first.
        """
        if not self.count():
            return []

        found: list[list[Step]] = []
        taken: list[Step | None] = []
        stack = [(0, self._choices(0, ()))]
        while stack and len(found) < limit:
            position, choices = stack[-1]
            choice = next(choices, None)
            if choice is None:
                stack.pop()
                del taken[len(stack) - 1 :]
                continue

            after, step = choice
            if position + 1 == len(self.order):
                found.append([s for s in [*taken, step] if s is not None])
            else:
                taken.append(step)
                stack.append((position + 1, self._choices(position + 1, after)))
        return found

    def _choices(
        self, position: int, state: _State
    ) -> Iterator[tuple[_State, Step | None]]:
        """The moves at `position` after which the outcome can still survive."""
        question = self.order[position].id.value
        ahead = self.layers[position + 1]
        for after, answer in self._next(position, state):
            if ahead.get(after, 0):
                yield after, Step(question, answer.name.value) if answer else None

    def _next(self, position: int, state: _State) -> list[tuple[_State, Answer | None]]:
        """The states after the question at `position`, with the answer given.

        A question whose `when:` does not hold is skipped: one next state and
        no answer.
        """
        question = self.order[position]
        given = dict(state)
        if not walk.is_asked(self.tree, question, given):
            return [(self._keep(position, state), None)]

        return [
            (self._keep(position, (*state, (question.id.value, answer))), answer)
            for answer in self.answers[position]
        ]

    def _keep(self, position: int, state: _State) -> _State:
        watched = self.watched[position]
        return tuple(pair for pair in state if pair[0] in watched)

    def _states_forward(self) -> list[set[_State]]:
        layers: list[set[_State]] = [{()}]
        for position in range(len(self.order)):
            following = {
                after
                for state in layers[-1]
                for after, _ in self._next(position, state)
            }
            layers.append(following)
        return layers

    def _count_back(self, states: list[set[_State]]) -> list[dict[_State, int]]:
        counts: list[dict[_State, int]] = [{} for _ in states]
        counts[-1] = dict.fromkeys(states[-1], 1)
        for position in range(len(self.order) - 1, -1, -1):
            ahead = counts[position + 1]
            for state in states[position]:
                counts[position][state] = sum(
                    ahead[after] for after, _ in self._next(position, state)
                )
        return counts


def _watched_after(order: list[Question]) -> list[frozenset[str]]:
    """For each position, the questions a `when:` after it looks at."""
    watched: list[frozenset[str]] = [frozenset()] * len(order)
    seen: set[str] = set()
    for position in range(len(order) - 1, -1, -1):
        watched[position] = frozenset(seen)
        seen.update(c.question.id for c in order[position].when)
    return watched


# ---------------------------------------------------------------- reports


@dataclass(frozen=True, slots=True)
class OutcomePaths:
    """An outcome, how many paths reach it, and the first of them.

    `exact` is false when a cycle keeps some paths from being counted.
    """

    outcome: str
    label: str
    count: int
    paths: list[list[Step]]
    exact: bool = True

    def describe(self) -> str:
        """`1 path`, `3 paths`, `4096 paths, the first 1000 listed`, ..."""
        shown = len(self.paths)
        if self.count == 0:
            amount = "no path" if self.exact else "no path counted"
        else:
            noun = "path" if self.count == 1 else "paths"
            floor = "" if self.exact else "at least "
            amount = f"{floor}{written(self.count)} {noun}"
        return amount if shown == self.count else f"{amount}, the first {shown} listed"


# Python turns an int of more than 4,300 digits into a string only when told
# to; a count that large is written as a power of ten instead.
_MAX_BITS = 14_000


def _printable(count: int) -> bool:
    return count.bit_length() <= _MAX_BITS


def written(count: int) -> str:
    """A count in digits, or `over 10^N` when it has thousands of them."""
    if _printable(count):
        return str(count)
    return f"over 10^{int((count.bit_length() - 1) * math.log10(2))}"


def report(tree: Tree, limit: int = LIMIT) -> list[OutcomePaths]:
    """For each outcome, in the order of the file, its count and first paths."""
    counts = count_paths(tree)
    exact = tree.elimination or _acyclic(tree)
    return [
        OutcomePaths(
            outcome,
            tree.outcome_ids[outcome].label.value,
            count,
            paths_to(tree, outcome, limit),
            exact,
        )
        for outcome, count in counts.items()
    ]


def notes(tree: Tree, found: list[OutcomePaths]) -> list[str]:
    """What a reader of a report needs to know that its lines do not say.

    A tree without outcomes reports nothing, and a cycle keeps the paths
    through it from being counted: both are said, the cycle by its path.
    """
    if not found:
        return ["the tree defines no outcome, so no path is listed"]
    if all(item.exact for item in found):
        return []

    loop = next(cycles(tree), None)
    if loop is None:
        return []
    names = [edge.question.id.value for edge in loop] + [loop[-1].target.id]
    return [
        f"the tree has a cycle ({' -> '.join(names)}, DAG008): paths through "
        "it are not counted, so the counts are a floor"
    ]


def _acyclic(tree: Tree) -> bool:
    return len(_topological(tree)) == len(_reachable_questions(tree))


def report_text(found: list[OutcomePaths]) -> str:
    """A report as text: `[ID] (N paths)` and a line per path."""
    lines: list[str] = []
    for item in found:
        lines.append(f"[{item.outcome}] ({item.describe()})")
        lines.extend(f"  {format_path(path)}" for path in item.paths)
    return "".join(line + "\n" for line in lines)


def report_json(found: list[OutcomePaths]) -> str:
    """A report as JSON: a list of outcomes with `count` and `paths`."""
    records = [
        {
            "outcome": item.outcome,
            "label": item.label,
            "count": item.count if _printable(item.count) else written(item.count),
            "exact": item.exact,
            "paths": [
                [{"question": s.question, "answer": s.answer} for s in path]
                for path in item.paths
            ],
        }
        for item in found
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
