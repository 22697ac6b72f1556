"""Text: small helpers on a tree's lines and on the texts the queries show.

Used by every other module of the queries package: the id pattern and the
run of id characters around a column, the text of a line, and shortening
and escaping for what the editor displays.
"""

from __future__ import annotations

import re

from dag_lsp.model import Tree

ID = re.compile(r"[A-Za-z0-9_-]+")
_ID_BEFORE = re.compile(r"[A-Za-z0-9_-]*\Z")
_ID_AFTER = re.compile(r"[A-Za-z0-9_-]*")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|~])")
BLANKS = " \t"

HINT_WIDTH = 40


def line_text(tree: Tree, line: int) -> str:
    """The text of a line; empty past the last line."""
    lines = tree.source.lines
    return lines[line] if 0 <= line < len(lines) else ""


def shorten(text: str, width: int = HINT_WIDTH) -> str:
    """`text`, cut to `width` characters with an ellipsis when longer."""
    if len(text) <= width:
        return text
    return text[:width].rstrip() + "…"


def escape(text: str) -> str:
    """Text shown literally in Markdown."""
    return _MARKDOWN.sub(r"\\\1", text)


def code(value: str) -> str:
    """A value shown as code, unless a backtick would end the code span."""
    return escape(value) if "`" in value else f"`{value}`"


def id_bounds(text: str, column: int) -> tuple[int, int]:
    """The columns of the run of id characters around `column`."""
    before = _ID_BEFORE.search(text, 0, column)
    after = _ID_AFTER.match(text, column)
    start = before.start() if before else column
    return start, after.end() if after else column


def blank(text: str) -> bool:
    """Whether `text` holds only spaces and tabs."""
    return not text.strip(BLANKS)
