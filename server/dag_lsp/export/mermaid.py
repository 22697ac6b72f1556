"""Mermaid: a tree as a `flowchart TD` that code-hosting sites render.

The last step of the flow for `dag-lsp --export mermaid`: it writes the
`diagram.py` picture in Mermaid's syntax. Node ids are made from the tree's
ids, kept to letters, digits and `_` behind a prefix (`q_` for questions,
`r_` for outcomes, `u_` for targets that are not defined), so that no id
is a Mermaid keyword (`end`) or reads as part of an arrow. Every label is
written in double quotes with the characters Mermaid would otherwise read
(`"`, `#`, `<`, `>`, `&`, `|`, a backquote) as its `#name;` or `#code;`
entities; any other character, dashes and emoji included, stays as it is.
Wrapped lines are joined with `<br>`.
"""

from __future__ import annotations

import json
import re

from dag_lsp.export.diagram import Arrow, Diagram, Node, Shape, diagram, ink
from dag_lsp.model import Tree

_PREFIX = {Shape.QUESTION: "q_", Shape.OUTCOME: "r_", Shape.MISSING: "u_"}
_SHAPE = {
    Shape.QUESTION: ("[", "]"),
    Shape.OUTCOME: ("([", "])"),
    Shape.MISSING: ("{{", "}}"),
}
_ENTITIES = str.maketrans(
    {
        '"': "#quot;",
        "#": "#35;",
        "<": "#lt;",
        ">": "#gt;",
        "&": "#amp;",
        "|": "#124;",
        "`": "#96;",
        # What Mermaid's reader takes for the end of a line: the separators
        # as entities, the controls (which a browser would not show, and an
        # entity of would show as another character) as spaces.
        "\u2028": "#8232;",
        "\u2029": "#8233;",
        **{c: " " for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85"},
    }
)
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")
INDENT = "    "


def mermaid(tree: Tree) -> str:
    """The Mermaid flowchart of a tree."""
    drawn = diagram(tree)
    names = _names(drawn)
    lines = [*_title(drawn.title), "flowchart TD"]
    lines += [INDENT + _node(node, names[node.id]) for node in drawn.nodes]
    lines += [INDENT + _arrow(arrow, names) for arrow in drawn.arrows]
    lines += [
        INDENT + _style(node, names[node.id]) for node in drawn.nodes if node.color
    ]
    return "\n".join(lines) + "\n"


def label(lines: tuple[str, ...]) -> str:
    """Lines of text as one quoted Mermaid label."""
    return '"' + "<br>".join(line.translate(_ENTITIES) for line in lines) + '"'


def _title(title: str | None) -> list[str]:
    """Front matter with the title; a JSON string is a valid YAML scalar."""
    if not title:
        return []
    quoted = json.dumps(title, ensure_ascii=False)
    for breaking in "\x85\u2028\u2029":  # line breaks to some YAML readers
        quoted = quoted.replace(breaking, f"\\u{ord(breaking):04x}")
    return ["---", f"title: {quoted}", "---"]


def _names(drawn: Diagram) -> dict[str, str]:
    """A distinct, safe Mermaid id for each node."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for node in drawn.nodes:
        base = _PREFIX[node.shape] + _UNSAFE.sub("_", node.id)
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name)
        names.setdefault(node.id, name)
    return names


def _node(node: Node, name: str) -> str:
    opening, closing = _SHAPE[node.shape]
    return f"{name}{opening}{label(node.lines)}{closing}"


def _arrow(arrow: Arrow, names: dict[str, str]) -> str:
    source, target = names[arrow.source], names[arrow.target]
    line = "-.->" if arrow.dashed else "-->"
    if not arrow.lines:
        return f"{source} {line} {target}"
    return f"{source} {line}|{label(arrow.lines)}| {target}"


def _style(node: Node, name: str) -> str:
    assert node.color is not None
    return f"style {name} fill:{node.color},stroke:{node.color},color:{ink(node.color)}"
