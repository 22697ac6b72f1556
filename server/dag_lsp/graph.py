"""Graph: the tree as nodes and edges, for the checks and the queries.

Questions and outcomes are nodes; in decision mode each answer is an edge
from its question to its target. Every walk here uses an explicit stack or
queue, so a file of any size never deepens Python's call stack.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from dag_lsp.model import Answer, Question, Ref, Tree
from dag_lsp.syntax import Invalid, reads_as_answer


class Edge(NamedTuple):
    """An answer of `question` that leads to the question `target`."""

    question: Question
    answer: Answer
    target: Ref


def question_edges(tree: Tree, question: Question) -> Iterator[Edge]:
    """The answers of `question` that lead to a defined question."""
    for answer in question.answers:
        for target in answer.targets:
            if not target.outcome and target.id in tree.question_ids:
                yield Edge(question, answer, target)


def reachable(tree: Tree) -> set[str]:
    """The ids a reader can reach from the entry, in decision mode.

    An answer line that cannot be read may still lead somewhere: every
    defined id written on it counts as reached, so a typo in one answer
    does not make the rest of the tree look unreachable.
    """
    entry = tree.entry
    if entry not in tree.question_ids:
        return set()

    loose = _ids_on_unread_lines(tree) if tree.syntax else {}
    questions = tree.question_ids
    seen = {entry}
    queue = deque([entry])
    while queue:
        question = questions[queue.popleft()]
        for answer in question.answers:
            for target in answer.targets:
                if target.id not in seen:
                    seen.add(target.id)
                    if not target.outcome and target.id in questions:
                        queue.append(target.id)
        for ident in loose.get(question.id.value, ()):
            if ident not in seen:
                seen.add(ident)
                if ident in questions:
                    queue.append(ident)
    return seen


_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


def has_unread_lines(tree: Tree, question: Question) -> bool:
    """Whether a line of the question's block, its head included, could not
    be read (its syntax node is the reader's `Invalid`)."""
    nodes = tree.nodes
    return any(isinstance(nodes[n], Invalid) for n in question.block.lines)


def _unread(tree: Tree) -> set[int]:
    return {problem.span.line for problem in tree.syntax}


def _ids_on_unread_lines(tree: Tree) -> dict[str, list[str]]:
    """For each question, the defined ids on the lines of it that failed."""
    unread = _unread(tree)
    defined = tree.question_ids.keys() | tree.outcome_ids.keys()
    found: dict[str, list[str]] = {}
    for question in tree.questions:
        for number in _unread_lines_of(tree, question, unread):
            ids = _ID.findall(tree.source.lines[number])
            found.setdefault(question.id.value, []).extend(
                ident for ident in ids if ident in defined
            )
    return found


def _unread_lines_of(tree: Tree, question: Question, unread: set[int]) -> list[int]:
    """The unread lines of a question's block, and its answers left unindented.

    Answers written at column 0 (`yes -> Q2` under `Q1: ...`) end the block
    above them and are each a syntax error; they still say where the
    question leads, so the rest of the tree does not look unreachable. So do
    the answers indented under such a line, which belong to no question.
    """
    lines = tree.source.lines
    found = [number for number in question.block.lines[1:] if number in unread]
    number = question.block.last_line + 1
    while number < len(lines) and _after_unindented(lines[number], number, unread):
        if reads_as_answer(lines[number].lstrip(" \t")):
            found.append(number)
        number += 1
    return found


def _after_unindented(line: str, number: int, unread: set[int]) -> bool:
    """Whether a line after a question's block may hold its lost answers:
    an unread line, a blank one, or one indented under an unread line."""
    return number in unread or line[:1] in (" ", "\t") or not line


def cycles(tree: Tree) -> Iterator[list[Edge]]:
    """Each cycle once, as the edges from its first question back to it.

    Questions that cannot be on a cycle are peeled off first (Kahn's
    algorithm, linear); a depth-first walk with an explicit stack then looks
    for cycles, where an edge to a question still on the stack closes one.
    The walk starts at the entry (on a cycle or not), then takes the other
    questions left on cycles in the order of the file, so a cycle is named
    as a reader meets it: from the entry on, closed by the answer that
    leads back.
    """
    rest = _on_cycles(tree)
    if not rest:
        return
    state: dict[str, int] = {}
    for start in _walk_order(tree):
        if start not in state and (start == tree.entry or start in rest):
            yield from _cycles_from(tree, start, state)


def _walk_order(tree: Tree) -> Iterator[str]:
    """The entry (if it is a question), then every question id in file order."""
    entry = tree.entry
    if entry is not None and entry in tree.question_ids:
        yield entry
    for question in tree.questions:
        yield question.id.value


def _on_cycles(tree: Tree) -> set[str]:
    """The questions left after repeatedly removing those with no way in."""
    questions = tree.question_ids
    targets = {
        question: [
            target.id
            for answer in node.answers
            for target in answer.targets
            if not target.outcome and target.id in questions
        ]
        for question, node in questions.items()
    }
    incoming = dict.fromkeys(targets, 0)
    for ids in targets.values():
        for target in ids:
            incoming[target] += 1

    free = [question for question, count in incoming.items() if count == 0]
    while free:
        for target in targets.pop(free.pop()):
            incoming[target] -= 1
            if incoming[target] == 0:
                free.append(target)
    return set(targets)


_ON_STACK, _DONE = 1, 2


def _cycles_from(tree: Tree, start: str, state: dict[str, int]) -> Iterator[list[Edge]]:
    """Cycles found walking from `start`; `path[i]` leads from `stack[i]` on."""
    path: list[Edge] = []
    stack = [(start, question_edges(tree, tree.question_ids[start]))]
    state[start] = _ON_STACK
    while stack:
        question_id, edges = stack[-1]
        edge = next(edges, None)
        if edge is None:
            state[question_id] = _DONE
            stack.pop()
            del path[max(len(stack) - 1, 0) :]
            continue

        target = edge.target.id
        if state.get(target) == _ON_STACK:
            first = next(i for i, (qid, _) in enumerate(stack) if qid == target)
            yield [*path[first:], edge]
        elif target not in state:
            state[target] = _ON_STACK
            path.append(edge)
            stack.append((target, question_edges(tree, tree.question_ids[target])))


def asked_order(tree: Tree) -> list[Question]:
    """In elimination mode, the questions in the order they may be asked.

    The entry first, then every other question in the order of the file;
    a question defined twice is asked once, as first defined.
    """
    entry = tree.question_ids.get(tree.entry or "")
    order = [entry] if entry else []
    for question in tree.questions:
        first = tree.question_ids.get(question.id.value) is question
        if first and question is not entry:
            order.append(question)
    return order


def is_asked(tree: Tree, question: Question, given: Mapping[str, Answer]) -> bool:
    """Whether every condition of the question's `when:` holds.

    `given` maps the ids of the questions answered so far to their answers;
    a condition on a question not (yet) answered does not hold.
    """
    for condition in question.when:
        asked = tree.question_ids.get(condition.question.id)
        answer = given.get(condition.question.id)
        if asked is None or answer is None:
            return False
        if answer is not answer_named(asked, condition.answer.value):
            return False
    return True


def asked_always(tree: Tree) -> list[Question]:
    """In elimination mode, the questions asked whatever the answers."""
    return [question for question in tree.questions if not question.when]


def survivors(tree: Tree, answers: list[Answer]) -> set[str]:
    """In elimination mode, the outcomes that every given answer keeps."""
    alive = set(tree.outcome_ids)
    for answer in answers:
        alive &= {target.id for target in answer.targets}
    return alive


def answer_named(question: Question, name: str) -> Answer | None:
    """The answer of `question` named `name` (its key or its whole label)."""
    for answer in question.answers:
        if name in (answer.name.value, answer.label.value):
            return answer
    return None
