"""The model: what a `.dag` file says, with where it says it.

`reader.py` builds a `Tree` from the syntax nodes of a file's lines; the
checks, the formatter, the queries behind the editor features and the
exports all read it. Every item carries the span of the text it came from,
in zero-based lines and character columns.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from dag_lsp.source import Source
from dag_lsp.syntax import LineNode

HEADER_KEYS = (
    "dag",
    "entry",
    "mode",
    "version",
    "description",
    "tags",
    "image",
    "locale",
    "name",
)
QUESTION_PROPERTIES = ("hint", "when")
OUTCOME_PROPERTIES = ("color", "description", "code", "image", "url")
MODES = ("decision", "elimination")


class Span(NamedTuple):
    """Columns `start` to `end` (exclusive) of one zero-based line."""

    line: int
    start: int
    end: int

    def contains(self, line: int, column: int) -> bool:
        """Whether the position is on the span, its end included."""
        return self.line == line and self.start <= column <= self.end


class Text(NamedTuple):
    """A value and where it stands.

    The place is held flat, not as a `Span`, because a large file has
    hundreds of thousands of these and one object each is half the cost.

    Known shortcoming: `value` is a string of its own, cut from its line, so
    the model of a large document holds its text twice and the server's
    memory on the 5,000-question benchmark tree sits close to its target
    (docs/performance.md). Keeping only offsets into the line, and cutting
    the string when it is asked for, would take most of that share.
    """

    value: str
    line: int
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.line, self.start, self.end)


class Ref(NamedTuple):
    """A use of an id: an answer's target, a condition's or a route's question.

    Flat like `Text`.
    """

    id: str
    line: int
    start: int
    end: int
    outcome: bool

    @property
    def span(self) -> Span:
        return Span(self.line, self.start, self.end)


class Property(NamedTuple):
    """`key: value` in a header or a block."""

    key: Text
    value: Text


class Condition(NamedTuple):
    """`Q1=A` in a `when:` or a route."""

    question: Ref
    answer: Text


class Answer(NamedTuple):
    """One answer of a question: its label, its name and where it leads.

    `arrow` is false for `label [targets]`; `listed` is true when the
    targets are written in brackets.
    """

    label: Text
    name: Text
    targets: tuple[Ref, ...]
    arrow: bool
    listed: bool


class Kind(Enum):
    """What a top-level item is."""

    HEADER = "header"
    QUESTION = "question"
    OUTCOME = "outcome"
    ROUTES = "routes"
    COMMENT = "comment"
    INVALID = "invalid"


class Block:
    """A top-level item: its head line and the lines of its body.

    `lines` holds the head and every non-blank line below it that belongs
    to it, comments included, in order; `last_line` is the last of them.
    """

    __slots__ = ("kind", "lines")

    def __init__(self, kind: Kind, lines: list[int]) -> None:
        self.kind = kind
        self.lines = lines

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]


class Question:
    """`ID: text` and its block; the reader fills in the rest line by line.

    A question read from unchanged lines is shared between versions of a
    document, so `derived` keeps what later steps work out from the block
    alone (the checks inside it), to be looked up rather than redone.
    """

    __slots__ = (
        "answers",
        "block",
        "derived",
        "hint",
        "id",
        "properties",
        "text",
        "when",
    )

    def __init__(self, id: Text, text: Text, block: Block) -> None:
        self.id = id
        self.text = text
        self.block = block
        self.hint: Text | None = None
        self.when: list[Condition] = []
        self.answers: list[Answer] = []
        self.properties: list[Property] = []
        self.derived: dict[object, object] = {}

    def with_answers(self, answers: list[Answer]) -> Question:
        """A copy of this question with other answers."""
        copy = Question(self.id, self.text, self.block)
        copy.hint, copy.when, copy.properties = self.hint, self.when, self.properties
        copy.answers = answers
        return copy


class Outcome:
    """`[ID]: label` and its block, or an id used without one (`implicit`).

    `derived` is as for `Question`.
    """

    __slots__ = ("block", "derived", "id", "label", "properties")

    def __init__(self, id: Text, label: Text, block: Block | None) -> None:
        self.id = id
        self.label = label
        self.block = block
        self.properties: list[Property] = []
        self.derived: dict[object, object] = {}

    @property
    def implicit(self) -> bool:
        return self.block is None

    def property(self, key: str) -> str | None:
        """The value of the first property named `key`, if any."""
        for prop in self.properties:
            if prop.key.value == key:
                return prop.value.value
        return None


class Route(NamedTuple):
    """`name: Q1=A, Q2=B -> [OUTCOME]` in the routes section."""

    name: Text
    steps: tuple[Condition, ...]
    outcomes: tuple[Ref, ...]


class SyntaxProblem(NamedTuple):
    """A line the grammar does not accept."""

    message: str
    span: Span


class Tree:
    """Everything a file says, in the author's order.

    `shape` is all of it but free text, with the ends of the lines that
    fixes start or end at (see `reader`): trees with equal shapes have the
    same findings across blocks.
    """

    __slots__ = (
        "blocks",
        "header",
        "nodes",
        "outcome_ids",
        "outcomes",
        "question_ids",
        "questions",
        "routes",
        "shape",
        "source",
        "syntax",
        "unknown_header",
    )

    def __init__(
        self,
        source: Source,
        nodes: list[LineNode],
        blocks: list[Block],
        header: list[Property],
        unknown_header: list[Property],
        questions: list[Question],
        outcomes: list[Outcome],
        routes: list[Route],
        syntax: list[SyntaxProblem],
    ) -> None:
        self.source = source
        self.nodes = nodes
        self.blocks = blocks
        self.header = header
        self.unknown_header = unknown_header
        self.questions = questions
        self.outcomes = outcomes
        self.routes = routes
        self.syntax = syntax
        self.question_ids: dict[str, Question] = {}
        self.outcome_ids: dict[str, Outcome] = {}
        self.shape: list[object] = []

    def header_field(self, key: str) -> Property | None:
        """The first header field named `key`, if any."""
        for prop in self.header:
            if prop.key.value == key:
                return prop
        return None

    def value(self, key: str) -> str | None:
        """The value of the first header field named `key`, if any."""
        prop = self.header_field(key)
        return prop.value.value if prop else None

    @property
    def title(self) -> str | None:
        return self.value("dag") or self.value("name")

    @property
    def entry(self) -> str | None:
        return self.value("entry")

    @property
    def entry_ref(self) -> Ref | None:
        """The `entry:` value as a use of a question id."""
        prop = self.header_field("entry")
        if prop is None or not prop.value.value:
            return None
        value = prop.value
        return Ref(value.value, value.line, value.start, value.end, outcome=False)

    @property
    def mode(self) -> str:
        return self.value("mode") or "decision"

    @property
    def elimination(self) -> bool:
        return self.mode == "elimination"

    def refs(self) -> list[Ref]:
        """Every use of an id, in the order of the file."""
        entry = self.entry_ref
        found: list[Ref] = [entry] if entry else []
        for question in self.questions:
            found.extend(condition.question for condition in question.when)
            for answer in question.answers:
                found.extend(answer.targets)

        for route in self.routes:
            found.extend(step.question for step in route.steps)
            found.extend(route.outcomes)
        return found
