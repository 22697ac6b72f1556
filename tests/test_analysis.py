"""An editor's analysis, kept between versions, equals a fresh reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dag_lsp.analysis import Analyzer
from dag_lsp.checks import check
from dag_lsp.formatter import FormatError, format_text
from dag_lsp.reader import read

TREE = """\
# Which laptop fits?
dag: Which laptop fits?
entry: Q1

Q1: What will you mostly do — work or play?
  hint: Pick the one that takes most of your hours.
  A: Work -> Q2
  B: Play -> [GAMING]

Q2: Do you travel every week?
  yes -> [ULTRABOOK]
  no  -> [DESKTOP_REPLACEMENT]

[GAMING]: A gaming laptop
  color: #ef4444

[ULTRABOOK]: A light ultrabook
  color: #22c55e

[DESKTOP_REPLACEMENT]: A 16-inch workhorse
  color: #3b82f6

routes:
  travel: Q1=A, Q2=yes -> [ULTRABOOK]
"""

_PIECES = ["Q", "1", "2", "3", "[", "]", "->", " ", "\n", "  ", ":", "#", "-"]
_PIECES += ["é", "—"]


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[int, int, str]]:
    """A few replacements (start, end, new text) to apply one after another."""
    count = draw(st.integers(1, 6))
    steps = []
    for _ in range(count):
        start = draw(st.integers(0, len(TREE)))
        length = draw(st.integers(0, 12))
        text = "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=4)))
        steps.append((start, start + length, text))
    return steps


@settings(max_examples=150, deadline=None)
@given(edits())
def test_each_version_reads_as_a_fresh_file(steps: list[tuple[int, int, str]]) -> None:
    analyzer = Analyzer()
    text = TREE
    analyzer.analyze(text)

    for start, end, new in steps:
        start = min(start, len(text))
        text = text[:start] + new + text[min(end, len(text)) :]
        assert analyzer.analyze(text).findings == check(read(text))


def test_an_edit_back_and_forth_gives_the_same_findings() -> None:
    analyzer = Analyzer()
    broken = TREE.replace("-> Q2", "-> Q9")

    first = analyzer.analyze(TREE).findings
    middle = analyzer.analyze(broken).findings
    last = analyzer.analyze(TREE).findings

    assert first == last == []
    assert [(f.code, f.span.line, f.span.start) for f in middle] == [
        ("DAG002", 6, 13),
        ("DAG003", 9, 0),
        ("DAG003", 16, 1),
        ("DAG003", 19, 1),
        ("DAG017", 23, 16),
    ]


def test_the_example_tree_is_clean_and_canonical() -> None:
    assert check(read(TREE)) == []
    try:
        assert format_text(TREE) == TREE
    except FormatError as error:  # pragma: no cover - a failure message
        raise AssertionError(str(error)) from error
