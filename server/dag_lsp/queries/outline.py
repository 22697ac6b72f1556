"""Outline: the symbols and folding ranges of a tree.

Part of the queries package, straight after the model in the flow: it lists
the questions and outcomes defined, and the blocks of more than one line.
"""

from __future__ import annotations

from dag_lsp.model import Block, Kind, Outcome, Question, Tree
from dag_lsp.queries.results import Symbol


def outline(tree: Tree) -> list[Symbol]:
    """The questions and outcomes defined, in the order of the file."""
    symbols = [_question_symbol(q) for q in tree.questions]
    symbols += [_outcome_symbol(o, o.block) for o in tree.outcomes if o.block]
    symbols.sort(key=lambda symbol: symbol.first_line)
    return symbols


def folds(tree: Tree) -> list[tuple[int, int]]:
    """The first and last lines of each block of more than one line."""
    kinds = (Kind.QUESTION, Kind.OUTCOME, Kind.ROUTES, Kind.INVALID)
    return [
        (block.first_line, block.last_line)
        for block in tree.blocks
        if block.kind in kinds and block.last_line > block.first_line
    ]


def _question_symbol(question: Question) -> Symbol:
    block = question.block
    return Symbol(
        question.id.value,
        question.text.value,
        False,
        block.first_line,
        block.last_line,
        question.id.span,
    )


def _outcome_symbol(outcome: Outcome, block: Block) -> Symbol:
    return Symbol(
        outcome.id.value,
        outcome.label.value,
        True,
        block.first_line,
        block.last_line,
        outcome.id.span,
    )
