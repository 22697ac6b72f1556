"""Export: a tree written for other tools, and a JSON export read back.

Adapters at the end of the flow (text → syntax → model → here), used by
`dag-lsp --export FORMAT` and `dag-lsp --import`:

- `canonical.py`: the model as JSON, in the shape of the publishing
  website's JSON export (see docs/language.md; described by
  `schema/decision-dag.schema.json`), and comparing two;
- `diagram.py`: what a picture of a tree shows, for
- `mermaid.py`: a Mermaid flowchart, and `dot.py`: a Graphviz digraph;
- `importer.py`: a JSON export back to a `.dag` file.

A file with syntax errors is refused rather than exported half read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources

from dag_lsp.export.canonical import to_model
from dag_lsp.export.dot import dot
from dag_lsp.export.mermaid import mermaid
from dag_lsp.model import Tree
from dag_lsp.reader import read

SCHEMA = "decision-dag.schema.json"


class ExportError(ValueError):
    """A file that cannot be read as a whole tree, and where it goes wrong."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def _json(tree: Tree, text: str) -> str:
    return json.dumps(to_model(tree, text), indent=2, ensure_ascii=False) + "\n"


WRITERS: dict[str, Callable[[Tree, str], str]] = {
    "json": _json,
    "mermaid": lambda tree, _: mermaid(tree),
    "dot": lambda tree, _: dot(tree),
}
FORMATS = tuple(WRITERS)


def whole_tree(text: str) -> Tree:
    """The tree of a file's text; raises `ExportError` on a syntax error."""
    tree = read(text)
    if tree.syntax:
        first = tree.syntax[0]
        message = f"syntax error: {first.message}"
        raise ExportError(first.span.line, first.span.start, message)
    return tree


def export_text(text: str, output_format: str) -> str:
    """A file's text in one of `FORMATS`; raises `ExportError` on syntax errors."""
    return WRITERS[output_format](whole_tree(text), text)


def schema_text() -> str:
    """The JSON Schema of the JSON export, shipped inside the package."""
    folder = resources.files("dag_lsp") / "schema"
    return (folder / SCHEMA).read_text(encoding="utf-8")
