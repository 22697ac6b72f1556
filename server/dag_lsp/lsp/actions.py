"""Code actions: the fixes the checks offer, as quick fixes.

Each fix of a finding in the requested range becomes a quick fix carrying
the diagnostic it resolves (the same one that was published), so a client
lists it under that diagnostic. New lines in a fix are written with the
document's own line ending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.findings import Finding, Fix
from dag_lsp.lsp import diagnostics
from dag_lsp.lsp.documents import Version
from dag_lsp.lsp.edits import workspace_edit

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer

_KIND = types.CodeActionKind.QuickFix


def code_actions(
    ls: DagServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """Quick fixes for the findings in the requested range."""
    uri = params.text_document.uri
    version = ls.documents.version(uri)
    if version is None:
        return None
    if params.context.only and _KIND not in params.context.only:
        return []

    start = version.positions.point(params.range.start)
    end = version.positions.point(params.range.end)
    published = diagnostics.diagnostics(ls, uri, version)
    return [
        _action(ls, uri, version, fix, diagnostic, preferred=index == 0)
        for finding, diagnostic in zip(
            version.analysis.findings, published, strict=True
        )
        if _overlaps(finding, start, end)
        for index, fix in enumerate(finding.fixes)
    ]


def _overlaps(finding: Finding, start: tuple[int, int], end: tuple[int, int]) -> bool:
    span = finding.span
    return (span.line, span.start) <= end and (span.line, span.end) >= start


def _action(
    ls: DagServer,
    uri: str,
    version: Version,
    fix: Fix,
    diagnostic: types.Diagnostic,
    preferred: bool,
) -> types.CodeAction:
    positions = version.positions
    newline = version.analysis.tree.source.newline
    edits = [
        types.TextEdit(
            range=positions.edit_range(edit), new_text=edit.text.replace("\n", newline)
        )
        for edit in fix.edits
    ]
    return types.CodeAction(
        title=fix.title,
        kind=_KIND,
        diagnostics=[diagnostic],
        is_preferred=preferred,
        edit=workspace_edit(ls, uri, version, edits),
    )


def register(ls: DagServer) -> None:
    """Add quick fixes to the server."""
    options = types.CodeActionOptions(code_action_kinds=[_KIND])
    ls.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)(code_actions)
