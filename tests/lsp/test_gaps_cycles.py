"""A cycle's diagnostic: one related place for each answer around the cycle.

DAG008 is published at the answer that closes the cycle, and its related
information names every answer on the way round, at the exact range of
its target, in the position encoding each client profile negotiates. The
labels before the targets hold an em-dash and an emoji, so UTF-8, UTF-16
and code point columns all differ there.
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor
from .trees import lines

pytestmark = pytest.mark.asyncio(loop_scope="session")

# Q1 -> Q2 -> Q3 -> Q1, every block reachable from the entry.
LOOP = lines(
    "dag: Which houseplant — again and again?",  # 0
    "entry: Q1",
    "",
    "Q1: Is the flat bright — even in winter?",
    "  A: Bright — very 🌞 -> Q2",
    "  B: Dark -> [FERN]",  # 5
    "",
    "Q2: Will you water it every week? 💧",
    "  A: Oui — souvent 💧 -> Q3",
    "  B: Rarely -> [CACTUS]",
    "",  # 10
    "Q3: Is the air humid?",
    "  yes 🌧 -> Q1",
    "  no     -> [FERN]",
    "",
    "[FERN]: A fern",  # 15
    "",
    "[CACTUS]: A cactus",
)


def related(
    editor: Editor, uri: str, places: list[tuple[int, int, int, str]]
) -> list[types.DiagnosticRelatedInformation]:
    """Related information at (line, start, end) code point columns."""
    return [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=editor.range(uri, *where)),
            message=message,
        )
        for *where, message in places
    ]


async def test_a_cycle_names_each_of_its_answers_at_its_target(editor: Editor) -> None:
    uri, diagnostics = await editor.open(LOOP)

    (cycle,) = diagnostics
    assert cycle.code == "DAG008"
    assert cycle.severity == types.DiagnosticSeverity.Error
    assert cycle.range == editor.range(uri, 12, 11, 13)
    assert cycle.message == "this answer closes a cycle: Q1 -> Q2 -> Q3 -> Q1"
    assert list(cycle.related_information or []) == related(
        editor,
        uri,
        [(4, 24, 26, "Q1 leads to Q2"), (8, 24, 26, "Q2 leads to Q3"),
         (12, 11, 13, "Q3 leads to Q1")],
    )  # fmt: skip
    await editor.close(uri)


async def test_an_answer_leading_to_its_own_question_is_one_place(
    editor: Editor,
) -> None:
    text = LOOP.replace("  B: Rarely -> [CACTUS]", "  B: Rarely — ✋ -> Q2")
    uri, diagnostics = await editor.open(text)

    cycles = [d for d in diagnostics if d.code == "DAG008"]

    assert [d.message for d in cycles] == [
        "this answer closes a cycle: Q2 -> Q2",
        "this answer closes a cycle: Q1 -> Q2 -> Q3 -> Q1",
    ]
    assert cycles[0].range == editor.range(uri, 9, 19, 21)
    assert list(cycles[0].related_information or []) == related(
        editor, uri, [(9, 19, 21, "Q2 leads to Q2")]
    )
    await editor.close(uri)


async def test_the_related_places_follow_an_edit_above_them(editor: Editor) -> None:
    uri, _ = await editor.open(LOOP)
    above = types.TextDocumentContentChangePartial(
        range=editor.range(uri, 3, 0, 0), text="# A comment — 🌿\n"
    )
    moved = LOOP.replace("Q1: Is", "# A comment — 🌿\nQ1: Is")

    (cycle,) = await editor.change(uri, 2, [above], moved)

    assert cycle.range == editor.range(uri, 13, 11, 13)
    assert list(cycle.related_information or []) == related(
        editor,
        uri,
        [(5, 24, 26, "Q1 leads to Q2"), (9, 24, 26, "Q2 leads to Q3"),
         (13, 11, 13, "Q3 leads to Q1")],
    )  # fmt: skip
    await editor.close(uri)


async def test_breaking_the_cycle_clears_its_diagnostic(editor: Editor) -> None:
    uri, _ = await editor.open(LOOP)
    answer = types.TextDocumentContentChangePartial(
        range=editor.range(uri, 12, 11, 13), text="[FERN]"
    )
    broken = LOOP.replace("  yes 🌧 -> Q1", "  yes 🌧 -> [FERN]")

    diagnostics = await editor.change(uri, 2, [answer], broken)

    assert diagnostics == []
    await editor.close(uri)
