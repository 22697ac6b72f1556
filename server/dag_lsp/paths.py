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
`graph.asked_order` for the order and `graph.is_asked` for `when:`) after
which the outcome is among the survivors. Counting walks the questions in
order and keeps, for each distinct set of earlier answers a later `when:`
still looks at, how many ways lead there; without `when:` that is one set,
and the cost is linear. What every outcome's count shares is worked out
once (`_Plan`).

Every walk here is a loop over an explicit stack or list, so a tree of any
size never deepens Python's call stack.
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dag_lsp import graph
from dag_lsp.graph import cycles
from dag_lsp.model import Answer, Question, Ref, Tree

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

    In a decision tree with a cycle (DAG008), a path that goes around it
    would go on forever: the paths counted are those that do not take an
    answer closing a cycle (see `_Decision`). Raises `TooManyCombinations`
    for an elimination tree whose `when:`s are too tangled to count.
    """
    outcomes = dict.fromkeys(outcome.id.value for outcome in tree.outcomes)
    if tree.elimination:
        plan = _Plan(tree)
        return {o: _Elimination(plan, o).count() for o in outcomes}

    return _Decision(tree).counts(outcomes)


def paths_to(tree: Tree, outcome_id: str, limit: int = LIMIT) -> list[list[Step]]:
    """The first `limit` paths that reach an outcome, in the order of the answers."""
    if limit <= 0 or outcome_id not in tree.outcome_ids:
        return []
    if tree.elimination:
        return _Elimination(_Plan(tree), outcome_id).paths(limit)
    return _Decision(tree).paths(outcome_id, limit)


def floors(tree: Tree) -> set[str]:
    """The outcomes whose counts are a floor: a path may go around a cycle
    (DAG008) before it reaches them, and such paths are not counted."""
    if tree.elimination:
        return set()
    decision = _Decision(tree)
    return {o.id.value for o in tree.outcomes if not decision.exact(o.id.value)}


class TooManyCombinations(Exception):
    """Elimination paths that cannot be counted within `_MAX_STATES`."""


# ---------------------------------------------------------------- decision

# An answer of a question: (answer, target id, whether the target is an outcome).
_Move = tuple[Answer, str, bool]


class _Decision:
    """The answers from the questions reachable from the entry, as a DAG.

    Each answer that closes a cycle (the last edge of each cycle that
    `graph.cycles` names, walking from the entry) is left out, so what
    remains has no cycle. `looping` holds the questions on those cycles.
    """

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        found = list(cycles(tree))
        self.looping = {edge.question.id.value for cycle in found for edge in cycle}
        self.edges = _moves(tree, {id(cycle[-1].target) for cycle in found})
        self.order = _topological(self.edges)

    def counts(self, outcomes: Iterable[str]) -> dict[str, int]:
        """How many paths reach each outcome, by dynamic programming over the
        questions in topological order."""
        counts = dict.fromkeys(outcomes, 0)
        ways = dict.fromkeys(self.order, 0)
        if self.order:
            ways[self.order[0]] = 1
        for question_id in self.order:
            for _, target, is_outcome in self.edges[question_id]:
                table = counts if is_outcome else ways
                if target in table:
                    table[target] += ways[question_id]
        return counts

    def exact(self, outcome_id: str) -> bool:
        """Whether the count of an outcome is all its paths: false when a
        question on a cycle leads to it, as a path may go around first."""
        return not self.looping & self._leading_to(outcome_id)

    def paths(self, outcome_id: str, limit: int) -> list[list[Step]]:
        """Depth first from the entry, only down answers that can reach the outcome.

        `path` holds the answers that led to each frame of `stack` but the first.
        """
        leading = self._leading_to(outcome_id)
        if not self.order or self.order[0] not in leading:
            return []

        found: list[list[Step]] = []
        path: list[Step] = []
        stack = [(self.order[0], iter(self.edges[self.order[0]]))]
        while stack and len(found) < limit:
            question_id, moves = stack[-1]
            move = next(moves, None)
            if move is None:
                stack.pop()
                del path[len(stack) - 1 :]
                continue

            answer, target, is_outcome = move
            step = Step(question_id, answer.name.value)
            if is_outcome and target == outcome_id:
                found.append([*path, step])
            elif not is_outcome and target in leading:
                path.append(step)
                stack.append((target, iter(self.edges[target])))
        return found

    def _leading_to(self, outcome_id: str) -> set[str]:
        """The questions from which some answer path reaches the outcome."""
        leading: set[str] = set()
        for question_id in reversed(self.order):
            for _, target, is_outcome in self.edges[question_id]:
                if (target == outcome_id) if is_outcome else (target in leading):
                    leading.add(question_id)
                    break
        return leading


def _moves(tree: Tree, closing: set[int]) -> dict[str, list[_Move]]:
    """The answers to defined targets of each question reachable from the
    entry, but those whose target is in `closing` (by identity)."""
    entry = tree.entry
    if entry not in tree.question_ids:
        return {}

    found: dict[str, list[_Move]] = {}
    waiting = [entry]
    while waiting:
        question_id = waiting.pop()
        if question_id in found:
            continue
        moves = found[question_id] = [
            (answer, target.id, target.outcome)
            for answer, target in _targets(tree, tree.question_ids[question_id])
            if id(target) not in closing
        ]
        waiting.extend(target for _, target, is_outcome in moves if not is_outcome)
    return found


def _targets(tree: Tree, question: Question) -> Iterator[tuple[Answer, Ref]]:
    """Each answer's targets that name a defined question or outcome."""
    for answer in question.answers:
        for target in answer.targets:
            known = tree.outcome_ids if target.outcome else tree.question_ids
            if target.id in known:
                yield answer, target


