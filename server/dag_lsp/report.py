"""Report: findings rendered for people (text), tools (JSON) and CI (GitHub).

Lines and columns are 1-based here, columns counted in characters, as
`path:line:column: severity CODE message`.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from dag_lsp.findings import Finding, Severity

FORMATS = ("text", "json", "github")

_GITHUB_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.NOTE: "notice",
}


class Located(NamedTuple):
    """A finding and the name of the file it is in."""

    path: str
    finding: Finding


def render(found: list[Located], output_format: str) -> str:
    """All findings in one output format, ready to print (may be empty)."""
    if output_format == "json":
        import json

        return json.dumps(
            [_record(item) for item in found], indent=2, ensure_ascii=False
        )
    if output_format == "github":
        return "\n".join(_github(item) for item in found)
    return "\n".join(_text(item) for item in found)


def summary(found: list[Located], files: int, unreadable: int = 0) -> str:
    """One line counting findings by severity, for standard error.

    `files` counts the files read; paths that could not be read are counted
    apart, so that a missing file is never reported as checked.
    """
    counts = Counter(item.finding.severity for item in found)
    parts = [
        _plural(counts[severity], severity.label)
        for severity in Severity
        if counts[severity]
    ]
    where = _plural(files, "file")
    within = len({item.path for item in found})
    if parts and within < files:
        where = f"{within} of {where}"
    line = f"{', '.join(parts)} in {where}" if parts else f"no problems in {where}"
    if unreadable:
        line += f"; {_plural(unreadable, 'path')} could not be read"
    return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _text(item: Located) -> str:
    finding = item.finding
    line, column = finding.span.line + 1, finding.span.start + 1
    return (
        f"{item.path}:{line}:{column}: "
        f"{finding.severity.label} {finding.code} {finding.message}"
    )


def _record(item: Located) -> dict[str, object]:
    finding = item.finding
    return {
        "path": item.path,
        "line": finding.span.line + 1,
        "column": finding.span.start + 1,
        "end_line": finding.span.line + 1,
        "end_column": finding.span.end + 1,
        "severity": finding.severity.label,
        "code": finding.code,
        "name": finding.check.name,
        "message": finding.message,
    }


def _github(item: Located) -> str:
    finding = item.finding
    fields = {
        "file": item.path,
        "line": str(finding.span.line + 1),
        "col": str(finding.span.start + 1),
        "endColumn": str(finding.span.end + 1),
        "title": f"{finding.code} {finding.check.name}",
    }
    properties = ",".join(
        f"{key}={_escape(value, True)}" for key, value in fields.items()
    )
    level = _GITHUB_LEVEL[finding.severity]
    return f"::{level} {properties}::{_escape(finding.message, False)}"


def _escape(value: str, in_property: bool) -> str:
    """Escape a value for a GitHub workflow command."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value
