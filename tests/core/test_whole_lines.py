"""The whole-line tokens read a line exactly as the full rules do."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dag_lsp.syntax import Place, _whole_lines, parse_by_rule, parse_line

ROOT = Path(__file__).resolve().parents[2]

_PIECES = [
    "Q1",
    "[A]",
    "[ A ]",
    "[A, B]",
    "[ A ,B ]",
    ", ",
    "->",
    " -> ",
    "=>",
    "-->",
    "→",
    ":",
    " : ",
    "#",
    "hint",
    "when",
    "yes",
    "no",
    "A: ",
    "Sí — claro",
    "漢字",
    "🙂",
    " ",
    "  ",
    "\t",
    "-",
    "[",
    "]",
    ",",
    "x",
    "color",
    "#22c55e",
    "Q2 ",
    "a-b",
    "=",
    "é",
]


def _same(text: str, place: Place) -> None:
    indent = len(text) - len(text.lstrip(" \t"))
    if indent == len(text):
        return
    matched = any(p.match(text, indent) for p, _ in _whole_lines(place))
    if matched:
        assert parse_line(text, indent, place) == parse_by_rule(text, indent, place)


def test_every_line_of_the_project_trees_reads_the_same() -> None:
    trees = [*ROOT.glob("examples/*.dag"), *ROOT.glob("tests/golden/**/*.dag")]
    assert trees
    for tree in trees:
        for line in tree.read_text(encoding="utf-8").splitlines():
            for place in Place:
                _same(line, place)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8),
    st.sampled_from(["", "  ", "\t"]),
    st.sampled_from(list(Place)),
)
def test_random_lines_read_the_same(
    pieces: list[str], indent: str, place: Place
) -> None:
    _same(indent + "".join(pieces), place)
