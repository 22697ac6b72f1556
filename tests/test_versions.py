"""What an editor's `Analyzer` keeps between versions is what a fresh one finds.

The server hands each version of a document to the document's `Analyzer`,
which carries over from the last version the chunks of lines an edit did
not touch and, while the tree's shape holds, the findings across the whole
tree. Whatever it carries over must give, for every version, the findings
a fresh analysis of the same text gives: every finding with its place, its
message, its related places and its fixes, each edit of a fix with its
positions.

The trees are small and built from blocks of every kind, often broken;
the edits are mostly the small ones that leave the shape of a tree alone
(a blank, a letter, a character deleted, an id changed), placed anywhere
on a line, on the last lines, or next to the characters whose columns
matter (`]`, `[`, `:` and line ends). Before the shape held every line but
its free text, each kind of stale finding the tests at the end pin down
failed 2-5% of the examples, so that 300 examples found each of them all
but surely.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from dag_lsp import reader
from dag_lsp.analysis import Analyzer
from dag_lsp.findings import Edit as TextEdit
from dag_lsp.findings import Finding

_QUESTIONS = ["Q1", "Q2", "Q3"]
_OUTCOMES = ["A", "B", "C", "D"]

_QUESTION = st.sampled_from(_QUESTIONS)
_OUTCOME = st.sampled_from(_OUTCOMES)
_TARGET = _QUESTION | _OUTCOME.map("[{}]".format)

# Answers in every form, and a `when:`: `{}` is a target, `{o}` an outcome,
# `{q}` a question.
_ANSWER_FORMS = [
    "  yes -> {}",
    "  no  -> {}",
    "  A: Some label -> {}",
    "  B: Low [{o}]",
    "  C: Spaced [ {o} ]",
    "  D: Next [{q}]",
    "  E: Many -> [A, {o}]",
    "  when: Q1=yes",
]
_ANSWER = st.builds(
    lambda form, target, o, q: form.format(target, o=o, q=q),
    st.sampled_from(_ANSWER_FORMS),
    _TARGET,
    _OUTCOME,
    _QUESTION,
)
_ANSWERS = st.lists(_ANSWER, max_size=3)

_HINT = st.sampled_from([[], ["  hint: Take your time."]])
# An answer that lost its indentation, with answers indented under it: all
# of them still lead on from the question above.
_UNINDENTED = st.builds(
    lambda target, answers: [f"A: Yes -> {target}", *answers],
    _TARGET,
    st.lists(_ANSWER, min_size=1, max_size=2),
)
_LOST = st.builds(
    lambda first, second: [f"A: Yes -> {first}", f"  no -> {second}"],
    _TARGET,
    _TARGET,
)


def _question_block(ident: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """A question, its hint and answers, and at times answers it lost."""
    return st.builds(
        lambda ident, hint, answers, lost: [
            f"{ident}: What now?",
            *hint,
            *answers,
            *lost,
        ],
        ident,
        _HINT,
        _ANSWERS,
        st.just([]) | _LOST,
    )


_PROPERTIES = st.lists(
    st.sampled_from(
        ["  description: short", "  color: #fff", "  colour: red", "  url: to -> [B]"]
    ),
    max_size=2,
)
# A head with a character no id holds is a syntax error, read for its id.
_OUTCOME_BLOCK = st.builds(
    lambda ident, mistake, props: [f"[{ident}{mistake}]: An outcome", *props],
    _OUTCOME,
    st.sampled_from(["", "", "é"]),
    _PROPERTIES,
)
_OTHER_BLOCK = st.sampled_from(
    [["# a comment"], ["routes:", "  r: Q1=yes -> [A]"], ["dag: Late"], [""]]
)
_BLOCK = _question_block(_QUESTION) | _OUTCOME_BLOCK | _UNINDENTED | _OTHER_BLOCK
_HEADER = st.sampled_from(
    [
        ["dag: T", "entry: Q1"],
        ["name: Old", "version: 1", "entry: Q1"],
        ["dag: T", "name: Old", "entry: Q1"],
        ["dag: T", "entry: Q1", "mode: elimination"],
    ]
)


@st.composite
def trees(draw: st.DrawFn) -> str:
    """A header, the entry question, random blocks and two outcomes last, so
    that the last block, often unreachable, follows a line of free text."""
    lines = [*draw(_HEADER), "", *draw(_question_block(st.just("Q1")))]
    for block in draw(st.lists(_BLOCK, min_size=1, max_size=6)):
        lines.extend(block)
    lines.extend(draw(_OUTCOME_BLOCK) + draw(_OUTCOME_BLOCK))
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


class Edit(NamedTuple):
    """Delete `deleted` characters at a place and insert `inserted`.

    The place is `("line", line, column)`, taken modulo the lines and
    columns of the version edited; `("end", n, column)`, on the `n`-th line
    from the end; or `(anchor, n, offset)`, `offset` characters from the
    `n`-th occurrence of `anchor` (modulo their count).
    """

    place: tuple[str, int, int]
    deleted: int
    inserted: str

    def apply(self, text: str) -> str:
        at = _offset(text, self.place)
        return text[:at] + self.inserted + text[at + self.deleted :]


class Rename(NamedTuple):
    """Replace the `n`-th id in the text (modulo their count) by `ident`."""

    n: int
    ident: str

    def apply(self, text: str) -> str:
        found = list(_ID.finditer(text))
        if not found:
            return text
        match = found[self.n % len(found)]
        return text[: match.start()] + self.ident + text[match.end() :]


_ID = re.compile(r"\b(?:Q[1-3]|[A-D])\b")


def _offset(text: str, place: tuple[str, int, int]) -> int:
    """Where a place is in the text, as an index (see `Edit`)."""
    kind, n, column = place
    if kind in ("line", "end"):
        rows = text.split("\n")
        line = n % len(rows) if kind == "line" else max(len(rows) - n, 0)
        before = sum(len(row) + 1 for row in rows[:line])
        return before + column % (len(rows[line]) + 1)

    starts = [match.start() for match in re.finditer(re.escape(kind), text)]
    if not starts:
        return 0
    return max(starts[n % len(starts)] + column, 0)


_ANYWHERE = st.tuples(st.just("line"), st.integers(0, 99), st.integers(0, 99))
# The last lines, where fixes that remove the last block or add one at the
# end of the file take their columns from.
_LAST_LINES = st.tuples(st.just("end"), st.integers(1, 4), st.integers(0, 99))
_NEAR = st.tuples(
    st.sampled_from(["]", "\n", ":", "["]),
    st.integers(0, 99),
    st.sampled_from([0, -1]),
)
_PLACE = _ANYWHERE | _LAST_LINES | _NEAR
_PIECES = ["->", "[", "]", ":", "\n", "  ", "#", "A", "Q1", ",", "é"]
# Mostly changes that leave the shape alone, so that findings are kept.
_EDIT = (
    st.builds(Edit, _PLACE, st.just(0), st.sampled_from([" ", "  ", "x"]))
    | st.builds(Edit, _PLACE, st.just(1), st.just(""))
    | st.builds(Edit, _PLACE, st.integers(0, 3), st.sampled_from(_PIECES))
)
_RENAME = st.builds(Rename, st.integers(0, 99), st.sampled_from(_QUESTIONS + _OUTCOMES))
EDITS = st.lists(_EDIT | _RENAME, min_size=5, max_size=20)


@settings(max_examples=300, deadline=None)
@given(trees(), EDITS, st.sampled_from([2, 64]))
def test_each_version_finds_what_a_fresh_analysis_finds(
    text: str, edits: list[Edit | Rename], group: int
) -> None:
    """Findings and fixes equal, after every edit; chunks grouped by two too,
    so that whole groups are kept as well as single chunks."""
    with mock.patch.object(reader, "_GROUP", group):
        analyzer = Analyzer()
        analyzer.analyze(text)

        for edit in edits:
            text = edit.apply(text)
            kept = analyzer.analyze(text).findings
            assert kept == Analyzer().analyze(text).findings, text


def _edited(text: str, line: int, start: int, end: int, new: str) -> str:
    """The text with characters `start` to `end` of `line` replaced."""
    rows = text.split("\n")
    rows[line] = rows[line][:start] + new + rows[line][end:]
    return "\n".join(rows)


def _second_version(
    text: str, line: int, start: int, end: int, new: str
) -> list[Finding]:
    """The findings of an edited version, kept from the first, once shown
    equal to a fresh analysis's."""
    analyzer = Analyzer()
    analyzer.analyze(text)
    edited = _edited(text, line, start, end, new)

    kept = analyzer.analyze(edited).findings
    assert kept == Analyzer().analyze(edited).findings
    return kept


