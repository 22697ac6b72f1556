"""Spots: what may be typed at a position, for completion.

First step of completion in the queries package: from the text of a line
(and, for indented lines, the block heads above it) it finds what is wanted
and the columns a candidate replaces. `candidates.py` then offers what fits.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from dag_lsp.model import Kind, Tree
from dag_lsp.queries.text import BLANKS, ID, blank, id_bounds, line_text

_OPEN_LIST = re.compile(r"\[[ \t]*(?:[A-Za-z0-9_-]+[ \t]*,[ \t]*)*\Z")
_ENTRY = re.compile(r"entry[ \t]*:[ \t]*\Z")
# A target already written after the cursor: an id, or an outcome in brackets.
_WRITTEN = re.compile(
    r"[ \t]*(?:\[[ \t]*[A-Za-z0-9_-]*[ \t]*\]|[A-Za-z0-9_][A-Za-z0-9_-]*)"
)
# Lines of a question as grammar/dag.peg reads them: a comment or a hint is
# free text (the grammar's `label` starts with neither), `when:` conditions.
_FREE_TEXT = re.compile(r"#|hint[ \t]*:")
_WHEN = re.compile(r"when[ \t]*:")


class Want(Enum):
    """What may be typed at a completion spot."""

    TARGET = "a question id or an [OUTCOME] after an arrow"
    LIST = "an [OUTCOME] after an arrow, where a question cannot stand"
    OUTCOME = "an outcome id inside brackets"
    QUESTION = "a question id"
    ANSWER = "an answer name of a question"
    QUESTION_KEY = "a property of a question"
    OUTCOME_KEY = "a property of an outcome"
    HEADER_KEY = "a header key"
    BLOCK = "a new question or outcome block"
    HEAD = "a header key or a new block, on an empty line of the header"


@dataclass(frozen=True, slots=True)
class Spot:
    """Where completion stands: what is wanted and the columns it replaces.

    `typed` is the part of the replaced text before the cursor; `close`
    asks for a `]` after an outcome id; `colon` asks for `: ` after a key;
    `lead` is written before an id that would touch `->` or `:`; `listed`
    are the ids already in the list being completed.
    """

    want: Want
    line: int
    start: int
    end: int
    typed: str = ""
    question: str = ""
    close: bool = False
    colon: bool = True
    lead: str = ""
    listed: tuple[str, ...] = ()


class Spots:
    """Finds completion spots in one version of a tree."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    @cached_property
    def _first_items(self) -> list[tuple[int, Kind]]:
        """The line and kind of the first two items, which end the header.

        Items are questions, outcomes, routes sections and unreadable lines.
        """
        items = (Kind.QUESTION, Kind.OUTCOME, Kind.ROUTES, Kind.INVALID)
        found = ((b.first_line, b.kind) for b in self.tree.blocks if b.kind in items)
        return heapq.nsmallest(2, found)

    def _in_header(self, line: int) -> bool:
        """Whether a column-0 line stands above the first item of the file.

        The line itself is no item when it reads as none: a key being typed.
        """
        for first, kind in self._first_items:
            if first != line or kind is not Kind.INVALID:
                return line < first
        return True

    def at(self, line: int, column: int) -> Spot | None:
        """What may be typed at a position, or None in free text."""
        text = line_text(self.tree, line)
        column = min(max(column, 0), len(text))
        if text[:1] not in (" ", "\t"):
            return self._top_spot(line, text, column)
        return self._body_spot(line, text, column) if column else None

    # top level

    def _top_spot(self, line: int, text: str, column: int) -> Spot | None:
        start, end = id_bounds(text, column)
        before, rest = text[:start], text[end:]
        if before in ("", "["):
            return self._head_spot(line, start, end, text[:column], rest)

        if _ENTRY.match(before):
            lead = _lead(before)
            return Spot(Want.QUESTION, line, start, end, text[start:column], lead=lead)
        return None

    def _head_spot(
        self, line: int, start: int, end: int, typed: str, rest: str
    ) -> Spot | None:
        """The first word of a column-0 line: a header key or a new block."""
        in_header = self._in_header(line)
        if typed.startswith("["):
            return Spot(Want.BLOCK, line, 0, end, typed) if blank(rest) else None
        if in_header and (blank(rest) or rest.startswith(":")):
            colon = not rest.startswith(":")
            empty = blank(line_text(self.tree, line))
            want = Want.HEAD if empty else Want.HEADER_KEY
            return Spot(want, line, start, end, typed, colon=colon)
        return Spot(Want.BLOCK, line, 0, end, typed) if blank(rest) else None

    # inside blocks

    def _owner(self, line: int) -> Kind | None:
        """The kind of block an indented line belongs to, from the text above."""
        for number in range(min(line, len(self.tree.source.lines)) - 1, -1, -1):
            head = line_text(self.tree, number)
            if head[:1] in ("", " ", "\t", "#"):
                continue
            if head.startswith("["):
                return Kind.OUTCOME
            return Kind.ROUTES if head.rstrip(BLANKS) == "routes:" else Kind.QUESTION
        return None

    def _key_spot(self, line: int, text: str, start: int, column: int) -> Spot | None:
        """A property key at the start of an indented line."""
        owner = self._owner(line)
        end = id_bounds(text, column)[1]
        rest = text[end:].lstrip(BLANKS)
        if owner not in (Kind.QUESTION, Kind.OUTCOME) or rest[:1] not in ("", ":"):
            return None

        want = Want.QUESTION_KEY if owner is Kind.QUESTION else Want.OUTCOME_KEY
        typed = text[start:column]
        return Spot(want, line, start, end, typed, colon=not rest.startswith(":"))

    def _body_spot(self, line: int, text: str, column: int) -> Spot | None:
        start = id_bounds(text, column)[0]
        if blank(text[:start]):
            return self._key_spot(line, text, start, column)

        owner = self._owner(line)
        if owner is Kind.ROUTES:
            return _route_spot(line, text, column)
        if owner is not Kind.QUESTION:
            return None
        return self._question_line_spot(line, text, column)

    def _question_line_spot(self, line: int, text: str, column: int) -> Spot | None:
        """In a line of a question: as the grammar reads a hint, comment or when."""
        indent = len(text) - len(text.lstrip(BLANKS))
        if _FREE_TEXT.match(text, indent):
            return None
        if when := _WHEN.match(text, indent):
            return _condition_spot(line, text, column, when.end(), len(text))
        return _target_spot(line, text, column, self.tree.elimination)


