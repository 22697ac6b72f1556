"""Notes on the older form, each with the fix that rewrites it."""

from __future__ import annotations

from collections.abc import Iterator

from dag_lsp.findings import OLDER_FORM, Edit, Finding, Fix
from dag_lsp.model import Answer, Property, Ref, Span, Tree


def check(tree: Tree) -> Iterator[Finding]:
    """`name:` for the title, and answers written `label [target]`."""
    name = tree.header_field("name")
    if name is not None:
        yield _older_title(tree, name)

    if tree.elimination:
        return
    for question in tree.questions:
        for answer in question.answers:
            if not answer.arrow and len(answer.targets) == 1:
                yield _older_answer(tree, answer, answer.targets[0])


def _older_title(tree: Tree, name: Property) -> Finding:
    """`name:` for the title: renamed, or removed beside a `dag:`."""
    if tree.header_field("dag") is None:
        fix = Fix("Write 'dag:'", (Edit.on(name.key.span, "dag"),))
        message = "'name:' is the older form of the title: write 'dag:'"
        return Finding(OLDER_FORM, name.key.span, message, fixes=(fix,))

    line, lines = name.key.span.line, tree.source.lines
    whole = (
        Edit(line, 0, line + 1, 0, "")
        if line + 1 < len(lines)
        else Edit(line, 0, line, len(lines[line]), "")
    )
    fix = Fix("Remove 'name:'", (whole,))
    message = "'name:' is the older form of the title, which 'dag:' gives: remove it"
    return Finding(OLDER_FORM, name.key.span, message, fixes=(fix,))


def _older_answer(tree: Tree, answer: Answer, target: Ref) -> Finding:
    written = f"[{target.id}]" if target.outcome else target.id
    rewrite = f"{answer.label.value} -> {written}"
    line = answer.label.span.line
    close = tree.source.lines[line].index("]", target.span.end) + 1
    span = Span(line, answer.label.span.start, close)
    message = f"'label [target]' is the older form of an answer: write '{rewrite}'"
    fix = Fix(f"Write '{rewrite}'", (Edit.on(span, rewrite),))
    return Finding(OLDER_FORM, span, message, fixes=(fix,))
