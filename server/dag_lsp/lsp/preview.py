"""Preview: a document's diagram for an editor's live preview beside it.

An adapter at the end of the flow (model → `export.dot` → here). The
custom request `dag/diagram`, with params `{"textDocument": {"uri": ...}}`,
answers for the current version of an open document (null for a document
that is not open):

- `version`: the document version the answer describes;
- `format` (`"dot"`) and `source`: the Graphviz DOT source of the tree,
  which names each box by the tree's own id; null when the document has
  syntax errors, and then
- `error`: the first syntax error, `{"message", "range"}` (else null);
- `nodes`: one `{"id", "kind", "range"}` per box, where `kind` is
  `question`, `outcome` or `missing` and `range` is where to go when the
  box is clicked: the id's definition, or its first use for an id that
  has none (every box stands for one or the other). These come from the
  current version even when `source` is null, so a preview that keeps
  its last good picture still leads to the right lines.

Ranges are in the position encoding the client negotiated, like every
other position the server sends (`positions.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pygls.exceptions import JsonRpcInvalidParams

from dag_lsp.export.diagram import Node, diagram
from dag_lsp.export.dot import dot
from dag_lsp.lsp.documents import Version

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer

METHOD = "dag/diagram"
FORMAT = "dot"


def diagram_of(ls: DagServer, params: Any) -> dict[str, object] | None:
    """The diagram of the current version of a document, or None if not open."""
    version = ls.documents.version(_uri(params))
    if version is None:
        return None
    return answer(version)


def answer(version: Version) -> dict[str, object]:
    """What `dag/diagram` answers for one version of a document."""
    tree = version.analysis.tree
    nodes = [_node(version, node) for node in diagram(tree).nodes]
    problem = tree.syntax[0] if tree.syntax else None
    error = None
    if problem is not None:
        where = version.positions.range(problem.span)
        error = {"message": problem.message, "range": where}
    return {
        "version": version.number,
        "format": FORMAT,
        "source": None if problem else dot(tree),
        "error": error,
        "nodes": nodes,
    }


def _uri(params: Any) -> str:
    """The document's URI from the params; pygls gives them as named tuples."""
    document = getattr(params, "textDocument", None)
    uri = getattr(document, "uri", None)
    if not isinstance(uri, str):
        raise JsonRpcInvalidParams(f"{METHOD} expects {{textDocument: {{uri}}}}")
    return uri


def _node(version: Version, node: Node) -> dict[str, object]:
    """A box's id, its kind and the range a click on it goes to."""
    queries = version.queries
    spans = queries.definitions(node.id) or queries.references(node.id, False)
    where = version.positions.range(spans[0])
    return {"id": node.id, "kind": node.shape.value, "range": where}


def register(ls: DagServer) -> None:
    """Add the diagram request to the server."""
    ls.feature(METHOD)(diagram_of)