def _route_spot(line: int, text: str, column: int) -> Spot | None:
    """In a route (`Q1=A, Q2=B -> [OUT]`): a condition or a target."""
    colon = text.find(":")
    if colon == -1 or column <= colon:
        return None

    arrow = text.find("->", colon)
    if arrow != -1 and column >= arrow + 2:
        return _target_spot(line, text, column, elimination=True)
    stop = arrow if arrow != -1 else len(text)
    return _condition_spot(line, text, column, colon + 1, stop)


def _target_spot(line: int, text: str, column: int, elimination: bool) -> Spot | None:
    """After an arrow, or inside the brackets of an outcome list.

    Known shortcoming: in the older form's brackets (`A: Weekly [Q4]`), which
    may name a question, only outcomes are offered; the fix is a spot that
    knows the line has no arrow in decision mode.
    """
    start, end = id_bounds(text, column)
    before, rest = text[:start], text[end:]
    typed = text[start:column]
    arrow = before.rfind("->")
    bracket = _OPEN_LIST.search(before)
    if bracket is not None and bracket.start() > arrow:
        listed = ID.findall(before, bracket.start()) + ID.findall(rest.split("]")[0])
        close = "]" not in rest
        return Spot(
            Want.OUTCOME, line, start, end, typed, close=close, listed=tuple(listed)
        )

    if arrow == -1 or not blank(before[arrow + 2 :]):
        return None
    want = Want.LIST if elimination else Want.TARGET
    written = _WRITTEN.match(text, end) if start == end else None
    if written is not None:
        # Right before a target (`->|[ID]`, `->| ID`): a choice replaces it.
        end, rest = written.end(), text[written.end() :]
    close = written is not None or not rest.lstrip(BLANKS).startswith("]")
    return Spot(want, line, start, end, typed, close=close, lead=_lead(before))


def _condition_spot(
    line: int, text: str, column: int, first: int, stop: int
) -> Spot | None:
    """In `Q1=A, Q2=B` (from column `first` to `stop`): a question or an answer."""
    begin = max(text.rfind(",", first, column) + 1, first)
    segment = text[begin:column]
    if "=" not in segment:
        start, end = id_bounds(text, column)
        if not blank(text[begin:start]):
            return None
        lead = _lead(text[:start])
        return Spot(Want.QUESTION, line, start, end, text[start:column], lead=lead)

    equals = begin + segment.index("=")
    question = text[begin:equals].strip(BLANKS)
    comma = text.find(",", column, stop)
    name_end = comma if comma != -1 else stop
    name_start = min(len(text) - len(text[equals + 1 :].lstrip(BLANKS)), column)
    name_end = max(len(text[:name_end].rstrip(BLANKS)), column)
    typed = text[name_start:column]
    return Spot(Want.ANSWER, line, name_start, name_end, typed, question)


def _lead(before: str) -> str:
    """A space between `->` or `:` and the id about to be written."""
    return " " if before.endswith((">", ":")) else ""