def test_removing_the_last_block_starts_where_the_line_above_now_ends() -> None:
    text = (
        "dag: T\nentry: Q1\n\nQ1: q\n  yes -> [A]\n  no -> [A]\n\n"
        "[A]: a\n  description: short\n[B]: b\n"
    )
    found = _second_version(text, 8, 20, 20, "ened")

    [unreachable] = [f for f in found if f.code == "DAG003"]
    assert unreachable.fixes[0].edits == (TextEdit(8, 24, 9, 6, ""),)


def test_an_older_form_answer_is_rewritten_up_to_its_bracket_as_moved() -> None:
    text = (
        "name: Old\nversion: 1\nentry: Q1\n\nQ1: pick\n"
        "  A: Low [CHEAP]\n  B: High [PRICEY]\n"
    )
    found = _second_version(text, 5, 15, 15, " ")

    [older] = [f for f in found if f.code == "DAG018" and f.span.line == 5]
    assert (older.span.start, older.span.end) == (2, 17)
    assert older.fixes[0].edits == (TextEdit(5, 2, 5, 17, "A: Low -> [CHEAP]"),)


def test_answers_under_an_unindented_answer_reach_their_new_targets() -> None:
    text = (
        "dag: T\nentry: Q1\n\nQ1: q\n  yes -> [A]\n\n"
        "A: Yes -> Q1\n  no -> [A]\n\n[A]: a\n[B]: b\n"
    )
    found = _second_version(text, 7, 9, 10, "B")

    assert [f.code for f in found] == ["DAG001"]


def test_a_property_under_a_malformed_head_reaches_its_new_target() -> None:
    """An arrow in such a line counts for the flow, though a property's value
    is free text elsewhere."""
    text = (
        "dag: T\nentry: Q1\n\nQ1: q\n  yes -> [A]\n"
        "[Bé]: x\n  description: go -> [A]\n[A]: a\n[C]: c\n"
    )
    found = _second_version(text, 6, 22, 23, "C")

    assert [f.code for f in found] == ["DAG001"]
