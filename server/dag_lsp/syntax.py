"""Syntax: one line of text to one syntax node, by the grammar in `dag.peg`.

The grammar is matched line by line: the reader (see `reader.py`) knows from
indentation which block a line belongs to and asks for the matching entry
rule. Working a line at a time keeps parsimonious's work small, lets a
malformed line be reported without losing the lines after it, and lets an
editor re-read only the lines that changed: `LineParser` remembers the
nodes of lines it has seen.

Nodes hold columns only, never line numbers, so that a line's node stays
valid when lines above it are inserted or removed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, NamedTuple

from parsimonious.exceptions import ParseError
from parsimonious.grammar import Grammar
from parsimonious.nodes import Node

from dag_lsp.memo import Generations

_ANSWER_KEY = re.compile(r"([\w-]{1,12}):(?=[ \t]|$)")


class Place(Enum):
    """Where a line stands, which decides the grammar rule it is read with."""

    TOP = "top_line"
    QUESTION = "question_line"
    OUTCOME = "outcome_line"
    ROUTES = "route_line"

    # Members are singletons: hashing by identity keeps the line cache's
    # lookups in C (Enum's own hash is a Python method, called per line).
    __hash__ = object.__hash__


class Token(NamedTuple):
    """A piece of a line: its text and its columns (end exclusive)."""

    text: str
    start: int
    end: int


class Blank(NamedTuple):
    """A line of nothing but spaces and tabs."""


class Comment(NamedTuple):
    """A line whose first non-blank character is `#`."""

    text: Token


class Field(NamedTuple):
    """`key: value` at column 0: a header field or a question's head."""

    key: Token
    value: Token


class OutcomeHead(NamedTuple):
    """`[ID]: label` at column 0."""

    id: Token
    label: Token


class Property(NamedTuple):
    """`key: value` inside a block (`hint:`, `color:`, ...)."""

    key: Token
    value: Token


class Condition(NamedTuple):
    """`Q1=A`: question `Q1` answered with the answer named `A`."""

    question: Token
    answer: Token


class When(NamedTuple):
    """`when: Q1=A, Q2=B` inside a question block."""

    key: Token
    conditions: tuple[Condition, ...]


class Target(NamedTuple):
    """An id an answer leads to; `outcome` when written in brackets."""

    id: Token
    outcome: bool


class Answer(NamedTuple):
    """`label -> target`, or `label [targets]` without an arrow."""

    label: Token
    name: Token
    targets: tuple[Target, ...]
    arrow: bool
    listed: bool


class Route(NamedTuple):
    """`name: Q1=A, Q2=B -> [OUTCOME]` in the routes section."""

    name: Token
    steps: tuple[Condition, ...]
    outcomes: tuple[Token, ...]


class Invalid(NamedTuple):
    """A line the grammar does not accept, with where and why.

    `head` is the id a malformed column-0 line starts with, if any, so the
    reader can still define it and spare the author a cascade of findings.
    """

    message: str
    start: int
    end: int
    head: Token | None = None
    outcome: bool = False


LineNode = (
    Blank | Comment | Field | OutcomeHead | Property | When | Answer | Route | Invalid
)


def _grammar_text() -> str:
    """The grammar, from inside the installed package or the source tree."""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "grammar", "dag.peg")
    checkout = os.path.join(here, os.pardir, os.pardir, "grammar", "dag.peg")
    path = packaged if os.path.exists(packaged) else checkout
    with open(path, encoding="utf-8") as grammar_file:
        return grammar_file.read()


@cache
def grammar() -> Grammar:
    """The compiled grammar, built once per process.

    Known shortcoming: compiling it costs about 8 ms of every start-up, a
    good part of `dag-lsp --check`'s margin on its start-up target.
    Shipping the rules compiled (pickled at build time, and checked
    against the grammar's text) would take most of it.
    """
    return Grammar(_grammar_text())


class LineParser(Generations[tuple[Place, str], LineNode]):
    """Parses lines, remembering the nodes of the lines of recent versions.

    An editor keeps one parser per document and calls `new_version` before
    reading each version: lines seen in the version before are not parsed
    again, and lines no longer in the document are forgotten.
    """

    def parse(self, text: str, indent: int, place: Place) -> LineNode:
        """The node of one line, whose first `indent` characters are blank."""
        key = (place, text)
        node = self.get(key)
        if node is None:
            node = parse_line(text, indent, place)
            self.put(key, node)
        return node


