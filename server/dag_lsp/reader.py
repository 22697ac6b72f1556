"""Reader: from source lines and their syntax nodes to the model.

One pass over the lines, without recursion: indentation places each line
in the block of the nearest column-0 item above it, the grammar reads the
line with the rule for that block (see `syntax.py`), and the node is added
to the model. A malformed line becomes a syntax problem and reading goes
on, so later problems are still found.

The lines are read in chunks: a chunk starts at each column-0 line that is
not a comment and holds everything up to the next one. What a chunk yields
depends only on its lines, its first line number and whether the header is
still open, so an editor can keep the chunks of the last version in a
`ChunkMemo` and read again only the chunks an edit touched.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, pairwise
from operator import attrgetter
from typing import NamedTuple

from dag_lsp import syntax
from dag_lsp.memo import Generations
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
_BLANK = syntax.Blank()


class _HeaderState(NamedTuple):
    """Whether the header may still go on, carried from chunk to chunk."""

    open: bool = True
    seen_field: bool = False


class _Piece:
    """What one chunk of lines adds to the tree."""

    __slots__ = (
        "after",
        "blocks",
        "header",
        "keys",
        "nodes",
        "older",
        "outcomes",
        "questions",
        "routes",
        "shape",
        "syntax",
        "unknown_header",
    )

    def __init__(self) -> None:
        self.nodes: list[syntax.LineNode] = []
        self.blocks: list[Block] = []
        self.header: list[Property] = []
        self.unknown_header: list[Property] = []
        self.questions: list[Question] = []
        self.outcomes: list[Outcome] = []
        self.routes: list[Route] = []
        self.syntax: list[SyntaxProblem] = []
        self.after = _HeaderState()
        self.shape: tuple[object, ...] = ()
        self.older = False
        self.keys: tuple[_ChunkKey, ...] = ()


_ChunkKey = tuple[int, _HeaderState, tuple[str, ...]]
Parse = Callable[[str, int, Place], syntax.LineNode]


class ChunkMemo(Generations[_ChunkKey, _Piece]):
    """The chunks of the last version of a document, by lines and place."""


def read(
    text: str, parser: LineParser | None = None, memo: ChunkMemo | None = None
) -> Tree:
    """Read a file's text (as an editor holds it) into its model."""
    return read_source(from_text(text), parser, memo)


# How many chunks are kept together as a group, so that an edit re-reads
# its chunk, re-joins its group, and joins the other groups as they were.
_GROUP = 64


def read_source(
    source: Source, parser: LineParser | None = None, memo: ChunkMemo | None = None
) -> Tree:
    """Read split source lines into their model.

    Without a memo (a file read once, as `--check` reads it), the lines are
    parsed without a cache and the chunks' shapes are not worked out.
    """
    parse = parser.parse if parser is not None else syntax.parse_line
    chunks = _chunks(source.lines)
    if memo is None:
        whole = _Builder(source.lines, chunks, _HeaderState(), parse).piece
        return _finish(_tree(source, whole), whole.older)

    groups: list[_Piece] = []
    state = _HeaderState()
    for first in range(0, len(chunks), _GROUP):
        group = _group(source.lines, chunks[first : first + _GROUP], state, parse, memo)
        groups.append(group)
        state = group.after

    whole = _joined(groups)
    return _finish(_tree(source, whole), whole.older)


