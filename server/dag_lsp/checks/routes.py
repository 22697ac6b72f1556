"""Checks of the routes section: each route must exist in the tree."""

from __future__ import annotations

from collections.abc import Iterator

from dag_lsp import graph
from dag_lsp.findings import BROKEN_ROUTE, Finding
from dag_lsp.model import Answer, Condition, Question, Route, Span, Tree


def check(tree: Tree) -> Iterator[Finding]:
    """A finding for each route that the tree does not follow."""
    if not tree.elimination and tree.entry not in tree.question_ids:
        return  # DAG005 or DAG006 tells why: a path has nowhere to start.

    order = _order(tree) if tree.routes and tree.elimination else {}
    for route in tree.routes:
        finding = _walk(tree, route, order)
        if finding is not None:
            yield finding


def _order(tree: Tree) -> dict[str, int]:
    """In elimination mode, each question's place in the order it is asked."""
    return {question.id.value: n for n, question in enumerate(graph.asked_order(tree))}


def _walk(tree: Tree, route: Route, order: dict[str, int]) -> Finding | None:
    answers: list[Answer] = []
    given: dict[str, Answer] = {}
    for step in route.steps:
        problem = _step(tree, route, step, answers, (order, given))
        if problem is None or isinstance(problem, Finding):
            return problem

        answers.append(problem)
        given[step.question.id] = problem

    if tree.elimination:
        return _survivors(tree, route, answers)
    return _ends(route, answers[-1] if answers else None)


def _step(
    tree: Tree,
    route: Route,
    step: Condition,
    taken: list[Answer],
    asked: tuple[dict[str, int], dict[str, Answer]],
) -> Answer | Finding | None:
    """The answer a step names, or the finding of why it cannot be taken.

    `taken` holds the answers of the steps before, and `asked` the order of
    the questions (elimination mode) and the answers given to each so far.
    None when the answer may be on a line of the question that could not be
    read: the syntax error is the finding then.
    """
    name = route.name.value
    question = tree.question_ids.get(step.question.id)
    if question is None:
        message = f"route '{name}': the question '{step.question.id}' is not defined"
        return Finding(BROKEN_ROUTE, step.question.span, message)

    if tree.elimination:
        astray = _not_asked(tree, name, step, question, asked)
    else:
        astray = _astray(tree, name, step, taken[-1] if taken else None)
    if astray is not None:
        return astray

    answer = graph.answer_named(question, step.answer.value)
    if answer is None and graph.has_unread_lines(tree, question):
        return None
    if answer is None:
        message = (
            f"route '{name}': the question '{step.question.id}' "
            f"has no answer named '{step.answer.value}'"
        )
        return Finding(BROKEN_ROUTE, step.answer.span, message)
    return answer


def _astray(
    tree: Tree, name: str, step: Condition, previous: Answer | None
) -> Finding | None:
    """A decision route's step that is not the question the path is at."""
    if previous is None and tree.entry is None:
        return None  # no `entry:` (DAG003): nothing to compare the first step with
    if previous is None:
        expected = tree.entry
    elif previous.targets[0].outcome:
        ended = ", ".join(target.id for target in previous.targets)
        message = (
            f"route '{name}': the path has already ended at [{ended}] "
            f"before '{step.question.id}'"
        )
        return Finding(BROKEN_ROUTE, step.question.span, message)
    else:
        expected = previous.targets[0].id

    if step.question.id == expected:
        return None
    where = "starts at the entry" if previous is None else "reaches"
    here = "" if previous is None else " here"
    message = (
        f"route '{name}': the path {where} '{expected}'{here}, not '{step.question.id}'"
    )
    return Finding(BROKEN_ROUTE, step.question.span, message)


def _not_asked(
    tree: Tree,
    name: str,
    step: Condition,
    question: Question,
    asked: tuple[dict[str, int], dict[str, Answer]],
) -> Finding | None:
    """An elimination route's step that a reader is not asked there: out of
    the order questions are asked in, or skipped by its `when:`."""
    order, given = asked
    here = step.question.id

    earlier = [q for q in given if order.get(q, -1) >= order.get(here, -1)]
    if earlier:
        message = (
            f"route '{name}': '{here}' is asked before '{earlier[-1]}', "
            "so it cannot be answered after it"
        )
        return Finding(BROKEN_ROUTE, step.question.span, message)

    if graph.is_asked(tree, question, given) or not _known(tree, question):
        return None
    needs = ", ".join(f"{c.question.id}={c.answer.value}" for c in question.when)
    message = (
        f"route '{name}': '{here}' is asked only when {needs}, "
        "which the answers before it do not give"
    )
    return Finding(BROKEN_ROUTE, step.question.span, message)


def _known(tree: Tree, question: Question) -> bool:
    """Whether every condition of a `when:` names a defined answer (DAG016
    reports one that does not, and no route can give it)."""
    for condition in question.when:
        asked = tree.question_ids.get(condition.question.id)
        if asked is None or not graph.answer_named(asked, condition.answer.value):
            return False
    return True


def _ends(route: Route, last: Answer | None) -> Finding | None:
    said = [ref.id for ref in route.outcomes]
    reached = [ref.id for ref in last.targets] if last else []
    if last is not None and reached == said and last.targets[0].outcome:
        return None

    where = _where(reached, last)
    message = f"route '{route.name.value}' ends at {where}, not at [{', '.join(said)}]"
    return Finding(BROKEN_ROUTE, _outcomes_span(route), message)


def _where(reached: list[str], last: Answer | None) -> str:
    if last is None:
        return "the entry"
    if last.targets[0].outcome:
        return f"[{', '.join(reached)}]"
    return f"the question '{reached[0]}'"


def _survivors(tree: Tree, route: Route, answers: list[Answer]) -> Finding | None:
    alive = graph.survivors(tree, answers)
    said = {ref.id for ref in route.outcomes}
    if alive == said:
        return None

    in_file = [outcome for outcome in tree.outcome_ids if outcome in alive]
    left = f"[{', '.join(in_file)}]" if alive else "no outcome"
    wanted = ", ".join(ref.id for ref in route.outcomes)
    message = f"route '{route.name.value}' leaves {left}, not [{wanted}]"
    return Finding(BROKEN_ROUTE, _outcomes_span(route), message)


def _outcomes_span(route: Route) -> Span:
    first, last = route.outcomes[0].span, route.outcomes[-1].span
    return Span(first.line, first.start, last.end)
