"""What an editor's `Analyzer` keeps between versions is what a fresh one finds.

The server hands each version of a document to the document's `Analyzer`,
which carries over from the last version the chunks of lines an edit did
not touch and, while the tree's shape holds, the findings across the whole
tree. Whatever it carries over must give, for every version, the findings
a fresh analysis of the same text gives: every finding with its place, its
message, its related places and its fixes, each edit of a fix with its
positions.
"""

from __future__ import annotations

from dag_lsp.analysis import Analyzer
from dag_lsp.findings import Edit as TextEdit
from dag_lsp.findings import Finding


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


def test_removing_the_last_block_starts_at_the_end_of_the_line_above_as_edited() -> (
    None
):
    text = (
        "dag: T\nentry: Q1\n\nQ1: q\n  yes -> [A]\n  no -> [A]\n\n"
        "[A]: a\n  description: short\n[B]: b\n"
    )
    found = _second_version(text, 8, 20, 20, "ened")

    [unreachable] = [f for f in found if f.code == "DAG003"]
    assert unreachable.fixes[0].edits == (TextEdit(8, 24, 9, 6, ""),)


def test_an_older_form_answer_is_rewritten_up_to_its_bracket_as_edited() -> None:
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
