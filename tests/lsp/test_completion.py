"""Completion: what is offered where, and the exact edit of each item."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor, text_edit
from .trees import BREW, NOTES, lines

pytestmark = pytest.mark.asyncio(loop_scope="session")

Edit = tuple[str, str, types.Range]


def edits(result: types.CompletionList) -> list[Edit]:
    """Each item's label, new text and range."""
    found = []
    for item in result.items:
        edit = item.text_edit
        assert isinstance(edit, types.TextEdit)
        found.append((item.label, edit.new_text, edit.range))
    return found


def with_line(text: str, number: int, new: str) -> str:
    rows = text.split("\n")
    rows[number] = new
    return "\n".join(rows)


async def offered(
    editor: Editor, text: str, line: int, column: int, trigger: str | None = None
) -> tuple[str, types.CompletionList]:
    uri, _ = await editor.open(text)
    result = await editor.complete(uri, line, column, trigger)
    await editor.close(uri)
    return uri, result


async def test_targets_after_an_arrow(editor: Editor) -> None:
    text = with_line(BREW, 9, "  no  ->")
    _, result = await offered(editor, text, 9, 8, trigger=">")

    here = types.Range(
        start=types.Position(line=9, character=8),
        end=types.Position(line=9, character=8),
    )
    assert edits(result) == [
        ("Q2", " Q2", here),
        ("Q21", " Q21", here),
        ("[INSTANT]", " [INSTANT]", here),
        ("[FRENCH_PRESS]", " [FRENCH_PRESS]", here),
        ("[ESPRESSO]", " [ESPRESSO]", here),
        ("[POUR-OVER]", " [POUR-OVER]", here),
        ("Q1", " Q1", here),
    ]
    assert result.is_incomplete is False
    details = {item.label: item.detail for item in result.items}
    assert details["Q2"] == "Is there a grinder at hand?"
    assert details["[INSTANT]"] == "Instant coffee"


async def test_the_whole_id_under_the_cursor_is_replaced(editor: Editor) -> None:
    uri, result = await offered(editor, BREW, 13, 10)

    ranges = {label: edit_range for label, _, edit_range in edits(result)}
    assert ranges["Q21"] == editor.range(uri, 13, 9, 12)
    assert dict((label, text) for label, text, _ in edits(result))["Q2"] == "Q2"


async def test_outcomes_inside_brackets_without_doubling_the_bracket(
    editor: Editor,
) -> None:
    open_bracket = with_line(BREW, 9, "  no  -> [IN")
    uri, result = await offered(editor, open_bracket, 9, 12, trigger=None)
    assert ("INSTANT", "INSTANT]", editor.range(uri, 9, 10, 12)) in edits(result)
    assert {label for label, _, _ in edits(result)} == {
        "INSTANT", "FRENCH_PRESS", "ESPRESSO", "POUR-OVER"
    }  # fmt: skip

    closed = with_line(BREW, 9, "  no  -> [IN]")
    uri, result = await offered(editor, closed, 9, 12)
    assert ("INSTANT", "INSTANT", editor.range(uri, 9, 10, 12)) in edits(result)


async def test_outcomes_after_a_comma_in_an_elimination_list(editor: Editor) -> None:
    text = with_line(NOTES, 5, "  A: Phone [POCKET, ]")
    uri, result = await offered(editor, text, 5, 20, trigger=",")

    here = editor.range(uri, 5, 20, 20)
    assert edits(result) == [("SYNCED", "SYNCED", here), ("PLAIN", "PLAIN", here)]


async def test_only_outcome_lists_after_an_arrow_in_elimination(editor: Editor) -> None:
    text = with_line(NOTES, 6, "  B: Laptop -> ")
    _, result = await offered(editor, text, 6, 15, trigger=" ")

    assert [label for label, _, _ in edits(result)] == [
        "[POCKET]",
        "[SYNCED]",
        "[PLAIN]",
    ]
    assert edits(result)[0][1] == "[POCKET]"


async def test_questions_after_entry(editor: Editor) -> None:
    text = with_line(BREW, 4, "entry: ")
    uri, result = await offered(editor, text, 4, 7, trigger=" ")

    assert [label for label, _, _ in edits(result)] == ["Q1", "Q2", "Q21"]
    assert [r for _, _, r in edits(result)] == [editor.range(uri, 4, 7, 7)] * 3