def parse_line(text: str, indent: int, place: Place) -> LineNode:
    """Match one line (without its ending) from column `indent`."""
    if indent == len(text):
        return Blank()

    for pattern, build in _whole_lines(place):
        match = pattern.match(text, indent)
        if match is not None:
            return build(match)
    return parse_by_rule(text, indent, place)


def parse_by_rule(text: str, indent: int, place: Place) -> LineNode:
    """Match one non-blank line with the full rule of its place."""
    try:
        node = grammar()[place.value].match(text, indent)
    except ParseError as error:
        return _invalid(text, indent, place, _explain(text, indent, place, error))

    return _BUILDERS[node.children[0].expr_name](node.children[0])


# ------------------------------------------------------------------ whole lines

Match = Any  # a match of the `regex` module, which parsimonious uses


@cache
def _whole_lines(place: Place) -> list[tuple[Any, Callable[[Match], LineNode]]]:
    """The whole-line tokens of a place's rule, in order, with their builders.

    These are the grammar's own tokens (see "Whole lines" in `dag.peg`),
    tried with their compiled expressions, without parsimonious's machinery
    around them: the commonest lines cost one match each.
    """
    names = _WHOLE_LINES.get(place, ())
    return [(_with_re(grammar()[name].re), _FROM_MATCH[name]) for name in names]


# The flags `re` and `regex` share, with the same values.
_SHARED_FLAGS = re.I | re.L | re.M | re.S | re.U | re.X | re.A


def _with_re(compiled: Any) -> Any:
    """A token's expression compiled by `re` rather than `regex`.

    The pattern and flags are the grammar's; `re` matches these short lines
    in half the time. A pattern `re` cannot compile keeps `regex`'s form.
    """
    try:
        return re.compile(compiled.pattern, compiled.flags & _SHARED_FLAGS)
    except re.error:
        return compiled


# NamedTuple's constructor is a Python function; the builders of the
# commonest lines build their tokens with `tuple.__new__`, in C.
_new = tuple.__new__


def _matched(match: Match, group: int) -> Token:
    """A group of a match, without the blanks at its end."""
    text = match.group(group).rstrip(" \t")
    start = match.start(group)
    return _new(Token, (text, start, start + len(text)))


def _whole_field(match: Match) -> Field:
    return _new(Field, (_matched(match, 1), _matched(match, 2)))


def _whole_head(match: Match) -> OutcomeHead:
    return _new(OutcomeHead, (_matched(match, 1), _matched(match, 2)))


def _whole_answer(match: Match) -> Answer:
    label = _matched(match, 1)
    if match.group(2) is not None:
        target = _new(Target, (_matched(match, 2), False))
        return _new(Answer, (label, _answer_name(label), (target,), True, False))
    targets = _listed_ids(match, 3)
    return _new(Answer, (label, _answer_name(label), targets, True, True))


def _whole_listed(match: Match) -> Answer:
    label = _matched(match, 1)
    targets = _listed_ids(match, 2)
    return _new(Answer, (label, _answer_name(label), targets, False, True))


_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


def _listed_ids(match: Match, group: int) -> tuple[Target, ...]:
    """The outcome ids of a bracketed list, one group of a match."""
    found = _ID.finditer(match.string, match.start(group), match.end(group))
    return tuple(
        _new(Target, (_new(Token, (m.group(), m.start(), m.end())), True))
        for m in found
    )


def _hint_line(match: Match) -> Property:
    start = match.start()
    return Property(Token("hint", start, start + 4), _matched(match, 1))


def _pair(match: Match) -> Property:
    return _new(Property, (_matched(match, 1), _matched(match, 2)))


def _comment_line(match: Match) -> Comment:
    return Comment(_matched(match, 0))


_FROM_MATCH: dict[str, Callable[[Match], LineNode]] = {
    "whole_field": _whole_field,
    "whole_head": _whole_head,
    "whole_answer": _whole_answer,
    "whole_listed": _whole_listed,
    "hint": _hint_line,
    "pair": _pair,
    "comment": _comment_line,
}

