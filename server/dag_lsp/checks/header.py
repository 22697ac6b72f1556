"""Checks of the header: title, entry, mode and the keys themselves."""

from __future__ import annotations

from collections.abc import Iterator

from dag_lsp.findings import (
    DUPLICATE_HEADER,
    INVALID_MODE,
    MISSING_ENTRY,
    MISSING_TITLE,
    UNKNOWN_ENTRY,
    UNKNOWN_HEADER,
    Edit,
    Finding,
    Fix,
    Related,
)
from dag_lsp.model import HEADER_KEYS, MODES, Property, Span, Tree
from dag_lsp.suggest import closest

_START = Span(0, 0, 0)


def check(tree: Tree) -> Iterator[Finding]:
    """Every finding about the header."""
    yield from _required(tree)
    yield from _entry(tree)
    yield from _mode(tree)
    yield from _unknown(tree)
    yield from _duplicates(tree.header)


def _required(tree: Tree) -> Iterator[Finding]:
    if not tree.title:
        prop = tree.header_field("dag")
        span = prop.key.span if prop else _START
        yield Finding(MISSING_TITLE, span, "the tree has no title: add 'dag: Title'")

    if tree.header_field("entry") is None:
        yield Finding(
            MISSING_ENTRY,
            _START,
            "the tree has no entry: add 'entry: ID' of its first question",
        )


def _entry(tree: Tree) -> Iterator[Finding]:
    prop = tree.header_field("entry")
    if prop is None or prop.value.value in tree.question_ids:
        return

    name = prop.value.value.strip("[] \t")
    span = prop.value.span if name else prop.key.span
    message = f"the entry '{name}' names no question" if name else "the entry is empty"
    if name in tree.outcome_ids:
        message = f"the entry '{name}' is an outcome: it must name the first question"
    hint = (
        None
        if not name or name in tree.outcome_ids
        else closest(name, tree.question_ids)
    )
    yield Finding(
        UNKNOWN_ENTRY, span, message + (f"; did you mean '{hint}'?" if hint else "")
    )


def _mode(tree: Tree) -> Iterator[Finding]:
    prop = tree.header_field("mode")
    if prop is None or prop.value.value in MODES:
        return

    mode = prop.value.value
    use = "use 'decision' or 'elimination'"
    if not mode:
        yield Finding(INVALID_MODE, prop.key.span, f"the mode is empty: {use}")
        return
    yield Finding(INVALID_MODE, prop.value.span, f"unknown mode '{mode}': {use}")


# Header keys other tools use for what a `.dag` file calls otherwise.
_SAME_MEANING = {"title": "dag", "start": "entry", "keywords": "tags", "lang": "locale"}


def _unknown(tree: Tree) -> Iterator[Finding]:
    for prop in tree.unknown_header:
        key = prop.key.value
        message = f"unknown header key '{key}'"
        hint = _SAME_MEANING.get(key.casefold()) or closest(key, HEADER_KEYS)
        if hint is None:
            yield Finding(UNKNOWN_HEADER, prop.key.span, message)
            continue

        fix = Fix(f"Change to '{hint}'", (Edit.on(prop.key.span, hint),))
        message += f"; did you mean '{hint}'?"
        yield Finding(UNKNOWN_HEADER, prop.key.span, message, fixes=(fix,))


def _duplicates(fields: list[Property]) -> Iterator[Finding]:
    first: dict[str, Property] = {}
    for prop in fields:
        key = prop.key.value
        if key not in first:
            first[key] = prop
            continue

        line = first[key].key.span.line + 1
        message = f"the header key '{key}' is given twice; first on line {line}"
        related = (Related(first[key].key.span, f"'{key}' first given here"),)
        yield Finding(DUPLICATE_HEADER, prop.key.span, message, related)
