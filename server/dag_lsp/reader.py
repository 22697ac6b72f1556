"""Reader: from source lines and their syntax nodes to the model.

One pass over the lines, without recursion: indentation places each line
in the block of the nearest column-0 item above it, the grammar reads the
line with the rule for that block (see `syntax.py`), and the node is added
to the model. A malformed line becomes a syntax problem and reading goes
on, so later problems are still found.
"""

from __future__ import annotations

from dataclasses import dataclass

from dag_lsp import syntax
from dag_lsp.model import (
    HEADER_KEYS,
    Answer,
    Block,
    Condition,
    Kind,
    Outcome,
    Property,
    Question,
    Ref,
    Route,
    Span,
    SyntaxProblem,
    Text,
    Tree,
)
from dag_lsp.source import Source, from_text
from dag_lsp.syntax import LineParser, Place, Token

_BLANKS = " \t"


def read(text: str, parser: LineParser | None = None) -> Tree:
    """Read a file's text (as an editor holds it) into its model."""
    return read_source(from_text(text), parser)


def read_source(source: Source, parser: LineParser | None = None) -> Tree:
    """Read split source lines into their model."""
    builder = _Builder(source, parser or LineParser())
    for number, line in enumerate(source.lines):
        builder.add(number, line)
    return builder.finish()


@dataclass(slots=True)
class _Open:
    """The block that indented lines currently join."""

    place: Place
    block: Block
    owner: Question | Outcome | None


class _Builder:
    """Adds lines to a `Tree`, one at a time, in order."""

    def __init__(self, source: Source, parser: LineParser) -> None:
        self.tree = Tree(source, [])
        self.parser = parser
        self.open: _Open | None = None
        self.in_header = True
        self.seen_field = False
        self._has_body = _bodies(source.lines)

    def finish(self) -> Tree:
        """Settle what only the whole file decides, and return the tree."""
        tree = self.tree
        if not tree.elimination:
            for question in tree.questions:
                question.answers = [
                    _older_targets(answer, tree) for answer in question.answers
                ]

        if not tree.outcomes:
            _add_implicit_outcomes(tree)
        return tree

    # ------------------------------------------------------------ dispatch

    def add(self, number: int, line: str) -> None:
        indent = len(line) - len(line.lstrip(_BLANKS))
        if indent == len(line):
            self.tree.nodes.append(syntax.Blank())
            self.in_header = self.in_header and not self.seen_field
            return

        if indent == 0:
            node = self.parser.parse(line, 0, Place.TOP)
            self.tree.nodes.append(node)
            self._top(number, node)
            return

        self._body(number, line, indent)

    def _top(self, number: int, node: syntax.LineNode) -> None:
        if isinstance(node, syntax.Comment):
            self._comment(number)
        elif isinstance(node, syntax.Field):
            self._field(number, node)
        elif isinstance(node, syntax.OutcomeHead):
            self._outcome(number, node.id, node.label)
        elif isinstance(node, syntax.Invalid):
            self._invalid_head(number, node)

    def _body(self, number: int, line: str, indent: int) -> None:
        current = self.open
        place = current.place if current else Place.QUESTION
        node = self.parser.parse(line, indent, place)
        self.tree.nodes.append(node)

        if isinstance(node, syntax.Invalid):
            self._problem(number, node)
        if current is None:
            if not isinstance(node, syntax.Comment):
                self._orphan(number, indent)
            return

        current.block.lines.append(number)
        if current.owner is not None:
            self._attach(number, node, current.owner)
        elif isinstance(node, syntax.Route):
            self.tree.routes.append(_route(number, node))

    # ------------------------------------------------------------ top level

    def _comment(self, number: int) -> None:
        if self.open is not None and self._has_body[number]:
            self.open.block.lines.append(number)
            return
        self.tree.blocks.append(Block(Kind.COMMENT, [number]))

    def _field(self, number: int, node: syntax.Field) -> None:
        key, value = node.key.text, node.value.text
        if key == "routes" and not value:
            self._start(Place.ROUTES, Block(Kind.ROUTES, [number]), None)
        elif self._has_body[number]:
            self._question(number, node)
        elif self.in_header or key in HEADER_KEYS:
            self._header(number, node)
        else:
            self._question(number, node)

    def _header(self, number: int, node: syntax.Field) -> None:
        prop = Property(_text(number, node.key), _text(number, node.value))
        known = node.key.text in HEADER_KEYS
        (self.tree.header if known else self.tree.unknown_header).append(prop)

        self.seen_field = True
        self.open = None
        self.tree.blocks.append(Block(Kind.HEADER, [number]))

    def _question(self, number: int, node: syntax.Field) -> None:
        block = Block(Kind.QUESTION, [number])
        question = Question(_text(number, node.key), _text(number, node.value), block)
        self.tree.questions.append(question)
        self.tree.question_ids.setdefault(question.id.value, question)
        self._start(Place.QUESTION, block, question)

    def _outcome(self, number: int, ident: Token, label: Token) -> None:
        block = Block(Kind.OUTCOME, [number])
        outcome = Outcome(_text(number, ident), _text(number, label), block)
        self.tree.outcomes.append(outcome)
        self.tree.outcome_ids.setdefault(outcome.id.value, outcome)
        self._start(Place.OUTCOME, block, outcome)

    def _invalid_head(self, number: int, node: syntax.Invalid) -> None:
        """Report a malformed column-0 line, keeping the id it starts with."""
        self._problem(number, node)
        if node.head is None:
            self.tree.blocks.append(Block(Kind.INVALID, [number]))
            self.open = None
            return

        end = Token("", node.head.end, node.head.end)
        if node.outcome:
            self._outcome(number, node.head, end)
        else:
            self._question(number, syntax.Field(node.head, end))
        self.tree.blocks[-1].kind = Kind.INVALID

    def _start(self, place: Place, block: Block, owner: Question | Outcome | None) -> None:
        self.in_header = False
        self.tree.blocks.append(block)
        self.open = _Open(place, block, owner)

    # ------------------------------------------------------------ bodies

    def _attach(
        self, number: int, node: syntax.LineNode, owner: Question | Outcome
    ) -> None:
        if isinstance(owner, Outcome):
            if isinstance(node, syntax.Property):
                owner.properties.append(_property(number, node))
            return

        if isinstance(node, syntax.Answer):
            owner.answers.append(_answer(number, node))
        elif isinstance(node, syntax.When):
            owner.when.extend(_condition(number, step) for step in node.conditions)
        elif isinstance(node, syntax.Property):
            self._question_property(number, node, owner)

    def _question_property(
        self, number: int, node: syntax.Property, owner: Question
    ) -> None:
        prop = _property(number, node)
        owner.properties.append(prop)
        if node.key.text == "hint" and owner.hint is None:
            owner.hint = prop.value

    def _problem(self, number: int, node: syntax.Invalid) -> None:
        span = Span(number, node.start, node.end)
        self.tree.syntax.append(SyntaxProblem(node.message, span))

    def _orphan(self, number: int, indent: int) -> None:
        message = "this line is indented, but no question or outcome stands above it"
        self.tree.syntax.append(SyntaxProblem(message, Span(number, 0, indent)))