def _chunks(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """The line ranges that start at a column-0 line other than a comment.

    Such a line's first character is neither blank nor `#`; an empty line's
    `line[:1]` is `""`, which `in` finds in any string, so it starts none.
    """
    starts = [0, *[i for i, line in enumerate(lines) if line[:1] not in "# \t"]]
    starts.append(len(lines))
    return [(a, b) for a, b in pairwise(starts) if a < b]


def _group(
    lines: tuple[str, ...],
    chunks: list[tuple[int, int]],
    state: _HeaderState,
    parse: Parse,
    memo: ChunkMemo | None,
) -> _Piece:
    """The chunks of a group read and joined, or as remembered.

    A remembered group keeps its chunks remembered too, so that a later edit
    inside it reads only the chunk it touches.
    """
    start, end = chunks[0][0], chunks[-1][1]
    key = (start, state, lines[start:end])
    group = memo.get(key) if memo is not None and len(chunks) > 1 else None
    if group is not None:
        assert memo is not None
        memo.keep(group.keys)
        return group

    pieces: list[_Piece] = []
    keys: list[_ChunkKey] = []
    for chunk_start, chunk_end in chunks:
        keys.append((chunk_start, state, lines[chunk_start:chunk_end]))
        pieces.append(_piece(lines, keys[-1], state, parse, memo))
        state = pieces[-1].after

    group = _joined(pieces)
    group.keys = tuple(keys)
    if memo is not None:
        memo.put(key, group)
    return group


def _piece(
    lines: tuple[str, ...],
    key: _ChunkKey,
    state: _HeaderState,
    parse: Parse,
    memo: ChunkMemo | None,
) -> _Piece:
    chunk = [(key[0], key[0] + len(key[2]))]
    if memo is None:
        return _Builder(lines, chunk, state, parse).piece

    piece = memo.get(key)
    if piece is None:
        piece = _Builder(lines, chunk, state, parse).piece
        piece.shape = _shape(piece, key)
        memo.put(key, piece)
    return piece


_LISTS = (
    "nodes",
    "blocks",
    "header",
    "unknown_header",
    "questions",
    "outcomes",
    "routes",
    "syntax",
)


def _joined(pieces: list[_Piece]) -> _Piece:
    """One piece holding what the pieces hold, in order."""
    if len(pieces) == 1:
        return pieces[0]

    whole = _Piece()
    for name in _LISTS:
        setattr(whole, name, list(chain.from_iterable(map(attrgetter(name), pieces))))
    whole.after = pieces[-1].after if pieces else whole.after
    whole.shape = tuple(map(attrgetter("shape"), pieces))
    whole.older = any(map(attrgetter("older"), pieces))
    return whole


def _tree(source: Source, whole: _Piece) -> Tree:
    tree = Tree(
        source,
        nodes=whole.nodes,
        blocks=whole.blocks,
        header=whole.header,
        unknown_header=whole.unknown_header,
        questions=list(whole.questions),
        outcomes=list(whole.outcomes),
        routes=whole.routes,
        syntax=whole.syntax,
    )
    tree.shape = [*_line_ends(source.lines, whole.blocks), whole.shape]
    for question in tree.questions:
        tree.question_ids.setdefault(question.id.value, question)
    for outcome in tree.outcomes:
        tree.outcome_ids.setdefault(outcome.id.value, outcome)
    return tree


def _finish(tree: Tree, older: bool) -> Tree:
    """Settle what only the whole file decides, and return the tree."""
    if older and not tree.elimination:
        _resolve_older_targets(tree)
    if not tree.outcomes:
        _add_implicit_outcomes(tree)
    return tree


class _Open(NamedTuple):
    """The block that indented lines currently join."""

    place: Place
    block: Block
    owner: Question | Outcome | None


class _Builder:
    """Reads the lines of chunks, in order, into one `_Piece`.

    Each chunk is read as if alone, but for the header state it passes on:
    the same piece as the chunks' own pieces joined.
    """

    def __init__(
        self,
        lines: tuple[str, ...],
        chunks: list[tuple[int, int]],
        state: _HeaderState,
        parse: Parse,
    ) -> None:
        self.piece = _Piece()
        self.parse = parse
        self.in_header = state.open
        self.seen_field = state.seen_field

        for start, end in chunks:
            self.open: _Open | None = None
            self.header_above: str | None = None
            self._last_body = _last_body(lines, start, end)
            self._read(lines, start, end)
        self.piece.after = _HeaderState(self.in_header, self.seen_field)

    # ------------------------------------------------------------ dispatch

    def _read(self, lines: tuple[str, ...], start: int, end: int) -> None:
        """Add each line to the piece; this runs once per line of a file."""
        nodes = self.piece.nodes
        for number in range(start, end):
            line = lines[number]
            stripped = line.lstrip(_BLANKS)
            if not stripped:
                nodes.append(_BLANK)
                self.in_header = self.in_header and not self.seen_field
            elif len(stripped) == len(line):
                node = self.parse(line, 0, Place.TOP)
                nodes.append(node)
                self._top(number, line, node)
            else:
                self._body(number, line, len(line) - len(stripped))

    def _top(self, number: int, line: str, node: syntax.LineNode) -> None:
        if isinstance(node, syntax.Comment):
            self._comment(number)
        elif isinstance(node, syntax.Field):
            self._field(number, line, node)
        elif isinstance(node, syntax.OutcomeHead):
            self._outcome(number, node.id, node.label)
        elif isinstance(node, syntax.Invalid):
            self._invalid_head(number, node)

    def _body(self, number: int, line: str, indent: int) -> None:
        current = self.open
        place = current.place if current else Place.QUESTION
        node = self.parse(line, indent, place)
        self.piece.nodes.append(node)

        if current is None:
            # Read as a question's line, to keep the ids on it; being where
            # no block is open is the one problem it is told of.
            if not isinstance(node, syntax.Comment):
                self._orphan(number, indent)
            return
        if isinstance(node, syntax.Invalid):
            self._problem(number, node)

        current.block.lines.append(number)
        owner = current.owner
        if owner is None:
            if isinstance(node, syntax.Route):
                self.piece.routes.append(_route(number, node))
        elif isinstance(owner, Outcome):
            if isinstance(node, syntax.Property):
                owner.properties.append(_property(number, node))
        elif isinstance(node, syntax.Answer):
            owner.answers.append(_answer(number, node))
            self.piece.older = self.piece.older or not node.arrow
        else:
            self._question_line(number, node, owner)

    # ------------------------------------------------------------ top level

    def _comment(self, number: int) -> None:
        if self.open is not None and number < self._last_body:
            self.open.block.lines.append(number)
            return
        self.piece.blocks.append(Block(Kind.COMMENT, [number]))

    def _field(self, number: int, line: str, node: syntax.Field) -> None:
        key, value = node.key.text, node.value.text
        if key == "routes" and not value:
            self._start(Place.ROUTES, Block(Kind.ROUTES, [number]), None)
        elif key in HEADER_KEYS and self.in_header:
            self._header(number, node)
        elif (
            key not in HEADER_KEYS
            and "->" in value
            and (unindented := syntax.unindented_answer(line))
        ):
            # A question's text does not end in an arrow and a target: this is
            # an answer that lost its indentation (`A: Yes -> Q2` at column 0).
            self._unindented_answer(number, unindented)
        elif number < self._last_body:
            self._question(number, node)
        elif self.in_header or key in HEADER_KEYS:
            self._header(number, node)
        else:
            self._question(number, node)

    def _header(self, number: int, node: syntax.Field) -> None:
        prop = Property(_text(number, node.key), _text(number, node.value))
        known = node.key.text in HEADER_KEYS
        (self.piece.header if known else self.piece.unknown_header).append(prop)

        self.seen_field = True
        self.open = None
        self.header_above = node.key.text
        self.piece.blocks.append(Block(Kind.HEADER, [number]))

    def _question(self, number: int, node: syntax.Field) -> None:
        block = Block(Kind.QUESTION, [number])
        question = Question(_text(number, node.key), _text(number, node.value), block)
        self.piece.questions.append(question)
        self._start(Place.QUESTION, block, question)

    def _outcome(self, number: int, ident: Token, label: Token) -> None:
        block = Block(Kind.OUTCOME, [number])
        outcome = Outcome(_text(number, ident), _text(number, label), block)
        self.piece.outcomes.append(outcome)
        self._start(Place.OUTCOME, block, outcome)

    def _invalid_head(self, number: int, node: syntax.Invalid) -> None:
        """Report a malformed column-0 line, keeping the id it starts with."""
        self._problem(number, node)
        if node.head is None:
            self.piece.blocks.append(Block(Kind.INVALID, [number]))
            self.open = None
            self.header_above = None
            return

        end = Token("", node.head.end, node.head.end)
        if node.outcome:
            self._outcome(number, node.head, end)
        else:
            self._question(number, syntax.Field(node.head, end))
        self.piece.blocks[-1].kind = Kind.INVALID

    def _unindented_answer(self, number: int, node: syntax.Invalid) -> None:
        """Report an answer at column 0; the answers indented under it are
        read as answers, of no question, rather than each called an orphan."""
        self._problem(number, node)
        self._start(Place.QUESTION, Block(Kind.INVALID, [number]), None)

    def _start(
        self, place: Place, block: Block, owner: Question | Outcome | None
    ) -> None:
        self.in_header = False
        self.piece.blocks.append(block)
        self.open = _Open(place, block, owner)
        self.header_above = None

    # ------------------------------------------------------------ bodies

    def _question_line(
        self, number: int, node: syntax.LineNode, owner: Question
    ) -> None:
        if isinstance(node, syntax.When):
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
        self.piece.syntax.append(SyntaxProblem(node.message, span))

    def _orphan(self, number: int, indent: int) -> None:
        message = "this line is indented, but no question or outcome stands above it"
        if self.header_above is not None:
            message = (
                f"the header field '{self.header_above}' takes no indented lines: "
                "remove this line's indentation"
            )
        self.piece.syntax.append(SyntaxProblem(message, Span(number, 0, indent)))


# ---------------------------------------------------------------- helpers


def _resolve_older_targets(tree: Tree) -> None:
    """In `A: Gaming [Q2]` the bracket may name a question: read it as one.

    The questions of a memoized chunk are shared between versions, so a
    question whose answers change is replaced by a copy.
    """
    for index, question in enumerate(tree.questions):
        if all(answer.arrow for answer in question.answers):
            continue

        answers = [_older_targets(answer, tree) for answer in question.answers]
        if answers != question.answers:
            copy = question.with_answers(answers)
            tree.questions[index] = copy
            if tree.question_ids[question.id.value] is question:
                tree.question_ids[question.id.value] = copy


def _older_targets(answer: Answer, tree: Tree) -> Answer:
    if answer.arrow or len(answer.targets) != 1:
        return answer

    target = answer.targets[0]
    if target.id not in tree.question_ids or target.id in tree.outcome_ids:
        return answer
    question = target._replace(outcome=False)
    return Answer(answer.label, answer.name, (question,), answer.arrow, answer.listed)


def _add_implicit_outcomes(tree: Tree) -> None:
    """Outcomes used without a definition block, in a file that defines none."""
    for ref in tree.refs():
        known = ref.id in tree.outcome_ids or ref.id in tree.question_ids
        if ref.outcome and not known:
            text = Text(ref.id, ref.line, ref.start, ref.end)
            outcome = Outcome(text, text, None)
            tree.outcomes.append(outcome)
            tree.outcome_ids[ref.id] = outcome


def _shape(piece: _Piece, key: _ChunkKey) -> tuple[object, ...]:
    """What of a chunk the checks across the whole tree can see.

    Its first line, the header state it starts in, and its lines but their
    free text: a question's text, an outcome's label, a property's value
    and a comment, each cut off where it starts (and blank lines as empty).
    Only the checks inside a block read free text, so two versions of a
    tree with equal shapes (these, and the ends of lines of `_line_ends`)
    have the same tree-wide findings, the columns of their fixes included.
    """
    start, state, lines = key
    free = _free_text(piece, start)
    kept = tuple(
        [
            _without_free_text(line, free.get(number))
            for number, line in enumerate(lines, start)
        ]
    )
    return (start, state, kept)


def _free_text(piece: _Piece, start: int) -> dict[int, Text | Token]:
    """The free text of a chunk's lines, by line number.

    A line that could not be read has none, nor has a line of a block whose
    head could not be: the flow counts the ids written on such lines (see
    `graph.reachable`).
    """
    free: dict[int, Text | Token] = {}
    for question in piece.questions:
        free[question.text.line] = question.text
        for prop in question.properties:
            free[prop.value.line] = prop.value
    for outcome in piece.outcomes:
        free[outcome.label.line] = outcome.label
        for prop in outcome.properties:
            free[prop.value.line] = prop.value

    comment = syntax.Comment
    for number, node in enumerate(piece.nodes, start):
        if type(node) is comment:
            free[number] = node.text

    for problem in piece.syntax:
        free.pop(problem.span.line, None)
    for block in piece.blocks:
        if block.kind is Kind.INVALID:
            for number in block.lines:
                free.pop(number, None)
    return free


def _without_free_text(line: str, text: Text | Token | None) -> str:
    """A line cut off where its free text starts, if that text runs to the
    end of the line, and marked by a line break, which no line holds; a
    blank line as empty."""
    if text is not None and len(line.rstrip(_BLANKS)) == text.end:
        return line[: text.start] + "\n"
    return line if line.strip(_BLANKS) else ""


def _line_ends(lines: tuple[str, ...], blocks: list[Block]) -> tuple[int, ...]:
    """The ends of lines that fixes across the tree start or end at.

    The number of lines and the length of the last, where a block is
    added, and the length of the line above the last block, where its
    removal starts when nothing follows it (see `checks.flow`): these may
    be lines of free text.
    """
    last = len(lines[-1]) if lines else 0
    above = blocks[-1].first_line - 1 if blocks else -1
    return (len(lines), last, len(lines[above]) if above >= 0 else -1)


def _last_body(lines: tuple[str, ...], start: int, end: int) -> int:
    """The last line of a chunk, after its first, with content (not a comment).

    A line of the chunk has a body when such a line follows it: blank lines
    and comments are passed over, so a block may hold them. Every line with
    content after the first is indented, or it would start a chunk.
    """
    for number in range(end - 1, start, -1):
        stripped = lines[number].lstrip(_BLANKS)
        if stripped and stripped[0] != "#":
            return number
    return start


# NamedTuple's constructor is a Python function; the helpers below build the
# hundreds of thousands of items of a large file with `tuple.__new__`, in C.
_new = tuple.__new__


def _text(number: int, token: Token) -> Text:
    return _new(Text, (token.text, number, token.start, token.end))


def _ref(number: int, token: Token, outcome: bool) -> Ref:
    return _new(Ref, (token.text, number, token.start, token.end, outcome))


def _property(number: int, node: syntax.Property) -> Property:
    key, value = node.key, node.value
    return _new(
        Property,
        (
            _new(Text, (key.text, number, key.start, key.end)),
            _new(Text, (value.text, number, value.start, value.end)),
        ),
    )


def _condition(number: int, node: syntax.Condition) -> Condition:
    return Condition(_ref(number, node.question, False), _text(number, node.answer))


def _answer(number: int, node: syntax.Answer) -> Answer:
    targets = tuple(
        [
            _new(Ref, (t.id.text, number, t.id.start, t.id.end, t.outcome))
            for t in node.targets
        ]
    )
    label = _text(number, node.label)
    name = label if node.name is node.label else _text(number, node.name)
    return _new(Answer, (label, name, targets, node.arrow, node.listed))


def _route(number: int, node: syntax.Route) -> Route:
    steps = tuple(_condition(number, step) for step in node.steps)
    outcomes = tuple(_ref(number, token, True) for token in node.outcomes)
    return Route(_text(number, node.name), steps, outcomes)