_WHOLE_LINES = {
    Place.TOP: ("whole_field", "whole_head", "comment"),
    Place.QUESTION: ("whole_answer", "hint", "comment", "whole_listed"),
    Place.OUTCOME: ("pair", "comment"),
}


# ------------------------------------------------------------------ builders


def _token(node: Node) -> Token:
    return Token(node.text, node.start, node.end)


def _value(node: Node, group: int = 1) -> Token:
    """The free text a token captured, without the blanks at its end."""
    match = node.match
    text = match.group(group).rstrip(" \t")
    return Token(text, match.start(group), match.start(group) + len(text))


def _group(node: Node, group: int) -> Token:
    """A part of a token, as its regular expression captured it."""
    match = node.match
    return Token(match.group(group), match.start(group), match.end(group))


def _comment(node: Node) -> Comment:
    return Comment(_stripped(node))


def _field(node: Node) -> Field:
    ident, value = node.children
    return Field(_token(ident), _value(value))


def _outcome_head(node: Node) -> OutcomeHead:
    chosen = node.children[0]
    if chosen.expr_name == "whole_head":
        return OutcomeHead(_group(chosen, 1), _value(chosen, 2))

    _open, ident, _close, value = chosen.children
    return OutcomeHead(_token(ident), _value(value))


def _hint(node: Node) -> Property:
    return Property(Token("hint", node.start, node.start + 4), _value(node))


def _property(node: Node) -> Property:
    chosen = node.children[0]
    if chosen.expr_name == "pair":
        return Property(_group(chosen, 1), _value(chosen, 2))

    key, value = chosen.children
    return Property(_token(key), _value(value))


def _other(node: Node) -> Property:
    key, value, _end = node.children
    return Property(_token(key), _value(value))


def _conditions(node: Node) -> tuple[Condition, ...]:
    first, rest = node.children
    nodes = [first, *(pair.children[1] for pair in rest.children)]
    return tuple(
        Condition(_token(ident), _stripped(name))
        for ident, _equals, name in (condition.children for condition in nodes)
    )


def _when(node: Node) -> When:
    key, conditions, _end = node.children
    return When(Token("when", key.start, key.start + 4), _conditions(conditions))


def _outcome_ids(node: Node) -> tuple[Token, ...]:
    _open, first, rest, _close = node.children
    return (_token(first), *(_token(pair.children[1]) for pair in rest.children))


def _stripped(node: Node) -> Token:
    """A token without the blanks at its end."""
    text = node.text.rstrip(" \t")
    return Token(text, node.start, node.start + len(text))


def _answer_name(label: Token) -> Token:
    match = _ANSWER_KEY.match(label.text)
    if match is None:
        return label
    return _new(Token, (match.group(1), label.start, label.start + match.end(1)))


def _targets(node: Node) -> tuple[Target, ...]:
    """What an answer's `target` leads to, whichever alternative matched."""
    chosen = node.children[0]
    name = chosen.expr_name
    if name == "last_id":
        return (Target(_group(chosen, 1), outcome=False),)
    if name == "last_outcome":
        return (Target(_group(chosen, 1), outcome=True),)

    first = chosen.children[0]
    if first.expr_name == "ident":
        return (Target(_token(first), outcome=False),)
    return tuple(Target(ident, outcome=True) for ident in _outcome_ids(first))


def _answer(node: Node) -> Answer:
    label_node, _arrow, target = node.children
    label = _stripped(label_node)
    listed = target.children[0].expr_name not in ("last_id", "ident")
    return Answer(label, _answer_name(label), _targets(target), True, listed)


def _listed_answer(node: Node) -> Answer:
    chosen = node.children[0]
    if chosen.expr_name == "whole_listed":
        return _whole_listed(chosen.match)

    label_node, outcomes, _end = chosen.children
    label = _stripped(label_node)
    targets = tuple(Target(ident, outcome=True) for ident in _outcome_ids(outcomes))
    return Answer(label, _answer_name(label), targets, False, True)


def _route(node: Node) -> Route:
    name, _colon, steps, _arrow, outcomes, _end = node.children
    return Route(_token(name), _conditions(steps), _outcome_ids(outcomes))


