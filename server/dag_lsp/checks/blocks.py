"""Checks inside blocks: answers, labels, properties, colors and `when:`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dag_lsp import graph
from dag_lsp.findings import (
    DUPLICATE_IN_LIST,
    DUPLICATE_LABEL,
    DUPLICATE_PROPERTY,
    EMPTY_TEXT,
    INVALID_COLOR,
    LIST_OUTSIDE,
    NO_ANSWERS,
    SINGLE_IN_ELIMINATION,
    UNKNOWN_PROPERTY,
    UNKNOWN_WHEN,
    WHEN_AGAINST,
    WHEN_AHEAD,
    Edit,
    Finding,
    Fix,
    Related,
)
from dag_lsp.model import (
    OUTCOME_PROPERTIES,
    QUESTION_PROPERTIES,
    Answer,
    Condition,
    Kind,
    Outcome,
    Property,
    Question,
    Ref,
    Span,
    Text,
    Tree,
)
from dag_lsp.suggest import closest

_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def check(tree: Tree) -> Iterator[Finding]:
    """Every finding inside question and outcome blocks."""
    elimination = tree.elimination
    items: list[Question | Outcome] = [*tree.questions, *tree.outcomes]
    for item in items:
        yield from _remembered(tree, item, elimination)

    order: dict[str, int] = {}
    for question in tree.questions:
        if question.when and elimination and not order:
            order = {q.id.value: n for n, q in enumerate(graph.asked_order(tree))}
        if question.when:
            yield from _when(tree, question, order)


def _remembered(
    tree: Tree, item: Question | Outcome, elimination: bool
) -> list[Finding]:
    """The findings inside a block, worked out once per block and mode."""
    key = ("checks", elimination)
    found = item.derived.get(key)
    if found is None:
        found = item.derived[key] = _inside(tree, item, elimination)
    return found  # type: ignore[return-value]


def _inside(tree: Tree, item: Question | Outcome, elimination: bool) -> list[Finding]:
    """The findings that depend on one block alone (and the tree's mode).

    `tree` is read only for the syntax nodes of the block's own lines, which
    are the same in every version that shares the block. Built as lists, not
    chained generators: this runs once per block.
    """
    found = _empty(item)
    found.extend(_repeated(item.properties))
    if isinstance(item, Outcome):
        found.extend(_unknown(item.properties, OUTCOME_PROPERTIES, "outcome"))
        found.extend(_colors(item.properties))
        return found

    found.extend(_answers(tree, item, elimination))
    found.extend(_labels(item))
    found.extend(_unknown(item.properties, QUESTION_PROPERTIES, "question"))
    return found


def _empty(item: Question | Outcome) -> list[Finding]:
    """A question without text or an outcome without a label.

    A malformed head is read only to keep its id; its DAG001 is the finding.
    """
    if item.block is None or item.block.kind is Kind.INVALID or not item.id.value:
        return []

    text = item.text if isinstance(item, Question) else item.label
    if text.value:
        return []
    if isinstance(item, Question):
        message = f"the question has no text: write it after '{item.id.value}:'"
    else:
        message = f"the outcome has no label: write it after '[{item.id.value}]:'"
    return [Finding(EMPTY_TEXT, item.id.span, message)]


def _repeated(properties: list[Property]) -> list[Finding]:
    """A property given twice in one block: readers see only the first."""
    found: list[Finding] = []
    first: dict[str, Property] = {}
    for prop in properties:
        key = prop.key.value
        earlier = first.setdefault(key, prop)
        if earlier is prop:
            continue

        line = earlier.key.span.line + 1
        message = f"'{key}' is given twice; the first, on line {line}, is used"
        related = (Related(earlier.key.span, f"'{key}' first given here"),)
        found.append(Finding(DUPLICATE_PROPERTY, prop.key.span, message, related))
    return found


def _answers(tree: Tree, question: Question, elimination: bool) -> list[Finding]:
    found: list[Finding] = []
    # A head line that is a syntax error (`dag Title`, `entry Q1`) is read as
    # a question only to keep its id, and answers that are syntax errors
    # (`yes => Q2`) are no answers: in both, the DAG001 is the finding. The
    # block's lines are the same in every version that shares the block.
    if (
        not question.answers
        and question.id.value
        and not graph.has_unread_lines(tree, question)
    ):
        message = f"the question '{question.id.value}' has no answers"
        found.append(Finding(NO_ANSWERS, question.id.span, message))

    for answer in question.answers:
        if elimination:
            found.extend(_elimination_targets(answer))
            found.extend(_listed_twice(answer))
        elif len(answer.targets) > 1:
            found.append(Finding(LIST_OUTSIDE, _targets_span(answer), _LIST_MESSAGE))
    return found


def _listed_twice(answer: Answer) -> list[Finding]:
    found: list[Finding] = []
    seen: set[str] = set()
    for target in answer.targets:
        if target.id in seen:
            message = f"the outcome '{target.id}' is listed twice in this answer"
            found.append(Finding(DUPLICATE_IN_LIST, target.span, message))
        seen.add(target.id)
    return found


_LIST_MESSAGE = (
    "a list of outcomes is for 'mode: elimination'; "
    "in a decision tree an answer leads to one target"
)


def _elimination_targets(answer: Answer) -> Iterator[Finding]:
    for target in answer.targets:
        if not target.outcome:
            yield question_kept(target)


def question_kept(target: Ref) -> Finding:
    """An answer in elimination mode that names a question (`-> Q2`, `[Q2]`)."""
    message = (
        "in elimination mode an answer keeps a list of outcomes, "
        f"not the question '{target.id}'"
    )
    return Finding(SINGLE_IN_ELIMINATION, target.span, message)


def _targets_span(answer: Answer) -> Span:
    first, last = answer.targets[0].span, answer.targets[-1].span
    return Span(first.line, first.start, last.end)


def _labels(question: Question) -> list[Finding]:
    found: list[Finding] = []
    seen: dict[str, Text] = {}
    for answer in question.answers:
        label, name = answer.label.value, answer.name.value
        clash = label if label in seen else name if name in seen else None
        if clash is not None:
            found.append(_duplicate_label(question, answer, clash, seen[clash]))

        seen.setdefault(label, answer.label)
        seen.setdefault(name, answer.label)
    return found


def _duplicate_label(
    question: Question, answer: Answer, key: str, first: Text
) -> Finding:
    line = first.span.line + 1
    message = (
        f"the answer '{key}' is given twice in '{question.id.value}'; "
        f"first on line {line}"
    )
    related = (Related(first.span, f"'{key}' first given here"),)
    return Finding(DUPLICATE_LABEL, answer.label.span, message, related)


def _unknown(
    properties: list[Property], known: tuple[str, ...], kind: str
) -> list[Finding]:
    return [
        _unknown_property(prop, known, kind)
        for prop in properties
        if prop.key.value not in known
    ]


def _unknown_property(prop: Property, known: tuple[str, ...], kind: str) -> Finding:
    key = prop.key.value
    hint = closest(key, known)
    if hint is None:
        message = f"unknown {kind} property '{key}'; known ones are {', '.join(known)}"
        return Finding(UNKNOWN_PROPERTY, prop.key.span, message)

    message = f"unknown {kind} property '{key}'; did you mean '{hint}'?"
    fix = Fix(f"Change to '{hint}'", (Edit.on(prop.key.span, hint),))
    return Finding(UNKNOWN_PROPERTY, prop.key.span, message, fixes=(fix,))


def _colors(properties: list[Property]) -> Iterator[Finding]:
    for prop in properties:
        if prop.key.value == "color" and not _COLOR.fullmatch(prop.value.value):
            message = f"'{prop.value.value}' is not a color: write #rgb or #rrggbb"
            span = prop.value.span if prop.value.value else prop.key.span
            yield Finding(INVALID_COLOR, span, message)


def _when(tree: Tree, question: Question, order: dict[str, int]) -> Iterator[Finding]:
    """The conditions of a question's `when:`; `order` is each question's
    place in the order of asking (elimination mode only)."""
    for condition in question.when:
        finding = _condition(tree, condition)
        if finding is not None:
            yield finding
        elif tree.elimination:
            yield from _ahead(question, condition, order)
        else:
            yield from _against(tree, question, condition)


def _ahead(
    question: Question, condition: Condition, order: dict[str, int]
) -> Iterator[Finding]:
    """In elimination mode, a condition on a question not yet answered when
    this one comes up: it never holds, so the question is never asked."""
    here, looked = question.id.value, condition.question.id
    if order.get(looked, -1) < order.get(here, -1):
        return

    when = "is this one" if looked == here else "is asked after it"
    message = (
        f"'when' looks at '{looked}', which {when}: the condition never holds, "
        f"so '{here}' is never asked"
    )
    yield Finding(WHEN_AHEAD, condition.question.span, message)


def _against(tree: Tree, question: Question, condition: Condition) -> Iterator[Finding]:
    """In a decision tree, the answers that lead here although `when:` says not.

    There the answers decide which question comes next, and a `when:` only
    documents the way in: one that an answer of its own question contradicts
    misleads the reader.
    """
    asked = tree.question_ids[condition.question.id]
    wanted = graph.answer_named(asked, condition.answer.value)
    if wanted is None:
        return  # on a line that could not be read: its DAG001 is the finding
    here = question.id.value
    for answer in asked.answers:
        leads_here = any(t.id == here and not t.outcome for t in answer.targets)
        if answer is not wanted and leads_here:
            message = (
                f"'{asked.id.value}={answer.name.value}' leads to '{here}', but its "
                f"'when' asks for '{condition.answer.value}': in a decision tree "
                "the answers decide which question comes next"
            )
            yield Finding(WHEN_AGAINST, condition.answer.span, message)


def _condition(tree: Tree, condition: Condition) -> Finding | None:
    asked = tree.question_ids.get(condition.question.id)
    if asked is None:
        message = (
            f"'when' names the question '{condition.question.id}', which is not defined"
        )
        return Finding(UNKNOWN_WHEN, condition.question.span, message)

    name = condition.answer.value
    if graph.answer_named(asked, name) is not None:
        return None
    if graph.has_unread_lines(tree, asked):
        return None  # the answer may be on the line that could not be read

    names = ", ".join(f"'{answer.name.value}'" for answer in asked.answers)
    message = f"the question '{asked.id.value}' has no answer named '{name}'"
    message += f"; its answers are {names}" if names else ""
    return Finding(UNKNOWN_WHEN, condition.answer.span, message)