async def test_questions_and_answers_in_conditions(editor: Editor) -> None:
    question = with_line(BREW, 18, "  when: Q")
    uri, result = await offered(editor, question, 18, 9)
    assert [label for label, _, _ in edits(result)] == ["Q21", "Q2", "Q1"]
    assert edits(result)[0][2] == editor.range(uri, 18, 8, 9)

    answer = with_line(BREW, 18, "  when: Q1=y, Q2=yes")
    uri, result = await offered(editor, answer, 18, 12, trigger="=")
    assert edits(result) == [
        ("yes", "yes", editor.range(uri, 18, 11, 12)),
        ("no", "no", editor.range(uri, 18, 11, 12)),
    ]
    assert result.items[0].detail == "yes -> Q2"


async def test_questions_answers_and_outcomes_in_routes(editor: Editor) -> None:
    uri, result = await offered(editor, BREW, 39, 21)
    assert [(label, r) for label, _, r in edits(result)] == [
        ("yes", editor.range(uri, 39, 21, 24)),
        ("no", editor.range(uri, 39, 21, 24)),
    ]

    step = with_line(BREW, 39, "  strong: Q1=yes, ")
    uri, result = await offered(editor, step, 39, 18, trigger=" ")
    assert [label for label, _, _ in edits(result)] == ["Q21", "Q2", "Q1"]

    outcome = with_line(BREW, 39, "  strong: Q1=yes, Q2=yes, Q21=yes -> ")
    uri, result = await offered(editor, outcome, 39, 37, trigger=" ")
    assert edits(result)[0][1] == "[POUR-OVER]"
    assert {label for label, _, _ in edits(result)} == {
        "[INSTANT]", "[FRENCH_PRESS]", "[ESPRESSO]", "[POUR-OVER]"
    }  # fmt: skip


async def test_property_keys_inside_blocks(editor: Editor) -> None:
    question = with_line(BREW, 14, "  h")
    uri, result = await offered(editor, question, 14, 3)
    assert edits(result) == [
        ("hint", "hint: ", editor.range(uri, 14, 2, 3)),
        ("when", "when: ", editor.range(uri, 14, 2, 3)),
    ]

    outcome = with_line(BREW, 33, "  ")
    uri, result = await offered(editor, outcome, 33, 2)
    assert [text for _, text, _ in edits(result)] == [
        "color: ", "description: ", "code: ", "image: ", "url: "
    ]  # fmt: skip

    existing = await offered(editor, BREW, 7, 4)
    assert [text for _, text, _ in edits(existing[1])] == ["hint", "when"]


async def test_header_keys_at_column_0_in_the_header(editor: Editor) -> None:
    text = with_line(BREW, 3, "lo")
    uri, result = await offered(editor, text, 3, 2)

    labels = [label for label, _, _ in edits(result)]
    assert labels == ["mode", "description", "tags", "image", "locale"]
    assert edits(result)[-1] == ("locale", "locale: ", editor.range(uri, 3, 0, 2))


async def test_keys_and_blocks_on_an_empty_line_of_the_header(editor: Editor) -> None:
    _, result = await offered(editor, BREW, 5, 0)

    labels = [item.label for item in result.items]
    assert labels == [
        "mode", "description", "image", "locale", "question block", "outcome block"
    ]  # fmt: skip


async def test_snippets_for_new_blocks(editor: Editor) -> None:
    text = BREW + "\n"
    uri, result = await offered(editor, text, 41, 0)

    question, outcome = result.items
    assert question.label == "question block"
    assert question.insert_text_format == types.InsertTextFormat.Snippet
    assert question.text_edit == types.TextEdit(
        range=editor.range(uri, 41, 0, 0),
        new_text="${1:Q22}: ${2:Question text?}\n  ${3:yes} -> $4\n  ${5:no} -> $0",
    )
    assert outcome.label == "outcome block"
    assert text_edit(outcome).new_text.startswith("[${1:ID}]: ${2:Label}\n")

    bracket = with_line(text, 41, "[")
    uri, result = await offered(editor, bracket, 41, 1, trigger="[")
    assert [text_edit(item).range for item in result.items] == [
        editor.range(uri, 41, 0, 1)
    ] * 2


@pytest.mark.parametrize(
    ("line", "column", "trigger"),
    [
        (7, 20, None),  # in a hint
        (7, 13, " "),
        (6, 10, None),  # in a question's text
        (0, 5, None),  # in a comment
        (11, 10, " "),
        (22, 14, None),  # in an outcome's label
        (24, 20, None),  # in a description
        (8, 3, None),  # in an answer label
        (38, 4, None),  # in a route's name
    ],
)
async def test_nothing_in_free_text(
    editor: Editor, line: int, column: int, trigger: str | None
) -> None:
    _, result = await offered(editor, BREW, line, column, trigger)

    assert list(result.items) == []


