"""Diagram: a tree as boxes and arrows, shared by the Mermaid and DOT writers.

An adapter at the end of the flow (model → here → `mermaid.py`, `dot.py`).
It decides what a picture of a tree shows, and leaves each writer only its
own syntax and escaping:

- decision mode: a box per question (`Q1: text`), a rounded box per
  outcome (its label, filled with its color), an arrow per answer,
  labelled with the answer's label;
- elimination mode: the questions joined in the order they are asked, and
  a dashed arrow from each answer to each outcome it keeps;
- a target that names nothing defined gets a box of its own, marked as
  not defined, so the picture shows the mistake instead of hiding it.

Long texts are wrapped to lines of about `WIDTH` characters: the diagram
tools draw one line per line given.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from dag_lsp import graph
from dag_lsp.model import Outcome, Question, Tree

WIDTH = 40

_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


class Shape(Enum):
    """What a box stands for."""

    QUESTION = "question"
    OUTCOME = "outcome"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Node:
    """A box: the id it stands for, its lines of text, its fill color."""

    id: str
    shape: Shape
    lines: tuple[str, ...]
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrow between two boxes (by id), with the lines of its label."""

    source: str
    target: str
    lines: tuple[str, ...]
    dashed: bool = False


@dataclass(slots=True)
class Diagram:
    """Everything a writer draws, in order."""

    title: str | None
    nodes: list[Node] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)


def diagram(tree: Tree) -> Diagram:
    """The picture of a tree."""
    drawn = Diagram(tree.title)
    questions = [q for q in tree.questions if tree.question_ids.get(q.id.value) is q]
    outcomes = [o for o in tree.outcomes if tree.outcome_ids.get(o.id.value) is o]
    drawn.nodes += [_question(q) for q in questions]
    drawn.nodes += [_outcome(o) for o in outcomes]

    if tree.elimination:
        _elimination_arrows(tree, drawn)
    else:
        _decision_arrows(questions, drawn)
    drawn.nodes += _missing(tree, drawn.arrows)
    return drawn


def wrap(text: str, width: int = WIDTH) -> tuple[str, ...]:
    """Text broken into lines at spaces; a long word stays whole."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return tuple(lines) or ("",)


def fill(color: str | None) -> str | None:
    """A `#rgb` or `#rrggbb` color as `#rrggbb`; None for anything else."""
    if color is None or not _COLOR.fullmatch(color):
        return None
    digits = color[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def ink(background: str) -> str:
    """Black or white, whichever reads better on a `#rrggbb` background."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.5 else "#ffffff"


def _question(question: Question) -> Node:
    text = f"{question.id.value}: {question.text.value}"
    return Node(question.id.value, Shape.QUESTION, wrap(text))


def _outcome(outcome: Outcome) -> Node:
    color = fill(outcome.property("color"))
    return Node(outcome.id.value, Shape.OUTCOME, wrap(outcome.label.value), color)


def _decision_arrows(questions: list[Question], drawn: Diagram) -> None:
    for question in questions:
        for answer in question.answers:
            drawn.arrows += [
                Arrow(question.id.value, target.id, wrap(answer.label.value))
                for target in answer.targets
            ]


def _elimination_arrows(tree: Tree, drawn: Diagram) -> None:
    order = graph.asked_order(tree)
    for before, after in pairwise(order):
        drawn.arrows.append(Arrow(before.id.value, after.id.value, ()))
    for question in order:
        for answer in question.answers:
            drawn.arrows += [
                Arrow(question.id.value, target.id, wrap(answer.label.value), True)
                for target in answer.targets
            ]


def _missing(tree: Tree, arrows: list[Arrow]) -> list[Node]:
    known = set(tree.question_ids) | set(tree.outcome_ids)
    missing = dict.fromkeys(a.target for a in arrows if a.target not in known)
    return [
        Node(name, Shape.MISSING, wrap(f"{name} (not defined)")) for name in missing
    ]