_BUILDERS: dict[str, Callable[[Node], LineNode]] = {
    "whole_field": lambda node: _whole_field(node.match),
    "whole_answer": lambda node: _whole_answer(node.match),
    "comment": _comment,
    "field": _field,
    "outcome_head": _outcome_head,
    "hint": _hint,
    "property": _property,
    "other": _other,
    "when": _when,
    "answer": _answer,
    "listed_answer": _listed_answer,
    "route": _route,
}


# ------------------------------------------------------------------ errors

_EXPECTED = {
    "colon": "expected ':'",
    "value": "expected ':'",
    "plain_value": "expected ':'",
    "arrow": "expected '->' and a target",
    "outcomes": "expected '->' and a target",
    "open_bracket": "expected '['",
    "close_bracket": "expected ']'",
    "ident": "expected an id (letters, digits, '_' or '-')",
    "key": "expected a property name",
    "equals": "expected '=' and an answer name, as in Q1=A",
    "answer_name": "expected an answer name after '='",
    "comma": "expected ','",
    "end": "unexpected text",
    "label": "expected an answer label before '->'",
    "target": "expected a target: a question id or an [OUTCOME]",
    "condition": "expected a condition, as in Q1=A",
    "conditions": "expected a condition, as in Q1=A",
    "steps": "expected the route's answers, as in Q1=A, Q2=B",
}

_EXPECTED_LINE = {
    Place.TOP: "expected a header field (key: value), a question (ID: text), "
    "an outcome ([ID]: label) or a comment",
    Place.QUESTION: "expected an answer (label -> target), a property "
    "(key: value) or a comment",
    Place.OUTCOME: "expected a property (key: value) or a comment",
    Place.ROUTES: "expected a route (name: Q1=A -> [OUTCOME]) or a comment",
}

# Each run of dashes or equals signs is tried from its start only, so that
# a long run without `>` costs one pass, not one per character.
_MISTYPED_ARROW = re.compile(
    r"(?<![^ \t:])[-=~\u2013\u2014]+>|(?<!-)-{2,}>|(?<!=)=+>|[\u2192\u21d2]"
)
_WHEN = re.compile(r"when[ \t]*:")
_HEAD = re.compile(r"(\[[ \t]*)?([A-Za-z0-9_-]+)")


def _explain(text: str, indent: int, place: Place, error: ParseError) -> ParseError:
    """The error to report: a `when:` line is judged by the `when` rule alone.

    Several alternatives may fail at the same column; a line that starts
    with `when:` was meant as a condition, whatever else it resembles.
    """
    if place is not Place.QUESTION or not _WHEN.match(text, indent):
        return error

    try:
        grammar()["when"].match(text, indent)
    except ParseError as when_error:
        return when_error
    return error


def _invalid(text: str, indent: int, place: Place, error: ParseError) -> Invalid:
    name = getattr(error.expr, "name", "")
    pos = max(error.pos, indent)
    if name == "end":
        pos = len(text) - len(text[pos:].lstrip(" \t"))

    arrow = _mistyped_arrow(text, indent) if place is not Place.TOP else None
    if arrow is not None:
        message = f"'{arrow.group()}' is not an arrow: write '->'"
        return Invalid(message, arrow.start(), arrow.end())
    if place is Place.TOP:
        unindented = unindented_answer(text)
        if unindented is not None:
            return unindented

    column = _non_ascii_in_list(text) if place is Place.QUESTION else None
    if column is not None:
        found, end = _found(text, column)
        return Invalid(f"{_ASCII_IDS}, found {found}", column, end)

    found, end = _found(text, pos)
    expected = _message(text, indent, place, name, pos)
    if _in_id(text, pos, name):
        expected = _ASCII_IDS
    invalid = Invalid(f"{expected}, found {found}", pos, end)
    return _with_head(invalid, text) if place is Place.TOP else invalid


_ID_CHAR = re.compile(r"[A-Za-z0-9_-]")
_ASCII_IDS = "ids are ASCII: letters A-Z and a-z, digits, '_' or '-'"
_LAST_LIST = re.compile(r"\[([^\[\]]*)\][ \t]*\Z")


