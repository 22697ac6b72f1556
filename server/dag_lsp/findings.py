"""Findings: what the checks report, in one neutral shape.

A `Finding` is rendered twice, by adapters that know nothing of the checks:
as a line of `dag-lsp --check` output and as an LSP diagnostic. Each check
has a stable code, a short name and a default severity, listed in `CHECKS`
and in `docs/language.md`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from dag_lsp.model import Span


class Severity(IntEnum):
    """How serious a finding is; the numbers are the LSP's."""

    ERROR = 1
    WARNING = 2
    NOTE = 3

    @property
    def label(self) -> str:
        return self.name.lower()


class Check(NamedTuple):
    """A kind of finding."""

    code: str
    name: str
    severity: Severity


class Edit(NamedTuple):
    """Replace the text from (`line`, `start`) to (`end_line`, `end`)."""

    line: int
    start: int
    end_line: int
    end: int
    text: str

    @classmethod
    def on(cls, span: Span, text: str) -> Edit:
        """Replace the text of a one-line span."""
        return cls(span.line, span.start, span.line, span.end, text)


class Fix(NamedTuple):
    """A change that resolves a finding, as a code action offers it."""

    title: str
    edits: tuple[Edit, ...]


class Related(NamedTuple):
    """Another place that explains a finding."""

    span: Span
    message: str


class Finding(NamedTuple):
    """One problem at one place."""

    check: Check
    span: Span
    message: str
    related: tuple[Related, ...] = ()
    fixes: tuple[Fix, ...] = ()
    unnecessary: bool = False

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def severity(self) -> Severity:
        return self.check.severity


def _check(code: str, name: str, severity: Severity) -> Check:
    return Check(code, name, severity)


SYNTAX = _check("DAG001", "syntax-error", Severity.ERROR)
UNDEFINED = _check("DAG002", "undefined-target", Severity.ERROR)
UNREACHABLE = _check("DAG003", "unreachable", Severity.WARNING)
MISSING_TITLE = _check("DAG004", "missing-title", Severity.ERROR)
MISSING_ENTRY = _check("DAG005", "missing-entry", Severity.ERROR)
UNKNOWN_ENTRY = _check("DAG006", "unknown-entry", Severity.ERROR)
DUPLICATE_ID = _check("DAG007", "duplicate-id", Severity.ERROR)
CYCLE = _check("DAG008", "cycle", Severity.ERROR)
NO_ANSWERS = _check("DAG009", "no-answers", Severity.ERROR)
DUPLICATE_LABEL = _check("DAG010", "duplicate-label", Severity.ERROR)
LIST_OUTSIDE = _check("DAG011", "list-outside-elimination", Severity.ERROR)
SINGLE_IN_ELIMINATION = _check("DAG012", "single-target-in-elimination", Severity.ERROR)
UNKNOWN_HEADER = _check("DAG013", "unknown-header-key", Severity.WARNING)
UNKNOWN_PROPERTY = _check("DAG014", "unknown-property", Severity.WARNING)
INVALID_COLOR = _check("DAG015", "invalid-color", Severity.ERROR)
UNKNOWN_WHEN = _check("DAG016", "unknown-when", Severity.ERROR)
BROKEN_ROUTE = _check("DAG017", "broken-route", Severity.ERROR)
OLDER_FORM = _check("DAG018", "older-form", Severity.NOTE)
IMPLICIT_OUTCOME = _check("DAG019", "implicit-outcome", Severity.NOTE)
INVALID_MODE = _check("DAG020", "invalid-mode", Severity.ERROR)
DUPLICATE_HEADER = _check("DAG021", "duplicate-header-key", Severity.WARNING)
DUPLICATE_PROPERTY = _check("DAG022", "duplicate-property", Severity.WARNING)
WHEN_AGAINST = _check("DAG023", "when-contradicted", Severity.WARNING)
DUPLICATE_IN_LIST = _check("DAG024", "duplicate-in-list", Severity.WARNING)
EMPTY_TEXT = _check("DAG025", "empty-text", Severity.WARNING)
WHEN_AHEAD = _check("DAG026", "when-never-holds", Severity.ERROR)

CHECKS = (
    SYNTAX,
    UNDEFINED,
    UNREACHABLE,
    MISSING_TITLE,
    MISSING_ENTRY,
    UNKNOWN_ENTRY,
    DUPLICATE_ID,
    CYCLE,
    NO_ANSWERS,
    DUPLICATE_LABEL,
    LIST_OUTSIDE,
    SINGLE_IN_ELIMINATION,
    UNKNOWN_HEADER,
    UNKNOWN_PROPERTY,
    INVALID_COLOR,
    UNKNOWN_WHEN,
    BROKEN_ROUTE,
    OLDER_FORM,
    IMPLICIT_OUTCOME,
    INVALID_MODE,
    DUPLICATE_HEADER,
    DUPLICATE_PROPERTY,
    WHEN_AGAINST,
    DUPLICATE_IN_LIST,
    EMPTY_TEXT,
    WHEN_AHEAD,
)
