"""Helpers for the core tests: findings as tuples, a tree's meaning, the CLI.

The tests of the language core (source → syntax → reader → model → checks
and formatter → command line) compare what they get through these small
views, so a failing test shows lines and columns as an editor does.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from dag_lsp import syntax
from dag_lsp.checks import check
from dag_lsp.findings import Edit, Finding
from dag_lsp.model import Property, Question, Route, Tree
from dag_lsp.reader import read

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def findings(text: str) -> list[Finding]:
    """Every finding of a text."""
    return check(read(text))


def located(text: str) -> list[tuple[int, int, str]]:
    """The findings of a text as `(line, column, code)`, both 1-based."""
    return [(f.span.line + 1, f.span.start + 1, f.code) for f in findings(text)]


def codes(text: str) -> list[str]:
    """The codes of the findings of a text, in order."""
    return [f.code for f in findings(text)]


def only(text: str, code: str) -> list[Finding]:
    """The findings of one code."""
    return [f for f in findings(text) if f.code == code]


def lines(*rows: str) -> str:
    """Join rows into a file's text with LF endings and a final newline."""
    return "\n".join(rows) + "\n"


def apply_edits(text: str, edits: tuple[Edit, ...]) -> str:
    """Apply non-overlapping edits (positions in LF-split lines) to a text."""
    rows = text.split("\n")
    offsets = [0]
    for row in rows:
        offsets.append(offsets[-1] + len(row) + 1)

    result = text
    ordered = sorted(edits, key=lambda e: (e.line, e.start), reverse=True)
    for edit in ordered:
        start = offsets[edit.line] + edit.start
        end = offsets[edit.end_line] + edit.end
        result = result[:start] + edit.text + result[end:]
    return result


def meaning(tree: Tree) -> dict[str, object]:
    """What a tree says, without where it says it or how it is laid out."""
    header = sorted([*tree.header, *tree.unknown_header], key=lambda p: p.key.span.line)
    return {
        "header": [(p.key.value, p.value.value) for p in header],
        "questions": [_question(q) for q in tree.questions],
        "outcomes": [
            (o.id.value, o.label.value, o.implicit, _pairs(o.properties))
            for o in tree.outcomes
        ],
        "routes": [_route(route) for route in tree.routes],
        "comments": [
            node.text.text for node in tree.nodes if isinstance(node, syntax.Comment)
        ],
    }


def text_meaning(text: str) -> dict[str, object]:
    """The meaning of a text."""
    return meaning(read(text))


def _pairs(properties: list[Property]) -> list[tuple[str, str]]:
    return [(p.key.value, p.value.value) for p in properties]


def _question(question: Question) -> tuple[object, ...]:
    return (
        question.id.value,
        question.text.value,
        question.hint.value if question.hint else None,
        [(c.question.id, c.answer.value) for c in question.when],
        [
            (
                a.label.value,
                a.name.value,
                [(t.id, t.outcome) for t in a.targets],
                a.arrow,
                a.listed,
            )
            for a in question.answers
        ],
        _pairs(question.properties),
    )


def _route(route: Route) -> tuple[object, ...]:
    steps = [(s.question.id, s.answer.value) for s in route.steps]
    return (route.name.value, steps, [ref.id for ref in route.outcomes])


@dataclass(frozen=True)
class Run:
    """What a command printed and how it ended."""

    status: int
    out: str
    err: str


def dag_lsp(
    *args: str, stdin: bytes | str = b"", cwd: Path | None = None, script: bool = False
) -> Run:
    """Run `python -m dag_lsp` (or the `dag-lsp` script) as a subprocess."""
    command = [script_path()] if script else [sys.executable, "-m", "dag_lsp"]
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [*command, *args], input=data, capture_output=True, cwd=cwd, timeout=120
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8"),
        done.stderr.decode("utf-8"),
    )


def script_path() -> str:
    """The `dag-lsp` console script installed beside this Python."""
    path = Path(sys.executable).with_name("dag-lsp")
    assert path.exists(), f"the dag-lsp script is not installed at {path}"
    return str(path)
