"""Rename: whether a new name may replace an id.

Part of the queries package, after the index in the flow: it reads the
index's occurrences by id to tell a clash, and answers with the message
`dag_lsp.lsp.rename` shows.
"""

from __future__ import annotations

import re

from dag_lsp.model import HEADER_KEYS, Tree
from dag_lsp.queries.results import Occurrence

# An id, as docs/language.md defines it and the grammar reads it.
VALID_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")

INVALID = (
    "'{}' is not a valid id: an id is a run of ASCII letters, digits, '_' "
    "and '-' that does not start with '-'"
)


def rename_problem(
    tree: Tree, by_id: dict[str, list[Occurrence]], old: str, new: str
) -> str | None:
    """Why `old` cannot be renamed to `new`, or None when it can."""
    if not VALID_ID.fullmatch(new):
        return INVALID.format(new)
    if old in tree.question_ids and new in (*HEADER_KEYS, "routes"):
        return (
            f"'{new}' is a header key: a question named '{new}' would read as "
            "the header field"
        )
    if new == old or new not in by_id:
        return None

    found = by_id[new]
    first = next((o for o in found if o.definition), found[0])
    where = f"on line {first.span.line + 1}"
    if not first.definition:
        return f"'{new}' is already used {where}"
    kind = "a question" if new in tree.question_ids else "an outcome"
    return f"'{new}' is already used by {kind} {where}"
