"""Golden files: whole trees with the findings and the layout they must give.

- `golden/valid/NAME.dag`: clean trees in canonical layout; no finding
  (or exactly those in `NAME.findings`), and formatting changes nothing.
- `golden/invalid/NAME.dag`: broken trees; `NAME.findings` lists every
  finding as `line:column CODE`, one a line, exactly.
- `golden/format/NAME.in.dag`: formatted, must give `NAME.out.dag` byte for
  byte; both must mean the same, and the output must be a fixed point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dag_lsp.findings import Severity
from dag_lsp.formatter import format_text

from .helpers import GOLDEN, findings, text_meaning

VALID = sorted((GOLDEN / "valid").glob("*.dag"))
INVALID = sorted((GOLDEN / "invalid").glob("*.dag"))
FORMAT = sorted((GOLDEN / "format").glob("*.in.dag"))


def read_text(path: Path) -> str:
    """A file's text exactly, line endings and byte-order mark included."""
    return path.read_bytes().decode("utf-8")


def expected_findings(path: Path) -> list[str]:
    """The `line:column CODE` lines of the findings file beside a tree."""
    listing = path.with_suffix(".findings")
    if not listing.exists():
        return []
    return [row for row in listing.read_text(encoding="utf-8").splitlines() if row]


def actual_findings(text: str) -> list[str]:
    return [f"{f.span.line + 1}:{f.span.start + 1} {f.code}" for f in findings(text)]


def test_there_are_golden_files() -> None:
    assert len(VALID) >= 4
    assert len(INVALID) >= 4
    assert len(FORMAT) >= 6


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_trees_give_no_finding(path: Path) -> None:
    text = read_text(path)
    found = findings(text)

    assert actual_findings(text) == expected_findings(path)
    assert all(f.severity is Severity.NOTE for f in found)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_trees_are_in_canonical_layout(path: Path) -> None:
    text = read_text(path)

    assert format_text(text) == text


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_trees_give_exactly_their_findings(path: Path) -> None:
    expected = expected_findings(path)

    assert expected, f"{path.name} needs a .findings file"
    assert actual_findings(read_text(path)) == expected


@pytest.mark.parametrize("path", FORMAT, ids=lambda p: p.name.removesuffix(".in.dag"))
def test_format_golden_pairs(path: Path) -> None:
    before = read_text(path)
    after = read_text(path.with_name(path.name.replace(".in.dag", ".out.dag")))
    formatted = format_text(before)

    assert formatted == after
    assert format_text(formatted) == formatted
    assert text_meaning(formatted) == text_meaning(before)
