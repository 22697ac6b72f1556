"""DOT: a tree as a Graphviz digraph.

The last step of the flow for `dag-lsp --export dot`: it writes the
`diagram.py` picture in the DOT language. Every id and label is a quoted
string: a backslash is doubled (DOT reads `\\n`, `\\N`, ... in labels as
escapes) and a double quote is escaped; wrapped lines are joined with
DOT's `\\n`. Node ids are the tree's own ids, which are unique in a file
without errors (a duplicate id draws one box).
"""

from __future__ import annotations

from dag_lsp.export.diagram import Arrow, Node, Shape, diagram, ink
from dag_lsp.model import Tree

INDENT = "  "
PLAIN = "#f1f5f9"  # the fill of an outcome without a color
_STYLE = {
    Shape.QUESTION: 'shape="box"',
    Shape.OUTCOME: 'shape="box", style="rounded,filled"',
    Shape.MISSING: 'shape="hexagon", style="dashed"',
}


def dot(tree: Tree) -> str:
    """The Graphviz DOT source of a tree."""
    drawn = diagram(tree)
    lines = [f"digraph {quote(drawn.title or 'decision tree')} {{"]
    lines += [INDENT + line for line in _defaults(drawn.title)]
    lines += [INDENT + _node(node) for node in drawn.nodes]
    lines += [INDENT + _arrow(arrow) for arrow in drawn.arrows]
    return "\n".join([*lines, "}"]) + "\n"


def quote(text: str) -> str:
    """Text as a DOT quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lines(lines: tuple[str, ...]) -> str:
    return '"' + "\\n".join(quote(line)[1:-1] for line in lines) + '"'


def _defaults(title: str | None) -> list[str]:
    found = ['node [fontname="Helvetica"];', 'edge [fontname="Helvetica"];']
    if title:
        found.insert(
            0, f'graph [label={quote(title)}, labelloc="t", fontname="Helvetica"];'
        )
    return found


def _node(node: Node) -> str:
    attributes = [f"label={_lines(node.lines)}", _STYLE[node.shape]]
    if node.shape is Shape.OUTCOME:
        color = node.color or PLAIN
        attributes.append(f'fillcolor="{color}", fontcolor="{ink(color)}"')
    return f"{quote(node.id)} [{', '.join(attributes)}];"


def _arrow(arrow: Arrow) -> str:
    attributes = [f"label={_lines(arrow.lines)}"] if arrow.lines else []
    if arrow.dashed:
        attributes.append('style="dashed"')
    suffix = f" [{', '.join(attributes)}]" if attributes else ""
    return f"{quote(arrow.source)} -> {quote(arrow.target)}{suffix};"
