"""Diagnostics: the findings of the core checks, as the client shows them.

Each version's findings are published once, right after the version is
analyzed, with the version number they belong to; a version that is no
longer the document's latest is never published. Closing a document clears
its diagnostics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.findings import Finding
from dag_lsp.lsp.documents import Version
from dag_lsp.lsp.positions import Positions

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer

SOURCE = "dag-lsp"

_SEVERITIES = {
    1: types.DiagnosticSeverity.Error,
    2: types.DiagnosticSeverity.Warning,
    3: types.DiagnosticSeverity.Information,
}


def to_diagnostic(
    finding: Finding, positions: Positions, uri: str, related: bool
) -> types.Diagnostic:
    """The diagnostic of one finding; `related` when the client shows them."""
    unnecessary = [types.DiagnosticTag.Unnecessary] if finding.unnecessary else None
    return types.Diagnostic(
        range=positions.range(finding.span),
        message=finding.message,
        severity=_SEVERITIES[int(finding.severity)],
        code=finding.code,
        source=SOURCE,
        tags=unnecessary,
        related_information=_related(finding, positions, uri) if related else None,
    )


def _related(
    finding: Finding, positions: Positions, uri: str
) -> list[types.DiagnosticRelatedInformation] | None:
    if not finding.related:
        return None
    return [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=positions.range(item.span)),
            message=item.message,
        )
        for item in finding.related
    ]


def diagnostics(ls: DagServer, uri: str, version: Version) -> list[types.Diagnostic]:
    """The diagnostics of a version, converted once and kept with it."""
    if version.diagnostics is None:
        related = ls.supports("text_document.publish_diagnostics.related_information")
        positions = version.positions
        version.diagnostics = [
            to_diagnostic(finding, positions, uri, related)
            for finding in version.analysis.findings
        ]
    return version.diagnostics


def publish(ls: DagServer, uri: str, version: Version) -> None:
    """Send the diagnostics of a version, unless a newer one exists."""
    if not ls.documents.is_current(uri, version):
        return
    params = types.PublishDiagnosticsParams(
        uri=uri, diagnostics=diagnostics(ls, uri, version), version=version.number
    )
    ls.text_document_publish_diagnostics(params)


def clear(ls: DagServer, uri: str) -> None:
    """Remove the diagnostics of a closed document."""
    params = types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
    ls.text_document_publish_diagnostics(params)
