"""The model: what a `.dag` file says, with where it says it.

`reader.py` builds a `Tree` from the syntax nodes of a file's lines; the
checks, the formatter, the queries behind the editor features and the
exports all read it. Every item carries the span of the text it came from,
in zero-based lines and character columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

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


@dataclass(frozen=True, slots=True)
class Span:
    """Columns `start` to `end` (exclusive) of one zero-based line."""

    line: int
    start: int
    end: int

    def contains(self, line: int, column: int) -> bool:
        """Whether the position is on the span, its end included."""
        return self.line == line and self.start <= column <= self.end


@dataclass(frozen=True, slots=True)
class Text:
    """A value and where it stands."""

    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class Ref:
    """A use of an id: an answer's target, a condition's or a route's question."""

    id: str
    span: Span
    outcome: bool


@dataclass(frozen=True, slots=True)
class Property:
    """`key: value` in a header or a block."""

    key: Text
    value: Text


@dataclass(frozen=True, slots=True)
class Condition:
    """`Q1=A` in a `when:` or a route."""

    question: Ref
    answer: Text


@dataclass(frozen=True, slots=True)
class Answer:
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


@dataclass(slots=True)
class Block:
    """A top-level item: its head line and the lines of its body.

    `lines` holds the head and every non-blank line below it that belongs
    to it, comments included, in order; `last_line` is the last of them.
    """

    kind: Kind
    lines: list[int]

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]


@dataclass(slots=True)
class Question:
    """`ID: text` and its block."""

    id: Text
    text: Text
    block: Block
    hint: Text | None = None
    when: list[Condition] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    properties: list[Property] = field(default_factory=list)


@dataclass(slots=True)
class Outcome:
    """`[ID]: label` and its block, or an id used without one (`implicit`)."""

    id: Text
    label: Text
    block: Block | None
    properties: list[Property] = field(default_factory=list)

    @property
    def implicit(self) -> bool:
        return self.block is None

    def property(self, key: str) -> str | None:
        """The value of the first property named `key`, if any."""
        for prop in self.properties:
            if prop.key.value == key:
                return prop.value.value
        return None


@dataclass(frozen=True, slots=True)
class Route:
    """`name: Q1=A, Q2=B -> [OUTCOME]` in the routes section."""

    name: Text
    steps: tuple[Condition, ...]
    outcomes: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """A line the grammar does not accept."""

    message: str
    span: Span


@dataclass(slots=True)
class Tree:
    """Everything a file says, in the author's order.

    `shape` is all of it but free text (see `reader`): trees with equal
    shapes have the same findings across blocks.
    """

    source: Source
    nodes: list[LineNode]
    blocks: list[Block] = field(default_factory=list)
    header: list[Property] = field(default_factory=list)
    unknown_header: list[Property] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    syntax: list[SyntaxProblem] = field(default_factory=list)
    question_ids: dict[str, Question] = field(default_factory=dict)
    outcome_ids: dict[str, Outcome] = field(default_factory=dict)
    shape: list[object] = field(default_factory=list)

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
        return Ref(prop.value.value, prop.value.span, outcome=False)

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