def _topological(edges: dict[str, list[_Move]]) -> list[str]:
    """The questions of `edges`, each after all that lead to it (Kahn's
    algorithm); `edges` has no cycle, so all of them, the entry first."""
    incoming = dict.fromkeys(edges, 0)
    for moves in edges.values():
        for _, target, is_outcome in moves:
            if not is_outcome:
                incoming[target] += 1

    ready = deque(q for q in edges if incoming[q] == 0)
    order: list[str] = []
    while ready:
        question_id = ready.popleft()
        order.append(question_id)
        for _, target, is_outcome in edges[question_id]:
            if not is_outcome:
                incoming[target] -= 1
                if incoming[target] == 0:
                    ready.append(target)
    return order


# ---------------------------------------------------------------- elimination

# The answers a later `when:` still looks at, as (question id, the answer's
# place among the question's answers): small to hash, as states are many.
_State = tuple[tuple[str, int], ...]

# How many states the counts of one tree may hold, over every position and
# every outcome (some 0.3 s of work).
_MAX_STATES = 50_000


class _Plan:
    """What every outcome's count shares: the questions in the order they are
    asked, the outcomes each answer keeps, what later `when:`s watch, and
    how many states all the counts together may still hold."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.states_left = _MAX_STATES
        self.order = graph.asked_order(tree)
        self.kept = [
            [(a, frozenset(t.id for t in a.targets)) for a in question.answers]
            for question in self.order
        ]
        self.watched = _watched_after(self.order)


class _Elimination:
    """Counts and lists the answer sequences that leave one outcome.

    `layers[i]` maps each state before the i-th question of the asked order
    to the number of ways to finish from there with the outcome alive.
    """

    # Known shortcoming: a state holds the answers that later `when:`s look
    # at, so a tree where many questions are watched at once (each `when:`
    # looking far back) multiplies the states, up to 2^n for n watched
    # questions. Past `_MAX_STATES` the count gives up (`TooManyCombinations`)
    # rather than hold the command or the server for minutes. Real trees use
    # few `when:`s; merging states whose watched answers decide the same
    # later questions alike would count such trees too.

    def __init__(self, plan: _Plan, outcome_id: str) -> None:
        self.plan = plan
        self.tree = plan.tree
        self.order = plan.order
        self.answers = [
            [(n, answer) for n, (answer, kept) in enumerate(row) if outcome_id in kept]
            for row in plan.kept
        ]
        self.watched = plan.watched
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
        if question.when and not graph.is_asked(
            self.tree, question, self._given(state)
        ):
            return [(self._keep(position, state), None)]

        here = question.id.value
        return [
            (self._keep(position, (*state, (here, n))), answer)
            for n, answer in self.answers[position]
        ]

    def _given(self, state: _State) -> dict[str, Answer]:
        """The answers a state holds, by question id."""
        questions = self.tree.question_ids
        return {asked: questions[asked].answers[n] for asked, n in state}

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

            self.plan.states_left -= len(following)
            if self.plan.states_left < 0:
                raise TooManyCombinations(self.order[position].id.value)
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
    """For each position, the questions a `when:` after it looks at.

    Positions between two `when:`s share one set.
    """
    watched: list[frozenset[str]] = [frozenset()] * len(order)
    seen: frozenset[str] = frozenset()
    for position in range(len(order) - 1, -1, -1):
        watched[position] = seen
        when = order[position].when
        if when:
            seen = seen | {c.question.id for c in when}
    return watched


# ---------------------------------------------------------------- reports


@dataclass(frozen=True, slots=True)
class OutcomePaths:
    """An outcome, how many paths reach it, and the first of them.

    `exact` is false when a path may go around a cycle before reaching the
    outcome: those paths are not counted. `count` is None when the paths
    cannot be counted at all (`TooManyCombinations`).
    """

    outcome: str
    label: str
    count: int | None
    paths: list[list[Step]]
    exact: bool = True

    def describe(self) -> str:
        """`1 path`, `3 paths`, `4096 paths, the first 1000 listed`, ..."""
        shown = len(self.paths)
        if self.count is None:
            return "not counted"
        if self.count == 0:
            amount = "no path"
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
    """For each outcome, in the order of the file, its count and first paths.

    An elimination tree too tangled to count gives every outcome a count of
    None and no path.
    """
    return [
        OutcomePaths(outcome, tree.outcome_ids[outcome].label.value, *counted)
        for outcome, counted in _counted(tree, limit).items()
    ]


# An outcome's count (None when not counted), first paths, and whether the
# count is all its paths.
_Counted = tuple[int | None, list[list[Step]], bool]


def _counted(tree: Tree, limit: int) -> dict[str, _Counted]:
    """Each outcome's count, first paths and exactness, from one `_Decision`
    or one `_Plan` for the whole tree."""
    outcomes = dict.fromkeys(outcome.id.value for outcome in tree.outcomes)
    if not tree.elimination:
        decision = _Decision(tree)
        counts = decision.counts(outcomes)
        return {
            o: (counts[o], decision.paths(o, limit), decision.exact(o))
            for o in outcomes
        }

    plan = _Plan(tree)
    found: dict[str, _Counted] = {}
    try:
        for outcome in outcomes:
            counted = _Elimination(plan, outcome)
            found[outcome] = (counted.count(), counted.paths(limit), True)
    except TooManyCombinations:
        return dict.fromkeys(outcomes, (None, [], True))
    return found


def notes(tree: Tree, found: list[OutcomePaths]) -> list[str]:
    """What a reader of a report needs to know that its lines do not say.

    A tree without outcomes reports nothing, and a cycle keeps the paths
    through it from being counted: both are said, the cycle by its path.
    """
    if not found:
        return ["the tree defines no outcome, so no path is listed"]
    if any(item.count is None for item in found):
        return [_TANGLED]
    if all(item.exact for item in found):
        return []

    loop = next(cycles(tree), None)
    if loop is None:
        return []
    names = [edge.question.id.value for edge in loop] + [loop[-1].target.id]
    return [
        f"the tree has a cycle ({' -> '.join(names)}, DAG008): paths that go "
        "around it are not counted, so the counts are a floor"
    ]


_TANGLED = (
    "the questions' when: conditions look back at too many earlier answers at "
    "once for the paths to be counted"
)


def _json_count(count: int | None) -> int | str | None:
    """A count for JSON: a number, `over 10^N` when huge, null when not counted."""
    if count is None or _printable(count):
        return count
    return written(count)


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
            "count": _json_count(item.count),
            "exact": item.exact,
            "paths": [
                [{"question": s.question, "answer": s.answer} for s in path]
                for path in item.paths
            ],
        }
        for item in found
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