def _non_ascii_in_list(text: str) -> int | None:
    """Where a letter outside ASCII stops an id of `A: Web [Ç]`, if it does.

    Without an arrow, the label runs to the end of the line, and so does the
    place where the line stops matching; the letter is what went wrong.
    """
    match = _LAST_LIST.search(text)
    if match is None or "->" in text:
        return None
    for column in range(match.start(1), match.end(1)):
        char = text[column]
        if not char.isascii() and char.isalnum():
            return column
    return None


def _in_id(text: str, pos: int, name: str) -> bool:
    """Whether a letter outside ASCII stops an id being written (`Qé`, `[ÉTÉ]`)."""
    if pos >= len(text) or text[pos].isascii() or not text[pos].isalnum():
        return False
    return name == "ident" or (pos > 0 and _ID_CHAR.match(text[pos - 1]) is not None)


def unindented_answer(text: str) -> Invalid | None:
    """The error for a column-0 line that would be an answer, were it indented."""
    if not reads_as_answer(text):
        return None
    message = "this answer is not indented: indent it under its question"
    return Invalid(message, 0, len(text.rstrip(" \t")))


def reads_as_answer(text: str) -> bool:
    """Whether a column-0 line would be an answer, were it indented."""
    try:
        grammar()["answer"].match(text)
    except ParseError:
        return False
    return True


def _mistyped_arrow(text: str, indent: int) -> re.Match[str] | None:
    """The first word of a malformed line that looks like a mistyped arrow."""
    for match in _MISTYPED_ARROW.finditer(text, indent):
        if match.group() != "->":
            return match
    return None


def _message(text: str, indent: int, place: Place, name: str, pos: int) -> str:
    """What was expected at `pos`, in words."""
    if pos <= indent or name not in _EXPECTED:
        return _EXPECTED_LINE[place]
    if name in ("colon", "value", "plain_value"):
        return _after_id(text, pos, _EXPECTED[name])
    if name == "outcomes" and text[:pos].rstrip(" \t").endswith("->"):
        return "expected '[' and the outcomes, as in [OUTCOME]"
    if name == "end" and text[pos:].lstrip(" \t").startswith("->"):
        return (
            "expected the end of the line after the target (a label ends at its '->')"
        )
    return _EXPECTED[name]


_ID_BEFORE = re.compile(r"([A-Za-z0-9_-]+)\]?$")


def _after_id(text: str, pos: int, message: str) -> str:
    """`expected ':'` names the id it should follow."""
    match = _ID_BEFORE.search(text, 0, pos)
    return f"{message} after '{match.group(1)}'" if match else message


def _found(text: str, pos: int) -> tuple[str, int]:
    """What stands at `pos`, quoted for a message, and where it ends."""
    if pos >= len(text):
        return "the end of the line", pos

    word = re.match(r"[ \t]*\S{1,40}", text[pos:])
    end = pos + (word.end() if word else 1)
    shown = text[pos:end].strip() or text[pos]

    odd = next((n for n, c in enumerate(shown) if _unseen(c)), None)
    if odd == 0:
        return _named(shown[0]), text.index(shown[0], pos) + 1
    if odd is not None:
        shown = shown[:odd]
        end = text.index(shown, pos) + len(shown)
    return f"'{shown}'", end


def _unseen(char: str) -> bool:
    """A character a reader cannot see in a message: a control or odd space."""
    return not char.isprintable() or (char.isspace() and char != " ")


_CONTROLS = {"\t": "a tab", "\x0b": "a vertical tab", "\x0c": "a form feed"}


def _named(char: str) -> str:
    """An unseen character named by its code point (`U+2028 LINE SEPARATOR`)."""
    from unicodedata import name

    described = _CONTROLS.get(char, name(char, "a control character"))
    return f"U+{ord(char):04X} ({described.lower()})"


def _with_head(invalid: Invalid, text: str) -> Invalid:
    """Remember the id a malformed column-0 line starts with."""
    match = _HEAD.match(text)
    if match is None or match.end(2) > invalid.start:
        return invalid

    head = Token(match.group(2), match.start(2), match.end(2))
    return Invalid(
        invalid.message, invalid.start, invalid.end, head, match.group(1) is not None
    )