# ---------------------------------------------------------------- helpers


def _older_targets(answer: Answer, tree: Tree) -> Answer:
    """In `A: Gaming [Q2]` the bracket may name a question: read it as one."""
    if answer.arrow or len(answer.targets) != 1:
        return answer

    target = answer.targets[0]
    if target.id not in tree.question_ids or target.id in tree.outcome_ids:
        return answer
    question = Ref(target.id, target.span, outcome=False)
    return Answer(answer.label, answer.name, (question,), answer.arrow, answer.listed)


def _add_implicit_outcomes(tree: Tree) -> None:
    """Outcomes used without a definition block, in a file that defines none."""
    for ref in tree.refs():
        known = ref.id in tree.outcome_ids or ref.id in tree.question_ids
        if ref.outcome and not known:
            text = Text(ref.id, ref.span)
            outcome = Outcome(text, text, None)
            tree.outcomes.append(outcome)
            tree.outcome_ids[ref.id] = outcome


def _bodies(lines: tuple[str, ...]) -> list[bool]:
    """For each line, whether the next line with content is indented.

    Blank lines and comments are passed over, so a block may hold them.
    """
    has_body = [False] * len(lines)
    indented = False
    for number in range(len(lines) - 1, -1, -1):
        has_body[number] = indented
        stripped = lines[number].lstrip(_BLANKS)
        if stripped and not stripped.startswith("#"):
            indented = len(stripped) < len(lines[number])
    return has_body


def _text(number: int, token: Token) -> Text:
    return Text(token.text, Span(number, token.start, token.end))


def _ref(number: int, token: Token, outcome: bool) -> Ref:
    return Ref(token.text, Span(number, token.start, token.end), outcome)


def _property(number: int, node: syntax.Property) -> Property:
    return Property(_text(number, node.key), _text(number, node.value))


def _condition(number: int, node: syntax.Condition) -> Condition:
    return Condition(_ref(number, node.question, False), _text(number, node.answer))


def _answer(number: int, node: syntax.Answer) -> Answer:
    targets = tuple(_ref(number, t.id, t.outcome) for t in node.targets)
    return Answer(
        _text(number, node.label),
        _text(number, node.name),
        targets,
        node.arrow,
        node.listed,
    )


def _route(number: int, node: syntax.Route) -> Route:
    steps = tuple(_condition(number, step) for step in node.steps)
    outcomes = tuple(_ref(number, token, True) for token in node.outcomes)
    return Route(_text(number, node.name), steps, outcomes)
