"""Results: the plain data the queries answer with.

The queries package sits after the model in the flow and knows nothing of
the Language Server Protocol; these records carry model lines and columns
(zero-based, columns in code points) to `dag_lsp.lsp`, which converts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from dag_lsp.model import Answer, Span


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An id where it is defined (its block's head) or used."""

    id: str
    span: Span
    definition: bool


@dataclass(frozen=True, slots=True)
class AnswerSpot:
    """An answer's label in its question, or its name in a condition."""

    span: Span
    question: str
    name: str
    answer: Answer | None


@dataclass(frozen=True, slots=True)
class HoverText:
    """Markdown about the item at a position, and the span it describes."""

    span: Span
    markdown: str


@dataclass(frozen=True, slots=True)
class Lens:
    """A title over an outcome's definition: how many paths reach it."""

    span: Span
    title: str


@dataclass(frozen=True, slots=True)
class Inlay:
    """A short text shown after a target: what it leads to."""

    line: int
    column: int
    text: str


@dataclass(frozen=True, slots=True)
class Symbol:
    """A question or an outcome, for the outline."""

    name: str
    detail: str
    outcome: bool
    first_line: int
    last_line: int
    span: Span
