"""Formatter: text in, the same tree in its one canonical layout out.

A pure function of text. It reads the file into its model, refuses a file
with syntax problems (guessing could lose the author's text), and writes
every item back in the author's order:

- header fields as `key: value`, together, with no blank line between them;
- one blank line between the header and each block, none inside a block;
- two spaces before each line of a block;
- one space on each side of `->`, outcome lists as `[A, B]`;
- the arrows of a question's answers aligned when every label in it is at
  most `ALIGN_WIDTH` columns wide (`yes -> Q2` / `no  -> Q3`; a CJK
  character or an emoji takes two columns, as editors show it); otherwise no
  label is padded, so long multiple-choice labels do not push the arrows
  into a far column;
- comments where they were: indented like the block they stand in, and kept
  against the item below them when no blank line separated them;
- no trailing blanks, one newline at the end, in the file's own line ending.

Values, labels and comments are written exactly as read, less the blanks at
their ends.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from dag_lsp import syntax
from dag_lsp.model import Block, Kind, Tree
from dag_lsp.reader import read
from dag_lsp.syntax import LineParser

ALIGN_WIDTH = 8
INDENT = "  "


class FormatError(ValueError):
    """The file has syntax problems; the first one's place and message."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(
            f"cannot format: syntax error at line {line + 1}, column {column + 1}: "
            f"{message}"
        )
        self.line = line
        self.column = column
        self.reason = message


def format_text(text: str, parser: LineParser | None = None) -> str:
    """The canonical layout of `text`; raises `FormatError` on syntax errors."""
    return format_tree(read(text, parser))


def format_tree(tree: Tree) -> str:
    """The canonical layout of a tree read from text."""
    if tree.syntax:
        first = tree.syntax[0]
        raise FormatError(first.span.line, first.span.start, first.message)

    lines: list[str] = []
    blocks = _every_block(tree)
    anchors = _anchors(blocks)
    for index, block in enumerate(blocks):
        if index and _blank_between(blocks, anchors, index):
            lines.append("")
        lines.extend(_block_lines(tree, block))

    source = tree.source
    body = source.newline.join(lines) + source.newline if lines else ""
    return ("\ufeff" if source.has_bom else "") + body


def _every_block(tree: Tree) -> list[Block]:
    """The blocks to write, in order, each comment in exactly one of them."""
    blocks = tree.blocks
    loose = _loose_comments(tree, blocks)
    if loose:
        blocks = sorted([*blocks, *loose], key=lambda block: block.first_line)
    return _absorb_inner_comments(blocks)


def _loose_comments(tree: Tree, blocks: list[Block]) -> list[Block]:
    """A block of its own for each comment that stands in no block.

    The reader puts an indented comment with no block above it (at the top
    of the file, under a header field) in no block; written from the blocks
    alone, it would be lost. It is kept as a comment at column 0.
    """
    covered = {number for block in blocks for number in block.lines}
    return [
        Block(Kind.COMMENT, [number])
        for number, node in enumerate(tree.nodes)
        if isinstance(node, syntax.Comment) and number not in covered
    ]


def _absorb_inner_comments(blocks: list[Block]) -> list[Block]:
    """Move a comment block that stands between a block's lines into it.

    An indented comment below a column-0 comment still belongs to the block
    above (`Q1` / `# a` / `  # b` / `Q2`), so that block's lines run past
    the column-0 comment. Written block after block, `# b` would come before
    `# a`; written inside the block, both stay in their order.
    """
    merged: list[Block] = []
    for block in blocks:
        owner = merged[-1] if merged else None
        inside = owner is not None and block.first_line < owner.last_line
        if owner is not None and inside and block.kind is Kind.COMMENT:
            merged[-1] = Block(owner.kind, sorted([*owner.lines, *block.lines]))
        else:
            merged.append(block)
    return merged


def _touching(above: Block, below: Block) -> bool:
    return below.first_line == above.last_line + 1


def _anchors(blocks: list[Block]) -> list[Kind]:
    """The kind each item counts as for spacing.

    A comment directly above an item belongs with it, so it counts as that
    item's kind; any other comment counts as a comment.
    """
    anchors = [block.kind for block in blocks]
    for index in range(len(blocks) - 2, -1, -1):
        below = blocks[index + 1]
        if blocks[index].kind is Kind.COMMENT and _touching(blocks[index], below):
            anchors[index] = anchors[index + 1]
    return anchors


def _blank_between(blocks: list[Block], anchors: list[Kind], index: int) -> bool:
    """Whether one blank line separates item `index` from the one above."""
    above, below = blocks[index - 1], blocks[index]
    if above.kind is Kind.COMMENT and _touching(above, below):
        return False
    if anchors[index - 1] is Kind.HEADER and anchors[index] is Kind.HEADER:
        return False
    trailing = anchors[index] is Kind.COMMENT and _touching(above, below)
    return not trailing


def _block_lines(tree: Tree, block: Block) -> list[str]:
    nodes = [tree.nodes[number] for number in block.lines]
    width = _label_width(nodes)
    head, *body = nodes
    return [_top(head)] + [INDENT + _body(node, width) for node in body]


def _label_width(nodes: list[syntax.LineNode]) -> int:
    """The width answer labels are padded to; 0 when they are not aligned."""
    labels = [
        columns(node.label.text)
        for node in nodes
        if isinstance(node, syntax.Answer) and node.arrow
    ]
    if not labels or max(labels) > ALIGN_WIDTH:
        return 0
    return max(labels)


def _top(node: syntax.LineNode) -> str:
    if isinstance(node, syntax.Comment):
        return node.text.text
    if isinstance(node, syntax.Field):
        return _pair(node.key.text, node.value.text)
    if isinstance(node, syntax.OutcomeHead):
        return _pair(f"[{node.id.text}]", node.label.text)
    raise AssertionError(f"not a top-level line: {node!r}")


def _body(node: syntax.LineNode, width: int) -> str:
    if isinstance(node, syntax.Comment):
        return node.text.text
    if isinstance(node, syntax.Property):
        return _pair(node.key.text, node.value.text)
    if isinstance(node, syntax.When):
        return _pair(node.key.text, _conditions(node.conditions))
    if isinstance(node, syntax.Answer):
        return _answer(node, width)
    if isinstance(node, syntax.Route):
        outcomes = _list(token.text for token in node.outcomes)
        return f"{node.name.text}: {_conditions(node.steps)} -> {outcomes}"
    raise AssertionError(f"not a line of a block: {node!r}")


def _pair(key: str, value: str) -> str:
    return f"{key}: {value}" if value else f"{key}:"


def _conditions(conditions: tuple[syntax.Condition, ...]) -> str:
    return ", ".join(f"{c.question.text}={c.answer.text}" for c in conditions)


def _answer(node: syntax.Answer, width: int) -> str:
    ids = [target.id.text for target in node.targets]
    target = _list(ids) if node.listed else ids[0]
    if not node.arrow:
        return f"{node.label.text} {target}"
    label = node.label.text
    return f"{label}{' ' * (width - columns(label))} -> {target}"


def columns(text: str) -> int:
    """How many columns `text` takes in an editor's monospaced font.

    A wide character (CJK, most emoji) takes two; a combining mark, a
    zero-width joiner or a variation selector none; any other one.
    """
    return sum(_columns(char) for char in text)


def _columns(char: str) -> int:
    if char.isascii():
        return 1
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 0 if unicodedata.category(char) in ("Mn", "Me", "Cf") else 1


def _list(ids: Iterable[str]) -> str:
    return "[" + ", ".join(ids) + "]"