async def test_a_space_that_indents_opens_no_keys(editor: Editor) -> None:
    text = with_line(BREW, 14, "  ")
    _, typed = await offered(editor, text, 14, 2, trigger=" ")
    _, invoked = await offered(editor, text, 14, 2)

    assert list(typed.items) == []
    assert [item.label for item in invoked.items] == ["hint", "when"]


async def test_nothing_after_hint_even_with_an_arrow(editor: Editor) -> None:
    text = with_line(BREW, 7, "  hint: if yes -> ")
    _, result = await offered(editor, text, 7, 18, trigger=" ")

    assert list(result.items) == []


@pytest.mark.parametrize("hint", ["  hint : if yes -> ", "  hint\t: if yes -> "])
async def test_nothing_after_hint_with_a_blank_before_its_colon(
    editor: Editor, hint: str
) -> None:
    text = with_line(BREW, 7, hint)
    _, typed = await offered(editor, text, 7, len(hint), trigger=" ")
    _, invoked = await offered(editor, text, 7, len(hint))

    assert list(typed.items) == []
    assert list(invoked.items) == []


async def test_conditions_after_when_with_a_blank_before_its_colon(
    editor: Editor,
) -> None:
    answer = with_line(BREW, 18, "  when : Q2=")
    uri, result = await offered(editor, answer, 18, 12, trigger="=")
    assert [label for label, _, _ in edits(result)] == ["yes", "no"]
    assert edits(result)[0][2] == editor.range(uri, 18, 12, 12)

    question = with_line(BREW, 18, "  when : ")
    _, result = await offered(editor, question, 18, 9, trigger=" ")
    assert [label for label, _, _ in edits(result)] == ["Q21", "Q2", "Q1"]


FIRST_OUTCOME = lines(
    "dag: Outcomes first",
    "entry: Q1",
    "",
    "[DONE]: Done",
    "",
    "Q1: Ready?",
    "  yes -> [DONE]",
    "  no  -> [DONE]",
)

FIRST_COMMENT = lines(
    "dag: A comment first",
    "entry: Q1",
    "",
    "# The questions.",
    "Q1: Ready?",
    "  yes -> [DONE]",
    "  no  -> [DONE]",
    "",
    "[DONE]: Done",
)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (BREW, 6, 1),  # on Q1 of 'Q1: Do you have...', the first block
        (BREW, 6, 0),
        (FIRST_OUTCOME, 3, 1),  # on DONE of '[DONE]: Done', the first block
        (FIRST_OUTCOME, 5, 1),
        (FIRST_COMMENT, 3, 0),  # the comment above the first block
        (FIRST_COMMENT, 4, 1),
    ],
)
async def test_no_header_keys_on_the_id_of_the_first_block(
    editor: Editor, text: str, line: int, column: int
) -> None:
    _, result = await offered(editor, text, line, column)

    assert list(result.items) == []


async def test_header_keys_and_blocks_on_the_empty_line_above_the_first_block(
    editor: Editor,
) -> None:
    _, outcome = await offered(editor, FIRST_OUTCOME, 2, 0)
    _, comment = await offered(editor, FIRST_COMMENT, 2, 0)

    for result in (outcome, comment):
        labels = [item.label for item in result.items]
        assert labels[0] == "mode" and labels[-1] == "outcome block"


def many_questions(count: int) -> str:
    rows = ["dag: A long chain", "entry: Q1", ""]
    for number in range(1, count + 1):
        rows += [f"Q{number}: Question {number}?", f"  next -> Q{number + 1}", ""]
    rows += [f"Q{count + 1}: The last one?", "  done -> [END]", "", "[END]: End"]
    return lines(*rows)


async def test_a_large_tree_offers_the_nearest_and_best_matches(editor: Editor) -> None:
    text = many_questions(300)
    line = 3 * 150 + 1
    _, nearest = await offered(editor, with_line(text, line, "  next -> "), line, 10)

    assert nearest.is_incomplete is True
    assert len(nearest.items) == 100
    assert [item.label for item in nearest.items[:3]] == ["Q151", "Q152", "Q153"]

    typed = with_line(text, line, "  next -> Q29")
    _, matching = await offered(editor, typed, line, 13)
    labels = [item.label for item in matching.items]
    assert labels[:2] == ["Q290", "Q291"]
    assert set(labels) == {"Q29"} | {f"Q29{d}" for d in range(10)}
