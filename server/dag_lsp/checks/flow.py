"""Checks of the flow: every node reachable from the entry, and no cycle."""

from __future__ import annotations

from collections.abc import Iterator

from dag_lsp import graph
from dag_lsp.findings import CYCLE, UNREACHABLE, Edit, Finding, Fix, Related
from dag_lsp.model import Block, Kind, Outcome, Question, Tree


def unreachable(tree: Tree) -> Iterator[Finding]:
    """Questions and outcomes no reader can reach, at their ids.

    In elimination mode, not while a line cannot be read: what an unread
    answer keeps is not known. (Decision mode counts the ids written on an
    unread line as reached; see `graph.reachable`.)
    """
    if tree.entry not in tree.question_ids or (tree.syntax and tree.elimination):
        return

    reached = _reached(tree)
    for item in _defined(tree):
        block = item.block
        # A malformed head (`Qé: ...`) is read to keep its id; its DAG001 is
        # the one finding its line gets.
        if item.id.value not in reached and block and block.kind is not Kind.INVALID:
            yield _unreachable(tree, item, block)


def _defined(tree: Tree) -> list[Question | Outcome]:
    items: list[Question | Outcome] = [*tree.questions, *tree.outcomes]
    return sorted(items, key=lambda item: item.id.line)


def _reached(tree: Tree) -> set[str]:
    if not tree.elimination:
        return graph.reachable(tree)

    # A question without answers (DAG009) keeps no outcome, and one with an
    # answer naming something other than a defined outcome (DAG002, DAG012)
    # keeps an unknown set: counting either would report outcomes as never
    # surviving on top of the one real problem. An outcome that no answer of
    # the tree lists survives nothing all the same.
    alive = _listed(tree)
    for question in graph.asked_always(tree):
        kept = _kept(tree, question)
        if kept is not None:
            alive &= kept
    return set(tree.question_ids) | alive


def _listed(tree: Tree) -> set[str]:
    """The outcomes some answer of the tree lists."""
    return {
        target.id
        for question in tree.questions
        for answer in question.answers
        for target in answer.targets
        if target.outcome
    }


def _kept(tree: Tree, question: Question) -> set[str] | None:
    """The outcomes some answer of a question keeps; None when not known."""
    kept = {t.id for answer in question.answers for t in answer.targets}
    known = all(
        target.outcome and target.id in tree.outcome_ids
        for answer in question.answers
        for target in answer.targets
    )
    return kept if question.answers and known else None


def _unreachable(tree: Tree, item: Question | Outcome, block: Block) -> Finding:
    kind = "question" if isinstance(item, Question) else "outcome"
    if tree.elimination:
        message = f"the outcome '{item.id.value}' can never survive the answers"
    else:
        message = f"the {kind} '{item.id.value}' cannot be reached from the entry"

    fix = Fix(f"Remove the {kind} '{item.id.value}'", (_remove(tree, block),))
    return Finding(UNREACHABLE, item.id.span, message, fixes=(fix,), unnecessary=True)


def _remove(tree: Tree, block: Block) -> Edit:
    """Delete a block's lines and the blank line after it, if any."""
    lines = tree.source.lines
    end = block.last_line + 1
    if end < len(lines) and not lines[end].strip(" \t"):
        end += 1

    if end < len(lines):
        return Edit(block.first_line, 0, end, 0, "")
    start = max(block.first_line - 1, 0)
    start_col = len(lines[start]) if block.first_line > 0 else 0
    return Edit(start, start_col, len(lines) - 1, len(lines[-1]), "")


def cycles(tree: Tree) -> Iterator[Finding]:
    """Answers that lead back to a question already on the path."""
    if tree.elimination:
        return

    for edges in graph.cycles(tree):
        names = [edge.question.id.value for edge in edges] + [edges[-1].target.id]
        message = "this answer closes a cycle: " + " -> ".join(names)
        related = tuple(
            Related(
                edge.target.span, f"{edge.question.id.value} leads to {edge.target.id}"
            )
            for edge in edges
        )
        yield Finding(CYCLE, edges[-1].target.span, message, related)
